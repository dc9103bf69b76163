"""The Delegation page: members in protocol order, adding, editing, removing and reordering, all undoable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, PersonData
from planner.domain.enums import Language, Role
from planner.domain.errors import NotFoundError
from planner.domain.localized import LocalizedText
from planner.services import delegation, people, programme
from planner.ui.language import LanguageController
from planner.ui.models import member_table as mt
from planner.ui.models.member_table import MemberTableModel
from planner.ui.pages.base import UiContext
from planner.ui.pages.delegation import DelegationPage, moved
from planner.ui.pages.people import DirectoryPicker
from planner.ui.undo import UndoHistory
from planner.ui.widgets.column_fit import MAX_COLUMN_WIDTH
from planner.ui.widgets.person_form import MemberForm
from tests.ui.conftest import MakeTrip
from tests.ui.activation import activate as _activate

DISPLAY = Qt.ItemDataRole.DisplayRole


@dataclass
class Trip:
    id: int
    members: dict[str, int]  # family name → membership id
    outsiders: dict[str, int]  # family name → person id, in the directory but not on the trip


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every error message box, captured instead of blocking."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text, *a, **k: texts.append(text)))
    return texts


@pytest.fixture
def ctx(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> UiContext:
    return UiContext(UndoHistory(db, lambda: None), language, settings, lambda: None)


def _person(db: Database, family: str, given: str = "", native: str = "", **kw: object) -> int:
    return people.create_person(db, PersonData(family_name=family, given_name=given, native_name=native, **kw)).id  # type: ignore[arg-type]


@pytest.fixture
def trip(db: Database, make_trip: MakeTrip) -> Trip:
    trip_id = make_trip("Shenzhen")
    members: dict[str, int] = {}
    for family, given, native, role, kw in (
        ("Xu", "Qin", "许勤", Role.HEAD, {"organisation": LocalizedText(de="Stadtregierung Shenzhen", en="Shenzhen government")}),
        ("Weil", "Stephan", "", Role.MEMBER, {"preferred_language": Language.DE}),
        ("Bauer", "Katrin", "", Role.INTERPRETER, {}),
    ):
        person = _person(db, family, given, native, **kw)
        members[family] = delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=person, role=role)).id
    outsiders = {"Chen": _person(db, "Chen", "Yu", "陈宇"), "Albers": _person(db, "Albers", "Nina")}
    return Trip(trip_id, members, outsiders)


@pytest.fixture
def page(ctx: UiContext, trip: Trip, qtbot: QtBot) -> DelegationPage:
    widget = DelegationPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.set_trip(trip.id)
    return widget


def _names(page: DelegationPage) -> list[str]:
    return [page.proxy.index(row, mt.NAME).data(DISPLAY) for row in range(page.proxy.rowCount())]


def _select(page: DelegationPage, *membership_ids: int) -> None:
    page.select_members(membership_ids)


def _order(db: Database, trip_id: int) -> list[str]:
    return [m.person.family_name for m in delegation.list_members(db, trip_id)]


def _press(qtbot: QtBot, page: DelegationPage, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    _activate(qtbot, page)
    page.view.setFocus()
    qtbot.keyClick(page.view, key, modifier)


# --- the model -------------------------------------------------------------------------------


def test_member_model_passes_qt_model_tester(db: Database, trip: Trip, qtmodeltester: ModelTester) -> None:
    model = MemberTableModel(db, trip.id)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    model.set_trip(None)
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)


def test_members_show_in_protocol_order_with_their_columns(db: Database, trip: Trip, page: DelegationPage) -> None:
    xu = delegation.list_members(db, trip.id)[0].membership
    delegation.update_member(db, xu.evolve(arrival=date(2016, 10, 24), departure=date(2016, 10, 27)))
    weil = delegation.list_members(db, trip.id)[1].membership
    delegation.update_member(db, weil.evolve(arrival=date(2016, 10, 25)))
    page.reload()
    model = page.model
    assert _names(page) == ["Xu Qin (许勤)", "Stephan Weil", "Katrin Bauer"]
    assert [model.index(r, mt.NUMBER).data(DISPLAY) for r in range(3)] == ["1", "2", "3"]
    assert [model.index(r, mt.ROLE).data(DISPLAY) for r in range(3)] == ["Head of delegation", "Member", "Interpreter"]
    assert model.index(0, mt.ORGANISATION).data(DISPLAY) == "Shenzhen government"
    assert model.index(1, mt.LANGUAGE).data(DISPLAY) == "German"
    assert model.index(0, mt.STAY).data(DISPLAY) == "24–27 October 2016"
    assert model.index(1, mt.STAY).data(DISPLAY) == "from 25/10/2016"
    assert model.index(2, mt.STAY).data(DISPLAY) == ""
    assert page.count.text() == "3 members"


def test_the_language_switch_retranslates_the_dates(db: Database, trip: Trip, page: DelegationPage, language: LanguageController) -> None:
    xu = delegation.list_members(db, trip.id)[0].membership
    delegation.update_member(db, xu.evolve(arrival=date(2016, 10, 24), departure=date(2016, 10, 27)))
    page.reload()
    changed: list[int] = []
    page.model.headerDataChanged.connect(lambda *_a: changed.append(1))
    language.set_language("de")
    assert changed
    assert page.model.index(0, mt.STAY).data(DISPLAY) == "24.–27. Oktober 2016"


def test_filter_as_you_type_in_any_language(page: DelegationPage) -> None:
    page.search.setText("许")
    assert _names(page) == ["Xu Qin (许勤)"]
    page.search.setText("stadtregierung")  # the German variant, while the interface is English
    assert _names(page) == ["Xu Qin (许勤)"]
    assert page.count.text() == "1 of 3 shown"
    page.search.setText("interpreter")
    assert _names(page) == ["Katrin Bauer"]
    page.search.clear()
    assert len(_names(page)) == 3


def test_without_a_trip_nothing_can_be_added(ctx: UiContext, qtbot: QtBot) -> None:
    page = DelegationPage(ctx)
    qtbot.addWidget(page)
    page.set_trip(None)
    assert page.model.rowCount() == 0
    assert not page.add_action.isEnabled() and not page.new_action.isEnabled()
    assert not page.remove_action.isEnabled() and not page.up_action.isEnabled()


# --- adding ----------------------------------------------------------------------------------


def test_add_from_directory_greys_members_and_adds_the_chosen_in_one_undo_step(
    db: Database, ctx: UiContext, trip: Trip, page: DelegationPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def choose(picker: DirectoryPicker) -> int:
        model = picker.model
        weil = model.row_of(delegation.list_members(db, trip.id)[1].person.id)
        seen["weil_selectable"] = bool(model.flags(model.index(weil, 0)) & Qt.ItemFlag.ItemIsSelectable)
        seen["weil_tip"] = model.index(weil, 0).data(Qt.ItemDataRole.ToolTipRole)
        seen["ok_before"] = picker.ok.isEnabled()
        picker.search.setText("chen")
        seen["filtered"] = picker.proxy.rowCount()
        picker.search.clear()
        for person_id in trip.outsiders.values():
            index = picker.proxy.mapFromSource(model.index(model.row_of(person_id), 0))
            picker.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        picker.role.setCurrentIndex(picker.role.findData(Role.STAFF.value))
        picker.buttons.accepted.emit()
        return picker.result()

    monkeypatch.setattr(DirectoryPicker, "exec", choose)
    page.add_from_directory()
    assert seen == {"weil_selectable": False, "weil_tip": "Already in this delegation", "ok_before": False, "filtered": 1}
    members = delegation.list_members(db, trip.id)
    assert [m.person.family_name for m in members] == ["Xu", "Weil", "Bauer", "Albers", "Chen"]
    assert [m.role for m in members[3:]] == [Role.STAFF, Role.STAFF]
    added = [m.id for m in members[3:]]
    assert sorted(m.id for m in page.selected_members()) == sorted(added)
    stack = ctx.history.stack
    assert stack.count() == 1 and stack.undoText() == "Add 2 people to the delegation"
    stack.undo()
    assert _order(db, trip.id) == ["Xu", "Weil", "Bauer"]
    assert page.model.rowCount() == 3
    stack.redo()
    assert [m.id for m in delegation.list_members(db, trip.id)[3:]] == added  # the same memberships again
    assert page.model.rowCount() == 5


def test_a_refused_addition_is_reported_and_the_others_are_added(
    db: Database, ctx: UiContext, trip: Trip, page: DelegationPage, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    def choose(picker: DirectoryPicker) -> int:
        picker.view.selectAll()  # only the two outsiders are selectable
        # Meanwhile another window puts Chen on the trip.
        delegation.add_member(db, MembershipData(trip_id=trip.id, person_id=trip.outsiders["Chen"]))
        picker.accept()
        return picker.result()

    monkeypatch.setattr(DirectoryPicker, "exec", choose)
    page.add_from_directory()
    assert shown == ["Chen Yu is already in this delegation."]
    assert _order(db, trip.id) == ["Xu", "Weil", "Bauer", "Chen", "Albers"]
    assert ctx.history.stack.count() == 1 and ctx.history.stack.undoText() == "Add 1 person to the delegation"
    ctx.history.stack.undo()
    assert _order(db, trip.id) == ["Xu", "Weil", "Bauer", "Chen"]  # only the page's own addition is undone


def test_new_person_is_created_and_added_in_one_undo_step(
    db: Database, ctx: UiContext, trip: Trip, page: DelegationPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(form: MemberForm) -> int:
        form.submit()  # empty: refused beside the field, nothing saved
        assert form.error_text("family_name") == "Family name must not be empty."
        form.family_name.setText("Huang")
        form.given_name.setText("Xiaowen")
        form.native_name.setText("黄晓雯")
        form.role.setCurrentIndex(form.role.findData(Role.INTERPRETER.value))
        form.arrival.none_box.setChecked(False)  # preset to the trip's first day
        form.submit()
        return form.result()

    monkeypatch.setattr(MemberForm, "exec", fill)
    page.new_person()
    members = delegation.list_members(db, trip.id)
    new = members[-1]
    assert (new.person.full_name, new.role, new.membership.arrival) == ("Huang Xiaowen (黄晓雯)", Role.INTERPRETER, date(2016, 10, 24))
    assert [m.id for m in page.selected_members()] == [new.id]
    stack = ctx.history.stack
    assert stack.count() == 1 and stack.undoText() == "New member Huang Xiaowen"
    stack.undo()
    assert _order(db, trip.id) == ["Xu", "Weil", "Bauer"]
    with pytest.raises(NotFoundError):
        people.get_person(db, new.person.id)
    stack.redo()
    again = delegation.list_members(db, trip.id)[-1]
    assert (again.id, again.person.id) == (new.id, new.person.id)


# --- editing ---------------------------------------------------------------------------------


def test_double_click_edits_the_person_and_the_membership_as_one_step(
    db: Database, ctx: UiContext, trip: Trip, page: DelegationPage, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    def edit(form: MemberForm) -> int:
        assert form.family_name.text() == "Weil" and form.role.currentData() == "member"
        form.function.edits[Language.EN].setText("Lord Mayor")
        form.role.setCurrentIndex(form.role.findData(Role.HEAD.value))
        form.departure.none_box.setChecked(False)
        form.departure.edit.setDate(QDate(2016, 10, 26))
        form.submit()
        return form.result()

    monkeypatch.setattr(MemberForm, "exec", edit)
    page.show()
    row = page.model.row_of(trip.members["Weil"])
    rect = page.view.visualRect(page.proxy.mapFromSource(page.model.index(row, mt.NAME)))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    weil = delegation.list_members(db, trip.id)[1]
    assert (weil.person.function.en, weil.role, weil.membership.departure) == ("Lord Mayor", Role.HEAD, date(2016, 10, 26))
    assert page.model.index(row, mt.ROLE).data(DISPLAY) == "Head of delegation"
    stack = ctx.history.stack
    assert stack.count() == 1 and stack.undoText() == "Edit Stephan Weil"
    stack.undo()
    weil = delegation.list_members(db, trip.id)[1]
    assert (weil.person.function.en, weil.role, weil.membership.departure) == ("", Role.MEMBER, None)
    stack.redo()
    assert delegation.list_members(db, trip.id)[1].role == Role.HEAD


def test_saving_an_unchanged_member_records_nothing(ctx: UiContext, trip: Trip, page: DelegationPage, monkeypatch: pytest.MonkeyPatch) -> None:
    def keep(form: MemberForm) -> int:
        form.submit()
        return form.result()

    monkeypatch.setattr(MemberForm, "exec", keep)
    _select(page, trip.members["Xu"])
    page.edit_member()
    assert ctx.history.stack.count() == 0


def test_a_bad_stay_is_refused_beside_the_field(db: Database, ctx: UiContext, trip: Trip, page: DelegationPage, monkeypatch: pytest.MonkeyPatch) -> None:
    messages: dict[str, str] = {}

    def edit(form: MemberForm) -> int:
        form.email.setText("weil.example.org")
        form.arrival.none_box.setChecked(False)
        form.departure.none_box.setChecked(False)
        form.arrival.edit.setDate(QDate(2016, 10, 27))
        form.departure.edit.setDate(QDate(2016, 10, 24))
        form.submit()
        messages.update(email=form.error_text("email"), departure=form.error_text("departure"))
        return form.result()

    monkeypatch.setattr(MemberForm, "exec", edit)
    _select(page, trip.members["Weil"])
    page.edit_member()
    assert messages == {"email": "“weil.example.org” is not a valid e-mail address.", "departure": "The departure must not be before the arrival."}
    weil = delegation.list_members(db, trip.id)[1]
    assert (weil.person.email, weil.membership.arrival) == ("", None)  # neither half was saved
    assert ctx.history.stack.count() == 0


# --- removing --------------------------------------------------------------------------------


def test_remove_with_the_delete_key_undo_and_redo(db: Database, ctx: UiContext, trip: Trip, page: DelegationPage, qtbot: QtBot) -> None:
    weil, bauer = trip.members["Weil"], trip.members["Bauer"]
    item = programme.create_item(db, ItemData(
        trip_id=trip.id, title=LocalizedText(en="Visit"), timezone="Asia/Shanghai", everyone=False,
        participant_ids=(trip.members["Xu"], weil, bauer),
        start=datetime(2016, 10, 24, 2, tzinfo=UTC), end=datetime(2016, 10, 24, 3, tzinfo=UTC),
    )).id
    _select(page, weil, bauer)
    _press(qtbot, page, Qt.Key.Key_Delete)
    assert _order(db, trip.id) == ["Xu"]
    assert _names(page) == ["Xu Qin (许勤)"]
    assert programme.get_item(db, item).participant_ids == (trip.members["Xu"],)
    stack = ctx.history.stack
    assert stack.count() == 1 and stack.undoText() == "Remove 2 members from the delegation"
    stack.undo()
    assert [m.id for m in delegation.list_members(db, trip.id)] == [trip.members["Xu"], weil, bauer]  # same ids, same order
    assert programme.get_item(db, item).participant_ids == tuple(sorted((trip.members["Xu"], weil, bauer)))  # ticked again
    assert page.model.rowCount() == 3
    stack.redo()
    assert _order(db, trip.id) == ["Xu"]
    assert page.model.rowCount() == 1


def test_delete_in_the_filter_field_does_not_remove_members(db: Database, trip: Trip, page: DelegationPage, qtbot: QtBot) -> None:
    _select(page, trip.members["Weil"])
    _activate(qtbot, page)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)
    assert len(_order(db, trip.id)) == 3


# --- the order of precedence -----------------------------------------------------------------


def test_ctrl_up_moves_a_member_and_undo_puts_them_back(db: Database, ctx: UiContext, trip: Trip, page: DelegationPage, qtbot: QtBot) -> None:
    _select(page, trip.members["Bauer"])
    assert page.up_action.isEnabled() and not page.down_action.isEnabled()  # already last
    _press(qtbot, page, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _order(db, trip.id) == ["Xu", "Bauer", "Weil"]
    assert _names(page) == ["Xu Qin (许勤)", "Katrin Bauer", "Stephan Weil"]
    assert [m.id for m in page.selected_members()] == [trip.members["Bauer"]]  # the selection moves along
    assert ctx.history.stack.undoText() == "Move Katrin Bauer up"
    _press(qtbot, page, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _order(db, trip.id) == ["Bauer", "Xu", "Weil"]
    assert not page.up_action.isEnabled()
    ctx.history.stack.undo()
    ctx.history.stack.undo()
    assert _order(db, trip.id) == ["Xu", "Weil", "Bauer"]
    assert _names(page)[2] == "Katrin Bauer"
    ctx.history.stack.redo()
    assert _order(db, trip.id) == ["Xu", "Bauer", "Weil"]


def test_down_button_moves_a_block_together(db: Database, trip: Trip, page: DelegationPage, qtbot: QtBot) -> None:
    _select(page, trip.members["Xu"], trip.members["Weil"])
    page.down_action.trigger()
    assert _order(db, trip.id) == ["Bauer", "Xu", "Weil"]
    assert not page.down_action.isEnabled()


def test_a_move_under_a_filter_swaps_visible_neighbours_only(db: Database, trip: Trip, page: DelegationPage) -> None:
    page.search.setText("in")  # Qin, Katrin (interpreter); not Stephan Weil
    assert _names(page) == ["Xu Qin (许勤)", "Katrin Bauer"]
    _select(page, trip.members["Bauer"])
    page.move(-1)
    assert _order(db, trip.id) == ["Bauer", "Weil", "Xu"]  # Weil, hidden, keeps the second place


def test_moved_swaps_chosen_with_unchosen_neighbours() -> None:
    assert moved([1, 2, 3, 4], {3}, -1) == [1, 3, 2, 4]
    assert moved([1, 2, 3, 4], {2, 3}, -1) == [2, 3, 1, 4]
    assert moved([1, 2, 3, 4], {1, 2}, -1) == [1, 2, 3, 4]
    assert moved([1, 2, 3, 4], {1, 3}, 1) == [2, 1, 4, 3]
    assert moved([1, 2, 3, 4], {4}, 1) == [1, 2, 3, 4]
    assert moved([1, 2, 3, 4], {1, 2}, -1) == [1, 2, 3, 4]
    assert moved([1, 2, 3, 4], {1, 4}, -1) == [1, 2, 4, 3]


# --- columns follow their contents ------------------------------------------------------------


def test_columns_follow_the_names_after_a_reload_and_keep_what_the_user_sized(
    db: Database, ctx: UiContext, trip: Trip, page: DelegationPage, qtbot: QtBot
) -> None:
    page.show()
    header = page.view.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(mt.NAME) >= page.view.sizeHintForColumn(mt.NAME))
    short_name = header.sectionSize(mt.NAME)
    function_before = header.sectionSize(mt.FUNCTION)  # nobody has a function yet: as wide as its caption
    assert function_before <= header.sectionSizeHint(mt.FUNCTION) + 2

    person = _person(db, "Schwarzenberger", "Maximiliane", function=LocalizedText(en="Head of International Relations"))
    ctx.history.record("add", delegation.add_member(db, MembershipData(trip_id=trip.id, person_id=person, role=Role.MEMBER)))
    qtbot.waitUntil(lambda: header.sectionSize(mt.NAME) > short_name)
    assert header.sectionSize(mt.NAME) >= page.view.sizeHintForColumn(mt.NAME) <= MAX_COLUMN_WIDTH  # the long name is not cut
    qtbot.waitUntil(lambda: header.sectionSize(mt.FUNCTION) > function_before)  # the column that was empty grew

    # A column the user drags keeps that width through the next reload.
    header.resizeSection(mt.ROLE, 300)
    page.columns.user_sized.add(mt.ROLE)  # what a drag with the mouse records
    page.reload()
    qtbot.wait(10)
    assert header.sectionSize(mt.ROLE) == 300
