"""Whatever a trip file holds, importing it either brings the trip in faithfully or refuses it whole.

Valid documents are damaged at random (any JSON value put anywhere, fields
dropped or added, text fields rewritten, the raw text or bytes spliced); the
import must then either succeed with exactly what the file says, or raise
TripFileError without a single row written. Any other exception is a bug.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from sqlalchemy import func, select

from planner.db import models as m
from planner.db.engine import Database
from planner.export.tripfile import bundle_document, render_trip_document, trip_document
from planner.importing.tripfile import TripFileError, read_trip_document
from planner.paths import TRIP_FILE_SCHEMA
from planner.services.transfer import TripBundle, import_trip_bundle
from tests.sample_trips import build_shenzhen_trip

Location = tuple[str | int, ...]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALIDATOR = Draft202012Validator(json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8")))

# Plain text fields that the import keeps as given, apart from trimming blanks at the ends.
TEXT_FIELDS = {
    "family_name", "given_name", "native_name", "dietary_needs", "accessibility_needs", "notes", "address_local",
    "address_romanised", "name",
}
LANGUAGES = {"de", "zh", "en"}


@pytest.fixture(scope="module")
def base(make_database: Callable[[str], Database]) -> dict[str, Any]:
    source = make_database("source")
    try:
        return trip_document(source, build_shenzhen_trip(source))
    finally:
        source.close()


@pytest.fixture(scope="module")
def target(make_database: Callable[[str], Database]) -> Iterator[Database]:
    """One database for all examples: each must leave it as it was or add exactly one whole trip."""
    database = make_database("target")
    yield database
    database.close()


def counts(db: Database) -> dict[str, int]:
    with db.reading() as s:
        tables = (m.Trip, m.Person, m.Membership, m.Venue, m.VenueContact, m.ProgrammeItem)
        result = {t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in tables}
        result["item_participant"] = s.scalar(select(func.count()).select_from(m.item_participant)) or 0
        return result


def expected_growth(bundle: TripBundle) -> dict[str, int]:
    return {
        "trip": 1,
        "person": len(bundle.people),
        "membership": len(bundle.members),
        "venue": len(bundle.venues),
        "venue_contact": sum(len(v.contacts) for v in bundle.venues),
        "programme_item": len(bundle.items),
        "item_participant": sum(len(i.participant_ids) for i in bundle.items if not i.everyone),
    }


def attempt(db: Database, payload: Any) -> dict[str, Any] | None:
    """Import `payload`; the exported result if it went in, None if it was refused whole."""
    before = counts(db)
    try:
        bundle = read_trip_document(payload)
        change = import_trip_bundle(db, bundle)
    except TripFileError as error:
        assert counts(db) == before
        assert error.problems or error.message()
        for problem in error.problems:
            assert problem.path.startswith("$") and problem.message
        return None
    after = counts(db)
    growth = expected_growth(bundle)
    assert {k: after[k] - before[k] for k in after} == growth
    exported = trip_document(db, change.id)
    # What the database gives back is what the reader understood the file to say.
    assert exported == bundle_document(bundle)
    VALIDATOR.validate(exported)
    # And that is stable: reading the export again changes nothing.
    assert bundle_document(read_trip_document(render_trip_document(exported))) == exported
    return exported


def locations(node: Any, where: Location = ()) -> list[Location]:
    found = [where]
    if isinstance(node, dict):
        for key, value in node.items():
            found += locations(value, where + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += locations(value, where + (index,))
    return found


def parent_and_key(document: Any, where: Location) -> tuple[Any, str | int]:
    node = document
    for part in where[:-1]:
        node = node[part]
    return node, where[-1]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30)
    | st.sampled_from([
        "all", "p1", "p2", "p9", "v1", "v2", "c1", "c3", "", " ", "2016-10-24", "2016-02-30", "2016-10-24T09:30:00+08:00",
        "2016-10-24T09:30:00+02:00", "Asia/Shanghai", "Europe/Berlin", "CN", "cn", "de", "head", "museum", "meal",
    ]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=8,
)


@SETTINGS
@given(data=st.data())
def test_any_value_anywhere(base: dict[str, Any], target: Database, data: st.DataObject) -> None:
    document = copy.deepcopy(base)
    where = data.draw(st.sampled_from(locations(document)[1:]), label="where")
    parent, key = parent_and_key(document, where)
    action = data.draw(st.sampled_from(["replace", "delete", "add"]), label="action")
    if action == "replace":
        parent[key] = data.draw(json_values, label="value")
    elif action == "delete":
        del parent[key]
    else:
        target_node = parent[key]
        if isinstance(target_node, dict):
            target_node[data.draw(st.text(max_size=12), label="name")] = data.draw(json_values, label="value")
        elif isinstance(target_node, list):
            target_node.insert(data.draw(st.integers(0, len(target_node))), data.draw(json_values, label="value"))
        else:
            parent[key] = [target_node, data.draw(json_values, label="value")]
    event("imported" if attempt(target, document) is not None else "refused")


@SETTINGS
@given(data=st.data())
def test_any_text_in_a_text_field(base: dict[str, Any], target: Database, data: st.DataObject) -> None:
    document = copy.deepcopy(base)
    text_places = [
        w for w in locations(document)
        if w and isinstance(w[-1], str) and (w[-1] in TEXT_FIELDS or w[-1] in LANGUAGES) and "key" not in w
    ]
    where = data.draw(st.sampled_from(text_places), label="where")
    text = data.draw(st.text(max_size=60) | st.sampled_from(["🇩🇪\u200d", "\u202e", "e\u0301", "𠀀", "\\n", "\r\n", "\u2028"]), label="text")
    parent, key = parent_and_key(document, where)
    parent[key] = text
    exported = attempt(target, document)
    event("imported" if exported is not None else "refused")
    if exported is not None:
        parent, key = parent_and_key(exported, where)
        kept = parent[key]
        assert kept in (text, text.strip())
        expected = copy.deepcopy(document)
        parent, key = parent_and_key(expected, where)
        parent[key] = kept
        assert exported == expected


@SETTINGS
@given(data=st.data())
def test_any_splice_of_the_raw_text(base: dict[str, Any], target: Database, data: st.DataObject) -> None:
    text = render_trip_document(base)
    start = data.draw(st.integers(0, len(text)), label="start")
    end = data.draw(st.integers(start, min(len(text), start + 40)), label="end")
    insert = data.draw(st.text(max_size=20) | st.sampled_from(['"', "\\", "\\ud800", "{", "]", ",", "\\u0000", "NaN", "1e999"]), label="insert")
    event("imported" if attempt(target, text[:start] + insert + text[end:]) is not None else "refused")


@SETTINGS
@given(data=st.data())
def test_any_splice_of_the_raw_bytes(base: dict[str, Any], target: Database, data: st.DataObject) -> None:
    raw = render_trip_document(base).encode("utf-8")
    start = data.draw(st.integers(0, len(raw)), label="start")
    end = data.draw(st.integers(start, min(len(raw), start + 8)), label="end")
    spliced = raw[:start] + data.draw(st.binary(max_size=8), label="bytes") + raw[end:]
    event("imported" if attempt(target, spliced) is not None else "refused")


def test_the_unchanged_document_goes_in(base: dict[str, Any], target: Database) -> None:
    exported = attempt(target, copy.deepcopy(base))
    assert exported == base
