"""`planner check` on members' own legs: a trip file whose arrival lost its meeter, or whose flight lands after a
booking, is imported and the check names it; the demo trips as shipped have no such problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.db.engine import Database
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS

SHENZHEN = next(p for p in DEMO_TRIPS.glob("*.json") if p.stem.startswith("hannover-shenzhen"))


def _check(db_target: str, capsys: pytest.CaptureFixture[str], trip_id: int) -> list[str]:
    main(["--lang", "en", "--db", db_target, "check", "--trip", str(trip_id)])
    return capsys.readouterr().out.splitlines()


def test_the_demo_trip_meets_every_own_arrival(db: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _check(db_target, capsys, import_trip_file(db, SHENZHEN).id)
    assert not any("ZZ 9" in line for line in lines)


def test_an_arrival_without_its_meeter_and_a_late_landing_are_reported(
    db: Database, db_target: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    document = json.loads(SHENZHEN.read_text(encoding="utf-8"))
    emma, daan = document["travel_legs"][0], document["travel_legs"][1]
    emma["met_by"] = None
    del emma["vehicle"]  # only the words of the note left: a hint
    daan["arrival"] = "2016-10-24T16:40:00+08:00"  # after the hotel check-in at 16:15 he is booked on
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    lines = _check(db_target, capsys, import_trip_file(db, changed).id)
    assert any("Emma Whitfield arriving on ZZ 9731" in line and "but nobody entered to meet them" in line for line in lines)
    assert any("“Hotel check-in”" in line and "before the arrival of Daan de Vries on ZZ 9652" in line for line in lines)


def test_a_pickup_while_its_car_is_on_a_transfer_is_reported(
    db: Database, db_target: str, capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    document = json.loads(SHENZHEN.read_text(encoding="utf-8"))
    document["travel_legs"][1]["arrival"] = "2016-10-24T14:50:00+08:00"  # Car 2 is then due at the delegation's transfer at 15:15
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    lines = _check(db_target, capsys, import_trip_file(db, changed).id)
    assert any(
        "Car 2 is needed for “pickup of Daan de Vries from ZZ 9652” and “Arrival in Shenzhen and transfer to the hotel”" in line
        for line in lines
    ), lines
