"""Planning checks: the slips that would embarrass a delegation, found before the trip.

Pure domain code: give `run_checks` a TripPlan (trip, delegation, programme,
venues) and get the problems back, most serious and earliest first. Each check
lives in its own module and takes the same prepared PlanIndex; adding a check
is adding it to CHECKS. A check may declare what it reads (scope.py), so that
after a change only what the change touches is checked again (incremental.py);
one that declares nothing simply runs again after every change.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.domain.checks.accommodation import beds_every_night, rooms_over_capacity
from planner.domain.checks.connections import tight_connections, zone_changes
from planner.domain.checks.delegation import booked_outside_stay, duplicate_roles, stays_outside_trip
from planner.domain.checks.languages import missing_item_translations, missing_trip_translations, missing_venue_translations
from planner.domain.checks.logistics import missing_hosts, venues_without_address
from planner.domain.checks.incremental import CheckRun
from planner.domain.checks.overlaps import participant_overlaps, venue_overlaps
from planner.domain.checks.passports import passport_problems
from planner.domain.checks.plan import Participant, PlanIndex, TripPlan
from planner.domain.checks.problem import Problem, ProblemKind, Severity, sort_problems
from planner.domain.checks.schedule import outside_trip, unusual_hours
from planner.domain.checks.timezones import item_zone_misfits, venue_zone_misfits
from planner.domain.checks.travel import booked_outside_legs, departure_runs_without_pickup, impossible_leg_times, unmet_arrivals
from planner.domain.checks.vehicles import attendees_without_seat, vehicles_in_two_places, vehicles_over_seats
from planner.domain.checks.visas import visa_problems

Check = Callable[[PlanIndex], list[Problem]]

#: Every check, in no particular order (the result is sorted).
CHECKS: tuple[Check, ...] = (
    participant_overlaps,
    venue_overlaps,
    tight_connections,
    zone_changes,
    outside_trip,
    unusual_hours,
    passport_problems,
    visa_problems,
    missing_trip_translations,  # the three parts of missing_translations, in its order
    missing_item_translations,
    missing_venue_translations,
    missing_hosts,
    venues_without_address,
    duplicate_roles,
    stays_outside_trip,
    booked_outside_stay,
    venue_zone_misfits,
    item_zone_misfits,
    unmet_arrivals,
    departure_runs_without_pickup,
    impossible_leg_times,
    booked_outside_legs,
    vehicles_over_seats,
    attendees_without_seat,
    vehicles_in_two_places,
    beds_every_night,
    rooms_over_capacity,
)


def start_checks(plan: TripPlan, checks: tuple[Check, ...] = CHECKS) -> CheckRun:
    """All checks run on `plan`, kept so that `update` checks a change where it happened."""
    return CheckRun(plan, checks)


def run_checks(plan: TripPlan, checks: tuple[Check, ...] = CHECKS) -> list[Problem]:
    """All problems of `plan`, sorted by severity, then time."""
    index = PlanIndex(plan)
    problems: list[Problem] = []
    for check in checks:
        problems.extend(check(index))
    return sort_problems(problems)


__all__ = [
    "CHECKS",
    "CheckRun",
    "Participant",
    "PlanIndex",
    "Problem",
    "ProblemKind",
    "Severity",
    "TripPlan",
    "run_checks",
    "start_checks",
]
