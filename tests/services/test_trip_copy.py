"""Duplicating a trip as a template: delegation, programme and participants on new dates, all or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, TripData, VenueData
from planner.domain.enums import ItemKind, Role, TripStatus
from planner.domain.errors import NotFoundError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.domain.timing import local_to_utc
from planner.i18n import translator_for
from planner.services import delegation, programme, restore, trips
from planner.services.base import Action
from planner.services.trip_copy import copy_title, day_shift, duplicate_trip
from tests.services.conftest import (
    MORNING,
    count,
    new_item,
    new_member,
    new_person,
    new_trip,
    new_venue,
    participant_rows,
    snapshot,
)

NEW_TITLE = LocalizedText(de="Reise 2017", en="Trip 2017")


def _planned_trip(db: Database) -> tuple[TripData, tuple[MembershipData, MembershipData, MembershipData], VenueData, tuple[ItemData, ItemData]]:
    """A trip with three members (one with arrival/departure), a venue and two items, one for two members only."""
    trip = new_trip(db, buffer_minutes=45, notes="Gifts: porcelain")
    trips.update_trip(db, trip.evolve(status=TripStatus.DONE))
    head = new_member(db, trip, new_person(db, "Weil", "Stephan"), Role.HEAD)
    interpreter = new_member(db, trip, new_person(db, "Li", "Na", "李娜"), Role.INTERPRETER)
    late = new_member(db, trip, new_person(db, "Lies", "Olaf"), Role.MEMBER)
    delegation.update_member(db, late.evolve(arrival=date(2016, 10, 26), departure=date(2016, 10, 29)))
    venue = new_venue(db)
    everyone = new_item(db, trip, venue_id=venue.id, host_contact_id=venue.contacts[0].id)
    some = new_item(
        db, trip, MORNING + timedelta(days=1, hours=3), title="Dinner", kind=ItemKind.MEAL,
        everyone=False, participant_ids=(head.id, interpreter.id),
    )
    return trips.get_trip(db, trip.id), (head, interpreter, late), venue, (everyone, some)


def test_copy_title_adds_copy_in_each_variants_own_language() -> None:
    title = LocalizedText(de="Reise", zh="访问", en="Visit")
    copied = copy_title(title)
    for lang, text in (("de", "Reise"), ("zh", "访问"), ("en", "Visit")):
        assert copied.get(lang) == translator_for(lang)("{title} (copy)").format(title=text)
    assert copied.en == "Visit (copy)"
    assert copy_title(LocalizedText(en="Only English")) == LocalizedText(en="Only English (copy)")


def test_day_shift() -> None:
    assert day_shift(date(2016, 10, 24), date(2017, 10, 23)) == 364
    assert day_shift(date(2016, 10, 24), date(2016, 10, 20)) == -4


def test_duplicate_copies_trip_delegation_and_programme_on_new_dates(db: Database) -> None:
    trip, (head, interpreter, late), venue, (everyone, some) = _planned_trip(db)
    change = duplicate_trip(db, trip.id, title=NEW_TITLE, first_day=date(2017, 10, 23))

    assert (change.action, change.entity) == (Action.CREATED, "trip") and change.id != trip.id
    copy = trips.get_trip(db, change.id)
    assert change.after == copy
    assert copy.title == NEW_TITLE
    assert (copy.first_day, copy.last_day) == (date(2017, 10, 23), date(2017, 10, 29))
    assert copy.status is TripStatus.DRAFT  # a template copy is not confirmed or done
    assert (copy.timezone, copy.destination_country, copy.buffer_minutes, copy.notes) == (
        trip.timezone, trip.destination_country, 45, "Gifts: porcelain",
    )

    members = delegation.list_members(db, change.id)
    assert [(mb.person.id, mb.role, mb.membership.protocol_order) for mb in members] == [
        (head.person_id, Role.HEAD, head.protocol_order),
        (interpreter.person_id, Role.INTERPRETER, interpreter.protocol_order),
        (late.person_id, Role.MEMBER, late.protocol_order),
    ]
    assert (members[2].membership.arrival, members[2].membership.departure) == (date(2017, 10, 25), date(2017, 10, 28))
    new_ids = {mb.person.id: mb.id for mb in members}

    items = programme.list_items(db, change.id)
    assert len(items) == 2
    first, second = items
    # 364 days later: the same weekday and local time in Shenzhen (no daylight saving there).
    assert first.start == everyone.start + timedelta(days=364) and first.end == everyone.end + timedelta(days=364)
    assert first.local_start().strftime("%H:%M") == "09:30"
    assert (first.venue_id, first.host_contact_id, first.everyone) == (venue.id, venue.contacts[0].id, True)
    assert second.title == some.title and second.kind is ItemKind.MEAL
    assert not second.everyone
    assert set(second.participant_ids) == {new_ids[head.person_id], new_ids[interpreter.person_id]}

    # The change names everything it created, and the original is untouched.
    assert {(c.entity, c.id) for c in change.related} == {("membership", mb.id) for mb in members} | {("item", i.id) for i in items}
    assert trips.get_trip(db, trip.id) == trip
    assert len(programme.list_items(db, trip.id)) == 2
    assert count(db, m.Person) == 3 and count(db, m.Venue) == 1
    assert participant_rows(db) == 4


def test_local_times_stay_across_a_daylight_saving_change(db: Database) -> None:
    """A Hannover trip in summer copied to winter: 09:00 stays 09:00 local, the UTC time moves by an hour."""
    trip = new_trip(db, timezone="Europe/Berlin", first=date(2016, 7, 4), destination_country="DE")
    start = local_to_utc(datetime(2016, 7, 5, 9, 0), "Europe/Berlin")
    flight_start = local_to_utc(datetime(2016, 7, 8, 21, 0), "Europe/Berlin")
    flight_end = local_to_utc(datetime(2016, 7, 9, 13, 30), "Asia/Shanghai")
    new_item(db, trip, start, timezone="Europe/Berlin")
    new_item(
        db, trip, flight_start, title="Flight", kind=ItemKind.TRAVEL, timezone="Europe/Berlin", end_timezone="Asia/Shanghai",
    )
    items = programme.list_items(db, trip.id)
    programme.update_item(db, items[1].evolve(end=flight_end))

    change = duplicate_trip(db, trip.id, title=NEW_TITLE, first_day=date(2016, 12, 5))
    meeting, flight = programme.list_items(db, change.id)
    assert meeting.local_start().replace(tzinfo=None) == datetime(2016, 12, 6, 9, 0)
    assert meeting.start == datetime(2016, 12, 6, 8, 0, tzinfo=UTC)  # CET, one hour more than the CEST original
    assert flight.local_start().replace(tzinfo=None) == datetime(2016, 12, 9, 21, 0)
    assert flight.local_end().replace(tzinfo=None) == datetime(2016, 12, 10, 13, 30)
    assert flight.end_timezone == "Asia/Shanghai"


def test_an_item_in_the_spring_forward_gap_is_refused_by_name_and_nothing_is_written(db: Database) -> None:
    trip = new_trip(db, timezone="Europe/Berlin", first=date(2016, 3, 21), destination_country="DE")
    new_item(db, trip, local_to_utc(datetime(2016, 3, 22, 2, 30), "Europe/Berlin"), hours=1, title="Night train", timezone="Europe/Berlin")
    before = snapshot(db)
    with pytest.raises(ValidationErrors) as caught:
        duplicate_trip(db, trip.id, title=NEW_TITLE, first_day=date(2017, 3, 25))  # 2017-03-26 02:30 does not exist
    assert [e.field for e in caught.value.errors] == ["first_day"]
    message = caught.value.message()
    assert "Night train" in message and "2017-03-26 02:30" in message and "Europe/Berlin" in message
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("title", "first_day", "field"),
    [
        (LocalizedText(), date(2017, 1, 1), "title"),
        (LocalizedText(en="   "), date(2017, 1, 1), "title"),
        (NEW_TITLE, None, "first_day"),
        (NEW_TITLE, date(9999, 12, 30), "first_day"),  # the copy would end after the last date there is
    ],
)
def test_a_bad_title_or_day_is_refused_with_a_field_message(db: Database, title: LocalizedText, first_day: date | None, field: str) -> None:
    trip, *_rest = _planned_trip(db)
    before = snapshot(db)
    with pytest.raises(ValidationErrors) as caught:
        duplicate_trip(db, trip.id, title=title, first_day=first_day)
    assert field in {e.field for e in caught.value.errors}
    assert caught.value.message()
    assert snapshot(db) == before


def test_out_of_range_day_names_the_day(db: Database) -> None:
    trip = new_trip(db)
    with pytest.raises(ValidationErrors, match="9999-12-30 is too far in the past or the future"):
        duplicate_trip(db, trip.id, title=NEW_TITLE, first_day=date(9999, 12, 30))


def test_duplicate_of_a_missing_trip(db: Database) -> None:
    with pytest.raises(NotFoundError):
        duplicate_trip(db, 404, title=NEW_TITLE, first_day=date(2017, 1, 1))


def test_an_empty_trip_is_copied_too(db: Database) -> None:
    trip = new_trip(db)
    change = duplicate_trip(db, trip.id, title=NEW_TITLE, first_day=date(2016, 10, 1))
    assert change.related == ()
    assert trips.get_trip(db, change.id).last_day == date(2016, 10, 7)


def test_undo_by_delete_and_redo_by_restore_bring_back_the_same_records(db: Database) -> None:
    """What the GUI's undo does with the change: delete the copy; redo restores it with the same ids."""
    trip, *_rest = _planned_trip(db)
    change = duplicate_trip(db, trip.id, title=NEW_TITLE, first_day=date(2017, 10, 23))
    members = delegation.list_members(db, change.id)
    items = programme.list_items(db, change.id)

    deleted = trips.delete_trip(db, change.id)
    assert count(db, m.Trip) == 1 and count(db, m.Membership) == 3 and count(db, m.ProgrammeItem) == 2

    restore.restore_trip(db, deleted)
    assert [mb.id for mb in delegation.list_members(db, change.id)] == [mb.id for mb in members]
    assert [(i.id, i.start, i.participant_ids) for i in programme.list_items(db, change.id)] == [
        (i.id, i.start, i.participant_ids) for i in items
    ]


def test_a_bad_title_and_a_bad_day_are_reported_together(db: Database) -> None:
    trip = new_trip(db)
    with pytest.raises(ValidationErrors) as caught:
        duplicate_trip(db, trip.id, title=LocalizedText(), first_day=date(9999, 12, 30))
    assert [e.field for e in caught.value.errors] == ["title", "first_day"]
