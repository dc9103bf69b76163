"""Vehicles of a trip, who rides in which on each programme item, and the order of the motorcade.

A delegation moves in a coach and a few cars; who sits where is decided per
transfer, and the order the vehicles leave in follows precedence: the car of
the head of delegation first, then the other cars (the protocol car), then
minibuses, then the coach. The planner may reorder; an item without an order
of its own follows the default worked out here. Pure rules, no storage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from planner.domain import validation as v
from planner.domain.entities import Record, _Collector, _enum
from planner.domain.errors import ValidationError
from planner.i18n import N_, _

#: Seats a vehicle can have: a double-decker coach has about 90; more is a typo.
MAX_SEATS = 99
#: Vehicles per trip: a delegation of 200 in teams of two may need some 60 cars; more is a typo.
MAX_VEHICLES = 100


class VehicleKind(StrEnum):
    """What kind of vehicle; its value is stored, its label shown."""

    CAR = "car"
    MINIBUS = "minibus"
    COACH = "coach"

    @property
    def label(self) -> str:
        return _(self.msgid)

    @property
    def msgid(self) -> str:
        """The English label as in the catalog, for a document in another language than the interface's."""
        return _KIND_LABELS[self]

    @property
    def rank(self) -> int:
        """Place in a motorcade by kind: cars lead, the coach follows."""
        return _KIND_RANKS[self]


_KIND_LABELS: dict[VehicleKind, str] = {
    VehicleKind.CAR: N_("Car"),
    VehicleKind.MINIBUS: N_("Minibus"),
    VehicleKind.COACH: N_("Coach"),
}
_KIND_RANKS: dict[VehicleKind, int] = {VehicleKind.CAR: 0, VehicleKind.MINIBUS: 1, VehicleKind.COACH: 2}
_DIGITS = re.compile(r"\D")


@dataclass(frozen=True, slots=True)
class VehicleData(Record):
    """One vehicle at the delegation's disposal, with its driver; `seats` excludes the driver's."""

    trip_id: int | None = None
    label: str = ""
    kind: VehicleKind = VehicleKind.CAR
    seats: int = 4
    plate: str = ""
    operator: str = ""
    driver_name: str = ""
    driver_phone: str = ""
    notes: str = ""

    def validated(self) -> VehicleData:
        c = _Collector()
        label = c.run(lambda: v.require_text(self.label, "label", _("Vehicle name")), self.label)
        kind = c.run(lambda: _enum(VehicleKind, self.kind, "kind", _("kind of vehicle")), VehicleKind.CAR)
        seats = self.seats
        if isinstance(seats, bool) or not isinstance(seats, int) or not 1 <= seats <= MAX_SEATS:
            c.errors.append(ValidationError(
                N_("A vehicle has between 1 and {limit} seats besides the driver's."), field="seats", limit=MAX_SEATS,
            ))
        plate = c.run(lambda: v.optional_text(self.plate, "plate", _("Number plate"), limit=20), "")
        operator = c.run(lambda: v.optional_text(self.operator, "operator", _("Operator"), limit=v.MAX_NAME), "")
        driver = c.run(lambda: v.optional_text(self.driver_name, "driver_name", _("Driver"), limit=v.MAX_NAME), "")
        phone = c.run(lambda: v.phone(self.driver_phone, "driver_phone"), "")
        notes = c.run(lambda: v.optional_text(self.notes, "notes", _("Notes")), "")
        c.raise_if_any()
        return self.evolve(label=label, kind=kind, plate=plate, operator=operator, driver_name=driver, driver_phone=phone, notes=notes)

    def driver_key(self) -> str:
        """Who drives, as a key two vehicles share when one person drives both: the phone's digits, else the name."""
        digits = _DIGITS.sub("", self.driver_phone)
        if len(digits) >= 5:
            return f"tel:{digits[-9:]}"  # the subscriber part: +86 755 … and 0755 … are the same line
        name = " ".join(self.driver_name.split()).casefold()
        return f"name:{name}" if name else ""


class Ride(NamedTuple):
    """One member in one vehicle on one item."""

    membership_id: int
    vehicle_id: int


@dataclass(frozen=True, slots=True)
class ItemRides(Record):
    """Who rides in which vehicle on one programme item (`id` is the item's), and the motorcade order.

    `order` is the vehicles in the order the planner set; () means the default
    (see motorcade). Saved as a whole, like a seating plan: undo saves the one before.
    """

    seats: tuple[Ride, ...] = ()
    order: tuple[int, ...] = ()

    def validated(self) -> ItemRides:
        seen: set[int] = set()
        for ride in self.seats:
            if ride.membership_id in seen:
                raise ValidationError(N_("A member can ride in only one vehicle at a time."), field="seats")
            seen.add(ride.membership_id)
        if len(set(self.order)) != len(self.order):
            raise ValidationError(N_("A vehicle can have only one place in the motorcade."), field="order")
        rides = tuple(sorted((Ride(int(r.membership_id), int(r.vehicle_id)) for r in self.seats), key=lambda r: r.membership_id))
        return self.evolve(seats=rides, order=tuple(int(o) for o in self.order))

    def vehicle_of(self) -> dict[int, int]:
        """Membership id to vehicle id."""
        return {r.membership_id: r.vehicle_id for r in self.seats}

    def riders(self, vehicle_id: int) -> tuple[int, ...]:
        return tuple(r.membership_id for r in self.seats if r.vehicle_id == vehicle_id)

    def used(self) -> frozenset[int]:
        return frozenset(r.vehicle_id for r in self.seats)

    def with_riders(self, membership_ids: Iterable[int], vehicle_id: int | None) -> ItemRides:
        """These members put in `vehicle_id` (None: taken out of any), the others where they were."""
        moving = set(membership_ids)
        kept = tuple(r for r in self.seats if r.membership_id not in moving)
        added = () if vehicle_id is None else tuple(Ride(mid, vehicle_id) for mid in sorted(moving))
        used = {r.vehicle_id for r in (*kept, *added)}
        return self.evolve(seats=kept + added, order=tuple(o for o in self.order if o in used) + (
            (vehicle_id,) if self.order and vehicle_id is not None and vehicle_id not in self.order else ()
        ))

    def without_vehicle(self, vehicle_id: int) -> ItemRides:
        return self.evolve(
            seats=tuple(r for r in self.seats if r.vehicle_id != vehicle_id), order=tuple(o for o in self.order if o != vehicle_id),
        )


@dataclass(frozen=True, slots=True)
class Precedence:
    """What the motorcade needs to know of the delegation: each member's rank and who heads it."""

    rank: Mapping[int, int]  # membership id -> place in the order of precedence (0 first)
    heads: frozenset[int]  # membership ids of the head(s) of delegation


def default_motorcade(rides: ItemRides, vehicles: Mapping[int, VehicleData], precedence: Precedence) -> tuple[int, ...]:
    """The vehicles carrying someone on the item, in protocol order.

    The vehicle with the head of delegation first; then by kind (cars before
    minibuses before the coach), then by the highest-ranking passenger, so the
    protocol car with the delegation's staff follows the head's car and the
    coach with the members closes the motorcade.
    """
    best: dict[int, int] = {}
    with_head: set[int] = set()
    for ride in rides.seats:
        rank = precedence.rank.get(ride.membership_id, len(precedence.rank))
        best[ride.vehicle_id] = min(best.get(ride.vehicle_id, rank), rank)
        if ride.membership_id in precedence.heads:
            with_head.add(ride.vehicle_id)
    used = [vid for vid in best if vid in vehicles]

    def key(vid: int) -> tuple[int, int, int, int]:
        vehicle = vehicles[vid]
        return (0 if vid in with_head else 1, vehicle.kind.rank, best[vid], vid)

    return tuple(sorted(used, key=key))


def motorcade(rides: ItemRides, vehicles: Mapping[int, VehicleData], precedence: Precedence) -> tuple[int, ...]:
    """The order the planner set (vehicles no longer used dropped, newly used ones after it), else the default."""
    default = default_motorcade(rides, vehicles, precedence)
    if not rides.order:
        return default
    used = set(default)
    chosen = tuple(vid for vid in rides.order if vid in used)
    return chosen + tuple(vid for vid in default if vid not in chosen)


def moved(rides: ItemRides, current: Sequence[int], vehicle_id: int, step: int) -> ItemRides:
    """The rides with `vehicle_id` moved `step` places in the motorcade `current` (-1 earlier, +1 later)."""
    order = list(current)
    if vehicle_id not in order:
        return rides
    at = order.index(vehicle_id)
    to = max(0, min(len(order) - 1, at + step))
    order.insert(to, order.pop(at))
    return rides.evolve(order=tuple(order))


def passengers_in_order(rides: ItemRides, vehicle_id: int, rank: Mapping[int, int]) -> tuple[int, ...]:
    """The members in one vehicle by precedence, the manifest's order."""
    return tuple(sorted(rides.riders(vehicle_id), key=lambda mid: (rank.get(mid, len(rank)), mid)))
