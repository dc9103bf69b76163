"""Visas, gifts and seating plans in trip files: kept through export and import, and every mistake named by its place."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from planner.db.engine import Database
from planner.domain.enums import SeatSide, VisaStatus
from planner.export.tripfile import trip_document
from planner.importing.tripfile import read_trip_document
from planner.importing.tripfile_errors import TripFileError
from planner.paths import DEMO_TRIPS
from planner.services.transfer import import_trip_bundle, load_trip_bundle
from tests.importing.tripfile_support import assert_named_at

Document = dict[str, Any]


@pytest.fixture
def document() -> Document:
    return json.loads((DEMO_TRIPS / "hannover-shenzhen-2016.json").read_text(encoding="utf-8"))


def _item(doc: Document, title: str) -> Document:
    return next(i for i in doc["programme"] if i["title"]["en"] == title)


BANQUET = "Evening banquet hosted by the Shenzhen Municipal Government"
MEETING = "Meeting with the Vice-Mayor of Shenzhen"


def test_the_protocol_parts_are_read_with_stand_in_ids(document: Document) -> None:
    bundle = read_trip_document(document)
    recorded = [v for v in bundle.visas if v.status is not VisaStatus.UNKNOWN]
    assert len(recorded) == 21 and {v.status for v in recorded} == {VisaStatus.GRANTED, VisaStatus.NOT_NEEDED}
    assert len(bundle.gifts) == 4 and len(bundle.seatings) == 1
    items = {i.id: i for i in bundle.items}
    assert items[bundle.seatings[0].item_id].title.en == BANQUET
    members = {m.id: m for m in bundle.members}
    people = {p.id: p for p in bundle.people}
    host = next(s for s in bundle.seatings[0].seats if s.side is SeatSide.HOST and s.place == 0 and not s.behind)
    assert people[members[host.membership_id].person_id].family_name == "Chen"


def test_export_import_export_keeps_them(db: Database, document: Document) -> None:
    first = import_trip_bundle(db, read_trip_document(document)).id
    second = import_trip_bundle(db, load_trip_bundle(db, first)).id  # not validated: the services check again
    assert trip_document(db, second) == trip_document(db, first) == document


def _share_a_seat(d: Document) -> None:
    """Put the second person at a table on the first one's chair (interpreters behind do not count)."""
    at_table = [seat for seat in _item(d, BANQUET)["seating"]["seats"] if not seat.get("behind")]
    at_table[1]["place"] = at_table[0]["place"]


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda d: _item(d, MEETING)["gifts"][0].update(member="p99"), "$.programme[5].gifts[0].member", "No person in “people” has the key “p99”."),
        (lambda d: _item(d, MEETING)["gifts"][0].update(currency="euro"), "$.programme[5].gifts[0].currency", "is not a currency code"),
        (lambda d: _item(d, MEETING)["gifts"][0].update(value=-3), "$.programme[5].gifts[0].value", "is too small"),
        (lambda d: _item(d, MEETING)["gifts"][0].update(description={}), "$.programme[5].gifts[0].description", ""),
        (_share_a_seat, "$.programme[9].seating.seats", "Two people cannot share one seat."),
        (lambda d: _item(d, BANQUET)["seating"]["seats"].append({"person": "p1", "side": "host", "place": 5}), "$.programme[9].seating.seats",
         "Everyone can have only one seat."),
        (lambda d: d["delegation"][0]["visa"].update(applied_on="2016-10-01", granted_on="2016-09-01"), "$.delegation[0].visa.granted_on",
         "A visa cannot be granted before it was applied for."),
        (lambda d: d["delegation"][0]["visa"].update(status="maybe"), "$.delegation[0].visa.status", ""),
        (lambda d: d["people"][0].update(sex="m"), "$.people[0].sex", ""),
    ],
)
def test_mistakes_are_named_by_their_place(document: Document, change: Callable[[Document], object], path: str, message: str) -> None:
    assert_named_at(document, change, path, message)


def test_a_seat_for_someone_who_does_not_attend(document: Document) -> None:
    broken = copy.deepcopy(document)
    press = next(i for i in broken["programme"] if isinstance(i["participants"], list) and "p1" not in i["participants"])
    press["seating"] = {"arrangement": "facing", "seats": [{"person": "p1", "side": "guest", "place": 0}]}
    index = broken["programme"].index(press)
    with pytest.raises(TripFileError) as caught:
        read_trip_document(broken)
    assert {p.path: p.message for p in caught.value.problems}[f"$.programme[{index}].seating.seats[0].person"] == (
        "Only members who attend the item can have a seat at it."
    )


def test_older_files_without_the_new_fields_still_import(db: Database, document: Document) -> None:
    old = copy.deepcopy(document)
    for person in old["people"]:
        for name in ("sex", "birth_date", "birth_place", "passport_issued"):
            del person[name]
    for member in old["delegation"]:
        del member["visa"]
    for item in old["programme"]:
        del item["gifts"], item["seating"]
    bundle = read_trip_document(old)
    assert (bundle.visas, bundle.gifts, bundle.seatings) == ((), (), ())
    exported = trip_document(db, import_trip_bundle(db, bundle).id)
    assert exported["delegation"][0]["visa"] == {"status": "", "applied_on": None, "granted_on": None, "valid_until": None}
