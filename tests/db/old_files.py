"""Database files as an older planner left them, for the migration tests (each upgrades one to the head).

The rows are written with plain SQL at the old revision's columns: the models describe only the newest
schema, so they cannot write an old file.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from planner.db.engine import Database
from planner.db.migrate import upgrade


def file_at(path: Path, revision: str, *rows: str) -> None:
    """A file at `revision` holding `rows` (INSERT statements), written in one transaction."""
    engine = create_engine(f"sqlite:///{path}")
    upgrade(Database(engine), from_revision=None, target=revision)
    with engine.begin() as conn:
        for row in rows:
            conn.execute(text(row))
    engine.dispose()


def trip_row(*, version: int = 1, title: str = "Old trip", city: str = "{}", country: str = "CN", zone: str = "Asia/Shanghai",
             first: str = "2016-10-24", last: str = "2016-10-27") -> str:
    """Trip 1 as revision 0003 stored it (texts as JSON)."""
    return (
        "INSERT INTO trip (id, version, title, purpose, destination_city, destination_country, timezone, first_day, last_day,"
        f" organiser, status, buffer_minutes, notes) VALUES (1, {version}, '{{\"en\": \"{title}\"}}', '{{}}', '{city}', '{country}',"
        f" '{zone}', '{first}', '{last}', '{{}}', 'confirmed', 30, '')"
    )


def person_row(*, family: str, given: str, function: str = "{}", nationality: str = "") -> str:
    """Person 1 as revision 0003 stored it."""
    return (
        "INSERT INTO person (id, version, family_name, given_name, native_name, honorific, organisation, function, email, phone,"
        " preferred_language, dietary_needs, accessibility_needs, passport_number, nationality, notes, sex, birth_place)"
        f" VALUES (1, 1, '{family}', '{given}', '', '{{}}', '{{}}', '{function}', '', '', 'de', '', '', '', '{nationality}', '', '', '')"
    )
