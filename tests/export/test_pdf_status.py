"""A printout says "Draft" exactly while the trip is one: confirming the trip takes the word off every page."""

from __future__ import annotations

import pytest

from planner.db.engine import Database
from planner.domain.enums import TripStatus
from planner.export.pdf import programme_document
from planner.export.pdf.personal import personal_document
from planner.export.tripview import TripView
from planner.services import trips
from tests.export.builders import DemoTrip
from tests.export.pdfcheck import reader

DRAFT_WORD = {"de": "Entwurf", "zh": "草稿", "en": "Draft"}


def _footers(document: bytes, word: str) -> list[bool]:
    """For each page, whether `word` is printed on it."""
    return [word in (page.extract_text() or "") for page in reader(document).pages]


@pytest.mark.parametrize("status", list(TripStatus))
def test_the_programme_says_draft_on_every_page_only_for_a_draft(db: Database, demo: DemoTrip, status: TripStatus) -> None:
    trips.update_trip(db, trips.get_trip(db, demo.trip_id).evolve(status=status))
    view = TripView.load(db, demo.trip_id)
    for language, word in DRAFT_WORD.items():
        pages = _footers(programme_document(view, language=language), word)
        assert pages == [status is TripStatus.DRAFT] * len(pages), (language, status)


def test_the_personal_itinerary_follows_the_status_too(db: Database, demo: DemoTrip) -> None:
    member = next(iter(demo.members))
    trip = trips.get_trip(db, demo.trip_id)
    trips.update_trip(db, trip.evolve(status=TripStatus.DRAFT))
    draft = personal_document(TripView.load(db, demo.trip_id), demo.member_id(member), language="en")
    assert all(_footers(draft, "Draft"))
    trips.update_trip(db, trips.get_trip(db, demo.trip_id).evolve(status=TripStatus.CONFIRMED))
    confirmed = personal_document(TripView.load(db, demo.trip_id), demo.member_id(member), language="en")
    assert not any(_footers(confirmed, "Draft"))
