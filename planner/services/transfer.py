"""Moving a whole trip out of the database and a whole trip into it.

A trip file (docs/trip-file.md) is written from, and read into, a TripBundle:
the trip with every record it needs, as plain domain records. Loading one is a
single read; importing one is a single transaction, so a trip arrives complete
or not at all. Imported people and venues are always added to the directories
as new records: a file from another planner cannot be matched safely against
people who merely share a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.errors import PlannerError
from planner.i18n import N_
from planner.services.base import Action, Change, get_or_fail, run
from planner.services.mapping import (
    apply_contact,
    apply_item,
    apply_membership,
    apply_person,
    apply_trip,
    apply_venue,
    item_data,
    membership_data,
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
    "passport_expiry", "notes",
)


@dataclass(frozen=True, slots=True)
class TripBundle:
    """One trip and everything it refers to, as plain records.

    The records refer to each other by id: `members[].person_id` to `people`,
    `items[].venue_id` and `host_contact_id` to `venues` and their contacts,
    `items[].participant_ids` to `members`. Loaded from the database these are
    the database's ids; read from a trip file they are stand-ins numbered in
    file order, which `import_trip_bundle` replaces with new ids.
    """

    trip: TripData
    people: tuple[PersonData, ...]
    members: tuple[MembershipData, ...]  # in protocol order
    venues: tuple[VenueData, ...]  # by id, each with its contacts
    items: tuple[ItemData, ...]  # in start order

    def person(self, person_id: int | None) -> PersonData:
        for person in self.people:
            if person.id == person_id:
                return person
        raise KeyError(person_id)


def load_trip_bundle(db: Database, trip_id: int) -> TripBundle:
    """The trip, its delegation with their people, the venues its programme uses, and its programme."""
    with db.reading() as s:
        trip = trip_data(get_or_fail(s, m.Trip, trip_id, N_("trip")))
        rows = s.execute(
            select(m.Membership, m.Person)
            .join(m.Person)
            .where(m.Membership.trip_id == trip_id)
            .order_by(m.Membership.protocol_order, m.Membership.id)
        )
        members: list[MembershipData] = []
        people: list[PersonData] = []
        for membership, person in rows:
            members.append(membership_data(membership))
            people.append(person_data(person))
        item_rows = list(
            s.scalars(
                select(m.ProgrammeItem)
                .options(selectinload(m.ProgrammeItem.participants), selectinload(m.ProgrammeItem.host_contact))
                .where(m.ProgrammeItem.trip_id == trip_id)
                .order_by(m.ProgrammeItem.start_utc, m.ProgrammeItem.id)
            )
        )
        venue_ids = {r.venue_id for r in item_rows if r.venue_id is not None}
        venue_ids |= {r.host_contact.venue_id for r in item_rows if r.host_contact is not None}
        venues = s.scalars(
            select(m.Venue).options(selectinload(m.Venue.contacts)).where(m.Venue.id.in_(venue_ids)).order_by(m.Venue.id)
        )
        return TripBundle(
            trip=trip,
            people=tuple(people),
            members=tuple(members),
            venues=tuple(venue_data(v) for v in venues),
            items=tuple(item_data(r) for r in item_rows),
        )


def import_trip_bundle(db: Database, bundle: TripBundle) -> Change:
    """Create the bundle's trip as a new trip, with new people and venues, in one transaction.

    Every record is validated again here, since a bundle need not come from
    the trip-file reader; nothing is written unless all of it is sound.
    """
    trip = bundle.trip.validated()
    people = [p.validated() for p in bundle.people]
    venues = [v.validated() for v in bundle.venues]
    for member in bundle.members:
        member.evolve(trip_id=0, person_id=member.person_id or 0).validated()
    for item in bundle.items:
        item.evolve(trip_id=0).validated()
    _check_bundle_references(bundle)

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
        for member in bundle.members:
            data = member.evolve(trip_id=trip_row.id, person_id=person_rows[member.person_id].id).validated()
            row = m.Membership(trip_id=trip_row.id, person_id=data.person_id)
            apply_membership(row, data)
            s.add(row)
            member_rows[member.id] = row
        s.flush()

        for item in bundle.items:
            venue_row = venue_rows[item.venue_id] if item.venue_id is not None else None
            host_row = contact_rows[item.host_contact_id] if item.host_contact_id is not None else None
            participants = [] if item.everyone else [member_rows[i] for i in item.participant_ids]
            data = item.evolve(
                id=None, version=None, trip_id=trip_row.id,
                venue_id=venue_row.id if venue_row is not None else None,
                host_contact_id=host_row.id if host_row is not None else None,
                participant_ids=tuple(r.id for r in participants),
            ).validated()
            row = m.ProgrammeItem(trip_id=trip_row.id)
            apply_item(row, data)
            row.participants = participants
            s.add(row)
        s.flush()
        return Change(Action.IMPORTED, "trip", trip_row.id, after=trip_data(trip_row), related=tuple(related))

    return run(db, act)


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
        if not item.everyone and any(i not in member_ids for i in item.participant_ids):
            raise PlannerError(N_("The trip to import has a participant who is not in its delegation."))


def _unique_ids(ids: list[int | None]) -> set[int | None]:
    if None in ids or len(set(ids)) != len(ids):
        raise PlannerError(N_("The trip to import is inconsistent: two of its records share an id, or one has none."))
    return set(ids)

