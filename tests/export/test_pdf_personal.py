"""Personal itineraries: exactly the reader's items, in the reader's language, and nobody else's private data."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.db.engine import Database
from planner.domain.checks.needs import split_needs
from planner.domain.enums import Role
from planner.domain.errors import NotFoundError
from planner.export.pdf import personal_document, personal_pdf
from planner.export.tripview import TripView
from tests.export.builders import PEOPLE, DemoTrip
from tests.export.pdfcheck import STANDARD_14, SUBSET_PREFIX, fonts_of, reader, squeezed, text_of

#: Which items each person attends (see builders.py), to check against the printed titles.
ATTENDS: dict[str, set[str]] = {
    "weil": {"flight", "checkin", "emax", "lunch", "mayor", "press", "banquet", "free", "return"},
    "lies": {"flight", "checkin", "emax", "lunch", "mayor", "banquet", "free", "return"},
    "xu": {"flight", "checkin", "lunch", "mayor", "uni", "banquet", "free", "return"},
    "mueller": {"flight", "checkin", "emax", "lunch", "banquet", "free", "return"},
    "zhang": {"flight", "checkin", "emax", "lunch", "mayor", "press", "banquet", "free", "return"},
    "smith": {"lunch", "press", "banquet", "free", "return"},
    "oezdemir": {"flight", "checkin", "lunch", "uni", "banquet", "free", "return"},
}


@pytest.fixture
def view(db: Database, demo: DemoTrip) -> TripView:
    return TripView.load(db, demo.trip_id)


@pytest.mark.parametrize("key", sorted(ATTENDS))
def test_exactly_the_items_the_person_attends(view: TripView, demo: DemoTrip, key: str) -> None:
    person = demo.persons[key]
    text = squeezed(text_of(personal_document(view, demo.member_id(key))))
    language = person.preferred_language
    for item_key, item in demo.items.items():
        title = squeezed(item.title.text(language))
        if item_key in ATTENDS[key]:
            assert title in text, f"{key} should see {item_key}"
        else:
            assert title not in text, f"{key} must not see {item_key}"


@pytest.mark.parametrize("key", sorted(ATTENDS))
def test_no_other_persons_private_data(view: TripView, demo: DemoTrip, key: str) -> None:
    own = demo.persons[key]
    own_needs = {n.casefold() for n in split_needs(own.dietary_needs) + split_needs(own.accessibility_needs)}
    text = squeezed(text_of(personal_document(view, demo.member_id(key)))).casefold()
    for other_key, (role, other) in PEOPLE.items():
        if other_key == key:
            continue
        # The phones of the head, the organising team and the interpreters (and the hosts) are on the
        # emergency page on purpose: they are whom a member calls. Nobody else's phone is printed.
        contact_person = role in (Role.HEAD, Role.STAFF, Role.INTERPRETER, Role.HOST)
        for value in (other.email, other.passport_number, *(() if contact_person else (other.phone,))):
            assert squeezed(value).casefold() not in text, f"{other_key}'s {value!r} in {key}'s itinerary"
        if contact_person and other.phone:
            assert squeezed(other.phone).casefold() in text, f"{other_key}'s phone missing from the emergency page"
        for need in split_needs(other.dietary_needs) + split_needs(other.accessibility_needs):
            if need.casefold() not in own_needs:  # the same words as the reader's own need may show
                assert squeezed(need).casefold() not in text, f"{other_key}'s {need!r} in {key}'s itinerary"
    assert squeezed(own.passport_number).casefold() not in text  # not even one's own passport goes on paper


def test_own_details_are_shown(view: TripView, demo: DemoTrip) -> None:
    text = squeezed(text_of(personal_document(view, demo.member_id("mueller"))))
    assert squeezed("Anna Müller") in text
    assert squeezed("wheelchair user") in text  # her own accessibility need
    assert "Mitarbeiter" in text  # her role, in her language (German)


@pytest.mark.parametrize(
    ("key", "day"),
    [("weil", "Montag, 24. Oktober 2016"), ("xu", "2016年10月24日星期一"), ("oezdemir", "Monday, 24 October 2016")],
)
def test_printed_in_the_persons_language(view: TripView, demo: DemoTrip, key: str, day: str) -> None:
    pdf = reader(personal_document(view, demo.member_id(key)))
    assert day in "\n".join(page.extract_text() for page in pdf.pages)
    assert pdf.trailer["/Root"]["/Lang"] == {"weil": "de-DE", "xu": "zh-CN", "oezdemir": "en-GB"}[key]


def test_language_can_be_chosen_and_doubled(view: TripView, demo: DemoTrip) -> None:
    text = text_of(personal_document(view, demo.member_id("xu"), language="de", bilingual_with="zh"))
    assert "Montag, 24. Oktober 2016" in text and "2016年10月24日星期一" in text
    assert "Gespräch mit dem Bürgermeister von Shenzhen" in text and "与深圳市市长会谈" in text


def test_late_arrival_skips_empty_days_before(view: TripView, demo: DemoTrip) -> None:
    text = text_of(personal_document(view, demo.member_id("smith")))  # arrives on the 24th
    assert "Sunday, 23 October 2016" not in text
    assert "Monday, 24 October 2016" in text


def test_small_with_embedded_subset_fonts(view: TripView, demo: DemoTrip) -> None:
    for key in ("weil", "xu", "smith"):
        data = personal_document(view, demo.member_id(key), bilingual_with="zh" if key == "weil" else None)
        assert len(data) < 300_000
        for font in fonts_of(data):
            assert font.base_font not in STANDARD_14 and SUBSET_PREFIX.match(font.base_font) and font.embedded, font


def test_metadata_names_the_reader(view: TripView, demo: DemoTrip) -> None:
    pdf = reader(personal_document(view, demo.member_id("oezdemir")))
    assert pdf.metadata is not None
    assert pdf.metadata.title == "Lower Saxony delegation to Shenzhen – Personal itinerary – Dr Ayşe Özdemir"
    assert pdf.metadata.author == "Lower Saxony State Chancellery"
    pages = len(pdf.pages)
    assert f"Page {pages} of {pages}" in pdf.pages[-1].extract_text()


def test_personal_pdf_writes_the_file(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    target = personal_pdf(db, demo.trip_id, demo.member_id("zhang"), tmp_path / "zhang.pdf", paper="letter")
    assert target.read_bytes().startswith(b"%PDF-")
    assert round(float(reader(target).pages[0].mediabox.width)) == 612


def test_member_of_another_trip_is_refused(view: TripView) -> None:
    with pytest.raises(NotFoundError, match="There is no delegation member 9999 in trip"):
        personal_document(view, 9999)


def test_a_bilingual_document_dates_its_version_in_each_language(view: TripView, demo: DemoTrip) -> None:
    from datetime import date

    pdf = personal_document(view, demo.member_id("xu"), language="zh", bilingual_with="en", issued=date(2016, 10, 20), version=2)
    footer = squeezed(text_of(pdf))
    assert squeezed("第2版，2016年10月20日 / Version 2 of 20 October 2016") in footer
    assert squeezed("Version 2 of 2016年") not in footer
