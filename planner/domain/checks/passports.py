"""Passports for a trip abroad: there, valid until the return, and for six months more.

Many countries refuse entry on a passport that expires within six months, so
the margin counts from the trip's last day. Someone travelling to their own
country needs no check; a person without a recorded nationality is assumed to
travel abroad, since a missed passport is worse than one looked at twice.
"""

from __future__ import annotations

import calendar
from datetime import date

from planner.domain.checks.params import Country, Day
from planner.domain.checks.plan import Participant, PlanIndex
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Part, reads
from planner.i18n import N_

VALIDITY_MONTHS = 6

PASSPORT_MISSING = N_("{person} travels to {country}, but no passport is on file")
PASSPORT_EXPIRY_UNKNOWN = N_("{person} travels to {country}, but the passport's expiry date is not on file")
PASSPORT_EXPIRED = N_("The passport of {person} expires on {expiry}, before the trip ends ({last_day})")
PASSPORT_EXPIRING = N_(
    "The passport of {person} expires on {expiry}, less than six months after the trip ends ({last_day}); "
    "entry may be refused"
)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it has no such day (31 August → 28 February)."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def travels_abroad(nationality: str, destination_country: str) -> bool:
    if not destination_country:
        return False
    return not nationality or nationality.upper() != destination_country.upper()


@reads(Part.TRIP, Part.MEMBERS)
def passport_problems(index: PlanIndex) -> list[Problem]:
    country = index.trip.destination_country
    if not country:
        return []
    # The margin's end is the trip's, not the member's: worked out once, not per member.
    margin_end = add_months(index.trip.last_day, VALIDITY_MONTHS) if index.trip.last_day is not None else None
    problems: list[Problem] = []
    for member in index.members:
        if travels_abroad(member.person.nationality, country):
            problem = _passport_problem(index, member, margin_end)
            if problem is not None:
                problems.append(problem)
    return problems


def _passport_problem(index: PlanIndex, member: Participant, margin_end: date | None) -> Problem | None:
    """`margin_end`: the trip's last day plus the months a passport must stay valid (None: no last day)."""
    person, trip = member.person, index.trip

    def problem(severity: Severity, kind: ProblemKind, msgid: str, params: dict[str, object]) -> Problem:
        person_ids = (person.id,) if person.id is not None else ()
        return Problem(severity, kind, msgid, params, membership_ids=(member.id,), person_ids=person_ids)

    if not person.passport_number:
        where: dict[str, object] = {"person": member.name, "country": Country(trip.destination_country)}
        return problem(Severity.ERROR, ProblemKind.PASSPORT_MISSING, PASSPORT_MISSING, where)
    if person.passport_expiry is None:
        where = {"person": member.name, "country": Country(trip.destination_country)}
        return problem(Severity.WARNING, ProblemKind.PASSPORT_EXPIRY_UNKNOWN, PASSPORT_EXPIRY_UNKNOWN, where)
    if trip.last_day is None or margin_end is None or person.passport_expiry >= margin_end:
        return None
    dates: dict[str, object] = {"person": member.name, "expiry": Day(person.passport_expiry), "last_day": Day(trip.last_day)}
    if person.passport_expiry < trip.last_day:
        return problem(Severity.ERROR, ProblemKind.PASSPORT_EXPIRED, PASSPORT_EXPIRED, dates)
    return problem(Severity.WARNING, ProblemKind.PASSPORT_EXPIRING, PASSPORT_EXPIRING, dates)
