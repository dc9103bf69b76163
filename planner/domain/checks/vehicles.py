"""Vehicles on the day: no vehicle over its seats, a seat for everyone once seats are given, no vehicle or driver in two places.

Plain functions over the plan index: each looks only at the items that have
rides, in time order, so a trip of 5,000 items with seats on a few hundred
costs a few hundred steps, and the "two places at once" check is one sweep
per vehicle and per driver (sorted by start, the latest end kept).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from planner.domain.checks.overlaps import overlap_span
from planner.domain.checks.params import Count
from planner.domain.checks.plan import PlanIndex, item_key
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.entities import ItemData
from planner.domain.enums import Role
from planner.domain.vehicles import ItemRides
from planner.i18n import N_

VEHICLE_OVER_SEATS = N_("{vehicle} carries {count} passengers on “{item}” ({when}) but has {seats} seats")
NO_SEAT = N_("{people} have no seat in a vehicle on “{item}” ({when})")
NO_SEAT_ONE = N_("{person} has no seat in a vehicle on “{item}” ({when})")
VEHICLE_TWICE = N_("{vehicle} is needed for “{first}” and “{second}” at the same time ({when})")
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
        if len(group.members) == 1:
            msgid = NO_SEAT_ONE
            params["person"] = group.members[0].name
        else:
            msgid = NO_SEAT
            params["people"] = group.people
        problems.append(Problem(
            Severity.WARNING, ProblemKind.NO_SEAT, msgid, params, when=item.start,
            item_ids=(item.id,) if item.id is not None else (), membership_ids=group.membership_ids, person_ids=group.person_ids,
        ))
    return problems


def vehicles_in_two_places(index: PlanIndex) -> list[Problem]:
    """A vehicle on two overlapping items, or one driver at the wheel of two vehicles at once.

    One sweep per vehicle and per driver over the items they serve, sorted by
    start: an item starting before the latest end so far overlaps the item
    holding that end. Vehicles are keyed by id, drivers by phone (else name).
    """
    by_vehicle: dict[int, list[ItemData]] = defaultdict(list)
    for item, rides in _ridden(index):
        for vehicle_id in sorted(rides.used()):
            by_vehicle[vehicle_id].append(item)
    problems: list[Problem] = []
    for vehicle_id, items in by_vehicle.items():
        vehicle = index.plan.vehicles[vehicle_id]
        for first, second in _clashes([(item, vehicle_id) for item in items]):
            problems.append(Problem(
                Severity.ERROR, ProblemKind.VEHICLE_TWICE, VEHICLE_TWICE,
                {"vehicle": vehicle.label, "first": first[0].title, "second": second[0].title,
                 "when": overlap_span(index, first[0], second[0])},
                when=max(_start(first[0]), _start(second[0])), item_ids=_ids(first[0], second[0]),
            ))
    by_driver: dict[str, list[tuple[ItemData, int]]] = defaultdict(list)
    drivers = {vid: index.plan.vehicles[vid].driver_key() for vid in by_vehicle}
    for vehicle_id, items in by_vehicle.items():
        if drivers[vehicle_id]:
            by_driver[drivers[vehicle_id]].extend((item, vehicle_id) for item in items)
    for uses in by_driver.values():
        if len({vid for _item, vid in uses}) < 2:
            continue  # one vehicle: already reported above
        uses.sort(key=lambda use: item_key(use[0]))
        for first, second in _clashes(uses):
            if first[1] == second[1]:
                continue
            one, other = index.plan.vehicles[first[1]], index.plan.vehicles[second[1]]
            problems.append(Problem(
                Severity.ERROR, ProblemKind.DRIVER_TWICE, DRIVER_TWICE,
                {"driver": one.driver_name or one.driver_phone, "vehicle": one.label, "first": first[0].title,
                 "other": other.label, "second": second[0].title, "when": overlap_span(index, first[0], second[0])},
                when=max(_start(first[0]), _start(second[0])), item_ids=_ids(first[0], second[0]),
            ))
    return problems


def _clashes(uses: list[tuple[ItemData, int]]) -> list[tuple[tuple[ItemData, int], tuple[ItemData, int]]]:
    """Overlapping neighbours of `uses` (in time order): each use against the one running longest before it."""
    found = []
    latest: tuple[ItemData, int] | None = None
    for use in uses:
        item = use[0]
        assert item.start is not None and item.end is not None
        if latest is not None and item.start < (latest[0].end or item.start):
            found.append((latest, use))
        if latest is None or (item.end > (latest[0].end or item.end)):
            latest = use
    return found


def _start(item: ItemData) -> datetime:
    assert item.start is not None
    return item.start


def _ids(a: ItemData, b: ItemData) -> tuple[int, ...]:
    return tuple(i.id for i in (a, b) if i.id is not None)
