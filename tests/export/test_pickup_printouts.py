"""A departure's pick-up time at the hotel on the printouts that name the leg: the traveller's personal itinerary (a
line of its own under the leg, saying when and in which vehicle, or that the time follows) and the hosts' arrivals
list as PDF and spreadsheet (the vehicle cell names the pick-up time, or that it is not set); arrivals unchanged."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.db.engine import Database
from planner.domain.enums import Language
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.export.arrivals import arrival_lines, leg_summary, write_arrivals, your_pickup
from planner.export.language import DocumentLanguage
from planner.export.pdf.arrivals import arrivals_document
from planner.export.pdf.personal import personal_document
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services.travel_legs import trip_legs, update_leg
from tests.export.pdfcheck import squeezed, text_of
from tests.export.test_line_breaking import CLOSING, Drawn, drawn  # noqa: F401 - drawn is the fixture

CAR_2 = {
    "en": "Car 2, 粤B·A0002, driver 李志强 +86 138 0000 0702",
    "de": "Car 2, 粤B·A0002, Fahrer 李志强 +86 138 0000 0702",
    "zh": "Car 2，粤B·A0002，司机李志强 +86 138 0000 0702",
}
#: The traveller's line: what they do (be at the hotel then), then the vehicle and the note for the driver.
TIMED = {
    "en": f"Pick-up at the hotel 21:00 GMT+8 · {CAR_2['en']} · Two suitcases",
    "de": f"Abholung am Hotel: 21:00 GMT+8 · {CAR_2['de']} · Two suitcases",
    "zh": f"酒店上车时间：21:00 GMT+8 · {CAR_2['zh']} · Two suitcases",
}
TO_FOLLOW = {
    "en": f"Pick-up at the hotel: time to follow · {CAR_2['en']} · Two suitcases",
    "de": f"Abholung am Hotel: Uhrzeit folgt · {CAR_2['de']} · Two suitcases",
    "zh": f"酒店上车时间：另行通知 · {CAR_2['zh']} · Two suitcases",
}
LEAVING = {"en": "Leaving: ZZ 9653", "de": "Abreise: ZZ 9653", "zh": "离开：ZZ 9653"}
ARRIVAL_CAR = {"en": "in Car 2, 粤B·A0002", "de": "im Car 2, 粤B·A0002", "zh": "乘坐Car 2，粤B·A0002"}


def _daan_leaving(db: Database, pickup: datetime | None) -> tuple[TripView, TravelLegData]:
    """The Shenzhen demo with Daan de Vries's ZZ 9653 (23:55 in Shenzhen) taken to the airport by Car 2, fetched at
    `pickup` (UTC), the driver told about his luggage."""
    trip = import_trip_file(db, next(DEMO_TRIPS.glob("hannover-shenzhen*.json"))).id
    car = next(v for v in TripView.load(db, trip).bundle.vehicles if v.label == "Car 2")
    leaving = next(leg for leg in trip_legs(db, trip) if leg.direction is LegDirection.DEPARTURE)
    update_leg(db, leaving.evolve(vehicle_id=car.id, pickup=pickup, vehicle_note="Two suitcases"))
    view = TripView.load(db, trip)
    return view, next(leg for leg in view.bundle.travel_legs if leg.id == leaving.id)


def _personal(view: TripView, leg: TravelLegData, language: str) -> str:
    assert leg.membership_id is not None
    return squeezed(text_of(personal_document(view, leg.membership_id, language=language)))


@pytest.mark.parametrize("language", ["en", "de", "zh"])
def test_the_itinerary_says_when_and_in_which_car_under_the_departure(db: Database, language: str) -> None:
    view, leg = _daan_leaving(db, datetime(2016, 10, 27, 13, tzinfo=UTC))  # 21:00 in Shenzhen
    lang = DocumentLanguage.of(language)
    when, vehicle = your_pickup(leg, view, lang) or ("", "")
    assert f"{when} · {vehicle}" == TIMED[language]
    summary = leg_summary(leg, view, lang)
    assert summary.startswith(LEAVING[language]) and "Car 2" not in summary and "Two suitcases" not in summary  # said once
    text = _personal(view, leg, language)
    assert squeezed(TIMED[language]) in text
    assert text.index(squeezed(LEAVING[language])) < text.index(squeezed(TIMED[language]))  # under its own leg
    assert squeezed(ARRIVAL_CAR[language]) in text  # his arrival still says "in Car 2", as before


@pytest.mark.parametrize("language", ["en", "de", "zh"])
def test_without_a_pick_up_time_the_itinerary_names_the_car_and_says_the_time_follows(db: Database, language: str) -> None:
    view, leg = _daan_leaving(db, None)
    lang = DocumentLanguage.of(language)
    when, vehicle = your_pickup(leg, view, lang) or ("", "")
    assert f"{when} · {vehicle}" == TO_FOLLOW[language]
    text = _personal(view, leg, language)
    assert squeezed(TO_FOLLOW[language]) in text
    assert text.index(squeezed(LEAVING[language])) < text.index(squeezed(TO_FOLLOW[language]))


def test_a_car_that_comes_the_evening_before_a_night_flight_says_the_date(db: Database) -> None:
    view, leg = _daan_leaving(db, None)
    night = leg.evolve(departure=datetime(2016, 10, 27, 17, 30, tzinfo=UTC), pickup=datetime(2016, 10, 27, 14, 45, tzinfo=UTC))
    departs = night.local_departure()
    assert departs is not None and (departs.day, departs.hour) == (28, 1)  # 01:30 on the 28th, the car at 22:45 on the 27th
    when = {lang: (your_pickup(night, view, DocumentLanguage.of(lang)) or ("",))[0] for lang in ("en", "de", "zh")}
    assert when == {"en": "Pick-up at the hotel 27/10/2016 22:45 GMT+8", "de": "Abholung am Hotel: 27.10.2016 22:45 GMT+8",
                    "zh": "酒店上车时间：2016/10/27 22:45 GMT+8"}


def test_arrivals_and_legs_without_a_vehicle_have_no_pick_up_line(db: Database) -> None:
    view, leg = _daan_leaving(db, datetime(2016, 10, 27, 13, tzinfo=UTC))
    arrival = next(x for x in view.bundle.travel_legs if x.membership_id == leg.membership_id and x.direction is LegDirection.ARRIVAL)
    en = DocumentLanguage.of(Language.EN)
    assert arrival.vehicle_id is not None and your_pickup(arrival, view, en) is None
    assert leg_summary(arrival, view, en).endswith(f"in {CAR_2['en']} · Straight to the hotel / 直接送酒店")
    without = leg.evolve(vehicle_id=None, pickup=None)
    assert your_pickup(without, view, en) is None and leg_summary(without, view, en).endswith("Terminal T3 · Two suitcases")


#: The hosts' vehicle cell: the vehicle, when it leaves the hotel (on the flight's clock, as the row's times), the note.
HOSTS_TIMED = {
    "en": f"{CAR_2['en']}; pick-up at the hotel 21:00 GMT+8; Two suitcases",
    "de": f"{CAR_2['de']}; Abholung am Hotel 21:00 GMT+8; Two suitcases",
    "zh": f"{CAR_2['zh']}；酒店接人时间：21:00 GMT+8；Two suitcases",
}
HOSTS_NOT_SET = {
    "en": f"{CAR_2['en']}; pick-up time at the hotel not set; Two suitcases",
    "de": f"{CAR_2['de']}; Abholzeit am Hotel nicht festgelegt; Two suitcases",
    "zh": f"{CAR_2['zh']}；酒店接人时间未定；Two suitcases",
}


@pytest.mark.parametrize(("pickup", "expected"), [(datetime(2016, 10, 27, 13, tzinfo=UTC), HOSTS_TIMED), (None, HOSTS_NOT_SET)])
def test_the_hosts_list_names_the_pick_up_time_in_the_departures_vehicle_cell(
        db: Database, pickup: datetime | None, expected: dict[str, str]) -> None:
    view, leg = _daan_leaving(db, pickup)
    for language, cell in expected.items():
        lines = [line for line in arrival_lines(view, DocumentLanguage.of(language)) if not line.group]
        assert [line.number for line in lines] == ["ZZ 9731", "ZZ 9652", "ZZ 9653"]  # time order as before
        emma, daan, leaving = lines
        assert leaving.vehicle == cell, language
        assert emma.vehicle.startswith(CAR_2[language]) and "酒店" not in emma.vehicle and "hotel" not in emma.vehicle
        glue = "；" if language == "zh" else "; "
        assert daan.vehicle == f"{CAR_2[language]}{glue}Straight to the hotel / 直接送酒店"  # his arrival, as before


@pytest.mark.parametrize("language", ["en", "de", "zh"])
def test_the_hosts_pdf_and_sheet_carry_the_pick_up_time(db: Database, tmp_path: Path, language: str) -> None:
    view, leg = _daan_leaving(db, datetime(2016, 10, 27, 13, tzinfo=UTC))
    trip = view.trip.id
    assert trip is not None
    text = squeezed(text_of(write_arrivals(db, trip, tmp_path / "arrivals.pdf", language=language)))
    assert squeezed(HOSTS_TIMED[language]) in text
    assert text.index(squeezed("ZZ 9653")) < text.index(squeezed(HOSTS_TIMED[language]))  # in the departure's row
    sheet = load_workbook(write_arrivals(db, trip, tmp_path / "arrivals.xlsx", language=language)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    vehicle = rows[0].index({"en": "Vehicle", "de": "Fahrzeug", "zh": "车辆"}[language])
    [row] = [r for r in rows[1:] if r[7] == "ZZ 9653"]
    assert row[vehicle] == HOSTS_TIMED[language]


@pytest.mark.parametrize("language", ["zh", "de"])
def test_the_pick_up_lines_break_as_the_language_requires(db: Database, drawn: list[Drawn], language: str) -> None:
    """Chinese is long in the hosts' narrow vehicle cell and the itinerary's row: the time with its zone stays whole,
    no line starts with closing punctuation, and the Chinese lines carry no half-width colon or comma of ours."""
    view, leg = _daan_leaving(db, datetime(2016, 10, 27, 13, tzinfo=UTC))
    assert leg.membership_id is not None
    personal_document(view, leg.membership_id, language=language)
    arrivals_document(view, language=language)
    ours = (TIMED[language].split(" · ")[0], HOSTS_TIMED[language].split("；" if language == "zh" else "; ")[1])
    lines = [(d, index, line) for d in drawn for index, line in enumerate(d.hard) if any(t in line for t in ours)]
    assert len(lines) == 2  # the itinerary's line under the leg, the hosts' vehicle cell
    for d, index, line in lines:
        rows = [line[start:end] for hard, start, end in d.rows if hard == index]
        assert any("21:00 GMT+8" in row for row in rows), rows  # never split
        assert not any(row[:1] in CLOSING for row in rows[1:]), rows
    if language == "zh":
        assert all(":" not in t.replace("21:00", "") and "," not in t for t in ours)
