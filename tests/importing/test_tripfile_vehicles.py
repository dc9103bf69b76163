"""The trip file's vehicles section: read with stand-in ids, kept through export and import, each mistake named by its place."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from planner.db.engine import Database
from planner.domain.vehicles import VehicleKind
from planner.export.tripfile import trip_document
from planner.importing.tripfile import read_trip_document
from planner.paths import DEMO_TRIPS
from planner.services.transfer import import_trip_bundle
from tests.importing.tripfile_support import assert_named_at

Document = dict[str, Any]


@pytest.fixture
def document() -> Document:
    return json.loads((DEMO_TRIPS / "hannover-shenzhen-2016.json").read_text(encoding="utf-8"))


def test_the_fleet_and_seats_are_read_with_stand_in_ids(document: Document) -> None:
    bundle = read_trip_document(document)
    assert [(v.id, v.label, v.kind, v.seats) for v in bundle.vehicles] == [
        (1, "Car 1", VehicleKind.CAR, 3), (2, "Car 2", VehicleKind.CAR, 3), (3, "Coach", VehicleKind.COACH, 45)]
    items = {i.id: i for i in bundle.items}
    assert [items[r.id].title.en for r in bundle.rides] == [
        "Arrival in Shenzhen and transfer to the hotel", "Official welcome and group photo", "Transfer to the airport"]
    assert bundle.rides[0].riders(1) == (1, 20, 22)  # the head of delegation, the interpreter, the host


def test_export_import_export_gives_the_demo_file_again(db: Database, document: Document) -> None:
    trip = import_trip_bundle(db, read_trip_document(document)).id
    assert trip_document(db, trip)["vehicles"] == document["vehicles"]


def test_arrivals_name_the_vehicle_that_picks_them_up_by_its_fleet_key(db: Database, document: Document) -> None:
    bundle = read_trip_document(document)
    assert [(leg.number, leg.vehicle_id) for leg in bundle.travel_legs] == [("ZZ 9731", 2), ("ZZ 9652", 2), ("ZZ 9653", None)]
    trip = import_trip_bundle(db, bundle).id
    written = trip_document(db, trip)
    assert written["travel_legs"] == document["travel_legs"]
    assert [leg.get("vehicle") for leg in written["travel_legs"]] == ["t2", "t2", None]  # absent without a pickup
    reordered = copy.deepcopy(document)  # the fleet's order decides the keys; the pickups follow their vehicle
    reordered["vehicles"]["fleet"].reverse()
    again = read_trip_document(reordered)
    assert {again.vehicles[leg.vehicle_id - 1].label for leg in again.travel_legs if leg.vehicle_id} == {"Car 2"}


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda d: d["vehicles"]["rides"][0]["seats"][0].update(vehicle="t9"), "$.vehicles.rides[0].seats[0].vehicle",
         "No vehicle in “fleet” has the key “t9”."),
        (lambda d: d["vehicles"]["rides"][0]["seats"][1]["people"].append("p1"), "$.vehicles.rides[0].seats[1].people[3]",
         "“p1” already has a seat on this item."),
        (lambda d: d["vehicles"]["rides"][0]["seats"][1]["people"].append("p21"), "$.vehicles.rides[0].seats[1].people[3]",
         "“p21” does not attend this item, so needs no seat."),
        (lambda d: d["vehicles"]["rides"][0].update(item="i99"), "$.vehicles.rides[0].item", "No programme entry is named “i99”"),
        (lambda d: d["vehicles"]["rides"][1].update(item="i2"), "$.vehicles.rides[1].item", "are already given in $.vehicles.rides[0]"),
        (lambda d: d["vehicles"]["rides"][0].update(motorcade=["t1", "t1"]), "$.vehicles.rides[0].motorcade[1]",
         "A vehicle can have only one place in the motorcade."),
        (lambda d: d["vehicles"]["fleet"][1].update(key="t1"), "$.vehicles.fleet[1].key", "The key “t1” is already used"),
        (lambda d: d["vehicles"]["fleet"][0].update(driver_phone="call the hotel"), "$.vehicles.fleet[0].driver_phone",
         "is not a valid phone number"),
        (lambda d: d["vehicles"]["fleet"][0].update(seats=0), "$.vehicles.fleet[0].seats", ""),
        (lambda d: d["travel_legs"][0].update(vehicle="t9"), "$.travel_legs[0].vehicle", "No vehicle in “fleet” has the key “t9”."),
        (lambda d: d.pop("vehicles"), "$.travel_legs[0].vehicle", "No vehicle in “fleet” has the key “t2”."),
    ],
)
def test_mistakes_are_named_by_their_place(document: Document, change: Callable[[Document], object], path: str, message: str) -> None:
    assert_named_at(document, change, path, message)
