"""`planner check --trip ID`: one line per problem, a summary, exit 1 only when there is an error."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.db.engine import Database
from planner.domain.entities import TripData
from planner.domain.enums import ItemKind
from tests.services.conftest import MORNING, new_item, new_member, new_person, new_trip

PASSPORT = {"passport_number": "C01X00T47", "passport_expiry": date(2030, 1, 1), "nationality": "DE"}


def run(db_target: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["--db", db_target, *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def _trip_with_people(db: Database, **passports: object) -> TripData:
    trip = new_trip(db)
    new_member(db, trip, new_person(db, "Schirmeyer", "Kai", **{**PASSPORT, **passports}))
    return trip


def test_a_clean_trip_exits_0(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    trip = _trip_with_people(db)
    code, lines, err = run(db_target, capsys, "check", "--trip", str(trip.id))
    assert code == 0
    assert lines == ["No problems found."]
    assert err == ""


def test_an_error_exits_1_with_one_line_per_problem_and_a_summary(
    db: Database, db_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    trip = _trip_with_people(db, passport_number="")
    new_item(db, trip, MORNING - timedelta(hours=4), hours=1, title="Breakfast briefing", kind=ItemKind.FREE_TIME)  # 05:30
    code, lines, _err = run(db_target, capsys, "check", "--trip", str(trip.id))
    assert code == 1
    assert lines == [
        "error: Kai Schirmeyer travels to China, but no passport is on file",
        "hint: “Breakfast briefing” starts at 05:30, before 06:00 local time (Monday, 24 October 2016, 05:30–06:30)",
        "1 error, 0 warnings, 1 hint",
    ]


def test_warnings_and_hints_alone_exit_0(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    trip = _trip_with_people(db, passport_expiry=date(2017, 1, 31))
    new_item(db, trip, MORNING + timedelta(days=10), title="After the trip", kind=ItemKind.FREE_TIME)
    new_item(db, trip, MORNING, title="Visit")  # a site visit without host contact
    code, lines, _err = run(db_target, capsys, "check", "--trip", str(trip.id))
    assert code == 0
    assert [line.split(":")[0] for line in lines[:-1]] == ["warning", "warning", "hint"]
    assert lines[0].startswith("warning: The passport of Kai Schirmeyer expires on 31 January 2017")
    assert lines[1].startswith("warning: “After the trip” (Thursday, 3 November 2016")
    assert lines[-1] == "0 errors, 2 warnings, 1 hint"


def test_problems_are_sorted_by_severity_then_time(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    trip = _trip_with_people(db)
    new_item(db, trip, MORNING + timedelta(days=1), title="Second day visit")
    new_item(db, trip, MORNING, title="First day visit")
    new_item(db, trip, MORNING + timedelta(days=2), hours=1, title="Clash A", kind=ItemKind.FREE_TIME)
    new_item(db, trip, MORNING + timedelta(days=2), hours=1, title="Clash B", kind=ItemKind.FREE_TIME)
    code, lines, _err = run(db_target, capsys, "check", "--trip", str(trip.id))
    assert code == 1
    assert lines[0].startswith("error: Kai Schirmeyer is booked into “Clash A” and “Clash B”")
    assert lines[1].startswith("hint: “First day visit”")
    assert lines[2].startswith("hint: “Second day visit”")
    assert lines[3] == "1 error, 0 warnings, 2 hints"


def test_messages_follow_the_language_option(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    trip = _trip_with_people(db)
    new_item(db, trip, MORNING, title="Visit")
    code, lines, _err = run(db_target, capsys, "--lang", "de", "check", "--trip", str(trip.id))
    assert code == 0
    assert "Montag, 24. Oktober 2016, 09:30–11:30 Uhr" in lines[0]


def test_an_unknown_trip_is_one_line_on_stderr(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    new_trip(db)
    code, lines, err = run(db_target, capsys, "check", "--trip", "999")
    assert code == 1
    assert lines == []
    assert err == "planner: error: The trip no longer exists (it may have been deleted elsewhere).\n"


def test_the_trip_option_is_required(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db_target, "check"])
    assert exit_info.value.code == 2
    assert "--trip" in capsys.readouterr().err


def test_the_demo_trips_check_consistently(db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_target, "demo"]) == 0
    capsys.readouterr()
    for trip_id in ("1", "2"):
        code, lines, err = run(db_target, capsys, "check", "--trip", trip_id)
        assert err == ""
        if lines == ["No problems found."]:
            assert code == 0
            continue
        severities = [line.split(":")[0] for line in lines[:-1]]
        assert set(severities) <= {"error", "warning", "hint"}
        errors, warnings, hints = (severities.count(s) for s in ("error", "warning", "hint"))
        assert lines[-1].replace("errors", "error").replace("warnings", "warning").replace("hints", "hint") == (
            f"{errors} error, {warnings} warning, {hints} hint"
        )
        assert code == (1 if errors else 0)


def test_each_new_kind_is_reported(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Two heads, a stay outside the trip, an item before an arrival, a venue and an item on the wrong clock."""
    from planner.domain.entities import MembershipData, VenueData
    from planner.domain.enums import Role
    from planner.domain.localized import LocalizedText
    from planner.services import delegation, venues

    trip = new_trip(db)  # 24–30 October 2016, Asia/Shanghai
    new_member(db, trip, new_person(db, "Schostok", "Stefan", **PASSPORT), role=Role.HEAD)
    late = delegation.add_member(db, MembershipData(
        trip_id=trip.id, person_id=new_person(db, "Weil", "Stephan", **PASSPORT).id, role=Role.HEAD,
        arrival=date(2016, 10, 25), departure=date(2016, 11, 2),
    )).after
    rathaus = venues.create_venue(db, VenueData(name=LocalizedText(en="New Town Hall"), country="DE", timezone="Asia/Shanghai")).after
    emax = venues.create_venue(db, VenueData(name=LocalizedText(en="EMAX"), country="CN", timezone="Asia/Shanghai")).after
    new_item(db, trip, MORNING, title="Welcome", kind=ItemKind.FREE_TIME, everyone=False, participant_ids=(late.id,))
    new_item(db, trip, MORNING + timedelta(days=1), title="Town hall", kind=ItemKind.FREE_TIME, venue_id=rathaus.id)
    new_item(db, trip, MORNING + timedelta(days=2), title="Factory", kind=ItemKind.FREE_TIME, venue_id=emax.id, timezone="Europe/Berlin")
    code, lines, _err = run(db_target, capsys, "check", "--trip", str(trip.id))
    assert code == 0
    text = "\n".join(lines)
    assert "warning: Stefan Schostok and Stephan Weil are all entered as “Head of delegation”" in text
    assert "warning: Stephan Weil leaves on 2 November 2016, after the trip has ended (24–30 October 2016)" in text
    assert "warning: “Welcome” (Monday, 24 October 2016, 09:30–11:30) lies before the arrival of Stephan Weil on 25 October 2016" in text
    assert "warning: New Town Hall is in Germany, but its time zone is Asia/Shanghai (usually Europe/Berlin)" in text
    assert "warning: “Factory” (Wednesday, 26 October 2016, 03:30–05:30 GMT+2) is timed in Europe/Berlin, but EMAX keeps Asia/Shanghai" in text


def test_a_room_taken_out_of_a_trip_file_is_reported_by_check(
    db: Database, db_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from planner.importing.tripfile import import_trip_file
    from planner.paths import DEMO_TRIPS

    document = json.loads((DEMO_TRIPS / "shenzhen-hannover-2016.json").read_text(encoding="utf-8"))
    for block in document["accommodation"]:
        block["guests"] = [g for g in block["guests"] if g["person"] != "p3"]  # Li Xiaohong
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    trip = import_trip_file(db, edited).id
    _code, lines, _err = run(db_target, capsys, "check", "--trip", str(trip))
    assert "warning: Li Xiaohong has no room for their stay (9–10 September 2016)" in lines, lines
