"""The window from the keyboard: Tab leaves every table, F6 and Ctrl+digit reach the areas, Ctrl+Shift+N makes new things."""

from __future__ import annotations

from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.ui.language import LanguageController
from planner.ui.main_window import MainWindow
from planner.ui.mnemonics import mnemonic_of
from planner.ui.pages.delegation import DelegationPage
from planner.ui.pages.logistics import LogisticsPage
from planner.ui.pages.people import DirectoryPicker, PeoplePage
from planner.ui.pages.programme import ProgrammePage
from planner.ui.pages.venues import VenuesPage
from planner.ui.widgets.item_form import ItemForm
from planner.ui.widgets.person_form import MemberForm, PersonForm
from planner.ui.widgets.room_forms import RoomBlockForm
from planner.ui.widgets.venue_form import VenueForm
from tests.ui.activation import activate as _activate
from tests.ui.problems_support import wait_checked

P = TypeVar("P")
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press a key where the keyboard is now; returns where it is afterwards."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)
    after = QApplication.focusWidget()
    assert after is not None
    return after


@pytest.fixture
def shown(window: MainWindow, two_trips: tuple[int, int], qtbot: QtBot) -> MainWindow:
    window.refresh()
    _activate(qtbot, window)
    wait_checked(window.problems, qtbot)  # the list is greyed (and takes no keyboard) while its check runs
    return window


def _page(window: MainWindow, kind: type[P]) -> P:
    return next(p for p in window.trip_pages if isinstance(p, kind))


def test_every_table_of_the_window_lets_tab_go_on(shown: MainWindow) -> None:
    views = shown.findChildren(QAbstractItemView)
    assert len(views) >= 8
    assert [v.objectName() or type(v).__name__ for v in views if v.tabKeyNavigation()] == []


def test_tab_walks_out_of_the_trip_list_through_the_pages_and_back(shown: MainWindow, qtbot: QtBot) -> None:
    shown.navigator.view.setFocus(Qt.FocusReason.TabFocusReason)
    first = _press(qtbot, Qt.Key.Key_Tab)
    assert first is shown.navigator.new_button  # out of the list at once, not to its next cell
    assert _press(qtbot, Qt.Key.Key_Tab, SHIFT) is shown.navigator.view
    assert _press(qtbot, Qt.Key.Key_Backtab, SHIFT) is shown.navigator.status
    shown.navigator.view.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []
    for _step in range(40):
        visited.append(_press(qtbot, Qt.Key.Key_Tab))
        if visited[-1] is shown.navigator.view:
            break
    assert visited[-1] is shown.navigator.view  # round the whole window and back
    assert any(shown.trip_tabs.isAncestorOf(w) for w in visited)  # the page in front is reached
    assert any(shown.problems.isAncestorOf(w) for w in visited)  # and the Problems panel


def test_f6_goes_round_the_areas_and_shift_f6_back(shown: MainWindow, qtbot: QtBot) -> None:
    shown.navigator.view.setFocus()
    overview_page = shown.trip_tabs.currentWidget()
    assert _press(qtbot, Qt.Key.Key_F6) is overview_page.main_view()  # type: ignore[attr-defined]
    assert not shown.problems.expanded
    assert _press(qtbot, Qt.Key.Key_F6) is shown.problems.view
    assert shown.problems.expanded and shown.problems.view.isVisible()  # the list opens to take the keyboard
    assert _press(qtbot, Qt.Key.Key_F6) is shown.navigator.view
    assert _press(qtbot, Qt.Key.Key_F6, SHIFT) is shown.problems.view


def test_ctrl_digits_choose_a_page_and_put_the_keyboard_in_its_table(shown: MainWindow, qtbot: QtBot) -> None:
    shown.navigator.view.setFocus()
    assert _press(qtbot, Qt.Key.Key_2, CTRL) is _page(shown, DelegationPage).view
    assert shown.trip_tabs.currentWidget() is _page(shown, DelegationPage)
    programme = _page(shown, ProgrammePage)
    assert _press(qtbot, Qt.Key.Key_3, CTRL) is programme.stack.currentWidget()
    assert _press(qtbot, Qt.Key.Key_4, CTRL) is _page(shown, LogisticsPage).pages[0].view  # the Rooms tab's guests
    assert _press(qtbot, Qt.Key.Key_5, CTRL) is _page(shown, VenuesPage).view
    assert _press(qtbot, Qt.Key.Key_6, CTRL) is _page(shown, PeoplePage).view
    assert _press(qtbot, Qt.Key.Key_0, CTRL) is shown.navigator.view
    assert _press(qtbot, Qt.Key.Key_7, CTRL) is shown.problems.view
    assert _press(qtbot, Qt.Key.Key_1, CTRL) is shown.trip_pages[0].main_view()


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_view_menu_names_the_keys_with_one_alt_letter_each(shown: MainWindow, language: LanguageController, lang: str) -> None:
    language.set_language(lang)
    actions = [a for a in shown.view_menu.actions() if not a.isSeparator()]
    assert [a.shortcut().toString() for a in actions] == [
        "Ctrl+0", "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6", "Ctrl+7", "F6", "Shift+F6"
    ]
    letters = [mnemonic_of(a.text()) for a in actions]
    assert all(letters) and len(set(letters)) == len(letters)
    titles = [mnemonic_of(m.title()) for m in shown.menuBar().findChildren(type(shown.view_menu)) if m.title()]
    assert len(set(titles)) == len(titles)


# --- the "new" keys ------------------------------------------------------------------------------


def _opened(monkeypatch: pytest.MonkeyPatch, form_class: type[QDialog]) -> list[QDialog]:
    seen: list[QDialog] = []

    def exec_(form: QDialog) -> int:
        seen.append(form)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(form_class, "exec", exec_)
    return seen


def test_ctrl_shift_n_opens_the_new_item_form_from_the_trip_list(shown: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    forms = _opened(monkeypatch, ItemForm)
    shown.trip_tabs.setCurrentWidget(_page(shown, ProgrammePage))
    shown.navigator.view.setFocus()
    _press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert [f.windowTitle() for f in forms] == ["New programme item"]
    _page(shown, ProgrammePage).main_view().setFocus()
    _press(qtbot, Qt.Key.Key_Insert)
    assert len(forms) == 2
    assert "Ctrl+Shift+N" in _page(shown, ProgrammePage).new_action.toolTip()


def test_each_page_makes_its_own_new_thing(shown: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    members, people_forms, venue_forms = _opened(monkeypatch, MemberForm), _opened(monkeypatch, PersonForm), _opened(monkeypatch, VenueForm)
    items = _opened(monkeypatch, ItemForm)
    _press(qtbot, Qt.Key.Key_2, CTRL)  # Delegation
    _press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert [f.windowTitle() for f in members] == ["New member of the delegation"]
    _press(qtbot, Qt.Key.Key_6, CTRL)  # People
    _press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert [f.windowTitle() for f in people_forms] == ["New person"]
    blocks = _opened(monkeypatch, RoomBlockForm)
    _press(qtbot, Qt.Key.Key_4, CTRL)  # Logistics, the Rooms tab
    _press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert [f.windowTitle() for f in blocks] == ["New room block"]
    _press(qtbot, Qt.Key.Key_5, CTRL)  # Venues
    _press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    assert len(venue_forms) == 1
    assert items == []


def test_delegation_keys_add_from_directory_and_import(shown: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.ui.widgets import member_import_dialog

    page = _page(shown, DelegationPage)
    pickers = _opened(monkeypatch, DirectoryPicker)
    imports: list[int] = []
    monkeypatch.setattr(member_import_dialog, "import_members_with_dialog", lambda _page, _h, _s, _l, trip_id, *_a: imports.append(trip_id))
    _press(qtbot, Qt.Key.Key_2, CTRL)
    _press(qtbot, Qt.Key.Key_A, CTRL | SHIFT)
    assert [p.windowTitle() for p in pickers] == ["Add from the people directory"]
    _press(qtbot, Qt.Key.Key_I, CTRL | SHIFT)
    assert imports == [page.trip_id]
    menu_keys = {a.text(): a.shortcut().toString() for a in page.view.actions() if not a.isSeparator()}
    assert menu_keys["Add from directory…"] == "Ctrl+Shift+A"
    assert menu_keys["New person…"] == "Ctrl+Shift+N"


def test_problems_panel_starts_slim_opens_on_click_and_keeps_its_height(
    db: Database, two_trips: tuple[int, int], language: LanguageController, settings: QSettings, qtbot: QtBot
) -> None:
    window = MainWindow(db, language, settings)
    qtbot.addWidget(window)
    _activate(qtbot, window)
    panel = window.problems
    qtbot.waitUntil(lambda: "warning" in panel.toggle.text() or "error" in panel.toggle.text() or "No problems" in panel.toggle.text())
    assert not panel.expanded and not panel.view.isVisible()
    assert panel.height() <= 2 * panel.toggle.sizeHint().height()  # a strip, not half the window
    assert panel.toggle.text().endswith("▸") and panel.toggle.text().startswith("Problems: ")
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.expanded and panel.view.isVisible()
    qtbot.waitUntil(lambda: panel.height() > 120)
    window.resizeDocks([panel], [260], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: abs(panel.height() - 260) <= 4)
    window.close()

    again = MainWindow(db, language, settings)
    qtbot.addWidget(again)
    _activate(qtbot, again)
    assert again.problems.expanded
    qtbot.waitUntil(lambda: abs(again.problems.height() - 260) <= 8)
    qtbot.mouseClick(again.problems.toggle, Qt.MouseButton.LeftButton)
    assert not again.problems.expanded
    qtbot.waitUntil(lambda: again.problems.height() <= 2 * again.problems.toggle.sizeHint().height())
