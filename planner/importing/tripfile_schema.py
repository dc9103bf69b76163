"""Checking a trip file against its JSON Schema, in the planner's own words.

The schema (docs/trip-file.schema.json) is the formal definition that other
tools can use too; the planner checks against that same file so the two never
drift apart. jsonschema's own messages are English and name schema internals,
so each kind of failure is put into a translatable message here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, ValidationError

from planner.domain.errors import PlannerError
from planner.i18n import N_
from planner.importing.tripfile_errors import Location, TripFileProblem, shown
from planner.paths import TRIP_FILE_SCHEMA

#: What a value that does not match a pattern of the schema should have looked like, by the pattern as
#: docs/trip-file.schema.json writes it (a test checks that every pattern there has its message here).
PATTERN_MESSAGES: dict[str, str] = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": N_("“{value}” is not a date in the form YYYY-MM-DD."),
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?$":
        N_("“{value}” is not a local time with its UTC offset, like 2016-10-24T09:30:00+08:00."),
    "\\S": N_("This must not be empty."),
    "^([A-Z]{2})?$": N_("“{value}” is not a two-letter country code in capitals (e.g. CN, DE)."),
    "^[A-Z]{3}$": N_("“{value}” is not a currency code like EUR or CNY."),
    "^[A-Za-z0-9+/]*={0,2}$": N_("The portrait data is not base64 text."),
    "^i[1-9][0-9]*$": N_("“{value}” does not name a programme entry; write i1 for the first entry of “programme”, i2 for the second, and so on."),
    "^([A-Z]{3})?$": N_("“{value}” is not a currency code like EUR or CNY."),
}

_TYPE_MESSAGES: dict[tuple[str, ...], str] = {
    ("string",): N_("Expected text, found {found}."),
    ("integer",): N_("Expected a whole number, found {found}."),
    ("number",): N_("Expected a number, found {found}."),
    ("object",): N_("Expected an object {{…}}, found {found}."),
    ("array",): N_("Expected a list […], found {found}."),
    ("null", "string"): N_("Expected text or null, found {found}."),
    ("null", "number"): N_("Expected a number or null, found {found}."),
    ("array", "string"): N_("Expected “all” or a list of person keys, found {found}."),
}

_LANGUAGES = {"de", "zh", "en"}
_UNKNOWN_FIELD = N_("Unknown field “{name}”.")
_UNKNOWN_LANGUAGE = N_("“{name}” is not a language of the trip file; use de, zh or en.")


@lru_cache(maxsize=1)
def trip_file_validator() -> Draft202012Validator:
    """The validator for the schema file; a missing or broken schema is an installation fault."""
    try:
        schema = json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, SchemaError) as exc:
        raise PlannerError(
            N_("The trip-file schema {path} is missing or damaged; please reinstall the planner."), path=str(TRIP_FILE_SCHEMA)
        ) from exc
    return Draft202012Validator(_inline_references(schema, schema.get("$defs", {})))


def _inline_references(node: Any, definitions: dict[str, Any]) -> Any:
    """The schema with its local `$ref`s replaced by what they name: the same rules, checked twice as fast.

    The trip-file schema has no recursive definitions, so this ends; keywords
    beside a `$ref` apply together with it, as in draft 2020-12.
    """
    if isinstance(node, list):
        return [_inline_references(n, definitions) for n in node]
    if not isinstance(node, dict):
        return node
    result = {k: _inline_references(v, definitions) for k, v in node.items() if k not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/") and ref[len("#/$defs/"):] in definitions:
        target = _inline_references(definitions[ref[len("#/$defs/"):]], definitions)
        if set(target) & set(result) - {"title", "description", "$comment"}:
            result["allOf"] = [*result.get("allOf", []), target]
        else:
            result = {**target, **result}
    elif ref is not None:
        result["$ref"] = ref
    return result


#: Keywords the quick check applies with jsonschema's meaning. fastjsonschema has no draft 2020-12
#: generator and compiles such a schema with its 2019-09 one; for these keywords the two drafts agree.
#: It silently skips keywords it does not know (prefixItems, unevaluatedProperties, $dynamicRef, …), so
#: a schema with any other keyword gets no quick check rather than a more lenient one.
_QUICK_KEYWORDS = frozenset({
    "type", "enum", "const", "properties", "required", "additionalProperties", "minProperties", "items", "minItems",
    "uniqueItems", "minLength", "maxLength", "pattern", "minimum", "maximum", "if", "then", "allOf", "$ref",
    "$schema", "$id", "$comment", "title", "description", "examples", "$defs",
})


def _quick_schema(node: Any) -> Any:
    """The schema as fastjsonschema reads it the way draft 2020-12 means it, or None if it cannot be.

    fastjsonschema follows draft 7 in ignoring every keyword beside a `$ref`;
    in 2020-12 they apply together with it (the trip file's `name` is a
    `localized` text with `minProperties`), so the `$ref` moves into an `allOf`.
    Only local references are kept: fastjsonschema would fetch any other over the network.
    """
    if isinstance(node, list):
        parts = [_quick_schema(n) for n in node]
        return None if any(p is None for p in parts) else parts
    if not isinstance(node, dict):
        return node
    if not set(node) <= _QUICK_KEYWORDS:
        return None
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("properties", "$defs"):  # names, not keywords
            inner = {name: _quick_schema(sub) for name, sub in value.items()}
            if any(sub is None for sub in inner.values()):
                return None
            result[key] = inner
        elif key in ("enum", "const", "required", "examples") or not isinstance(value, (dict, list)):
            result[key] = value
        elif (converted := _quick_schema(value)) is None:
            return None
        else:
            result[key] = converted
    ref = result.get("$ref")
    if ref is not None:
        if not (isinstance(ref, str) and ref.startswith("#")):
            return None
        if set(result) - {"$ref", "title", "description", "$comment"}:
            del result["$ref"]
            result["allOf"] = [*result.get("allOf", []), {"$ref": ref}]
    return result


#: From how many entries (people, venues, programme items, …) a document is checked by the compiled
#: check first. Compiling it takes about 55 ms, once per process; jsonschema walks a demo file of
#: about 80 entries in about 10 ms, so below some 500 entries the walk alone is quicker.
QUICK_CHECK_FROM = 500


def _entries(document: Any) -> int:
    """How many entries the document's top-level lists hold: what the time of a check grows with."""
    if not isinstance(document, dict):
        return 0
    return sum(len(value) for value in document.values() if isinstance(value, list))


@lru_cache(maxsize=1)
def _quick_check() -> Callable[[Any], bool] | None:
    """The schema compiled by fastjsonschema into a yes-or-no check, or None if it cannot be.

    Formats are not checked and no defaults are filled in, as jsonschema's
    validator here does neither; the document is never changed.
    """
    schema = _quick_schema(json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8")))
    if schema is None:
        return None
    validate = fastjsonschema.compile(schema, use_default=False, use_formats=False)

    def check(document: Any) -> bool:
        try:
            validate(document)
        except fastjsonschema.JsonSchemaValueException:
            return False
        return True

    return check


def schema_problems(document: Any) -> list[TripFileProblem]:
    """Every place where `document` breaks the schema, one problem per place.

    A big sound document passes the check fastjsonschema compiled and is done
    in a fraction of the time; only a document that fails it is walked by
    jsonschema, which finds and places every problem. A small one is walked
    at once while the check is not compiled yet: that takes less time than
    compiling it (see QUICK_CHECK_FROM).
    """
    trip_file_validator()  # a missing or damaged schema is reported as such, before anything is compiled
    if _quick_check.cache_info().currsize or _entries(document) >= QUICK_CHECK_FROM:  # compiled already, or worth it
        quick = _quick_check()
        if quick is not None and quick(document):
            return []
    seen: set[Location] = set()
    problems: list[TripFileProblem] = []
    for error in trip_file_validator().iter_errors(document):
        for problem in _translate(error):
            if problem.location not in seen:
                seen.add(problem.location)
                problems.append(problem)
    return problems


def blocks_reading(problem: TripFileProblem) -> bool:
    """False for a field the schema does not know: the fields around it can still be read and checked."""
    return problem.msgid not in (_UNKNOWN_FIELD, _UNKNOWN_LANGUAGE)


def _translate(error: ValidationError) -> Iterator[TripFileProblem]:
    where: Location = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    rule: Any = error.validator_value
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    if kind == "required":
        for name in rule:
            if isinstance(value, dict) and name not in value:
                yield TripFileProblem.at(where + (name,), N_("This field is required."))
    elif kind == "additionalProperties":
        known = set(schema.get("properties", {}))
        for name in value:
            if name in known:
                continue
            if known == _LANGUAGES:
                yield TripFileProblem.at(where + (name,), _UNKNOWN_LANGUAGE, name=name)
            else:
                yield TripFileProblem.at(where + (name,), _UNKNOWN_FIELD, name=name)
    elif kind == "type":
        names = tuple(sorted([rule] if isinstance(rule, str) else rule))
        msgid = _TYPE_MESSAGES.get(names, N_("Expected {expected}, found {found}."))
        yield TripFileProblem.at(where, msgid, expected=" | ".join(names), found=shown(value))
    elif kind == "enum":
        yield TripFileProblem.at(
            where, N_("“{value}” is not allowed here; use one of: {allowed}."), value=shown(value), allowed=", ".join(map(str, rule))
        )
    elif kind == "const":
        if where and where[-1] == "participants":
            yield TripFileProblem.at(where, _TYPE_MESSAGES[("array", "string")], found=shown(value))
        else:
            yield TripFileProblem.at(where, N_("Expected {expected}, found {found}."), expected=shown(rule), found=shown(value))
    elif kind == "pattern":
        yield TripFileProblem.at(where, PATTERN_MESSAGES.get(rule, N_("“{value}” does not have the expected form.")), value=shown(value))
    elif kind == "minLength":
        yield TripFileProblem.at(where, N_("This must not be empty."))
    elif kind == "maxLength":
        yield TripFileProblem.at(where, N_("Too long: at most {limit} characters."), limit=rule)
    elif kind == "minimum":
        yield TripFileProblem.at(where, N_("{value} is too small: the least allowed is {limit}."), value=shown(value), limit=rule)
    elif kind == "maximum":
        yield TripFileProblem.at(where, N_("{value} is too large: the most allowed is {limit}."), value=shown(value), limit=rule)
    elif kind == "minItems":
        yield TripFileProblem.at(where, N_("The list must not be empty."))
    elif kind == "uniqueItems":
        yield TripFileProblem.at(where, N_("The list names the same entry more than once."))
    elif kind == "minProperties":
        yield TripFileProblem.at(where, N_("Give this text in at least one language (de, zh or en)."))
    else:  # a keyword added to the schema without a message here
        yield TripFileProblem.at(where, N_("Not allowed here: {detail}"), detail=error.message)
