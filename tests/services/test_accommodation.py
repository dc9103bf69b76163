"""Room blocks and members' rooms: saved, refused with a reason, deleted with what hangs on them and restored,
copied with a trip, and checked (a bed every night, no room or block over its capacity)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from planner.db.engine import Database
from planner.domain.accommodation import RoomAssignmentData, RoomBlockData
from planner.domain.checks import ProblemKind
from planner.domain.entities import MembershipData, TripData, VenueData
from planner.domain.enums import Role, VenueKind
from planner.domain.errors import ConflictError, PlannerError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.services import accommodation as acc
from planner.services import delegation, venues
from planner.services.checks import check_trip
from planner.services.trip_copy import duplicate_trip
from tests.services.conftest import new_member, new_person, new_trip

NIGHT = date(2016, 10, 24)


def _hotel(db: Database, name: str = "InterContinental Shenzhen") -> VenueData:
    data = VenueData(name=LocalizedText(en=name, zh="深圳华侨城洲际大酒店"), kind=VenueKind.HOTEL, country="CN", timezone="Asia/Shanghai")
    saved = venues.create_venue(db, data).after
    assert isinstance(saved, VenueData)
    return saved


def _block(db: Database, trip: TripData, hotel: VenueData, rooms: int = 5, sleeps: int = 2, kind: str = "Twin") -> RoomBlockData:
    data = RoomBlockData(trip_id=trip.id, venue_id=hotel.id, room_type=LocalizedText(en=kind), rooms=rooms, sleeps=sleeps)
    saved = acc.create_block(db, data).after
    assert isinstance(saved, RoomBlockData)
    return saved


def _room(db: Database, member: MembershipData, block: RoomBlockData, first: date = NIGHT, last: date = NIGHT + timedelta(days=5),
          **changes: object) -> RoomAssignmentData:
    data = RoomAssignmentData(membership_id=member.id, block_id=block.id, first_night=first, last_night=last).evolve(**changes)
    saved = acc.assign_room(db, data).after
    assert isinstance(saved, RoomAssignmentData)
    return saved


def _staying(db: Database, trip: TripData, family: str, order: int = 0, role: Role = Role.MEMBER) -> MembershipData:
    """A member arriving on the trip's first day and leaving on its last (24–30 October: nights 24–29)."""
    member = new_member(db, trip, new_person(db, family), role=role, order=order)
    saved = delegation.update_member(db, member.evolve(arrival=trip.first_day, departure=trip.last_day)).after
    assert isinstance(saved, MembershipData)
    return saved


def _kinds(db: Database, trip: TripData) -> list[ProblemKind]:
    return [p.kind for p in check_trip(db, trip.id or 0) if p.kind in (ProblemKind.NO_BED, ProblemKind.ROOM_OVER_CAPACITY,
                                                                      ProblemKind.BLOCK_OVERBOOKED)]


def test_a_block_keeps_its_rate_and_is_refused_at_a_venue_that_is_no_hotel(db: Database) -> None:
    trip, hotel = new_trip(db), _hotel(db)
    block = acc.create_block(db, RoomBlockData(trip_id=trip.id, venue_id=hotel.id, room_type=LocalizedText(en="Suite"),
                                               rate=Decimal("1280.5"), currency="cny")).after
    assert (block.rate, block.currency) == (Decimal("1280.50"), "CNY")
    office = venues.create_venue(db, VenueData(name=LocalizedText(en="City hall"), kind=VenueKind.GOVERNMENT, timezone="Asia/Shanghai")).after
    with pytest.raises(PlannerError, match="not a hotel"):
        acc.create_block(db, RoomBlockData(trip_id=trip.id, venue_id=office.id, room_type=LocalizedText(en="Suite")))
    with pytest.raises(ValidationErrors) as caught:
        acc.create_block(db, RoomBlockData(trip_id=trip.id, venue_id=hotel.id, rooms=0, rate=Decimal(5)))
    assert {e.field for e in caught.value.errors} == {"room_type", "rooms", "currency"}


def test_rooms_are_saved_updated_and_a_stale_update_is_a_conflict(db: Database) -> None:
    trip, hotel = new_trip(db), _hotel(db)
    block = _block(db, trip, hotel)
    anna, ben = new_member(db, trip, new_person(db, "Anna")), new_member(db, trip, new_person(db, "Ben"), order=1)
    room = _room(db, anna, block, sharing_with=(ben.id,), room_label="1208", requests=" quiet room ")
    assert (room.sharing_with, room.requests) == ((ben.id,), "quiet room")
    changed = acc.update_assignment(db, room.evolve(room_label="1210")).after
    assert acc.trip_accommodation(db, trip.id).assignments == (changed,)
    with pytest.raises(ConflictError):
        acc.update_assignment(db, room.evolve(room_label="1300"))  # read before the change above


def test_two_rooms_on_one_night_and_sharing_with_oneself_are_refused(db: Database) -> None:
    trip, hotel = new_trip(db), _hotel(db)
    block = _block(db, trip, hotel)
    anna = new_member(db, trip, new_person(db, "Anna"))
    _room(db, anna, block, NIGHT, NIGHT + timedelta(days=1))
    with pytest.raises(PlannerError, match="already has a room"):
        _room(db, anna, block, NIGHT + timedelta(days=1), NIGHT + timedelta(days=3))
    with pytest.raises(ValidationErrors, match="themselves"):
        _room(db, anna, block, NIGHT + timedelta(days=2), NIGHT + timedelta(days=3), sharing_with=(anna.id,))
    _room(db, anna, block, NIGHT + timedelta(days=2), NIGHT + timedelta(days=3))  # the next nights are free


def test_deleting_a_block_takes_its_rooms_and_restoring_brings_them_back(db: Database) -> None:
    trip, hotel = new_trip(db), _hotel(db)
    block = _block(db, trip, hotel)
    room = _room(db, new_member(db, trip, new_person(db, "Anna")), block)
    gone = acc.delete_block(db, block.id or 0)
    assert acc.trip_accommodation(db, trip.id) == acc.Accommodation()
    back = acc.restore_block(db, gone)
    lodging = acc.trip_accommodation(db, trip.id)
    assert [b.id for b in lodging.blocks] == [block.id] and [r.id for r in lodging.assignments] == [room.id]
    assert [c.entity for c in back.related] == ["room_assignment"]
    deleted = acc.delete_assignment(db, room.id or 0)
    acc.restore_assignment(db, deleted)
    assert acc.trip_accommodation(db, trip.id).assignments[0].first_night == NIGHT


def test_a_hotel_with_rooms_cannot_be_deleted_from_the_directory(db: Database) -> None:
    trip, hotel = new_trip(db), _hotel(db)
    _block(db, trip, hotel)
    with pytest.raises(PlannerError, match="room block"):
        venues.delete_venue(db, hotel.id or 0)


def test_a_trip_copy_keeps_blocks_and_rooms_moved_to_its_nights(db: Database) -> None:
    trip, hotel = new_trip(db), _hotel(db)
    block = _block(db, trip, hotel)
    anna, ben = new_member(db, trip, new_person(db, "Anna")), new_member(db, trip, new_person(db, "Ben"), order=1)
    _room(db, anna, block, sharing_with=(ben.id,))
    _room(db, ben, block, sharing_with=(anna.id,))
    copy = duplicate_trip(db, trip.id or 0, title=LocalizedText(en="Next year"), first_day=NIGHT + timedelta(days=365)).after
    lodging = acc.trip_accommodation(db, copy.id)
    members = {m.id for m in delegation.list_members(db, copy.id)}
    assert len(lodging.blocks) == 1 and lodging.blocks[0].id != block.id
    assert [r.first_night for r in lodging.assignments] == [NIGHT + timedelta(days=365)] * 2
    assert all(r.membership_id in members and set(r.sharing_with) <= members for r in lodging.assignments)


def test_every_night_of_a_stay_needs_a_bed(db: Database) -> None:
    trip, hotel = new_trip(db), _hotel(db)  # 24–30 October: nights 24–29
    anna, ben = _staying(db, trip, "Anna"), _staying(db, trip, "Ben", order=1)
    _staying(db, trip, "Host", role=Role.HOST, order=2)  # sleeps at home
    new_member(db, trip, new_person(db, "Local"), order=3)  # no arrival or departure: not known to stay
    assert _kinds(db, trip) == []  # no accommodation kept here: nothing to say
    block = _block(db, trip, hotel)
    problems = [p for p in check_trip(db, trip.id or 0) if p.kind is ProblemKind.NO_BED]
    assert [(p.membership_ids, p.message()) for p in problems] == [
        ((anna.id, ben.id), "Stephan Anna and Stephan Ben have no room for their stay (24–29 October 2016)")
    ]
    _room(db, anna, block, NIGHT, NIGHT + timedelta(days=1))
    _room(db, anna, block, NIGHT + timedelta(days=3), NIGHT + timedelta(days=5))
    delegation.update_member(db, ben.evolve(arrival=NIGHT + timedelta(days=5), departure=NIGHT + timedelta(days=6)))
    _room(db, ben, block, NIGHT + timedelta(days=5), NIGHT + timedelta(days=5))
    messages = [p.message() for p in check_trip(db, trip.id or 0) if p.kind is ProblemKind.NO_BED]
    assert messages == ["Stephan Anna has no room for the night of 26 October 2016"]


def test_a_room_over_its_capacity_and_a_block_over_its_rooms(db: Database) -> None:
    trip, hotel = new_trip(db), _hotel(db)
    single = _block(db, trip, hotel, rooms=1, sleeps=1, kind="Single")
    anna, ben, cem = (_staying(db, trip, name, order=n) for n, name in enumerate(("Anna", "Ben", "Cem")))
    _room(db, anna, single, sharing_with=(ben.id,))
    _room(db, ben, single, sharing_with=(anna.id,))
    assert _kinds(db, trip) == [ProblemKind.NO_BED, ProblemKind.ROOM_OVER_CAPACITY]  # Cem has none yet
    over = next(p for p in check_trip(db, trip.id or 0) if p.kind is ProblemKind.ROOM_OVER_CAPACITY)
    assert over.message() == "Stephan Anna and Stephan Ben are in one “Single” room at InterContinental Shenzhen, which sleeps 1"
    _room(db, cem, single, NIGHT + timedelta(days=4))  # a second single room on the last two nights
    booked = next(p for p in check_trip(db, trip.id or 0) if p.kind is ProblemKind.BLOCK_OVERBOOKED)
    assert booked.message() == (
        "InterContinental Shenzhen holds 1 “Single” rooms for the trip, but 2 are in use on the nights 28–29 October 2016"
    )
    assert booked.venue_ids == (hotel.id,)


def test_one_room_number_given_twice_is_one_room(db: Database) -> None:
    trip, hotel = new_trip(db), _hotel(db)
    double = _block(db, trip, hotel, rooms=2, sleeps=2, kind="Double")
    members = [_staying(db, trip, name, order=n) for n, name in enumerate(("Anna", "Ben", "Cem"))]
    for member in members:
        _room(db, member, double, room_label="1208")
    assert _kinds(db, trip) == [ProblemKind.ROOM_OVER_CAPACITY]


def test_erasing_a_person_keeps_the_bed_but_not_their_requests_and_the_report_lists_rooms(db: Database) -> None:
    from planner.services.privacy import erase_person, person_report

    trip, hotel = new_trip(db), _hotel(db)
    block = _block(db, trip, hotel)
    anna = _staying(db, trip, "Anna")
    _room(db, anna, block, room_label="1208", requests="Feather-free pillows (allergy)")
    [stay] = person_report(db, anna.person_id or 0)["trips"]
    assert stay["rooms"] == [{
        "hotel": {"en": "InterContinental Shenzhen", "zh": "深圳华侨城洲际大酒店"}, "room_type": {"en": "Twin"}, "room": "1208",
        "first_night": "2016-10-24", "last_night": "2016-10-29", "requests": "Feather-free pillows (allergy)",
    }]
    erase_person(db, anna.person_id or 0)
    [room] = acc.trip_accommodation(db, trip.id).assignments
    assert (room.membership_id, room.room_label, room.requests) == (anna.id, "1208", "")
