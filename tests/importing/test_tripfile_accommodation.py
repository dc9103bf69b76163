"""Hotels and rooms in trip files: kept through export and import, mistakes named by their place,
and a room taken out of a file shows as a member without a bed once imported."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from planner.db.engine import Database
from planner.domain.checks import ProblemKind
from planner.export.tripfile import trip_document
from planner.importing.tripfile import read_trip_document
from planner.paths import DEMO_TRIPS
from planner.services.checks import check_trip
from planner.services.transfer import import_trip_bundle, load_trip_bundle
from tests.importing.tripfile_support import assert_named_at

Document = dict[str, Any]


@pytest.fixture
def document() -> Document:
    return json.loads((DEMO_TRIPS / "hannover-shenzhen-2016.json").read_text(encoding="utf-8"))


def _guest(doc: Document, person: str) -> tuple[Document, Document]:
    """The block holding `person`'s room, and the room."""
    for block in doc["accommodation"]:
        for guest in block["guests"]:
            if guest["person"] == person:
                return block, guest
    raise KeyError(person)


def test_the_demo_rooms_are_read_with_stand_in_ids(document: Document) -> None:
    bundle = read_trip_document(document)
    venues = {v.id: v for v in bundle.venues}
    assert {venues[b.venue_id].name.en for b in bundle.room_blocks} == {"InterContinental Shenzhen"}
    assert len(bundle.rooms) == 20  # everyone who travels; the local interpreter and the hosts sleep at home
    shared = [r for r in bundle.rooms if r.sharing_with]
    assert len(shared) == 6 and all(r.room_label for r in shared)


def test_export_import_export_keeps_them(db: Database, document: Document) -> None:
    first = import_trip_bundle(db, read_trip_document(document)).id
    second = import_trip_bundle(db, load_trip_bundle(db, first)).id  # not validated: the services check again
    assert trip_document(db, second) == trip_document(db, first) == document
    assert [p for p in check_trip(db, first) if p.kind in (ProblemKind.NO_BED, ProblemKind.ROOM_OVER_CAPACITY,
                                                            ProblemKind.BLOCK_OVERBOOKED)] == []


def test_a_room_taken_out_of_the_file_is_a_member_without_a_bed(db: Database, document: Document) -> None:
    edited = copy.deepcopy(document)
    block, guest = _guest(edited, "p3")
    block["guests"].remove(guest)
    trip = import_trip_bundle(db, read_trip_document(edited)).id
    problems = [p for p in check_trip(db, trip) if p.kind is ProblemKind.NO_BED]
    assert [p.message() for p in problems] == ["Martin Vogt has no room for their stay (24–26 October 2016)"]


def _two_rooms(d: Document) -> None:
    block, guest = _guest(d, "p2")
    block["guests"].append({**guest, "first_night": "2016-10-26", "last_night": "2016-10-26"})


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda d: d["accommodation"][0].update(hotel="v99"), "$.accommodation[0].hotel", "No venue in “venues” has the key “v99”."),
        (lambda d: d["accommodation"][0].update(hotel="v1"), "$.accommodation[0].hotel", "“v1” is not a hotel"),
        (lambda d: d["accommodation"][0].update(rooms=0), "$.accommodation[0].rooms", "is too small"),
        (lambda d: d["accommodation"][0].update(currency=""), "$.accommodation[0].currency", "is not a currency code"),
        (lambda d: d["accommodation"][0]["guests"][0].update(person="p99"), "$.accommodation[0].guests[0].person",
         "No person in “people” has the key “p99”."),
        (lambda d: d["accommodation"][0]["guests"][0].update(last_night="2016-10-01"), "$.accommodation[0].guests[0].last_night",
         "The last night must not be before the first."),
        (lambda d: d["accommodation"][0]["guests"][0].update(sharing_with=["p99"]), "$.accommodation[0].guests[0].sharing_with[0]",
         "No person in “people” has the key “p99”."),
        (_two_rooms, "$.accommodation", "A member has two rooms for the night of 2016-10-26."),
    ],
)
def test_mistakes_are_named_by_their_place(document: Document, change: Callable[[Document], object], path: str, message: str) -> None:
    assert_named_at(document, change, path, message)


def test_files_without_accommodation_still_import(db: Database, document: Document) -> None:
    old = copy.deepcopy(document)
    del old["accommodation"]
    bundle = read_trip_document(old)
    assert (bundle.room_blocks, bundle.rooms) == ((), ())
    trip = import_trip_bundle(db, bundle).id
    assert "accommodation" not in trip_document(db, trip)
    assert [p for p in check_trip(db, trip) if p.kind is ProblemKind.NO_BED] == []
