"""An arrival picked up by one of the trip's vehicles: the link saved and refused for another trip's vehicle,
cleared when the vehicle is deleted and set again by that deletion's undo, kept by a member's removal and its undo;
a departure's pick-up time at the hotel saved, refused after the flight, taken back and done again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from planner.db.engine import Database
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.travel_legs import LegDirection
from planner.domain.vehicles import VehicleData
from planner.services import delegation, restore, undo
from planner.services.travel_legs import create_leg, delete_leg, get_leg, trip_legs, update_leg
from planner.services.vehicles import create_vehicle, delete_vehicle, restore_vehicle
from tests.services.conftest import new_member, new_person, new_trip
from tests.services.test_travel_legs import _leg


def _car(db: Database, trip_id: int | None, label: str = "City car 2") -> VehicleData:
    car: VehicleData = create_vehicle(db, VehicleData(trip_id=trip_id, label=label, driver_name="Wang Lei", driver_phone="+86 138 0013 8000")).after
    return car


def test_a_leg_names_its_vehicle_and_keeps_its_note_beside_it(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db, "Vogt", "Martin"))
    car = _car(db, trip.id)
    leg = create_leg(db, _leg(member.id, vehicle_id=car.id, vehicle_note="Sign at exit B")).after
    assert (leg.vehicle_id, leg.vehicle_note) == (car.id, "Sign at exit B")
    changed = update_leg(db, leg.evolve(vehicle_id=None))
    assert changed.before.vehicle_id == car.id and get_leg(db, leg.id).vehicle_id is None


def test_a_vehicle_of_another_trip_is_refused_naming_the_field(db: Database) -> None:
    trip, other = new_trip(db), new_trip(db, "Return visit")
    member = new_member(db, trip, new_person(db))
    foreign = _car(db, other.id)
    with pytest.raises(ValidationError) as caught:
        create_leg(db, _leg(member.id, vehicle_id=foreign.id))
    assert caught.value.field == "vehicle_id"
    assert "one of this trip's vehicles" in str(caught.value)
    assert trip_legs(db, trip.id) == ()


def test_deleting_the_vehicle_clears_the_pickup_and_undo_sets_it_again(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    car, spare = _car(db, trip.id), _car(db, trip.id, "City car 3")
    first = create_leg(db, _leg(member.id, vehicle_id=car.id)).after
    second = create_leg(db, _leg(member.id, number="CA 931", vehicle_id=car.id)).after
    deleted = delete_vehicle(db, car.id)
    assert {leg.vehicle_id for leg in trip_legs(db, trip.id)} == {None}
    # meanwhile the second arrival was given the spare car: undo leaves that choice alone
    update_leg(db, get_leg(db, second.id).evolve(vehicle_id=spare.id))
    restore_vehicle(db, deleted)
    assert (get_leg(db, first.id).vehicle_id, get_leg(db, second.id).vehicle_id) == (car.id, spare.id)


def test_a_removed_member_comes_back_with_the_pickup_unless_the_vehicle_went_meanwhile(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    car = _car(db, trip.id)
    leg = create_leg(db, _leg(member.id, vehicle_id=car.id)).after
    restore.restore_member(db, delegation.remove_member(db, member.id))
    assert get_leg(db, leg.id).vehicle_id == car.id
    removed = delegation.remove_member(db, member.id)
    delete_vehicle(db, car.id)
    restore.restore_member(db, removed)
    assert get_leg(db, leg.id).vehicle_id is None


def test_a_departure_run_keeps_its_pick_up_time_through_edit_undo_and_redo(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db, "Vogt", "Martin"))
    car = _car(db, trip.id)
    take_off = datetime(2016, 10, 27, 6, 5, tzinfo=UTC)  # 14:05 in Shenzhen
    leaving = create_leg(db, _leg(member.id, direction=LegDirection.DEPARTURE, number="LH 723", departure=take_off,
                                  departure_timezone="Asia/Shanghai", arrival=None, vehicle_id=car.id)).after
    assert leaving.pickup is None
    versions: undo.Versions = {}
    timed = update_leg(db, leaving.evolve(pickup=take_off - timedelta(hours=3, minutes=5)))
    undo.note_versions(versions, timed)
    assert get_leg(db, leaving.id).local_pickup().isoformat() == "2016-10-27T11:00:00+08:00"
    assert trip_legs(db, trip.id)[0].pickup == take_off - timedelta(hours=3, minutes=5)  # the bulk reader too
    undone = undo.invert(db, timed, versions)
    assert get_leg(db, leaving.id).pickup is None and undone.after.pickup is None
    undo.invert(db, undone, versions)
    assert get_leg(db, leaving.id).pickup == take_off - timedelta(hours=3, minutes=5)
    deleted = delete_leg(db, leaving.id)
    undo.invert(db, deleted)
    assert get_leg(db, leaving.id).pickup == take_off - timedelta(hours=3, minutes=5)  # restored with the deleted leg


def test_a_pick_up_after_the_departure_is_refused_and_nothing_is_written(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    take_off = datetime(2016, 10, 27, 6, 5, tzinfo=UTC)
    leaving = create_leg(db, _leg(member.id, direction=LegDirection.DEPARTURE, departure=take_off,
                                  departure_timezone="Asia/Shanghai", arrival=None)).after
    with pytest.raises(ValidationErrors) as caught:
        update_leg(db, leaving.evolve(pickup=take_off + timedelta(minutes=10)))
    assert [e.field for e in caught.value.errors] == ["pickup"]
    assert get_leg(db, leaving.id) == leaving


def test_a_removed_member_comes_back_with_the_pick_up_time(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    take_off = datetime(2016, 10, 27, 6, 5, tzinfo=UTC)
    leg = create_leg(db, _leg(member.id, direction=LegDirection.DEPARTURE, departure=take_off, departure_timezone="Asia/Shanghai",
                              arrival=None, vehicle_id=_car(db, trip.id).id, pickup=take_off - timedelta(hours=2))).after
    restore.restore_member(db, delegation.remove_member(db, member.id))
    assert get_leg(db, leg.id).pickup == take_off - timedelta(hours=2)
