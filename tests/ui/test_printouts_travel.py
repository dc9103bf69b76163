"""The Overview's printouts name a participant whose own pick-up time changed after issuing, with the old and new
time, and nobody else; undoing the change takes the entry back, redoing it brings it again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.export.own_travel import travel_texts
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services import delegation, issuing
from planner.services.travel_legs import get_leg, trip_legs, update_leg
from planner.ui.language import LanguageController
from planner.ui.pages.base import UiContext
from planner.ui.pages.overview import OverviewPage
from planner.ui.undo import UndoHistory

EIGHT_PM = datetime(2016, 10, 27, 12, tzinfo=UTC)  # 20:00 in Shenzhen
#: What the planner reads under Daan de Vries's name (his printout is in English), framed in each interface language.
REASON = {
    "en": "Own travel: Pick-up at the hotel now 20:00 GMT+8 instead of 21:00 GMT+8",
    "de": "Eigene An- und Abreise: Pick-up at the hotel jetzt 20:00 GMT+8 statt 21:00 GMT+8",
    "zh": "个人往返行程：“Pick-up at the hotel”改为20:00 GMT+8（原为21:00 GMT+8）",
}


@pytest.fixture
def ctx(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> UiContext:
    return UiContext(UndoHistory(db, lambda: None), language, settings, lambda: None)


def _issued_demo(db: Database) -> tuple[int, TravelLegData]:
    """The Shenzhen demo issued to everyone in English, Daan de Vries fetched at the hotel by Car 2 at 21:00."""
    trip = import_trip_file(db, next(DEMO_TRIPS.glob("hannover-shenzhen*.json"))).id
    car = next(v for v in TripView.load(db, trip).bundle.vehicles if v.label == "Car 2")
    leaving = next(leg for leg in trip_legs(db, trip) if leg.direction is LegDirection.DEPARTURE)
    update_leg(db, leaving.evolve(vehicle_id=car.id, pickup=datetime(2016, 10, 27, 13, tzinfo=UTC)))
    issuing.issue(db, trip, issuing.languages_for(delegation.list_members(db, trip), "en"), travel=travel_texts)
    return trip, get_leg(db, leaving.id or 0)


def _entries(page: OverviewPage) -> list[list[str]]:
    tree = page.printouts.tree
    return [
        [tree.topLevelItem(i).text(0)] + [tree.topLevelItem(i).child(j).text(0) for j in range(tree.topLevelItem(i).childCount())]
        for i in range(tree.topLevelItemCount())
    ]


@pytest.mark.parametrize("lang", ["en", "de", "zh"])
def test_a_moved_pick_up_names_the_traveller_with_the_times_and_undo_takes_it_back(
    db: Database, ctx: UiContext, qtbot: QtBot, lang: str,
) -> None:
    trip, leg = _issued_demo(db)
    ctx.language.set_language(lang)
    page = OverviewPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    page.set_trip(trip)
    qtbot.waitUntil(lambda: not page.printouts.comparing, timeout=30_000)
    assert _entries(page) == []
    ctx.history.perform("Pick-up", lambda: update_leg(db, get_leg(db, leg.id or 0).evolve(pickup=EIGHT_PM)))
    qtbot.waitUntil(lambda: not page.printouts.comparing and page.printouts.tree.topLevelItemCount() > 0, timeout=30_000)
    (entry,) = _entries(page)  # he alone: nobody else's printout names his car
    assert entry[0].startswith("Daan de Vries") and entry[1:] == [REASON[lang]]
    assert page.printouts.people_needing() == ["Daan de Vries"]
    ctx.history.stack.undo()
    qtbot.waitUntil(lambda: not page.printouts.comparing and page.printouts.tree.topLevelItemCount() == 0, timeout=30_000)
    ctx.history.stack.redo()
    qtbot.waitUntil(lambda: not page.printouts.comparing and page.printouts.tree.topLevelItemCount() == 1, timeout=30_000)
    assert _entries(page)[0][1:] == [REASON[lang]]
