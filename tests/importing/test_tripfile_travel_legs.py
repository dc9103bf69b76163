"""Members' own legs in the trip file: written in time order with their clocks and a meeter's person key, read back
the same (byte for byte), a departure's pick-up time on its clock, the booking reference private, mistakes named by their path."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.travel_legs import LegDirection, LegKind, TravelLegData
from planner.export.tripfile import trip_document, write_trip_file
from planner.importing.tripfile import TripFileError, import_trip_file, read_trip_document
from planner.paths import TRIP_FILE_SCHEMA
from planner.services import delegation, people
from planner.services.travel_legs import create_leg, trip_legs
from tests.sample_trips import build_shenzhen_trip


@pytest.fixture
def second_db(make_database: Callable[[str], Database]) -> Iterator[Database]:
    database = make_database("second")
    yield database
    database.close()


def _with_legs(db: Database) -> int:
    """The Shenzhen trip: its second member lands on LH 722 met by an outsider, its first leaves by train."""
    trip_id = build_shenzhen_trip(db)
    first, second = delegation.list_members(db, trip_id)[:2]
    driver = people.create_person(db, PersonData(family_name="Chen", given_name="Jing", native_name="陈静")).after
    create_leg(db, TravelLegData(
        membership_id=second.id, direction=LegDirection.ARRIVAL, number="LH 722", origin="Frankfurt (FRA)", destination="Shenzhen (SZX)",
        departure=datetime(2016, 10, 23, 19, 50, tzinfo=UTC), departure_timezone="Europe/Berlin",
        arrival=datetime(2016, 10, 24, 7, 10, tzinfo=UTC), arrival_timezone="Asia/Shanghai", terminal="T3",
        booking_reference="K7XQ2M", met_by_person_id=driver.id, vehicle_note="City car 2", notes="Sample data",
    ))
    create_leg(db, TravelLegData(
        membership_id=first.id, direction=LegDirection.DEPARTURE, kind=LegKind.TRAIN, number="G 6012", origin="Shenzhen North",
        destination="Guangzhou South", departure=datetime(2016, 10, 27, 10, 0, tzinfo=UTC), departure_timezone="Asia/Shanghai",
    ))
    return trip_id


def test_legs_survive_export_import_export_byte_for_byte(db: Database, second_db: Database, tmp_path: Path) -> None:
    trip_id = _with_legs(db)
    first = write_trip_file(db, trip_id, tmp_path / "first.json")
    document = json.loads(first.read_text(encoding="utf-8"))
    Draft202012Validator(json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8"))).validate(document)
    legs = document["travel_legs"]
    assert [leg["number"] for leg in legs] == ["LH 722", "G 6012"]  # by the moment that matters: landing, then leaving
    assert legs[0]["departure"] == "2016-10-23T21:50:00+02:00"
    assert legs[0]["arrival"] == "2016-10-24T15:10:00+08:00" and legs[1]["arrival"] is None
    keys = {p["key"]: p["family_name"] for p in document["people"]}
    assert keys[legs[0]["met_by"]] == "Chen" and document["people"][-1]["family_name"] == "Chen"  # listed after the delegation

    change = import_trip_file(second_db, first)
    second = write_trip_file(second_db, change.id, tmp_path / "second.json")
    assert second.read_bytes() == first.read_bytes()
    [landing, leaving] = trip_legs(second_db, change.id)
    assert (landing.booking_reference, landing.vehicle_note, leaving.kind) == ("K7XQ2M", "City car 2", LegKind.TRAIN)
    assert people.get_person(second_db, landing.met_by_person_id).native_name == "陈静"


def test_without_private_data_leaves_out_the_booking_reference(db: Database) -> None:
    document = trip_document(db, _with_legs(db), include_private=False)
    assert all("booking_reference" not in leg for leg in document["travel_legs"])
    assert read_trip_document(document).travel_legs[0].booking_reference == ""


def test_a_trip_without_legs_writes_no_section(db: Database) -> None:
    assert "travel_legs" not in trip_document(db, build_shenzhen_trip(db))


def test_mistakes_in_a_leg_are_named_by_their_path(db: Database) -> None:
    document = trip_document(db, _with_legs(db))
    document["travel_legs"][0]["met_by"] = "p99"
    document["travel_legs"][0]["arrival"] = "2016-10-24T15:10:00+02:00"  # not Shanghai's offset
    document["travel_legs"][1]["person"] = "p77"
    with pytest.raises(TripFileError) as caught:
        read_trip_document(document)
    assert sorted((p.path, p.message) for p in caught.value.problems) == [
        ("$.travel_legs[0].arrival", "The offset of 2016-10-24T15:10:00+02:00 does not match Asia/Shanghai, which is at +08:00 then."),
        ("$.travel_legs[0].met_by", "No person in “people” has the key “p99”."),
        ("$.travel_legs[1].person", "No person in “people” has the key “p77”."),
    ]


def test_an_arrival_without_its_time_is_refused(db: Database) -> None:
    document = trip_document(db, _with_legs(db))
    document["travel_legs"][0]["arrival"] = None
    with pytest.raises(TripFileError) as caught:
        read_trip_document(document)
    assert [(p.path, p.message) for p in caught.value.problems] == [("$.travel_legs[0].arrival", "An arrival needs the time it arrives.")]


def _with_timed_run(db: Database) -> int:
    """As _with_legs, the train leaving 18:00 in Shenzhen reached by a car that fetches the member at 16:30."""
    from planner.domain.vehicles import VehicleData
    from planner.services.travel_legs import update_leg
    from planner.services.vehicles import create_vehicle

    trip_id = _with_legs(db)
    car = create_vehicle(db, VehicleData(trip_id=trip_id, label="Car 2", driver_name="Li Zhiqiang")).after
    leaving = next(leg for leg in trip_legs(db, trip_id) if leg.direction is LegDirection.DEPARTURE)
    update_leg(db, leaving.evolve(vehicle_id=car.id, pickup=datetime(2016, 10, 27, 8, 30, tzinfo=UTC), vehicle_note="Lobby"))
    return trip_id


def test_a_pick_up_time_is_written_on_the_departures_clock_and_read_back_byte_for_byte(
    db: Database, second_db: Database, tmp_path: Path,
) -> None:
    first = write_trip_file(db, _with_timed_run(db), tmp_path / "first.json")
    document = json.loads(first.read_text(encoding="utf-8"))
    Draft202012Validator(json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8"))).validate(document)
    landing, leaving = document["travel_legs"]
    assert "pickup" not in landing  # written only when set: a file without pick-up times stays as it was
    assert (leaving["pickup"], leaving["departure"]) == ("2016-10-27T16:30:00+08:00", "2016-10-27T18:00:00+08:00")
    change = import_trip_file(second_db, first)
    assert write_trip_file(second_db, change.id, tmp_path / "second.json").read_bytes() == first.read_bytes()
    [_landing, run] = trip_legs(second_db, change.id)
    assert run.pickup == datetime(2016, 10, 27, 8, 30, tzinfo=UTC) and run.vehicle_id is not None


def test_a_file_from_before_pick_up_times_still_imports(db: Database) -> None:
    document = trip_document(db, _with_timed_run(db))
    del document["travel_legs"][1]["pickup"]
    assert [leg.pickup for leg in read_trip_document(document).travel_legs] == [None, None]


def test_a_bad_pick_up_time_is_named_by_its_path(db: Database) -> None:
    document = trip_document(db, _with_timed_run(db))
    document["travel_legs"][1]["pickup"] = "16:30"
    with pytest.raises(TripFileError) as caught:
        read_trip_document(document)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("$.travel_legs[1].pickup", "“16:30” is not a local time with its UTC offset, like 2016-10-24T09:30:00+08:00.")]
    document["travel_legs"][1]["pickup"] = "2016-10-27T18:30:00+08:00"  # after the train leaves
    with pytest.raises(TripFileError) as caught:
        read_trip_document(document)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("$.travel_legs[1].pickup", "The pick-up at the hotel must be before the departure.")]
