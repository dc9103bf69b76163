"""`planner issue`, `changes`, `notices` and `versions`: the printouts of a trip from the command line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.db.engine import Database
from planner.services import issuing, programme
from tests.export.builders import DemoTrip, build_demo_trip


@pytest.fixture
def demo(db: Database) -> DemoTrip:
    return build_demo_trip(db)


def run(db_target: str, *args: str) -> int:
    return main(["--lang", "en", "--db", db_target, *args])


def test_issue_change_notify_reissue(db_target: str, db: Database, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip = str(demo.trip_id)
    assert run(db_target, "changes", "--trip", trip) == 0
    assert "No itineraries of this trip have been issued yet." in capsys.readouterr().out
    assert run(db_target, "issue", "--trip", trip, "--out", str(tmp_path / "v1")) == 0
    out = capsys.readouterr().out
    assert "Issued version 1 to 7 participants." in out and out.count("Wrote ") == 7
    assert run(db_target, "changes", "--trip", trip) == 0
    assert "Every printout is up to date (version 1)." in capsys.readouterr().out
    assert run(db_target, "issue", "--trip", trip, "--out", str(tmp_path / "none")) == 0
    assert "nothing was issued" in capsys.readouterr().out

    mayor = demo.items["mayor"]  # Weil, Lies, Zhang and Xu only
    programme.move_item(db, mayor.id, None, mayor.start + timedelta(minutes=30))
    assert run(db_target, "changes", "--trip", trip) == 0
    out = capsys.readouterr().out
    assert "Monday 24 October: Meeting with the Mayor of Shenzhen now 15:00–16:30 instead of 14:30–16:00" in out.replace(",", "")
    assert "4 people need a new printout: Stephan Weil, Olaf Lies" in out

    assert run(db_target, "notices", "--trip", trip, "--out", str(tmp_path / "notices")) == 0
    assert capsys.readouterr().out.count("Wrote ") == 8
    assert run(db_target, "issue", "--trip", trip, "--out", str(tmp_path / "v2")) == 0
    assert "Issued version 2 to 4 participants." in capsys.readouterr().out
    moved_for = {demo.member_id(k) for k in ("weil", "lies", "zhang", "xu")}
    assert issuing.pending_changes(db, demo.trip_id).outdated == ()

    assert run(db_target, "changes", "--trip", trip, "--since", "1") == 0
    out = capsys.readouterr().out
    assert out.startswith("Changes since version 1 of ") and "for 4 people:" in out
    assert run(db_target, "changes", "--trip", trip, "--since", "1", "--until", "2") == 0
    assert "Meeting with the Mayor of Shenzhen" in capsys.readouterr().out
    assert run(db_target, "versions", "--trip", trip) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0].split(" of ")[0] for line in lines] == ["Version 1", "Version 2"]
    assert [name.strip() for name in lines[1].split(": ", 1)[1].split(",")] == [
        m.person.full_name for m in issuing.pending_changes(db, demo.trip_id).up_to_date if m.id in moved_for
    ]


def test_unknown_versions_and_members_are_one_line_errors(db_target: str, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip = str(demo.trip_id)
    assert run(db_target, "issue", "--trip", trip, "--members", str(demo.member_id("weil")), "--out", str(tmp_path)) == 0
    capsys.readouterr()
    assert run(db_target, "changes", "--trip", trip, "--since", "5") == 1
    assert capsys.readouterr().err.strip() == f"planner: error: Trip {trip} has no version 5."
    assert run(db_target, "issue", "--trip", trip, "--members", "999", "--out", str(tmp_path)) == 1
    assert "no delegation member 999" in capsys.readouterr().err
    assert run(db_target, "changes", "--trip", trip, "--until", "1") == 1


def test_export_pdf_never_issues(db_target: str, db: Database, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip = str(demo.trip_id)
    assert run(db_target, "export-pdf", "--trip", trip, "--member", "all", "--lang", "zh", "--out", str(tmp_path / "look")) == 0
    assert run(db_target, "export-pdf", "--trip", trip, "--member", str(demo.member_id("weil")), "--out", str(tmp_path / "one")) == 0
    assert capsys.readouterr().out.count("Wrote ") == 8
    assert issuing.list_versions(db, demo.trip_id) == []
    assert run(db_target, "changes", "--trip", trip) == 0
    assert "No itineraries of this trip have been issued yet." in capsys.readouterr().out


def test_issuing_a_draft_is_refused_without_force(db_target: str, db: Database, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from planner.domain.enums import TripStatus
    from planner.services import trips

    trips.update_trip(db, trips.get_trip(db, demo.trip_id).evolve(status=TripStatus.DRAFT))
    trip = str(demo.trip_id)
    assert run(db_target, "issue", "--trip", trip, "--out", str(tmp_path / "v1")) == 1
    err = capsys.readouterr().err
    assert err == "planner: error: Nothing was issued: The trip is still a draft. Add --force to issue anyway.\n"
    assert not (tmp_path / "v1").exists() and issuing.list_versions(db, demo.trip_id) == []
    assert run(db_target, "issue", "--trip", trip, "--out", str(tmp_path / "v1"), "--force") == 0
    assert "Issued version 1 to 7 participants." in capsys.readouterr().out


def test_open_errors_are_named_in_the_refusal(db_target: str, db: Database, demo: DemoTrip, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mayor, lunch = demo.items["mayor"], demo.items["lunch"]
    programme.move_item(db, mayor.id, None, lunch.start)  # the mayor's meeting now clashes with lunch
    trip = str(demo.trip_id)
    assert run(db_target, "issue", "--trip", trip, "--out", str(tmp_path / "v1")) == 1
    err = capsys.readouterr().err
    assert err.startswith("planner: error: Nothing was issued: 1 error is open: Stephan Weil, Olaf Lies, Xu Qin and Zhang Min are booked")
    assert err.endswith("at the same time (Monday, 24 October 2016, 12:00–13:30). Add --force to issue anyway.\n")
    assert issuing.list_versions(db, demo.trip_id) == []
