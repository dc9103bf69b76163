"""Duplicate trip… in the navigator and the File menu: a dialog, one undoable step, the copy selected."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from planner import formatting
from planner.db.engine import Database
from planner.domain.entities import MembershipData, PersonData
from planner.domain.enums import Language, Role
from planner.domain.localized import LocalizedText
from planner.domain.timing import local_to_utc
from planner.i18n import translator_for
from planner.services import delegation, people, programme, trips
from planner.ui.language import LanguageController
from planner.ui.main_window import MainWindow
from planner.ui.widgets.duplicate_trip_dialog import CopyRequest, DuplicateTripDialog
from tests.services.conftest import new_item
from tests.ui.conftest import SHENZHEN, MakeTrip


def _summary(db: Database, trip_id: int) -> trips.TripSummary:
    return next(s for s in trips.list_trips(db) if s.trip.id == trip_id)


def _planned(db: Database, make_trip: MakeTrip) -> int:
    trip_id = make_trip(SHENZHEN, head=("Weil", "Stephan", ""))
    person = people.create_person(db, PersonData(family_name="Li", given_name="Na")).id
    delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=person, role=Role.INTERPRETER))
    trip = trips.get_trip(db, trip_id)
    new_item(db, trip, local_to_utc(datetime(2016, 10, 25, 9, 30), "Asia/Shanghai"))
    return trip_id


def _dialog(db: Database, trip_id: int, qtbot: QtBot, saved: list[CopyRequest] | None = None) -> DuplicateTripDialog:
    from planner.services.trip_copy import duplicate_trip

    def save(request: CopyRequest) -> object:
        if saved is not None:
            saved.append(request)
        return duplicate_trip(db, trip_id, title=request.title, first_day=request.first_day)

    dialog = DuplicateTripDialog(_summary(db, trip_id), save)
    qtbot.addWidget(dialog)
    return dialog


def test_dialog_suggests_a_copy_title_in_each_language_and_the_same_weekday_a_year_later(
    db: Database, make_trip: MakeTrip, qtbot: QtBot
) -> None:
    trip_id = _planned(db, make_trip)
    dialog = _dialog(db, trip_id, qtbot)
    edits = dialog.title_localized.edits
    assert edits[Language.EN].text() == "Delegation visit to Shenzhen (copy)"
    assert edits[Language.DE].text() == translator_for("de")("{title} (copy)").format(title=SHENZHEN.de)
    assert edits[Language.ZH].text() == translator_for("zh")("{title} (copy)").format(title=SHENZHEN.zh)
    assert dialog.first_day.date().toPython() == date(2017, 10, 23)  # a Monday, like 2016-10-24
    assert dialog.source.text().endswith("; 2 members, 1 item")
    dates = formatting.date_range(date(2017, 10, 23), date(2017, 10, 26))
    assert dialog.outcome.text() == f"New dates: {dates}; the programme moves 364 days later."
    dialog.first_day.setDate(QDate(2016, 10, 20))
    assert dialog.outcome.text().endswith("the programme moves 4 days earlier.")
    dialog.first_day.setDate(QDate(2016, 10, 24))
    assert dialog.outcome.text().endswith("the programme stays on the same days.")


def test_empty_title_and_impossible_day_are_shown_next_to_their_fields(
    db: Database, make_trip: MakeTrip, qtbot: QtBot
) -> None:
    trip_id = _planned(db, make_trip)
    dialog = _dialog(db, trip_id, qtbot)
    dialog.show()
    dialog.title_localized.set_value(LocalizedText())
    dialog.submit()
    assert dialog.isVisible()
    assert dialog.error_text("title") == "Title must not be empty."
    assert dialog.error_text("first_day") == ""

    dialog.title_localized.set_value(LocalizedText(en="Next year"))
    dialog.first_day.setDate(QDate(9999, 12, 30))
    dialog.submit()
    assert dialog.isVisible()
    assert dialog.error_text("title") == ""
    assert dialog.error_text("first_day") == "9999-12-30 is too far in the past or the future for a trip."
    assert dialog.outcome.text() == ""  # no dates to show for a copy that cannot be
    assert len(trips.list_trips(db)) == 1

    dialog.first_day.setDate(QDate(2017, 10, 23))
    assert dialog.error_text("first_day") == ""  # a new day clears the old message
    dialog.submit()
    assert dialog.result() == DuplicateTripDialog.DialogCode.Accepted
    assert len(trips.list_trips(db)) == 2


def test_a_programme_time_that_does_not_exist_on_the_new_day_is_named(db: Database, make_trip: MakeTrip, qtbot: QtBot) -> None:
    trip_id = make_trip("Hannover", date(2016, 3, 21), date(2016, 3, 24), country="DE", timezone="Europe/Berlin")
    trip = trips.get_trip(db, trip_id)
    new_item(db, trip, local_to_utc(datetime(2016, 3, 22, 2, 30), "Europe/Berlin"), hours=1, title="Night train", timezone="Europe/Berlin")
    dialog = _dialog(db, trip_id, qtbot)
    dialog.first_day.setDate(QDate(2017, 3, 25))
    dialog.submit()
    message = dialog.error_text("first_day")
    assert message.startswith("“Night train” cannot be moved to its new day: 2017-03-26 02:30 does not exist in Europe/Berlin")


def test_messages_follow_the_language(db: Database, make_trip: MakeTrip, language: LanguageController, qtbot: QtBot) -> None:
    trip_id = _planned(db, make_trip)
    language.set_language("de")
    dialog = _dialog(db, trip_id, qtbot)
    dialog.title_localized.set_value(LocalizedText())
    dialog.submit()
    assert dialog.error_text("title") == "„Titel“ darf nicht leer sein."


def test_duplicate_from_the_window_selects_the_copy_and_undo_redo_work(
    window: MainWindow, db: Database, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch
) -> None:
    trip_id = _planned(db, make_trip)
    window.refresh(trip_id)
    assert window.duplicate_action.isEnabled() and window.navigator.duplicate_button.isEnabled()

    def fill_and_accept(dialog: DuplicateTripDialog) -> int:
        dialog.title_localized.edits[Language.EN].setText("Delegation visit to Shenzhen 2017")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(DuplicateTripDialog, "exec", fill_and_accept)
    window.navigator.duplicate_button.click()
    listed = trips.list_trips(db)
    assert len(listed) == 2
    copy = next(s for s in listed if s.trip.id != trip_id)
    assert (copy.members, copy.items, copy.head) == (2, 1, "Stephan Weil")
    assert copy.trip.first_day == date(2017, 10, 23)
    selected = window.navigator.current_summary()
    assert selected is not None and selected.trip.id == copy.trip.id
    assert window.history.stack.undoText() == "Duplicate trip “Delegation visit to Shenzhen”"
    members = [m.id for m in delegation.list_members(db, copy.trip.id)]
    items = [i.id for i in programme.list_items(db, copy.trip.id)]

    window.undo_action.trigger()
    assert [s.trip.id for s in trips.list_trips(db)] == [trip_id]
    window.redo_action.trigger()
    assert {s.trip.id for s in trips.list_trips(db)} == {trip_id, copy.trip.id}
    assert [m.id for m in delegation.list_members(db, copy.trip.id)] == members
    assert [i.id for i in programme.list_items(db, copy.trip.id)] == items


def test_cancel_writes_nothing_and_without_a_trip_the_action_is_off(
    window: MainWindow, db: Database, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not window.duplicate_action.isEnabled() and not window.navigator.duplicate_button.isEnabled()
    trip_id = _planned(db, make_trip)
    window.refresh(trip_id)
    monkeypatch.setattr(DuplicateTripDialog, "exec", lambda _dialog: DuplicateTripDialog.DialogCode.Rejected)
    window.duplicate_action.trigger()
    assert len(trips.list_trips(db)) == 1
    assert not window.history.stack.canUndo()
