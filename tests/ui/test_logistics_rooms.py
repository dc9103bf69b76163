"""The Logistics page's Rooms tab: room blocks and members' rooms, by keyboard and by drag, with undo and redo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.enums import Language
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services import accommodation, delegation
from planner.ui.language import LanguageController
from planner.ui.models import room_tables
from planner.ui.pages.logistics import LOGISTICS_TABS, LogisticsPage
from planner.ui.pages.logistics_rooms import RoomsPage
from planner.ui.widgets import room_forms
from tests.ui.activation import activate
from tests.ui.programme_support import make_context


@pytest.fixture
def trip(db: Database) -> int:
    return import_trip_file(db, DEMO_TRIPS / "shenzhen-hannover-2016.json").id


@pytest.fixture
def page(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot, trip: int) -> LogisticsPage:
    widget = LogisticsPage(make_context(db, language, settings))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.set_trip(trip)
    activate(qtbot, widget)
    return widget


def rooms(page: LogisticsPage) -> RoomsPage:
    tab = page.pages[0]
    assert isinstance(tab, RoomsPage)
    return tab


def _guest_row(tab: RoomsPage, family: str) -> int:
    for row in range(tab.proxy.rowCount()):
        if family in tab.proxy.index(row, room_tables.GUEST).data():
            return row
    raise KeyError(family)


def _shown(tab: RoomsPage, family: str, column: int) -> str:
    return tab.proxy.index(_guest_row(tab, family), column).data()


def test_the_page_holds_the_rooms_tab_and_shows_the_demo_hotel(page: LogisticsPage) -> None:
    assert page.page_title() == "Logistics" and LOGISTICS_TABS[0] is RoomsPage
    assert page.tabs.tabText(0) == "Rooms"
    tab = rooms(page)
    assert tab.blocks.rowCount() == 3 and tab.blocks.index(0, room_tables.HOTEL).data() == "Kastens Hotel Luisenhof"
    assert _shown(tab, "Xu Qin", room_tables.ROOM) == "501"
    assert _shown(tab, "Wu Tao", room_tables.SHARING) == "Yang Fan (杨帆)"
    assert _shown(tab, "Bauer", room_tables.GUEST_HOTEL) == "no room yet"  # the local interpreter
    assert page.main_view() is tab.view


def test_keyboard_assigns_a_room_with_a_sharer_as_one_undo_step(
    page: LogisticsPage, db: Database, trip: int, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = rooms(page)
    tab.view.setFocus()
    tab.view.selectRow(_guest_row(tab, "Bauer"))
    seen: list[str] = []

    def fill(form: room_forms.RoomForm) -> int:
        seen.append(form.windowTitle())
        form.block.setCurrentIndex(form.block.findData(tab.lodging.blocks[1].id))  # Lin Na's room type
        form.label.setText("214")
        for row in range(form.sharing.count()):
            entry = form.sharing.item(row)
            if entry.text().startswith("Lin Na"):
                entry.setCheckState(Qt.CheckState.Checked)
        form.submit()
        return form.result()

    monkeypatch.setattr(room_forms.RoomForm, "exec", fill)
    qtbot.keyClick(tab.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["Room of Katrin Bauer"]
    lodging = accommodation.trip_accommodation(db, trip)
    members = {m.person.family_name: m.id for m in delegation.list_members(db, trip)}
    bauer = next(r for r in lodging.assignments if r.membership_id == members["Bauer"])
    lin = next(r for r in lodging.assignments if r.membership_id == members["Lin"])
    assert (bauer.room_label, bauer.sharing_with, bauer.first_night, bauer.last_night) == ("214", (members["Lin"],), date(2016, 9, 9), date(2016, 9, 10))
    assert lin.sharing_with == (members["Bauer"],)  # named on both rooms
    assert _shown(tab, "Bauer", room_tables.SHARING) == "Lin Na (林娜)"
    stack = page.ctx.history.stack
    assert stack.undoText() == "Room of Katrin Bauer"
    stack.undo()
    lodging = accommodation.trip_accommodation(db, trip)
    assert all(r.membership_id != members["Bauer"] for r in lodging.assignments)
    assert next(r for r in lodging.assignments if r.membership_id == members["Lin"]).sharing_with == ()
    assert _shown(tab, "Bauer", room_tables.GUEST_HOTEL) == "no room yet"
    stack.redo()
    assert _shown(tab, "Bauer", room_tables.ROOM) == "214" and _shown(tab, "Lin Na", room_tables.SHARING) == "Katrin Bauer"


def test_dragging_a_member_onto_a_block_gives_them_a_room_and_delete_takes_it(
    page: LogisticsPage, db: Database, trip: int, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = rooms(page)
    row = _guest_row(tab, "Bauer")
    data = tab.proxy.mimeData([tab.proxy.index(row, 0)])
    suite = tab.blocks.index(0, 0)
    assert tab.blocks.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, suite)
    tab.blocks.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, suite)
    assert _shown(tab, "Bauer", room_tables.GUEST_ROOM_TYPE) == "Junior Suite"
    assert tab.blocks.index(0, room_tables.IN_USE).data() == "2"
    assert not tab.blocks.canDropMimeData(QMimeData(), Qt.DropAction.CopyAction, -1, -1, suite)  # not a member
    tab.view.setFocus()
    tab.view.selectRow(_guest_row(tab, "Bauer"))
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert _shown(tab, "Bauer", room_tables.GUEST_HOTEL) == "no room yet"
    page.ctx.history.stack.undo()
    assert _shown(tab, "Bauer", room_tables.GUEST_ROOM_TYPE) == "Junior Suite"
    page.ctx.history.stack.undo()  # the drop
    assert _shown(tab, "Bauer", room_tables.GUEST_HOTEL) == "no room yet"


def test_a_new_block_and_its_removal_with_undo(
    page: LogisticsPage, db: Database, trip: int, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = rooms(page)

    def fill(form: room_forms.RoomBlockForm) -> int:
        form.room_type.edits[Language.EN].setText("Family room")
        form.rooms.setValue(2)
        form.sleeps.setValue(4)
        form.rate.setText("250")
        form.submit()
        assert form.error_text("currency") == "“” is not a currency code like EUR or CNY."
        form.currency.setCurrentText("EUR")
        form.submit()
        return form.result()

    monkeypatch.setattr(room_forms.RoomBlockForm, "exec", fill)
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tab.blocks.rowCount() == 4
    assert tab.current_block() is not None and tab.current_block().room_type.en == "Family room"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    tab.block_view.selectRow(0)  # the suite, with Xu Qin's room
    tab.delete_block()
    assert tab.blocks.rowCount() == 3 and _shown(tab, "Xu Qin", room_tables.GUEST_HOTEL) == "no room yet"
    page.ctx.history.stack.undo()
    assert tab.blocks.rowCount() == 4 and _shown(tab, "Xu Qin", room_tables.ROOM) == "501"


def test_tab_leaves_the_tables_and_filter_finds_without_room(page: LogisticsPage, qtbot: QtBot) -> None:
    tab = rooms(page)
    tab.show_filter.setCurrentIndex(2)
    assert [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())] == ["Katrin Bauer"]
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Tab)
    assert not tab.view.hasFocus()


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_every_button_of_the_rooms_tab_has_its_own_alt_letter(page: LogisticsPage, language: LanguageController, lang: str) -> None:
    """The block buttons and "Remove room" once had none: the keyboard reached them only by Tab."""
    from PySide6.QtWidgets import QPushButton

    from planner.ui.mnemonics import mnemonic_of

    language.set_language(lang)
    buttons = [b for b in rooms(page).findChildren(QPushButton) if b.text()]
    letters = [mnemonic_of(b.text()) for b in buttons]
    assert len(buttons) >= 5 and all(letters), [b.text() for b in buttons]
    assert len({letter.casefold() for letter in letters}) == len(letters), [b.text() for b in buttons]
