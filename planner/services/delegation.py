"""The delegation of a trip: who comes, in which role, in which order of precedence."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import MembershipData, PersonData
from planner.domain.enums import Role
from planner.domain.members import Member
from planner.domain.errors import PlannerError
from planner.i18n import N_
from planner.services.base import Action, Change, EntityKind, delete_record, each, get_or_fail, run
from planner.services.travel_legs import leg_data
from planner.services.mapping import apply_membership, item_data, membership_data, person_data
from planner.services.records import add_row, update_record
from planner.services.vehicles import seats_taken_by


def list_members(db: Database, trip_id: int) -> list[Member]:
    """The delegation in protocol order."""
    with db.reading() as s:
        rows = s.execute(
            select(m.Membership, m.Person)
            .join(m.Person)
            .where(m.Membership.trip_id == trip_id)
            .order_by(m.Membership.protocol_order, m.Membership.id)
        )
        return [Member(membership_data(ms), person_data(p)) for ms, p in rows]


def add_member(db: Database, data: MembershipData) -> Change:
    """Put a person on a trip; without an explicit order they come last."""
    data = data.validated()

    def act(s: Session) -> Change:
        get_or_fail(s, m.Trip, data.trip_id, N_("trip"))
        person = get_or_fail(s, m.Person, data.person_id, N_("person"))
        exists = s.scalar(
            select(m.Membership.id).where(m.Membership.trip_id == data.trip_id, m.Membership.person_id == data.person_id)
        )
        if exists:
            raise PlannerError(N_("{name} is already in this delegation."), name=person_data(person).name)
        order = data.protocol_order
        if order <= 0:
            order = (s.scalar(select(func.max(m.Membership.protocol_order)).where(m.Membership.trip_id == data.trip_id)) or 0) + 1
        row = m.Membership(trip_id=data.trip_id, person_id=data.person_id)
        return add_row(s, "membership", row, apply_membership, data.evolve(protocol_order=order), membership_data)

    return run(db, act)


def update_member(db: Database, data: MembershipData) -> Change:
    return update_record(db, "membership", data.validated(), m.Membership, N_("delegation member"), apply_membership, membership_data)


def remove_member(db: Database, membership_id: int) -> Change:
    def going_with(s: Session, before: MembershipData) -> tuple[Change, ...]:
        # Items that listed this member explicitly, so that undo can tick them again.
        items = s.scalars(
            select(m.ProgrammeItem).join(m.item_participant).where(m.item_participant.c.membership_id == membership_id)
        ).all()
        related = tuple(Change(Action.UPDATED, "item", it.id, before=item_data(it)) for it in items)
        # Their own flights go with them (ON DELETE CASCADE); kept here so that undo brings them back too.
        legs = s.scalars(select(m.TravelLeg).where(m.TravelLeg.membership_id == membership_id).order_by(m.TravelLeg.id))
        related += tuple(Change(Action.DELETED, "travel_leg", leg.id, before=leg_data(leg)) for leg in legs)
        return related + seats_taken_by(s, membership_id=membership_id)  # their seats in vehicles, for undo

    return delete_record(db, m.Membership, membership_id, N_("delegation member"), "membership", membership_data, going_with)


def add_members(db: Database, trip_id: int, person_ids: Sequence[int], role: Role) -> Change:
    """Put several people on a trip in one transaction, in this order after the others; one already there is refused alone."""
    return each(db, [
        lambda p=person_id: add_member(db, MembershipData(trip_id=trip_id, person_id=p, role=role)) for person_id in person_ids
    ], entity=EntityKind.MEMBERSHIP, record_id=trip_id)


def remove_members(db: Database, membership_ids: Sequence[int]) -> Change:
    """Take several members off their trip in one transaction; one removed elsewhere meanwhile is refused alone."""
    return each(db, [lambda i=membership_id: remove_member(db, i) for membership_id in membership_ids], entity=EntityKind.MEMBERSHIP)


def reorder_members(db: Database, trip_id: int, membership_ids: list[int]) -> Change:
    """Set the order of precedence to the order given (1, 2, 3, ...)."""

    def act(s: Session) -> Change:
        rows = {r.id: r for r in s.scalars(select(m.Membership).where(m.Membership.trip_id == trip_id))}
        if sorted(rows) != sorted(membership_ids):
            raise PlannerError(N_("The new order must name every member of the delegation exactly once."))
        before = [rows[i].id for i in sorted(rows, key=lambda i: rows[i].protocol_order)]
        for position, membership_id in enumerate(membership_ids, start=1):
            rows[membership_id].protocol_order = position
        s.flush()
        return Change(Action.UPDATED, "delegation_order", trip_id, before=before, after=list(membership_ids))

    return run(db, act)
