"""`planner export-briefing` and `planner follow-ups`: the book written, the list in the interface language, one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.db.engine import Database
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from tests.export.pdfcheck import squeezed, text_of


@pytest.fixture
def shenzhen(db: Database) -> int:
    return import_trip_file(db, DEMO_TRIPS / "hannover-shenzhen-2016.json").id


def test_export_briefing_in_chinese(db_target: str, shenzhen: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "book.pdf"
    assert main(["--lang", "en", "--db", db_target, "export-briefing", "--trip", str(shenzhen), "--out", str(out), "--lang", "zh"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}"
    text = squeezed(text_of(out))
    assert "内部资料" in text and "林志远" in text and "与深圳市副市长会谈" in text
    if os.name == "posix":
        assert out.stat().st_mode & 0o077 == 0  # internal: readable by its owner only


def test_follow_ups_are_listed_in_the_interface_language(db_target: str, shenzhen: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "de", "--db", db_target, "follow-ups", "--trip", str(shenzhen)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("Offen") and "31.10.2016" in lines[0] and "Peter Eisenschmidt" in lines[0]
    assert lines[-1].startswith("Abgeschlossen") and "Dankschreiben an Vizebürgermeister Lin" in lines[-1]


def test_an_unknown_trip_is_one_line(db_target: str, shenzhen: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--db", db_target, "follow-ups", "--trip", "999"]) == 1
    assert main(["--lang", "en", "--db", db_target, "export-briefing", "--trip", "999", "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["planner: error: There is no trip 999."] * 2
