"""Migration 0006_trip_emergency_contacts: a file at 0003_protocol gains the table, its trips intact and ready for one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from planner.db.engine import current_revision, open_database
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.domain.localized import LocalizedText
from planner.domain.missions import EmergencyContactData
from planner.services.emergency_contacts import save_emergency_contacts, trip_emergency_contacts
from planner.services.trips import get_trip
from tests.db.old_files import file_at, trip_row

pytestmark = pytest.mark.sqlite_file


def _file_at_0003(path: Path) -> None:
    file_at(path, "0003_protocol", trip_row(city='{"en": "Shenzhen"}'))


def test_0006_is_known_after_0003() -> None:
    assert KNOWN_REVISIONS.index("0006_trip_emergency_contacts") > KNOWN_REVISIONS.index("0003_protocol")


def test_a_0003_file_is_upgraded_and_takes_emergency_contacts(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _file_at_0003(path)
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
        with db.engine.connect() as conn:
            assert "emergency_contact" in inspect(conn).get_table_names()
        assert get_trip(db, 1).title.en == "Old trip"
        assert trip_emergency_contacts(db, 1) == ()
        save_emergency_contacts(db, 1, [EmergencyContactData(name=LocalizedText(en="Consulate"), phone="+86 20 8313 0000")])
        assert [c.phone for c in trip_emergency_contacts(db, 1)] == ["+86 20 8313 0000"]
    finally:
        db.close()
