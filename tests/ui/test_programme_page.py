"""The Programme page: create, move, delete with undo and redo, both views in step, filters, refusals."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.enums import ItemKind, Language
from planner.services import programme
from planner.ui.language import LanguageController
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.pages.programme import AGENDA, TABLE, ProgrammePage
from planner.ui.widgets import item_form
from tests.ui.programme_support import shown_page, Programme, add_item, local, make_context, make_programme


@pytest.fixture
def page(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> ProgrammePage:
    return shown_page(ProgrammePage, db, language, settings, qtbot)


@pytest.fixture
def trip(db: Database) -> Programme:
    return make_programme(db)


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *a, **k: shown.append(text))
    return shown


def _fill_with(monkeypatch: pytest.MonkeyPatch, fill: Callable[[item_form.ItemForm], None]) -> None:
    """Instead of showing the form: fill it in and press OK, as the planner would."""

    def exec_(form: item_form.ItemForm) -> int:
        fill(form)
        form.submit()
        return form.result()

    monkeypatch.setattr(item_form.ItemForm, "exec", exec_)


def test_empty_state_names_both_ways_to_add_an_item(page: ProgrammePage, trip: Programme) -> None:
    page.set_trip(trip.trip_id)
    assert page.page_title() == "Programme"
    assert page.empty.isVisible()
    assert page.empty.text() == "No programme items yet: double-click a time in the agenda, or choose New item."
    assert page.new_action.isEnabled() and not page.edit_action.isEnabled() and not page.delete_action.isEnabled()
    page.set_trip(None)
    assert not page.empty.isVisible() and not page.new_action.isEnabled()


def test_create_then_undo_and_redo(page: ProgrammePage, trip: Programme, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    page.set_trip(trip.trip_id)
    _fill_with(monkeypatch, lambda form: form.title.edits[Language.EN].setText("Welcome dinner"))
    change = page.new_item(local("2016-10-24 19:00"))
    assert change is not None
    (item,) = programme.list_items(db, trip.trip_id)
    assert (item.title.en, item.start, item.end) == ("Welcome dinner", local("2016-10-24 19:00"), local("2016-10-24 20:00"))
    assert not page.empty.isVisible()
    assert page.agenda.selected_ids() == [item.id]  # the new item is selected
    assert page.model.rowCount() == 1 and item.id in page.agenda.layout_.blocks
    stack = page.ctx.history.stack
    assert stack.undoText() == "New programme item"
    stack.undo()
    assert programme.list_items(db, trip.trip_id) == [] and page.model.rowCount() == 0
    assert page.empty.isVisible() and page.agenda.selected_ids() == []
    stack.redo()
    (again,) = programme.list_items(db, trip.trip_id)
    assert again.id == item.id and page.model.rowCount() == 1


def test_new_item_without_a_time_follows_the_current_item(page: ProgrammePage, trip: Programme, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    first = add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:30", "Breakfast meeting")
    page.set_trip(trip.trip_id)
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        item_form.ItemForm, "exec",
        lambda form: seen.append((form.start_date.date().toString("yyyy-MM-dd"), form.start_time.time().toString("HH:mm"))) or 0,
    )
    page.new_action.trigger()
    assert seen == [("2016-10-24", "09:00")]  # nothing selected: the first day at nine
    page.select(first.id)
    page.new_action.trigger()
    assert seen[-1] == ("2016-10-25", "10:30")


def test_move_and_undo_redo_keep_both_views_in_step(page: ProgrammePage, trip: Programme, db: Database) -> None:
    item = add_item(db, trip.trip_id, "2016-10-25 09:30", "2016-10-25 11:00", "Talks")
    page.set_trip(trip.trip_id)
    page.select(item.id)
    assert page.move_item(item.id, local("2016-10-26 15:00")) is not None
    assert page.model.item_by_id(item.id).start == local("2016-10-26 15:00")
    assert page.agenda.layout_.blocks[item.id][0].column == 2
    assert page.agenda.selected_ids() == [item.id]  # still selected after the move
    page.show_view(TABLE)
    row = page.proxy.index(0, 1).data()
    assert row == "15:00–16:30"
    assert page.selected_ids() == [item.id]  # the table shows the same selection
    page.ctx.history.stack.undo()
    assert page.proxy.index(0, 1).data() == "09:30–11:00"
    assert programme.get_item(db, item.id).start == item.start
    page.ctx.history.stack.redo()
    assert programme.get_item(db, item.id).start == local("2016-10-26 15:00")


def test_a_refused_move_is_shown_and_not_recorded(page: ProgrammePage, trip: Programme, db: Database, errors: list[str]) -> None:
    item = add_item(db, trip.trip_id, "2016-10-25 09:30", "2016-10-25 11:00", "Talks")
    page.set_trip(trip.trip_id)
    # Someone else changed it in the meantime (the page did not hear of it).
    programme.update_item(db, item.evolve(title=item.title.replace("en", "Talks (changed)")))
    assert page.move_item(item.id, local("2016-10-26 15:00")) is None
    assert errors == ["This record was changed elsewhere in the meantime; please reload it and try again."]
    assert page.ctx.history.stack.count() == 0
    assert programme.get_item(db, item.id).start == item.start


def test_delete_key_deletes_the_selection_as_one_undoable_step(page: ProgrammePage, trip: Programme, db: Database, qtbot: QtBot) -> None:
    a = add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:00", "A", participants=trip.member_ids[:1])
    b = add_item(db, trip.trip_id, "2016-10-25 11:00", "2016-10-25 12:00", "B")
    c = add_item(db, trip.trip_id, "2016-10-26 11:00", "2016-10-26 12:00", "C")
    page.set_trip(trip.trip_id)
    page.agenda.setFocus()
    page.agenda.select_items([a.id, b.id], a.id)
    assert page.delete_action.isEnabled()
    qtbot.keyClick(page.agenda, Qt.Key.Key_Delete)
    assert [i.id for i in programme.list_items(db, trip.trip_id)] == [c.id]
    assert page.model.rowCount() == 1 and page.agenda.selected_ids() == []
    stack = page.ctx.history.stack
    assert stack.count() == 1 and stack.undoText() == "Delete 2 programme items"
    stack.undo()
    restored = programme.list_items(db, trip.trip_id)
    assert [i.id for i in restored] == [a.id, b.id, c.id]  # the same ids again
    assert restored[0].participant_ids == trip.member_ids[:1]
    assert page.model.rowCount() == 3 and set(page.agenda.layout_.blocks) == {a.id, b.id, c.id}
    stack.redo()
    assert [i.id for i in programme.list_items(db, trip.trip_id)] == [c.id]


def test_delete_in_the_table_and_edit_by_enter(page: ProgrammePage, trip: Programme, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    a = add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:00", "A")
    add_item(db, trip.trip_id, "2016-10-25 11:00", "2016-10-25 12:00", "B")
    page.set_trip(trip.trip_id)
    page.show_view(TABLE)
    page.table.setFocus()
    page.table.selectRow(0)
    assert page.agenda.selected_ids() == [a.id]  # the agenda follows the table
    _fill_with(monkeypatch, lambda form: form.title.edits[Language.EN].setText("A, renamed"))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert programme.get_item(db, a.id).title.en == "A, renamed"
    assert page.ctx.history.stack.undoText() == "Edit programme item"
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [i.title.en for i in programme.list_items(db, trip.trip_id)] == ["B"]
    assert page.ctx.history.stack.undoText() == "Delete programme item"
    page.ctx.history.stack.undo()
    assert programme.get_item(db, a.id).title.en == "A, renamed"


def test_filter_and_kind_narrow_both_views(page: ProgrammePage, trip: Programme, db: Database, qtbot: QtBot) -> None:
    dinner = add_item(db, trip.trip_id, "2016-10-24 19:00", "2016-10-24 21:00", "Welcome dinner", kind=ItemKind.MEAL)
    add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:00", "Meeting at the ministry")
    page.set_trip(trip.trip_id)
    qtbot.keyClicks(page.search, "dinner")
    # Typing waits for a pause before filtering thousands of rows, then filters by itself.
    assert page._filter_timer.isActive() and page.proxy.rowCount() == 2
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=5000)
    assert not page._filter_timer.isActive()
    assert set(page.agenda.layout_.blocks) == {dinner.id}
    page.search.clear()
    page.apply_filter()
    assert page.proxy.rowCount() == 2
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(ItemKind.MEETING.value))
    assert [page.proxy.index(r, 0).data(OBJECT_ROLE).title.en for r in range(page.proxy.rowCount())] == ["Meeting at the ministry"]
    assert dinner.id not in page.agenda.layout_.blocks
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(ItemKind.PRESS.value))
    assert page.empty.isVisible() and page.empty.text() == "No programme item matches the filter."


def test_the_view_choice_is_remembered(db: Database, language: LanguageController, settings: QSettings, trip: Programme, qtbot: QtBot) -> None:
    first = ProgrammePage(make_context(db, language, settings))
    qtbot.addWidget(first)
    assert first.stack.currentIndex() == AGENDA
    first.table_button.click()
    assert first.stack.currentIndex() == TABLE
    second = ProgrammePage(make_context(db, language, settings))
    qtbot.addWidget(second)
    assert second.stack.currentIndex() == TABLE and second.table_button.isChecked()


def test_items_outside_the_trips_days_are_pointed_out(page: ProgrammePage, trip: Programme, db: Database) -> None:
    add_item(db, trip.trip_id, "2016-10-30 09:00", "2016-10-30 10:00", "Later")
    page.set_trip(trip.trip_id)
    assert page.note.isVisible()
    assert page.note.text() == "1 item lies outside the trip's days and is shown in the table only."
    assert page.model.rowCount() == 1


def test_other_changes_reload_the_page(page: ProgrammePage, trip: Programme, db: Database) -> None:
    from planner.services import trips as trip_service

    add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:00", "A")
    page.set_trip(trip.trip_id)
    assert len(page.agenda.layout_.days) == 4
    data = trip_service.get_trip(db, trip.trip_id)
    page.ctx.history.perform("Edit trip", lambda: trip_service.update_trip(db, data.evolve(last_day=data.last_day.replace(day=29))))
    assert len(page.agenda.layout_.days) == 6  # the page heard of it and read the trip again
    assert page.model.item(0).title.en == "A"


def test_unrelated_changes_do_not_reload_the_page(page: ProgrammePage, trip: Programme, db: Database, errors: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A gift, a visa and their undo leave the programme as read; items alone are patched in; a member change reads again."""
    from planner.domain.localized import LocalizedText
    from planner.domain.protocol import GiftData, VisaData
    from planner.services import delegation, protocol

    a = add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:00", "A")
    b = add_item(db, trip.trip_id, "2016-10-25 11:00", "2016-10-25 12:00", "B")
    page.set_trip(trip.trip_id)
    reloads: list[int] = []
    read_again = page.model.reload
    monkeypatch.setattr(page.model, "reload", lambda: (reloads.append(1), read_again())[1])
    history = page.ctx.history
    history.perform("New gift", lambda: protocol.add_gift(db, GiftData(item_id=a.id, description=LocalizedText(en="Porcelain vase"), counterpart="Mayor Li")))
    history.perform("Visa", lambda: protocol.save_visa(db, VisaData(membership_id=trip.member_ids[0])))
    history.stack.undo()
    history.stack.undo()
    assert reloads == []  # nothing the page shows changed
    assert page.delete_items([a.id, b.id]) == 2
    assert reloads == [] and page.model.rowCount() == 0 and page.agenda.layout_.blocks == {}  # two items patched out, no full read
    history.stack.undo()
    assert reloads == [] and page.model.rowCount() == 2
    history.perform("Remove", lambda: delegation.remove_member(db, trip.member_ids[2]))
    assert reloads == [1] and errors == []  # the delegation shows in the participants: read again


def test_two_moves_are_two_undo_steps(page: ProgrammePage, trip: Programme, db: Database, errors: list[str]) -> None:
    item = add_item(db, trip.trip_id, "2016-10-25 09:30", "2016-10-25 11:00", "Talks")
    page.set_trip(trip.trip_id)
    page.agenda.move_item_to(item.id, 1, 10 * 60)
    page.agenda.move_item_to(item.id, 2, 10 * 60)
    stack = page.ctx.history.stack
    stack.undo()
    assert programme.get_item(db, item.id).start == local("2016-10-25 10:00")
    stack.undo()
    assert programme.get_item(db, item.id).start == item.start
    assert errors == [] and page.agenda.layout_.blocks[item.id][0].top == 9 * 60 + 30


def test_deleting_an_item_already_gone_deletes_the_rest_and_says_so(page: ProgrammePage, trip: Programme, db: Database, errors: list[str]) -> None:
    a = add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:00", "A")
    b = add_item(db, trip.trip_id, "2016-10-25 11:00", "2016-10-25 12:00", "B")
    page.set_trip(trip.trip_id)
    programme.delete_item(db, a.id)  # elsewhere, unheard of by the page
    assert page.delete_items([a.id, b.id]) == 1
    assert programme.list_items(db, trip.trip_id) == [] and page.model.rowCount() == 0  # read again after the refusal
    assert len(errors) == 1 and page.ctx.history.stack.undoText() == "Delete programme item"
    page.ctx.history.stack.undo()
    assert [i.id for i in programme.list_items(db, trip.trip_id)] == [b.id]
