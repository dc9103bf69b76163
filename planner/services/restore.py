"""Bringing deleted records back with their old ids: what undo of a delete does.

Re-inserting with the same id (rather than creating a copy) keeps every later
undo step valid, since those steps name records by id.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.cascade import RowsExist, write_back
from planner.db.engine import Database
from planner.domain.travel_legs import TravelLegData
from planner.domain.briefing import ProfileData
from planner.domain.entities import ItemData, MembershipData, PersonData, VenueData
from planner.domain.errors import PlannerError
from planner.i18n import N_
from planner.services.base import Action, Change, get_or_fail, run
from planner.services.travel_legs import apply_leg
from planner.services.trips import TRIP_ROWS
from planner.services.vehicles import reseat
from planner.services.briefing import write_profile
from planner.services.mapping import (
    apply_contact,
    apply_item,
    apply_membership,
    apply_person,
    item_data,
    membership_data,
    person_data,
    trip_data,
    venue_data,
)


#: A deleted record's id was given to a new one meanwhile (or it never had one): it cannot come back as it was.
NOT_FREE = N_("The deleted record cannot be restored: it exists again or has no id.")


def _free(s: Session, model: type, record_id: int | None) -> int:
    if record_id is None or s.get(model, record_id) is not None:
        raise PlannerError(NOT_FREE)
    return record_id


def restore_person(db: Database, data: PersonData, profiles: Sequence[ProfileData] = ()) -> Change:
    """The person back with their id, and their biography and portrait if `profiles` (from the deletion) hold them."""
    def act(s: Session) -> Change:
        row = m.Person(id=_free(s, m.Person, data.id))
        apply_person(row, data)
        s.add(row)
        s.flush()
        for profile in profiles:
            write_profile(s, profile.evolve(id=row.id, version=None))
        return Change(Action.CREATED, "person", row.id, after=person_data(row))

    return run(db, act)


def restore_venue(db: Database, data: VenueData, profiles: Sequence[ProfileData] = ()) -> Change:
    """The venue back with its contacts' ids, and their biographies and portraits if `profiles` hold them."""
    def act(s: Session) -> Change:
        row = m.Venue(id=_free(s, m.Venue, data.id))
        from planner.services.mapping import apply_venue

        apply_venue(row, data)
        for contact in data.contacts:
            c = m.VenueContact(id=contact.id)
            apply_contact(c, contact)
            row.contacts.append(c)
        s.add(row)
        s.flush()
        kept = {c.id for c in row.contacts}
        for profile in profiles:
            if profile.id in kept:
                write_profile(s, profile.evolve(version=None))
        return Change(Action.CREATED, "venue", row.id, after=venue_data(row))

    return run(db, act)


def _insert_item(s: Session, data: ItemData) -> m.ProgrammeItem:
    row = m.ProgrammeItem(id=_free(s, m.ProgrammeItem, data.id), trip_id=data.trip_id)
    apply_item(row, data)
    if not data.everyone:
        row.participants = [p for p in (s.get(m.Membership, i) for i in data.participant_ids) if p is not None]
    s.add(row)
    return row


def restore_item(db: Database, data: ItemData, related: tuple[Change, ...] = ()) -> Change:
    """Undo delete_item: the item with its old id, and the seats in vehicles its deletion took along (`related`)."""

    def act(s: Session) -> Change:
        row = _insert_item(s, data)
        s.flush()
        reseat(s, related)
        return Change(Action.CREATED, "item", row.id, after=item_data(row))

    return run(db, act)


def restore_member(db: Database, deleted: Change) -> Change:
    """Undo remove_member: the membership and its ticks on the items that named it."""

    def act(s: Session) -> Change:
        data = deleted.before
        row = _insert_member(s, data, data.trip_id)
        s.flush()
        for related in deleted.related:
            if related.entity == "travel_leg":
                _insert_leg(s, related.before)
                continue
            if related.entity != "item":  # seats are put back below
                continue
            item = s.get(m.ProgrammeItem, related.id)
            if item is not None and not item.everyone and row not in item.participants:
                item.participants.append(row)
        s.flush()
        reseat(s, deleted.related, membership_id=row.id)  # and their seats in the vehicles
        return Change(Action.CREATED, "membership", row.id, after=membership_data(row))

    return run(db, act)


def _insert_member(s: Session, data: MembershipData, trip_id: int) -> m.Membership:
    """A membership of trip `trip_id` again, with its old id while that is free."""
    row = m.Membership(id=_free(s, m.Membership, data.id), trip_id=trip_id, person_id=data.person_id)
    apply_membership(row, data)
    s.add(row)
    return row


def _insert_leg(s: Session, data: TravelLegData) -> None:
    """A member's own leg again with its old id; its meeter and vehicle only if they still exist (else nobody meets it yet)."""
    row = m.TravelLeg(id=_free(s, m.TravelLeg, data.id))
    meeter = data.met_by_person_id if data.met_by_person_id is None or s.get(m.Person, data.met_by_person_id) else None
    vehicle = data.vehicle_id if data.vehicle_id is not None and s.get(m.Vehicle, data.vehicle_id) is not None else None
    apply_leg(row, data.evolve(met_by_person_id=meeter, vehicle_id=vehicle))
    s.add(row)


def restore_trip(db: Database, deleted: Change) -> Change:
    """Undo delete_trip: the trip and every row its deletion took along, with their ids and versions, in one transaction.

    Refused (nothing written) if any of those ids was given to a new record meanwhile.
    """
    rows = next(r.before for r in deleted.related if r.entity == TRIP_ROWS)

    def act(s: Session) -> Change:
        try:
            write_back(s, rows)
        except RowsExist as taken:
            raise PlannerError(NOT_FREE) from taken
        return Change(Action.CREATED, "trip", deleted.id, after=trip_data(get_or_fail(s, m.Trip, deleted.id, N_("trip"))))

    return run(db, act)
