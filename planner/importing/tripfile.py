"""Reading a trip file (docs/trip-file.md) and importing it as a new trip.

A file is checked in full before anything is written: first that it is a
UTF-8 JSON trip file of a format version this planner knows, then against the
JSON Schema, then by the rules that need more than one value (keys and what
refers to them, offsets against time zones) and by the domain's own
validation. Every problem is collected with its JSON path, so the user fixes
a file in one round; a file with any problem imports nothing.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from pathlib import Path
from typing import Any

from planner.db.engine import Database
from planner.i18n import N_
from planner.importing.tripfile_errors import Location, TripFileError, TripFileProblem, shown
from planner.importing.tripfile_reader import TripDocumentReader
from planner.importing.tripfile_schema import blocks_reading, schema_problems
from planner.services.base import Change
from planner.domain.trip_bundle import TripBundle
from planner.services.transfer import TRIP_FILE_FORMAT, TRIP_FILE_VERSION, import_trip_bundle

__all__ = [
    "MAX_FILE_BYTES",
    "TripFileError",
    "TripFileProblem",
    "import_trip_file",
    "read_trip_document",
    "read_trip_file",
]

#: Larger files are refused unread: a real trip is a few hundred kilobytes.
MAX_FILE_BYTES = 50 * 1024 * 1024

_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def import_trip_file(db: Database, path: str | os.PathLike[str]) -> Change:
    """Import the trip file at `path` as a new trip (with new people and venues), all or nothing."""
    return import_trip_bundle(db, read_trip_file(path), validated=True)  # the reader validated every record


def read_trip_file(path: str | os.PathLike[str]) -> TripBundle:
    """The checked content of the trip file at `path`; raises TripFileError naming every problem."""
    file = Path(path).expanduser()
    try:
        if file.is_dir():
            raise TripFileError(N_("{path} is a folder, not a trip file."), path=str(file))
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(size, str(file))
        with file.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise TripFileError(N_("The trip file {path} does not exist."), path=str(file)) from exc
    except OSError as exc:
        raise TripFileError(N_("The trip file {path} cannot be read: {reason}"), path=str(file), reason=exc.strerror or str(exc)) from exc
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(len(data), str(file))
    return read_trip_document(data)


def read_trip_document(data: bytes | str | dict[str, Any]) -> TripBundle:
    """The checked content of a trip file given as its bytes, its text or its parsed JSON.

    The bundle's records refer to each other by stand-in ids numbered in file
    order (see TripBundle); raises TripFileError naming every problem.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if len(raw) > MAX_FILE_BYTES:
            raise _too_big(len(raw))
        text = _decode(raw)
    elif isinstance(data, str):
        if len(data) > MAX_FILE_BYTES:
            raise _too_big(len(data))
        text = data
    elif isinstance(data, dict):
        text = _dump(data)
    else:
        raise TripFileError(N_("A trip file must be given as JSON text or a JSON object, not as {found}."), found=type(data).__name__)
    document, repeated = _parse(text)
    _check_envelope(document)
    found = schema_problems(document)
    reader = TripDocumentReader(document, [p.location for p in found if blocks_reading(p)])
    bundle = reader.read()
    problems = _in_file_order(document, repeated + _surrogate_problems(document, text) + found + reader.problems)
    if problems or bundle is None:
        raise TripFileError.invalid(problems)
    return bundle


# --- the file as a whole -------------------------------------------------------------------


def _too_big(size: int, path: str | None = None) -> TripFileError:
    megabytes = f"{size / 1024 / 1024:.1f}"
    limit = MAX_FILE_BYTES // (1024 * 1024)
    if path is None:
        return TripFileError(N_("The trip file is too big ({size} MB); a trip file may have at most {limit} MB."), size=megabytes, limit=limit)
    return TripFileError(
        N_("The trip file {path} is too big ({size} MB); a trip file may have at most {limit} MB."), path=path, size=megabytes, limit=limit
    )


def _decode(raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise TripFileError(N_("The trip file is saved as UTF-16; please save it as UTF-8."))
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TripFileError(
            N_("The trip file is not UTF-8 text (the byte at position {position} is not valid UTF-8)."), position=exc.start
        ) from exc


def _dump(data: dict[str, Any]) -> str:
    """A parsed document back to text, so it is read exactly like a file (and non-JSON values are caught)."""
    try:
        return json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise TripFileError(N_("The trip document holds values that JSON cannot express: {reason}"), reason=str(exc)) from exc


class _Object(dict[str, Any]):
    """A JSON object that remembers the names it saw more than once (JSON allows it, we do not)."""

    repeated: list[str]


def _parse(text: str) -> tuple[Any, list[TripFileProblem]]:
    seen_repeats = False

    def build(pairs: list[tuple[str, Any]]) -> _Object:
        nonlocal seen_repeats
        obj = _Object()
        obj.repeated = []
        for name, value in pairs:
            if name in obj:
                obj.repeated.append(name)
                seen_repeats = True
            obj[name] = value
        return obj

    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not a JSON value")

    def finite(number: str) -> float:
        value = float(number)
        if value in (float("inf"), float("-inf")):
            raise ValueError(f"{number} is too large a number")
        return value

    if not text.strip():
        raise TripFileError(N_("The trip file is empty."))
    try:
        document = json.loads(text, object_pairs_hook=build, parse_constant=no_constant, parse_float=finite)
    except json.JSONDecodeError as exc:
        raise TripFileError(
            N_("The trip file is not valid JSON: {reason} (line {line}, column {column})."),
            reason=exc.msg, line=exc.lineno, column=exc.colno,
        ) from exc
    except ValueError as exc:
        raise TripFileError(N_("The trip file is not valid JSON: {reason}"), reason=str(exc)) from exc
    except RecursionError as exc:
        raise TripFileError(N_("The trip file is not valid JSON: it is nested too deeply.")) from exc
    repeated: list[TripFileProblem] = []
    if seen_repeats:
        for where, value in _walk(document):
            if isinstance(value, _Object):
                for name in dict.fromkeys(value.repeated):
                    repeated.append(TripFileProblem.at(where + (name,), N_("The field “{name}” appears more than once."), name=name))
    return document, repeated


def _walk(document: Any) -> list[tuple[Location, Any]]:
    """Every value with its location, parents first; iterative, since files may nest deeply."""
    found: list[tuple[Location, Any]] = []
    stack: list[tuple[Location, Any]] = [((), document)]
    while stack:
        where, value = stack.pop()
        found.append((where, value))
        if isinstance(value, dict):
            stack.extend((where + (k,), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((where + (i,), v) for i, v in reversed(list(enumerate(value))))
    return found


def _surrogate_problems(document: Any, text: str) -> list[TripFileProblem]:
    """Text with half a UTF-16 pair (`\\ud800`) cannot be stored or printed; name where it is."""
    if not (_ESCAPED_SURROGATE.search(text) or _SURROGATE.search(text)):
        return []
    problems = []
    for where, value in _walk(document):
        names = [k for k in value if _SURROGATE.search(k)] if isinstance(value, dict) else []
        for name in names:
            problems.append(TripFileProblem.at(where + (name,), N_("This field name contains a broken character (half of a UTF-16 pair).")))
        if isinstance(value, str) and _SURROGATE.search(value):
            problems.append(TripFileProblem.at(where, N_("This text contains a broken character (half of a UTF-16 pair).")))
    return problems


def _check_envelope(document: Any) -> None:
    """Is this a trip file at all, and one this planner can read? Nothing else is worth checking otherwise."""
    if not isinstance(document, dict):
        raise TripFileError(
            N_("This is not a trip file: it holds {found} instead of a JSON object."), found=shown(document)
        )
    if "format" not in document:
        raise TripFileError.invalid([TripFileProblem.at(("format",), N_("This is not a trip file of the delegation planner: the field “format” is missing."))])
    if document["format"] != TRIP_FILE_FORMAT:
        raise TripFileError.invalid([TripFileProblem.at(
            ("format",), N_("This is not a trip file of the delegation planner: “format” is “{value}”, not “{expected}”."),
            value=shown(document["format"]), expected=TRIP_FILE_FORMAT,
        )])
    version = document.get("format_version")
    if "format_version" not in document:
        problem = TripFileProblem.at(("format_version",), N_("The format version is missing."))
    elif isinstance(version, bool) or not isinstance(version, (int, float)) or version != int(version):
        problem = TripFileProblem.at(("format_version",), N_("The format version must be a whole number, not {value}."), value=shown(version))
    elif version > TRIP_FILE_VERSION:
        problem = TripFileProblem.at(
            ("format_version",),
            N_("This trip file was written by a newer version of the planner (format version {version}; this planner reads format version {supported}). Please update the planner to import it."),
            version=int(version), supported=TRIP_FILE_VERSION,
        )
    elif version < TRIP_FILE_VERSION:
        problem = TripFileProblem.at(
            ("format_version",), N_("There is no format version {version}; this planner reads format version {supported}."),
            version=int(version), supported=TRIP_FILE_VERSION,
        )
    else:
        return
    raise TripFileError.invalid([problem])


def _in_file_order(document: Any, problems: list[TripFileProblem]) -> list[TripFileProblem]:
    """Problems sorted as their places appear in the file, each (place, message) once."""

    def position(problem: TripFileProblem) -> tuple[tuple[int, int], ...]:
        key: list[tuple[int, int]] = []
        node = document
        for part in problem.location:
            if isinstance(node, dict) and part in node:
                key.append((0, list(node).index(part)))
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                key.append((0, part))
                node = node[part]
            else:  # a missing field: after the fields that are there
                key.append((1, 0))
                node = None
        return tuple(key)

    unique: dict[tuple[str, str, str], TripFileProblem] = {}
    for p in problems:
        unique.setdefault((p.path, p.msgid, repr(sorted(p.params.items()))), p)
    return sorted(unique.values(), key=position)
