"""Migration 0008_vehicles: a file at 0006_trip_emergency_contacts gains the vehicle tables, its trip intact and ready for a fleet."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from planner.db.engine import current_revision, open_database
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.domain.vehicles import VehicleData, VehicleKind
from planner.services.trips import get_trip
from planner.services.vehicles import create_vehicle, trip_vehicles
from tests.db.old_files import file_at, trip_row

pytestmark = pytest.mark.sqlite_file


def test_0008_is_known_after_0006() -> None:
    assert KNOWN_REVISIONS.index("0008_vehicles") > KNOWN_REVISIONS.index("0006_trip_emergency_contacts")


def test_a_0006_file_is_upgraded_and_takes_vehicles(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    file_at(path, "0006_trip_emergency_contacts", trip_row())
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
        with db.engine.connect() as conn:
            assert {"vehicle", "vehicle_ride", "motorcade_place"} <= set(inspect(conn).get_table_names())
        assert get_trip(db, 1).title.en == "Old trip"
        assert trip_vehicles(db, 1) == ()
        create_vehicle(db, VehicleData(trip_id=1, label="Coach", kind=VehicleKind.COACH, seats=45))
        assert [(v.label, v.kind, v.seats) for v in trip_vehicles(db, 1)] == [("Coach", VehicleKind.COACH, 45)]
    finally:
        db.close()
