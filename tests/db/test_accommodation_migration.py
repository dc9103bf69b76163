"""Migration 0007_accommodation: a 0006 file gains the room tables, its trip, members and hotel intact and ready for rooms."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect

from planner.db.engine import current_revision, open_database
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.domain.accommodation import RoomAssignmentData, RoomBlockData
from planner.domain.checks import ProblemKind
from planner.domain.localized import LocalizedText
from planner.services.accommodation import assign_room, create_block, trip_accommodation
from planner.services.checks import check_trip
from planner.services.trips import get_trip
from tests.db.old_files import file_at, person_row, trip_row

pytestmark = pytest.mark.sqlite_file


def _file_at_0006(path: Path) -> None:
    """A database file as the planner of revision 0006 left it: a trip with one member and a hotel in the directory."""
    file_at(
        path, "0006_trip_emergency_contacts", trip_row(), person_row(family="Weil", given="Stephan"),
        "INSERT INTO membership (id, version, trip_id, person_id, role, protocol_order, arrival, departure)"
        " VALUES (1, 1, 1, 1, 'head', 1, '2016-10-24', '2016-10-27')",
        "INSERT INTO venue (id, version, name, kind, address_local, address_romanised, city, country, timezone, website, notes)"
        " VALUES (1, 1, '{\"en\": \"InterContinental\"}', 'hotel', '', '', '{}', 'CN', 'Asia/Shanghai', '', '')",
    )


def test_0007_follows_0006_in_the_known_revisions() -> None:
    assert KNOWN_REVISIONS.index("0007_accommodation") == KNOWN_REVISIONS.index("0006_trip_emergency_contacts") + 1


def test_a_0006_file_is_upgraded_and_takes_rooms(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _file_at_0006(path)
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
        with db.engine.connect() as conn:
            assert {"room_block", "room_assignment"} <= set(inspect(conn).get_table_names())
        assert get_trip(db, 1).title.en == "Old trip"
        assert trip_accommodation(db, 1).blocks == ()
        block = create_block(db, RoomBlockData(trip_id=1, venue_id=1, room_type=LocalizedText(en="Suite"))).after
        assert [p.kind for p in check_trip(db, 1) if p.kind is ProblemKind.NO_BED] == [ProblemKind.NO_BED]
        assign_room(db, RoomAssignmentData(membership_id=1, block_id=block.id, first_night=date(2016, 10, 24),
                                           last_night=date(2016, 10, 26)))
        assert [p for p in check_trip(db, 1) if p.kind is ProblemKind.NO_BED] == []
    finally:
        db.close()
