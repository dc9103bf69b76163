"""The delegation programme: localised days, every item, the delegation list, hosts' needs, no private data."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, LETTER

from planner.db.engine import Database
from planner.domain.enums import Role
from planner.domain.errors import NotFoundError, ValidationError
from planner.export.pdf import programme_document, programme_pdf
from planner.export.pdf.fonts import missing_glyphs
from planner.export.tripview import TripView
from tests.export.builders import PEOPLE, DemoTrip
from tests.export.pdfcheck import STANDARD_14, SUBSET_PREFIX, fonts_of, reader, squeezed, text_of


@pytest.fixture
def view(db: Database, demo: DemoTrip) -> TripView:
    return TripView.load(db, demo.trip_id)


@pytest.mark.parametrize(
    ("language", "first_day", "second_day", "lunch"),
    [
        ("de", "Sonntag, 23. Oktober 2016", "Montag, 24. Oktober 2016", "Mittagessen auf Einladung des Bürgermeisters"),
        ("zh", "2016年10月23日星期日", "2016年10月24日星期一", "市长午宴"),
        ("en", "Sunday, 23 October 2016", "Monday, 24 October 2016", "Lunch hosted by the Mayor"),
    ],
)
def test_days_are_written_in_the_documents_language(view: TripView, language: str, first_day: str, second_day: str, lunch: str) -> None:
    text = text_of(programme_document(view, language=language))
    assert first_day in text
    assert second_day in text
    assert squeezed(lunch) in squeezed(text)
    assert not missing_glyphs(text), "characters the font cannot draw would print as boxes"


def test_every_item_and_every_member_appears(view: TripView, demo: DemoTrip) -> None:
    text = squeezed(text_of(programme_document(view, language="en")))
    for item in demo.items.values():
        assert squeezed(item.title.text("en")) in text
    for key in PEOPLE:
        person = demo.persons[key]
        assert squeezed(f"{person.given_name} {person.family_name}") in text or squeezed(f"{person.family_name} {person.given_name}") in text
    assert "许勤" in text and "张敏" in text  # native script beside the Latin name
    assert squeezed("Lower Saxony State Chancellery") in text  # organiser
    assert squeezed("Minister for Economics, Labour and Transport") in text  # a function


def test_venues_show_the_local_script_for_the_driver(view: TripView) -> None:
    text = squeezed(text_of(programme_document(view, language="de")))
    assert "深圳华侨城洲际大酒店" in text  # the hotel's name in Chinese
    assert "广东省深圳市南山区深南大道9009号" in text  # and its address in the local script
    assert squeezed("9009 Shennan Road, Nanshan District") in text  # romanised for the reader
    assert squeezed("Für den Fahrer") in text


def test_hosts_and_particulars_are_printed(view: TripView) -> None:
    text = squeezed(text_of(programme_document(view, language="en")))
    assert squeezed("Li Wei (李伟), Head of International Affairs, +86 755 8888 1234") in text
    assert squeezed("Coach from the hotel, 09:30") in text
    assert squeezed("Business attire") in text


def test_only_partial_items_name_their_participants(view: TripView) -> None:
    text = text_of(programme_document(view, language="en"))
    flat = squeezed(text)
    assert squeezed("Participants Xu Qin and Ayşe Özdemir") in flat  # the university visit: two people
    assert squeezed("Participants Everyone except Jonathan Smith") in flat  # the flight: all but one
    # The dinner is for everyone: no list of names under it.
    dinner = flat.index(squeezed("Dinner with the provincial government"))
    following = flat[dinner: flat.index(squeezed("Free time"), dinner)]
    assert "Participants" not in following


def test_meals_show_counted_needs_without_names(view: TripView) -> None:
    flat = squeezed(text_of(programme_document(view, language="en")))
    lunch = flat.rindex(squeezed("Lunch hosted by the Mayor"))  # on the day pages, after the overview table
    block = flat[lunch: flat.index(squeezed("Meeting with the Mayor"), lunch)]
    assert "Numberofguests7" in block
    # Weil, Xu and Zhang ("Vegetarian") are vegetarian; Lies halal; Xu also has a nut allergy.
    assert squeezed("3 vegetarian, 1 halal and 1 nut allergy") in block
    assert squeezed("1 wheelchair") in block


def test_zones_are_named_where_two_meet(view: TripView) -> None:
    text = squeezed(text_of(programme_document(view, language="de")))
    flight = text.rindex(squeezed("Flug LH 7382"))  # on the day pages, after the overview table
    block = text[flight - 80: flight + 400]
    assert "13:45" in block and "06:30" in block
    assert "GMT+2" in block and "GMT+8" in block
    assert squeezed("Mitteleuropäische Sommerzeit") in block and squeezed("Chinesische Normalzeit") in block


def test_no_private_data_in_the_programme(view: TripView) -> None:
    text = squeezed(text_of(programme_document(view, language="en")))
    for role, person in PEOPLE.values():
        # The phones of the head, the organising team and the interpreters are on the emergency page on purpose.
        phone = () if role in (Role.HEAD, Role.STAFF, Role.INTERPRETER, Role.HOST) else (person.phone,)
        for private in (*phone, person.email, person.passport_number):
            if private:
                assert squeezed(private) not in text


def test_emergency_page_lists_numbers_leaders_and_hotel(view: TripView) -> None:
    text = squeezed(text_of(programme_document(view, language="en")))
    last = text[text.rindex(squeezed("Emergencies and contacts")):]  # the page follows on where the venues end
    assert squeezed("Emergency numbers in China") in last
    assert "110Police" in last and "120Ambulance" in last and "119Firebrigade" in last
    assert squeezed("Emergency numbers in Germany") in last and "112" in last  # the flight leaves from Frankfurt
    assert squeezed("Head of delegation") in last and "StephanWeil" in last
    assert "AnnaMüller" in last and "ZhangMin" in last  # staff and interpreter…
    assert "+491705550123" in last and "+4917622228888" in last  # …with the phones to call them on
    # The hosts' protocol and liaison people for the visitors, names in the reader's script first.
    assert squeezed("The hosts' contacts") in last and "ChenHong(陈红)+8675588100001" in last
    assert "InterContinentalShenzhen" in last and "+8675533993388" in last
    assert "____" not in last  # no blanks to fill in


def test_every_font_is_an_embedded_subset(view: TripView) -> None:
    for language in ("de", "zh", "en"):
        fonts = fonts_of(programme_document(view, language=language))
        assert fonts
        for font in fonts:
            assert font.base_font not in STANDARD_14
            assert SUBSET_PREFIX.match(font.base_font), font
            assert font.embedded, font


def test_metadata_and_page_numbers(view: TripView) -> None:
    pdf = reader(programme_document(view, language="en"))
    info = pdf.metadata
    assert info is not None
    assert info.title == "Lower Saxony delegation to Shenzhen – Delegation programme"
    assert info.author == "Lower Saxony State Chancellery"
    assert info.subject == "Delegation programme, 23–27 October 2016"
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"
    pages = len(pdf.pages)
    assert pages >= 3
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {pages}" in page.extract_text()


def test_labels_come_from_the_documents_translator(view: TripView, monkeypatch: pytest.MonkeyPatch) -> None:
    """A German document asks the German catalog, whatever the interface language is."""
    from planner.domain.enums import Language
    from planner.export import language as document_language

    german = {"Page {page} of {pages}": "Seite {page} von {pages}", "Host contact": "Gastgeber"}
    asked: list[Language] = []

    def fake(lang: Language) -> Callable[[str], str]:
        asked.append(lang)
        return (lambda msgid: german.get(msgid, msgid)) if lang is Language.DE else (lambda msgid: msgid)

    monkeypatch.setattr(document_language, "_translator", fake)
    pdf = reader(programme_document(view, language="de"))
    total = len(pdf.pages)
    assert f"Seite 2 von {total}" in pdf.pages[1].extract_text()
    assert "Gastgeber" in squeezed(text_of(programme_document(view, language="de")))
    assert Language.DE in asked and Language.EN not in asked


def test_paper_sizes(view: TripView) -> None:
    a4 = reader(programme_document(view, language="en", paper="A4")).pages[0].mediabox
    letter = reader(programme_document(view, language="en", paper="letter")).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (round(A4[0]), round(A4[1]))
    assert (round(float(letter.width)), round(float(letter.height))) == (round(LETTER[0]), round(LETTER[1]))
    with pytest.raises(ValidationError, match="paper size"):
        programme_document(view, language="en", paper="A5")


def test_bilingual_programme_has_both_languages(view: TripView) -> None:
    text = text_of(programme_document(view, language="de", bilingual_with="zh"))
    assert "Montag, 24. Oktober 2016" in text and "2016年10月24日星期一" in text
    assert "Besuch des EMAX Technologieparks" in text and "参观易迈科技园" in text


def test_written_atomically_to_the_path(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "programme.pdf"
    target.write_bytes(b"old")
    assert programme_pdf(db, demo.trip_id, target, language="zh") == target
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in folder.iterdir()] == ["programme.pdf"]  # no temporary file left behind


def test_unknown_trip_is_a_clear_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match=re.escape("There is no trip 404.")):
        programme_pdf(db, 404, tmp_path / "x.pdf", language="en")
