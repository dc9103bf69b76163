"""Checks on a stored trip: everything read in one go, problems linked to the stored ids."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import cast

import pytest
from sqlalchemy import event

from planner.db.engine import Database
from planner.domain.checks import ProblemKind, Severity
from planner.domain.entities import ContactData, ItemData, VenueData
from planner.domain.enums import ItemKind, Language
from planner.domain.errors import NotFoundError
from planner.domain.localized import LocalizedText
from planner.services import venues
from planner.services.checks import check_trip, item_needs
from tests.services.conftest import MORNING, new_item, new_member, new_person, new_trip

PASSPORT = {"passport_number": "C01X00T47", "passport_expiry": date(2030, 1, 1), "nationality": "DE"}


@contextmanager
def counted_statements(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _venue(db: Database, name: str, address: str = "Keyuan Road 1") -> VenueData:
    data = VenueData(
        name=LocalizedText(en=name, de=name), timezone="Asia/Shanghai", address_local=address,
        contacts=(ContactData(name="Li Wei"),),
    )
    return cast(VenueData, venues.create_venue(db, data).after)


def test_an_empty_trip_has_no_problems(db: Database) -> None:
    trip = new_trip(db)
    assert trip.id is not None
    assert check_trip(db, trip.id) == []


def test_an_unknown_trip_is_a_clear_error(db: Database) -> None:
    with pytest.raises(NotFoundError) as caught:
        check_trip(db, 4711)
    assert caught.value.message() == "The trip no longer exists (it may have been deleted elsewhere)."


def test_a_double_booking_links_the_stored_items_and_people(db: Database) -> None:
    trip = new_trip(db)
    kai = new_person(db, "Schirmeyer", "Kai", **PASSPORT)
    anna = new_person(db, "Becker", "Anna", **PASSPORT)
    kai_m, anna_m = new_member(db, trip, kai), new_member(db, trip, anna)
    emax = _venue(db, "EMAX")
    host = emax.contacts[0].id
    visit = new_item(db, trip, title="Visit to EMAX", venue_id=emax.id, host_contact_id=host)
    workshop = new_item(
        db, trip, MORNING + timedelta(minutes=30), title="Workshop", venue_id=emax.id, host_contact_id=host,
        everyone=False, participant_ids=(kai_m.id,),
    )
    problems = check_trip(db, trip.id)
    overlap = [p for p in problems if p.kind == ProblemKind.PARTICIPANT_OVERLAP]
    assert len(overlap) == 1
    assert overlap[0].severity == Severity.ERROR
    assert overlap[0].item_ids == (visit.id, workshop.id)
    assert overlap[0].membership_ids == (kai_m.id,)
    assert overlap[0].person_ids == (kai.id,)
    assert overlap[0].message() == (
        "Kai Schirmeyer is booked into “Visit to EMAX” and “Workshop” at the same time (Monday, 24 October 2016, 10:00–11:30)"
    )
    assert anna_m.id not in overlap[0].membership_ids
    venue_clash = [p for p in problems if p.kind == ProblemKind.VENUE_OVERLAP]
    assert [p.venue_ids for p in venue_clash] == [(emax.id,)]
    assert problems[0] is overlap[0]  # errors first


def test_ticked_participants_are_read_back_per_item(db: Database) -> None:
    trip = new_trip(db)
    kai = new_member(db, trip, new_person(db, "Schirmeyer", "Kai", **PASSPORT))
    anna = new_member(db, trip, new_person(db, "Becker", "Anna", **PASSPORT))
    new_item(db, trip, everyone=False, participant_ids=(kai.id,), kind=ItemKind.FREE_TIME)
    new_item(db, trip, everyone=False, participant_ids=(anna.id,), kind=ItemKind.FREE_TIME)
    assert check_trip(db, trip.id) == []
    new_item(db, trip, everyone=False, participant_ids=(kai.id, anna.id), kind=ItemKind.FREE_TIME, title="Both")
    overlaps = [p for p in check_trip(db, trip.id) if p.kind == ProblemKind.PARTICIPANT_OVERLAP]
    assert sorted(p.membership_ids for p in overlaps) == sorted([(anna.id,), (kai.id,)])


def test_venues_come_with_coordinates_addresses_and_contacts(db: Database) -> None:
    trip = new_trip(db)
    new_member(db, trip, new_person(db, "Schirmeyer", "Kai", **PASSPORT))
    bare = _venue(db, "Nowhere", address="")
    new_item(db, trip, venue_id=bare.id, host_contact_id=bare.contacts[0].id, kind=ItemKind.MEETING)
    problems = check_trip(db, trip.id)
    assert [(p.kind, p.venue_ids) for p in problems] == [(ProblemKind.VENUE_WITHOUT_ADDRESS, (bare.id,))]


def test_each_trip_is_checked_on_its_own(db: Database) -> None:
    first, second = new_trip(db, "First"), new_trip(db, "Second")
    kai = new_person(db, "Schirmeyer", "Kai", **PASSPORT)
    new_member(db, first, kai)
    new_member(db, second, kai)
    new_item(db, first, kind=ItemKind.FREE_TIME)
    new_item(db, second, kind=ItemKind.FREE_TIME)  # the same time, but on another trip
    assert check_trip(db, first.id) == []
    assert check_trip(db, second.id) == []


def test_people_data_reaches_the_passport_and_language_checks(db: Database) -> None:
    trip = new_trip(db)
    new_member(db, trip, new_person(db, "Xu", "Qin", native="许勤", preferred_language=Language.ZH, nationality="CN"))
    new_member(db, trip, new_person(db, "Weil", "Stephan", nationality="DE"))
    problems = check_trip(db, trip.id)
    assert [(p.kind, p.severity) for p in problems] == [
        (ProblemKind.PASSPORT_MISSING, Severity.ERROR),
        (ProblemKind.MISSING_TRANSLATION, Severity.WARNING),
    ]
    assert problems[0].message() == "Stephan Weil travels to China, but no passport is on file"
    assert problems[1].message() == "The trip's title is missing in Chinese"


def test_the_number_of_queries_does_not_grow_with_the_programme(db: Database) -> None:
    trip = new_trip(db)
    members = [new_member(db, trip, new_person(db, f"Family{i}", "Given", **PASSPORT)) for i in range(6)]
    places = [_venue(db, f"Venue {i}") for i in range(3)]

    def add_items(first: int, count: int) -> None:
        for n in range(first, first + count):
            ticked = {} if n % 2 else {"everyone": False, "participant_ids": (members[n % 6].id,)}
            place = places[n % 3]
            new_item(db, trip, MORNING + timedelta(hours=6 * n), hours=1, venue_id=place.id,
                     host_contact_id=place.contacts[0].id, **ticked)

    add_items(0, 4)
    with counted_statements(db) as few:
        check_trip(db, trip.id)
    add_items(4, 30)
    with counted_statements(db) as many:
        problems = check_trip(db, trip.id)
    assert len(many) == len(few) <= 11, many  # 11: the members' own travel legs, the fleet (rides only when there is one), the rooms
    assert all(p.kind in {ProblemKind.OUTSIDE_TRIP, ProblemKind.UNUSUAL_HOUR} for p in problems)
    assert any(p.kind == ProblemKind.OUTSIDE_TRIP for p in problems)  # 34 items every 6 hours run past the 7 days


def test_no_collection_after_a_check_walks_the_plan_it_read(db: Database) -> None:
    """The plan is freed while the collector is still off: the collection that is due as soon as it is back on
    (thousands of objects were made meanwhile) finds none of its records (it walked them all, 4 ms on a big trip)."""
    trip = new_trip(db)
    for n in range(12):
        new_item(db, trip, MORNING + timedelta(hours=n), hours=1)
    check_trip(db, trip.id)  # once: imports and caches
    records_seen: list[int] = []

    def young_records(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            records_seen.append(sum(isinstance(o, ItemData) for o in gc.get_objects(generation=0)))

    thresholds = gc.get_threshold()
    gc.collect()
    gc.callbacks.append(young_records)
    try:
        gc.set_threshold(1)  # a collection after any allocation: the first one after the check comes at once
        check_trip(db, trip.id)
        assert gc.isenabled()
    finally:
        gc.set_threshold(*thresholds)
        gc.callbacks.remove(young_records)
    assert records_seen and not any(records_seen), records_seen


def test_item_needs_counts_the_attendees_needs(db: Database) -> None:
    trip = new_trip(db)
    veggie = new_member(db, trip, new_person(db, "A", dietary_needs="vegetarian"))
    new_member(db, trip, new_person(db, "B", dietary_needs="Vegetarian; nut allergy", accessibility_needs="wheelchair"))
    halal = new_member(db, trip, new_person(db, "C", dietary_needs="halal"))
    dinner = new_item(db, trip, kind=ItemKind.MEAL)
    lunch = new_item(db, trip, kind=ItemKind.MEAL, everyone=False, participant_ids=(veggie.id, halal.id))
    everyone = item_needs(db, dinner.id)
    assert everyone.attendees == 3
    assert [(n.need, n.count) for n in everyone.dietary] == [("vegetarian", 2), ("halal", 1), ("nut allergy", 1)]
    assert [(n.need, n.count) for n in everyone.accessibility] == [("wheelchair", 1)]
    ticked = item_needs(db, lunch.id)
    assert ticked.attendees == 2
    assert [(n.need, n.count) for n in ticked.dietary] == [("halal", 1), ("vegetarian", 1)]
    with pytest.raises(NotFoundError):
        item_needs(db, 4711)
