"""`planner export-manifest`: one PDF per vehicle and day in the driver's language; `planner check` reports the vehicle problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.db.engine import Database
from planner.export.pdf.personal import personal_document
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from tests.export.pdfcheck import squeezed, text_of


def run(db_target: str, *args: str) -> int:
    return main(["--lang", "en", "--db", db_target, *args])


def written(out: str) -> list[Path]:
    return [Path(line.removeprefix("Wrote ")) for line in out.splitlines() if line.startswith("Wrote ")]


def _demo_file(stem: str) -> Path:
    return next(p for p in DEMO_TRIPS.glob("*.json") if p.stem.startswith(stem))


def test_a_manifest_per_vehicle_and_day_in_the_local_language(
    db: Database, db_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    trip = import_trip_file(db, _demo_file("hannover-shenzhen")).id
    assert run(db_target, "export-manifest", "--trip", str(trip), "--out", str(tmp_path / "all")) == 0
    paths = written(capsys.readouterr().out)
    assert [p.name for p in paths][:3] == ["2016-10-24 Car 1.pdf", "2016-10-24 Car 2.pdf", "2016-10-24 Coach.pdf"]
    assert len(paths) == 9  # three vehicles on three days
    coach = squeezed(text_of(paths[2]))
    # Chinese for the driver in Shenzhen, the address in Chinese script, the passengers by precedence.
    assert squeezed("广东省深圳市宝安区宝安国际机场T3航站楼") in coach and squeezed("陈国华") in coach
    assert coach.index("KaiSchirmeyer") < coach.index("MartinVogt") < coach.index("KatharinaZiegler")
    assert "PeterEisenschmidt" not in coach  # the head of delegation rides in Car 1
    # The time the coach sets off, not the "departure date" of a hotel guest (离开日期) the label once borrowed.
    assert "15:15出发时间Leaveat" in coach and "离开日期" not in coach
    assert run(db_target, "export-manifest", "--trip", str(trip), "--day", "2016-10-25", "--lang", "de", "--out", str(tmp_path / "day")) == 0
    day = written(capsys.readouterr().out)
    assert [p.name for p in day] == ["2016-10-25 Car 1.pdf", "2016-10-25 Car 2.pdf", "2016-10-25 Coach.pdf"]


def test_a_day_without_rides_is_a_one_line_error(db: Database, db_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip = import_trip_file(db, _demo_file("shenzhen-hannover")).id
    assert run(db_target, "export-manifest", "--trip", str(trip), "--day", "2016-09-10", "--out", str(tmp_path)) != 0
    err = capsys.readouterr().err
    assert "No vehicle has passengers on 2016-09-10." in err and "Traceback" not in err


def test_the_personal_itinerary_names_the_members_vehicle(db: Database) -> None:
    trip = import_trip_file(db, _demo_file("shenzhen-hannover")).id
    view = TripView.load(db, trip)
    mayor = view.heads[0]
    text = squeezed(text_of(personal_document(view, mayor.id, language="en")))
    assert squeezed("Your vehicle") in text and squeezed("Car 1 (Car), H-LH 101, Jürgen Meyer, +49 511 0000 701") in text


def test_check_reports_a_member_without_seat_and_a_full_car(
    db: Database, db_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    document = json.loads(_demo_file("hannover-shenzhen").read_text(encoding="utf-8"))
    ride = document["vehicles"]["rides"][0]
    coach = next(s for s in ride["seats"] if s["vehicle"] == "t3")
    coach["people"].remove("p2")  # Kai Schirmeyer loses his seat on the transfer from the airport
    document["vehicles"]["fleet"][0]["seats"] = 2  # and Car 1 has one seat too few
    path = tmp_path / "trip.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    trip = import_trip_file(db, path).id
    code = run(db_target, "check", "--trip", str(trip))
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert any(line.startswith("error: Car 1 carries 3 passengers on “Arrival in Shenzhen and transfer to the hotel”") for line in lines)
    assert any(line.startswith("warning: Kai Schirmeyer has no seat in a vehicle on “Arrival in Shenzhen") for line in lines)


def test_the_manifest_lists_the_airport_pickups_in_time_order_with_the_rides(db: Database, tmp_path: Path) -> None:
    from datetime import date

    from planner.export.manifest import Pickup, manifests
    from planner.export.pdf.manifest import manifest_document

    view = TripView.load(db, import_trip_file(db, _demo_file("hannover-shenzhen")).id)
    [car] = [m for m in manifests(view, date(2016, 10, 24)) if m.vehicle.label == "Car 2"]
    first, second, transfer = car.stops
    assert isinstance(first, Pickup) and isinstance(second, Pickup) and not isinstance(transfer, Pickup)
    assert (first.at.strftime("%H:%M"), first.number, first.terminal, [m.person.family_name for m in first.passengers]) == (
        "10:40", "ZZ 9731", "T3", ["Whitfield"])
    assert second.number == "ZZ 9652" and second.destination is not None  # on to the hotel
    for lang, landing, wait in (("en", "Landing", "Wait at"), ("de", "Landung", "Warten an"), ("zh", "落地", "等候地点")):
        text = squeezed(text_of(manifest_document(view, car, language=lang)))
        assert text.index(squeezed("10:40")) < text.index(squeezed("12:35")) < text.index(squeezed("15:15")), lang
        assert squeezed(landing) in text and squeezed(wait) in text and "ZZ9731" in text and "EmmaWhitfield" in text, lang
    [coach] = [m for m in manifests(view, date(2016, 10, 24)) if m.vehicle.label == "Coach"]
    assert not any(isinstance(stop, Pickup) for stop in coach.stops)  # only the vehicle that picks them up


def test_a_member_leaving_on_their_own_flight_is_taken_there_and_the_lists_say_so(db: Database) -> None:
    """A departure's vehicle: a run on its driver's manifest at the time the flight leaves, from the hotel to the
    airport; the arrivals list and the traveller's itinerary name the car."""
    from planner.domain.enums import Language
    from planner.domain.travel_legs import LegDirection
    from planner.export.arrivals import arrival_lines
    from planner.export.language import DocumentLanguage
    from planner.export.manifest import Pickup, manifests
    from planner.export.pdf.manifest import manifest_document
    from planner.services.travel_legs import trip_legs, update_leg

    trip = import_trip_file(db, _demo_file("hannover-shenzhen")).id
    view = TripView.load(db, trip)
    car = next(v for v in view.bundle.vehicles if v.label == "Car 2")
    leaving = next(leg for leg in trip_legs(db, trip) if leg.direction is LegDirection.DEPARTURE)
    update_leg(db, leaving.evolve(vehicle_id=car.id))
    view = TripView.load(db, trip)
    departs = leaving.local_departure()
    assert departs is not None
    [manifest] = [m for m in manifests(view, departs.date()) if m.vehicle.id == car.id]
    [run_] = [s for s in manifest.stops if isinstance(s, Pickup)]
    assert run_.leaving and run_.at == departs and run_.place == leaving.origin and run_.origin == leaving.destination
    assert run_.destination is not None  # fetched from their hotel
    assert [m.id for m in run_.passengers] == [leaving.membership_id]
    for lang, label, fetch in (("en", "Their flight or train leaves", "Pick up at"), ("de", "Abflug bzw. Abfahrt", "Abholung"),
                               ("zh", "航班/列车出发", "上车地点")):
        text = squeezed(text_of(manifest_document(view, manifest, language=lang)))
        assert squeezed(label) in text and squeezed(fetch) in text and squeezed(leaving.number) in text, lang
    [line] = [x for x in arrival_lines(view, DocumentLanguage.of(Language.EN)) if not x.group and x.number == leaving.number]
    assert line.vehicle.startswith("Car 2, 粤B·A0002, driver 李志强")
    member = next(m for m in view.members if m.id == leaving.membership_id)
    assert squeezed("in Car 2, 粤B·A0002") in squeezed(text_of(personal_document(view, member.id, language="en")))
