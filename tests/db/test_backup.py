"""Backups through SQLite's backup API: daily on open, before restore, pruned, restorable."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from planner.db import backup
from planner.db.engine import open_database
from planner.db.engine import Database
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


def test_backup_holds_committed_data_while_the_database_is_open(db: Database) -> None:
    people.create_person(db, PersonData(family_name="Schostok", given_name="Stefan"))
    copy = backup.make_backup(db.path)
    con = sqlite3.connect(copy)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT family_name FROM person").fetchall() == [("Schostok",)]
    finally:
        con.close()


def _info(day: datetime, check: backup.Check = backup.Check.PASSED) -> backup.BackupInfo:
    return backup.BackupInfo(Path(f"/b/plan-{day:%Y%m%d-%H%M%S}-daily.sqlite"), day, backup.BackupKind.DAILY, 1, check)


def test_rotation_keeps_daily_weekly_and_monthly_generations() -> None:
    start = datetime(2026, 1, 1, 9, 0)
    infos = sorted((_info(start + timedelta(days=n)) for n in range(300)), key=lambda b: b.created, reverse=True)
    kept = {b.created.date() for b in infos if b.path in backup.kept(infos)}
    newest = infos[0].created.date()
    assert {newest - timedelta(days=n) for n in range(backup.KEEP_DAILY)} <= kept
    assert len({(d.isocalendar()[0], d.isocalendar()[1]) for d in kept}) >= backup.KEEP_WEEKLY
    assert len({(d.year, d.month) for d in kept}) == backup.KEEP_MONTHLY
    assert min(kept) >= newest - timedelta(days=31 * backup.KEEP_MONTHLY)
    assert len(kept) <= backup.KEEP_RECENT + backup.KEEP_DAILY + backup.KEEP_WEEKLY + backup.KEEP_MONTHLY


def test_a_bad_fortnight_cannot_push_the_good_backups_out() -> None:
    start = datetime(2026, 3, 1, 9, 0)
    good = [_info(start + timedelta(days=n)) for n in range(40)]
    bad = [_info(start + timedelta(days=40 + n), backup.Check.DAMAGED) for n in range(14)]
    infos = sorted(good + bad, key=lambda b: b.created, reverse=True)
    kept = [b for b in infos if b.path in backup.kept(infos)]
    kept_good = [b for b in kept if b.passed]
    assert len(kept_good) >= backup.KEEP_DAILY  # a week of good days, however many bad ones came after
    assert kept_good[0] == good[-1]  # the newest good one among them
    assert len([b for b in kept if not b.passed]) <= backup.KEEP_RECENT


def test_make_backup_prunes_by_generation_and_records_each_check(db_path: Path) -> None:
    open_database(db_path, backup=False).close()
    for n in range(12):
        backup.make_backup(db_path, now=datetime(2026, 5, 1, 9, 0) + timedelta(days=n))
    found = backup.list_backups(db_path)
    assert len(found) == backup.KEEP_DAILY + 1  # seven days, and the newest of the week before
    assert all(b.check == backup.Check.PASSED for b in found)
    for b in found:
        assert stat.S_IMODE(os.stat(backup.sidecar(b.path)).st_mode) == 0o600
    assert sorted(p.name for p in backup.backup_dir(db_path).iterdir()) == sorted(
        [b.path.name for b in found] + [b.path.name + ".json" for b in found]
    )


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
