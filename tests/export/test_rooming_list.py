"""The rooming list of each demo hotel: every guest named, sharers together, in the hotel's language with English,
by precedence or by name, as PDF and as Excel; and `planner export-rooming`."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.cli.main import main
from planner.db.engine import Database
from planner.domain.enums import RoomingOrder
from planner.domain.errors import PlannerError
from planner.domain.names import full_name
from planner.export.rooming_list import rooming_bytes, rooming_lines, trip_hotels, write_rooming_list
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from tests.export.pdfcheck import squeezed, text_of


def _demo(db: Database, stem: str) -> int:
    return import_trip_file(db, DEMO_TRIPS / f"{stem}.json").id


@pytest.mark.parametrize("stem", ["hannover-shenzhen-2016", "shenzhen-hannover-2016"])
def test_the_demo_lists_name_every_guest_in_the_hotels_language_and_english(db: Database, stem: str) -> None:
    view = TripView.load(db, _demo(db, stem))
    [hotel] = trip_hotels(view)
    lines = rooming_lines(view, hotel.id or 0)
    text = squeezed(text_of(rooming_bytes(view, hotel, ".pdf", issued=date(2016, 9, 1))))
    for line in lines:
        assert squeezed(line.guest) in text
    assert "RoomingList".casefold() in text.casefold()
    assert "Asof1September2016" in text  # the English "As of" with an English date, not the hotel language's
    assert "Asof2016年9月1日" not in text and "Asof1.September2016" not in text
    sheet = load_workbook(io.BytesIO(rooming_bytes(view, hotel, ".xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == [line.guest for line in lines]
    assert rows[1][4].date() == lines[0].arrival and rows[1][6] == lines[0].nights
    first_language = "房型" if hotel.country == "CN" else "Zimmerart"
    assert rows[0][2] == f"{first_language} / Room type"


@pytest.mark.parametrize("stem", ["hannover-shenzhen-2016", "shenzhen-hannover-2016"])
def test_no_date_or_heading_of_the_list_wraps_in_any_language(db: Database, stem: str) -> None:
    """The day columns are as wide as their dates: "10月24日 周一" and "So., 11. Sept." stay on one line each."""
    from planner import formatting
    from planner.export.language import DocumentLanguage

    view = TripView.load(db, _demo(db, stem))
    [hotel] = trip_hotels(view)
    lines = rooming_lines(view, hotel.id or 0)
    for language in ("de", "zh", "en"):
        printed = text_of(rooming_bytes(view, hotel, ".pdf", language=language)).splitlines()
        lang = DocumentLanguage.of(language)
        days = {formatting.day_heading(day, lang.locale) for line in lines for day in (line.arrival, line.departure)}
        headings = {lang.t(h) for h in ("Room", "Arrival", "Departure", "Nights")}
        broken = sorted(text for text in days | headings if not any(text in row for row in printed))
        assert broken == [], f"{language}: wrapped or cut: {broken}"


def test_the_head_comes_first_and_sharers_stay_together(db: Database) -> None:
    view = TripView.load(db, _demo(db, "hannover-shenzhen-2016"))
    [hotel] = trip_hotels(view)
    lines = rooming_lines(view, hotel.id or 0)
    names = [line.member.person.family_name for line in lines]
    assert names[0] == "Eisenschmidt" and lines[0].room.room_label == "2808" and lines[0].nights == 3
    assert names.index("Nowak") == names.index("Hesse") + 1  # Nowak ranks lower, but shares Hesse's room
    by_name = [line.member.person.family_name for line in rooming_lines(view, hotel.id or 0, RoomingOrder.NAME)]
    assert by_name[:3] == ["Albers", "Zhou", "Aydın"]  # Zhou shares with Albers
    assert len(lines) == 20 and {line.departure for line in lines} == {date(2016, 10, 27)}


def test_the_cli_writes_the_list_and_refuses_a_wrong_name(db: Database, db_target: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    trip = _demo(db, "shenzhen-hannover-2016")
    out = tmp_path / "rooming.pdf"
    assert main(["--lang", "en", "--db", db_target, "export-rooming", "--trip", str(trip), "--out", str(out), "--order", "name"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}"
    text = squeezed(text_of(out))
    assert text.index(squeezed("Chen Yu (陈宇)")) < text.index(squeezed("Xu Qin (许勤)"))  # by name: Chen before Xu
    assert "Zimmer" in text_of(out)  # a German hotel: German first
    assert main(["--lang", "en", "--db", db_target, "export-rooming", "--trip", str(trip), "--out", str(tmp_path / "r.doc")]) != 0
    assert "Please name the rooming list .xlsx or .pdf" in capsys.readouterr().err
    with pytest.raises(PlannerError, match="holds no rooms at hotel 999"):
        write_rooming_list(db, trip, tmp_path / "r.xlsx", hotel_id=999)


def test_full_names_carry_the_native_script(db: Database) -> None:
    view = TripView.load(db, _demo(db, "shenzhen-hannover-2016"))
    [hotel] = trip_hotels(view)
    head = rooming_lines(view, hotel.id or 0)[0]
    person = head.member.person
    assert head.guest == full_name(person.family_name, person.given_name, person.native_name) == "Xu Qin (许勤)"


def test_the_personal_itinerary_names_the_hotel_for_the_nights_and_on_the_emergency_page(db: Database) -> None:
    from planner.export.pdf import personal_document

    view = TripView.load(db, _demo(db, "hannover-shenzhen-2016"))
    head, nowak = view.members[0], next(m for m in view.members if m.person.family_name == "Nowak")
    text = squeezed(text_of(personal_document(view, head.id, language="en")))
    assert squeezed("Nights 24–26 October 2016: InterContinental Shenzhen, Executive Suite, room 2808") in text
    chinese = squeezed(text_of(personal_document(view, nowak.id, language="zh")))
    assert squeezed("2016年10月24日至26日入住：深圳华侨城洲际大酒店，豪华双床房，1512号房") in chinese
    assert [h.name.en for h in view.lodging(head.id)] == ["InterContinental Shenzhen"]
