"""The JSON Schema of the trip file agrees with the domain, the writer, the reader and the documentation."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
import re
from collections.abc import Iterator
from enum import StrEnum
from datetime import UTC, datetime
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from planner.domain.accommodation import RoomAssignmentData, RoomBlockData
from planner.domain.localized import LocalizedText
from planner.domain.missions import suggested_contacts
from planner.services.emergency_contacts import save_emergency_contacts
from planner.services.travel_legs import create_leg
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.services import vehicles
from planner.domain.vehicles import VehicleData
from planner.db.engine import Database
from planner.domain.enums import (
    GiftDirection, ItemKind, Language, Role, SeatingArrangement, SeatSide, Sex, TripStatus, VenueKind, VisaStatus,
)
from planner.export.own_travel import travel_texts
from planner.export.tripfile import trip_document
from planner.importing.tripfile_schema import PATTERN_MESSAGES, schema_problems
from planner.paths import DOCS, TRIP_FILE_SCHEMA
from planner.services import accommodation, delegation, issuing, programme, venues
from tests.sample_trips import build_shenzhen_trip

SCHEMA: dict[str, Any] = json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8"))
DEFS: dict[str, Any] = SCHEMA["$defs"]


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_every_object_refuses_unknown_fields() -> None:
    objects = [n for n in _walk(SCHEMA) if n.get("type") == "object" or "object" in (n.get("type") or [])]
    assert len(objects) >= 12  # the document, localized text, trip, person, membership, visa, venue, contact, item, gift, seating, seat …
    assert {"trip", "person", "membership", "visa", "venue", "contact", "item", "gift", "seating", "seat"} <= set(DEFS)
    assert all(n.get("additionalProperties") is False for n in objects)


@pytest.mark.parametrize(
    ("where", "enum"),
    [
        (DEFS["trip"]["properties"]["status"], TripStatus),
        (DEFS["membership"]["properties"]["role"], Role),
        (DEFS["venue"]["properties"]["kind"], VenueKind),
        (DEFS["item"]["properties"]["kind"], ItemKind),
        (DEFS["person"]["properties"]["preferred_language"], Language),
        (DEFS["person"]["properties"]["sex"], Sex),
        (DEFS["visa"]["properties"]["status"], VisaStatus),
        (DEFS["gift"]["properties"]["direction"], GiftDirection),
        (DEFS["seat"]["properties"]["side"], SeatSide),
        (DEFS["seating"]["properties"]["arrangement"], SeatingArrangement),
    ],
)
def test_enumerations_are_exactly_the_domains(where: dict[str, Any], enum: type[StrEnum]) -> None:
    assert where["enum"] == [member.value for member in enum]


def test_multilingual_text_has_exactly_the_three_languages() -> None:
    assert set(DEFS["localized"]["properties"]) == {lang.value for lang in Language}


def test_every_pattern_has_a_message_for_the_user() -> None:
    patterns = {n["pattern"] for n in _walk(SCHEMA) if "pattern" in n}
    assert patterns == set(PATTERN_MESSAGES)


def _give_the_head_a_room(db: Database, trip: int) -> None:
    hotel = next(v for v in venues.list_venues(db) if v.kind is VenueKind.HOTEL)
    block = accommodation.create_block(db, RoomBlockData(trip_id=trip, venue_id=hotel.id, room_type=LocalizedText(en="Suite"),
                                                         rate=Decimal("2280"), currency="CNY")).after
    head = delegation.list_members(db, trip)[0]
    accommodation.assign_room(db, RoomAssignmentData(membership_id=head.id, block_id=block.id, first_night=date(2016, 10, 24),
                                                     last_night=date(2016, 10, 26)))


def test_the_writer_writes_exactly_the_fields_the_schema_knows(db: Database) -> None:
    trip = build_shenzhen_trip(db)
    doc = trip_document(db, trip)
    # "emergency_contacts", "travel_legs", "vehicles", "accommodation" and "follow_ups" only once the trip has any,
    # "issued" only once itineraries were issued (the briefing parts: test_tripfile_briefing.py)
    assert list(doc) == [name for name in SCHEMA["properties"]
                         if name not in ("issued", "emergency_contacts", "travel_legs", "vehicles", "accommodation", "follow_ups")]
    assert list(doc["trip"]) == list(DEFS["trip"]["properties"])
    assert list(doc["people"][0]) == [name for name in DEFS["person"]["properties"] if name not in ("biography", "portrait")]
    assert list(doc["delegation"][0]) == list(DEFS["membership"]["properties"])
    assert list(doc["venues"][1]) == list(DEFS["venue"]["properties"])
    assert list(doc["venues"][1]["contacts"][0]) == [name for name in DEFS["contact"]["properties"] if name not in ("biography", "portrait")]
    # host_person only where a person hosts, so files without person hosts stay as they were.
    assert list(doc["programme"][0]) == [name for name in DEFS["item"]["properties"] if name not in ("host_person", "briefing")]
    assert schema_problems(doc) == []
    item = programme.list_items(db, trip)[0]
    programme.update_item(db, item.evolve(host_contact_id=None, host_person_id=delegation.list_members(db, trip)[0].person.id))
    hosted = next(i for i in trip_document(db, trip)["programme"] if "host_person" in i)
    assert list(hosted) == [name for name in DEFS["item"]["properties"] if name != "briefing"]
    issuing.issue(db, trip, issuing.languages_for(delegation.list_members(db, trip)), travel=travel_texts)  # "travel" only then
    save_emergency_contacts(db, trip, suggested_contacts("DE", "CN", LocalizedText(en="Shenzhen")))
    first = delegation.list_members(db, trip)[0]
    car = vehicles.create_vehicle(db, VehicleData(trip_id=trip, label="Car 1", driver_name="Wang", driver_phone="+86 138 0000 0001")).id
    create_leg(db, TravelLegData(membership_id=first.id, number="LH 722", arrival=datetime(2016, 10, 24, 7, 10, tzinfo=UTC),
                                 arrival_timezone="Asia/Shanghai", vehicle_id=car))  # "vehicle" only with a pickup
    create_leg(db, TravelLegData(membership_id=first.id, direction=LegDirection.DEPARTURE, number="LH 723",
                                 departure=datetime(2016, 10, 27, 6, 5, tzinfo=UTC), departure_timezone="Asia/Shanghai",
                                 vehicle_id=car, pickup=datetime(2016, 10, 27, 3, tzinfo=UTC)))  # "pickup" only for a timed run
    vehicles.assign(db, item.id or 0, [first.id], car)
    vehicles.move_in_motorcade(db, item.id or 0, car, 0)
    _give_the_head_a_room(db, trip)
    doc = trip_document(db, trip)
    assert list(doc) == [name for name in SCHEMA["properties"] if name != "follow_ups"]
    assert list(doc["travel_legs"][0]) == [name for name in DEFS["travelLeg"]["properties"] if name != "pickup"]
    assert list(doc["travel_legs"][1]) == list(DEFS["travelLeg"]["properties"])
    assert list(doc["vehicles"]) == list(DEFS["vehicles"]["properties"])
    assert list(doc["vehicles"]["fleet"][0]) == list(DEFS["vehicle"]["properties"])
    assert list(doc["vehicles"]["rides"][0]) == list(DEFS["ride"]["properties"])
    assert list(doc["accommodation"][0]) == list(DEFS["roomBlock"]["properties"])
    assert list(doc["accommodation"][0]["guests"][0]) == list(DEFS["roomGuest"]["properties"])
    assert schema_problems(doc) == []
    assert list(doc["emergency_contacts"][0]) == list(DEFS["emergencyContact"]["properties"])
    assert list(doc["issued"][0]) == list(DEFS["issuedVersion"]["properties"])
    assert list(doc["issued"][0]["copies"][0]) == list(DEFS["issuedCopy"]["properties"])
    assert list(doc["issued"][0]["items"][0]) == list(DEFS["issuedItem"]["properties"])
    assert list(doc["issued"][0]["delegation"]["de"][0]) == ["person", "name"]
    assert schema_problems(doc) == []


def test_the_documentation_names_every_field_of_the_schema() -> None:
    page = (DOCS / "trip-file.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z_]+)(?:\[\])?`", page))
    fields = {name for n in _walk(SCHEMA) for name in n.get("properties", {})} - {"de", "zh", "en"}
    assert fields - named == set()
    for values in (TripStatus, Role, VenueKind, ItemKind):
        assert {m.value for m in values} <= named


@pytest.mark.parametrize(
    ("fragment", "definition", "valid"),
    [
        ({"en": "Text"}, "localized", True),
        ({"fr": "Texte"}, "localized", False),
        ({"en": ""}, "localized", False),
        ({"en": " \n"}, "localized", False),
        ("2016-10-24T09:30:00+08:00", "moment", True),
        ("2016-10-24T09:30+08:00", "moment", True),
        ("2016-10-24T09:30:00.5-03:30", "moment", True),
        ("2016-10-24T09:30:00Z", "moment", False),
        ("2016-10-24T09:30:00", "moment", False),
        ("2016-10-24", "date", True),
        ("24.10.2016", "date", False),
        ("", "country", True),
        ("CN", "country", True),
        ("cn", "country", False),
    ],
)
def test_value_definitions(fragment: Any, definition: str, valid: bool) -> None:
    schema = {"$schema": SCHEMA["$schema"], "$defs": DEFS, "$ref": f"#/$defs/{definition}"}
    assert Draft202012Validator(schema).is_valid(fragment) is valid


@pytest.mark.parametrize(
    ("participants", "valid"),
    [("all", True), (["p1"], True), (["p1", "p2"], True), ("everyone", False), ([], False), (["p1", "p1"], False), ([1], False), (None, False)],
)
def test_participants_are_all_or_a_list_of_distinct_keys(participants: Any, valid: bool) -> None:
    schema = {"$schema": SCHEMA["$schema"], "$defs": DEFS, **DEFS["item"]["properties"]["participants"]}
    assert Draft202012Validator(schema).is_valid(participants) is valid
