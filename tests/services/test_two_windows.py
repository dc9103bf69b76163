"""Two windows on one file: each sees what the other committed; stale edits are refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from planner.db.engine import Database, open_database
from planner.domain.enums import TripStatus
from planner.domain.errors import ConflictError, NotFoundError
from planner.domain.localized import LocalizedText
from planner.services import people, programme, trips, venues
from tests.services.conftest import new_item, new_person, new_trip, new_venue, snapshot


@pytest.fixture
def windows(db: Database, db_target: str) -> Iterator[tuple[Database, Database]]:
    second = open_database(db_target)
    yield db, second
    second.close()


def test_both_windows_see_each_others_commits(windows: tuple[Database, Database]) -> None:
    a, b = windows
    assert not b.created
    trip = new_trip(a)
    assert trips.get_trip(b, trip.id) == trip
    person = new_person(b, "Xu", "Qin", "许勤")
    assert people.list_people(a) == [person]
    changed = trips.update_trip(b, trip.evolve(status=TripStatus.CONFIRMED)).after
    assert trips.get_trip(a, trip.id) == changed


def test_stale_update_from_the_second_window_is_refused(windows: tuple[Database, Database]) -> None:
    a, b = windows
    trip = new_trip(a)
    seen_in_b = trips.get_trip(b, trip.id)
    trips.update_trip(a, trip.evolve(notes="edited in window A"))
    before = snapshot(a)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        trips.update_trip(b, seen_in_b.evolve(notes="edited in window B"))
    assert snapshot(a) == before
    assert trips.get_trip(b, trip.id).notes == "edited in window A"
    # After reloading, window B can save.
    fresh = trips.get_trip(b, trip.id)
    assert trips.update_trip(b, fresh.evolve(notes="B, reloaded")).after.notes == "B, reloaded"


def test_stale_edits_of_every_kind_are_refused(windows: tuple[Database, Database]) -> None:
    a, b = windows
    trip, person, venue = new_trip(a), new_person(a), new_venue(a)
    item = new_item(a, trip)
    people.update_person(b, people.get_person(b, person.id).evolve(given_name="Anna"))
    venues.update_venue(b, venues.get_venue(b, venue.id).evolve(notes="b"))
    programme.update_item(b, programme.get_item(b, item.id).evolve(title=LocalizedText(en="b")))
    before = snapshot(a)
    with pytest.raises(ConflictError):
        people.update_person(a, person.evolve(given_name="Stefan"))
    with pytest.raises(ConflictError):
        venues.update_venue(a, venue.evolve(notes="a"))
    with pytest.raises(ConflictError):
        programme.update_item(a, item.evolve(title=LocalizedText(en="a")))
    assert snapshot(a) == before


def test_editing_a_record_deleted_in_the_other_window(windows: tuple[Database, Database]) -> None:
    a, b = windows
    trip = new_trip(a)
    trips.delete_trip(b, trip.id)
    with pytest.raises(NotFoundError, match="deleted elsewhere"):
        trips.update_trip(a, trip.evolve(notes="too late"))


def test_changing_only_a_venues_contacts_makes_older_reads_stale(windows: tuple[Database, Database]) -> None:
    a, b = windows
    venue = new_venue(a, contacts=("Li Wei",))
    seen_in_b = venues.get_venue(b, venue.id)
    li = venue.contacts[0]
    edited = venues.update_venue(a, venue.evolve(contacts=(li.evolve(phone="+86 755 1111 2222"),))).after
    assert edited.version == venue.version + 1
    before = snapshot(a)
    with pytest.raises(ConflictError):
        venues.update_venue(b, seen_in_b.evolve(notes="from B"))
    assert snapshot(a) == before
    assert venues.get_venue(b, venue.id).contacts[0].phone == "+86 755 1111 2222"


def test_changing_only_an_items_participants_makes_older_reads_stale(windows: tuple[Database, Database]) -> None:
    from planner.services import delegation
    from tests.services.conftest import new_member

    a, b = windows
    trip = new_trip(a)
    x, y = new_member(a, trip, new_person(a, "X")), new_member(a, trip, new_person(a, "Y"))
    item = new_item(a, trip, everyone=False, participant_ids=(x.id,))
    seen_in_b = programme.get_item(b, item.id)
    edited = programme.update_item(a, item.evolve(participant_ids=(x.id, y.id))).after
    assert edited.version == item.version + 1
    before = snapshot(a)
    with pytest.raises(ConflictError):
        programme.update_item(b, seen_in_b.evolve(title=LocalizedText(en="from B")))
    assert snapshot(a) == before
    assert programme.get_item(b, item.id).participant_ids == (x.id, y.id)
    assert delegation.list_members(b, trip.id)[0].id == x.id


def test_saving_unchanged_records_does_not_bump_versions(db: Database) -> None:
    venue = new_venue(db)
    trip = new_trip(db)
    item = new_item(db, trip)
    assert venues.update_venue(db, venue).after.version == venue.version
    assert programme.update_item(db, item).after.version == item.version
    assert trips.update_trip(db, trip).after.version == trip.version
