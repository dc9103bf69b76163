"""The briefing book: both demo trips in three languages, every host met named, marked internal on every page,
never part of what participants receive; a follow-up of the 2016 trip in its duplicate's book."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from planner.db.engine import Database
from planner.domain.briefing import FollowUpData, ProfileOwner
from planner.domain.enums import Role
from planner.domain.localized import LocalizedText as L
from planner.export.pdf import export_personal_pdfs, programme_document
from planner.export.pdf.briefing import BriefingContent, briefing_document, briefing_pdf
from planner.export.pdf.fonts import missing_glyphs
from planner.export.tripview import TripView
from planner.i18n import translator_for
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services import briefing, follow_ups
from planner.services.trip_copy import duplicate_trip
from tests.export.pdfcheck import reader, squeezed, text_of

DEMO_FILES = sorted(DEMO_TRIPS.glob("*.json"))
MARKS = {"de": "Vertraulich – nur für den Dienstgebrauch", "zh": "内部资料", "en": "Confidential"}


def _hosts_met(content: BriefingContent, language: str) -> set[str]:
    """The name of everyone who receives the delegation at a meeting of the book, as a reader of `language` finds it."""
    view = content.view
    names: set[str] = set()
    for item in content.meetings():
        contact = view.host(item)
        if contact is not None:
            names.add(contact.native_name if language == "zh" and contact.native_name else contact.name)
        for member in view.attendees(item):
            if member.role is Role.HOST:
                person = member.person
                names.add(person.native_name if language == "zh" and person.native_name else person.family_name)
    return names


@pytest.mark.parametrize("trip_file", DEMO_FILES, ids=lambda p: p.stem)
def test_the_demo_trips_print_a_briefing_book_in_three_languages(db: Database, trip_file: Path) -> None:
    trip_id = import_trip_file(db, trip_file).id
    content = BriefingContent.load(db, trip_id)
    assert len(content.meetings()) >= 5 and content.briefings and content.follow_ups
    for language in ("de", "zh", "en"):
        assert translator_for(language)("Confidential") == MARKS[language]
        data = briefing_document(content, language=language)
        pages = [page.extract_text() or "" for page in reader(data).pages]
        assert len(pages) >= 4
        # The cover once, in its banner; every page after it at its head and in its footer.
        marks = [squeezed(page).count(squeezed(MARKS[language])) for page in pages]
        assert marks == [1] + [2] * (len(pages) - 1), f"{language}: marks per page {marks}"
        text = squeezed("\n".join(pages))
        assert not missing_glyphs("\n".join(pages))
        missing = {name for name in _hosts_met(content, language) if squeezed(name) not in text}
        assert not missing, f"{language}: hosts not named: {missing}"
        for brief in content.briefings.values():  # every objective written for the trip is in the book
            if not brief.objective.is_empty():
                assert squeezed(brief.objective.text(language))[:30] in text


def test_the_shenzhen_book_cites_the_earlier_agreement_and_lists_open_follow_ups(db: Database) -> None:
    trip_id = import_trip_file(db, DEMO_TRIPS / "hannover-shenzhen-2016.json").id
    text = squeezed(text_of(briefing_document(BriefingContent.load(db, trip_id), language="en")))
    assert squeezed("LAST CONTACTS AND AGREEMENTS") in text
    assert squeezed("agreed: Visit of Mayor Xu Qin to Hannover, 10 September 2016") in text
    assert squeezed("Open follow-ups") in text and squeezed("Agree a trial VR concert with EMAX") in text
    assert squeezed("Letter of thanks to Vice-Mayor Lin") not in text.split(squeezed("Open follow-ups"))[-1]  # done: not open


def test_a_follow_up_of_the_2016_trip_is_in_its_duplicates_book(db: Database) -> None:
    trip_id = import_trip_file(db, DEMO_TRIPS / "hannover-shenzhen-2016.json").id
    meeting = next(i for i in TripView.load(db, trip_id).items if i.title.en == "Meeting with the Vice-Mayor of Shenzhen")
    created = follow_ups.create_follow_up(db, FollowUpData(
        trip_id=trip_id, what=L(de="Gegeneinladung an Vizebürgermeister Lin", en="Return invitation to Vice-Mayor Lin"),
        who="Büro Oberbürgermeister", due=date(2017, 3, 1), item_id=meeting.id,
    ))
    copy = duplicate_trip(db, trip_id, title=L(de="Shenzhen 2017", en="Shenzhen 2017"), first_day=date(2017, 10, 23))
    carried = [f for f in follow_ups.list_follow_ups(db, copy.id) if f.what.en == "Return invitation to Vice-Mayor Lin"]
    assert len(carried) == 1 and carried[0].id != created.id and carried[0].origin_trip_id == trip_id
    for language, words in (("en", "Return invitation to Vice-Mayor Lin"), ("de", "Gegeneinladung an Vizebürgermeister Lin")):
        text = squeezed(text_of(briefing_document(BriefingContent.load(db, copy.id), language=language)))
        # Once at the meeting, under the last contacts and agreements, and once in the list of open follow-ups.
        assert text.count(squeezed(words)) == 2
    # The 2016 meeting's minutes are cited at the same host's meeting of the new trip.
    text = squeezed(text_of(briefing_document(BriefingContent.load(db, copy.id), language="en")))
    assert squeezed("Vice-Mayor Lin supports annual delegation visits") in text


def test_the_book_is_never_part_of_what_participants_receive(db: Database, tmp_path: Path) -> None:
    trip_id = import_trip_file(db, DEMO_TRIPS / "hannover-shenzhen-2016.json").id
    view = TripView.load(db, trip_id)
    head = view.heads[0]
    portrait = io.BytesIO()
    Image.new("RGB", (120, 160), (200, 80, 40)).save(portrait, format="JPEG")
    briefing.set_portrait(db, ProfileOwner.PERSON, head.person.id, portrait.getvalue(), 1)
    secret = "Trade disputes must not be raised"
    meeting = next(i for i in view.items if i.title.en == "Meeting with the Vice-Mayor of Shenzhen")
    current = briefing.get_briefing(db, meeting.id)
    briefing.save_briefing(db, current.evolve(avoid=L(en=secret, de=secret, zh=secret)))

    book = briefing_document(BriefingContent.load(db, trip_id), language="en")
    assert squeezed(secret) in squeezed(text_of(book)), text_of(book)[:3000]
    assert _images(book) >= 1  # the portrait, in the internal book
    paths = export_personal_pdfs(db, trip_id, tmp_path, workers=1)
    documents = [p.read_bytes() for p in paths] + [programme_document(TripView.load(db, trip_id), language=lang) for lang in ("de", "zh", "en")]
    for data in documents:
        text = squeezed(text_of(data))
        assert squeezed(secret) not in text
        assert not any(squeezed(mark) in text for mark in MARKS.values())
        assert "Vice-Mayor of Shenzhen, responsible for culture" not in text_of(data)  # no biographies either
        assert _images(data) == 0  # no portrait


def _images(data: bytes) -> int:
    count = 0
    for page in reader(data).pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
        if xobjects:
            count += sum(1 for x in xobjects.get_object().values() if x.get_object().get("/Subtype") == "/Image")
    return count


def test_a_trip_without_meetings_says_so(db: Database, tmp_path: Path) -> None:
    from planner.domain.entities import TripData
    from planner.services import trips

    trip = trips.create_trip(db, TripData(title=L(en="Empty"), timezone="Asia/Shanghai", first_day=date(2016, 10, 24),
                                          last_day=date(2016, 10, 25))).id
    path = briefing_pdf(db, trip, tmp_path / "book.pdf", language="en")
    text = text_of(path)
    assert "The programme has no meetings" in text and "No follow-ups are open." in text and "Confidential" in text
