"""Running the planning checks on a stored trip, and the needs summary for one item.

Everything the checks look at is read in one session with a handful of
queries (no query per item), so checking a large trip stays quick.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.checks import Participant, Problem, TripPlan, run_checks
from planner.i18n import N_
from planner.domain.checks.needs import NeedsSummary, summarise_needs
from planner.services.base import get_or_fail
from planner.services.mapping import item_data, membership_data, person_data, trip_data, venue_data


def load_plan(session: Session, trip_id: int) -> TripPlan:
    """The trip with its delegation, programme and the venues the programme uses."""
    trip = get_or_fail(session, m.Trip, trip_id, N_("trip"))
    members = tuple(
        Participant(membership_data(ms), person_data(p))
        for ms, p in session.execute(
            select(m.Membership, m.Person)
            .join(m.Person)
            .where(m.Membership.trip_id == trip_id)
            .order_by(m.Membership.protocol_order, m.Membership.id)
        )
    )
    ticked: dict[int, list[int]] = {}
    for item_id, membership_id in session.execute(
        select(m.item_participant.c.item_id, m.item_participant.c.membership_id)
        .join(m.ProgrammeItem, m.ProgrammeItem.id == m.item_participant.c.item_id)
        .where(m.ProgrammeItem.trip_id == trip_id)
    ):
        ticked.setdefault(item_id, []).append(membership_id)
    rows = session.scalars(
        select(m.ProgrammeItem).where(m.ProgrammeItem.trip_id == trip_id).order_by(m.ProgrammeItem.start_utc, m.ProgrammeItem.id)
    )
    items = tuple(
        item_data(row, participant_ids=() if row.everyone else tuple(sorted(ticked.get(row.id, ()))))
        for row in rows
    )
    venue_ids = {i.venue_id for i in items if i.venue_id is not None}
    venues = {
        v.id: venue_data(v)
        for v in session.scalars(select(m.Venue).options(selectinload(m.Venue.contacts)).where(m.Venue.id.in_(venue_ids)))
    } if venue_ids else {}
    return TripPlan(trip=trip_data(trip), members=members, items=items, venues=venues)


def check_trip(db: Database, trip_id: int) -> list[Problem]:
    """Every problem of the trip, most serious first, then in time order."""
    with db.reading() as s:
        plan = load_plan(s, trip_id)
    return run_checks(plan)


def item_needs(db: Database, item_id: int) -> NeedsSummary:
    """Dietary and accessibility needs of the people attending one programme item, counted."""
    with db.reading() as s:
        item = get_or_fail(s, m.ProgrammeItem, item_id, N_("programme item"))
        query = select(m.Person).join(m.Membership).where(m.Membership.trip_id == item.trip_id)
        if not item.everyone:
            query = query.join(m.item_participant, m.item_participant.c.membership_id == m.Membership.id).where(
                m.item_participant.c.item_id == item_id
            )
        people = [person_data(p) for p in s.scalars(query.order_by(m.Membership.protocol_order, m.Membership.id))]
    return summarise_needs(people)
