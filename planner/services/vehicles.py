"""A trip's vehicles, who rides in which on each programme item, and the motorcade order.

Each user action is one transaction returning a Change: a vehicle saved or
deleted, or an item's rides saved as a whole ("put these twelve in the coach"
is one step, whose undo saves the rides before). Deleting a vehicle keeps the
rides it carried in the Change, so undo brings the vehicle back with its
passengers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import repeat

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.sql.expression import Executable
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.errors import PlannerError, ValidationError
from planner.domain.vehicles import (
    MAX_VEHICLES, ItemRides, Precedence, Ride, VehicleData, VehicleKind, motorcade, moved,
)
from planner.domain.enums import Role
from planner.i18n import N_
from planner.services.base import Action, Change, get_or_fail, run
from planner.services.bulk_read import TableRecords, raw_rows, records
from planner.services.records import add_row, update_record

VEHICLE = "vehicle"
RIDES = "vehicle_rides"
#: In a deleted vehicle's Change.related: a travel leg it was to pick up (`id` the leg's), set again by undo.
PICKUP = "leg_pickup"


# --- mapping -------------------------------------------------------------------------------------


def vehicle_data(row: m.Vehicle) -> VehicleData:
    return VehicleData(
        id=row.id, version=row.version, trip_id=row.trip_id, label=row.label, kind=VehicleKind(row.kind), seats=row.seats,
        plate=row.plate, operator=row.operator, driver_name=row.driver_name, driver_phone=row.driver_phone, notes=row.notes,
    )


def apply_vehicle(row: m.Vehicle, data: VehicleData) -> None:
    row.label = data.label
    row.kind = data.kind.value
    row.seats = data.seats
    row.plate = data.plate
    row.operator = data.operator
    row.driver_name = data.driver_name
    row.driver_phone = data.driver_phone
    row.notes = data.notes


# --- reading -------------------------------------------------------------------------------------


def trip_vehicles(db: Database, trip_id: int) -> tuple[VehicleData, ...]:
    with db.reading() as s:
        return read_vehicles(s, trip_id)


def read_vehicles(session: Session, trip_id: int) -> tuple[VehicleData, ...]:
    """The trip's vehicles in the planner's order, as plain rows (no ORM objects, so nothing is flushed first:
    the services that add or delete vehicles flush before they count them)."""
    return tuple(_VEHICLES.read(session, _VEHICLES_OF_TRIP, {"trip_id": trip_id}))


def read_rides(session: Session, trip_id: int) -> dict[int, ItemRides]:
    """Every item's rides of the trip by item id (items nobody rides on are absent); two queries for the trip."""
    seats: dict[int, list[Ride]] = {}
    params = {"trip_id": trip_id}
    for item_id, membership_id, vehicle_id in raw_rows(session, _RIDES_OF_TRIP, params):  # plain integers
        # What Ride(membership_id, vehicle_id) makes, without the Python call of the named tuple's own __new__
        # (a big trip has thousands of seats).
        ride = _new_tuple(Ride, (membership_id, vehicle_id))
        found = seats.get(item_id)
        if found is None:
            seats[item_id] = [ride]
        else:
            found.append(ride)
    orders: dict[int, list[int]] = {}
    for item_id, vehicle_id in raw_rows(session, _ORDERS_OF_TRIP, params):
        orders.setdefault(item_id, []).append(vehicle_id)
    ids = list(seats.keys() | orders.keys())
    # In ItemRides' field order (id, version, seats, order): thousands of them for a big trip.
    found_rides = records(ItemRides, len(ids), (
        ids, repeat(None), (tuple(seats.get(item_id, ())) for item_id in ids),
        (tuple(orders.get(item_id, ())) for item_id in ids),
    ))
    return dict(zip(ids, found_rides))


_new_tuple = tuple.__new__


def _trip_queries() -> tuple[Executable, Executable]:
    """The seats and the motorcade places of a trip (parameter trip_id), by item.

    Built once, on the tables rather than the ORM classes: an ORM select's rows went through
    the ORM's loading, a third of reading a large trip's 4,000 seats.
    """
    ride, place, vehicle = m.VehicleRide.__table__, m.MotorcadePlace.__table__, m.Vehicle.__table__
    of_trip = vehicle.c.trip_id == bindparam("trip_id")
    rides: Executable = (
        select(ride.c.item_id, ride.c.membership_id, ride.c.vehicle_id)
        .join(vehicle, vehicle.c.id == ride.c.vehicle_id).where(of_trip).order_by(ride.c.item_id, ride.c.membership_id)
    )
    orders: Executable = (
        select(place.c.item_id, place.c.vehicle_id)
        .join(vehicle, vehicle.c.id == place.c.vehicle_id).where(of_trip).order_by(place.c.item_id, place.c.position)
    )
    return rides, orders


_RIDES_OF_TRIP, _ORDERS_OF_TRIP = _trip_queries()
_VEHICLES = TableRecords(VehicleData, m.Vehicle.__table__, convert={"kind": VehicleKind})
#: The trip's vehicles in the planner's order (parameter trip_id), built once.
_VEHICLES_OF_TRIP = (
    select(*_VEHICLES.selected).where(m.Vehicle.__table__.c.trip_id == bindparam("trip_id"))
    .order_by(m.Vehicle.__table__.c.position, m.Vehicle.__table__.c.id)
)


def items_with_rides(db: Database, trip_id: int) -> set[int]:
    """The ids of the trip's items on which someone has a seat."""
    with db.reading() as s:
        return set(s.scalars(
            select(m.VehicleRide.item_id).join(m.Vehicle, m.Vehicle.id == m.VehicleRide.vehicle_id).where(m.Vehicle.trip_id == trip_id).distinct()
        ))


def read_item_rides(session: Session, item_id: int) -> ItemRides:
    seats = session.execute(
        select(m.VehicleRide.membership_id, m.VehicleRide.vehicle_id).where(m.VehicleRide.item_id == item_id)
        .order_by(m.VehicleRide.membership_id)
    )
    order = session.scalars(
        select(m.MotorcadePlace.vehicle_id).where(m.MotorcadePlace.item_id == item_id).order_by(m.MotorcadePlace.position)
    )
    return ItemRides(id=item_id, seats=tuple(Ride(a, b) for a, b in seats), order=tuple(order))


def item_rides(db: Database, item_id: int) -> ItemRides:
    with db.reading() as s:
        get_or_fail(s, m.ProgrammeItem, item_id, N_("programme item"))
        return read_item_rides(s, item_id)


def precedence_of(session: Session, trip_id: int) -> Precedence:
    rows = session.execute(
        select(m.Membership.id, m.Membership.role).where(m.Membership.trip_id == trip_id)
        .order_by(m.Membership.protocol_order, m.Membership.id)
    ).all()
    return Precedence(
        rank={mid: n for n, (mid, _role) in enumerate(rows)},
        heads=frozenset(mid for mid, role in rows if role == Role.HEAD.value),
    )


def item_motorcade(db: Database, item_id: int) -> tuple[int, ...]:
    """The vehicles carrying someone on the item in the order they leave (the planner's, else precedence)."""
    with db.reading() as s:
        item = get_or_fail(s, m.ProgrammeItem, item_id, N_("programme item"))
        vehicles = {v.id: v for v in read_vehicles(s, item.trip_id) if v.id is not None}
        return motorcade(read_item_rides(s, item_id), vehicles, precedence_of(s, item.trip_id))


# --- vehicles ------------------------------------------------------------------------------------


def create_vehicle(db: Database, data: VehicleData) -> Change:
    data = data.validated()

    def act(s: Session) -> Change:
        get_or_fail(s, m.Trip, data.trip_id, N_("trip"))
        existing = read_vehicles(s, data.trip_id or 0)
        if len(existing) >= MAX_VEHICLES:
            raise ValidationError(N_("A trip can have at most {limit} vehicles."), field="label", limit=MAX_VEHICLES)
        row = m.Vehicle(trip_id=data.trip_id, position=len(existing))
        return add_row(s, VEHICLE, row, apply_vehicle, data, vehicle_data)

    return run(db, act)


def update_vehicle(db: Database, data: VehicleData) -> Change:
    data = data.validated()
    return update_record(db, VEHICLE, data, m.Vehicle, N_("vehicle"), apply_vehicle, vehicle_data)


def delete_vehicle(db: Database, vehicle_id: int) -> Change:
    """Delete a vehicle; the rides it carried, its places in motorcades and its pickups go with it, kept in `related` for undo."""

    def act(s: Session) -> Change:
        row = get_or_fail(s, m.Vehicle, vehicle_id, N_("vehicle"))
        before = vehicle_data(row)
        item_ids = set(s.scalars(select(m.VehicleRide.item_id).where(m.VehicleRide.vehicle_id == vehicle_id)))
        item_ids |= set(s.scalars(select(m.MotorcadePlace.item_id).where(m.MotorcadePlace.vehicle_id == vehicle_id)))
        related = tuple(
            Change(Action.UPDATED, RIDES, item_id, before=read_item_rides(s, item_id)) for item_id in sorted(item_ids)
        ) + tuple(  # the pickups it was to make lose it (ON DELETE SET NULL); undo gives them back
            Change(Action.UPDATED, PICKUP, leg_id, before=vehicle_id)
            for leg_id in s.scalars(select(m.TravelLeg.id).where(m.TravelLeg.vehicle_id == vehicle_id).order_by(m.TravelLeg.id))
        )
        position = row.position
        s.delete(row)
        s.flush()
        for later in s.scalars(select(m.Vehicle).where(m.Vehicle.trip_id == before.trip_id, m.Vehicle.position > position)):
            later.position -= 1
        return Change(Action.DELETED, VEHICLE, vehicle_id, before=before, related=related)

    return run(db, act)


def restore_vehicle(db: Database, deleted: Change) -> Change:
    """Undo delete_vehicle: the vehicle with its old id and place, and its passengers where they are still free."""

    def act(s: Session) -> Change:
        data: VehicleData = deleted.before
        if data.id is None or s.get(m.Vehicle, data.id) is not None:
            raise PlannerError(N_("The deleted record cannot be restored: it exists again or has no id."))
        get_or_fail(s, m.Trip, data.trip_id, N_("trip"))
        position = len(read_vehicles(s, data.trip_id or 0))
        row = m.Vehicle(id=data.id, trip_id=data.trip_id, position=position)
        apply_vehicle(row, data)
        s.add(row)
        s.flush()
        for related in deleted.related:
            if related.entity == PICKUP:
                leg = s.get(m.TravelLeg, related.id)
                if leg is not None and leg.vehicle_id is None:  # unless it was given another vehicle meanwhile
                    leg.vehicle_id = data.id
                continue
            old: ItemRides = related.before
            if s.get(m.ProgrammeItem, old.id) is None:
                continue
            vehicle_id = data.id
            _reseat(s, old, lambda ride: ride.vehicle_id == vehicle_id)
        s.flush()
        return Change(Action.CREATED, VEHICLE, row.id, after=vehicle_data(row))

    return run(db, act)


def seats_taken_by(s: Session, *, membership_id: int | None = None, item_id: int | None = None) -> tuple[Change, ...]:
    """Inside the transaction that deletes a member or an item: the rides it takes along, for undo to re-seat.

    One Change per item concerned, holding the item's rides before (see reseat).
    """
    if item_id is not None:
        rides = read_item_rides(s, item_id)
        return (Change(Action.UPDATED, RIDES, item_id, before=rides),) if rides.seats or rides.order else ()
    items = s.scalars(select(m.VehicleRide.item_id).where(m.VehicleRide.membership_id == membership_id).order_by(m.VehicleRide.item_id))
    return tuple(Change(Action.UPDATED, RIDES, iid, before=read_item_rides(s, iid)) for iid in items.all())


def reseat(s: Session, related: Iterable[Change], *, membership_id: int | None = None) -> None:
    """Inside the transaction of an undo: seat again whom a deletion took out (only `membership_id`, if given).

    Only where it still fits: the item, the member and the vehicle exist, and the
    member has not been seated elsewhere on the item in the meantime.
    """
    for change in related:
        if change.entity == RIDES and s.get(m.ProgrammeItem, change.id) is not None:
            _reseat(s, change.before, lambda ride: membership_id is None or ride.membership_id == membership_id)


def _reseat(s: Session, old: ItemRides, wanted: Callable[[Ride], bool]) -> None:
    now = read_item_rides(s, old.id or 0)
    seated = now.vehicle_of()
    vehicles = set(s.scalars(select(m.Vehicle.id).where(m.Vehicle.id.in_({r.vehicle_id for r in old.seats} | set(old.order)))))
    back = tuple(
        r for r in old.seats
        if wanted(r) and r.membership_id not in seated and r.vehicle_id in vehicles and s.get(m.Membership, r.membership_id) is not None
    )
    order = now.order or tuple(v for v in old.order if v in vehicles)
    if back or order != now.order:
        _write_rides(s, now.evolve(seats=now.seats + back, order=order))
        s.flush()


def reorder_vehicles(db: Database, trip_id: int, order: Sequence[int]) -> Change:
    """The trip's vehicles listed in `order` (ids); undo reorders them back."""

    def act(s: Session) -> Change:
        rows = {v.id: v for v in s.scalars(select(m.Vehicle).where(m.Vehicle.trip_id == trip_id))}
        if set(order) != set(rows):
            raise PlannerError(N_("The list of vehicles changed in the meantime; please try again."))
        before = tuple(sorted(rows, key=lambda vid: (rows[vid].position, vid)))
        for position, vid in enumerate(order):
            rows[vid].position = position
        s.flush()
        return Change(Action.UPDATED, "vehicle_order", trip_id, before=before, after=tuple(order))

    return run(db, act)


# --- rides ---------------------------------------------------------------------------------------


def save_rides(db: Database, rides: ItemRides) -> Change:
    """Replace the item's rides and motorcade order by `rides` (one user action; undo saves the rides before)."""
    checked = rides.validated()

    def act(s: Session) -> Change:
        return _save(s, checked)

    return run(db, act)


def assign(db: Database, item_id: int, membership_ids: Iterable[int], vehicle_id: int | None) -> Change:
    """Put these members in `vehicle_id` on the item (None: take them out of any vehicle), in one transaction."""
    ids = list(membership_ids)

    def act(s: Session) -> Change:
        current = read_item_rides(s, item_id)
        return _save(s, current.with_riders(ids, vehicle_id).validated())

    return run(db, act)


def move_in_motorcade(db: Database, item_id: int, vehicle_id: int, step: int) -> Change:
    """Move a vehicle `step` places in the item's motorcade (-1: earlier); the order becomes the planner's own."""

    def act(s: Session) -> Change:
        item = get_or_fail(s, m.ProgrammeItem, item_id, N_("programme item"))
        current = read_item_rides(s, item_id)
        vehicles = {v.id: v for v in read_vehicles(s, item.trip_id) if v.id is not None}
        order = motorcade(current, vehicles, precedence_of(s, item.trip_id))
        return _save(s, moved(current, order, vehicle_id, step).validated())

    return run(db, act)


def clear_rides(db: Database, item_id: int) -> Change:
    return save_rides(db, ItemRides(id=item_id))


def _save(s: Session, rides: ItemRides) -> Change:
    item = get_or_fail(s, m.ProgrammeItem, rides.id, N_("programme item"))
    before = read_item_rides(s, item.id)
    rides = _checked_rides(s, item, rides, before)
    _write_rides(s, rides)
    s.flush()
    return Change(Action.UPDATED, RIDES, item.id, before=before, after=read_item_rides(s, item.id))


def _checked_rides(s: Session, item: m.ProgrammeItem, rides: ItemRides, before: ItemRides) -> ItemRides:
    """Every vehicle one of the trip's, every rider a member of the trip who attends the item.

    A rider who was seated before but no longer attends (ticked off the item since) is
    dropped quietly; seating someone new who does not attend is refused.
    """
    vehicles = set(s.scalars(select(m.Vehicle.id).where(m.Vehicle.trip_id == item.trip_id)))
    if not {r.vehicle_id for r in rides.seats} | set(rides.order) <= vehicles:
        raise PlannerError(N_("The vehicle no longer exists (it may have been deleted elsewhere)."))
    if item.everyone:
        members = set(s.scalars(select(m.Membership.id).where(m.Membership.trip_id == item.trip_id)))
    else:
        members = set(s.scalars(select(m.item_participant.c.membership_id).where(m.item_participant.c.item_id == item.id)))
    stale = {r.membership_id for r in before.seats} - members
    if not {r.membership_id for r in rides.seats} <= members | stale:
        raise PlannerError(N_("Only members who attend the programme item can have a seat in its vehicles."))
    return rides.evolve(seats=tuple(r for r in rides.seats if r.membership_id in members))


def _write_rides(s: Session, rides: ItemRides) -> None:
    """Inside a transaction: the item's rides and motorcade become `rides` (also for imports and trip copies)."""
    s.execute(delete(m.VehicleRide).where(m.VehicleRide.item_id == rides.id))
    s.execute(delete(m.MotorcadePlace).where(m.MotorcadePlace.item_id == rides.id))
    for ride in rides.seats:
        s.add(m.VehicleRide(item_id=rides.id, membership_id=ride.membership_id, vehicle_id=ride.vehicle_id))
    for position, vehicle_id in enumerate(rides.order):
        s.add(m.MotorcadePlace(item_id=rides.id, vehicle_id=vehicle_id, position=position))


def write_vehicles(
    s: Session, trip_id: int, vehicles: Sequence[VehicleData], rides: Iterable[ItemRides],
    member_ids: Mapping[int, int], item_ids: Mapping[int, int],
) -> dict[int, int]:
    """Inside a transaction: insert `vehicles` into the trip and the `rides` between them (a trip file, a copy).

    `rides` name vehicles, members and items by the ids of the source; `member_ids` and `item_ids`
    map those to the new rows. Returns the new vehicle ids by the source's.
    """
    rows: list[tuple[int | None, m.Vehicle]] = []
    for position, data in enumerate(vehicles):
        row = m.Vehicle(trip_id=trip_id, position=position)
        apply_vehicle(row, data)
        s.add(row)
        rows.append((data.id, row))
    s.flush()  # once for the fleet: the ids are needed below
    new_ids = {old: row.id for old, row in rows if old is not None}
    seats: list[dict[str, int]] = []
    places: list[dict[str, int]] = []
    for ride in rides:  # the trip is new: nothing to replace, so plain inserts of many rows at once
        item = item_ids.get(ride.id or 0)
        if item is None:
            continue
        seats += [
            {"item_id": item, "membership_id": member_ids[r.membership_id], "vehicle_id": new_ids[r.vehicle_id], "version": 1}
            for r in ride.seats if r.membership_id in member_ids and r.vehicle_id in new_ids
        ]
        places += [
            {"item_id": item, "vehicle_id": new_ids[v], "position": n, "version": 1}
            for n, v in enumerate(v for v in ride.order if v in new_ids)
        ]
    if seats:
        s.execute(insert(m.VehicleRide.__table__), seats)
    if places:
        s.execute(insert(m.MotorcadePlace.__table__), places)
    return new_ids


def validated_vehicles(vehicles: Sequence[VehicleData]) -> tuple[VehicleData, ...]:
    """Each vehicle checked, and no more than MAX_VEHICLES (for a trip file before anything is written)."""
    if len(vehicles) > MAX_VEHICLES:
        raise ValidationError(N_("A trip can have at most {limit} vehicles."), field="vehicles", limit=MAX_VEHICLES)
    return tuple(v.validated() for v in vehicles)
