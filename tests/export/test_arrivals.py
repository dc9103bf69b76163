"""The hosts' arrivals list: members' own legs and the delegation's journeys in time order, each time on its own
clock, as PDF (in the hosts' language by default) and as an Excel sheet; `planner export-arrivals`."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.cli.main import main
from planner.db.engine import Database
from planner.domain.enums import Language
from planner.domain.errors import PlannerError
from planner.export.arrivals import arrival_lines, default_language, write_arrivals
from planner.export.language import DocumentLanguage
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from tests.export.pdfcheck import squeezed, text_of


def _demo(db: Database, stem: str) -> int:
    return import_trip_file(db, next(p for p in DEMO_TRIPS.glob("*.json") if p.stem.startswith(stem))).id


def test_the_shenzhen_list_runs_in_time_order_with_own_flights_before_the_group(db: Database) -> None:
    view = TripView.load(db, _demo(db, "hannover-shenzhen"))
    lines = arrival_lines(view, DocumentLanguage.of(Language.EN))
    assert [(line.at.strftime("%d %H:%M"), line.who.split(" · ")[0], line.number) for line in lines[:3]] == [
        ("24 10:40", "Emma Whitfield", "ZZ 9731"), ("24 12:35", "Daan de Vries", "ZZ 9652"),
        ("24 14:15", "Peter Eisenschmidt", "Flight Frankfurt am Main – Shenzhen"),  # the group's flight, by its landing
    ]
    emma = lines[0]
    assert (emma.rank, emma.direction, emma.terminal, emma.function) == (16, "Arriving", "T3", "Type and Brand Designer")
    assert emma.departure.isoformat() == "2016-10-23T15:40:00+01:00"  # London's clock
    assert emma.met_by.startswith("Liu Yang (刘洋), Project Manager")
    assert lines[-1].number == "ZZ 9653" and lines[-1].direction == "Leaving"  # Daan leaves after the group's 20:30 flight
    group = lines[2]
    assert group.group and group.rank is None and group.who == "Peter Eisenschmidt · 18 travellers"


def test_chinese_readers_get_native_names_and_the_hosts_language_is_the_default(db: Database) -> None:
    view = TripView.load(db, _demo(db, "hannover-shenzhen"))
    assert default_language(view) is Language.ZH
    assert default_language(TripView.load(db, _demo(db, "shenzhen-hannover"))) is Language.DE
    lines = arrival_lines(view, DocumentLanguage.of(Language.ZH))
    assert lines[0].met_by == "刘洋（国际合作项目经理（“设计之都”））"
    group = next(line for line in lines if line.group and "；" in line.met_by)  # Chinese punctuation between those meeting the group
    assert "; " not in group.met_by and group.met_by.startswith("陈静")


def test_the_hannover_list_has_the_delegations_shared_flight(db: Database) -> None:
    view = TripView.load(db, _demo(db, "shenzhen-hannover"))
    lines = arrival_lines(view, DocumentLanguage.of(Language.DE))
    assert lines[0].number == "Anreise: Flug Frankfurt am Main – Hannover" and lines[0].who.startswith("Xu Qin (许勤) · 12 ")
    assert all(line.group for line in lines)
    welcome = lines[1]  # no host of its own: the hosts going along meet the delegation
    assert welcome.met_by.startswith("Anja Lindner") and "Jens Krüger" in welcome.met_by


@pytest.mark.parametrize("language", ["de", "zh", "en"])
def test_the_pdf_names_every_traveller_in_each_language(db: Database, tmp_path: Path, language: str) -> None:
    trip = _demo(db, "hannover-shenzhen")
    text = squeezed(text_of(write_arrivals(db, trip, tmp_path / "arrivals.pdf", language=language)))
    assert all(number in text for number in ("ZZ9731", "ZZ9652", "ZZ9653"))
    assert {"de": "GMT+8", "zh": "GMT+8", "en": "GMT+8"}[language] in text
    assert ("刘洋" if language == "zh" else "LiuYang") in text


def test_the_spreadsheet_has_dates_as_dates_and_one_row_per_line(db: Database, tmp_path: Path) -> None:
    trip = _demo(db, "hannover-shenzhen")
    path = write_arrivals(db, trip, tmp_path / "arrivals.xlsx", language="de")
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Datum", "Zeit", "Zeitzone", "Anreise oder Abreise", "Rangfolge", "Name")
    assert rows[1][0].date().isoformat() == "2016-10-24" and rows[1][1] == "10:40" and rows[1][4] == 16
    assert len(rows) - 1 == len(arrival_lines(TripView.load(db, trip), DocumentLanguage.of(Language.DE)))


def test_another_file_kind_is_refused_by_name(db: Database, tmp_path: Path) -> None:
    with pytest.raises(PlannerError) as caught:
        write_arrivals(db, _demo(db, "hannover-shenzhen"), tmp_path / "arrivals.csv")
    assert caught.value.message() == "Please name the arrivals list .pdf or .xlsx, not “arrivals.csv”."


def test_the_command_writes_the_list_in_the_hosts_language(db: Database, db_target: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    trip = _demo(db, "hannover-shenzhen")
    out = tmp_path / "arrivals.pdf"
    assert main(["--lang", "en", "--db", db_target, "export-arrivals", "--trip", str(trip), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}"
    assert "抵达" in text_of(out) or "到达" in text_of(out)
    assert main(["--lang", "en", "--db", db_target, "export-arrivals", "--trip", str(trip), "--out", str(tmp_path / "x.txt")]) != 0
    assert "arrivals list" in capsys.readouterr().err


def test_the_personal_itinerary_names_the_readers_own_legs_and_nobody_elses(db: Database) -> None:
    from planner.export.pdf.personal import personal_document

    view = TripView.load(db, _demo(db, "hannover-shenzhen"))
    daan = next(m for m in view.members if m.person.family_name == "de Vries")
    text = squeezed(text_of(personal_document(view, daan.id, language="en")))
    assert "Arriving:ZZ9652AmsterdamSchiphol(AMS)→ShenzhenBao'an(SZX)" in text and "Leaving:ZZ9653" in text
    assert "metbyChenJing(陈静)" in text and "ZZ9731" not in text  # Emma's flight is hers
    head = next(m for m in view.members if m.person.family_name == "Eisenschmidt")
    assert "Yourowntravel" not in squeezed(text_of(personal_document(view, head.id, language="en")))


def test_the_list_names_the_vehicle_with_plate_driver_and_phone_then_the_note(db: Database, tmp_path: Path) -> None:
    trip = _demo(db, "hannover-shenzhen")
    view = TripView.load(db, trip)
    emma, daan, leaving = [line for line in arrival_lines(view, DocumentLanguage.of(Language.EN)) if not line.group]
    assert emma.vehicle == "Car 2, 粤B·A0002, driver 李志强 +86 138 0000 0702; Sign at exit B / B出口举牌接机"
    assert daan.vehicle.startswith("Car 2, 粤B·A0002, driver 李志强")
    assert leaving.vehicle == "Taxi at 21:30, booked by the hotel / 酒店预订21:30出租车"  # words alone, no vehicle
    text = squeezed(text_of(write_arrivals(db, trip, tmp_path / "list.pdf", language="de").read_bytes()))
    assert squeezed("Car 2, 粤B·A0002, Fahrer 李志强 +86 138 0000 0702") in text


def test_the_personal_itinerary_says_who_meets_them_in_which_vehicle(db: Database) -> None:
    from planner.export.pdf.personal import personal_document

    view = TripView.load(db, _demo(db, "hannover-shenzhen"))
    daan = next(m for m in view.members if m.person.family_name == "de Vries")
    text = squeezed(text_of(personal_document(view, daan.id, language="en")))
    assert "metbyChenJing(陈静)" in text
    assert squeezed("in Car 2, 粤B·A0002, driver 李志强 +86 138 0000 0702") in text
