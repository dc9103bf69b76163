"""The quick check fastjsonschema compiles: never more lenient than jsonschema, and used where it pays."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.importing.tripfile_schema import (
    QUICK_CHECK_FROM,
    _quick_check,
    _quick_schema,
    schema_problems,
    trip_file_validator,
)
from planner.paths import DEMO_TRIPS

DEMOS = sorted(DEMO_TRIPS.glob("*.json"))


def _demo(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _valid(document: Any) -> bool:
    return not any(True for _ in trip_file_validator().iter_errors(document))


def test_the_trip_file_schema_compiles_and_the_demo_files_pass() -> None:
    check = _quick_check()
    assert check is not None
    for path in DEMOS:
        document = _demo(path)
        assert check(document)
        assert _valid(document)
        assert schema_problems(document) == []


def test_a_broken_file_is_still_reported_in_full_by_jsonschema() -> None:
    document = _demo(DEMOS[0])
    document["programme"][0]["start"] = "24.10.2016 09:30"
    document["people"][1]["preferred_language"] = "fr"
    check = _quick_check()
    assert check is not None and not check(document)
    paths = {p.path for p in schema_problems(document)}
    assert {"$.programme[0].start", "$.people[1].preferred_language"} <= paths


def test_keywords_beside_a_ref_apply_as_in_draft_2020_12() -> None:
    """fastjsonschema alone would drop `minProperties` beside the `$ref` of an emergency contact's name."""
    check = _quick_check()
    assert check is not None
    document = _demo(DEMOS[0])
    document["emergency_contacts"] = [{"name": {"de": "Generalkonsulat"}}]
    assert check(document) and _valid(document)
    document["emergency_contacts"] = [{"name": {}}]
    assert not check(document) and not _valid(document)
    assert [p.path for p in schema_problems(document)] == ["$.emergency_contacts[0].name"]


def test_values_are_compared_as_jsonschema_compares_them() -> None:
    check = _quick_check()
    assert check is not None
    document = _demo(DEMOS[0])
    for value, valid in ((1, True), (1.0, True), (True, False), ("1", False)):
        document["format_version"] = value
        assert check(document) is valid and _valid(document) is valid, value
    document = _demo(DEMOS[0])
    document["venues"][0]["name"]["de"] = "汉" * 200
    assert check(document) is _valid(document)


def test_a_schema_the_check_cannot_read_as_jsonschema_does_gets_no_quick_check() -> None:
    assert _quick_schema({"type": "array", "prefixItems": [{"type": "string"}]}) is None
    assert _quick_schema({"properties": {"a": {"unevaluatedProperties": False}}}) is None
    assert _quick_schema({"$ref": "https://example.org/other.json"}) is None
    assert _quick_schema({"$ref": "#/$defs/a", "minLength": 1}) == {"minLength": 1, "allOf": [{"$ref": "#/$defs/a"}]}
    assert _quick_schema({"properties": {"format": {"const": "x"}}}) == {"properties": {"format": {"const": "x"}}}


def test_a_small_file_is_walked_at_once_and_a_big_one_compiles_the_check() -> None:
    _quick_check.cache_clear()
    try:
        assert schema_problems(_demo(DEMOS[0])) == []
        assert _quick_check.cache_info().currsize == 0  # the walk was quicker than compiling
        big = _demo(DEMOS[0])
        big["programme"] = big["programme"] * (QUICK_CHECK_FROM // len(big["programme"]) + 1)
        assert schema_problems(big) == []
        assert _quick_check.cache_info().currsize == 1
        broken = _demo(DEMOS[1])
        broken["people"][0]["sex"] = "unknown"
        assert [p.path for p in schema_problems(broken)] == ["$.people[0].sex"]
    finally:
        _quick_check.cache_clear()


# --- never more lenient: random damage to a real file -----------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 2_000_000) | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", " ", "all", "p1", "v1", "c1", "de", "CN", "cn", "2016-10-24", "2016-10-24T09:30:00+08:00",
                       "2016-10-24T09:30:00Z", "Asia/Shanghai", "meeting", "head", "x" * 300])
    | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["de", "zh", "en", "fr", "key", "x"]), inner, max_size=3),
    max_leaves=6,
)


def _places(document: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) in the document."""
    found: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        node = stack.pop()
        keys = list(node) if isinstance(node, dict) else range(len(node)) if isinstance(node, list) else []
        for key in keys:
            found.append((node, key))
            stack.append(node[key])
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_whatever_the_quick_check_accepts_jsonschema_accepts(data: st.DataObject) -> None:
    check = _quick_check()
    assert check is not None
    document = copy.deepcopy(_demo(data.draw(st.sampled_from(DEMOS))))
    for _ in range(data.draw(st.integers(1, 3))):
        places = _places(document)
        container, key = places[data.draw(st.integers(0, len(places) - 1))]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            container[key] = data.draw(_json_values)
        elif action == "delete" and isinstance(container, dict):
            del container[key]
        elif isinstance(container, dict):
            container[data.draw(st.sampled_from(["de", "zh", "en", "fr", "key", "extra", "notes"]))] = data.draw(_json_values)
        else:
            container.append(data.draw(_json_values))
    if check(document):
        assert _valid(document)
