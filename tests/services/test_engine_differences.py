"""Where SQLite and PostgreSQL differ, the planner behaves the same: lengths, order, flags, moments.

Run on both (PLANNER_TEST_DATABASE_URL); each test states the difference it guards.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from planner.db.engine import Database
from planner.domain.errors import PlannerError, ValidationErrors
from planner.services import delegation, people, privacy, programme, venues
from tests.services.conftest import MORNING, new_item, new_member, new_person, new_trip, new_venue


def test_an_overlong_web_address_is_refused_by_validation_not_by_the_column(db: Database) -> None:
    """PostgreSQL enforces VARCHAR(500); SQLite would have stored it."""
    venue = new_venue(db)
    with pytest.raises(ValidationErrors, match="at most 500 characters"):
        venues.update_venue(db, venue.evolve(website="https://example.org/" + "x" * 600))
    assert venues.get_venue(db, venue.id).website == ""


@pytest.mark.postgresql
def test_a_value_too_long_for_its_column_is_a_message_not_a_crash(db: Database) -> None:
    """A column limit that validation missed: one clear message, nothing written."""
    from planner.services.base import run

    def too_long(session: Session) -> None:
        session.execute(text("INSERT INTO person (version, family_name, phone) VALUES (1, 'X', :p)"), {"p": "1" * 41})

    with pytest.raises(PlannerError, match="does not fit into the database"):
        run(db, too_long)
    assert people.list_people(db) == []


def test_items_at_the_same_moment_keep_their_order(db: Database) -> None:
    """Without a tie-breaker PostgreSQL returns equal sort keys in any order (an updated row moves)."""
    trip = new_trip(db)
    first, second, third = (new_item(db, trip, title=t) for t in ("A", "B", "C"))
    programme.update_item(db, first.evolve(description=first.description.replace("en", "changed")))
    assert [i.id for i in programme.list_items(db, trip.id)] == [first.id, second.id, third.id]
    person = new_person(db)
    member = new_member(db, trip, person)
    report = privacy.person_report(db, person.id)
    assert [item["title"]["en"] for item in report["trips"][0]["programme"]] == ["A", "B", "C"]
    assert delegation.list_members(db, trip.id)[0].membership.id == member.id


def test_members_of_equal_rank_come_in_the_order_they_were_added(db: Database) -> None:
    trip = new_trip(db)
    members = [new_member(db, trip, new_person(db, name), order=1) for name in ("Weil", "Xu", "Li")]
    people.update_person(db, people.get_person(db, members[0].person_id).evolve(given_name="Stefan"))
    assert [m.membership.id for m in delegation.list_members(db, trip.id)] == [m.id for m in members]


def test_flags_and_moments_read_back_alike(db: Database) -> None:
    """Booleans are real booleans on PostgreSQL and 0/1 on SQLite; moments come back aware, in UTC."""
    trip = new_trip(db)
    shanghai = datetime(2016, 10, 24, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    member = new_member(db, trip, new_person(db))
    item = new_item(db, trip, start=shanghai, everyone=False, participant_ids=(member.id,))
    again = programme.get_item(db, item.id)
    assert again.everyone is False
    assert again.start == shanghai and again.start.tzinfo is UTC and again.start.hour == 1
    assert programme.get_item(db, new_item(db, trip, start=MORNING).id).everyone is True
