"""Trips: create, edit, list with the figures the navigator shows, delete."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import TripData
from planner.domain.enums import Role, TripStatus
from planner.domain.names import display_name
from planner.i18n import N_
from planner.services.base import Action, Change, check_version, get_or_fail, run
from planner.services.mapping import apply_trip, item_data, membership_data, trip_data


@dataclass(frozen=True, slots=True)
class TripSummary:
    trip: TripData
    members: int
    items: int
    head: str  # the head of delegation's name, or ""


def list_trips(db: Database, status: TripStatus | None = None) -> list[TripSummary]:
    with db.reading() as s:
        query = select(m.Trip).order_by(m.Trip.first_day.desc(), m.Trip.id)
        if status is not None:
            query = query.where(m.Trip.status == status.value)
        trips = list(s.scalars(query))
        members = dict(
            s.execute(select(m.Membership.trip_id, func.count()).group_by(m.Membership.trip_id)).all()
        )
        items = dict(
            s.execute(select(m.ProgrammeItem.trip_id, func.count()).group_by(m.ProgrammeItem.trip_id)).all()
        )
        heads: dict[int, str] = {}
        rows = s.execute(
            select(m.Membership.trip_id, m.Person.family_name, m.Person.given_name, m.Person.native_name)
            .join(m.Person)
            .where(m.Membership.role == Role.HEAD.value)
            .order_by(m.Membership.protocol_order)
        )
        for trip_id, family, given, native in rows:
            heads.setdefault(trip_id, display_name(family, given, native))
        return [TripSummary(trip_data(t), members.get(t.id, 0), items.get(t.id, 0), heads.get(t.id, "")) for t in trips]


def get_trip(db: Database, trip_id: int) -> TripData:
    with db.reading() as s:
        return trip_data(get_or_fail(s, m.Trip, trip_id, N_("trip")))


def create_trip(db: Database, data: TripData) -> Change:
    data = data.validated()

    def act(s: Session) -> Change:
        row = m.Trip()
        apply_trip(row, data)
        s.add(row)
        s.flush()
        return Change(Action.CREATED, "trip", row.id, after=trip_data(row))

    return run(db, act)


def update_trip(db: Database, data: TripData) -> Change:
    data = data.validated()

    def act(s: Session) -> Change:
        row = get_or_fail(s, m.Trip, data.id, N_("trip"))
        check_version(row, data.version)
        before = trip_data(row)
        apply_trip(row, data)
        s.flush()
        return Change(Action.UPDATED, "trip", row.id, before=before, after=trip_data(row))

    return run(db, act)


def delete_trip(db: Database, trip_id: int) -> Change:
    """Delete a trip with its delegation and programme (people and venues stay in their directories)."""

    def act(s: Session) -> Change:
        row = get_or_fail(s, m.Trip, trip_id, N_("trip"))
        before = trip_data(row)
        # What goes with the trip, so that undo can bring back all of it with the same ids.
        related = tuple(Change(Action.DELETED, "membership", ms.id, before=membership_data(ms)) for ms in row.memberships)
        related += tuple(Change(Action.DELETED, "item", it.id, before=item_data(it)) for it in row.items)
        s.delete(row)
        return Change(Action.DELETED, "trip", trip_id, before=before, related=related)

    return run(db, act)
