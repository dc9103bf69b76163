"""The Problems panel checks a trip in full in a worker thread: "Checking…" meanwhile, never a stale result shown.

A full check is held in its worker after it has read the trip (tests.ui.problems_support.CheckGate), so
that a change, a trip switch, a language switch or the window's closing lands while it runs, for certain.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.checks.problem import Problem, ProblemKind
from planner.domain.entities import ItemData, MembershipData, PersonData
from planner.domain.enums import Role
from planner.domain.localized import LocalizedText as L
from planner.services import delegation, people, programme, trips
from planner.services.check_session import TripChecks
from planner.services.checks import check_trip
from planner.ui.language import LanguageController
from planner.ui.main_window import MainWindow
from planner.ui.widgets import problems_panel
from planner.ui.widgets.problems_panel import ProblemsPanel, counts_text
from tests.ui.conftest import MakeTrip
from tests.ui.problems_support import CheckGate, wait_checked


def _item(trip_id: int, title: str, hour: int, participants: tuple[int, ...]) -> ItemData:
    return ItemData(
        trip_id=trip_id, title=L(de=title, en=title, zh=title), timezone="Asia/Shanghai",
        start=datetime(2016, 10, 25, hour, tzinfo=UTC), end=datetime(2016, 10, 25, hour + 2, tzinfo=UTC),
        everyone=False, participant_ids=participants,
    )


def _trip_with_problems(
    db: Database, make_trip: MakeTrip, title: str = "Visit to Shenzhen", family: str = "Schirmeyer",
) -> tuple[int, int, int]:
    """A trip whose head has a passport and two items an hour apart: (trip, member, the later item)."""
    trip_id = make_trip(title)
    person = people.create_person(
        db, PersonData(family_name=family, given_name="Kai", nationality="DE", passport_number="C1", passport_expiry=date(2030, 1, 1))
    ).id
    member = delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=person, role=Role.HEAD)).id
    assert member is not None
    programme.create_item(db, _item(trip_id, "Visit to EMAX", 2, (member,)))
    later = programme.create_item(db, _item(trip_id, "Workshop", 6, (member,))).id
    assert later is not None
    return trip_id, member, later


def _record_shown(panel: ProblemsPanel, monkeypatch: pytest.MonkeyPatch) -> list[list[Problem]]:
    """Every list the panel's model is set to, in the model's order."""
    shown: list[list[Problem]] = []
    original = panel.model.set_problems

    def set_problems(problems: list[Problem], timezone: str) -> None:
        original(problems, timezone)
        shown.append(panel.model.problems())

    monkeypatch.setattr(panel.model, "set_problems", set_problems)
    return shown


def _strip(panel: ProblemsPanel) -> str:
    return panel.toggle.text()



def _running_worker(panel: ProblemsPanel) -> threading.Thread:
    """The thread of the full check the panel is waiting for."""
    running = panel._running
    assert running is not None
    return running[1]

def test_opening_a_trip_says_checking_until_the_worker_has_checked_it(
    window: MainWindow, make_trip: MakeTrip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    trip_id, _member, _later = _trip_with_problems(window.db, make_trip)
    gate = CheckGate(monkeypatch)
    panel = window.problems
    shown = _record_shown(panel, monkeypatch)
    window.show()
    window.refresh(trip_id)
    assert panel.checking and not panel.view.isEnabled()
    assert _strip(panel).startswith("Problems: Checking…")

    gate.wait_read(qtbot)  # the check has read the trip in its worker and is held there
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1])  # the GUI thread goes on meanwhile
    assert panel.checking and _strip(panel).startswith("Problems: Checking…") and shown == []

    with qtbot.waitSignal(panel.checked, timeout=10_000):
        gate.release()
    expected = check_trip(window.db, trip_id)
    assert expected != [] and panel.model.problems() == expected and shown == [expected]
    assert panel.view.isEnabled() and not panel.checking
    assert _strip(panel) == f"Problems: {counts_text(panel.model.counts())} ▸"
    assert window.overview.values["problems"].text() == counts_text(panel.model.counts())
    assert gate.trips == [trip_id]


def test_a_member_added_during_a_full_check_makes_its_result_stale(
    window: MainWindow, make_trip: MakeTrip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    trip_id, _member, _later = _trip_with_problems(window.db, make_trip)
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    panel = window.problems
    gate = CheckGate(monkeypatch)
    shown = _record_shown(panel, monkeypatch)
    panel.refresh()  # a full check, as after an import or a colleague's change
    gate.wait_read(qtbot)
    before = check_trip(window.db, trip_id)

    newcomer = people.create_person(window.db, PersonData(family_name="Wehrmann", given_name="Jonas", nationality="DE")).id
    window.history.perform(
        "add", lambda: delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=newcomer))
    )  # through the bus, as the Delegation page adds one
    after = check_trip(window.db, trip_id)
    assert any(p.kind is ProblemKind.PASSPORT_MISSING for p in after) and after != before
    assert panel.checking and _strip(panel).startswith("Problems: Checking…")

    gate.release()
    qtbot.waitUntil(lambda: not panel.checking, timeout=10_000)
    assert panel.model.problems() == after
    assert shown == [after]  # the held result (read before the member came) was dropped, never shown
    assert gate.trips == [trip_id, trip_id]  # and the trip checked once more: no pile-up
    assert window.overview.values["problems"].text() == counts_text(panel.model.counts())


def test_an_items_edit_during_a_full_check_is_not_checked_against_the_old_checks(
    window: MainWindow, make_trip: MakeTrip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    trip_id, _member, workshop = _trip_with_problems(window.db, make_trip)
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    panel = window.problems
    incremental: list[int] = []
    original = TripChecks.item_changed

    def item_changed(self: TripChecks, item_id: int) -> list[Problem]:
        incremental.append(item_id)
        return original(self, item_id)

    monkeypatch.setattr(TripChecks, "item_changed", item_changed)
    gate = CheckGate(monkeypatch)
    shown = _record_shown(panel, monkeypatch)
    panel.refresh()
    gate.wait_read(qtbot)

    item = programme.get_item(window.db, workshop)
    assert item.start is not None
    window.history.perform("move", lambda: programme.move_item(window.db, workshop, None, item.start - timedelta(hours=3)))
    assert incremental == [] and panel.checking and not panel.view.isEnabled()

    gate.release()
    qtbot.waitUntil(lambda: not panel.checking, timeout=10_000)
    after = check_trip(window.db, trip_id)
    assert any(p.kind is ProblemKind.PARTICIPANT_OVERLAP for p in after)
    assert panel.model.problems() == after and shown == [after]
    assert gate.trips == [trip_id, trip_id] and incremental == []

    window.history.stack.undo()  # the checks are current again: an item's edit is checked where it happened
    assert incremental == [workshop] and not panel.checking
    assert panel.model.problems() == check_trip(window.db, trip_id)


def test_a_trip_chosen_during_a_check_ends_on_that_trips_problems(
    window: MainWindow, make_trip: MakeTrip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    shenzhen, _m, _i = _trip_with_problems(window.db, make_trip)
    munich = make_trip("Visit to Munich")
    delegation.add_member(window.db, MembershipData(trip_id=munich, person_id=people.create_person(window.db, PersonData(family_name="Vogt")).id))
    gate = CheckGate(monkeypatch)
    panel = window.problems
    shown = _record_shown(panel, monkeypatch)
    window.refresh(shenzhen)  # the first trip: checked a moment later (after the paint of a shown window)
    gate.wait_read(qtbot)
    window.refresh(munich)
    assert panel.trip_id == munich and panel.checking

    gate.release()
    qtbot.waitUntil(lambda: not panel.checking, timeout=10_000)
    expected = check_trip(window.db, munich)
    assert expected != check_trip(window.db, shenzhen)
    assert panel.model.problems() == expected and shown == [expected]
    assert gate.trips == [shenzhen, munich]
    assert window.overview.values["problems"].text() == counts_text(panel.model.counts())


def test_a_language_switch_during_a_check_keeps_its_result(
    window: MainWindow, make_trip: MakeTrip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    trip_id, _member, _later = _trip_with_problems(window.db, make_trip)
    gate = CheckGate(monkeypatch)
    panel = window.problems
    window.refresh(trip_id)
    gate.wait_read(qtbot)
    window.language.set_language("de")
    assert panel.checking and _strip(panel).startswith("Probleme: Wird geprüft…")
    window.language.set_language("zh")
    assert _strip(panel).startswith("问题：正在检查…")

    with qtbot.waitSignal(panel.checked, timeout=10_000):
        gate.release()
    assert gate.trips == [trip_id]  # only a repaint: the result is shown, not checked again
    assert panel.model.problems() == check_trip(window.db, trip_id)
    assert _strip(panel).startswith("问题：") and "正在检查" not in _strip(panel)


def test_a_trip_deleted_elsewhere_ends_the_check_with_an_empty_list(
    window: MainWindow, make_trip: MakeTrip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    trip_id, _member, _later = _trip_with_problems(window.db, make_trip)
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    panel = window.problems
    assert panel.model.problems() != []
    trips.delete_trip(window.db, trip_id)  # by another program: the window is not told
    errors: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))

    panel.refresh()
    with qtbot.waitSignal(panel.checked, timeout=10_000):
        pass
    assert panel.model.problems() == [] and panel.view.isEnabled()
    assert _strip(panel) == "Problems: No problems found. ▸"
    assert errors == []


def test_closing_the_window_during_a_check_waits_for_it(
    window: MainWindow, make_trip: MakeTrip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    trip_id, _member, _later = _trip_with_problems(window.db, make_trip)
    gate = CheckGate(monkeypatch)
    panel = window.problems
    window.show()
    window.refresh(trip_id)
    gate.wait_read(qtbot)
    worker = _running_worker(panel)
    original = panel.shut_down

    def shut_down() -> None:  # the check goes on from where the gate held it, while the window closes
        gate.release()
        original()

    monkeypatch.setattr(panel, "shut_down", shut_down)
    assert window.close()
    assert not worker.is_alive()  # waited for: it reads no database the window has closed
    QApplication.processEvents()  # its result is handled without error, and nothing starts again
    assert panel._running is None and gate.trips == [trip_id]


def test_a_window_deleted_before_its_check_ends_is_not_told(
    db: Database, language: LanguageController, settings: QSettings, make_trip: MakeTrip, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A check that outlasts the closing's wait (a server that does not answer) ends on its own, quietly."""
    trip_id, _member, _later = _trip_with_problems(db, make_trip)
    monkeypatch.setattr(problems_panel, "CLOSE_WAIT_S", 0.0)
    errors: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    gate = CheckGate(monkeypatch)
    window = MainWindow(db, language, settings)
    window.refresh(trip_id)
    gate.wait_read(qtbot)
    worker = _running_worker(window.problems)
    assert window.close()
    assert worker.is_alive()  # not waited for (no time allowed)
    window.deleteLater()
    QApplication.sendPostedEvents(None, int(QEvent.Type.DeferredDelete))

    gate.release()
    worker.join(10)
    assert not worker.is_alive()
    QApplication.processEvents()
    assert errors == []


def test_ctrl_7_during_a_check_puts_the_keyboard_in_the_list_once_it_is_current(
    window: MainWindow, make_trip: MakeTrip, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt

    from tests.ui.activation import activate

    trip_id, _member, _later = _trip_with_problems(window.db, make_trip)
    gate = CheckGate(monkeypatch)
    panel = window.problems
    window.refresh(trip_id)
    activate(qtbot, window)
    gate.wait_read(qtbot)
    window.navigator.view.setFocus()
    qtbot.keyClick(window.navigator.view, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert panel.expanded and QApplication.focusWidget() is panel.toggle  # the greyed list takes no keyboard

    with qtbot.waitSignal(panel.checked, timeout=10_000):
        gate.release()
    assert QApplication.focusWidget() is panel.view
