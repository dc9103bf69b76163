"""The trip list read with sqlite3 alone for the first paint: the same rows as list_trips, or None when in doubt."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from planner.db.engine import open_database
from planner.db.schema_version import KNOWN_REVISIONS
from planner.db.trip_list import peek_trip_list
from planner.domain.enums import Role, TripStatus
from planner.domain.localized import LocalizedText
from planner.importing.demo import load_demo
from planner.services import trips
from tests.services.conftest import new_item, new_member, new_person, new_trip, new_venue

PROJECT = Path(__file__).resolve().parents[2]


def _varied_plan(path: Path) -> list[trips.TripSummary]:
    """Trips with and without members, items and heads, in every status, with Chinese names; list_trips' rows."""
    db = open_database(path)
    try:
        load_demo(db)
        empty = new_trip(db, "Nothing planned yet", date(2031, 1, 5))
        trips.update_trip(db, empty.evolve(status=TripStatus.CANCELLED, title=LocalizedText(de="Abgesagt", zh="取消", en="")))
        same_day = new_trip(db, "Same first day", date(2016, 10, 24))
        first = new_member(db, same_day, new_person(db, "Xu", "Qin", "许勤"), Role.HEAD, order=2)
        new_member(db, same_day, new_person(db, "Müller", "Anna"), Role.HEAD, order=1)  # the first head in order wins
        new_item(db, same_day, venue_id=new_venue(db).id)
        assert first.id is not None
        expected = trips.list_trips(db)
    finally:
        db.close()
    return expected


def test_the_rows_are_those_of_list_trips(db_path: Path) -> None:
    expected = _varied_plan(db_path)
    assert len(expected) >= 4
    assert peek_trip_list(db_path) == expected
    assert peek_trip_list(str(db_path)) == expected  # as --db gives it


def test_reading_leaves_no_file_behind_and_needs_no_sqlalchemy(db_path: Path) -> None:
    expected = _varied_plan(db_path)
    before = sorted(p.name for p in db_path.parent.iterdir())
    code = (
        "import sys; from planner.db.trip_list import peek_trip_list; "
        f"rows = peek_trip_list({str(db_path)!r}); "
        "print(len(rows), 'sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT, check=True)
    assert out.stdout.split() == [str(len(expected)), "False"]
    assert sorted(p.name for p in db_path.parent.iterdir()) == before


def test_nothing_is_read_where_the_full_open_must_decide(tmp_path: Path, db_path: Path) -> None:
    """A missing, foreign, older, newer or damaged file, or a server: the window takes the full path and its messages."""
    assert peek_trip_list(tmp_path / "missing.sqlite") is None
    assert peek_trip_list("postgresql://planner@host/plans") is None
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Sir or Madam", encoding="utf-8")
    assert peek_trip_list(letter) is None
    assert peek_trip_list(tmp_path) is None  # a folder
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE trip (id INTEGER PRIMARY KEY)")
    assert peek_trip_list(foreign) is None

    _varied_plan(db_path)
    assert peek_trip_list(db_path) is not None
    for revision in (KNOWN_REVISIONS[-2], "9999_from_a_newer_planner"):
        with sqlite3.connect(db_path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        assert peek_trip_list(db_path) is None, revision


def test_a_damaged_file_is_left_to_the_full_open(db_path: Path) -> None:
    _varied_plan(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")  # one file, so the damage below is in what is read
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 2 : page * 2 + 64] = bytes(b ^ 0x5A for b in data[page * 2 : page * 2 + 64])
    db_path.write_bytes(bytes(data))
    assert peek_trip_list(db_path) is None
