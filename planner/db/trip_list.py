"""The trip list of an SQLite planner file, read with the sqlite3 module alone for the window's first paint.

Why: importing SQLAlchemy and the models takes about 0.3 s, more than twice
as long as drawing the whole window; the user's trips are what they came for.
So at start-up the window reads the list through a read-only sqlite3
connection (the same one the engine's file check uses), paints it, and opens
the database properly right after (planner.ui.main_window).

The reader is only used where it cannot show something the full read would
not: the file must exist, pass SQLite's quick check, be at exactly this
version's schema revision, and have the trip columns TripData expects.
Anything else (a new, older, newer, foreign or damaged file, a server URL)
returns None and the window takes the full path, whose messages say what is
wrong. tests/db/test_trip_list.py keeps the rows equal to those of
planner.services.trips.list_trips on the same files.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from planner.db.integrity import problem
from planner.db.schema_version import HEAD_REVISION
from planner.domain.entities import TripData
from planner.domain.enums import Role, TripStatus
from planner.domain.localized import LocalizedText
from planner.domain.names import display_name
from planner.domain.summaries import TripSummary

#: TripData's fields that are stored as they are named; id, version and status are read apart.
_SPECIAL = ("id", "version", "status")
_TRIP_FIELDS = tuple(f.name for f in fields(TripData) if f.name not in _SPECIAL)
_LOCALIZED = tuple(f.name for f in fields(TripData) if f.name not in _SPECIAL and isinstance(getattr(TripData(), f.name), LocalizedText))
_DATES = ("first_day", "last_day")


def peek_trip_list(target: str | Path) -> list[TripSummary] | None:
    """The summaries list_trips would give for the SQLite file `target`, or None where it cannot say for sure."""
    value = str(target)
    if "://" in value:
        return None  # a server: read through SQLAlchemy
    path = Path(value).expanduser()
    try:
        if not path.is_file():
            return None
        # As planner.db.engine.peek_sqlite_revision: without a -wal no connection has the file open in WAL
        # mode, so it can be read as immutable, which creates nothing beside it.
        in_use = path.with_name(path.name + "-wal").exists()
        uri = path.resolve().as_uri() + ("?mode=ro" if in_use else "?mode=ro&immutable=1")
        conn = sqlite3.connect(uri, uri=True, timeout=1.0)
    except (OSError, sqlite3.Error):
        return None
    try:
        return _read(conn)
    except (sqlite3.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        return None  # whatever it is, the full open finds it and says so
    finally:
        conn.close()


def _read(conn: sqlite3.Connection) -> list[TripSummary] | None:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"alembic_version", "trip", "membership", "programme_item", "person"} <= tables:
        return None
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] != HEAD_REVISION or problem(conn, full=False) is not None:
        return None
    cursor = conn.execute("SELECT * FROM trip ORDER BY first_day DESC, id")
    columns = [d[0] for d in cursor.description]
    if set(columns) != {*_TRIP_FIELDS, *_SPECIAL}:
        return None  # the table and TripData are out of step: not this reader's to guess
    trips = [dict(zip(columns, row, strict=True)) for row in cursor]
    members = dict(conn.execute("SELECT trip_id, count(*) FROM membership GROUP BY trip_id").fetchall())
    items = dict(conn.execute("SELECT trip_id, count(*) FROM programme_item GROUP BY trip_id").fetchall())
    heads: dict[int, str] = {}
    rows = conn.execute(
        "SELECT membership.trip_id, person.family_name, person.given_name, person.native_name "
        "FROM membership JOIN person ON person.id = membership.person_id "
        "WHERE membership.role = ? ORDER BY membership.protocol_order, membership.id",
        (Role.HEAD.value,),
    )
    for trip_id, family, given, native in rows:
        heads.setdefault(trip_id, display_name(family, given, native))
    return [TripSummary(_trip(row), members.get(row["id"], 0), items.get(row["id"], 0), heads.get(row["id"], "")) for row in trips]


def _trip(row: dict[str, Any]) -> TripData:
    values: dict[str, Any] = {name: row[name] for name in _TRIP_FIELDS}
    for name in _LOCALIZED:
        raw = values[name]
        values[name] = LocalizedText.from_mapping((json.loads(raw) if isinstance(raw, str) else raw) or {})
    for name in _DATES:
        values[name] = date.fromisoformat(values[name]) if values[name] is not None else None
    return TripData(id=row["id"], version=row["version"], status=TripStatus(row["status"]), **values)
