"""`planner duplicate-trip`: a copy on new dates, one line saying what was made; bad input is one clear line."""

from __future__ import annotations

from datetime import date

import pytest

from planner import formatting
from planner.cli.main import main
from planner.db.engine import Database
from planner.domain.localized import LocalizedText
from planner.services import delegation, programme, trips
from tests.services.conftest import MORNING, new_item, new_member, new_person, new_trip


def run(db_target: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["--db", db_target, *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def _trip(db: Database) -> int:
    trip = new_trip(db, title="Visit")
    trips.update_trip(db, trip.evolve(title=LocalizedText(de="Besuch", zh="访问", en="Visit")))
    new_member(db, trip, new_person(db, "Weil", "Stephan"))
    new_item(db, trip, MORNING)
    assert trip.id is not None
    return trip.id


def test_duplicate_prints_the_new_trip_and_copies_everything(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    trip_id = _trip(db)
    code, lines, err = run(db_target, capsys, "duplicate-trip", "--trip", str(trip_id), "--first-day", "2017-10-23", "--title", "Visit 2017")
    assert (code, err) == (0, "")
    new_id = max(s.trip.id for s in trips.list_trips(db))
    dates = formatting.date_range(date(2017, 10, 23), date(2017, 10, 29))
    assert lines == [f"Created trip {new_id}: Visit 2017 ({dates}; 1 member, 1 item)"]
    copy = trips.get_trip(db, new_id)
    # The title typed is the English one (the message language); the others are marked as copies.
    assert copy.title.en == "Visit 2017"
    assert copy.title.de.startswith("Besuch (") and copy.title.zh.startswith("访问")
    assert copy.first_day == date(2017, 10, 23)
    assert len(delegation.list_members(db, new_id)) == 1
    assert len(programme.list_items(db, new_id)) == 1


def test_without_a_title_every_variant_is_marked_as_a_copy(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    trip_id = _trip(db)
    code, lines, _err = run(db_target, capsys, "duplicate-trip", "--trip", str(trip_id), "--first-day", "2016-11-07")
    assert code == 0
    assert "Visit (copy)" in lines[0]


def test_title_in_the_message_language(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    trip_id = _trip(db)
    code, _lines, _err = run(
        db_target, capsys, "--lang", "de", "duplicate-trip", "--trip", str(trip_id), "--first-day", "2017-10-23", "--title", "Besuch 2017",
    )
    assert code == 0
    copy = trips.list_trips(db)[0].trip
    assert copy.title.de == "Besuch 2017" and copy.title.en == "Visit (copy)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--first-day", "23.10.2017"), "“23.10.2017” is not a valid date (YYYY-MM-DD)."),
        (("--first-day", "2017-02-30"), "“2017-02-30” is not a valid date (YYYY-MM-DD)."),
        (("--first-day", "9999-12-30"), "9999-12-30 is too far in the past or the future for a trip."),
        (("--first-day", "2017-10-23", "--title", "Visit\x07"), "Title contains an invalid control character."),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    db: Database, db_target: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    trip_id = _trip(db)
    code, lines, err = run(db_target, capsys, "duplicate-trip", "--trip", str(trip_id), *args)
    assert code == 1 and lines == []
    assert err == f"planner: error: {message}\n"
    assert len(trips.list_trips(db)) == 1


def test_unknown_trip(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _lines, err = run(db_target, capsys, "duplicate-trip", "--trip", "99", "--first-day", "2017-10-23")
    assert code == 1
    assert "trip no longer exists" in err
