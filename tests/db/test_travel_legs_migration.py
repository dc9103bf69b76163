"""Migration 0009_travel_legs: a file at 0006_trip_emergency_contacts gains the table, its trip and members intact and ready for legs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect

from planner.db.engine import current_revision, open_database
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.services.delegation import list_members
from planner.services.travel_legs import create_leg, trip_legs
from tests.db.old_files import file_at, person_row, trip_row

pytestmark = pytest.mark.sqlite_file


def test_0009_is_known_after_0006() -> None:
    assert KNOWN_REVISIONS.index("0009_travel_legs") > KNOWN_REVISIONS.index("0006_trip_emergency_contacts")


def test_a_0006_file_is_upgraded_and_takes_travel_legs(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    file_at(
        path, "0006_trip_emergency_contacts", trip_row(), person_row(family="Vogt", given="Martin"),
        "INSERT INTO membership (id, version, trip_id, person_id, role, protocol_order) VALUES (1, 1, 1, 1, 'member', 1)",
    )
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
        with db.engine.connect() as conn:
            assert "travel_leg" in inspect(conn).get_table_names()
            [pickup] = [fk for fk in inspect(conn).get_foreign_keys("travel_leg") if fk["constrained_columns"] == ["vehicle_id"]]
            assert (pickup["referred_table"], pickup["options"].get("ondelete")) == ("vehicle", "SET NULL")
        [member] = list_members(db, 1)
        assert member.person.family_name == "Vogt"
        assert trip_legs(db, 1) == ()
        create_leg(db, TravelLegData(
            membership_id=1, direction=LegDirection.ARRIVAL, number="LH 722",
            arrival=datetime(2016, 10, 24, 7, 10, tzinfo=UTC), arrival_timezone="Asia/Shanghai",
        ))
        assert [leg.number for leg in trip_legs(db, 1)] == ["LH 722"]
    finally:
        db.close()
