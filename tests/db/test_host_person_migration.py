"""Migration 0004_item_host_person: a 0003 file gains programme_item.host_person_id, its items keep their contacts."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from planner.db.engine import current_revision, open_database
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.services import people, privacy, programme
from tests.db.old_files import file_at, person_row, trip_row

pytestmark = pytest.mark.sqlite_file


def _file_at_0003(path: Path) -> None:
    """A database file as the planner of revision 0003 left it: a trip, a person, a venue with a contact hosting an item."""
    file_at(
        path, "0003_protocol",
        trip_row(title="Return visit", country="DE", zone="Europe/Berlin", first="2016-06-06", last="2016-06-09"),
        person_row(family="Schostok", given="Stefan", function='{"de": "Oberbürgermeister"}', nationality="DE"),
        "INSERT INTO venue (id, version, name, kind, address_local, address_romanised, city, country, timezone, website, notes)"
        " VALUES (1, 1, '{\"de\": \"Neues Rathaus\"}', 'government', 'Trammplatz 2', '', '{}', 'DE', 'Europe/Berlin', '', '')",
        "INSERT INTO venue_contact (id, version, venue_id, name, native_name, function, phone, email)"
        " VALUES (1, 1, 1, 'Protokoll', '', '{}', '', '')",
        "INSERT INTO programme_item (id, version, trip_id, kind, title, description, venue_id, start_utc, end_utc, timezone,"
        " end_timezone, host_contact_id, dress_code, transport, everyone) VALUES (1, 1, 1, 'meeting', '{\"en\": \"Reception\"}',"
        " '{}', 1, '2016-06-07 08:00:00', '2016-06-07 09:00:00', 'Europe/Berlin', '', 1, '{}', '{}', 1)",
    )


def test_0004_follows_0003_in_the_known_revisions() -> None:
    assert KNOWN_REVISIONS.index("0004_item_host_person") == KNOWN_REVISIONS.index("0003_protocol") + 1


def test_a_0003_file_is_upgraded_and_an_item_can_be_hosted_by_a_person(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _file_at_0003(path)
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
        with db.engine.connect() as conn:
            inspector = inspect(conn)
            columns = {c["name"]: c for c in inspector.get_columns("programme_item")}
            keys = [fk for fk in inspector.get_foreign_keys("programme_item") if fk["constrained_columns"] == ["host_person_id"]]
        assert columns["host_person_id"]["nullable"]
        assert [(fk["referred_table"], fk["options"].get("ondelete")) for fk in keys] == [("person", "SET NULL")]
        item = programme.get_item(db, 1)
        assert (item.host_contact_id, item.host_person_id) == (1, None)  # the old host kept
        hosted = programme.update_item(db, item.evolve(host_contact_id=None, host_person_id=1)).after
        assert hosted.host_person_id == 1
        privacy.erase_person(db, 1)  # an erased person hosts nothing any more
        erased = programme.get_item(db, 1)
        assert erased.host_person_id is None and erased.version > hosted.version
        assert people.get_person(db, 1).family_name != "Schostok"
    finally:
        db.close()
