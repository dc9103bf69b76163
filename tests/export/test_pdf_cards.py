"""Taxi cards: a card per site, the local script large, nobody's personal data."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli.main import main
from planner.db.engine import Database
from planner.domain.entities import TripData
from planner.domain.errors import PlannerError
from planner.domain.localized import LocalizedText
from planner.export.pdf.cards import cards_document, taxi_cards
from planner.export.pdf.fonts import missing_glyphs
from planner.export.tripview import TripView
from planner.services import trips
from tests.export.pdfcheck import reader, squeezed, text_of
from tests.export.protocol_support import HANNOVER_FILE, SHENZHEN_FILE, delegation_names, import_demo, private_values

A6_POINTS = (298, 420)
A4_POINTS = (595, 842)


@pytest.fixture
def shenzhen(db: Database) -> TripView:
    return TripView.load(db, import_demo(db, SHENZHEN_FILE))


def _page_size(page: object) -> tuple[int, int]:
    box = page.mediabox  # type: ignore[attr-defined]
    return round(float(box.width)), round(float(box.height))


def test_a_card_for_every_site_in_the_order_of_the_visits(shenzhen: TripView) -> None:
    cards = taxi_cards(shenzhen)
    assert [c.venue.id for c in cards] == [v.id for v in shenzhen.venues_of(shenzhen.items)]
    names = [c.venue.name.en for c in cards]
    assert names[:4] == ["Frankfurt Airport, Terminal 1", "Shenzhen Bao'an International Airport, Terminal 3",
                         "InterContinental Shenzhen", "Lingnan Ge Restaurant (Cantonese cuisine)"]
    assert len(cards) == 11


def test_each_card_is_one_a6_page_with_the_local_script_and_the_hosts_phone(shenzhen: TripView) -> None:
    data = cards_document(shenzhen, language="en")
    pages = reader(data).pages
    cards = taxi_cards(shenzhen)
    assert len(pages) == len(cards)
    assert all(_page_size(page) == A6_POINTS for page in pages)
    for card, page in zip(cards, pages, strict=True):
        text = squeezed(page.extract_text())
        venue = card.venue
        if venue.country == "CN":
            assert squeezed(venue.name.zh) in text
            # The local name comes first, large; the romanised address after it, small.
            assert text.index(squeezed(venue.name.zh)) < text.index(squeezed(venue.address_romanised))
        assert squeezed(venue.address_local) in text
        assert card.host is not None and squeezed(card.host.phone) in text
    assert not missing_glyphs(text_of(data))


def test_the_host_is_the_items_host_contact_with_a_phone(shenzhen: TripView) -> None:
    by_name = {c.venue.name.en: c for c in taxi_cards(shenzhen)}
    ocat = by_name["OCAT Shenzhen – OCT Contemporary Art Terminal (headquarters)"]
    assert ocat.host is not None and (ocat.host.native_name, ocat.host.phone) == ("王梦琪", "+86 755 0000 311")
    civic = by_name["Shenzhen Civic Center (seat of the Municipal Government)"]
    assert civic.host is not None and civic.host.name == "Zhao Lei"  # the vice-mayor has no phone on file


def test_four_cards_on_an_a4_sheet(shenzhen: TripView) -> None:
    data = cards_document(shenzhen, language="de", four_up=True)
    pages = reader(data).pages
    assert len(pages) == 3  # 11 cards
    assert all(_page_size(page) == A4_POINTS for page in pages)
    first = squeezed(pages[0].extract_text())
    assert all(squeezed(name) in first for name in ("深圳宝安国际机场T3航站楼", "深圳华侨城洲际大酒店", "岭南阁粤菜馆"))


def test_in_germany_the_card_is_german_with_the_chinese_name_small(db: Database) -> None:
    view = TripView.load(db, import_demo(db, HANNOVER_FILE))
    text = squeezed(text_of(cards_document(view, language="zh")))
    assert squeezed("Herrenhäuser Straße 5, 30419 Hannover") in text
    assert "海恩豪森宫会议中心" in text
    assert text.index(squeezed("Tagungszentrum Schloss Herrenhausen")) < text.index("海恩豪森宫会议中心")


@pytest.mark.parametrize("trip_file", [SHENZHEN_FILE, HANNOVER_FILE], ids=["shenzhen", "hannover"])
def test_no_personal_data_of_the_delegation(db: Database, trip_file: Path) -> None:
    view = TripView.load(db, import_demo(db, trip_file))
    text = text_of(cards_document(view, four_up=True))
    secret = private_values(trip_file, ("email", "phone", "passport_number", "dietary_needs", "notes")) + delegation_names(trip_file)
    assert secret and not [value for value in secret if value in text]


def test_a_programme_without_venues_has_no_cards(db: Database) -> None:
    from datetime import date

    trip = trips.create_trip(db, TripData(title=LocalizedText(en="Empty"), first_day=date(2026, 1, 5), last_day=date(2026, 1, 6))).after
    with pytest.raises(PlannerError, match="no taxi card"):
        cards_document(TripView.load(db, trip.id))


def test_cli_writes_the_cards(db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip_id = import_demo(db, SHENZHEN_FILE)
    db.close()
    out = tmp_path / "cards.pdf"
    assert main(["--lang", "en", "--db", str(db_path), "export-cards", "--trip", str(trip_id), "--out", str(out), "--four-up"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}"
    assert len(reader(out).pages) == 3
    assert main(["--lang", "en", "--db", str(db_path), "export-cards", "--trip", "999", "--out", str(out)]) == 1
    assert "There is no trip 999." in capsys.readouterr().err
