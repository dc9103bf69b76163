"""CLI care of the database file and personal data: backup, list, restore, report, erase."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.db.engine import open_database
from planner.domain.entities import PersonData
from planner.services import people
from planner.services.privacy import is_erased


@pytest.fixture
def planner_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.sqlite"
    db = open_database(path)
    people.create_person(db, PersonData(family_name="Wehrmann", given_name="Jonas", passport_number="C15SAMPLE"))
    db.close()
    return path


def test_backup_list_and_restore_by_number(planner_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(planner_file), "backup"]) == 0
    db = open_database(planner_file, backup=False)
    people.create_person(db, PersonData(family_name="Later"))
    db.close()
    assert main(["--db", str(planner_file), "list-backups"]) == 0
    assert "manual" in capsys.readouterr().out
    assert main(["--db", str(planner_file), "restore", "1"]) == 0
    db = open_database(planner_file, backup=False)
    try:
        assert [p.family_name for p in people.list_people(db)] == ["Wehrmann"]
    finally:
        db.close()


def test_restore_refuses_a_foreign_file_and_keeps_the_plan(planner_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    foreign = tmp_path / "letter.pdf"
    foreign.write_bytes(b"%PDF-1.7")
    assert main(["--db", str(planner_file), "restore", str(foreign)]) == 1
    assert "not a planner backup" in capsys.readouterr().err
    db = open_database(planner_file, backup=False)
    try:
        assert [p.family_name for p in people.list_people(db)] == ["Wehrmann"]
    finally:
        db.close()


def test_backup_of_a_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "none.sqlite"), "backup"]) == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err
    assert not (tmp_path / "none.sqlite").exists()


def test_person_report_and_erase(planner_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    assert main(["--db", str(planner_file), "person-report", "--person", "1", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["passport_number"] == "C15SAMPLE"
    assert main(["--db", str(planner_file), "erase-person", "--person", "1"]) == 1  # no terminal: not without --yes
    assert main(["--db", str(planner_file), "erase-person", "--person", "1", "--yes"]) == 0
    db = open_database(planner_file, backup=False)
    try:
        assert is_erased(people.get_person(db, 1))
    finally:
        db.close()


def test_a_failed_daily_backup_is_logged_owner_only_and_not_printed(
    planner_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import stat

    import planner.cli.main as cli

    (planner_file.parent / "backups").write_text("a file where the backups folder belongs")
    log = tmp_path / "logs" / "planner-cli.log"
    monkeypatch.setattr(cli, "_log_path", lambda: log)
    assert main(["--db", str(planner_file), "list-trips"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "daily backup" in log.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600


def test_erase_person_takes_no_daily_backup_and_leaves_no_backup_holding_them(planner_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    from planner.db.backup import list_backups, make_backup

    older = make_backup(planner_file)
    assert main(["--db", str(planner_file), "erase-person", "--person", "1", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Removed them from 1 backup as well." in out
    assert [b.path for b in list_backups(planner_file)] == [older]
    con = sqlite3.connect(older)
    try:
        assert con.execute("SELECT passport_number, given_name FROM person WHERE id = 1").fetchone() == ("", "")
    finally:
        con.close()
    assert b"C15SAMPLE" not in older.read_bytes()


def test_erase_person_keep_backups_lists_them(planner_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from planner.db.backup import make_backup

    kept = make_backup(planner_file)
    assert main(["--db", str(planner_file), "erase-person", "--person", "1", "--yes", "--keep-backups"]) == 0
    out = capsys.readouterr().out
    assert "still hold their details" in out and str(kept) in out


def test_restore_while_another_program_writes_answers_within_its_bound(
    planner_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    import time

    from planner.db import backup

    assert main(["--db", str(planner_file), "backup"]) == 0
    monkeypatch.setattr(backup, "WAIT_S", 0.5)
    writer = sqlite3.connect(planner_file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    try:
        assert main(["--db", str(planner_file), "restore", "1"]) == 1
    finally:
        writer.rollback()
        writer.close()
    assert time.monotonic() - started < 5
    captured = capsys.readouterr()
    assert "Waiting up to" in captured.out
    assert "is in use by another window or program" in captured.err


def test_list_backups_shows_each_check(planner_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(planner_file), "backup"]) == 0
    capsys.readouterr()
    assert main(["--db", str(planner_file), "list-backups"]) == 0
    assert "checked OK" in capsys.readouterr().out
