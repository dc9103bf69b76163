"""What a driver needs for one day: for each ride, when and where to pick up, where to go, whom.

A manifest is per vehicle and day. Each stop is a programme item on which
someone rides in the vehicle. For a transfer (an item of kind travel) the
pickup is the item's own place at its start, and the destination the place
of what its passengers do next; for any other item the destination is the
item's place, to reach by its start, and the pickup the place its passengers
were at before (else their hotel). Passengers come in precedence order, with
the delegation's contact to call: a staff member or interpreter in the
vehicle, else the delegation's first one with a phone.

Members arriving on their own flight or train (planner.domain.travel_legs)
whom the vehicle picks up are stops too, in time order with the rides: at the
landing, at the airport's terminal, the flight to look out for and whom to
meet, then on to their hotel. So are members leaving on their own whom the
vehicle takes to the airport or station: from their hotel, to the terminal,
listed at the pick-up time at the hotel (the leg's `pickup`), the flight's own
time beside it. A run whose pick-up time is not set yet stays at the time the
flight or train leaves, and the manifest says plainly that the pick-up time is
missing, so no driver reads the take-off as the time to be at the hotel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from planner.domain.entities import ItemData, VenueData
from planner.domain.enums import ItemKind, Role
from planner.domain.travel_legs import KIND_LABELS, LegDirection, LegKind, TravelLegData
from planner.domain.vehicles import ItemRides, Precedence, VehicleData, motorcade, passengers_in_order
from planner.export.tripview import STAFF_ROLES, TripView
from planner.domain.members import Member


@dataclass(frozen=True, slots=True)
class Stop:
    """One ride of a vehicle: `departs` True when the time is the departure (a transfer), False when it is the arrival."""

    item: ItemData
    departs: bool
    pickup: VenueData | None
    destination: VenueData | None
    passengers: tuple[Member, ...]
    place: int  # the vehicle's place in the item's motorcade, from 1
    of: int  # vehicles in the motorcade


@dataclass(frozen=True, slots=True)
class Pickup:
    """Meeting members off their own flight or train: `at` the landing on the local clock, `place` where it lands.

    With `leaving`, taking them to it instead: `departs` is when it leaves,
    `place` where it leaves from, `origin` where it goes, and they are fetched
    from `destination` (their hotel) at `at`, the pick-up time; while that is
    not set (`timed` False) `at` is the departure, where the run stands until then.
    """

    at: datetime
    number: str
    kind: LegKind
    origin: str
    place: str
    terminal: str
    notes: tuple[str, ...]  # the legs' notes for the pickup ("sign at exit B"), each once
    passengers: tuple[Member, ...]
    destination: VenueData | None  # where they sleep, if the programme says
    leaving: bool = False
    departs: datetime | None = None  # a departure's own time (local), whether or not a pick-up time is set
    timed: bool = True  # False: a departure run without its pick-up time, listed at `departs`

    @property
    def flight(self) -> str:
        """The number to look for on the arrivals board, or the kind when no number is known ("Flight")."""
        return self.number or KIND_LABELS[self.kind]


@dataclass(frozen=True, slots=True)
class Manifest:
    vehicle: VehicleData
    day: date
    stops: tuple[Stop | Pickup, ...]  # in time order
    contact: Member | None


def precedence(view: TripView) -> Precedence:
    return Precedence(
        rank={m.id: n for n, m in enumerate(view.members)}, heads=frozenset(m.id for m in view.members if m.role is Role.HEAD),
    )


def rides_by_item(view: TripView) -> dict[int, ItemRides]:
    """The rides of the trip's items by item id, of attendees only (someone ticked off since has no seat)."""
    found: dict[int, ItemRides] = {}
    items = {i.id: i for i in view.items}
    for ride in view.bundle.rides:
        item = items.get(ride.id)
        if item is None:
            continue
        attending = {m.id for m in view.attendees(item)}
        seats = tuple(r for r in ride.seats if r.membership_id in attending)
        if seats:
            found[item.id or 0] = ride.evolve(seats=seats)
    return found


def vehicle_name(vehicle: VehicleData, t: Callable[[str], str]) -> str:
    """The vehicle's label with its kind in the document's language ("Car 1 (Pkw)"), or the label alone when it says the kind."""
    kind = t(vehicle.kind.msgid)
    if vehicle.label.casefold() in (kind.casefold(), vehicle.kind.msgid.casefold()):
        return vehicle.label
    return f"{vehicle.label} ({kind})"


def vehicle_for(view: TripView, item: ItemData, membership_id: int) -> VehicleData | None:
    """The vehicle a member takes to `item`, None when no seat is given (for the personal itinerary)."""
    ride = view.ride(item)
    if ride is None:
        return None
    vehicle_id = ride.vehicle_of().get(membership_id)
    return view.vehicle(vehicle_id) if vehicle_id is not None else None


def manifests(view: TripView, day: date | None = None) -> list[Manifest]:
    """One manifest per vehicle and day with rides (only `day` if given), vehicles in the planner's order."""
    rides = rides_by_item(view)
    vehicles = {v.id: v for v in view.bundle.vehicles if v.id is not None}
    ranks = precedence(view)
    stops: dict[tuple[int, date], list[Stop | Pickup]] = {}
    for item in view.items:
        ride = rides.get(item.id or 0)
        if ride is None:
            continue
        when = item.local_start().date()
        if day is not None and when != day:
            continue
        order = motorcade(ride, vehicles, ranks)
        for place, vehicle_id in enumerate(order, start=1):
            passengers = tuple(view.member(mid) for mid in passengers_in_order(ride, vehicle_id, ranks.rank))
            pickup, destination = _route(view, item, {m.id for m in passengers})
            stop = Stop(item, item.kind is ItemKind.TRAVEL, pickup, destination, passengers, place, len(order))
            stops.setdefault((vehicle_id, when), []).append(stop)
    for (vehicle_id, when), run in pickups(view, vehicles):
        if day is None or when == day:
            stops.setdefault((vehicle_id, when), []).append(run)
    position = {v.id: n for n, v in enumerate(view.bundle.vehicles)}
    return [
        Manifest(vehicles[vid], when, tuple(sorted(found, key=_time)), _contact(view, found))
        for (vid, when), found in sorted(stops.items(), key=lambda pair: (pair[0][1], position.get(pair[0][0], 0)))
    ]


def pickups(view: TripView, vehicles: dict[int, VehicleData]) -> list[tuple[tuple[int, date], Pickup]]:
    """The arrivals picked up and the departures taken to their flight or train by the trip's vehicles, by vehicle
    and local day: one run per vehicle, moment and flight."""
    members = {m.id: m for m in view.members}
    ranks = precedence(view).rank
    grouped: dict[tuple[int, bool, datetime, datetime | None, str], list[TravelLegData]] = {}
    for leg in view.bundle.travel_legs:
        leaving = leg.direction is LegDirection.DEPARTURE
        moment = leg.departure if leaving else leg.arrival
        if (leg.vehicle_id is not None and moment is not None and leg.direction in (LegDirection.ARRIVAL, LegDirection.DEPARTURE)
                and leg.vehicle_id in vehicles and leg.membership_id in members):
            fetched = leg.pickup if leaving else None  # those on one flight fetched at different times are two runs
            grouped.setdefault((leg.vehicle_id, leaving, moment, fetched, leg.number), []).append(leg)
    found: list[tuple[tuple[int, date], Pickup]] = []
    for (vehicle_id, leaving, _moment, _fetched, number), legs in grouped.items():
        first = legs[0]
        departs = first.local_departure() if leaving else None
        at = (first.local_pickup() or departs) if leaving else first.local_arrival()
        assert at is not None
        passengers = tuple(sorted((members[leg.membership_id or 0] for leg in legs), key=lambda m: ranks.get(m.id, 0)))
        hotel = next(iter(view.lodging(passengers[0].id)), None) or next(iter(view.lodging()), None)
        notes = tuple(dict.fromkeys(leg.vehicle_note for leg in legs if leg.vehicle_note))
        going, place = (first.destination, first.origin) if leaving else (first.origin, first.destination)
        pickup = Pickup(at, number, first.kind, going, place, first.terminal, notes, passengers, hotel, leaving, departs,
                        timed=not leaving or first.pickup is not None)
        found.append(((vehicle_id, at.date()), pickup))
    return found


def _time(stop: Stop | Pickup) -> datetime:
    """When the stop begins: a ride at its item's start, a pickup at the landing, a departure run at the pick-up at the
    hotel, else at the departure (aware moments, any zone)."""
    return stop.at if isinstance(stop, Pickup) else stop.item.local_start()


def _route(view: TripView, item: ItemData, riders: set[int]) -> tuple[VenueData | None, VenueData | None]:
    here = view.venue(item)
    day = item.local_start().date()
    theirs = [i for i in view.items if i.local_start().date() == day and any(i.attended_by(m) for m in riders)]
    if item.kind is ItemKind.TRAVEL:
        later = [i for i in theirs if i.start is not None and item.start is not None and i.start >= (item.end or item.start) and i.id != item.id]
        nxt = next((view.venue(i) for i in later if _elsewhere(view.venue(i), here)), None)
        return here, nxt
    earlier = [i for i in theirs if i.end is not None and item.start is not None and i.end <= item.start and i.id != item.id]
    before = next((view.venue(i) for i in reversed(earlier) if _elsewhere(view.venue(i), here)), None)
    if before is None:
        before = next((v for v in view.lodging() if _elsewhere(v, here)), None)
    return before, here


def _elsewhere(venue: VenueData | None, here: VenueData | None) -> bool:
    return venue is not None and (here is None or venue.id != here.id)


def _contact(view: TripView, stops: list[Stop | Pickup]) -> Member | None:
    """Whom the driver calls: staff or an interpreter on board with a phone, else the delegation's first."""
    for stop in stops:
        for member in stop.passengers:
            if member.role in STAFF_ROLES and member.person.phone:
                return member
    return next((m for m in view.staff if m.person.phone), None)
