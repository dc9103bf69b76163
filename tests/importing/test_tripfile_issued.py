"""The trip file's "issued" part: an imported trip knows who holds which printout, as the original did."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, PersonData, TripData
from planner.domain.enums import ItemKind, Language
from planner.domain.localized import LocalizedText as L
from planner.export.tripfile import trip_document, write_trip_file
from planner.importing.tripfile import TripFileError, import_trip_file, read_trip_document
from planner.paths import TRIP_FILE_SCHEMA
from planner.services import delegation, issuing, people, programme, trips

SHANGHAI = "Asia/Shanghai"


@pytest.fixture
def second_db(make_database: Callable[[str], Database]) -> Iterator[Database]:
    database = make_database("second")
    yield database
    database.close()


def build_issued_trip(db: Database) -> int:
    """A trip issued twice, then changed: an item deleted, a member gone, another item moved."""
    trip = trips.create_trip(db, TripData(title=L(en="Visit", de="Besuch"), timezone=SHANGHAI, destination_country="CN",
                                          first_day=date(2016, 10, 24), last_day=date(2016, 10, 27))).id
    ids = {}
    for family, native, lang in (("Weil", "", Language.DE), ("Xu", "许勤", Language.ZH), ("Smith", "", Language.EN), ("Lee", "", Language.EN)):
        person = people.create_person(db, PersonData(family_name=family, given_name="A", native_name=native, preferred_language=lang)).id
        ids[family] = delegation.add_member(db, MembershipData(trip_id=trip, person_id=person)).id
    start = datetime(2016, 10, 24, 1, 30, tzinfo=UTC)

    def item(title: str, hours: int, **kw: object) -> int:
        data = ItemData(trip_id=trip, kind=ItemKind.MEETING, title=L(en=title, zh=f"{title}（中）"), start=start + timedelta(hours=hours),
                        end=start + timedelta(hours=hours + 1), timezone=SHANGHAI).evolve(**kw)
        return programme.create_item(db, data).id

    visit = item("Visit", 0)
    lunch = item("Lunch", 3, everyone=False, participant_ids=(ids["Weil"], ids["Lee"], ids["Xu"]))
    item("Talk", 26, everyone=False, participant_ids=(ids["Xu"], ids["Smith"]))
    issuing.issue(db, trip, issuing.languages_for(delegation.list_members(db, trip)), issued_at=datetime(2016, 10, 20, 8, 0, tzinfo=UTC))
    programme.delete_item(db, lunch)
    issuing.issue(db, trip, {ids["Weil"]: Language.DE}, issued_at=datetime(2016, 10, 21, 9, 30, tzinfo=UTC))
    delegation.remove_member(db, ids["Lee"])
    current = programme.get_item(db, visit)
    programme.move_item(db, visit, current.version, current.start + timedelta(hours=2))
    return trip


def summary(db: Database, trip: int) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    state = issuing.pending_changes(db, trip)
    return {
        c.member.person.family_name: [(d.item.title.en, tuple(d.kinds)) for d in c.changes] for c in state.outdated
    }


def test_the_history_goes_through_a_trip_file_and_back(db: Database, second_db: Database, tmp_path: Path) -> None:
    trip = build_issued_trip(db)
    before = summary(db, trip)
    assert before == {
        "Weil": [("Visit", ("moved",))],
        "Xu": [("Visit", ("moved",)), ("Lunch", ("cancelled",))],
        "Smith": [("Visit", ("moved",))],
    }
    first = write_trip_file(db, trip, tmp_path / "first.json")
    document = json.loads(first.read_text(encoding="utf-8"))
    Draft202012Validator(json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8"))).validate(document)
    issued = document["issued"]
    assert [(v["number"], v["issued_at"], [c["person"] for c in v["copies"]]) for v in issued] == [
        (1, "2016-10-20T08:00:00+00:00", ["p1", "p2", "p3"]),  # Lee's copy is not written: Lee is no longer on the trip
        (2, "2016-10-21T09:30:00+00:00", ["p1"]),
    ]
    first_version = issued[0]
    # Each item printed once per version, each language's delegation once; a copy names its items.
    assert [i["item"] for i in first_version["items"]] == ["i1", "x1", "i2"]
    assert first_version["items"][1]["participants"] == ["p1", "p2", "r1"]
    assert first_version["items"][0]["start"] == "2016-10-24T09:30:00+08:00"
    assert sorted(first_version["delegation"]) == ["de", "en", "zh"]
    assert first_version["delegation"]["zh"][1] == {"person": "p2", "name": "许勤"}
    assert first_version["delegation"]["zh"][3]["person"] == "r1"  # Lee
    assert [(c["person"], c["language"], c["items"]) for c in first_version["copies"]] == [
        ("p1", "de", ["i1", "x1"]), ("p2", "zh", ["i1", "x1", "i2"]), ("p3", "en", ["i1", "i2"]),
    ]
    assert [i["item"] for i in issued[1]["items"]] == ["i1"] and list(issued[1]["delegation"]) == ["de"]

    change = import_trip_file(second_db, first)
    assert summary(second_db, change.id) == before
    assert [v.number for v in issuing.list_versions(second_db, change.id)] == [1, 2]
    second = write_trip_file(second_db, change.id, tmp_path / "second.json")
    assert second.read_bytes() == first.read_bytes()


def test_a_trip_never_issued_has_no_issued_part(db: Database) -> None:
    trip = trips.create_trip(db, TripData(title=L(en="Plain"), timezone=SHANGHAI, first_day=date(2016, 10, 24), last_day=date(2016, 10, 25))).id
    assert "issued" not in trip_document(db, trip)


def _broken(document: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> list[tuple[str, str]]:
    broken = copy.deepcopy(document)
    change(broken)
    with pytest.raises(TripFileError) as caught:
        read_trip_document(broken)
    return [(p.path, p.message) for p in caught.value.problems]


def test_bad_references_in_the_history_are_named_by_path(db: Database) -> None:
    document = trip_document(db, build_issued_trip(db))

    def holder_gone(d: dict[str, Any]) -> None:
        d["issued"][0]["copies"][0]["person"] = "r9"

    def no_such_entry(d: dict[str, Any]) -> None:
        d["issued"][0]["items"][0]["item"] = "i99"
        for held in d["issued"][0]["copies"]:
            held["items"] = ["i99" if name == "i1" else name for name in held["items"]]

    def twice(d: dict[str, Any]) -> None:
        d["issued"][1]["number"] = 1

    def wrong_offset(d: dict[str, Any]) -> None:
        d["issued"][0]["items"][0]["start"] = "2016-10-24T09:30:00+02:00"

    def listed_twice(d: dict[str, Any]) -> None:
        d["issued"][0]["items"].append(copy.deepcopy(d["issued"][0]["items"][0]))

    def not_in_version(d: dict[str, Any]) -> None:
        d["issued"][1]["copies"][0]["items"].append("i2")

    def copy_twice(d: dict[str, Any]) -> None:
        d["issued"][0]["copies"][0]["items"].append("i1")

    assert _broken(document, holder_gone) == [("$.issued[0].copies[0].person", "“r9” is not in the delegation, so cannot hold a printout.")]
    # The wrong entry is named where it is listed, not again at each copy that names it.
    assert [p for p, _m in _broken(document, no_such_entry)] == ["$.issued[0].items[0].item"]
    assert [p for p, _m in _broken(document, twice)] == ["$.issued[1].number"]
    assert [p for p, _m in _broken(document, wrong_offset)] == ["$.issued[0].items[0].start"]
    assert _broken(document, listed_twice) == [("$.issued[0].items[3].item", "“i1” is listed twice in this version's items.")]
    assert _broken(document, not_in_version) == [("$.issued[1].copies[0].items[1]", "“i2” is not among the items of this version.")]
    assert [p for p, _m in _broken(document, copy_twice)] == ["$.issued[0].copies[0].items"]
