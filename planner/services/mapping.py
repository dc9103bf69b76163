"""Copying between ORM rows and the domain's records, in one place."""

from __future__ import annotations

from decimal import Decimal

from planner.db import models as m
from planner.domain.entities import ContactData, ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.enums import ItemKind, Language, Role, Sex, TripStatus, VenueKind

PERSON_FIELDS = (
    "family_name", "given_name", "native_name", "honorific", "organisation", "function", "email", "phone",
    "dietary_needs", "accessibility_needs", "passport_number", "nationality", "passport_expiry", "notes",
    "birth_date", "birth_place", "passport_issued",
)
TRIP_FIELDS = (
    "title", "purpose", "destination_city", "destination_country", "timezone", "first_day", "last_day",
    "organiser", "buffer_minutes", "notes",
)
VENUE_FIELDS = (
    "name", "address_local", "address_romanised", "city", "country", "timezone", "latitude", "longitude",
    "website", "notes",
)
CONTACT_FIELDS = ("name", "native_name", "function", "phone", "email")
ITEM_FIELDS = (
    "title", "description", "venue_id", "timezone", "end_timezone", "host_contact_id", "dress_code", "transport", "everyone",
    "host_person_id",
)


def to_cents(amount: Decimal | None) -> int | None:
    """Money is stored as whole cents so that sums stay exact on SQLite and PostgreSQL alike."""
    return int(amount.scaleb(2)) if amount is not None else None


def from_cents(cents: int | None) -> Decimal | None:
    """The amount of stored cents, as the domain's records hold it (None while not recorded)."""
    return Decimal(cents).scaleb(-2) if cents is not None else None


def person_data(row: m.Person) -> PersonData:
    return PersonData(
        id=row.id, version=row.version, preferred_language=Language(row.preferred_language), sex=Sex(row.sex or ""),
        **{f: getattr(row, f) for f in PERSON_FIELDS},
    )


def apply_person(row: m.Person, data: PersonData) -> None:
    for f in PERSON_FIELDS:
        setattr(row, f, getattr(data, f))
    row.preferred_language = data.preferred_language.value
    row.sex = Sex(data.sex).value


def trip_data(row: m.Trip) -> TripData:
    return TripData(id=row.id, version=row.version, status=TripStatus(row.status), **{f: getattr(row, f) for f in TRIP_FIELDS})


def apply_trip(row: m.Trip, data: TripData) -> None:
    for f in TRIP_FIELDS:
        setattr(row, f, getattr(data, f))
    row.status = data.status.value


def membership_data(row: m.Membership) -> MembershipData:
    return MembershipData(
        id=row.id, version=row.version, trip_id=row.trip_id, person_id=row.person_id, role=Role(row.role),
        protocol_order=row.protocol_order, arrival=row.arrival, departure=row.departure,
    )


def apply_membership(row: m.Membership, data: MembershipData) -> None:
    row.role = data.role.value
    row.protocol_order = data.protocol_order
    row.arrival = data.arrival
    row.departure = data.departure


def contact_data(row: m.VenueContact) -> ContactData:
    return ContactData(id=row.id, version=row.version, venue_id=row.venue_id, **{f: getattr(row, f) for f in CONTACT_FIELDS})


def apply_contact(row: m.VenueContact, data: ContactData) -> None:
    for f in CONTACT_FIELDS:
        setattr(row, f, getattr(data, f))


def venue_data(row: m.Venue) -> VenueData:
    # In id order, as the relationship loads them: right after an edit the
    # collection is still in the order the form sent, and the Change must
    # show what a reload will show.
    contacts = sorted(row.contacts, key=lambda c: c.id)
    return VenueData(
        id=row.id, version=row.version, kind=VenueKind(row.kind),
        contacts=tuple(contact_data(c) for c in contacts), **{f: getattr(row, f) for f in VENUE_FIELDS},
    )


def apply_venue(row: m.Venue, data: VenueData) -> None:
    for f in VENUE_FIELDS:
        setattr(row, f, getattr(data, f))
    row.kind = data.kind.value


def item_data(row: m.ProgrammeItem, participant_ids: tuple[int, ...] | None = None) -> ItemData:
    if participant_ids is None:
        participant_ids = () if row.everyone else tuple(sorted(p.id for p in row.participants))
    return ItemData(
        id=row.id, version=row.version, trip_id=row.trip_id, kind=ItemKind(row.kind),
        start=row.start_utc, end=row.end_utc, participant_ids=participant_ids,
        **{f: getattr(row, f) for f in ITEM_FIELDS},
    )


def apply_item(row: m.ProgrammeItem, data: ItemData) -> None:
    for f in ITEM_FIELDS:
        setattr(row, f, getattr(data, f))
    row.kind = data.kind.value
    assert data.start is not None and data.end is not None
    row.start_utc = data.start
    row.end_utc = data.end
