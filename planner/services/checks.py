"""Running the planning checks on a stored trip, and the needs summary for one item.

Everything the checks look at is read in one session with a handful of
queries (no query per item), so checking a large trip stays quick.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.checks import Participant, Problem, TripPlan, run_checks
from planner.i18n import N_
from planner.domain.checks.needs import NeedsSummary, summarise_needs
from planner.services.accommodation import read_accommodation
from planner.services.base import get_or_fail
from planner.services.bulk_read import no_collection, read_items, read_members, read_venues
from planner.services.mapping import person_data, trip_data
from planner.services.protocol import read_visas
from planner.services.travel_legs import read_legs
from planner.services.vehicles import read_rides, read_vehicles


def load_plan(session: Session, trip_id: int) -> TripPlan:
    """The trip with its delegation, programme and the venues the programme uses."""
    trip = get_or_fail(session, m.Trip, trip_id, N_("trip"))
    members = tuple(Participant(membership, person) for membership, person in read_members(session, trip_id))
    items = tuple(read_items(session, trip_id))
    # By the ids in hand: a subquery would scan the programme again, once for the venues and once for their contacts.
    lodging = read_accommodation(session, trip_id)
    venues = read_venues(session, {i.venue_id for i in items if i.venue_id is not None} | set(lodging.hotel_ids()))
    visas = read_visas(session, trip_id)
    vehicles = {v.id: v for v in read_vehicles(session, trip_id) if v.id is not None}
    rides = read_rides(session, trip_id) if vehicles else {}
    return TripPlan(
        trip=trip_data(trip), members=members, items=items, venues=venues, visas=visas, legs=read_legs(session, trip_id),
        vehicles=vehicles, rides=rides, room_blocks=lodging.blocks, rooms=lodging.assignments,
    )


def check_trip(db: Database, trip_id: int) -> list[Problem]:
    """Every problem of the trip, most serious first, then in time order."""
    with no_collection():  # thousands of records and problems, no reference cycles among them
        with db.reading() as s:
            plan = load_plan(s, trip_id)
        problems = run_checks(plan)
        # Freed while the collector is still off: the tens of thousands of objects made meanwhile are due for a
        # collection as soon as it is back on, and with the plan still held that collection walked all of its
        # records (4 ms for the bench's big trip) only to find what reference counting frees anyway.
        del plan
    return problems


def item_needs(db: Database, item_id: int, language: str | None = None) -> NeedsSummary:
    """Dietary and accessibility needs of the people attending one programme item, counted.

    Needs written in several languages are read in `language` (default the interface language).
    """
    with db.reading() as s:
        item = get_or_fail(s, m.ProgrammeItem, item_id, N_("programme item"))
        query = select(m.Person).join(m.Membership).where(m.Membership.trip_id == item.trip_id)
        if not item.everyone:
            query = query.join(m.item_participant, m.item_participant.c.membership_id == m.Membership.id).where(
                m.item_participant.c.item_id == item_id
            )
        people = [person_data(p) for p in s.scalars(query.order_by(m.Membership.protocol_order, m.Membership.id))]
    return summarise_needs(people, language)
