"""Vehicles on the day: no vehicle over its seats, a seat for everyone once seats are given, no vehicle or driver in two places.

Plain functions over the plan index: each looks only at the items that have
rides, in time order, so a trip of 5,000 items with seats on a few hundred
costs a few hundred steps, and the "two places at once" check is one sweep
per vehicle and per driver (sorted by start, the latest end kept). An arrival
picked up by a vehicle keeps it busy from the landing for PICKUP_TIME, and a
departure run with its pick-up time from the pick-up at the hotel until the
flight or train leaves (on the way, then at the terminal), in the same sweep.
A departure run without a pick-up time is not counted: nobody can say when the
car is busy (the driver's manifest says the time is not set yet).
"""

from __future__ import annotations

from bisect import insort
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple, cast

from planner.domain.checks.params import Count, People, Span
from planner.domain.checks.plan import PlanIndex, item_key
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Part, grouped, in_order, item_local, reads
from planner.domain.entities import ItemData
from planner.domain.enums import Role
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.domain.vehicles import Ride
from planner.i18n import N_, _

VEHICLE_OVER_SEATS = N_("{vehicle} carries {count} passengers on “{item}” ({when}) but has {seats} seats")
NO_SEAT = N_("{people} have no seat in a vehicle on “{item}” ({when})")
NO_SEAT_ONE = N_("{person} has no seat in a vehicle on “{item}” ({when})")
VEHICLE_TWICE = N_("{vehicle} is needed for “{first}” and “{second}” at the same time ({when})")
#: How long a pickup keeps its vehicle from the landing on: baggage, the walk out, the first stretch of road.
PICKUP_TIME = timedelta(minutes=60)
DRIVER_TWICE = N_("{driver} drives {vehicle} on “{first}” and {other} on “{second}” at the same time ({when})")


Seats = tuple[Ride, ...]


def _ridden(index: PlanIndex) -> list[tuple[ItemData, Seats]]:
    """The items with seats, in time order, each with its seats (of attendees in the trip's vehicles), worked out once per run."""
    return index.memo("vehicle rides", lambda: _seated(index, index.items))


def _seated(index: PlanIndex, items: Iterable[ItemData]) -> list[tuple[ItemData, Seats]]:
    """Those of `items` on which attendees have seats in the trip's vehicles, with those seats."""
    rides, vehicles = index.plan.rides, index.plan.vehicles
    if not rides:
        return []
    found: list[tuple[ItemData, Seats]] = []
    ride_of, attendees = rides.get, index.attendees
    for item in items:
        ride = ride_of(item.id)  # type: ignore[arg-type]  # an unsaved item (id None) has none
        if ride is None or not ride.seats:
            continue
        attending = attendees(item)
        seats = ride.seats
        for r in seats:
            if r.membership_id not in attending or r.vehicle_id not in vehicles:
                # Rarely: someone no longer attends, or a vehicle is gone; otherwise the seats are kept as they are.
                seats = tuple(r for r in seats if r.membership_id in attending and r.vehicle_id in vehicles)
                break
        if seats:
            found.append((item, seats))
    return found


def _over_seats(index: PlanIndex, ridden: Iterable[tuple[ItemData, Seats]]) -> list[Problem]:
    vehicles = index.plan.vehicles
    # No vehicle can be over its seats on an item with no more passengers than the smallest vehicle seats:
    # most items of a large programme (a team of two in a car) need no count.
    fits_any = min((vehicle.seats for vehicle in vehicles.values()), default=0)
    problems: list[Problem] = []
    for item, seats in ridden:
        if len(seats) <= fits_any:
            continue
        counts: dict[int, int] = defaultdict(int)
        for ride in seats:
            counts[ride.vehicle_id] += 1
        for vehicle_id, count in counts.items():
            vehicle = vehicles[vehicle_id]
            if count > vehicle.seats:
                problems.append(Problem(
                    Severity.ERROR, ProblemKind.VEHICLE_OVER_SEATS, VEHICLE_OVER_SEATS,
                    {"vehicle": vehicle.label, "count": Count(count), "item": item.title, "when": index.span(item),
                     "seats": Count(vehicle.seats)},
                    when=item.start, item_ids=(item.id,) if item.id is not None else (),
                    membership_ids=tuple(r.membership_id for r in seats if r.vehicle_id == vehicle_id),
                ))
    return problems


@reads(Part.TRIP, Part.MEMBERS, Part.ITEMS, Part.LOGISTICS)
@item_local(lambda index, items: _over_seats(index, _seated(index, items)))
def vehicles_over_seats(index: PlanIndex) -> list[Problem]:
    """More passengers than seats (the driver's not counted): someone stands at the kerb."""
    return _over_seats(index, _ridden(index))


def _without_seat(index: PlanIndex, ridden: Iterable[tuple[ItemData, Seats]]) -> list[Problem]:
    problems: list[Problem] = []
    for item, seats in ridden:
        seated = {r.membership_id for r in seats}
        if len(seated) == len(index.attendees(item)):  # the seats are the attendees': everyone has one
            continue
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


@reads(Part.TRIP, Part.MEMBERS, Part.ITEMS, Part.LOGISTICS)
@item_local(lambda index, items: _without_seat(index, _seated(index, items)))
def attendees_without_seat(index: PlanIndex) -> list[Problem]:
    """Once anyone has a seat on an item, every attendee needs one; hosts waiting at the venue excepted."""
    return _without_seat(index, _ridden(index))


class _Use(NamedTuple):
    """A vehicle busy from `start` to `end` (UTC): on a programme item, picking someone up after a landing,
    or taking someone from the hotel to their flight or train."""

    start: datetime
    end: datetime
    timezone: str  # the clock of the place it starts at, for the message
    title: Any  # the item's LocalizedText, a Pickup or a DepartureRun
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


@dataclass(frozen=True, slots=True)
class DepartureRun:
    """A run to the airport or station as a message names it: "departure run of Martin Vogt to LH 723"."""

    people: People
    leg: str

    def display(self) -> str:
        return _("departure run of {people} to {leg}").format(people=self.people.display(), leg=self.leg)


def pickups(index: PlanIndex) -> list[_Use]:
    """The airport and station runs: one per vehicle, moment and flight, however many it carries.

    An arrival's pickup (with a landing time) is busy for PICKUP_TIME from the
    landing; a departure run (with a pick-up time and a departure) from the
    pick-up at the hotel until the departure. Only legs of the trip's members in
    one of the trip's vehicles.
    """

    def compute() -> list[_Use]:
        grouped: dict[tuple[int, bool, datetime, datetime, str], list[TravelLegData]] = defaultdict(list)
        arriving, leaving = LegDirection.ARRIVAL, LegDirection.DEPARTURE  # looked up once, not per leg
        vehicles, members = index.plan.vehicles, index.member_by_id
        for leg in index.plan.legs:
            vehicle_id = leg.vehicle_id
            if vehicle_id is None or vehicle_id not in vehicles or leg.membership_id not in members:
                continue
            if leg.direction is arriving and leg.arrival is not None:
                grouped[(vehicle_id, False, leg.arrival, leg.arrival + PICKUP_TIME, leg.number)].append(leg)
            elif leg.direction is leaving and leg.pickup is not None and leg.departure is not None and leg.pickup < leg.departure:
                grouped[(vehicle_id, True, leg.pickup, leg.departure, leg.number)].append(leg)
        found = []
        for (vehicle_id, departing, start, end, number), legs in grouped.items():
            ids = tuple(leg.membership_id for leg in legs if leg.membership_id is not None)
            people, leg_name = People(tuple(map(index.name, ids))), number or legs[0].kind.label
            title = DepartureRun(people, leg_name) if departing else Pickup(people, leg_name)
            zone = legs[0].departure_timezone if departing else legs[0].arrival_timezone
            found.append(_Use(start, end, zone, title, vehicle_id, None, ids))
        return found

    return index.memo("vehicle pickups", compute, lasting=True)


def _uses(index: PlanIndex, ridden: Iterable[tuple[ItemData, Seats]], wanted: Collection[int] | None = None) -> dict[int, list[_Use]]:
    """The uses of each vehicle (of `wanted` ones; None: all) in time order, vehicles in the order of their first use.

    That order, items before pickups, is the order the check reports vehicles and drivers in.
    """
    by_vehicle: dict[int, list[_Use]] = defaultdict(list)
    for item, seats in ridden:
        assert item.start is not None and item.end is not None
        for vehicle_id in _vehicle_ids(seats):
            if wanted is None or vehicle_id in wanted:
                by_vehicle[vehicle_id].append(_Use(item.start, item.end, item.timezone, item.title, vehicle_id, item.id))
    # The items come in time order; the pickups, a few per vehicle, are put in their places (after equal ones).
    for use in pickups(index):
        if wanted is None or use.vehicle_id in wanted:
            insort(by_vehicle[use.vehicle_id], use, key=_use_key)
    return by_vehicle


def _vehicle_ids(seats: Seats) -> Sequence[int]:
    """The vehicles the seats are in, by id: on most items all in one (a team's car)."""
    first = seats[0].vehicle_id
    for ride in seats:
        if ride.vehicle_id != first:
            return sorted({r.vehicle_id for r in seats})
    return (first,)


def _vehicle_order(index: PlanIndex, uses: list[_Use]) -> tuple[Any, ...]:
    """Where a vehicle with these uses comes in the check's order: by its first item, else by its first pickup."""
    first = next((use for use in uses if use.item_id is not None), None)  # `uses` are in time order
    if first is not None:
        return (0, _use_key(first), first.vehicle_id)
    return (1, min(pickups(index).index(use) for use in uses))


def _two_places(index: PlanIndex, groups: Collection[Hashable] | None) -> list[tuple[Hashable, Any, list[Problem]]]:
    """The vehicles' and drivers' clashes, by vehicle and by driver (of `groups`; None: all)."""
    vehicles = index.plan.vehicles
    if groups is None:
        by_vehicle = _uses(index, _ridden(index))
    else:
        drivers = _by_driver(index)
        named = cast(Collection[tuple[str, Any]], groups)  # ("vehicle", id) and ("driver", key), as _touched names them
        wanted = {key for kind, key in named if kind == "vehicle"}
        for kind, key in named:
            if kind == "driver":
                wanted.update(drivers.get(key, ()))
        by_item = _ridden_by_vehicle(index)
        items = index.by_id()
        mine = sorted({i: items[i] for vid in wanted for i in by_item.get(vid, ()) if i in items}.values(), key=item_key)
        by_vehicle = _uses(index, _seated(index, mine), wanted)
    order = {vid: _vehicle_order(index, uses) for vid, uses in by_vehicle.items()}
    found: list[tuple[Hashable, Any, list[Problem]]] = []
    for vehicle_id, uses in by_vehicle.items():
        if groups is not None and ("vehicle", vehicle_id) not in groups:
            continue
        vehicle = vehicles[vehicle_id]
        problems = [
            Problem(
                Severity.ERROR, ProblemKind.VEHICLE_TWICE, VEHICLE_TWICE,
                {"vehicle": vehicle.label, "first": first.title, "second": second.title, "when": _overlap(index, first, second)},
                when=max(first.start, second.start), item_ids=_ids(first, second),
                membership_ids=first.membership_ids + second.membership_ids,
            )
            for first, second in _clashes(uses)
        ]
        if problems:
            found.append((("vehicle", vehicle_id), (0, order[vehicle_id]), problems))
    by_driver: dict[str, list[int]] = defaultdict(list)
    for vehicle_id in sorted(by_vehicle, key=order.__getitem__):
        key = vehicles[vehicle_id].driver_key()
        if key and (groups is None or ("driver", key) in groups):
            by_driver[key].append(vehicle_id)
    for key, driven in by_driver.items():
        if len(driven) < 2:
            continue  # one vehicle: already reported above
        uses = [use for vehicle_id in driven for use in by_vehicle[vehicle_id]]
        uses.sort(key=_use_key)
        problems = []
        for first, second in _clashes(uses):
            if first.vehicle_id == second.vehicle_id:
                continue
            one, other = vehicles[first.vehicle_id], vehicles[second.vehicle_id]
            problems.append(Problem(
                Severity.ERROR, ProblemKind.DRIVER_TWICE, DRIVER_TWICE,
                {"driver": one.driver_name or one.driver_phone, "vehicle": one.label, "first": first.title,
                 "other": other.label, "second": second.title, "when": _overlap(index, first, second)},
                when=max(first.start, second.start), item_ids=_ids(first, second),
                membership_ids=first.membership_ids + second.membership_ids,
            ))
        if problems:
            found.append((("driver", key), (1, order[driven[0]]), problems))
    return found


def _touched(index: PlanIndex, items: Iterable[ItemData]) -> set[Hashable]:
    """The vehicles `items` have seats in, and their drivers: the groups whose clashes an edit of `items` can change."""
    rides, vehicles = index.plan.rides, index.plan.vehicles
    found: set[Hashable] = set()
    for item in items:
        ride = rides.get(item.id) if item.id is not None else None
        for vehicle_id in ride.used() if ride is not None else ():
            if vehicle_id in vehicles:
                found.add(("vehicle", vehicle_id))
                key = vehicles[vehicle_id].driver_key()
                if key:
                    found.add(("driver", key))
    return found


def _by_driver(index: PlanIndex) -> dict[str, list[int]]:
    """The trip's vehicles by who drives them (not about the programme: kept between edits of items)."""

    def compute() -> dict[str, list[int]]:
        found: dict[str, list[int]] = defaultdict(list)
        for vehicle_id, vehicle in index.plan.vehicles.items():
            key = vehicle.driver_key()
            if key:
                found[key].append(vehicle_id)
        return dict(found)

    return index.memo("vehicles by driver", compute, lasting=True)


def _ridden_by_vehicle(index: PlanIndex) -> dict[int, list[int]]:
    """The ids of the items each vehicle has seats on, whoever attends (not about the programme: kept between edits of items)."""

    def compute() -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for item_id, ride in index.plan.rides.items():
            for vehicle_id in ride.used():
                found[vehicle_id].append(item_id)
        return dict(found)

    return index.memo("items by vehicle", compute, lasting=True)


@reads(Part.TRIP, Part.MEMBERS, Part.ITEMS, Part.LOGISTICS)
@grouped(_touched, _two_places)
def vehicles_in_two_places(index: PlanIndex) -> list[Problem]:
    """A vehicle on two overlapping uses (items, pickups, departure runs), or one driver at the wheel of two vehicles at once.

    One sweep per vehicle and per driver over the uses, sorted by start: a use
    starting before the latest end so far overlaps the use holding that end.
    Vehicles are keyed by id, drivers by phone (else name); an edit of an item
    looks again only at the vehicles it has seats in and their drivers.
    """
    return in_order(_two_places(index, None))


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
