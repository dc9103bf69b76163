"""The compiled schema check: never more lenient than jsonschema, and quick for a sound trip file."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.importing.schema_compiler import compile_schema
from planner.importing.tripfile_schema import _quick_check, schema_problems, trip_file_validator
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


def test_values_are_compared_as_jsonschema_compares_them() -> None:
    check = compile_schema({"properties": {"v": {"const": 1}, "n": {"type": "integer"}, "s": {"maxLength": 2}}})
    assert check is not None
    assert check({"v": 1}) and check({"v": 1.0})
    assert not check({"v": True}) and not check({"v": "1"})
    assert check({"n": 3}) and check({"n": 3.0})
    assert not check({"n": True}) and not check({"n": 3.5})
    assert check({"s": "汉诺"}) and not check({"s": "汉诺威"})  # code points, not bytes


def test_unknown_keywords_leave_the_decision_to_jsonschema() -> None:
    assert compile_schema({"type": "string", "format": "email"}) is None
    assert compile_schema({"oneOf": [{"type": "string"}]}) is None
    assert compile_schema({"enum": [[1], {"a": 1}]}) is None


def test_unique_items_of_other_values_than_strings_are_not_decided_here() -> None:
    check = compile_schema({"uniqueItems": True})
    assert check is not None
    assert check(["a", "b"]) and not check(["a", "a"])
    assert not check([1, True])  # jsonschema tells 1 and true apart; the compiled check does not try


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
def test_whatever_the_compiled_check_accepts_jsonschema_accepts(data: st.DataObject) -> None:
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
