"""Erasure reaches every copy the planner keeps: database, WAL, backups; free text is listed."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from planner.db import backup
from planner.db.engine import open_database
from planner.db.engine import Database
from planner.domain.entities import PersonData, TripData
from planner.domain.localized import LocalizedText
from planner.services import people
from planner.services.erasure import checkpoint, erase_everywhere, find_mentions, report_lines

pytestmark = pytest.mark.sqlite_file

SECRET = "Hildegard-Quellmalz"


def _bytes_hold(path: Path, text: str) -> bool:
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    return text.encode("utf-8") in data


def _plan(db_path: Path) -> int:
    db = open_database(db_path)
    try:
        person = people.create_person(db, PersonData(family_name=SECRET, given_name="Anna", email="anna@example.org"))
        people.create_person(db, PersonData(family_name="Other", notes=f"Call {SECRET} before the visit"))
    finally:
        db.close()
    return int(person.id)


def test_erasure_removes_the_person_from_every_backup_and_the_file(db_path: Path) -> None:
    person_id = _plan(db_path)
    first = backup.make_backup(db_path)
    second = backup.make_backup(db_path)
    assert _bytes_hold(first, SECRET)
    db = open_database(db_path, backup=False)
    try:
        report = erase_everywhere(db, person_id)
        assert report.checkpointed
        assert sorted(report.cleaned) == sorted([first, second])
        assert report.holding == []
        assert [(m.what.msgid, m.field.msgid) for m in report.mentions] == [("person", "notes")]
    finally:
        db.close()
    for path in (first, second):
        assert not _bytes_hold(path, "anna@example.org")  # not even in free pages
        con = sqlite3.connect(path)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert con.execute("SELECT given_name, email FROM person WHERE id = ?", (person_id,)).fetchone() == ("", "")
            assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 2
        finally:
            con.close()
    assert all(b.passed for b in backup.list_backups(db_path))
    assert not _bytes_hold(db_path, "anna@example.org")
    assert [p.name for p in backup.backup_dir(db_path).iterdir() if p.name.endswith(".part")] == []


def test_declined_backups_are_listed_by_date(db_path: Path) -> None:
    person_id = _plan(db_path)
    kept = backup.make_backup(db_path)
    db = open_database(db_path, backup=False)
    try:
        report = erase_everywhere(db, person_id, clean_backups=False)
    finally:
        db.close()
    assert [b.path for b in report.holding] == [kept]
    assert _bytes_hold(kept, "anna@example.org")
    assert any(str(kept) in line for line in report_lines(report))


def test_the_checkpoint_waits_out_a_reader_for_a_bounded_time(db_path: Path) -> None:
    _plan(db_path)
    db = open_database(db_path, backup=False)
    reader = sqlite3.connect(db_path, check_same_thread=False)
    try:
        people.create_person(db, PersonData(family_name="In the WAL"))
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM person").fetchone()  # holds a read snapshot
        assert checkpoint(db, wait=0.3) is False
        threading.Timer(0.3, reader.rollback).start()
        assert checkpoint(db, wait=5) is True
    finally:
        reader.close()
        db.close()


def test_mentions_in_titles_and_notes_are_found(db: Database) -> None:
    from planner.services import trips
    from datetime import date

    trips.create_trip(db, TripData(title=LocalizedText(de=f"Besuch von Frau {SECRET}"), first_day=date(2026, 5, 1), last_day=date(2026, 5, 3)))
    found = find_mentions(db, PersonData(family_name=SECRET, given_name="Anna"))
    assert [(m.what.msgid, m.field.msgid) for m in found] == [("trip", "title")]
