"""A change notice says what changed in its reader's own travel, in their language, and prints the new lines whole."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from planner.db.engine import Database
from planner.domain.enums import Language
from planner.domain.issued import TravelDiff
from planner.domain.travel_legs import LegDirection
from planner.export.language import DocumentLanguage
from planner.export.notices import TEXT_TRAVEL_NOW, change_list, notice_text, travel_sentences
from planner.export.own_travel import travel_texts
from planner.export.pdf.notice import FILE_WORD, write_notices
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services import delegation, issuing
from planner.services.travel_legs import get_leg, trip_legs, update_leg
from tests.export.pdfcheck import squeezed, text_of

LEG = "Leaving: ZZ 9653 Shenzhen (SZX) → Amsterdam (AMS) · departs 27/10 23:55 GMT+8"
NINE = "Pick-up at the hotel 21:00 GMT+8 · Car 2, 粤B·A0002"
EIGHT = "Pick-up at the hotel 20:00 GMT+8 · Car 2, 粤B·A0002"
#: The pick-up moved, in each language's frame (the line itself stays as printed).
MOVED = {
    "en": "Your own travel: Pick-up at the hotel now 20:00 GMT+8 instead of 21:00 GMT+8",
    "de": "Ihre eigene An- und Abreise: Pick-up at the hotel jetzt 20:00 GMT+8 statt 21:00 GMT+8",
    "zh": "您的个人往返行程：“Pick-up at the hotel”改为20:00 GMT+8（原为21:00 GMT+8）",
}


@pytest.mark.parametrize("language", ["en", "de", "zh"])
def test_a_changed_line_is_worded_by_what_differs_in_it(language: str) -> None:
    assert travel_sentences(TravelDiff((LEG, NINE), (LEG, EIGHT)), language) == [MOVED[language]]


def test_a_changed_flight_names_the_flight_and_the_part_that_differs_and_new_or_gone_lines_are_whole() -> None:
    later = LEG.replace("23:55", "22:10")
    assert travel_sentences(TravelDiff((LEG,), (later,)), "en", personal=False) == [
        "Own travel: Leaving: ZZ 9653 Shenzhen (SZX) → Amsterdam (AMS) · departs 27/10 now 22:10 GMT+8 instead of 23:55 GMT+8"
    ]
    assert travel_sentences(TravelDiff((LEG,), (LEG, NINE)), "en") == [f"Your own travel, new: {NINE}"]
    assert travel_sentences(TravelDiff((LEG, NINE), (LEG,)), "en") == [f"Your own travel, no longer: {NINE}"]
    assert travel_sentences(None, "en") == []


def test_the_text_notice_says_the_change_then_the_lines_as_they_now_read() -> None:
    text = notice_text(
        name="Dear Mr de Vries,", trip_title="Shenzhen", language="en", held_number=1, held_at=datetime(2016, 10, 20, tzinfo=UTC),
        rows=[], travel=TravelDiff((LEG, NINE), (LEG, EIGHT)),
    )
    assert f"– {MOVED['en']}" in text
    lines = text.splitlines()
    now = lines.index(DocumentLanguage.of("en").t(TEXT_TRAVEL_NOW))
    assert lines[now + 1:now + 3] == [f"  {LEG}", f"  {EIGHT}"]


@pytest.mark.parametrize("language", [Language.DE, Language.ZH, Language.EN])
def test_the_notice_of_a_moved_pick_up_goes_to_the_traveller_alone_in_their_language(
    db: Database, tmp_path: Path, language: Language,
) -> None:
    trip = import_trip_file(db, next(DEMO_TRIPS.glob("hannover-shenzhen*.json"))).id
    car = next(v for v in TripView.load(db, trip).bundle.vehicles if v.label == "Car 2")
    leaving = next(leg for leg in trip_legs(db, trip) if leg.direction is LegDirection.DEPARTURE)
    update_leg(db, leaving.evolve(vehicle_id=car.id, pickup=datetime(2016, 10, 27, 13, tzinfo=UTC)))
    issuing.issue(db, trip, issuing.languages_for(delegation.list_members(db, trip), language), travel=travel_texts)
    update_leg(db, get_leg(db, leaving.id or 0).evolve(pickup=datetime(2016, 10, 27, 12, tzinfo=UTC)))
    paths = write_notices(db, trip, tmp_path)
    assert len(paths) == 2  # his PDF and text, nobody else's
    lang = DocumentLanguage.of(language)
    pdf, txt = paths
    assert pdf.suffix == ".pdf" and lang.t(FILE_WORD) in pdf.name and "Vries" in pdf.name
    (change,) = issuing.pending_changes(db, trip, travel=travel_texts).outdated
    assert change.travel is not None
    sentences = travel_sentences(change.travel, language)
    assert len(sentences) == 1 and "20:00" in sentences[0] and "21:00" in sentences[0]
    text = txt.read_text(encoding="utf-8")
    assert sentences[0] in text and all(line in text for line in change.travel.after)
    printed = squeezed(text_of(pdf))
    assert squeezed(sentences[0]) in printed
    assert all(squeezed(line) in printed for line in change.travel.after)
    listed = change_list([change], "en", "Asia/Shanghai")  # the planner's list: the change, then whom it concerns
    assert listed[0].startswith("Own travel: ") and "de Vries" in listed[1]
