"""What the delegation list itself gets wrong: a role held twice, stays outside the trip, bookings outside a stay.

A trip has one head of delegation: precedence, seating and the speeches all
follow from who that is, so a second one is a slip, not a choice. A member's
arrival and departure are their own stay; a day outside the trip is probably a
typo, and an item before they arrive or after they leave is one they cannot
attend. Days count on the trip's clock, as the trip's own days do; a journey
only has to touch the stay (the overnight flight home leaves on the day of
departure and lands on the next).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from planner.domain.checks.around import ending_after, starting_before
from planner.domain.checks.params import Day, DayRange, People
from planner.domain.checks.plan import Participant, PlanIndex
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Part, reads
from planner.domain.entities import ItemData
from planner.domain.enums import Role
from planner.domain.timing import day_bounds_utc
from planner.i18n import N_

#: Roles only one member of a delegation can hold.
UNIQUE_ROLES: frozenset[Role] = frozenset({Role.HEAD})

DUPLICATE_ROLE = N_("{people} are all entered as “{role}”, a role only one member can hold")
ARRIVES_BEFORE_TRIP = N_("{person} arrives on {day}, before the trip begins ({days})")
ARRIVES_AFTER_TRIP = N_("{person} arrives on {day}, after the trip has ended ({days})")
LEAVES_BEFORE_TRIP = N_("{person} leaves on {day}, before the trip begins ({days})")
LEAVES_AFTER_TRIP = N_("{person} leaves on {day}, after the trip has ended ({days})")
BEFORE_ARRIVAL = N_("“{item}” ({when}) lies before the arrival of {who} on {day}")
AFTER_DEPARTURE = N_("“{item}” ({when}) lies after the departure of {who} on {day}")


@reads(Part.MEMBERS)
def duplicate_roles(index: PlanIndex) -> list[Problem]:
    """One problem per unique role held by two or more members, naming them all in protocol order."""
    holders: dict[Role, list[Participant]] = defaultdict(list)
    for member in index.members:
        if member.membership.role in UNIQUE_ROLES:
            holders[member.membership.role].append(member)
    problems: list[Problem] = []
    for role, members in holders.items():
        if len(members) < 2:
            continue
        problems.append(
            Problem(
                Severity.WARNING, ProblemKind.DUPLICATE_ROLE, DUPLICATE_ROLE,
                {"people": People(tuple(m.name for m in members)), "role": role},
                membership_ids=tuple(m.id for m in members),
                person_ids=tuple(m.person.id for m in members if m.person.id is not None),
            )
        )
    return problems


@reads(Part.TRIP, Part.MEMBERS)
def stays_outside_trip(index: PlanIndex) -> list[Problem]:
    """A member's arrival or departure day that is not one of the trip's days."""
    trip = index.trip
    if trip.first_day is None or trip.last_day is None:
        return []
    first, last = trip.first_day, trip.last_day
    days = DayRange(first, last)
    problems: list[Problem] = []
    for member in index.members:
        stay = member.membership
        for day, before, after in (
            (stay.arrival, ARRIVES_BEFORE_TRIP, ARRIVES_AFTER_TRIP),
            (stay.departure, LEAVES_BEFORE_TRIP, LEAVES_AFTER_TRIP),
        ):
            if day is None or first <= day <= last:
                continue
            problems.append(
                Problem(
                    Severity.WARNING, ProblemKind.STAY_OUTSIDE_TRIP, before if day < first else after,
                    {"person": member.name, "day": Day(day), "days": days},
                    membership_ids=(member.id,),
                    person_ids=(member.person.id,) if member.person.id is not None else (),
                )
            )
    return problems


@reads(Part.TRIP, Part.MEMBERS, Part.ITEMS)
def booked_outside_stay(index: PlanIndex) -> list[Problem]:
    """Items a member attends that lie before their arrival or after their departure.

    Members are grouped by their arrival (and departure) day, so each item is
    looked at once per distinct day, and only the items before that day (or
    after it) are visited: found by bisecting the programme in time order, not
    by walking it per member. A ticked item is a warning; one for everyone is a
    hint (the member simply is not there yet, or any more).
    """
    arrivals: dict[date, set[int]] = defaultdict(set)
    departures: dict[date, set[int]] = defaultdict(set)
    for member in index.members:
        if member.membership.arrival is not None:
            arrivals[member.membership.arrival].add(member.id)
        if member.membership.departure is not None:
            departures[member.membership.departure].add(member.id)
    if not arrivals and not departures:
        return []
    tz = index.trip.timezone
    problems: list[Problem] = []
    for day, who in arrivals.items():
        begin = day_bounds_utc(day, tz)[0]
        for item in starting_before(index, begin):  # everything before the arrival day but the journey there
            _add(index, problems, item, who, day, BEFORE_ARRIVAL)
    for day, who in departures.items():
        finish = day_bounds_utc(day, tz)[1]
        for item in ending_after(index, finish):
            _add(index, problems, item, who, day, AFTER_DEPARTURE)
    return problems


def _add(index: PlanIndex, problems: list[Problem], item: ItemData, who: set[int], day: date, msgid: str) -> None:
    hit = index.attendees(item) & who
    if not hit:
        return
    group = index.group(hit)
    problems.append(
        Problem(
            Severity.HINT if item.everyone else Severity.WARNING, ProblemKind.BOOKED_OUTSIDE_STAY, msgid,
            {"item": item.title, "when": index.span(item), "who": group.people, "day": Day(day)},
            when=item.start, item_ids=(item.id,) if item.id is not None else (),
            membership_ids=group.membership_ids, person_ids=group.person_ids,
        )
    )

