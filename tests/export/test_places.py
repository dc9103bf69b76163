"""Addresses in the reader's script, and the local script for a taxi driver only where the scripts differ."""

from __future__ import annotations

from planner.db.engine import Database
from planner.domain.entities import VenueData
from planner.domain.localized import LocalizedText
from planner.export.language import DocumentLanguage
from planner.export.pdf import personal_document, programme_document
from planner.export.places import address_for, for_the_driver
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from tests.export.pdfcheck import squeezed, text_of

HOTEL_SHENZHEN = VenueData(
    name=LocalizedText(en="InterContinental Shenzhen", zh="深圳华侨城洲际大酒店"), country="CN",
    address_local="深圳市南山区深南大道9009号", address_romanised="9009 Shennan Road, Nanshan District, Shenzhen",
)
HOTEL_HANNOVER = VenueData(
    name=LocalizedText(de="Kastens Hotel Luisenhof", en="Kastens Hotel Luisenhof", zh="卡斯滕斯路易森霍夫酒店"), country="DE",
    address_local="Luisenstraße 1–3, 30159 Hannover", address_romanised="Luisenstrasse 1-3, 30159 Hannover",
)

DE, EN, ZH = (DocumentLanguage.of(code) for code in ("de", "en", "zh"))


def test_a_german_in_shenzhen_gets_the_chinese_for_the_driver() -> None:
    assert address_for(DE, HOTEL_SHENZHEN) == "9009 Shennan Road, Nanshan District, Shenzhen"
    assert for_the_driver(DE, HOTEL_SHENZHEN) == ("深圳华侨城洲际大酒店", "深圳市南山区深南大道9009号")


def test_a_chinese_reader_at_home_needs_nothing_extra() -> None:
    assert address_for(ZH, HOTEL_SHENZHEN) == "深圳市南山区深南大道9009号"
    assert for_the_driver(ZH, HOTEL_SHENZHEN) == ()


def test_a_chinese_visitor_in_hannover_gets_the_german_for_the_driver() -> None:
    assert for_the_driver(ZH, HOTEL_HANNOVER) == ("Kastens Hotel Luisenhof", "Luisenstraße 1–3, 30159 Hannover")


def test_between_latin_scripts_nothing_is_added() -> None:
    assert address_for(EN, HOTEL_HANNOVER) == "Luisenstraße 1–3, 30159 Hannover"  # the local spelling, readable as it is
    assert for_the_driver(EN, HOTEL_HANNOVER) == ()
    assert for_the_driver(DE, HOTEL_HANNOVER) == ()


def test_without_a_local_name_the_address_alone_is_given() -> None:
    venue = VenueData(name=LocalizedText(en="Fenghua Restaurant"), country="CN", address_local="深圳市福田区益田路6003号")
    assert address_for(EN, venue) == "深圳市福田区益田路6003号"  # nothing romanised to offer
    assert for_the_driver(EN, venue) == ()  # …and it is already the local script


def test_a_chinese_reader_gets_a_latin_address_glossed_with_country_and_city_the_chinese_way(db: Database) -> None:
    """"Trammplatz 2, 30159 Hannover · 德国汉诺威" in the venue list, not "…Hannover, 汉诺威, 德国"."""
    view = TripView.load(db, import_trip_file(db, DEMO_TRIPS / "shenzhen-hannover-2016.json").id)
    text = squeezed(text_of(programme_document(view, language="zh")))
    assert "Hannover·德国汉诺威" in text
    assert "汉诺威,德国" not in text
    assert "中欧夏令时间（GMT+2）" in text  # the cover's time zone in full-width brackets, too


def test_host_contacts_are_glossed_without_nested_or_half_width_brackets(db: Database) -> None:
    """"林志远（Lin Zhiyuan）" in Chinese text; the hotel's phones "+86 755 0000 301 · Li Ying (李莹)", not "(Li Ying (李莹))"."""
    view = TripView.load(db, import_trip_file(db, DEMO_TRIPS / "hannover-shenzhen-2016.json").id)
    chinese = squeezed(text_of(programme_document(view, language="zh")))
    assert "林志远（LinZhiyuan）" in chinese and "林志远(LinZhiyuan)" not in chinese
    head = view.heads[0]
    german = squeezed(text_of(personal_document(view, head.id, language="de")))
    assert "+867550000301·LiYing(李莹)" in german and "(LiYing(李莹))" not in german
