"""Vehicles and seats: one transaction per action, undo through the Change, motorcade by precedence,
carried by trip files and trip copies, gone with their trip."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from planner.db.engine import Database
from planner.domain.errors import PlannerError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.domain.vehicles import ItemRides, Ride, VehicleData, VehicleKind
from planner.export.tripfile import trip_document
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services import delegation, programme
from planner.services.vehicles import (
    assign, create_vehicle, delete_vehicle, item_motorcade, item_rides, move_in_motorcade, restore_vehicle, save_rides,
    trip_vehicles, update_vehicle,
)
from planner.services.trip_copy import duplicate_trip


def _demo(db: Database, stem: str) -> int:
    return import_trip_file(db, next(p for p in DEMO_TRIPS.glob("*.json") if p.stem.startswith(stem))).id


def _bare_trip(db: Database) -> int:
    """The Shenzhen trip without the demo's vehicles, to build on."""
    trip = _demo(db, "hannover-shenzhen")
    for vehicle in trip_vehicles(db, trip):
        delete_vehicle(db, vehicle.id or 0)
    return trip


def _transfer(db: Database, trip: int) -> int:
    return next(i.id for i in programme.list_items(db, trip) if i.title.en == "Transfer to the airport")


def test_create_update_and_refuse_bad_vehicles(db: Database) -> None:
    trip = _bare_trip(db)
    coach = create_vehicle(db, VehicleData(trip_id=trip, label="Coach", kind=VehicleKind.COACH, seats=45, driver_phone="+86 138 0000 0001"))
    assert coach.after.label == "Coach" and coach.after.seats == 45
    changed = update_vehicle(db, coach.after.evolve(plate="粤B 12345"))
    assert changed.before.plate == "" and trip_vehicles(db, trip)[0].plate == "粤B 12345"
    with pytest.raises(ValidationErrors) as caught:
        create_vehicle(db, VehicleData(trip_id=trip, label=" ", seats=0, driver_phone="call me"))
    assert {e.field for e in caught.value.errors} == {"label", "seats", "driver_phone"}


def test_twelve_members_go_in_the_coach_in_one_step_and_undo_restores(db: Database) -> None:
    trip = _bare_trip(db)
    coach = create_vehicle(db, VehicleData(trip_id=trip, label="Coach", kind=VehicleKind.COACH, seats=45)).id
    item = _transfer(db, trip)
    attending = set(next(i for i in programme.list_items(db, trip) if i.id == item).participant_ids)
    members = [ms.id for ms in delegation.list_members(db, trip) if ms.id in attending][:12]  # some leave on their own
    change = assign(db, item, members, coach)
    assert change.before == ItemRides(id=item) and len(change.after.seats) == 12
    assert set(item_rides(db, item).riders(coach)) == set(members)
    save_rides(db, change.before.evolve(version=None))  # undo
    assert item_rides(db, item).seats == ()


def test_only_attendees_get_a_seat(db: Database) -> None:
    trip = _bare_trip(db)
    car = create_vehicle(db, VehicleData(trip_id=trip, label="Car 1")).id
    press = next(i for i in programme.list_items(db, trip) if i.title.en == "Press interview with Shenzhen media")
    outsider = next(ms.id for ms in delegation.list_members(db, trip) if ms.id not in press.participant_ids)
    with pytest.raises(PlannerError):
        assign(db, press.id or 0, [outsider], car)
    assert item_rides(db, press.id or 0).seats == ()


def test_motorcade_follows_precedence_until_the_planner_reorders(db: Database) -> None:
    trip = _bare_trip(db)
    coach = create_vehicle(db, VehicleData(trip_id=trip, label="Coach", kind=VehicleKind.COACH, seats=45)).id
    protocol_car = create_vehicle(db, VehicleData(trip_id=trip, label="Car 2")).id
    head_car = create_vehicle(db, VehicleData(trip_id=trip, label="Car 1")).id
    item = _transfer(db, trip)
    attending = set(next(i for i in programme.list_items(db, trip) if i.id == item).participant_ids)
    members = [ms for ms in delegation.list_members(db, trip) if ms.id in attending]  # some leave on their own
    head = members[0].id
    staff = [ms.id for ms in members if ms.role.value == "staff"]
    assign(db, item, [ms.id for ms in members[1:10]], coach)
    assign(db, item, staff, protocol_car)
    assign(db, item, [head], head_car)
    assert item_motorcade(db, item) == (head_car, protocol_car, coach)
    moved = move_in_motorcade(db, item, coach, -1)
    assert item_motorcade(db, item) == (head_car, coach, protocol_car)
    save_rides(db, moved.before)  # undo
    assert item_motorcade(db, item) == (head_car, protocol_car, coach)


def test_deleting_a_vehicle_takes_its_seats_and_undo_brings_both_back(db: Database) -> None:
    trip = _bare_trip(db)
    car = create_vehicle(db, VehicleData(trip_id=trip, label="Car 1")).id
    item = _transfer(db, trip)
    head = delegation.list_members(db, trip)[0].id
    assign(db, item, [head], car)
    gone = delete_vehicle(db, car)
    assert trip_vehicles(db, trip) == () and item_rides(db, item).seats == ()
    restore_vehicle(db, gone)
    assert [v.id for v in trip_vehicles(db, trip)] == [car]
    assert item_rides(db, item).seats == (Ride(head, car),)


def test_trip_files_and_copies_carry_vehicles_and_seats(db: Database, tmp_path: Path) -> None:
    trip = _demo(db, "hannover-shenzhen")
    assert trip_vehicles(db, trip), "the demo has its coach and cars"
    document = trip_document(db, trip)
    path = tmp_path / "trip.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    again = import_trip_file(db, path).id
    assert trip_document(db, again)["vehicles"] == document["vehicles"]
    copy = duplicate_trip(db, trip, title=LocalizedText(en="Next year"), first_day=date(2017, 10, 22)).id
    assert [v.label for v in trip_vehicles(db, copy)] == [v.label for v in trip_vehicles(db, trip)]
    assert trip_document(db, copy)["vehicles"]["rides"] == document["vehicles"]["rides"]


def test_a_member_leaving_takes_their_seats_and_a_driver_named_in_free_text_is_found_for_erasure(db: Database) -> None:
    from planner.domain.entities import PersonData
    from planner.services.erasure import find_mentions

    trip = _demo(db, "shenzhen-hannover")
    transfer = next(i for i in programme.list_items(db, trip) if i.title.en.startswith("Welcome at Hannover Airport"))
    member = delegation.list_members(db, trip)[1]
    assert member.id in item_rides(db, transfer.id or 0).vehicle_of()
    delegation.remove_member(db, member.id)
    assert member.id not in item_rides(db, transfer.id or 0).vehicle_of()
    mentions = find_mentions(db, PersonData(family_name="Meyer", given_name="Jürgen"))
    assert [(m.what.label, m.label, m.field.label) for m in mentions] == [("vehicle", "Car 1", "driver")]


def test_undoing_the_removal_of_a_member_or_the_deletion_of_an_item_seats_them_again(db: Database) -> None:
    from planner.services.restore import restore_item, restore_member

    trip = _demo(db, "shenzhen-hannover")
    transfer = next(i for i in programme.list_items(db, trip) if i.title.en.startswith("Welcome at Hannover Airport"))
    before = item_rides(db, transfer.id or 0)
    member = delegation.list_members(db, trip)[1]
    removed = delegation.remove_member(db, member.id)
    restore_member(db, removed)
    assert item_rides(db, transfer.id or 0).seats == before.seats
    deleted = programme.delete_item(db, transfer.id or 0)
    restore_item(db, deleted.before, deleted.related)
    assert item_rides(db, transfer.id or 0).seats == before.seats
