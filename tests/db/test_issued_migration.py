"""Migration 0002_issued_versions: an existing 0001 file gains the issued-version tables, its data intact."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from planner.db.backup import list_backups
from planner.db.engine import Database, current_revision, open_database
from planner.db.migrate import upgrade
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.domain.enums import Language
from planner.services import issuing, programme

pytestmark = pytest.mark.sqlite_file


def _file_at_0001(path: Path) -> None:
    """A database file as the planner of revision 0001 left it, with a trip, a member and an item."""
    engine = create_engine(f"sqlite:///{path}")
    upgrade(Database(engine), from_revision=None, target="0001_initial")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO trip (id, version, title, purpose, destination_city, destination_country, timezone, first_day, last_day,"
            " organiser, status, buffer_minutes, notes) VALUES (1, 1, '{\"en\": \"Old trip\"}', '{}', '{}', 'CN', 'Asia/Shanghai',"
            " '2016-10-24', '2016-10-27', '{}', 'confirmed', 30, '')"
        ))
        conn.execute(text(
            "INSERT INTO person (id, version, family_name, given_name, native_name, honorific, organisation, function, email, phone,"
            " preferred_language, dietary_needs, accessibility_needs, passport_number, nationality, notes)"
            " VALUES (1, 1, 'Weil', 'Stephan', '', '{}', '{}', '{}', '', '', 'de', '', '', '', '', '')"
        ))
        conn.execute(text("INSERT INTO membership (id, version, trip_id, person_id, role, protocol_order) VALUES (1, 1, 1, 1, 'head', 1)"))
        conn.execute(text(
            "INSERT INTO programme_item (id, version, trip_id, kind, title, description, start_utc, end_utc, timezone, end_timezone,"
            " dress_code, transport, everyone) VALUES (1, 1, 1, 'site_visit', '{\"en\": \"Visit\"}', '{}', '2016-10-25 01:30:00',"
            " '2016-10-25 03:30:00', 'Asia/Shanghai', '', '{}', '{}', 1)"
        ))
    engine.dispose()


def test_0002_follows_0001_in_the_known_revisions() -> None:
    assert KNOWN_REVISIONS.index("0002_issued_versions") == KNOWN_REVISIONS.index("0001_initial") + 1


def test_a_0001_file_is_upgraded_and_can_issue(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _file_at_0001(path)
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
        with db.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert {"issued_version", "issued_copy", "issued_item"} <= tables
        assert any("before-upgrade-from-0001_initial" in b.path.name for b in list_backups(path)), "backed up before the upgrade"
        version = issuing.issue(db, 1, {1: Language.DE}, issued_at=datetime(2016, 10, 20, 8, 0, tzinfo=UTC))
        assert version.number == 1 and version.recipients == ((1, "Stephan Weil"),)
        item = programme.get_item(db, 1)
        programme.move_item(db, 1, item.version, item.start.replace(hour=6))
        changes = issuing.pending_changes(db, 1)
        assert [c.member.person.family_name for c in changes.outdated] == ["Weil"]
        assert changes.last_issued_at == datetime(2016, 10, 20, 8, 0, tzinfo=UTC)
    finally:
        db.close()
