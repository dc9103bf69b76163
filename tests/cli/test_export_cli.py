"""`planner export-pdf` and `planner export-ics`: files written and named, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from planner.cli.main import main
from planner.db.engine import Database
from tests.export.builders import DemoTrip, build_demo_trip
from tests.export.pdfcheck import reader, text_of


@pytest.fixture
def demo(db: Database) -> DemoTrip:
    return build_demo_trip(db)


def run(db_target: str, *args: str) -> int:
    return main(["--lang", "en", "--db", db_target, *args])


def written(out: str) -> list[Path]:
    return [Path(line.removeprefix("Wrote ")) for line in out.splitlines() if line.startswith("Wrote ")]


def test_programme_in_chinese_on_letter(db_target: str, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run(db_target, "export-pdf", "--trip", str(demo.trip_id), "--member", "programme", "--lang", "zh", "--paper", "letter", "--out", str(out)) == 0
    paths = written(capsys.readouterr().out)
    assert [p.name for p in paths] == ["下萨克森州代表团访问深圳 (zh).pdf"]
    assert "2016年10月24日星期一" in text_of(paths[0])
    assert round(float(reader(paths[0]).pages[0].mediabox.width)) == 612


def test_all_members_in_their_own_languages(db_target: str, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_target, "export-pdf", "--trip", str(demo.trip_id), "--member", "all", "--out", str(tmp_path)) == 0
    paths = written(capsys.readouterr().out)
    assert len(paths) == 7 and all(p.exists() for p in paths)
    assert "Montag, 24. Oktober 2016" in text_of(tmp_path / "Stephan Weil.pdf")


def test_one_member_bilingual(db_target: str, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    member = str(demo.member_id("weil"))
    assert run(db_target, "export-pdf", "--trip", str(demo.trip_id), "--member", member, "--bilingual", "zh", "--out", str(tmp_path)) == 0
    (path,) = written(capsys.readouterr().out)
    text = text_of(path)
    assert path.name == "Stephan Weil.pdf"
    assert "Montag, 24. Oktober 2016" in text and "2016年10月24日星期一" in text


def test_calendars(db_target: str, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_target, "export-ics", "--trip", str(demo.trip_id), "--member", "all", "--out", str(tmp_path)) == 0
    assert len(written(capsys.readouterr().out)) == 7
    assert run(db_target, "export-ics", "--trip", str(demo.trip_id), "--member", "programme", "--lang", "de", "--out", str(tmp_path)) == 0
    (path,) = written(capsys.readouterr().out)
    assert path.name == "Delegationsreise Niedersachsen – Shenzhen (de).ics"
    assert len(list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))) == len(demo.items)
    member = str(demo.member_id("smith"))
    assert run(db_target, "export-ics", "--trip", str(demo.trip_id), "--member", member, "--out", str(tmp_path)) == 0
    (path,) = written(capsys.readouterr().out)
    assert path.name == "Jonathan Smith.ics"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export-pdf", "--trip", "999", "--member", "all"], "There is no trip 999."),
        (["export-pdf", "--trip", "{trip}", "--member", "4711"], "There is no delegation member 4711 in trip"),
        (["export-ics", "--trip", "999", "--member", "all"], "There is no trip 999."),
        (["export-ics", "--trip", "{trip}", "--member", "4711"], "There is no delegation member 4711 in trip"),
    ],
)
def test_bad_ids_give_one_line(
    db_target: str, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = run(db_target, *[a.format(trip=demo.trip_id) for a in args], "--out", str(tmp_path / "out"))
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_bad_member_word_is_a_usage_error(db_target: str, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(db_target, "export-pdf", "--trip", str(demo.trip_id), "--member", "everyone", "--out", str(tmp_path))
    assert exit_info.value.code == 2
    assert "“everyone” is not a member id, “all” or “programme”" in capsys.readouterr().err


def test_out_must_be_a_folder(db_target: str, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "file.pdf"
    a_file.write_text("x")
    assert run(db_target, "export-pdf", "--trip", str(demo.trip_id), "--member", "programme", "--out", str(a_file)) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
