"""Members' own flights and trains: someone at every arrival, a pick-up time for every departure run, no booking
before they land or after they take off, and times that can be true.

The delegation list's arrival and departure days (checks.delegation) say on
which day a member comes; a leg says when. An item at 10:00 on the day of a
landing at 15:10 cannot be attended, although the day check sees nothing
wrong; an item on an earlier day is the day check's finding already and is
not reported again here. Only members with legs are looked at, and only the
items before a landing or after a take-off are visited (bisecting the
programme in time order), so a large trip costs little.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from planner.domain.checks.around import ending_after, lies_before, runs_past, starting_before
from planner.domain.checks.params import Moment
from planner.domain.checks.plan import PlanIndex
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Part, reads
from planner.domain.entities import ItemData
from planner.domain.timing import day_bounds_utc
from planner.domain.travel_legs import MAX_JOURNEY_HOURS, LegDirection, TravelLegData
from planner.i18n import N_

UNMET_ARRIVAL = N_("Nobody is entered to meet {person} arriving on {leg} ({at})")
NO_PICKUP_TIME = N_("{vehicle} takes {person} to {leg} ({at}) but no pick-up time at the hotel is entered")
UNMET_ARRIVAL_VEHICLE = N_("{person} arriving on {leg} ({at}) has a vehicle ({vehicle}) but nobody entered to meet them")
ARRIVES_BEFORE_LEAVING = N_("{leg} of {person} arrives ({arrival}) before it leaves ({departure}); check the times and their zones")
JOURNEY_TOO_LONG = N_("{leg} of {person} takes more than {hours} hours ({departure} to {arrival}); check the dates and zones")
BEFORE_LANDING = N_("“{item}” ({when}) lies before the arrival of {who} on {leg} ({at})")
AFTER_TAKE_OFF = N_("“{item}” ({when}) lies after the departure of {who} on {leg} ({at})")


def _leg_name(leg: TravelLegData) -> str:
    """How a message names the leg: its number, or its kind when the number is not known yet."""
    return leg.number or leg.kind.label


def _person_ids(index: PlanIndex, membership_id: int) -> tuple[int, ...]:
    person_id = index.member_by_id[membership_id].person.id
    return (person_id,) if person_id is not None else ()


@reads(Part.TRIP, Part.MEMBERS, Part.LOGISTICS)
def unmet_arrivals(index: PlanIndex) -> list[Problem]:
    """An arrival leg with nobody to meet it: a warning, or a hint when a vehicle is noted in words only.

    One of the trip's vehicles (`vehicle_id`) is as good as a person: its driver meets them.
    """
    problems: list[Problem] = []
    arriving = LegDirection.ARRIVAL  # looked up once, not per leg
    for leg in index.plan.legs:
        if leg.direction is not arriving or leg.met_by_person_id is not None or leg.arrival is None:
            continue
        if leg.vehicle_id is not None:
            continue  # a vehicle of the trip picks them up: its driver meets them
        if leg.membership_id not in index.member_by_id:
            continue
        params: dict[str, object] = {
            "person": index.member_by_id[leg.membership_id].name, "leg": _leg_name(leg),
            "at": Moment(index.local(leg.arrival, leg.arrival_timezone)),
        }
        if leg.vehicle_note:
            severity, msgid = Severity.HINT, UNMET_ARRIVAL_VEHICLE
            params["vehicle"] = leg.vehicle_note
        else:
            severity, msgid = Severity.WARNING, UNMET_ARRIVAL
        problems.append(Problem(
            severity, ProblemKind.UNMET_ARRIVAL, msgid, params, when=leg.arrival,
            membership_ids=(leg.membership_id,), person_ids=_person_ids(index, leg.membership_id),
        ))
    return problems


@reads(Part.TRIP, Part.MEMBERS, Part.LOGISTICS)
def departure_runs_without_pickup(index: PlanIndex) -> list[Problem]:
    """A departure taken to its flight or train by one of the trip's vehicles with no pick-up time: a hint.

    The driver's manifest then lists the run at the departure time and says the
    pick-up time is not set yet; the vehicle check cannot count the run.
    """
    problems: list[Problem] = []
    leaving = LegDirection.DEPARTURE  # looked up once, not per leg
    vehicles = index.plan.vehicles
    for leg in index.plan.legs:
        if (leg.direction is not leaving or leg.pickup is not None or leg.departure is None or leg.vehicle_id is None
                or leg.vehicle_id not in vehicles or leg.membership_id not in index.member_by_id):
            continue
        params: dict[str, object] = {
            "vehicle": vehicles[leg.vehicle_id].label, "person": index.member_by_id[leg.membership_id].name,
            "leg": _leg_name(leg), "at": Moment(index.local(leg.departure, leg.departure_timezone)),
        }
        problems.append(Problem(
            Severity.HINT, ProblemKind.NO_PICKUP_TIME, NO_PICKUP_TIME, params, when=leg.departure,
            membership_ids=(leg.membership_id,), person_ids=_person_ids(index, leg.membership_id),
        ))
    return problems


@reads(Part.TRIP, Part.MEMBERS, Part.LOGISTICS)
def impossible_leg_times(index: PlanIndex) -> list[Problem]:
    """A leg that lands before it takes off (usually a zone or a date typed wrong), or one that takes days."""
    problems: list[Problem] = []
    longest = timedelta(hours=MAX_JOURNEY_HOURS)
    for leg in index.plan.legs:
        if leg.departure is None or leg.arrival is None or leg.membership_id not in index.member_by_id:
            continue
        too_long = leg.arrival - leg.departure > longest
        if leg.arrival > leg.departure and not too_long:
            continue
        params: dict[str, object] = {
            "leg": _leg_name(leg), "person": index.member_by_id[leg.membership_id].name,
            "departure": Moment(index.local(leg.departure, leg.departure_timezone)),
            "arrival": Moment(index.local(leg.arrival, leg.arrival_timezone)),
        }
        if too_long:
            params["hours"] = MAX_JOURNEY_HOURS
        problems.append(Problem(
            Severity.WARNING, ProblemKind.LEG_TIMES, JOURNEY_TOO_LONG if too_long else ARRIVES_BEFORE_LEAVING, params,
            when=leg.departure, membership_ids=(leg.membership_id,), person_ids=_person_ids(index, leg.membership_id),
        ))
    return problems


@reads(Part.TRIP, Part.MEMBERS, Part.ITEMS, Part.LOGISTICS)
def booked_outside_legs(index: PlanIndex) -> list[Problem]:
    """Items a member attends that start before their own arrival lands, or end after their own departure leaves.

    A member's arrival is their last arrival leg (a connection lands twice),
    their departure their first departure leg. Members landing at the same
    moment (the two who share a flight) are looked at together. An item the
    day check already reports for them (on a day before their arrival day,
    after their departure day) is left to it.
    """
    landings: dict[datetime, list[TravelLegData]] = defaultdict(list)
    take_offs: dict[datetime, list[TravelLegData]] = defaultdict(list)
    last_in: dict[int, TravelLegData] = {}
    first_out: dict[int, TravelLegData] = {}
    arriving, departing = LegDirection.ARRIVAL, LegDirection.DEPARTURE  # looked up once, not per leg
    for leg in index.plan.legs:
        mid = leg.membership_id
        if mid is None or mid not in index.member_by_id:
            continue
        if leg.direction is arriving and leg.arrival is not None:
            if mid not in last_in or leg.arrival > last_in[mid].arrival:  # type: ignore[operator]
                last_in[mid] = leg
        elif leg.direction is departing and leg.departure is not None:
            if mid not in first_out or leg.departure < first_out[mid].departure:  # type: ignore[operator]
                first_out[mid] = leg
    for leg in last_in.values():
        landings[leg.arrival].append(leg)  # type: ignore[index]
    for leg in first_out.values():
        take_offs[leg.departure].append(leg)  # type: ignore[index]
    if not landings and not take_offs:
        return []
    tz = index.trip.timezone
    problems: list[Problem] = []
    for moment, legs in landings.items():
        who = {leg.membership_id: leg for leg in legs}
        for item in starting_before(index, moment):  # before the landing, but the journey itself
            hit = {mid for mid in index.attendees(item) & who.keys() if not _day_check_reports(index, item, mid, tz, before=True)}
            if hit:
                _add(index, problems, item, hit, who[next(iter(hit))], BEFORE_LANDING, moment)
    for moment, legs in take_offs.items():
        who = {leg.membership_id: leg for leg in legs}
        for item in ending_after(index, moment):
            hit = {mid for mid in index.attendees(item) & who.keys() if not _day_check_reports(index, item, mid, tz, before=False)}
            if hit:
                _add(index, problems, item, hit, who[next(iter(hit))], AFTER_TAKE_OFF, moment)
    return problems


def _day_check_reports(index: PlanIndex, item: ItemData, membership_id: int, tz: str, *, before: bool) -> bool:
    """Whether checks.delegation.booked_outside_stay already names this item for this member (by their days)."""
    stay = index.member_by_id[membership_id].membership
    if before:
        return stay.arrival is not None and lies_before(item, day_bounds_utc(stay.arrival, tz)[0])
    return stay.departure is not None and runs_past(item, day_bounds_utc(stay.departure, tz)[1])


def _add(index: PlanIndex, problems: list[Problem], item: ItemData, hit: set[int], leg: TravelLegData, msgid: str,
         moment: datetime) -> None:
    group = index.group(hit)
    zone = leg.arrival_timezone if msgid == BEFORE_LANDING else leg.departure_timezone
    problems.append(Problem(
        Severity.HINT if item.everyone else Severity.WARNING, ProblemKind.BOOKED_OUTSIDE_STAY, msgid,
        {"item": item.title, "when": index.span(item), "who": group.people, "leg": _leg_name(leg),
         "at": Moment(index.local(moment, zone))},
        when=item.start, item_ids=(item.id,) if item.id is not None else (),
        membership_ids=group.membership_ids, person_ids=group.person_ids,
    ))
