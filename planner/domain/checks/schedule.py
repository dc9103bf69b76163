"""Items at times that are probably typos: outside the trip, or in the middle of the night."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from planner.domain.checks.params import Clock, DayRange
from planner.domain.checks.plan import PlanIndex
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Part, item_local, reads
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind
from planner.domain.timing import day_bounds_utc
from planner.i18n import N_

#: The local day of a delegation: an item starting earlier or ending later is unusual.
EARLIEST = time(6, 0)
LATEST = time(23, 0)

OUTSIDE_TRIP = N_("“{item}” ({when}) lies outside the days of the trip ({days})")
STARTS_EARLY = N_("“{item}” starts at {start}, before {earliest} local time ({when})")
ENDS_LATE = N_("“{item}” ends at {end}, after {latest} local time ({when})")
EARLY_AND_LATE = N_("“{item}” starts before {earliest} and ends after {latest} local time ({when})")


def _outside_trip(index: PlanIndex, items: Sequence[ItemData]) -> list[Problem]:
    trip = index.trip
    if trip.first_day is None or trip.last_day is None:
        return []
    begin = day_bounds_utc(trip.first_day, trip.timezone)[0]
    finish = day_bounds_utc(trip.last_day, trip.timezone)[1]
    days = DayRange(trip.first_day, trip.last_day)
    travel = ItemKind.TRAVEL  # looked up once: an enum member costs more to look up than to compare
    problems: list[Problem] = []
    for item in items:
        assert item.start is not None and item.end is not None
        if item.kind == travel:
            outside = item.end <= begin or item.start >= finish
        else:
            outside = item.start < begin or item.end > finish
        if outside:
            problems.append(
                Problem(
                    Severity.WARNING, ProblemKind.OUTSIDE_TRIP, OUTSIDE_TRIP,
                    {"item": item.title, "when": index.span(item), "days": days},
                    when=item.start, item_ids=_ids(item), venue_ids=_venue(item),
                )
            )
    return problems


@reads(Part.TRIP, Part.ITEMS)
@item_local(_outside_trip)
def outside_trip(index: PlanIndex) -> list[Problem]:
    """Items not within the trip's first and last day, as the clock at the destination counts them.

    A journey only has to touch the trip's days: the overnight flight home
    leaves on the last day and lands on the next.
    """
    return _outside_trip(index, index.items)


def _unusual_hours(index: PlanIndex, items: Sequence[ItemData]) -> list[Problem]:
    problems: list[Problem] = []
    judged: dict[tuple[object, ...], tuple[bool, bool]] = {}  # items run in slots: each slot's hours judged once
    for item in items:
        assert item.start is not None and item.end is not None
        slot = (item.start, item.end, item.timezone, item.end_timezone)
        found = judged.get(slot)
        if found is None:
            start, end = index.local(item.start, item.timezone), index.local(item.end, item.arrival_timezone)
            found = judged[slot] = (
                start.time() < EARLIEST, end.time() > LATEST or (end.date() > start.date() and end.time() < EARLIEST),
            )
        early, late = found
        if not (early or late):
            continue
        start, end = index.local(item.start, item.timezone), index.local(item.end, item.arrival_timezone)
        params: dict[str, object] = {"item": item.title, "when": index.span(item)}
        if early and late:
            msgid = EARLY_AND_LATE
            params.update(earliest=Clock(EARLIEST), latest=Clock(LATEST))
        elif early:
            msgid = STARTS_EARLY
            params.update(start=Clock(start), earliest=Clock(EARLIEST))
        else:
            msgid = ENDS_LATE
            params.update(end=Clock(end), latest=Clock(LATEST))
        problems.append(
            Problem(
                Severity.HINT, ProblemKind.UNUSUAL_HOUR, msgid, params,
                when=item.start, item_ids=_ids(item), venue_ids=_venue(item),
            )
        )
    return problems


@reads(Part.TRIP, Part.ITEMS)  # the trip's zone: a time on another clock names its offset
@item_local(_unusual_hours)
def unusual_hours(index: PlanIndex) -> list[Problem]:
    """Items starting before 06:00 or ending after 23:00 on the local clock.

    An item ending after midnight ends late; one ending the next day in the
    daytime (an overnight flight) does not.
    """
    return _unusual_hours(index, index.items)


def _ids(item: ItemData) -> tuple[int, ...]:
    return (item.id,) if item.id is not None else ()


def _venue(item: ItemData) -> tuple[int, ...]:
    return (item.venue_id,) if item.venue_id is not None else ()
