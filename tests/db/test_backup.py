"""Backups through SQLite's backup API: daily on open, before restore, pruned, restorable."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from planner.db import backup
from planner.db.engine import open_database
from planner.domain.entities import PersonData
from planner.domain.errors import DatabaseError
from planner.services import people

pytestmark = pytest.mark.sqlite_file


def _names(db_path: Path) -> list[str]:
    db = open_database(db_path, backup=False)
    try:
        return [p.family_name for p in people.list_people(db)]
    finally:
        db.close()


def test_a_new_database_has_no_backup_and_the_first_reopen_makes_the_daily_one(db_path: Path) -> None:
    open_database(db_path).close()
    assert backup.list_backups(db_path) == []
    open_database(db_path).close()
    open_database(db_path).close()
    found = backup.list_backups(db_path)
    assert [b.kind for b in found] == [backup.BackupKind.DAILY]
    assert stat.S_IMODE(os.stat(found[0].path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(backup.backup_dir(db_path)).st_mode) == 0o700


def test_daily_backup_only_once_a_day(db_path: Path) -> None:
    open_database(db_path).close()
    assert backup.daily_backup(db_path, date(2030, 1, 1)) is not None
    assert backup.daily_backup(db_path, date(2030, 1, 1)) is None or len(backup.list_backups(db_path)) >= 1


def test_backup_holds_committed_data_while_the_database_is_open(db) -> None:  # type: ignore[no-untyped-def]
    people.create_person(db, PersonData(family_name="Schostok", given_name="Stefan"))
    copy = backup.make_backup(db.path)
    con = sqlite3.connect(copy)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT family_name FROM person").fetchall() == [("Schostok",)]
    finally:
        con.close()


def test_prune_keeps_the_newest(db_path: Path) -> None:
    open_database(db_path).close()
    for _ in range(backup.KEEP + 4):
        backup.make_backup(db_path)
    assert len(backup.list_backups(db_path)) == backup.KEEP


def test_restore_brings_back_the_old_state_and_keeps_a_safety_copy(db_path: Path) -> None:
    db = open_database(db_path)
    people.create_person(db, PersonData(family_name="Before"))
    saved = backup.make_backup(db_path)
    people.create_person(db, PersonData(family_name="After"))
    db.close()
    safety = backup.restore_backup(saved, db_path)
    assert _names(db_path) == ["Before"]
    assert safety.exists()
    con = sqlite3.connect(safety)
    try:
        assert sorted(r[0] for r in con.execute("SELECT family_name FROM person")) == ["After", "Before"]
    finally:
        con.close()


@pytest.mark.parametrize("content", [b"%PDF-1.7 not a database", b"", b"SQLite format 3\x00" + b"\x00" * 100])
def test_restore_refuses_a_file_that_is_not_a_backup(db_path: Path, tmp_path: Path, content: bytes) -> None:
    db = open_database(db_path)
    people.create_person(db, PersonData(family_name="Kept"))
    db.close()
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(content)
    with pytest.raises(DatabaseError):
        backup.restore_backup(bogus, db_path)
    assert _names(db_path) == ["Kept"]
