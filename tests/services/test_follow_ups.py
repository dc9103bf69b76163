"""Follow-ups per trip: created, changed, deleted and restored; the open ones travel with a duplicated trip."""

from __future__ import annotations

from datetime import date

import pytest

from planner.db.engine import Database
from planner.domain.briefing import FollowUpData, FollowUpStatus, ItemBriefingData
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText as L
from planner.services import briefing, follow_ups, trips
from planner.services.base import Action
from planner.services.trip_copy import duplicate_trip
from tests.services.conftest import new_item, new_person, new_trip


def test_a_follow_up_is_created_listed_updated_deleted_and_restored(db: Database) -> None:
    trip = new_trip(db)
    item = new_item(db, trip, title="Meeting with the vice-mayor")
    person = new_person(db, "Eisenschmidt", "Peter")
    created = follow_ups.create_follow_up(db, FollowUpData(
        trip_id=trip.id, what=L(de="Konzept Designwettbewerb schicken", en="Send the design competition concept"),
        who_person_id=person.id, due=date(2016, 12, 15), item_id=item.id,
    ))
    later = follow_ups.create_follow_up(db, FollowUpData(trip_id=trip.id, what=L(en="Invite to HALLE96"), who="kre|H|tiv"))
    done = follow_ups.create_follow_up(db, FollowUpData(trip_id=trip.id, what=L(en="Photos to the press office"),
                                                        status=FollowUpStatus.DONE, due=date(2016, 11, 1)))
    assert [f.id for f in follow_ups.list_follow_ups(db, trip.id)] == [created.id, later.id, done.id]  # open first, by due date
    updated = follow_ups.set_status(db, created.id, FollowUpStatus.DONE, created.after.version)
    assert updated.before.status is FollowUpStatus.OPEN and updated.after.status is FollowUpStatus.DONE
    deleted = follow_ups.delete_follow_up(db, created.id)
    assert deleted.action is Action.DELETED and created.id not in [f.id for f in follow_ups.list_follow_ups(db, trip.id)]
    restored = follow_ups.restore_follow_up(db, deleted.before)
    assert restored.id == created.id and restored.after.item_id == item.id and restored.after.who_person_id == person.id


def test_a_follow_up_needs_a_task_and_one_kind_of_who(db: Database) -> None:
    trip = new_trip(db)
    person = new_person(db)
    with pytest.raises(ValidationErrors) as refused:
        follow_ups.create_follow_up(db, FollowUpData(trip_id=trip.id, what=L(), who_person_id=person.id, who="Someone"))
    assert {e.field for e in refused.value.errors} == {"what", "who"}
    assert "Say what is to be done." in str(refused.value)


def test_a_follow_up_cannot_name_another_trips_item(db: Database) -> None:
    other_item = new_item(db, new_trip(db, "Other"))
    with pytest.raises(ValidationError, match="another trip"):
        follow_ups.create_follow_up(db, FollowUpData(trip_id=new_trip(db).id, what=L(en="x"), item_id=other_item.id))


def test_a_follow_up_created_on_the_2016_trip_appears_on_its_duplicate(db: Database) -> None:
    trip = new_trip(db, "Shenzhen 2016")
    item = new_item(db, trip, title="Meeting with the vice-mayor")
    briefing.save_briefing(db, ItemBriefingData(id=item.id, objective=L(en="Open the door"), minutes=L(en="Agreed a pilot")))
    owed = follow_ups.create_follow_up(db, FollowUpData(
        trip_id=trip.id, what=L(en="Send the pilot proposal"), who="hannoverimpuls", due=date(2017, 1, 31), item_id=item.id,
    )).after
    follow_ups.create_follow_up(db, FollowUpData(trip_id=trip.id, what=L(en="Thank-you letters"), status=FollowUpStatus.DONE))

    copy = duplicate_trip(db, trip.id, title=L(en="Shenzhen 2017"), first_day=date(2017, 10, 23))
    carried = follow_ups.list_follow_ups(db, copy.id)
    assert [f.what.en for f in carried] == ["Send the pilot proposal"]  # only the open one
    (f,) = carried
    new_item_id = next(c.id for c in copy.related if c.entity == "item")
    assert f.origin_trip_id == trip.id and f.origin.en == "Shenzhen 2016" and f.agreed_on == date(2016, 10, 24)
    assert f.item_id == new_item_id and f.who == "hannoverimpuls" and f.due == owed.due and f.id != owed.id
    assert any(c.entity == "follow_up" and c.id == f.id for c in copy.related)
    # The copied item keeps the briefing to prepare, not the minutes of the original meeting.
    copied = briefing.get_briefing(db, new_item_id)
    assert copied.objective.en == "Open the door" and copied.minutes.is_empty()
    # The original keeps its own, and deleting the copy (undo) takes the carried ones with it.
    assert len(follow_ups.list_follow_ups(db, trip.id)) == 2
    trips.delete_trip(db, copy.id)
    assert len(follow_ups.list_follow_ups(db, trip.id)) == 2


def test_carried_twice_it_still_says_where_it_was_agreed(db: Database) -> None:
    trip = new_trip(db, "Shenzhen 2016")
    follow_ups.create_follow_up(db, FollowUpData(trip_id=trip.id, what=L(en="Student exchange, second round")))
    first = duplicate_trip(db, trip.id, title=L(en="Shenzhen 2017"), first_day=date(2017, 10, 23))
    second = duplicate_trip(db, first.id, title=L(en="Shenzhen 2018"), first_day=date(2018, 10, 22))
    (f,) = follow_ups.list_follow_ups(db, second.id)
    assert f.origin.en == "Shenzhen 2016" and f.origin_trip_id == trip.id and f.agreed_on == date(2016, 10, 24)
