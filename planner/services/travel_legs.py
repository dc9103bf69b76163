"""Members' own flights and trains: reading a trip's legs, and adding, changing and deleting one.

Each change is one transaction and returns a Change with the leg before and
after, which is all undo needs (create the deleted leg again, save the old
values again). A leg hangs off a membership, so taking a member off the trip
takes their legs with them (ON DELETE CASCADE), and erasing a person deletes
the legs of all their memberships (services.privacy).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.errors import PlannerError
from planner.domain.travel_legs import LegDirection, LegKind, TravelLegData, leg_sort_key
from planner.i18n import N_
from planner.services.base import Change, get_if_given, get_or_fail, refuse_other_trip
from planner.services.bulk_read import TableRecords
from planner.services.mapping import person_data
from planner.services.records import RecordService, insert_record

ENTITY = "travel_leg"
_PLAIN_FIELDS = (
    "number", "origin", "destination", "departure_timezone", "arrival_timezone", "terminal", "booking_reference",
    "met_by_person_id", "vehicle_id", "vehicle_note", "notes",
)


def leg_data(row: m.TravelLeg) -> TravelLegData:
    return TravelLegData(
        id=row.id, version=row.version, membership_id=row.membership_id, direction=LegDirection(row.direction),
        kind=LegKind(row.kind), departure=row.departure_utc, arrival=row.arrival_utc, pickup=row.pickup_utc,
        **{f: getattr(row, f) for f in _PLAIN_FIELDS},
    )


def _leg_row(data: TravelLegData, membership_id: int, met_by: int | None, vehicle: int | None) -> dict[str, object]:
    """The travel_leg row of a validated leg (version 1), for bulk inserts."""
    row: dict[str, object] = {f: getattr(data, f) for f in _PLAIN_FIELDS}
    row.update(
        version=1, membership_id=membership_id, direction=data.direction.value, kind=data.kind.value,
        departure_utc=data.departure, arrival_utc=data.arrival, pickup_utc=data.pickup, met_by_person_id=met_by, vehicle_id=vehicle,
    )
    return row


def apply_leg(row: m.TravelLeg, data: TravelLegData) -> None:
    for f in _PLAIN_FIELDS:
        setattr(row, f, getattr(data, f))
    row.membership_id = data.membership_id  # type: ignore[assignment]
    row.direction = data.direction.value
    row.kind = data.kind.value
    row.departure_utc = data.departure
    row.arrival_utc = data.arrival
    row.pickup_utc = data.pickup


_LEG = m.TravelLeg.__table__
_LEG_MEMBER = m.Membership.__table__
LEGS = RecordService(ENTITY, m.TravelLeg, N_("travel leg"), apply_leg, leg_data)
_LEG_RECORDS = TableRecords(
    TravelLegData, _LEG, columns={"departure": "departure_utc", "arrival": "arrival_utc", "pickup": "pickup_utc"},
    convert={"direction": LegDirection, "kind": LegKind},
)
#: The trip's legs (parameter trip_id), built once.
_LEGS_OF_TRIP = (
    select(*_LEG_RECORDS.selected).join(_LEG_MEMBER, _LEG_MEMBER.c.id == _LEG.c.membership_id)
    .where(_LEG_MEMBER.c.trip_id == bindparam("trip_id"))
)


def read_legs(session: Session, trip_id: int) -> tuple[TravelLegData, ...]:
    """The trip's legs in time order (the moment each matters to the hosts), one query.

    Plain columns, not ORM objects: the planning checks read every leg of a trip each time (a fifth of the time).
    """
    legs = _LEG_RECORDS.read(session, _LEGS_OF_TRIP, {"trip_id": trip_id})
    legs.sort(key=leg_sort_key)
    return tuple(legs)


def trip_legs(db: Database, trip_id: int) -> tuple[TravelLegData, ...]:
    with db.reading() as s:
        return read_legs(s, trip_id)


def get_leg(db: Database, leg_id: int) -> TravelLegData:
    with db.reading() as s:
        return leg_data(get_or_fail(s, m.TravelLeg, leg_id, N_("travel leg")))


def _check_references(s: Session, data: TravelLegData) -> None:
    member = get_or_fail(s, m.Membership, data.membership_id, N_("delegation member"))
    get_if_given(s, m.Person, data.met_by_person_id, N_("person meeting them"))
    refuse_other_trip(s, m.Vehicle, data.vehicle_id, N_("vehicle"), member.trip_id,
                      N_("The vehicle picking them up must be one of this trip's vehicles."), "vehicle_id")


def create_leg(db: Database, data: TravelLegData) -> Change:
    return LEGS.create(db, data, check=_check_references)


def update_leg(db: Database, data: TravelLegData) -> Change:
    def check(s: Session, row: m.TravelLeg, valid: TravelLegData) -> None:
        member = get_or_fail(s, m.Membership, valid.membership_id, N_("delegation member"))
        old_member = get_or_fail(s, m.Membership, row.membership_id, N_("delegation member"))
        if member.trip_id != old_member.trip_id:
            raise PlannerError(N_("A travel leg cannot move to another trip."))
        _check_references(s, valid)

    return LEGS.update(db, data, check=check)


def delete_leg(db: Database, leg_id: int) -> Change:
    return LEGS.delete(db, leg_id)


def restore_leg(db: Database, data: TravelLegData) -> Change:
    """Undo a delete (or redo a create): the leg again, with its old id, so later steps still name it."""

    def check(s: Session) -> None:
        if data.id is None or s.get(m.TravelLeg, data.id) is not None:
            raise PlannerError(N_("The deleted record cannot be restored: it exists again or has no id."))
        _check_references(s, data)

    return insert_record(db, ENTITY, data, lambda: m.TravelLeg(id=data.id), apply_leg, leg_data, check=check)


def meeting_people(db: Database, trip_id: int) -> dict[int, PersonData]:
    """The people meeting one of the trip's arrivals (members or not), by id: one query."""
    with db.reading() as s:
        meeting = (
            select(m.TravelLeg.met_by_person_id).join(m.Membership, m.Membership.id == m.TravelLeg.membership_id)
            .where(m.Membership.trip_id == trip_id)
        )
        return {row.id: person_data(row) for row in s.scalars(select(m.Person).where(m.Person.id.in_(meeting)))}


def insert_legs(session: Session, legs: Iterable[TravelLegData], member_ids: dict[int | None, int],
                person_ids: dict[int | None, int], vehicle_ids: Mapping[int, int]) -> None:
    """Inside a transaction: validated legs written with the new ids of their members, meeters and vehicles (trip-file import)."""
    rows = [
        _leg_row(leg, member_ids[leg.membership_id],
                 person_ids[leg.met_by_person_id] if leg.met_by_person_id is not None else None,
                 vehicle_ids[leg.vehicle_id] if leg.vehicle_id is not None else None)
        for leg in legs
    ]
    if rows:
        session.execute(insert(m.TravelLeg.__table__), rows)
