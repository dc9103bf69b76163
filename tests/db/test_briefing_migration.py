"""Migration 0010_briefing: a file at 0006 gains the briefing tables, its trips and people intact and ready for them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from planner.db.engine import current_revision, open_database
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.domain.briefing import FollowUpData, ItemBriefingData, ProfileOwner
from planner.domain.localized import LocalizedText
from planner.services import briefing, follow_ups
from planner.services.people import get_person
from planner.services.trips import get_trip
from tests.db.old_files import file_at, person_row, trip_row

pytestmark = pytest.mark.sqlite_file

_ITEM = (
    "INSERT INTO programme_item (id, version, trip_id, kind, title, description, venue_id, start_utc, end_utc, timezone, end_timezone,"
    " host_contact_id, host_person_id, dress_code, transport, everyone, modified_at) VALUES (1, 1, 1, 'meeting', '{\"en\": \"Meeting\"}', '{}',"
    " NULL, '2016-10-25 01:30:00.000000', '2016-10-25 02:30:00.000000', 'Asia/Shanghai', '', NULL, NULL, '{}', '{}', 1, NULL)"
)


def test_0010_is_known_after_0006() -> None:
    assert KNOWN_REVISIONS.index("0010_briefing") > KNOWN_REVISIONS.index("0006_trip_emergency_contacts")


def test_a_0006_file_is_upgraded_and_takes_briefings_profiles_and_follow_ups(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    file_at(path, "0006_trip_emergency_contacts", trip_row(), person_row(family="Xu", given="Qin"), _ITEM)
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
        with db.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            assert {"item_briefing", "person_profile", "contact_profile", "follow_up"} <= tables
            assert conn.execute(text("SELECT COUNT(*) FROM follow_up")).scalar() == 0
        assert get_trip(db, 1).title.en == "Old trip" and get_person(db, 1).family_name == "Xu"
        assert briefing.get_briefing(db, 1).is_empty()
        briefing.save_briefing(db, ItemBriefingData(id=1, objective=LocalizedText(en="Agree on the next steps")))
        briefing.set_biography(db, ProfileOwner.PERSON, 1, LocalizedText(zh="深圳市市长"), None)
        follow_ups.create_follow_up(db, FollowUpData(trip_id=1, what=LocalizedText(en="Send minutes"), item_id=1, who_person_id=1))
        assert briefing.get_briefing(db, 1).objective.en == "Agree on the next steps"
        assert briefing.get_profile(db, ProfileOwner.PERSON, 1).biography.zh == "深圳市市长"
        assert [f.what.en for f in follow_ups.list_follow_ups(db, 1)] == ["Send minutes"]
    finally:
        db.close()
