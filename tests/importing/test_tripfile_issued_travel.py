"""A printout's own travel lines in the trip file's "issued" part: written, checked by the schema, read back, and a
file written before they were kept still imports (its copies compare no travel)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from planner.db.engine import Database
from planner.domain.enums import Language
from planner.domain.travel_legs import LegDirection
from planner.export.own_travel import travel_texts
from planner.export.tripfile import trip_document, write_trip_file
from planner.export.tripview import TripView
from planner.importing.tripfile import TripFileError, import_trip_file, read_trip_document
from planner.paths import DEMO_TRIPS, TRIP_FILE_SCHEMA
from planner.services import delegation, issuing
from planner.services.issued_history import load_issued
from planner.services.travel_legs import get_leg, trip_legs, update_leg


@pytest.fixture
def second_db(make_database: Callable[[str], Database]) -> Iterator[Database]:
    database = make_database("second")
    yield database
    database.close()


def _issued_demo(db: Database) -> tuple[int, int]:
    """The Shenzhen demo issued with travel, Daan de Vries's departure fetched by Car 2 at 21:00; (trip, his leg)."""
    trip = import_trip_file(db, next(DEMO_TRIPS.glob("hannover-shenzhen*.json"))).id
    car = next(v for v in TripView.load(db, trip).bundle.vehicles if v.label == "Car 2")
    leaving = next(leg for leg in trip_legs(db, trip) if leg.direction is LegDirection.DEPARTURE)
    update_leg(db, leaving.evolve(vehicle_id=car.id, pickup=datetime(2016, 10, 27, 13, tzinfo=UTC)))
    members = delegation.list_members(db, trip)
    issuing.issue(db, trip, issuing.languages_for(members), travel=travel_texts, issued_at=datetime(2016, 10, 20, 8, tzinfo=UTC))
    return trip, leaving.id or 0


def _copies(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [held for version in document["issued"] for held in version["copies"]]


def test_the_travel_lines_go_through_a_trip_file_and_still_tell_a_changed_pick_up(db: Database, second_db: Database, tmp_path: Path) -> None:
    trip, leg = _issued_demo(db)
    first = write_trip_file(db, trip, tmp_path / "first.json")
    document = json.loads(first.read_text(encoding="utf-8"))
    Draft202012Validator(json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8"))).validate(document)
    lines = [held["travel"] for held in _copies(document)]
    assert any(any(line.startswith("Pick-up at the hotel 21:00") or "21:00 GMT+8" in line for line in held) for held in lines)
    assert [] in lines  # a member without own travel: recorded as none, not left out
    assert [c.travel for r in load_issued(db, trip) for c in r.copies] == [tuple(held) for held in lines]

    imported = import_trip_file(second_db, first).id
    assert [c.travel for r in load_issued(second_db, imported) for c in r.copies] == [tuple(held) for held in lines]
    assert issuing.pending_changes(second_db, imported, travel=travel_texts).outdated == ()
    assert write_trip_file(second_db, imported, tmp_path / "second.json").read_bytes() == first.read_bytes()

    moved = next(x for x in trip_legs(second_db, imported) if x.direction is LegDirection.DEPARTURE)
    update_leg(second_db, moved.evolve(pickup=datetime(2016, 10, 27, 12, tzinfo=UTC)))
    outdated = issuing.pending_changes(second_db, imported, travel=travel_texts).outdated
    assert [c.member.id for c in outdated] == [moved.membership_id] and outdated[0].travel is not None
    assert get_leg(db, leg).pickup == datetime(2016, 10, 27, 13, tzinfo=UTC)  # the original is untouched


def test_a_file_written_before_travel_was_kept_imports_and_compares_none(db: Database, second_db: Database, tmp_path: Path) -> None:
    trip, _leg = _issued_demo(db)
    document = trip_document(db, trip)
    for held in _copies(document):
        del held["travel"]
    Draft202012Validator(json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8"))).validate(document)
    assert all(c.travel is None for r in read_trip_document(document).issued for c in r.copies)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    imported = import_trip_file(second_db, old).id
    assert all(c.travel is None for r in load_issued(second_db, imported) for c in r.copies)
    moved = next(x for x in trip_legs(second_db, imported) if x.direction is LegDirection.DEPARTURE)
    update_leg(second_db, moved.evolve(pickup=datetime(2016, 10, 27, 12, tzinfo=UTC)))
    assert issuing.pending_changes(second_db, imported, travel=travel_texts).outdated == ()


def test_travel_that_is_not_a_list_of_lines_is_refused_by_path(db: Database) -> None:
    trip, _leg = _issued_demo(db)
    document = trip_document(db, trip)
    _copies(document)[0]["travel"] = "Leaving: ZZ 9653"
    with pytest.raises(TripFileError) as caught:
        read_trip_document(document)
    assert [p.path for p in caught.value.problems] == ["$.issued[0].copies[0].travel"]
    _copies(document)[0]["travel"] = [Language.EN.value, 3]
    with pytest.raises(TripFileError) as caught:
        read_trip_document(document)
    assert [p.path for p in caught.value.problems] == ["$.issued[0].copies[0].travel[1]"]

