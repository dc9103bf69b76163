"""Keyboard only: every page, the Problems panel and back, and the New item and New person forms, without the mouse.

The page keys are c-layout's (issue 15): F6 moves the focus trip list → page →
Problems panel → trip list, Ctrl+1..5 bring up the pages in tab order, and
Insert opens the New form of the page in front (as it does on the Venues page).
Until that branch is merged the test is expected to fail (strict), so the
mark comes off the day it passes.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from planner.db.engine import Database
from planner.domain.enums import Role
from planner.services import delegation, programme
from planner.ui.main_window import MainWindow
from planner.ui.pages.delegation import DelegationPage
from planner.ui.pages.programme import ProgrammePage
from planner.ui.widgets.item_form import ItemForm
from planner.ui.widgets.person_form import MemberForm
from tests.ui.conftest import MakeTrip
from tests.ui.walkthrough_support import Walkthrough, activate

CTRL = Qt.KeyboardModifier.ControlModifier
PAGE_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5)


def _inside(container: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is container or container.isAncestorOf(focus))


@pytest.mark.xfail(strict=True, reason="needs c-layout keys (F6, Ctrl+1..5, Insert for New on every page)")
def test_every_page_the_problems_and_both_forms_from_the_keyboard(
    window: MainWindow, db: Database, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch, qtbot,  # type: ignore[no-untyped-def]
) -> None:
    trip_id = make_trip("Visit of the Shenzhen delegation", date(2016, 9, 9), date(2016, 9, 11), country="DE",
                        timezone="Europe/Berlin", head=("Xu", "Qin", "许勤"))
    window.resize(1280, 760)
    window.show()
    activate(qtbot, window)
    window.refresh(trip_id)
    w = Walkthrough(qtbot, keyboard_only=True).install(monkeypatch)
    window.navigator.view.setFocus()  # where the window starts: the trip list
    assert _inside(window.navigator)

    for index, key in enumerate(PAGE_KEYS):
        w.key(key, CTRL, f"Ctrl+{index + 1}")
        assert window.trip_tabs.currentIndex() == index
    w.key(Qt.Key.Key_1, CTRL, "Ctrl+1: back to the Overview")

    w.key(Qt.Key.Key_F6, what="F6: into the page")
    assert _inside(window.trip_tabs)
    w.key(Qt.Key.Key_F6, what="F6: to the Problems panel")
    assert _inside(window.problems)
    w.key(Qt.Key.Key_F6, what="F6: back to the trip list")
    assert _inside(window.navigator)

    def new_item(form: ItemForm) -> None:
        w.type("Working meeting at Schloss Herrenhausen", "title")
        w.key(Qt.Key.Key_Return, what="OK")

    w.expect(ItemForm, new_item)
    w.key(Qt.Key.Key_3, CTRL, "Ctrl+3: Programme")
    assert isinstance(window.trip_tabs.currentWidget(), ProgrammePage)
    w.key(Qt.Key.Key_F6, what="F6: into the page")
    w.key(Qt.Key.Key_Insert, what="Insert: New item")
    assert [i.title.en for i in programme.list_items(db, trip_id)] == ["Working meeting at Schloss Herrenhausen"]

    def new_person(form: MemberForm) -> None:
        w.type("Schostok", "family name")
        w.key(Qt.Key.Key_Tab, what="to the given name")
        w.type("Stefan", "given name")
        w.key(Qt.Key.Key_Return, what="OK")

    w.expect(MemberForm, new_person)
    w.key(Qt.Key.Key_2, CTRL, "Ctrl+2: Delegation")
    assert isinstance(window.trip_tabs.currentWidget(), DelegationPage)
    w.key(Qt.Key.Key_F6, what="F6: into the page")
    w.key(Qt.Key.Key_Insert, what="Insert: New person")
    w.done()
    assert [(m.person.name, m.role) for m in delegation.list_members(db, trip_id)] == [("Xu Qin", Role.HEAD), ("Stefan Schostok", Role.MEMBER)]
