"""Moving a whole trip out of the database and a whole trip into it.

A trip file (docs/trip-file.md) is written from, and read into, a TripBundle:
the trip with every record it needs, as plain domain records. Loading one is a
single read; importing one is a single transaction, so a trip arrives complete
or not at all. Imported people and venues are always added to the directories
as new records: a file from another planner cannot be matched safely against
people who merely share a name.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.briefing import ProfileOwner
from planner.domain.entities import ItemData, MembershipData, PersonData
from planner.domain.trip_bundle import TripBundle
from planner.domain.errors import PlannerError
from planner.domain.travel_legs import TravelLegData
from planner.i18n import N_
from planner.services.accommodation import (
    check_accommodation_references, insert_accommodation, read_accommodation, validated_accommodation,
)
from planner.services.base import Action, Change, get_or_fail, run
from planner.services.briefing import read_profiles, read_trip_briefings, write_briefing, write_profile
from planner.services.follow_ups import insert_follow_ups, read_follow_ups
from planner.services.emergency_contacts import read_emergency_contacts, validated_contacts, write_emergency_contacts
from planner.services.vehicles import read_rides, read_vehicles, validated_vehicles, write_vehicles
from planner.services.issued_history import insert_issued
from planner.services.travel_legs import insert_legs, read_legs
from planner.services.bulk_read import read_items, read_members, read_venues, venues_of_hosts, venues_of_items
from planner.services.protocol import (
    check_protocol_references,
    insert_protocol,
    read_gifts,
    read_seatings,
    read_visas,
    validated_protocol,
)
from planner.services.mapping import (
    apply_contact,
    apply_membership,
    apply_person,
    apply_trip,
    apply_venue,
    person_data,
    trip_data,
    venue_data,
)

#: What a trip file says it is; the writer and the reader share them.
TRIP_FILE_FORMAT = "delegation-planner/trip"
TRIP_FILE_VERSION = 1
#: A person's fields that `include_private=False` leaves out of a trip file.
PRIVATE_PERSON_FIELDS: tuple[str, ...] = (
    "email", "phone", "dietary_needs", "accessibility_needs", "passport_number", "nationality",
    "passport_expiry", "notes", "sex", "birth_date", "birth_place", "passport_issued",
)


def load_trip_bundle(db: Database, trip_id: int, *, portraits: bool = False) -> TripBundle:
    """The trip, its delegation with their people, the venues its programme uses, and its programme.

    With the briefing side too (without portraits unless asked for: they are
    large, and personal), so that a copy through a bundle loses nothing.
    """
    with db.reading() as s:
        trip = trip_data(get_or_fail(s, m.Trip, trip_id, N_("trip")))
        delegation = read_members(s, trip_id)
        items = read_items(s, trip_id)
        lodging = read_accommodation(s, trip_id)
        venues = read_venues(s, venues_of_items(trip_id), venues_of_hosts(trip_id), lodging.hotel_ids())
        legs = read_legs(s, trip_id)
        bundle = TripBundle(
            trip=trip,
            people=tuple(person for _member, person in delegation) + _outside_hosts(s, delegation, items, legs),
            members=tuple(member for member, _person in delegation),
            venues=tuple(venues.values()),
            items=tuple(items),
            visas=tuple(read_visas(s, trip_id).values()),
            gifts=tuple(read_gifts(s, trip_id)),
            seatings=tuple(read_seatings(s, trip_id)),
            emergency_contacts=read_emergency_contacts(s, trip_id),
            travel_legs=legs,
            vehicles=read_vehicles(s, trip_id),
            rides=tuple(read_rides(s, trip_id).values()),
            room_blocks=lodging.blocks,
            rooms=lodging.assignments,
        )
        return _with_briefing(s, bundle, portraits=portraits)


def _with_briefing(s: Session, bundle: TripBundle, *, portraits: bool) -> TripBundle:
    """The bundle with its items' briefings, its people's and contacts' profiles and the trip's follow-ups."""
    assert bundle.trip.id is not None
    briefings = read_trip_briefings(s, bundle.trip.id)
    people = read_profiles(s, ProfileOwner.PERSON, (p.id for p in bundle.people if p.id is not None), with_portraits=portraits)
    contacts = read_profiles(
        s, ProfileOwner.CONTACT, (c.id for v in bundle.venues for c in v.contacts if c.id is not None), with_portraits=portraits,
    )
    follow_ups = read_follow_ups(s, bundle.trip.id)
    # Someone outside the trip's people is named in words: the file cannot refer to them.
    inside = {p.id for p in bundle.people}
    outside = {f.who_person_id for f in follow_ups if f.who_person_id is not None and f.who_person_id not in inside}
    names = {row.id: person_data(row).name for row in s.scalars(select(m.Person).where(m.Person.id.in_(outside)))} if outside else {}
    follow_ups = [f.evolve(who_person_id=None, who=names.get(f.who_person_id, f.who)) if f.who_person_id in outside else f
                  for f in follow_ups]
    return replace(
        bundle, briefings=tuple(b for _id, b in sorted(briefings.items())),
        profiles=tuple(people.values()) + tuple(contacts.values()), follow_ups=tuple(follow_ups),
    )


def _outside_hosts(s: Session, delegation: list[tuple[MembershipData, PersonData]], items: list[ItemData],
                   legs: tuple[TravelLegData, ...] = ()) -> tuple[PersonData, ...]:
    """The people hosting an item or meeting an arrival who are not in the delegation, by id (one query, only if there are any)."""
    inside = {person.id for _member, person in delegation}
    wanted = {i.host_person_id for i in items if i.host_person_id is not None} - inside
    wanted |= {leg.met_by_person_id for leg in legs if leg.met_by_person_id is not None} - inside
    if not wanted:
        return ()
    rows = s.scalars(select(m.Person).where(m.Person.id.in_(wanted)).order_by(m.Person.id))
    return tuple(person_data(row) for row in rows)


def import_trip_bundle(db: Database, bundle: TripBundle, *, validated: bool = False) -> Change:
    """Create the bundle's trip as a new trip, with new people and venues, in one transaction.

    Every record is validated again here, since a bundle need not come from
    the trip-file reader; nothing is written unless all of it is sound.
    `validated=True` says it does come from the reader, which validated each
    record (and named the problems by their place in the file), so the
    records are taken as they are: a large trip's programme costs a moment
    to validate. How the records refer to each other is checked either way.
    """
    if validated:
        trip, people, venues = bundle.trip, list(bundle.people), list(bundle.venues)
        members, items = list(bundle.members), list(bundle.items)
    else:
        trip = bundle.trip.validated()
        people = [p.validated() for p in bundle.people]
        venues = [v.validated() for v in bundle.venues]
        members = [
            ms.evolve(trip_id=0, person_id=ms.person_id or 0).validated().evolve(trip_id=None, person_id=ms.person_id)
            for ms in bundle.members
        ]
        # Validated once, here: writing them only swaps the stand-in ids for new ones, which validation does not look at.
        items = [item.evolve(trip_id=0).validated() for item in bundle.items]
    visas, gifts, seatings = (
        (list(bundle.visas), list(bundle.gifts), list(bundle.seatings)) if validated
        else validated_protocol(bundle.visas, bundle.gifts, bundle.seatings)
    )
    _check_bundle_references(bundle)
    missions = list(bundle.emergency_contacts) if validated else list(validated_contacts(bundle.emergency_contacts))
    legs = list(bundle.travel_legs) if validated else [leg.evolve(membership_id=leg.membership_id or 0).validated().evolve(
        membership_id=leg.membership_id) for leg in bundle.travel_legs]
    vehicles = list(bundle.vehicles) if validated else list(validated_vehicles(bundle.vehicles))
    rides = list(bundle.rides) if validated else [r.validated() for r in bundle.rides]
    briefings = list(bundle.briefings) if validated else [b.validated() for b in bundle.briefings]
    profiles = list(bundle.profiles) if validated else [p.validated() for p in bundle.profiles]
    follow_ups = list(bundle.follow_ups) if validated else [
        f.evolve(trip_id=0).validated().evolve(trip_id=None) for f in bundle.follow_ups
    ]
    blocks, rooms = (
        (list(bundle.room_blocks), list(bundle.rooms)) if validated else validated_accommodation(bundle.room_blocks, bundle.rooms)
    )

    def act(s: Session) -> Change:
        trip_row = m.Trip()
        apply_trip(trip_row, trip)
        s.add(trip_row)
        s.flush()
        related: list[Change] = []

        person_rows: dict[int | None, m.Person] = {}
        for person in people:
            row = m.Person()
            apply_person(row, person)
            s.add(row)
            person_rows[person.id] = row
        venue_rows: dict[int | None, m.Venue] = {}
        contact_rows: dict[int | None, m.VenueContact] = {}
        for venue in venues:
            row = m.Venue()
            apply_venue(row, venue)
            for contact in venue.contacts:
                contact_row = m.VenueContact()
                apply_contact(contact_row, contact)
                row.contacts.append(contact_row)
                contact_rows[contact.id] = contact_row
            s.add(row)
            venue_rows[venue.id] = row
        s.flush()
        related += [Change(Action.CREATED, "person", r.id, after=person_data(r)) for r in person_rows.values()]
        related += [Change(Action.CREATED, "venue", r.id, after=venue_data(r)) for r in venue_rows.values()]

        member_rows: dict[int | None, m.Membership] = {}
        for member in members:
            row = m.Membership(trip_id=trip_row.id, person_id=person_rows[member.person_id].id)
            apply_membership(row, member)
            s.add(row)
            member_rows[member.id] = row
        s.flush()
        member_ids = {k: r.id for k, r in member_rows.items()}
        new_item_ids = _insert_items(s, trip_row.id, items, {k: r.id for k, r in venue_rows.items()},
                                     {k: r.id for k, r in contact_rows.items()}, member_ids,
                                     {k: r.id for k, r in person_rows.items()})
        item_ids = {item.id: new_id for item, new_id in zip(items, new_item_ids, strict=True) if item.id is not None}
        insert_protocol(s, member_ids, item_ids, visas, gifts, seatings)
        insert_issued(s, trip_row.id, bundle.issued, item_ids, {k: r.id for k, r in person_rows.items() if k is not None})
        write_emergency_contacts(s, trip_row.id, missions)
        vehicle_ids = write_vehicles(
            s, trip_row.id, vehicles, rides, {k: v for k, v in member_ids.items() if k is not None}, item_ids,
        )
        insert_legs(s, legs, member_ids, {k: r.id for k, r in person_rows.items()}, vehicle_ids)  # after the fleet: legs name vehicles
        person_ids = {k: r.id for k, r in person_rows.items()}
        for b in briefings:
            write_briefing(s, b.evolve(id=item_ids[b.id], version=None))
        for p in profiles:
            owner_ids = person_ids if p.owner == ProfileOwner.PERSON else {k: r.id for k, r in contact_rows.items()}
            write_profile(s, p.evolve(id=owner_ids[p.id], version=None))
        insert_follow_ups(s, trip_row.id, follow_ups, item_ids, person_ids)
        insert_accommodation(s, trip_row.id, {k: r.id for k, r in venue_rows.items()}, member_ids, blocks, rooms)
        return Change(Action.IMPORTED, "trip", trip_row.id, after=trip_data(trip_row), related=tuple(related))

    return run(db, act)


def _insert_items(
    s: Session, trip_id: int, items: list[ItemData], venue_ids: dict[int | None, int], contact_ids: dict[int | None, int],
    member_ids: dict[int | None, int], person_ids: dict[int | None, int],
) -> list[int]:
    """The programme written in two bulk statements, items and ticks, with the new ids of what they refer to.

    Thousands of items as ORM objects took seconds to flush; the rows are the same. Returns the items' new ids, in order.
    """
    if not items:
        return []
    rows = [_item_row(trip_id, item, venue_ids, contact_ids, person_ids) for item in items]
    new_ids = s.scalars(
        insert(m.ProgrammeItem.__table__).returning(m.ProgrammeItem.__table__.c.id, sort_by_parameter_order=True), rows
    ).all()
    ticks = [
        {"item_id": new_id, "membership_id": member_ids[member]}
        for item, new_id in zip(items, new_ids, strict=True) if not item.everyone
        for member in item.participant_ids
    ]
    if ticks:
        s.execute(insert(m.item_participant), ticks)
    return list(new_ids)


def _item_row(
    trip_id: int, item: ItemData, venue_ids: dict[int | None, int], contact_ids: dict[int | None, int],
    person_ids: dict[int | None, int],
) -> dict[str, Any]:
    """The programme_item row of a validated item, as the ORM would write it (version 1)."""
    return {
        "version": 1, "trip_id": trip_id, "kind": item.kind.value, "title": item.title, "description": item.description,
        "venue_id": venue_ids[item.venue_id] if item.venue_id is not None else None,
        "start_utc": item.start, "end_utc": item.end, "timezone": item.timezone, "end_timezone": item.end_timezone,
        "host_contact_id": contact_ids[item.host_contact_id] if item.host_contact_id is not None else None,
        "dress_code": item.dress_code, "transport": item.transport, "everyone": item.everyone,
        "host_person_id": person_ids[item.host_person_id] if item.host_person_id is not None else None,
    }


def _check_bundle_references(bundle: TripBundle) -> None:
    """Every id a record refers to must name a record of the same bundle."""
    person_ids = _unique_ids([p.id for p in bundle.people])
    member_ids = _unique_ids([ms.id for ms in bundle.members])
    venue_ids = _unique_ids([v.id for v in bundle.venues])
    contact_venue = {c.id: v.id for v in bundle.venues for c in v.contacts}
    _unique_ids([c.id for v in bundle.venues for c in v.contacts])
    members_of = [ms.person_id for ms in bundle.members]
    if any(pid not in person_ids for pid in members_of) or len(set(members_of)) != len(members_of):
        raise PlannerError(N_("The trip to import has a delegation member who is not among its people, or one twice."))
    for item in bundle.items:
        if item.venue_id is not None and item.venue_id not in venue_ids:
            raise PlannerError(N_("The trip to import has a programme item at a venue it does not contain."))
        if item.host_contact_id is not None:
            if item.host_contact_id not in contact_venue:
                raise PlannerError(N_("The trip to import has a host contact it does not contain."))
            if item.venue_id is not None and contact_venue[item.host_contact_id] != item.venue_id:
                raise PlannerError(N_("The host contact must be a contact at the item's venue."))
        if item.host_person_id is not None and item.host_person_id not in person_ids:
            raise PlannerError(N_("The trip to import has a host who is not among its people."))
        if not item.everyone and any(i not in member_ids for i in item.participant_ids):
            raise PlannerError(N_("The trip to import has a participant who is not in its delegation."))
    for leg in bundle.travel_legs:
        if leg.membership_id not in member_ids:
            raise PlannerError(N_("The trip to import has a travel leg of someone who is not in its delegation."))
        if leg.met_by_person_id is not None and leg.met_by_person_id not in person_ids:
            raise PlannerError(N_("The trip to import has an arrival met by someone who is not among its people."))
    if any(leg.vehicle_id is not None for leg in bundle.travel_legs):
        fleet = _unique_ids([v.id for v in bundle.vehicles])
        if any(leg.vehicle_id is not None and leg.vehicle_id not in fleet for leg in bundle.travel_legs):
            raise PlannerError(N_("The trip to import has a pickup by a vehicle it does not contain."))
    if bundle.visas or bundle.gifts or bundle.seatings:
        item_ids = _unique_ids([i.id for i in bundle.items])
        check_protocol_references(member_ids, item_ids, bundle.visas, bundle.gifts, bundle.seatings)
    if bundle.rides:
        vehicle_ids = _unique_ids([v.id for v in bundle.vehicles])
        item_ids = _unique_ids([i.id for i in bundle.items])
        for ride in bundle.rides:
            if ride.id not in item_ids or any(
                r.membership_id not in member_ids or r.vehicle_id not in vehicle_ids for r in ride.seats
            ) or any(v not in vehicle_ids for v in ride.order):
                raise PlannerError(N_("The trip to import has a seat in a vehicle, or for a member or item, it does not contain."))
    if bundle.room_blocks or bundle.rooms:
        check_accommodation_references(member_ids, venue_ids, bundle.room_blocks, bundle.rooms)
    _check_briefing_references(bundle, person_ids, set(contact_venue))


def _check_briefing_references(bundle: TripBundle, person_ids: set[int | None], contact_ids: set[int | None]) -> None:
    """Briefings name the bundle's items, profiles its people or contacts, follow-ups its items and people."""
    item_ids = {i.id for i in bundle.items}
    if any(b.id not in item_ids for b in bundle.briefings):
        raise PlannerError(N_("The trip to import has a briefing for a programme item it does not contain."))
    for p in bundle.profiles:
        if p.id not in (person_ids if p.owner == ProfileOwner.PERSON else contact_ids):
            raise PlannerError(N_("The trip to import has a biography of someone it does not contain."))
    for f in bundle.follow_ups:
        if (f.item_id is not None and f.item_id not in item_ids) or (f.who_person_id is not None and f.who_person_id not in person_ids):
            raise PlannerError(N_("The trip to import has a follow-up for an item or a person it does not contain."))


def _unique_ids(ids: list[int | None]) -> set[int | None]:
    if None in ids or len(set(ids)) != len(ids):
        raise PlannerError(N_("The trip to import is inconsistent: two of its records share an id, or one has none."))
    return set(ids)

