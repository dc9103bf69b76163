"""The planner's tables as typed SQLAlchemy 2 models.

Every table carries a `version` counter that SQLAlchemy checks on each UPDATE,
so an edit based on a stale read fails instead of overwriting someone else's.
Enums are stored as their string values (no database enum types), so adding a
kind later is a code change, not a migration on two database engines.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, Float, ForeignKey, Integer, LargeBinary, MetaData, String, Table, Column, Text, UniqueConstraint, event, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Relationship, declared_attr, mapped_column, relationship

from planner.db.types import CompressedJSON, LocalizedTextType, UTCDateTime
from planner.domain.localized import LocalizedText

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """The `version` counter every table carries: SQLAlchemy checks and bumps it on each UPDATE."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class WithId:
    """The surrogate key most tables have; kept first among the columns, as the migrations create it."""

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-1)


def children(back_populates: str, order_by: str) -> Relationship[Any]:
    """The parent's side of a one-to-many whose rows belong to the parent.

    The ORM deletes a child taken out of the list (delete-orphan); deleting the parent
    leaves the children to the foreign key's ON DELETE CASCADE (passive_deletes), so a
    trip with thousands of items is deleted without loading them.
    """
    return relationship(back_populates=back_populates, cascade="all, delete-orphan", passive_deletes=True, order_by=order_by)


class Person(WithId, Versioned, Base):
    __tablename__ = "person"

    family_name: Mapped[str] = mapped_column(String(200))
    given_name: Mapped[str] = mapped_column(String(200), default="")
    native_name: Mapped[str] = mapped_column(String(200), default="")
    honorific: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    organisation: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    function: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    preferred_language: Mapped[str] = mapped_column(String(5), default="en")
    dietary_needs: Mapped[str] = mapped_column(Text, default="")
    accessibility_needs: Mapped[str] = mapped_column(Text, default="")
    passport_number: Mapped[str] = mapped_column(String(40), default="")
    nationality: Mapped[str] = mapped_column(String(2), default="")
    passport_expiry: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    sex: Mapped[str] = mapped_column(String(8), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    birth_place: Mapped[str] = mapped_column(String(200), default="")
    passport_issued: Mapped[date | None] = mapped_column(Date, nullable=True)

    memberships: Mapped[list[Membership]] = relationship(back_populates="person", passive_deletes=True)


class Trip(WithId, Versioned, Base):
    __tablename__ = "trip"

    title: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    purpose: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    destination_city: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    destination_country: Mapped[str] = mapped_column(String(2), default="")
    timezone: Mapped[str] = mapped_column(String(64))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    organiser: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    buffer_minutes: Mapped[int] = mapped_column(Integer, default=30)
    notes: Mapped[str] = mapped_column(Text, default="")

    memberships: Mapped[list[Membership]] = children("trip", "[Membership.protocol_order, Membership.id]")
    items: Mapped[list[ProgrammeItem]] = children("trip", "[ProgrammeItem.start_utc, ProgrammeItem.id]")


class Membership(WithId, Versioned, Base):
    """A person on a trip, in a role and at a place in the order of precedence."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("trip_id", "person_id"),)

    trip_id: Mapped[int] = mapped_column(ForeignKey("trip.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="member")
    protocol_order: Mapped[int] = mapped_column(Integer, default=0)
    arrival: Mapped[date | None] = mapped_column(Date, nullable=True)
    departure: Mapped[date | None] = mapped_column(Date, nullable=True)

    trip: Mapped[Trip] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship(back_populates="memberships")


class Venue(WithId, Versioned, Base):
    __tablename__ = "venue"

    name: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    kind: Mapped[str] = mapped_column(String(16), default="other")
    address_local: Mapped[str] = mapped_column(Text, default="")
    address_romanised: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    country: Mapped[str] = mapped_column(String(2), default="")
    timezone: Mapped[str] = mapped_column(String(64))
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    website: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[VenueContact]] = children("venue", "VenueContact.id")


class VenueContact(WithId, Versioned, Base):
    __tablename__ = "venue_contact"

    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    native_name: Mapped[str] = mapped_column(String(200), default="")
    function: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")

    venue: Mapped[Venue] = relationship(back_populates="contacts")


item_participant = Table(
    "item_participant",
    Base.metadata,
    Column("item_id", ForeignKey("programme_item.id", ondelete="CASCADE"), primary_key=True),
    Column("membership_id", ForeignKey("membership.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class ProgrammeItem(WithId, Versioned, Base):
    """One entry of the programme, planned in the local time of `timezone`.

    `end_timezone` differs from `timezone` only for travel across zones
    (a flight from Frankfurt to Shenzhen ends in Shanghai time).
    """

    __tablename__ = "programme_item"

    trip_id: Mapped[int] = mapped_column(ForeignKey("trip.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="meeting")
    title: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    description: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venue.id", ondelete="SET NULL"), nullable=True, index=True)
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    timezone: Mapped[str] = mapped_column(String(64))
    end_timezone: Mapped[str] = mapped_column(String(64), default="")
    host_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("venue_contact.id", ondelete="SET NULL"), nullable=True
    )
    # A person as host instead (the mayor receiving a delegation); at most one of the two is set.
    host_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True
    )
    dress_code: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    transport: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    everyone: Mapped[bool] = mapped_column(Boolean, default=True)
    # When the item was last saved (LAST-MODIFIED in calendar files); NULL for items last saved before 0005.
    modified_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, default=_utc_now, onupdate=_utc_now)

    trip: Mapped[Trip] = relationship(back_populates="items")
    venue: Mapped[Venue | None] = relationship()
    host_contact: Mapped[VenueContact | None] = relationship()
    host_person: Mapped[Person | None] = relationship()
    participants: Mapped[list[Membership]] = relationship(secondary=item_participant, order_by=[Membership.protocol_order, Membership.id])


class IssuedVersion(WithId, Versioned, Base):
    """The personal itineraries of a trip handed out at one moment: version `number` of the trip.

    Issued versions are a record of the past and are never edited; a reissue
    adds the next number for the participants who got a new printout.
    `content` is what the copies of the version share, each item once
    (planner.domain.issued.IssuedContent as JSON, compressed).
    """

    __tablename__ = "issued_version"
    __table_args__ = (UniqueConstraint("trip_id", "number"),)

    trip_id: Mapped[int] = mapped_column(ForeignKey("trip.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    content: Mapped[dict[str, Any]] = mapped_column(CompressedJSON)

    copies: Mapped[list[IssuedCopy]] = children("issued_version", "IssuedCopy.id")


class IssuedItem(WithId, Versioned, Base):
    """The key by which snapshots name a programme item: never reused, unlike an SQLite row id.

    When the item is deleted, `item_id` becomes NULL and the key stays behind
    for the snapshots that still show the item; `final_version` and
    `deleted_at` keep the item's last row version and the moment, so a
    calendar file can cancel the event with a higher SEQUENCE than any it
    published (planner.export.ics). Keys are also made for items written to
    a calendar before they were ever issued, as the events' UIDs.
    """

    __tablename__ = "issued_item"
    __table_args__ = (UniqueConstraint("item_id"),)

    trip_id: Mapped[int] = mapped_column(ForeignKey("trip.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("programme_item.id", ondelete="SET NULL"), nullable=True)
    final_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


@event.listens_for(ProgrammeItem, "before_delete")
def _remember_deleted_item(_mapper: Any, connection: Connection, target: ProgrammeItem) -> None:
    """Keep a deleted item's last version and the moment on its key (see IssuedItem), in the same transaction."""
    table = IssuedItem.__table__
    connection.execute(
        update(table).where(table.c.item_id == target.id)
        .values(final_version=target.version, deleted_at=_utc_now(), version=table.c.version + 1)
    )


class IssuedCopy(WithId, Versioned, Base):
    """What one participant received in an issued version, in the language of their document.

    A copy belongs to the person, not to their membership: someone taken off
    the delegation and put back (undo) still holds their printout. `item_keys`
    are the keys of the items on it, in its order; with the version's content
    they give the domain's ParticipantSnapshot (planner.domain.issued), so a
    later change is compared with exactly what is on their printout.
    """

    __tablename__ = "issued_copy"
    __table_args__ = (UniqueConstraint("issued_version_id", "person_id"),)

    issued_version_id: Mapped[int] = mapped_column(ForeignKey("issued_version.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(5))
    item_keys: Mapped[list[int]] = mapped_column(JSON)

    issued_version: Mapped[IssuedVersion] = relationship(back_populates="copies")


# --- protocol (planner.domain.protocol) ------------------------------------------------------


class Visa(Versioned, Base):
    """Where one member's visa for the trip stands; a row only once someone recorded it."""

    __tablename__ = "visa"

    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="")
    applied_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    granted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)


class Gift(WithId, Versioned, Base):
    """A gift given or received at a programme item; value in cents of `currency`, NULL when not estimated."""

    __tablename__ = "gift"

    item_id: Mapped[int] = mapped_column(ForeignKey("programme_item.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(16), default="given")
    description: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("membership.id", ondelete="SET NULL"), nullable=True, index=True)
    counterpart: Mapped[str] = mapped_column(String(400), default="")
    value_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    notes: Mapped[str] = mapped_column(Text, default="")


class SeatingPlan(WithId, Versioned, Base):
    """The seating plan of one programme item; its seats are replaced as a whole when it is saved."""

    __tablename__ = "seating_plan"

    item_id: Mapped[int] = mapped_column(ForeignKey("programme_item.id", ondelete="CASCADE"), unique=True)
    arrangement: Mapped[str] = mapped_column(String(16), default="facing")

    seats: Mapped[list[SeatAssignment]] = children("plan", "SeatAssignment.id")


class SeatAssignment(WithId, Versioned, Base):
    __tablename__ = "seat_assignment"
    __table_args__ = (UniqueConstraint("plan_id", "membership_id"),)

    plan_id: Mapped[int] = mapped_column(ForeignKey("seating_plan.id", ondelete="CASCADE"), index=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"), index=True)
    side: Mapped[str] = mapped_column(String(8), default="guest")
    place: Mapped[int] = mapped_column(Integer, default=0)
    behind: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[SeatingPlan] = relationship(back_populates="seats")


class EmergencyContact(WithId, Versioned, Base):
    """An embassy, consulate or other emergency contact of a trip, entered by the planner (see domain/missions.py)."""

    __tablename__ = "emergency_contact"

    trip_id: Mapped[int] = mapped_column(ForeignKey("trip.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    address: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    phone: Mapped[str] = mapped_column(String(40), default="")
    to_verify: Mapped[bool] = mapped_column(Boolean, default=False)


class TravelLeg(WithId, Versioned, Base):
    """A member's own flight or train (planner.domain.travel_legs): theirs, so it goes with their membership."""

    __tablename__ = "travel_leg"

    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(16), default="arrival")
    kind: Mapped[str] = mapped_column(String(16), default="flight")
    number: Mapped[str] = mapped_column(String(20), default="")
    origin: Mapped[str] = mapped_column(String(200), default="")
    destination: Mapped[str] = mapped_column(String(200), default="")
    departure_utc: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    departure_timezone: Mapped[str] = mapped_column(String(64), default="")
    arrival_utc: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    arrival_timezone: Mapped[str] = mapped_column(String(64), default="")
    terminal: Mapped[str] = mapped_column(String(60), default="")
    booking_reference: Mapped[str] = mapped_column(String(60), default="")
    # Who meets them on arrival: a host or a member (the people directory); gone with that person's erasure.
    met_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True)
    # The trip's vehicle that picks them up; deleting the vehicle clears it (its undo sets it again).
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id", ondelete="SET NULL"), nullable=True, index=True)
    vehicle_note: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # A departure's moment the vehicle leaves the hotel (UTC, shown on departure_timezone); NULL: not agreed yet.
    pickup_utc: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


# --- vehicles (planner.domain.vehicles) ------------------------------------------------------


class Vehicle(WithId, Versioned, Base):
    """A coach, minibus or car at the delegation's disposal, with its driver; `seats` excludes the driver's."""

    __tablename__ = "vehicle"

    trip_id: Mapped[int] = mapped_column(ForeignKey("trip.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="car")
    seats: Mapped[int] = mapped_column(Integer, default=4)
    plate: Mapped[str] = mapped_column(String(20), default="")
    operator: Mapped[str] = mapped_column(String(200), default="")
    driver_name: Mapped[str] = mapped_column(String(200), default="")
    driver_phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class VehicleRide(WithId, Versioned, Base):
    """One member in one vehicle on one programme item; a member rides in one vehicle per item."""

    __tablename__ = "vehicle_ride"
    __table_args__ = (UniqueConstraint("item_id", "membership_id"),)

    item_id: Mapped[int] = mapped_column(ForeignKey("programme_item.id", ondelete="CASCADE"), index=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"), index=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id", ondelete="CASCADE"), index=True)


class MotorcadePlace(WithId, Versioned, Base):
    """A vehicle's place in an item's motorcade, once the planner set the order (else precedence decides)."""

    __tablename__ = "motorcade_place"
    __table_args__ = (UniqueConstraint("item_id", "vehicle_id"),)

    item_id: Mapped[int] = mapped_column(ForeignKey("programme_item.id", ondelete="CASCADE"), index=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


# --- briefing (planner.domain.briefing) ------------------------------------------------------


class ItemBriefing(Versioned, Base):
    """The internal briefing of one programme item, in a row of its own.

    Apart from programme_item so that nothing participants receive reads it and
    saving talking points never moves the item's version or its "last modified".
    """

    __tablename__ = "item_briefing"

    item_id: Mapped[int] = mapped_column(ForeignKey("programme_item.id", ondelete="CASCADE"), primary_key=True)
    objective: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    talking_points: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    background: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    avoid: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    minutes: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)


class Profile:
    """What a person and a venue contact both have for a briefing book: a biography and a portrait.

    The same three columns in person_profile and contact_profile, since the briefing
    service reads and writes both alike (planner.services.briefing.ProfileOwner).
    The portrait, up to 2 MB, is loaded only when asked for (deferred).
    """

    biography: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    portrait: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    portrait_type: Mapped[str] = mapped_column(String(16), default="")


class PersonProfile(Profile, Versioned, Base):
    """A person's biography and portrait: one row, so erasing the person drops both at once.

    Not columns of person: the portrait is up to 2 MB, and the person table is
    read whole by every list, check and document; the portrait is loaded only
    when asked for (deferred).
    """

    __tablename__ = "person_profile"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)


class ContactProfile(Profile, Versioned, Base):
    """The same for a contact at a venue: most hosts a delegation meets are entered as one."""

    __tablename__ = "contact_profile"

    contact_id: Mapped[int] = mapped_column(ForeignKey("venue_contact.id", ondelete="CASCADE"), primary_key=True)


class FollowUp(WithId, Versioned, Base):
    """A task agreed at or after a visit (planner.domain.briefing.FollowUpData)."""

    __tablename__ = "follow_up"

    trip_id: Mapped[int] = mapped_column(ForeignKey("trip.id", ondelete="CASCADE"), index=True)
    what: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    who_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True)
    who: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    item_id: Mapped[int | None] = mapped_column(ForeignKey("programme_item.id", ondelete="SET NULL"), nullable=True, index=True)
    origin_trip_id: Mapped[int | None] = mapped_column(ForeignKey("trip.id", ondelete="SET NULL"), nullable=True)
    origin: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    agreed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


# --- accommodation (planner.domain.accommodation) -------------------------------------------


class RoomBlock(WithId, Versioned, Base):
    """Rooms of one type a trip holds at a hotel (a venue of kind hotel); rate in cents of `currency`, NULL when not known."""

    __tablename__ = "room_block"

    trip_id: Mapped[int] = mapped_column(ForeignKey("trip.id", ondelete="CASCADE"), index=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="RESTRICT"), index=True)
    room_type: Mapped[LocalizedText] = mapped_column(LocalizedTextType, default=LocalizedText)
    rooms: Mapped[int] = mapped_column(Integer, default=1)
    sleeps: Mapped[int] = mapped_column(Integer, default=1)
    rate_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    currency: Mapped[str] = mapped_column(String(3), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class RoomAssignment(WithId, Versioned, Base):
    """One member's room in a block for a run of nights (the night of a day: check-in that day).

    `sharing_with` are the membership ids of those the member shares the room with
    (each sharer's own assignment names the others); ids of members who left the
    trip are ignored when read.
    """

    __tablename__ = "room_assignment"

    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id", ondelete="CASCADE"), index=True)
    block_id: Mapped[int] = mapped_column(ForeignKey("room_block.id", ondelete="CASCADE"), index=True)
    room_label: Mapped[str] = mapped_column(String(40), default="")
    first_night: Mapped[date] = mapped_column(Date)
    last_night: Mapped[date] = mapped_column(Date)
    sharing_with: Mapped[list[int]] = mapped_column(JSON, default=list)
    requests: Mapped[str] = mapped_column(Text, default="")
