"""Migration 0005_calendar_revisions: a 0003 file gains when items were saved and deleted items' last versions, data intact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from planner.db.engine import current_revision, open_database
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.domain.enums import Language
from planner.export.ics import trip_calendar
from planner.export.tripview import TripView
from planner.services import issuing, programme
from planner.services.calendar_revisions import calendar_revisions
from tests.db.old_files import file_at, person_row, trip_row

pytestmark = pytest.mark.sqlite_file


def _file_at_0003(path: Path) -> None:
    """A database file as the planner of revision 0003 left it: a trip, a member, two items."""
    items = [
        "INSERT INTO programme_item (id, version, trip_id, kind, title, description, start_utc, end_utc, timezone, end_timezone,"
        f" dress_code, transport, everyone) VALUES ({item_id}, 4, 1, 'site_visit', '{{\"en\": \"{title}\"}}', '{{}}',"
        f" '2016-10-25 {hour}:00', '2016-10-25 05:30:00', 'Asia/Shanghai', '', '{{}}', '{{}}', 1)"
        for item_id, title, hour in ((1, "Visit", "01:30"), (2, "Lunch", "04:00"))
    ]
    file_at(
        path, "0003_protocol", trip_row(version=3), person_row(family="Weil", given="Stephan"),
        "INSERT INTO membership (id, version, trip_id, person_id, role, protocol_order) VALUES (1, 1, 1, 1, 'head', 1)", *items,
    )


def test_0005_follows_0004_in_the_known_revisions() -> None:
    assert KNOWN_REVISIONS.index("0005_calendar_revisions") == KNOWN_REVISIONS.index("0004_item_host_person") + 1


def test_a_0003_file_is_upgraded_and_its_calendars_update(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _file_at_0003(path)
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
        with db.engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("programme_item")}
            keys = {c["name"] for c in inspect(conn).get_columns("issued_item")}
            assert conn.execute(text("SELECT COUNT(*) FROM programme_item WHERE modified_at IS NULL")).scalar() == 2
        assert "modified_at" in columns and {"final_version", "deleted_at"} <= keys
        issuing.issue(db, 1, {1: Language.DE}, issued_at=datetime(2016, 10, 20, 8, 0, tzinfo=UTC))
        revisions = calendar_revisions(db, 1)
        # Row versions carried over: (4 - 1) + (3 - 1); when the items were saved is not known yet.
        assert [(r.sequence, r.modified_at) for r in revisions.live.values()] == [(5, None), (5, None)]
        visit = programme.get_item(db, 1)
        programme.move_item(db, 1, visit.version, visit.start + timedelta(hours=1))
        programme.delete_item(db, 2)
        revisions = calendar_revisions(db, 1)
        assert revisions.live[1].sequence == 6 and revisions.live[1].modified_at is not None
        (gone,) = revisions.gone.values()
        assert gone.item.title.en == "Lunch" and gone.revision.sequence == 6 and gone.revision.modified_at is not None
        events = {str(e["summary"]): e for e in trip_calendar(TripView.load(db, 1), language="en", revisions=revisions).walk("VEVENT")}
        assert str(events["Cancelled: Lunch"]["status"]) == "CANCELLED" and events["Visit"]["sequence"] == 6
    finally:
        db.close()
