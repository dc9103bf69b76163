"""Visas for a trip abroad: applied for and granted in time, valid until the return.

A consulate takes days to weeks, so a visa that is still missing a few weeks
before departure is an emergency, and one merely needed earlier is a reminder.
Departure is the member's first day on the trip: the first item they attend
(a flight often leaves the day before the trip's first day), their arrival,
or the trip's first day, whichever is earliest. Hosts live at the destination
and need no visa; nor does anyone travelling to their own country. A trip that
is over is not checked.
"""

from __future__ import annotations

from datetime import date

from planner.domain.checks.params import Count, Country, Day
from planner.domain.checks.passports import travels_abroad
from planner.domain.checks.plan import Participant, PlanIndex
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Part, reads
from planner.domain.enums import Role, VisaStatus
from planner.i18n import N_

#: Days before departure from which a visa not yet granted is a problem.
VISA_LEAD_DAYS = 21

VISA_UNKNOWN = N_("{person} travels to {country} on {departure}, in {days} days, but nothing is on file about a visa")
VISA_NOT_APPLIED = N_("{person} needs a visa for {country} and has not applied for it; departure is on {departure}, in {days} days")
VISA_NEEDED = N_("{person} needs a visa for {country} (departure on {departure}); it has not been applied for yet")
VISA_NOT_GRANTED = N_("The visa of {person} for {country} was applied for on {applied} but is not granted yet; departure is on {departure}, in {days} days")
VISA_EXPIRES = N_("The visa of {person} for {country} is valid until {valid_until}, before the trip ends ({last_day})")


@reads(Part.TRIP, Part.MEMBERS, Part.ITEMS, Part.VISAS)
def visa_problems(index: PlanIndex) -> list[Problem]:
    trip = index.trip
    country = trip.destination_country
    today = index.plan.today or date.today()
    if not country or trip.first_day is None or (trip.last_day is not None and trip.last_day < today):
        return []
    first_items = _first_items(index)
    problems: list[Problem] = []
    for member in index.members:
        if member.membership.role is Role.HOST or not travels_abroad(member.person.nationality, country):
            continue
        departure = min(d for d in (trip.first_day, member.membership.arrival, first_items.get(member.id)) if d is not None)
        problem = _visa_problem(index, member, departure, today)
        if problem is not None:
            problems.append(problem)
    return problems


def _first_items(index: PlanIndex) -> dict[int, date]:
    """Each member's first day with an item, on the local calendar of where the item starts."""
    first: dict[int, date] = {}
    for item in index.items:  # in time order: the first seen is the earliest
        assert item.start is not None
        day = index.local(item.start, item.timezone).date()
        for membership_id in index.attendees(item):
            first.setdefault(membership_id, day)
        if len(first) == len(index.all_ids):
            break
    return first


def _visa_problem(index: PlanIndex, member: Participant, departure: date, today: date) -> Problem | None:
    trip = index.trip
    visa = index.plan.visas.get(member.id)
    status = visa.status if visa is not None else VisaStatus.UNKNOWN
    days = (departure - today).days
    urgent = days <= VISA_LEAD_DAYS
    params: dict[str, object] = {
        "person": member.name, "country": Country(trip.destination_country), "departure": Day(departure), "days": Count(max(days, 0)),
    }

    def problem(severity: Severity, kind: ProblemKind, msgid: str, **more: object) -> Problem:
        person_ids = (member.person.id,) if member.person.id is not None else ()
        return Problem(severity, kind, msgid, {**params, **more}, membership_ids=(member.id,), person_ids=person_ids)

    if status is VisaStatus.UNKNOWN:
        return problem(Severity.WARNING, ProblemKind.VISA_UNKNOWN, VISA_UNKNOWN) if urgent else None
    if status is VisaStatus.NEEDED:
        if urgent:
            return problem(Severity.ERROR, ProblemKind.VISA_NOT_APPLIED, VISA_NOT_APPLIED)
        return problem(Severity.HINT, ProblemKind.VISA_NOT_APPLIED, VISA_NEEDED)
    if status is VisaStatus.APPLIED:
        if not urgent:
            return None
        applied = Day(visa.applied_on) if visa is not None and visa.applied_on is not None else "?"
        return problem(Severity.WARNING if days > VISA_LEAD_DAYS // 3 else Severity.ERROR, ProblemKind.VISA_NOT_GRANTED, VISA_NOT_GRANTED,
                       applied=applied)
    if status is VisaStatus.GRANTED and visa is not None and visa.valid_until is not None and trip.last_day is not None:
        last = min(d for d in (trip.last_day, member.membership.departure) if d is not None)
        if visa.valid_until < last:
            return problem(Severity.ERROR, ProblemKind.VISA_EXPIRES, VISA_EXPIRES, valid_until=Day(visa.valid_until), last_day=Day(last))
    return None


__all__ = ["VISA_LEAD_DAYS", "visa_problems"]
