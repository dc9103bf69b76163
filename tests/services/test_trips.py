"""Trips: create, read, update, delete with its delegation and programme, and the navigator list."""

from __future__ import annotations

from datetime import date

import pytest

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import TripData
from planner.domain.enums import Role, TripStatus
from planner.domain.errors import ConflictError, NotFoundError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.services import trips
from planner.services.base import Action
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


def test_create_returns_the_saved_record(db: Database) -> None:
    change = trips.create_trip(
        db,
        TripData(
            title=LocalizedText(de=" Reise ", en="Trip"), destination_country="cn", timezone="Asia/Shanghai",
            first_day=date(2016, 10, 24), last_day=date(2016, 10, 30), buffer_minutes=45,
        ),
    )
    assert (change.action, change.entity) == (Action.CREATED, "trip")
    assert change.before is None
    saved = change.after
    assert saved.id == change.id and saved.version == 1
    assert saved.title == LocalizedText(de="Reise", en="Trip")
    assert saved.destination_country == "CN"
    assert saved.buffer_minutes == 45
    assert saved.status is TripStatus.DRAFT
    assert trips.get_trip(db, change.id) == saved


def test_update_carries_before_and_after(db: Database) -> None:
    trip = new_trip(db)
    change = trips.update_trip(db, trip.evolve(status=TripStatus.CONFIRMED, notes="Gifts packed"))
    assert (change.action, change.entity, change.id) == (Action.UPDATED, "trip", trip.id)
    assert change.before == trip
    assert change.after.status is TripStatus.CONFIRMED and change.after.notes == "Gifts packed"
    assert change.after.version == trip.version + 1
    assert trips.get_trip(db, trip.id) == change.after


def test_stale_update_is_refused_and_changes_nothing(db: Database) -> None:
    trip = new_trip(db)
    trips.update_trip(db, trip.evolve(notes="first edit"))
    before = snapshot(db)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        trips.update_trip(db, trip.evolve(notes="stale edit"))
    assert snapshot(db) == before
    assert trips.get_trip(db, trip.id).notes == "first edit"


def test_invalid_data_is_refused_before_anything_is_written(db: Database) -> None:
    trip = new_trip(db)
    before = snapshot(db)
    with pytest.raises(ValidationErrors) as info:
        trips.create_trip(db, TripData(title=LocalizedText(), timezone="Nowhere"))
    assert {e.field for e in info.value.errors} == {"title", "timezone", "first_day"}
    with pytest.raises(ValidationErrors):
        trips.update_trip(db, trip.evolve(last_day=date(2016, 1, 1)))
    assert snapshot(db) == before


def test_missing_trip(db: Database) -> None:
    with pytest.raises(NotFoundError, match="trip no longer exists"):
        trips.get_trip(db, 999)
    with pytest.raises(NotFoundError):
        trips.update_trip(db, new_trip(db).evolve(id=999))
    with pytest.raises(NotFoundError):
        trips.delete_trip(db, 999)


def test_delete_trip_cascades_its_programme_and_delegation_but_keeps_people_and_venues(db: Database) -> None:
    trip, other = new_trip(db), new_trip(db, "Other trip")
    xu, weil = new_person(db, "Xu", "Qin", "许勤"), new_person(db)
    venue = new_venue(db)
    a, b = new_member(db, trip, xu, Role.HEAD), new_member(db, trip, weil)
    new_member(db, other, weil)
    new_item(db, trip, venue_id=venue.id, host_contact_id=venue.contacts[0].id, everyone=False, participant_ids=(a.id, b.id))
    new_item(db, trip, title="Dinner")
    kept_item = new_item(db, other, title="Elsewhere")

    change = trips.delete_trip(db, trip.id)
    assert (change.action, change.entity, change.id) == (Action.DELETED, "trip", trip.id)
    assert change.before == trip and change.after is None

    assert count(db, m.Trip) == 1
    assert count(db, m.Membership) == 1
    assert count(db, m.ProgrammeItem) == 1
    assert participant_rows(db) == 0
    assert count(db, m.Person) == 2
    assert count(db, m.Venue) == 1 and count(db, m.VenueContact) == 1
    assert [s.trip.id for s in trips.list_trips(db)] == [other.id]
    assert trips.get_trip(db, other.id).title.en == "Other trip"
    assert kept_item.id is not None


def test_list_trips_with_counts_head_and_order(db: Database) -> None:
    older = new_trip(db, "Older", first=date(2015, 5, 1))
    newer = new_trip(db, "Newer", first=date(2016, 10, 24))
    empty = new_trip(db, "Empty", first=date(2016, 1, 1), status=TripStatus.CANCELLED)
    xu, weil, li = new_person(db, "Xu", "Qin", "许勤"), new_person(db), new_person(db, "Li", "Wei", "李伟")
    new_member(db, newer, weil, Role.MEMBER)
    new_member(db, newer, xu, Role.HEAD)
    new_member(db, newer, li, Role.HEAD)  # a second head, later in protocol order
    new_member(db, older, weil, Role.HEAD)
    for hour in range(3):
        new_item(db, newer, title=f"Item {hour}", start=MORNING.replace(hour=hour))

    summaries = trips.list_trips(db)
    assert [s.trip.title.en for s in summaries] == ["Newer", "Empty", "Older"]
    by_title = {s.trip.title.en: s for s in summaries}
    assert (by_title["Newer"].members, by_title["Newer"].items, by_title["Newer"].head) == (3, 3, "Xu Qin")
    assert (by_title["Older"].members, by_title["Older"].items, by_title["Older"].head) == (1, 0, "Stephan Weil")
    assert (by_title["Empty"].members, by_title["Empty"].items, by_title["Empty"].head) == (0, 0, "")
    assert [s.trip.id for s in trips.list_trips(db, TripStatus.CANCELLED)] == [empty.id]
    assert trips.list_trips(db, TripStatus.DONE) == []
    # One trip's row, read for that trip alone (the Overview's), is the same as in the list.
    assert [trips.get_summary(db, s.trip.id) for s in summaries] == summaries
    trips.delete_trip(db, empty.id)
    assert trips.get_summary(db, empty.id) is None
