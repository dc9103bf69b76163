"""Two windows, or a window and the command line, on one SQLite file: each sees the other's commits without a restart."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.db.engine import Database, open_database
from planner.domain.entities import MembershipData, TripData
from planner.domain.enums import Role
from planner.domain.localized import LocalizedText
from planner.services import delegation, people, trips
from planner.ui import file_updates
from planner.ui.file_updates import FileUpdates
from planner.ui.main_window import MainWindow
from planner.ui.pages.delegation import DelegationPage
from planner.ui.pages.people import PeoplePage
from planner.ui.undo import DataBus
from planner.ui.widgets.person_form import PersonForm
from tests.services.conftest import new_person, new_trip

pytestmark = pytest.mark.sqlite_file

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """A second planner on the same file: another window, or a colleague's desktop on the shared drive."""
    assert db.path is not None
    second = open_database(db.path)
    yield second
    second.close()


OWN_TRIP = TripData(
    title=LocalizedText(en="Own trip"), destination_country="CN", timezone="Asia/Shanghai",
    first_day=date(2016, 10, 24), last_day=date(2016, 10, 27),
)


def heard(window: MainWindow) -> list[tuple[str, int]]:
    signals: list[tuple[str, int]] = []
    window.history.bus.changed.connect(lambda change: signals.append((change.entity, change.id)))
    return signals


def activate(window: MainWindow) -> None:
    """What the window gets when the user brings it to the front."""
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))


def test_the_window_watches_its_file(window: MainWindow) -> None:
    assert window.live.file.watching and not window.live.listening


def test_another_windows_trip_appears_when_the_window_is_brought_to_the_front(window: MainWindow, other: Database, qtbot: QtBot) -> None:
    signals = heard(window)
    assert window.model.rowCount() == 0
    new_trip(other, "Planned at the other desk")
    activate(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
    assert signals == [(DataBus.ANY, 0)]  # one signal, whatever changed
    activate(window)
    assert signals == [(DataBus.ANY, 0)]  # nothing new: nothing reloads


def test_the_open_trip_pages_follow_the_other_window(window: MainWindow, other: Database, qtbot: QtBot) -> None:
    trip = new_trip(window.db, "Shenzhen")
    window.refresh(trip.id)
    window.trip_tabs.setCurrentIndex(next(i for i, p in enumerate(window.trip_pages) if isinstance(p, DelegationPage)))
    page = next(p for p in window.trip_pages if isinstance(p, DelegationPage))
    qtbot.waitUntil(lambda: page.trip_id == trip.id, timeout=2000)
    assert page.model.rowCount() == 0
    person = new_person(other, "Xu", "Qin", "许勤")
    delegation.add_member(other, MembershipData(trip_id=trip.id, person_id=person.id, role=Role.HEAD))
    assert window.live.poll() == 1
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert window.navigator.current_summary().trip.id == trip.id  # the selection stays


def test_the_windows_own_changes_reload_once_not_twice(window: MainWindow, other: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    reloads: list[int] = []
    real_reload = window.model.reload
    monkeypatch.setattr(window.model, "reload", lambda *a, **k: (reloads.append(1), real_reload(*a, **k))[1])
    signals = heard(window)
    window.history.perform("New trip", lambda: trips.create_trip(window.db, OWN_TRIP))
    assert reloads == [1] and [entity for entity, _id in signals] == ["trip"]
    activate(window)
    assert window.live.poll() == 0
    assert reloads == [1] and DataBus.ANY not in [entity for entity, _id in signals]
    window.history.stack.undo()  # undo writes too, and is the window's own
    assert window.live.poll() == 0 and len(reloads) == 2


def test_an_open_form_keeps_its_input_and_a_save_meets_the_conflict(window: MainWindow, other: Database, qtbot: QtBot) -> None:
    person = new_person(window.db, "Weil", "Stephan")
    window.refresh()
    page = next(p for p in window.trip_pages if isinstance(p, PeoplePage))
    page.reload()
    form = PersonForm(lambda data: people.update_person(window.db, data.validated()), window, person)
    qtbot.addWidget(form)
    form.show()
    form.family_name.setText("Weil-Meyer")
    people.update_person(other, person.evolve(given_name="Stephan Josef"))
    assert window.live.poll() == 1
    qtbot.waitUntil(lambda: "Stephan Josef" in [p.given_name for p in people.list_people(window.db)], timeout=2000)
    assert form.isVisible() and form.family_name.text() == "Weil-Meyer"  # the reload left the form alone
    form.submit()
    assert form.isVisible() and "changed elsewhere" in form.error_text("")
    assert form.family_name.text() == "Weil-Meyer"


def test_a_trip_duplicated_on_the_command_line_appears_in_the_window(window: MainWindow, qtbot: QtBot) -> None:
    trip = new_trip(window.db, "Shenzhen")
    window.refresh(trip.id)
    assert window.model.rowCount() == 1
    command = [
        sys.executable, "-m", "planner", "--db", str(window.db.path), "--lang", "en",
        "duplicate-trip", "--trip", str(trip.id), "--first-day", "2017-10-23", "--title", "Shenzhen again",
    ]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603
    assert done.returncode == 0, done.stderr
    activate(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=2000)
    titles = sorted(s.trip.title.en for s in trips.list_trips(window.db))
    assert titles == ["Shenzhen", "Shenzhen again"]
    assert window.navigator.current_summary().trip.id == trip.id
    assert trips.get_trip(window.db, max(s.trip.id for s in trips.list_trips(window.db))).first_day == date(2017, 10, 23)


def test_the_timer_looks_only_while_the_application_is_in_use(db: Database, other: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_updates, "CHECK_MS", 20)
    bus = DataBus()
    signals: list[tuple[str, int]] = []
    bus.changed.connect(lambda change: signals.append((change.entity, change.id)))
    updates = FileUpdates(bus)
    app = QGuiApplication.instance()
    try:
        updates.attach(db)
        app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
        new_trip(other, "While the planner was in the background")
        qtbot.wait(150)
        assert signals == []  # no looking in the background
        app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
        assert signals == [(DataBus.ANY, 0)]  # looked at once when it came to the front
        new_trip(other, "While in use")
        qtbot.waitUntil(lambda: len(signals) == 2, timeout=2000)  # and then every few moments
    finally:
        updates.stop()
    new_trip(other, "After the window closed")
    qtbot.wait(100)
    assert len(signals) == 2

