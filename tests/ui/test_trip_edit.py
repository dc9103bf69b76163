"""Trip details and status after creation: the dialog from every way in, the programme question, undo and redo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.checks.problem import ProblemKind
from planner.domain.enums import Language, TripStatus
from planner.domain.timing import local_to_utc
from planner.services import programme, trips
from planner.ui.language import LanguageController
from planner.ui.main_window import MainWindow
from planner.ui.widgets.trip_dialog import TripDialog
from tests.services.conftest import new_item


def _show(window: MainWindow, trip_id: int) -> None:
    window.resize(1280, 760)
    window.show()
    window.refresh(trip_id)  # the window was made before the trips
    window.trip_tabs.setCurrentIndex(0)


def _in_dialog(monkeypatch: pytest.MonkeyPatch, act: Callable[[TripDialog], None]) -> list[TripDialog]:
    """Instead of blocking in exec(): show the dialog, let `act` work it with the keyboard, return its result."""
    opened: list[TripDialog] = []

    def exec_(dialog: TripDialog) -> int:
        dialog.show()
        opened.append(dialog)
        act(dialog)
        return dialog.result()

    monkeypatch.setattr(TripDialog, "exec", exec_)
    return opened


def _answer_programme_question(monkeypatch: pytest.MonkeyPatch, button: str | None) -> list[str]:
    """Answer the question about the programme with the button named `button` (None: Cancel); returns its texts."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text() + "\n" + box.informativeText())
        if button is None:
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            chosen = box.findChild(QPushButton, button)
            assert chosen is not None and chosen.isEnabled()
            chosen.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_edit_title_and_status_with_the_keyboard_then_undo_and_redo(
    window: MainWindow, db: Database, two_trips: tuple[int, int], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _shenzhen, munich = two_trips
    _show(window, munich)

    def type_changes(dialog: TripDialog) -> None:
        assert dialog.windowTitle() == "Trip details"
        title = dialog.title_edits[Language.EN]
        assert dialog.focusWidget() is title and title.text() == "Visit to Munich"
        qtbot.keyClick(title, Qt.Key.Key_End)
        qtbot.keyClicks(title, " and Stuttgart")
        qtbot.keyClick(dialog.status, Qt.Key.Key_Down)  # draft → confirmed
        qtbot.keyClick(title, Qt.Key.Key_Return)  # the dialog's default button: Save

    opened = _in_dialog(monkeypatch, type_changes)
    qtbot.mouseClick(window.overview.edit_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].result() == TripDialog.DialogCode.Accepted

    saved = trips.get_trip(db, munich)
    assert (saved.title.en, saved.status) == ("Visit to Munich and Stuttgart", TripStatus.CONFIRMED)
    assert saved.title.de == "Besuch in München"  # the other languages untouched
    assert window.overview.title.text() == "Visit to Munich and Stuttgart"
    assert window.overview.values["status"].text() == "Confirmed"
    assert window.navigator.current_summary().trip.title.en == "Visit to Munich and Stuttgart"
    assert window.undo_action.text() == "&Undo: Edit trip “Visit to Munich and Stuttgart”"

    window.undo_action.trigger()
    undone = trips.get_trip(db, munich)
    assert (undone.title.en, undone.status) == ("Visit to Munich", TripStatus.DRAFT)
    assert window.overview.title.text() == "Visit to Munich"
    assert window.overview.values["status"].text() == "Draft"
    window.redo_action.trigger()
    assert trips.get_trip(db, munich).title.en == "Visit to Munich and Stuttgart"
    assert window.overview.values["status"].text() == "Confirmed"


def test_every_way_in_opens_the_selected_trips_details(
    window: MainWindow, two_trips: tuple[int, int], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _shenzhen, munich = two_trips
    _show(window, munich)
    opened = _in_dialog(monkeypatch, lambda dialog: dialog.reject())
    view = window.navigator.view
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [d.trip.id for d in opened] == [munich]
    row = view.visualRect(view.currentIndex()).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row)  # a double-click starts as a click
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert len(opened) == 2
    window.edit_trip_action.trigger()
    qtbot.mouseClick(window.overview.edit_button, Qt.MouseButton.LeftButton)
    assert [d.trip.id for d in opened] == [munich] * 4
    assert window.edit_trip_action.text() == "Trip &details…"
    assert window.edit_trip_action in window.edit_menu.actions()
    # Its shortcut is its own: no other action of the window answers to Ctrl+Shift+E.
    shortcut = QKeySequence("Ctrl+Shift+E")
    assert window.edit_trip_action.shortcut() == shortcut
    others = [a for a in window.findChildren(QAction) if a is not window.edit_trip_action and shortcut in a.shortcuts()]
    assert others == []


def test_a_new_first_day_asks_about_the_programme_naming_what_no_longer_fits_and_undo_takes_both_back(
    window: MainWindow, db: Database, two_trips: tuple[int, int], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _shenzhen, munich = two_trips
    trip = trips.get_trip(db, munich)
    visit = new_item(db, trip, local_to_utc(datetime(2017, 5, 3, 10, 0), "Europe/Berlin"), title="Town hall", timezone="Europe/Berlin")
    dinner = new_item(db, trip, local_to_utc(datetime(2017, 5, 4, 19, 0), "Europe/Berlin"), title="Farewell dinner", timezone="Europe/Berlin")
    _show(window, munich)
    asked = _answer_programme_question(monkeypatch, "keep_local_times")

    def one_week_later_and_a_day_shorter(dialog: TripDialog) -> None:
        dialog.first_day.setDate(QDate(2017, 5, 9))
        dialog.last_day.setDate(QDate(2017, 5, 10))
        qtbot.keyClick(dialog.title_edits[Language.EN], Qt.Key.Key_Return)

    _in_dialog(monkeypatch, one_week_later_and_a_day_shorter)
    window.edit_trip_action.trigger()

    assert len(asked) == 1
    question = asked[0]
    assert "What should happen to the programme items?" in question
    local_part, moments_part = question.split("With local times kept")[1].split("With moments kept")
    assert "Farewell dinner" in local_part and "Town hall" not in local_part
    assert "Farewell dinner" in moments_part and "Town hall" in moments_part
    moved = programme.get_item(db, visit.id)
    assert moved.local_start().replace(tzinfo=None) == datetime(2017, 5, 10, 10, 0)  # the second day, 10:00
    assert trips.get_trip(db, munich).first_day == date(2017, 5, 9)
    # The checks follow: the dinner on the (lost) third day is now outside the trip.
    def outside() -> list[str]:
        return [p.message() for p in window.problems.model.problems() if p.kind is ProblemKind.OUTSIDE_TRIP]

    qtbot.waitUntil(lambda: len(outside()) == 1, timeout=3000)
    assert "Farewell dinner" in outside()[0]
    assert window.overview.values["dates"].text() == "9–10 May 2017 · 2 days"

    window.undo_action.trigger()  # one step: the trip's days and the programme
    qtbot.waitUntil(lambda: outside() == [], timeout=3000)
    assert trips.get_trip(db, munich).first_day == date(2017, 5, 2)
    assert programme.get_item(db, visit.id).start == visit.start
    assert programme.get_item(db, dinner.id).start == dinner.start
    window.redo_action.trigger()
    assert programme.get_item(db, visit.id).local_start().replace(tzinfo=None) == datetime(2017, 5, 10, 10, 0)


def test_cancelling_the_programme_question_keeps_the_dialog_open_and_saves_nothing(
    window: MainWindow, db: Database, two_trips: tuple[int, int], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _shenzhen, munich = two_trips
    new_item(db, trips.get_trip(db, munich), local_to_utc(datetime(2017, 5, 3, 10, 0), "Europe/Berlin"), timezone="Europe/Berlin")
    _show(window, munich)
    _answer_programme_question(monkeypatch, None)

    def new_zone(dialog: TripDialog) -> None:
        dialog.timezone.setCurrentText("Europe/Vienna")
        dialog.country.setCurrentIndex(dialog.country.findData("AT"))
        qtbot.keyClick(dialog.title_edits[Language.EN], Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.error_text("title") == ""

    opened = _in_dialog(monkeypatch, new_zone)
    window.edit_trip_action.trigger()
    assert opened[0].result() == TripDialog.DialogCode.Rejected
    assert trips.get_trip(db, munich).timezone == "Europe/Berlin"
    assert not window.history.stack.canUndo()


def test_a_trip_changed_in_another_window_meanwhile_is_refused_with_the_conflict_message(
    window: MainWindow, db: Database, two_trips: tuple[int, int], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _shenzhen, munich = two_trips
    _show(window, munich)

    def edit_after_someone_else(dialog: TripDialog) -> None:
        trips.update_trip(db, trips.get_trip(db, munich).evolve(notes="From the other window"))
        qtbot.keyClicks(dialog.title_edits[Language.EN], " (revised)")
        qtbot.keyClick(dialog.title_edits[Language.EN], Qt.Key.Key_Return)

    opened = _in_dialog(monkeypatch, edit_after_someone_else)
    window.edit_trip_action.trigger()
    dialog = opened[0]
    assert dialog.result() == TripDialog.DialogCode.Rejected
    assert dialog.error_text("") == "This record was changed elsewhere in the meantime; please reload it and try again."
    assert trips.get_trip(db, munich).notes == "From the other window"
    assert not window.history.stack.canUndo()


def test_the_status_is_set_from_the_overview_and_undone(
    window: MainWindow, db: Database, two_trips: tuple[int, int], qtbot: QtBot,
) -> None:
    _shenzhen, munich = two_trips
    _show(window, munich)
    overview = window.overview
    assert overview.values["status"].text() == "Draft"
    assert overview.next_status_button.isVisible() and overview.next_status_button.text() == "&Confirm trip"

    qtbot.mouseClick(overview.next_status_button, Qt.MouseButton.LeftButton)
    assert trips.get_trip(db, munich).status is TripStatus.CONFIRMED
    assert overview.values["status"].text() == "Confirmed"
    assert overview.next_status_button.text() == "Mark as &done"
    assert window.undo_action.text() == "&Undo: Set the status of “Visit to Munich” to Confirmed"
    window.undo_action.trigger()
    assert trips.get_trip(db, munich).status is TripStatus.DRAFT
    assert overview.values["status"].text() == "Draft"

    overview.status_actions[TripStatus.CANCELLED].trigger()
    assert trips.get_trip(db, munich).status is TripStatus.CANCELLED
    assert not overview.next_status_button.isVisible()
    assert overview.status_actions[TripStatus.CANCELLED].isChecked()
    # The navigator's status filter sees the new status.
    navigator = window.navigator
    navigator.status.setCurrentIndex(navigator.status.findData(TripStatus.CANCELLED.value))
    assert navigator.proxy.rowCount() == 1
    assert navigator.current_summary().trip.id == munich
    navigator.status.setCurrentIndex(navigator.status.findData(TripStatus.DRAFT.value))
    assert navigator.proxy.rowCount() == 0


def test_country_chooses_the_zone_and_a_foreign_zone_is_asked_about_once(
    db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = TripDialog(lambda data: trips.create_trip(db, data))
    qtbot.addWidget(dialog)
    dialog.country.setCurrentIndex(dialog.country.findData("CN"))
    assert dialog.timezone.currentText() == "Asia/Shanghai"
    assert [dialog.timezone.itemText(i) for i in range(2)] == ["Asia/Shanghai", "Asia/Urumqi"]  # China's zones first
    dialog.timezone.setCurrentText("America/Chicago")
    dialog.country.setCurrentIndex(dialog.country.findData("US"))
    assert dialog.timezone.currentText() == "America/Chicago"  # the user's zone fits: kept
    assert dialog.timezone.itemText(0) == "America/New_York"
    dialog.country.setCurrentIndex(dialog.country.findData("JP"))
    assert dialog.timezone.currentText() == "Asia/Tokyo"  # the only one

    dialog.country.setCurrentIndex(dialog.country.findData("DE"))
    dialog.timezone.setCurrentText("Asia/Shanghai")
    dialog.title_edits[Language.EN].setText("Visit to Hannover")
    questions: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent: QWidget, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.submit()
    assert questions == ["Asia/Shanghai is not a time zone of Germany. Save anyway?"]
    assert trips.list_trips(db) == [] and dialog.result() == TripDialog.DialogCode.Rejected
    dialog.submit()
    assert len(questions) == 2 and dialog.result() == TripDialog.DialogCode.Accepted
    saved = trips.list_trips(db)[0].trip
    assert (saved.timezone, saved.destination_country) == ("Asia/Shanghai", "DE")

    # Editing that trip later does not ask again about the combination it already has.
    again = TripDialog(lambda data: trips.update_trip(db, data), trip=saved)
    qtbot.addWidget(again)
    again.notes.setPlainText("Zone on purpose: the delegation keeps Beijing time")
    again.submit()
    assert len(questions) == 2 and again.result() == TripDialog.DialogCode.Accepted


def test_the_dialog_shows_every_field_of_the_trip(db: Database, two_trips: tuple[int, int], qtbot: QtBot) -> None:
    shenzhen, _munich = two_trips
    trip = trips.update_trip(db, trips.get_trip(db, shenzhen).evolve(buffer_minutes=45, notes="Gifts packed")).after
    dialog = TripDialog(lambda data: data, trip=trip)
    qtbot.addWidget(dialog)
    assert dialog.record() == trip  # nothing lost or changed by opening and saving unchanged
    assert dialog.status.currentText() == "Confirmed"
    assert dialog.buffer.value() == 45 and dialog.notes.toPlainText() == "Gifts packed"
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).text() == "Save"


@pytest.mark.parametrize("code", ["de", "zh", "en"])
def test_every_caption_has_its_own_mnemonic_in_every_language(db: Database, language: LanguageController, code: str, qtbot: QtBot) -> None:
    language.set_language(code)
    dialog = TripDialog(lambda data: trips.create_trip(db, data))
    qtbot.addWidget(dialog)
    captions = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    letters = [text[text.index("&") + 1].lower() for text in captions if "&" in text]
    assert len(letters) == len(captions) == 11, captions  # title, purpose, city, country, zone, days, organiser, status, buffer, notes
    assert len(set(letters)) == len(letters), captions


def test_tab_runs_in_reading_order(db: Database, qtbot: QtBot) -> None:
    dialog = TripDialog(lambda data: trips.create_trip(db, data))
    qtbot.addWidget(dialog)
    dialog.show()
    chain: list[QWidget] = []  # the fields Tab reaches, in order (a date edit's inner line edit counts as the date edit)
    seen: set[QWidget] = set()
    widget: QWidget = dialog.title_edits[Language.DE]
    while widget not in seen:
        seen.add(widget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(dialog) and widget.isEnabled():
            field = widget
            while field.parentWidget() not in (dialog, dialog.buttons):
                field = field.parentWidget()
            if not chain or chain[-1] is not field:
                chain.append(field)
        widget = widget.nextInFocusChain()
    expected: list[QWidget] = [
        *dialog.title_edits.values(), *dialog.purpose_localized.edits.values(), *dialog.city_edits.values(),
        dialog.country, dialog.timezone, dialog.first_day, dialog.last_day, *dialog.organiser_localized.edits.values(),
        dialog.status, dialog.buffer, dialog.notes,
    ]
    assert chain[: len(expected)] == expected
    buttons = chain[len(expected):]
    assert buttons and all(isinstance(w, QPushButton) and w.parentWidget() is dialog.buttons for w in buttons)  # last


def test_undoing_an_item_edit_made_after_the_trip_edit_then_the_trip_edit_is_no_conflict(
    window: MainWindow, db: Database, two_trips: tuple[int, int], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The history knows the versions it wrote itself: the moved item's later edit and its undo are not "elsewhere"."""
    _shenzhen, munich = two_trips
    visit = new_item(db, trips.get_trip(db, munich), local_to_utc(datetime(2017, 5, 3, 10, 0), "Europe/Berlin"), timezone="Europe/Berlin")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a, **_k: errors.append(text))
    change = trips.update_trip(db, trips.get_trip(db, munich).evolve(first_day=date(2017, 5, 9), last_day=date(2017, 5, 11)),
                               items=trips.ItemPolicy.KEEP_LOCAL_TIMES)
    window.history.record("Edit trip", change)
    moved = programme.get_item(db, visit.id)
    window.history.perform("Edit item", lambda: programme.update_item(db, moved.evolve(description=moved.description.replace("en", "Mayor"))))
    stack = window.history.stack
    stack.undo()  # the item edit
    stack.undo()  # the trip edit, with the item
    assert errors == []
    assert trips.get_trip(db, munich).first_day == date(2017, 5, 2)
    assert programme.get_item(db, visit.id).start == visit.start
    stack.redo()
    stack.redo()
    assert errors == []
    again = programme.get_item(db, visit.id)
    assert again.description.en == "Mayor" and again.local_start().replace(tzinfo=None) == datetime(2017, 5, 10, 10, 0)


def test_a_shorter_trip_names_the_items_left_outside_and_saves_only_when_told(
    window: MainWindow, db: Database, two_trips: tuple[int, int], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _shenzhen, munich = two_trips
    dinner = new_item(db, trips.get_trip(db, munich), local_to_utc(datetime(2017, 5, 4, 19, 0), "Europe/Berlin"),
                      title="Farewell dinner", timezone="Europe/Berlin")
    _show(window, munich)
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text() + "\n" + box.informativeText())
        box.button(answers.pop(0)).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)

    def one_day_shorter(dialog: TripDialog) -> None:
        dialog.last_day.setDate(QDate(2017, 5, 3))
        qtbot.keyClick(dialog.title_edits[Language.EN], Qt.Key.Key_Return)
        assert dialog.isVisible() and trips.get_trip(db, munich).last_day == date(2017, 5, 4)  # cancelled: still open
        qtbot.keyClick(dialog.title_edits[Language.EN], Qt.Key.Key_Return)

    _in_dialog(monkeypatch, one_day_shorter)
    window.edit_trip_action.trigger()
    assert len(asked) == 2
    assert "These items would lie outside the new days of the trip:" in asked[0] and "• Farewell dinner (" in asked[0]
    assert trips.get_trip(db, munich).last_day == date(2017, 5, 3)
    assert programme.get_item(db, dinner.id) == dinner  # the programme is not touched
