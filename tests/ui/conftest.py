"""UI fixtures: a throw-away QSettings per test, a language controller, trips made through the services."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import MembershipData, PersonData, TripData
from planner.domain.enums import Role, TripStatus
from planner.domain.localized import LocalizedText
from planner.services import delegation, people, trips
from planner.ui.fonts import register_cjk_font
from planner.ui.language import LanguageController
from planner.ui.main_window import MainWindow

MakeTrip = Callable[..., int]


@pytest.fixture(scope="session", autouse=True)
def _cjk_font(qapp: QApplication) -> None:
    register_cjk_font()


@pytest.fixture(autouse=True)
def _no_key_held(qapp: QApplication) -> Iterator[None]:
    """Release a modifier a test left held (a key's release sent to a form that closed on the press).

    Qt keeps the modifiers of the last key event application-wide; a Shift left
    held would make a later test's selectRow() extend a selection instead of
    selecting, and its shortcuts miss.
    """
    yield
    held = QGuiApplication.keyboardModifiers()
    if held != Qt.KeyboardModifier.NoModifier:
        sink = QWidget()
        QTest.keyRelease(sink, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier)
        sink.deleteLater()


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[QSettings]:
    """An INI file in the test's own folder: the user's real settings are never read or written."""
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield store
    store.sync()


@pytest.fixture
def language(settings: QSettings, qapp: QApplication) -> Iterator[LanguageController]:
    controller = LanguageController(settings)
    controller.set_language("en")
    yield controller
    controller.detach()
    controller.set_language("en")
    controller.detach()


@pytest.fixture
def make_trip(db: Database) -> MakeTrip:
    """Create a trip through the services; returns its id."""

    def make(
        title: LocalizedText | str,
        first: date = date(2016, 10, 24),
        last: date = date(2016, 10, 27),
        *,
        city: LocalizedText | None = None,
        country: str = "CN",
        timezone: str = "Asia/Shanghai",
        status: TripStatus = TripStatus.DRAFT,
        head: tuple[str, str, str] | None = None,
    ) -> int:
        text = title if isinstance(title, LocalizedText) else LocalizedText(en=title)
        data = TripData(
            title=text, destination_city=city or LocalizedText(), destination_country=country,
            timezone=timezone, first_day=first, last_day=last, status=status,
        )
        trip_id = trips.create_trip(db, data).id
        if head is not None:
            family, given, native = head
            person = people.create_person(db, PersonData(family_name=family, given_name=given, native_name=native)).id
            delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=person, role=Role.HEAD))
        return trip_id

    return make


SHENZHEN = LocalizedText(de="Delegationsreise nach Shenzhen", zh="深圳代表团访问", en="Delegation visit to Shenzhen")
SHENZHEN_CITY = LocalizedText(de="Shenzhen", zh="深圳", en="Shenzhen")
MUNICH = LocalizedText(de="Besuch in München", zh="慕尼黑访问", en="Visit to Munich")
MUNICH_CITY = LocalizedText(de="München", zh="慕尼黑", en="Munich")


@pytest.fixture
def two_trips(make_trip: MakeTrip) -> tuple[int, int]:
    shenzhen = make_trip(SHENZHEN, city=SHENZHEN_CITY, head=("Weil", "Stephan", ""), status=TripStatus.CONFIRMED)
    munich = make_trip(
        MUNICH, date(2017, 5, 2), date(2017, 5, 4), city=MUNICH_CITY, country="DE", timezone="Europe/Berlin",
        head=("Xu", "Qin", "许勤"),
    )
    return shenzhen, munich


@pytest.fixture
def window(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> MainWindow:
    win = MainWindow(db, language, settings)
    qtbot.addWidget(win)
    return win
