"""Seating plans as PDF: precedence, both scripts, interpreters behind their principals; and the gift register."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.db.engine import Database
from planner.domain.enums import GiftDirection, Role, SeatingArrangement, SeatSide
from planner.domain.errors import PlannerError
from planner.domain.seating import Candidate, generate_seating, offset, spot, swapped
from planner.export.gift_list import gift_lines, gift_table, totals, write_gift_list
from planner.export.language import DocumentLanguage
from planner.export.pdf.fonts import missing_glyphs
from planner.export.pdf.seating import numbered, plan_for, seating_document, seating_pdf
from planner.export.tripview import TripView
from planner.services import protocol
from tests.export.pdfcheck import reader, squeezed, text_of
from tests.export.protocol_support import HANNOVER_FILE, SHENZHEN_FILE, import_demo, private_values

BANQUET = "Evening banquet hosted by the Shenzhen Municipal Government"


@pytest.fixture
def shenzhen(db: Database) -> TripView:
    return TripView.load(db, import_demo(db, SHENZHEN_FILE))


def test_places_alternate_right_and_left_of_the_principal() -> None:
    assert [offset(p) for p in range(7)] == [0, 1, -1, 2, -2, 3, -3]


def test_generated_plan_seats_the_principals_opposite_and_interpreters_behind() -> None:
    people = [Candidate(1, Role.HEAD, 1), Candidate(2, Role.MEMBER, 2), Candidate(3, Role.MEMBER, 3), Candidate(4, Role.INTERPRETER, 4),
              Candidate(5, Role.HOST, 5), Candidate(6, Role.HOST, 6), Candidate(7, Role.INTERPRETER, 7)]
    plan = generate_seating(people)
    spots = {s.membership_id: spot(s, plan.arrangement) for s in plan.seats}
    assert spots[1].column == spots[5].column == 0 and spots[5].row < spots[1].row  # face to face across the table
    assert spots[2].column == 1 and spots[3].column == -1  # no. 2 on the guest principal's right, no. 3 on the left
    assert spots[6].column == -1  # the host's right is the viewer's left: the hosts look down the page
    assert (spots[4].column, spots[4].row) == (0, 2) and (spots[7].column, spots[7].row) == (0, -1)  # behind their principals
    side = generate_seating(people, SeatingArrangement.SIDE_BY_SIDE)
    side_spots = {s.membership_id: spot(s, side.arrangement) for s in side.seats}
    assert (side_spots[5].column, side_spots[1].column) == (0, -1)  # the guest of honour on the host's right
    assert side_spots[2].column == -2 and side_spots[6].column == 1


def test_swapping_two_seats() -> None:
    plan = generate_seating([Candidate(1, Role.HEAD, 1), Candidate(2, Role.HOST, 2)])
    changed = swapped(plan, 1, 2)
    assert changed.seat_of(1).side is SeatSide.HOST and changed.seat_of(2).side is SeatSide.GUEST


def test_the_banquet_plan_follows_precedence_in_both_scripts(db: Database, shenzhen: TripView) -> None:
    banquet = next(i for i in shenzhen.items if i.title.en == BANQUET)
    plan, proposed = plan_for(db, shenzhen, banquet.id)
    assert not proposed  # the demo has it saved
    seats = numbered(shenzhen, plan)
    hosts = [ns.member.person.family_name for ns in seats if ns.seat.side is SeatSide.HOST and not ns.seat.behind]
    guests = [ns.member.person.family_name for ns in seats if ns.seat.side is SeatSide.GUEST and not ns.seat.behind]
    assert hosts == ["Chen", "Liu"] and len(guests) == 19
    assert plan.arrangement is SeatingArrangement.ROUND and sorted({ns.seat.table for ns in seats}) == [0, 1, 2]  # 21 at tables of 10
    chair = {ns.member.person.family_name: (ns.seat.table, ns.seat.chair) for ns in seats if not ns.seat.behind}
    # host at the seat of honour, chief guest on the right; the deputy opposite (7 at the table: chair 3), the guests' deputy on theirs
    assert chair["Chen"] == (0, 0) and chair["Eisenschmidt"] == (0, 1) and chair["Liu"] == (0, 3) and chair["Schirmeyer"] == (0, 4)
    behind = {ns.member.person.family_name: (ns.seat.side, ns.seat.chair) for ns in seats if ns.seat.behind}
    assert behind == {"Zhou": (SeatSide.GUEST, 1), "Huang": (SeatSide.HOST, 0)}
    data = seating_document(shenzhen, [(plan, False)], language="zh", second="en")
    text = squeezed(text_of(data))
    assert not missing_glyphs(text_of(data))
    assert "深圳市人民政府欢迎晚宴" in text and squeezed(BANQUET) in text
    # The list names everyone by seat number, table by table round from the seat of honour.
    for names in (("Chen Jing", "陈静", "Liu Yang"), ("Peter Eisenschmidt", "Annette Brückner", "Kai Schirmeyer", "Miriam Aydın")):
        order = [text.rindex(squeezed(name)) for name in names]
        assert order == sorted(order)
    assert "周美玲" in text and "黄晓雯" in text
    assert "来宾/Guests" in text and "来宾人数" not in text  # the guests' party, not a number of guests
    assert round(float(reader(data).pages[0].mediabox.width)) == 842  # landscape
    first_page = squeezed(reader(data).pages[0].extract_text())
    assert all(squeezed(name) in first_page for name in ("Hannes Brandt", "Julia Seidel", "Emma Whitfield"))  # names at the chairs


def test_chairs_show_numbers_when_names_do_not_fit(shenzhen: TripView) -> None:
    from planner.export.pdf.seating import RoundDiagram

    banquet = next(i for i in shenzhen.items if i.title.en == BANQUET)
    plan = next(p for p in shenzhen.bundle.seatings if p.item_id == banquet.id)
    langs = [DocumentLanguage.of("en")]
    assert RoundDiagram(numbered(shenzhen, plan), plan, 770, langs).names
    crowded = generate_seating([Candidate(ns.seat.membership_id, ns.member.role, n) for n, ns in enumerate(numbered(shenzhen, plan))],
                               SeatingArrangement.ROUND, item_id=banquet.id, table_size=24)
    assert not RoundDiagram(numbered(shenzhen, crowded), crowded, 770, langs).names  # 21 names round one table: numbers


def test_a_plan_shows_no_personal_data(shenzhen: TripView, db: Database) -> None:
    text = text_of(seating_document(shenzhen, [(p, False) for p in shenzhen.bundle.seatings], language="en"))
    secret = private_values(SHENZHEN_FILE, ("email", "phone", "passport_number", "dietary_needs", "notes"))
    assert secret and [value for value in secret if value in text] == []


def test_an_item_without_a_saved_plan_gets_a_proposal(db: Database, shenzhen: TripView, tmp_path: Path) -> None:
    lunch = next(i for i in shenzhen.items if i.title.en == "Working lunch at Fantawild")
    path = seating_pdf(db, shenzhen.trip.id, tmp_path / "lunch.pdf", item_id=lunch.id)
    assert "Proposed from the order of precedence" in text_of(path)
    with pytest.raises(PlannerError, match="is not part of trip"):
        seating_pdf(db, shenzhen.trip.id, tmp_path / "x.pdf", item_id=99999)


def test_every_saved_plan_on_its_own_page(db: Database, tmp_path: Path) -> None:
    trip_id = import_demo(db, HANNOVER_FILE)
    path = seating_pdf(db, trip_id, tmp_path / "all.pdf", language="de", second="zh")
    text = squeezed(text_of(path))
    assert squeezed("Arbeitsgespräch von Oberbürgermeister Stefan Schostok und Bürgermeister Xu Qin") in text
    assert squeezed("Mittagessen") in text or squeezed("Lunch hosted by the Lord Mayor") in text
    for plan in TripView.load(db, trip_id).bundle.seatings:
        protocol.delete_seating(db, plan.item_id or 0)
    with pytest.raises(PlannerError, match="No programme item of this trip has a seating plan"):
        seating_pdf(db, trip_id, tmp_path / "none.pdf")


# --- the gift register -----------------------------------------------------------------------------


def test_gift_lines_name_both_sides_in_programme_order(shenzhen: TripView) -> None:
    lines = gift_lines(shenzhen, DocumentLanguage.of("en"))
    assert [(line.direction, line.giver.split(" (")[0], line.recipient) for line in lines] == [
        ("Given", "Mr Peter Eisenschmidt", "Lin Zhiyuan, Vice-Mayor of Shenzhen"),
        ("Received", "Lin Zhiyuan, Vice-Mayor of Shenzhen", "Mr Peter Eisenschmidt"),
        ("Received", "Fantawild Holdings", "The delegation"),
        ("Given", "Mr Kai Schirmeyer", "Foreign Affairs Office of the Shenzhen Municipal People's Government"),
    ]
    # The other party in the document's language where the trip knows them (a venue's contact, an organisation).
    chinese = gift_lines(shenzhen, DocumentLanguage.of("zh"))
    assert chinese[0].recipient == "林志远（深圳市副市长）" and chinese[3].recipient.startswith("深圳市")
    # A name entered with its other script in brackets is turned for the reader: Chinese first in Chinese.
    assert chinese[2].giver == "华强方特（Fantawild Holdings）"
    assert gift_lines(shenzhen, DocumentLanguage.of("de"))[2].giver == "Fantawild Holdings (华强方特)"
    assert gift_lines(shenzhen, DocumentLanguage.of("de"))[1].giver == "Lin Zhiyuan, Vizebürgermeister der Stadt Shenzhen"
    assert totals(lines) == {(GiftDirection.GIVEN, "EUR"): Decimal("189.90"), (GiftDirection.RECEIVED, "CNY"): Decimal("480.00"),
                             (GiftDirection.RECEIVED, "EUR"): Decimal("25.00")}


def test_gift_list_as_csv_xlsx_and_pdf(db: Database, shenzhen: TripView, tmp_path: Path) -> None:
    trip_id = shenzhen.trip.id
    rows = list(csv.reader(io.StringIO(write_gift_list(db, trip_id, tmp_path / "g.csv", language="de").read_text("utf-8-sig")), delimiter=";"))
    assert len(rows) == 5 and rows[1][0] == "2016-10-25" and rows[1][6] == "39,9" and rows[1][7] == "EUR"
    headers, values = gift_table(shenzhen, DocumentLanguage.of("en"), spreadsheet=True)
    assert headers[0] == "Date" and values[0][6] == 39.9
    from openpyxl import load_workbook

    sheet = load_workbook(write_gift_list(db, trip_id, tmp_path / "g.xlsx")).active
    assert sheet.cell(row=2, column=7).value == 39.9 and sheet.cell(row=3, column=8).value == "CNY"
    pdf = squeezed(text_of(write_gift_list(db, trip_id, tmp_path / "g.pdf", language="zh")))
    assert "画册《汉诺威——联合国教科文组织音乐之都》" in pdf and "深圳湾风景瓷盘" in pdf
    with pytest.raises(PlannerError, match=r"\.csv, \.xlsx or \.pdf"):
        write_gift_list(db, trip_id, tmp_path / "g.txt")


def test_cli_seating_and_gifts(db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip_id = import_demo(db, SHENZHEN_FILE)
    db.close()
    base = ["--lang", "en", "--db", str(db_path)]
    assert main([*base, "export-seating", "--trip", str(trip_id), "--out", str(tmp_path / "s.pdf"), "--lang", "zh", "--bilingual", "en"]) == 0
    assert main([*base, "export-gifts", "--trip", str(trip_id), "--out", str(tmp_path / "g.csv"), "--delimiter", "comma"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"Wrote {tmp_path / 's.pdf'}", f"Wrote {tmp_path / 'g.csv'}"]
    assert "Peter Eisenschmidt" in (tmp_path / "g.csv").read_text("utf-8-sig")
