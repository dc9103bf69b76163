"""Vehicles on the day: no vehicle over its seats, a seat for everyone once seats are given, no vehicle or driver in two places.

Plain functions over the plan index: each looks only at the items that have
rides, in time order, so a trip of 5,000 items with seats on a few hundred
costs a few hundred steps, and the "two places at once" check is one sweep
per vehicle and per driver (sorted by start, the latest end kept). An arrival
picked up by a vehicle keeps it busy from the landing for PICKUP_TIME, in the
same sweep.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from planner.domain.checks.params import Count, People, Span
from planner.domain.checks.plan import PlanIndex, item_key
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.entities import ItemData
from planner.domain.enums import Role
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.domain.vehicles import ItemRides
from planner.i18n import N_, _

VEHICLE_OVER_SEATS = N_("{vehicle} carries {count} passengers on “{item}” ({when}) but has {seats} seats")
NO_SEAT = N_("{people} have no seat in a vehicle on “{item}” ({when})")
NO_SEAT_ONE = N_("{person} has no seat in a vehicle on “{item}” ({when})")
VEHICLE_TWICE = N_("{vehicle} is needed for “{first}” and “{second}” at the same time ({when})")
#: How long a pickup keeps its vehicle from the landing on: baggage, the walk out, the first stretch of road.
PICKUP_TIME = timedelta(minutes=60)
DRIVER_TWICE = N_("{driver} drives {vehicle} on “{first}” and {other} on “{second}” at the same time ({when})")


def _ridden(index: PlanIndex) -> list[tuple[ItemData, ItemRides]]:
    """The items with rides, in time order, each with its rides (of attendees only), worked out once per run."""

    def compute() -> list[tuple[ItemData, ItemRides]]:
        rides = index.plan.rides
        if not rides:
            return []
        found: list[tuple[ItemData, ItemRides]] = []
        for item in index.items:
            ride = rides.get(item.id) if item.id is not None else None
            if ride is None or not ride.seats:
                continue
            attending = index.attendees(item)
            seats = tuple(r for r in ride.seats if r.membership_id in attending and r.vehicle_id in index.plan.vehicles)
            if seats:
                found.append((item, ride.evolve(seats=seats)))
        return found

    return index.memo("vehicle rides", compute)


def vehicles_over_seats(index: PlanIndex) -> list[Problem]:
    """More passengers than seats (the driver's not counted): someone stands at the kerb."""
    problems: list[Problem] = []
    for item, rides in _ridden(index):
        counts: dict[int, int] = defaultdict(int)
        for ride in rides.seats:
            counts[ride.vehicle_id] += 1
        for vehicle_id, count in counts.items():
            vehicle = index.plan.vehicles[vehicle_id]
            if count > vehicle.seats:
                problems.append(Problem(
                    Severity.ERROR, ProblemKind.VEHICLE_OVER_SEATS, VEHICLE_OVER_SEATS,
                    {"vehicle": vehicle.label, "count": Count(count), "item": item.title, "when": index.span(item),
                     "seats": Count(vehicle.seats)},
                    when=item.start, item_ids=(item.id,) if item.id is not None else (),
                    membership_ids=rides.riders(vehicle_id),
                ))
    return problems


def attendees_without_seat(index: PlanIndex) -> list[Problem]:
    """Once anyone has a seat on an item, every attendee needs one; hosts waiting at the venue excepted."""
    problems: list[Problem] = []
    for item, rides in _ridden(index):
        seated = {r.membership_id for r in rides.seats}
        missing = {
            mid for mid in index.attendees(item)
            if mid not in seated and index.member_by_id[mid].membership.role is not Role.HOST
        }
        if not missing:
            continue
        group = index.group(missing)
        params: dict[str, object] = {"item": item.title, "when": index.span(item)}
        msgid = group.named(params, NO_SEAT_ONE, NO_SEAT)
        problems.append(Problem(
            Severity.WARNING, ProblemKind.NO_SEAT, msgid, params, when=item.start,
            item_ids=(item.id,) if item.id is not None else (), membership_ids=group.membership_ids, person_ids=group.person_ids,
        ))
    return problems


class _Use(NamedTuple):
    """A vehicle busy from `start` to `end` (UTC): on a programme item, or picking someone up after a landing."""

    start: datetime
    end: datetime
    timezone: str  # the clock of the place it starts at, for the message
    title: Any  # the item's LocalizedText, or a Pickup
    vehicle_id: int
    item_id: int | None = None
    membership_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Pickup:
    """A pickup as a message names it in place of an item's title: "pickup of Martin Vogt from LH 722"."""

    people: People
    leg: str

    def display(self) -> str:
        return _("pickup of {people} from {leg}").format(people=self.people.display(), leg=self.leg)


def pickups(index: PlanIndex) -> list[_Use]:
    """The airport and station runs: one per vehicle, landing and flight, however many it collects, busy for PICKUP_TIME.

    Only arrivals of the trip's members, with a landing time and one of the trip's vehicles.
    """

    def compute() -> list[_Use]:
        grouped: dict[tuple[int, datetime, str], list[TravelLegData]] = defaultdict(list)
        for leg in index.plan.legs:
            vehicle_id, arrival = leg.vehicle_id, leg.arrival
            if (vehicle_id is not None and arrival is not None and leg.direction is LegDirection.ARRIVAL
                    and vehicle_id in index.plan.vehicles and leg.membership_id in index.member_by_id):
                grouped[(vehicle_id, arrival, leg.number)].append(leg)
        found = []
        for (vehicle_id, arrival, number), legs in grouped.items():
            ids = tuple(leg.membership_id for leg in legs if leg.membership_id is not None)
            title = Pickup(People(tuple(index.member_by_id[mid].name for mid in ids)), number or legs[0].kind.label)
            found.append(_Use(arrival, arrival + PICKUP_TIME, legs[0].arrival_timezone, title, vehicle_id, None, ids))
        return found

    return index.memo("vehicle pickups", compute)


def vehicles_in_two_places(index: PlanIndex) -> list[Problem]:
    """A vehicle on two overlapping uses (items, pickups), or one driver at the wheel of two vehicles at once.

    One sweep per vehicle and per driver over the uses, sorted by start: a use
    starting before the latest end so far overlaps the use holding that end.
    Vehicles are keyed by id, drivers by phone (else name).
    """
    by_vehicle: dict[int, list[_Use]] = defaultdict(list)
    for item, rides in _ridden(index):
        assert item.start is not None and item.end is not None
        for vehicle_id in sorted(rides.used()):
            by_vehicle[vehicle_id].append(_Use(item.start, item.end, item.timezone, item.title, vehicle_id, item.id))
    picked = pickups(index)
    for use in picked:
        by_vehicle[use.vehicle_id].append(use)
    if picked:  # the items come in time order; pickups are merged in
        for uses in by_vehicle.values():
            uses.sort(key=_use_key)
    problems: list[Problem] = []
    for vehicle_id, uses in by_vehicle.items():
        vehicle = index.plan.vehicles[vehicle_id]
        for first, second in _clashes(uses):
            problems.append(Problem(
                Severity.ERROR, ProblemKind.VEHICLE_TWICE, VEHICLE_TWICE,
                {"vehicle": vehicle.label, "first": first.title, "second": second.title, "when": _overlap(index, first, second)},
                when=max(first.start, second.start), item_ids=_ids(first, second),
                membership_ids=first.membership_ids + second.membership_ids,
            ))
    by_driver: dict[str, list[_Use]] = defaultdict(list)
    drivers = {vid: index.plan.vehicles[vid].driver_key() for vid in by_vehicle}
    for vehicle_id, uses in by_vehicle.items():
        if drivers[vehicle_id]:
            by_driver[drivers[vehicle_id]].extend(uses)
    for uses in by_driver.values():
        if len({use.vehicle_id for use in uses}) < 2:
            continue  # one vehicle: already reported above
        uses.sort(key=_use_key)
        for first, second in _clashes(uses):
            if first.vehicle_id == second.vehicle_id:
                continue
            one, other = index.plan.vehicles[first.vehicle_id], index.plan.vehicles[second.vehicle_id]
            problems.append(Problem(
                Severity.ERROR, ProblemKind.DRIVER_TWICE, DRIVER_TWICE,
                {"driver": one.driver_name or one.driver_phone, "vehicle": one.label, "first": first.title,
                 "other": other.label, "second": second.title, "when": _overlap(index, first, second)},
                when=max(first.start, second.start), item_ids=_ids(first, second),
                membership_ids=first.membership_ids + second.membership_ids,
            ))
    return problems


def _use_key(use: _Use) -> tuple[datetime, datetime, int]:
    return (use.start, use.end, use.item_id if use.item_id is not None else -1)


def _clashes(uses: list[_Use]) -> list[tuple[_Use, _Use]]:
    """Overlapping neighbours of `uses` (in time order): each use against the one running longest before it."""
    found = []
    latest: _Use | None = None
    for use in uses:
        if latest is not None and use.start < latest.end:
            found.append((latest, use))
        if latest is None or use.end > latest.end:
            latest = use
    return found


def _overlap(index: PlanIndex, a: _Use, b: _Use) -> Span:
    """The time both uses run, on the clock of the place where the later one starts."""
    return Span(index.local(max(a.start, b.start), b.timezone), index.local(min(a.end, b.end), b.timezone))


def _ids(a: _Use, b: _Use) -> tuple[int, ...]:
    return tuple(use.item_id for use in (a, b) if use.item_id is not None)
