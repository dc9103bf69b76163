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
