"""Getting from one item to the next: enough time between venues, and no jump across time zones.

Both look at items that follow each other on a participant's timeline (see
sweep.consecutive_pairs) and give one problem per pair of items, naming
whoever has that pair.
"""

from __future__ import annotations

from collections.abc import Iterable
from math import floor
from typing import NamedTuple

from planner.domain.checks.geo import EARTH_RADIUS_KM, TRANSFER_MINUTES, URBAN_SPEED_KMH, Point, point, point_distance_km, travel_minutes
from planner.domain.checks.params import Count, Kilometres, Moment, Span, Zone
from planner.domain.checks.plan import PlanIndex, SortKey, item_key
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Pairs, Part, pairwise, reads
from planner.domain.checks.sweep import consecutive_pairs
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind
from planner.i18n import N_

TOO_LITTLE_BUFFER = N_(
    "Only {gap} min between “{first}” at {first_venue} and “{second}” at {second_venue} ({when}); "
    "the planned buffer is {needed} min (for {who})"
)
TOO_LITTLE_TRAVEL_TIME = N_(
    "Only {gap} min between “{first}” at {first_venue} and “{second}” at {second_venue} ({when}); "
    "the {distance} km between them take about {needed} min (for {who})"
)
ZONE_CHANGE_WITHOUT_TRAVEL = N_(
    "“{first}” ends in {first_zone} and “{second}” starts in {second_zone} ({when}), "
    "but no travel item lies between them (for {who})"
)


class _Need(NamedTuple):
    minutes: int
    km: float | None  # set when the travel estimate, not the buffer, decides


Consecutive = tuple[ItemData, ItemData, frozenset[int]]
#: A problem with the pair of items it is about.
Found = tuple[ItemData, ItemData, Problem]


def _tight(index: PlanIndex, pairs: Iterable[Consecutive]) -> list[Found]:
    buffer = max(0, int(index.trip.buffer_minutes))
    points = index.memo("venue points", lambda: {vid: point(v) for vid, v in index.venues.items()}, lasting=True)
    point_of = points.get
    needs: dict[tuple[int, int], _Need] = {}
    reach: dict[float, float] = {}  # gap -> _reachable_km of it (a programme runs in slots: few distinct gaps)
    travel = ItemKind.TRAVEL
    problems: list[Found] = []
    # One pass, everything inline: a large programme has thousands of consecutive pairs, nearly
    # all between different venues, and a function call per step cost more than the arithmetic.
    for a, b, who in pairs:
        first, second = a.venue_id, b.venue_id
        if first == second or first is None or second is None or a.kind == travel:
            continue
        pa, pb = point_of(first, _ELSEWHERE), point_of(second, _ELSEWHERE)
        if pa is _ELSEWHERE or pb is _ELSEWHERE:  # not a venue of this plan: nothing to name
            continue
        assert a.end is not None and b.start is not None
        gap = (b.start - a.end).total_seconds() / 60
        if gap < 0:  # they overlap: a double booking, reported as such
            continue
        if gap >= buffer:
            if pa is None or pb is None:
                continue  # the buffer is kept, and no distance is known
            # _surely_enough(pa, pb, gap), written out with the bound kept per gap: this runs for every pair.
            spread = abs(pb[0] - pa[0]) + abs(pb[1] - pa[1])
            if spread <= 1:
                km = reach.get(gap)
                if km is None:
                    km = reach[gap] = _reachable_km(gap)
                if _KM_PER_SPREAD * spread < km:
                    continue  # the buffer is kept, and the travel time cannot be longer than the gap
        wanted = needs.get((first, second))
        if wanted is None:
            wanted = needs[(first, second)] = needs[(second, first)] = _needed(pa, pb, buffer)
        if gap >= wanted.minutes:
            continue
        group = index.group(who)
        assert a.end is not None and b.start is not None
        assert a.venue_id is not None and b.venue_id is not None
        params: dict[str, object] = {
            "gap": Count(int((b.start - a.end).total_seconds() // 60)),
            "first": a.title, "second": b.title,
            "first_venue": index.venues[a.venue_id].name, "second_venue": index.venues[b.venue_id].name,
            "when": Span(index.local(a.end, b.timezone), index.local(b.start, b.timezone)),
            "needed": Count(wanted.minutes), "who": group.who,
        }
        if wanted.km is not None:
            params["distance"] = Kilometres(wanted.km)
        problems.append((a, b, Problem(
            Severity.WARNING, ProblemKind.TIGHT_CONNECTION,
            TOO_LITTLE_TRAVEL_TIME if wanted.km is not None else TOO_LITTLE_BUFFER, params,
            when=b.start, item_ids=_ids(a, b), membership_ids=group.membership_ids,
            person_ids=group.person_ids, venue_ids=(a.venue_id, b.venue_id),
        )))
    return problems


@reads(Part.TRIP, Part.MEMBERS, Part.ITEMS, Part.VENUES)
@pairwise(Pairs.CONSECUTIVE, lambda index, pairs: _problems(_tight(index, pairs)))
def tight_connections(index: PlanIndex) -> list[Problem]:
    """Too little time to get from one venue to the next.

    The trip's buffer is the least time between items at different venues;
    where both venues have coordinates, the estimated travel time counts if it
    is longer. After a travel item the next venue is not checked: the item's
    venue is where the journey starts, not where it ends.
    """
    return _in_time_order(_tight(index, consecutive_pairs(index)))


def _problems(found: list[Found]) -> list[Problem]:
    return [problem for _a, _b, problem in found]


def _in_time_order(found: list[Found]) -> list[Problem]:
    """The problems in the time order of their pairs (first item, then second): few, so sorted at the end."""
    found.sort(key=_pair_order)
    return _problems(found)


def _pair_order(found: Found) -> tuple[SortKey, SortKey]:
    return item_key(found[0]), item_key(found[1])


#: The point of a venue that is not part of the plan (None is a venue without coordinates).
_ELSEWHERE: Point = (0.0, 0.0, 0.0)


def _surely_enough(pa: Point, pb: Point, gap: float) -> bool:
    """Whether `gap` minutes surely suffice to travel between the points, judged without trigonometry.

    Most consecutive items are a short drive apart; the great-circle angle is
    at most 1.05 × (|Δlatitude| + |Δlongitude|) while that sum is at most 1
    (about 6,000 km), so a distance below this bound needs no exact
    calculation when even the bound leaves time to spare.
    """
    spread = abs(pb[0] - pa[0]) + abs(pb[1] - pa[1])
    return spread <= 1 and _KM_PER_SPREAD * spread < _reachable_km(gap)


#: The most kilometres a great-circle angle of 1 (|Δlatitude| + |Δlongitude| in radians, up to 1) can span.
_KM_PER_SPREAD = EARTH_RADIUS_KM * 1.05


def _reachable_km(gap: float) -> float:
    """The distance below which `gap` minutes surely suffice (travel_minutes(km) > gap needs more), less a margin."""
    return (floor(gap) - TRANSFER_MINUTES) * URBAN_SPEED_KMH / 60 - 1e-6


def _needed(pa: Point | None, pb: Point | None, buffer: int) -> _Need:
    """The time needed between two venues: the estimated travel time where it is longer than the buffer."""
    if pa is not None and pb is not None:
        km = point_distance_km(pa, pb)
        estimate = travel_minutes(km)
        if estimate > buffer:
            return _Need(estimate, km)
    return _Need(buffer, None)


@reads(Part.TRIP, Part.MEMBERS, Part.ITEMS)
@pairwise(Pairs.CONSECUTIVE, lambda index, pairs: _problems(_zone_changes(index, pairs)))
def zone_changes(index: PlanIndex) -> list[Problem]:
    """A participant's next item is in another time zone, yet no travel item leads there.

    Zones count as different when their clocks differ at that moment, so
    Europe/Berlin followed by Europe/Paris is no change, while a programme
    jumping from Berlin to Shanghai without the flight is.
    """
    return _in_time_order(_zone_changes(index, consecutive_pairs(index)))


def _zone_changes(index: PlanIndex, pairs: Iterable[Consecutive]) -> list[Found]:
    def jumps(a: ItemData, b: ItemData) -> bool:
        if a.kind == ItemKind.TRAVEL or b.kind == ItemKind.TRAVEL or a.arrival_timezone == b.timezone:
            return False
        assert b.start is not None
        return index.local(b.start, a.arrival_timezone).utcoffset() != index.local(b.start, b.timezone).utcoffset()

    problems: list[Found] = []
    for a, b, who in pairs:
        if (a.end_timezone or a.timezone) == b.timezone or not jumps(a, b):  # the usual case first, without a call
            continue
        group = index.group(who)
        assert a.end is not None and b.start is not None
        problems.append((a, b, Problem(
            Severity.WARNING, ProblemKind.ZONE_CHANGE, ZONE_CHANGE_WITHOUT_TRAVEL,
            {
                "first": a.title, "second": b.title,
                "first_zone": Zone(a.arrival_timezone, a.end), "second_zone": Zone(b.timezone, b.start),
                "when": Moment(index.local(b.start, b.timezone)), "who": group.who,
            },
            when=b.start, item_ids=_ids(a, b), membership_ids=group.membership_ids,
            person_ids=group.person_ids,
        )))
    return problems


def _ids(*items: ItemData) -> tuple[int, ...]:
    return tuple(i.id for i in items if i.id is not None)
