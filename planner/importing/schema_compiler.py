"""A quick yes-or-no check of a document against a JSON Schema, for the common case of a sound file.

jsonschema walks a schema anew for every value and builds a validator object
at each step; for a trip file with thousands of programme items that took
seconds. This module turns the schema into nested Python functions once, which
then only answer "valid or not". A sound file is done with that; for a file
that is not, jsonschema runs as before and reports every problem with its
JSON path, so the messages do not change.

Only the keywords the trip-file schema uses are compiled, each with
jsonschema's meaning (draft 2020-12: true is not 1, 1.0 is an integer, lengths
count code points, patterns are searched, not matched). A schema with any other
keyword, or a value the compiled check is not sure about, gets None from
`compile_schema` or False from the check: the slow path then decides, so this
can make a check quicker but never more lenient.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

#: Keywords that only describe: they never make a document invalid.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "examples", "default", "$defs", "definitions"})
_SUPPORTED = frozenset({
    "type", "enum", "const", "properties", "required", "additionalProperties", "minProperties", "items", "minItems",
    "uniqueItems", "minLength", "maxLength", "pattern", "minimum", "maximum", "if", "then", "allOf",
}) | _ANNOTATIONS


class Unsupported(Exception):
    """The schema uses something this compiler does not know; use jsonschema alone."""


def compile_schema(schema: Any) -> Check | None:
    """A function that returns True only for documents valid against `schema` (refs inlined), or None."""
    try:
        return _compile(schema)
    except Unsupported:
        return None


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float))
    raise Unsupported(name)


def _compile(schema: Any) -> Check:
    if schema is True:
        return lambda _value: True
    if schema is False:
        return lambda _value: False
    if not isinstance(schema, Mapping):
        raise Unsupported(repr(schema))
    unknown = set(schema) - _SUPPORTED
    if unknown:
        raise Unsupported(", ".join(sorted(unknown)))
    checks: list[Check] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        for name in names:
            _is_type(None, name)  # an unknown type name is refused now, not at the first document
        checks.append(_type_check(tuple(names)))
    if "enum" in schema:
        checks.append(_strings_in(schema["enum"]))
    if "const" in schema:
        checks.append(_strings_in([schema["const"]]))
    checks += _string_checks(schema)
    checks += _number_checks(schema)
    checks += _object_checks(schema)
    checks += _array_checks(schema)
    if "if" in schema:
        condition = _compile(schema["if"])
        then = _compile(schema.get("then", True))
        checks.append(lambda value: not condition(value) or then(value))
    for part in schema.get("allOf", ()):
        checks.append(_compile(part))
    return _all_of(checks)


def _all_of(checks: list[Check]) -> Check:
    """One check that passes when all of `checks` pass (a loop: quicker than all() over a generator)."""
    if not checks:
        return lambda _value: True
    if len(checks) == 1:
        return checks[0]
    parts = tuple(checks)

    def check(value: Any) -> bool:
        for part in parts:
            if not part(value):
                return False
        return True

    return check


_SIMPLE_TYPES: dict[str, type | tuple[type, ...]] = {"string": str, "object": dict, "array": list}


def _type_check(names: tuple[str, ...]) -> Check:
    if len(names) == 1 and names[0] in _SIMPLE_TYPES:
        kind = _SIMPLE_TYPES[names[0]]
        return lambda value: isinstance(value, kind)
    return lambda value: any(_is_type(value, n) for n in names)


def _strings_in(allowed: list[Any]) -> Check:
    """enum and const of strings and whole numbers (1.0 equals 1, true does not), as jsonschema compares them.

    Other values (lists, objects, floats) follow jsonschema's deeper rules, so they are not compiled.
    """
    if not all(isinstance(a, str) or (isinstance(a, int) and not isinstance(a, bool)) for a in allowed):
        raise Unsupported("enum or const of other values than strings and whole numbers")
    texts = frozenset(a for a in allowed if isinstance(a, str))
    numbers = frozenset(a for a in allowed if not isinstance(a, str))

    def check(value: Any) -> bool:
        if isinstance(value, str):
            return value in texts
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value in numbers
        return False

    return check


def _string_checks(schema: Mapping[str, Any]) -> list[Check]:
    checks: list[Check] = []
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low is not None or high is not None:
        least, most = low if low is not None else 0, high
        checks.append(
            lambda value: not isinstance(value, str) or (least <= len(value) and (most is None or len(value) <= most))
        )
    if "pattern" in schema:
        search = re.compile(schema["pattern"]).search
        checks.append(lambda value: not isinstance(value, str) or search(value) is not None)
    return checks


def _number_checks(schema: Mapping[str, Any]) -> list[Check]:
    checks: list[Check] = []

    def number(value: Any) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    if "minimum" in schema:
        least = schema["minimum"]
        checks.append(lambda value: not number(value) or value >= least)
    if "maximum" in schema:
        most = schema["maximum"]
        checks.append(lambda value: not number(value) or value <= most)
    return checks


def _object_checks(schema: Mapping[str, Any]) -> list[Check]:
    checks: list[Check] = []
    properties = {name: _compile(sub) for name, sub in schema.get("properties", {}).items()}
    required = tuple(schema.get("required", ()))
    least = schema.get("minProperties")
    extra = schema.get("additionalProperties", True)
    extra_check = None if extra is True or extra is False else _compile(extra)
    if not (properties or required or least is not None or extra is not True):
        return checks

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        if least is not None and len(value) < least:
            return False
        for name in required:
            if name not in value:
                return False
        for name, item in value.items():
            sub = properties.get(name)
            if sub is not None:
                if not sub(item):
                    return False
            elif extra is False:
                return False
            elif extra_check is not None and not extra_check(item):
                return False
        return True

    checks.append(check)
    return checks


def _array_checks(schema: Mapping[str, Any]) -> list[Check]:
    checks: list[Check] = []
    if "items" in schema:
        if not isinstance(schema["items"], (Mapping, bool)):
            raise Unsupported("items as a list")
        each = _compile(schema["items"])

        def items(value: Any) -> bool:
            if isinstance(value, list):
                for v in value:
                    if not each(v):
                        return False
            return True

        checks.append(items)
    if "minItems" in schema:
        least = schema["minItems"]
        checks.append(lambda value: not isinstance(value, list) or len(value) >= least)
    if schema.get("uniqueItems") is True:
        # Strings alone are compared here; a list of anything else is left to jsonschema's own equality.
        checks.append(
            lambda value: not isinstance(value, list)
            or (all(isinstance(v, str) for v in value) and len(set(value)) == len(value))
        )
    elif schema.get("uniqueItems") not in (None, False):
        raise Unsupported("uniqueItems")
    return checks
