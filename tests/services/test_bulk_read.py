"""Bulk reading gives exactly the records the ORM mapping gives, in the same order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ContactData, ItemData, VenueData
from planner.domain.enums import ItemKind, Language, Role, VenueKind
from planner.domain.localized import LocalizedText
from planner.domain.travel_legs import LegDirection, leg_sort_key
from planner.importing.demo import load_demo
from planner.services import delegation, vehicles, venues
from planner.services.accommodation import assignment_data, block_data, read_accommodation
from planner.services.bulk_read import (
    in_time_order, read_items, read_members, read_venues, records, venues_of_hosts, venues_of_items,
)
from planner.services.mapping import item_data, membership_data, person_data, venue_data
from planner.services.protocol import read_visas, visa_data
from planner.services.travel_legs import leg_data, read_legs, trip_legs, update_leg
from planner.services.vehicles import read_rides, read_vehicles, vehicle_data
from tests.services.conftest import MORNING, new_item, new_member, new_person, new_trip, new_venue


def _orm_items(db: Database, trip_id: int) -> list[object]:
    with db.reading() as s:
        rows = s.scalars(
            select(m.ProgrammeItem).options(selectinload(m.ProgrammeItem.participants))
            .where(m.ProgrammeItem.trip_id == trip_id).order_by(m.ProgrammeItem.start_utc, m.ProgrammeItem.id)
        )
        return [item_data(r) for r in rows]


def test_items_members_and_venues_read_in_bulk_equal_their_orm_records(db: Database) -> None:
    trip = new_trip(db)
    other = new_trip(db, "Another trip")
    head = new_member(db, trip, new_person(db, "Weil", native="", preferred_language=Language.DE), Role.HEAD, 1)
    xu = new_member(db, trip, new_person(db, "Xu", "Qin", "许勤", preferred_language=Language.ZH), Role.MEMBER, 2)
    new_member(db, other, new_person(db, "Elsewhere"))
    emax = new_venue(db, "EMAX", ("Li Wei", "Wang Fang"))
    hotel = new_venue(db, "Hotel", ())
    host_only = new_venue(db, "Host's office", ("Chen Jing",))
    unused = new_venue(db, "Unused")
    new_item(db, trip, MORNING + timedelta(hours=3), title="Later, for two", everyone=False,
             participant_ids=(xu.id, head.id), venue_id=emax.id, host_contact_id=emax.contacts[1].id,
             description=LocalizedText(de="Beschreibung", zh="说明"), dress_code=LocalizedText(en="Business"))
    new_item(db, trip, MORNING, title="First, for everyone", kind=ItemKind.MEAL, venue_id=hotel.id)
    new_item(db, trip, MORNING, title="Same start, made later", everyone=False, participant_ids=(xu.id,),
             host_contact_id=host_only.contacts[0].id, end_timezone="Europe/Berlin")
    new_item(db, other, MORNING, title="Another trip's item", venue_id=unused.id)
    venues.update_venue(db, venues.get_venue(db, emax.id).evolve(latitude=22.54, longitude=114.06))

    with db.reading() as s:
        items = read_items(s, trip.id)
        members = read_members(s, trip.id)
        used = read_venues(s, venues_of_items(trip.id), venues_of_hosts(trip.id))
        orm_members = [
            (membership_data(ms), person_data(p))
            for ms, p in s.execute(
                select(m.Membership, m.Person).join(m.Person).where(m.Membership.trip_id == trip.id)
                .order_by(m.Membership.protocol_order, m.Membership.id)
            )
        ]
        orm_venues = {
            v.id: venue_data(v)
            for v in s.scalars(select(m.Venue).options(selectinload(m.Venue.contacts)).where(
                m.Venue.id.in_([emax.id, hotel.id, host_only.id])).order_by(m.Venue.id))
        }
    assert items == _orm_items(db, trip.id)
    assert [i.title.en for i in items] == ["First, for everyone", "Same start, made later", "Later, for two"]
    assert items[2].participant_ids == tuple(sorted((xu.id, head.id)))
    assert items[0].participant_ids == () and items[0].everyone
    assert members == orm_members
    assert [p.family_name for _ms, p in members] == ["Weil", "Xu"]
    assert used == orm_venues
    assert list(used) == sorted(used)  # by id
    assert used[emax.id].latitude == 22.54 and [c.name for c in used[emax.id].contacts] == ["Li Wei", "Wang Fang"]
    assert unused.id not in used


def test_a_member_who_left_leaves_no_tick_behind(db: Database) -> None:
    trip = new_trip(db)
    stays = new_member(db, trip, new_person(db, "Stays"))
    leaves = new_member(db, trip, new_person(db, "Leaves"))
    new_item(db, trip, everyone=False, participant_ids=(stays.id, leaves.id))
    delegation.remove_member(db, leaves.id)
    with db.reading() as s:
        assert read_items(s, trip.id)[0].participant_ids == (stays.id,)
    assert _orm_items(db, trip.id)[0].participant_ids == (stays.id,)


def test_venues_can_be_chosen_by_ids_too(db: Database) -> None:
    a = venues.create_venue(db, VenueData(name=LocalizedText(en="A"), kind=VenueKind.MUSEUM, timezone="Asia/Shanghai",
                                          contacts=(ContactData(name="Zhou"),))).after
    expected = venues.get_venue(db, a.id)
    with db.reading() as s:
        assert read_venues(s, [a.id]) == {a.id: expected}
        assert read_venues(s, []) == {}
        assert read_venues(s) == {}


def test_every_reader_of_the_planning_checks_gives_the_orm_records_of_the_demo_trips(db: Database) -> None:
    """Members, venues, legs (a pick-up time among them), vehicles, rides with a motorcade order, rooms and visas: equal records, in the same order."""
    trip_ids = [change.after.id for change in load_demo(db)]
    ridden = next(
        i for i in vehicles.items_with_rides(db, trip_ids[0]) if len(set(vehicles.item_rides(db, i).vehicle_of().values())) > 1
    )
    vehicles.move_in_motorcade(db, ridden, vehicles.item_motorcade(db, ridden)[1], -1)  # a planner's own order
    # The protocol order against the order of the ids: rooms and members are listed by the former.
    delegation.reorder_members(db, trip_ids[0], [member.id for member in reversed(delegation.list_members(db, trip_ids[0]))])
    # A departure run with its pick-up time at the hotel (the demo has none): read as the ORM reads it.
    leaving = next(leg for leg in trip_legs(db, trip_ids[0]) if leg.direction is LegDirection.DEPARTURE and leg.departure)
    update_leg(db, leaving.evolve(vehicle_id=vehicles.trip_vehicles(db, trip_ids[0])[0].id,
                                  pickup=leaving.departure - timedelta(hours=3)))
    seen = {"dates": 0, "legs": 0, "pickups": 0, "rooms": 0, "visas": 0, "orders": 0}
    for trip_id in trip_ids:
        with db.reading() as s:
            members = read_members(s, trip_id)
            orm_members = [
                (membership_data(ms), person_data(p))
                for ms, p in s.execute(
                    select(m.Membership, m.Person).join(m.Person).where(m.Membership.trip_id == trip_id)
                    .order_by(m.Membership.protocol_order, m.Membership.id)
                )
            ]
            lodging = read_accommodation(s, trip_id)
            orm_blocks = [block_data(b) for b in s.scalars(
                select(m.RoomBlock).where(m.RoomBlock.trip_id == trip_id).order_by(m.RoomBlock.venue_id, m.RoomBlock.id))]
            orm_rooms = [assignment_data(r) for r in s.scalars(
                select(m.RoomAssignment).join(m.RoomBlock).join(m.Membership, m.Membership.id == m.RoomAssignment.membership_id)
                .where(m.RoomBlock.trip_id == trip_id)
                .order_by(
                    m.Membership.protocol_order, m.RoomAssignment.membership_id, m.RoomAssignment.first_night, m.RoomAssignment.id,
                ))]
            venue_ids = {i.venue_id for i in read_items(s, trip_id) if i.venue_id is not None} | set(lodging.hotel_ids())
            used = read_venues(s, venue_ids)
            orm_venues = {v.id: venue_data(v) for v in s.scalars(
                select(m.Venue).options(selectinload(m.Venue.contacts)).where(m.Venue.id.in_(venue_ids)).order_by(m.Venue.id))}
            legs = read_legs(s, trip_id)
            orm_legs = sorted((leg_data(leg) for leg in s.scalars(
                select(m.TravelLeg).join(m.Membership).where(m.Membership.trip_id == trip_id))), key=leg_sort_key)
            fleet = read_vehicles(s, trip_id)
            orm_fleet = [vehicle_data(v) for v in s.scalars(
                select(m.Vehicle).where(m.Vehicle.trip_id == trip_id).order_by(m.Vehicle.position, m.Vehicle.id))]
            rides = read_rides(s, trip_id)
            ridden_items = set(s.scalars(select(m.VehicleRide.item_id).join(m.Vehicle).where(m.Vehicle.trip_id == trip_id)))
            ridden_items |= set(s.scalars(select(m.MotorcadePlace.item_id).join(m.Vehicle).where(m.Vehicle.trip_id == trip_id)))
            orm_rides = {i: vehicles.read_item_rides(s, i) for i in ridden_items}
            visas = read_visas(s, trip_id)
            orm_visas = {v.membership_id: visa_data(v) for v in s.scalars(
                select(m.Visa).join(m.Membership).where(m.Membership.trip_id == trip_id))}
        assert members == orm_members
        assert lodging.blocks == tuple(orm_blocks) and lodging.assignments == tuple(orm_rooms)
        assert used == orm_venues and list(used) == list(orm_venues)
        assert legs == tuple(orm_legs)
        assert fleet == tuple(orm_fleet)
        assert rides == orm_rides
        assert visas == orm_visas
        seen["dates"] += sum(p.passport_expiry is not None or ms.arrival is not None for ms, p in members)
        seen["legs"] += len(legs)
        seen["pickups"] += sum(leg.pickup is not None for leg in legs)
        seen["rooms"] += len(lodging.assignments)
        seen["visas"] += sum(v.granted_on is not None or v.applied_on is not None for v in visas.values())
        seen["orders"] += sum(bool(r.order) for r in rides.values())
    assert all(seen.values()), seen  # the demo holds each kind of value compared


@dataclass(frozen=True, slots=True)
class _Checked:
    value: int = 0

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")


def test_records_are_what_the_class_builds_and_only_for_classes_that_just_set_their_fields() -> None:
    values = [
        (1, 2, 3, "Chen Jing", "陈静", LocalizedText(en="Director"), "+86", "chen@example.cn"),
        (4, None, 5, "", "", LocalizedText(), "", ""),
    ]
    assert records(ContactData, 2, zip(*values)) == [ContactData(*row) for row in values]
    assert records(ContactData, 0, [()] * 8) == []
    with pytest.raises(ValueError):  # a column missing
        records(ContactData, 2, list(zip(*values))[:-1])
    with pytest.raises(TypeError):  # its __init__ checks something: records() would skip that
        records(_Checked, 1, [[-1]])


def test_items_come_in_time_order_whatever_order_the_database_gives_their_rows() -> None:
    """Start, then id, also for rows out of id order (PostgreSQL promises no order without ORDER BY)."""
    starts = [MORNING + timedelta(hours=h) for h in (3, 0, 3, 1, 0, 3, 1)]
    made = [ItemData(id=item_id, start=start, end=start + timedelta(hours=1)) for item_id, start in zip((7, 2, 5, 9, 4, 1, 3), starts)]
    expected = sorted(made, key=lambda item: (item.start, item.id))
    for shuffled in (made, list(reversed(made)), sorted(made, key=lambda item: item.id)):
        in_order = list(shuffled)
        in_time_order(in_order)
        assert [i.id for i in in_order] == [i.id for i in expected] == [2, 4, 3, 9, 1, 5, 7]
