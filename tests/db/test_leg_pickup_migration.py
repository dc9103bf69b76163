"""Migration 0011_leg_pickup: a file at 0010_briefing with a departure leg keeps the leg, which has no pick-up time
until one is given."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect

from planner.db.engine import current_revision, open_database
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.domain.travel_legs import LegDirection
from planner.services.travel_legs import trip_legs, update_leg
from tests.db.old_files import file_at, person_row, trip_row

pytestmark = pytest.mark.sqlite_file


def test_0011_follows_0010() -> None:
    assert KNOWN_REVISIONS.index("0011_leg_pickup") == KNOWN_REVISIONS.index("0010_briefing") + 1


def test_a_0010_file_with_a_departure_is_upgraded_and_takes_its_pick_up_time(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    file_at(
        path, "0010_briefing", trip_row(), person_row(family="Vogt", given="Martin"),
        "INSERT INTO membership (id, version, trip_id, person_id, role, protocol_order) VALUES (1, 1, 1, 1, 'member', 1)",
        "INSERT INTO travel_leg (id, version, membership_id, direction, kind, number, origin, destination, departure_utc,"
        " departure_timezone, arrival_utc, arrival_timezone, terminal, booking_reference, met_by_person_id, vehicle_id,"
        " vehicle_note, notes) VALUES (1, 1, 1, 'departure', 'flight', 'LH 723', 'Shenzhen (SZX)', 'Frankfurt (FRA)',"
        " '2016-10-27 06:05:00.000000', 'Asia/Shanghai', NULL, '', 'T3', 'K7XQ2M', NULL, NULL, 'Lobby', '')",
    )
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
        with db.engine.connect() as conn:
            assert "pickup_utc" in {c["name"] for c in inspect(conn).get_columns("travel_leg")}
        [leg] = trip_legs(db, 1)
        assert (leg.direction, leg.number, leg.vehicle_note, leg.pickup) == (LegDirection.DEPARTURE, "LH 723", "Lobby", None)
        assert leg.departure == datetime(2016, 10, 27, 6, 5, tzinfo=UTC)
        update_leg(db, leg.evolve(pickup=datetime(2016, 10, 27, 3, tzinfo=UTC)))
        [timed] = trip_legs(db, 1)
        assert timed.local_pickup() is not None and timed.local_pickup().isoformat() == "2016-10-27T11:00:00+08:00"
    finally:
        db.close()
