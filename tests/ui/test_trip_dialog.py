"""The new-trip dialog shows the domain's own messages next to the fields they name."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from planner import formatting
from planner.db.engine import Database
from planner.domain.changes import Change
from planner.domain.entities import TripData
from planner.domain.enums import Language
from planner.domain.errors import DatabaseError
from planner.i18n import N_
from planner.services import trips
from planner.ui.language import LanguageController
from planner.ui.widgets.trip_dialog import TripDialog


def _dialog(db: Database, qtbot: QtBot) -> TripDialog:
    dialog = TripDialog(lambda data: trips.create_trip(db, data))
    qtbot.addWidget(dialog)
    return dialog


def test_empty_title_is_refused_with_the_domains_message_next_to_the_field(db: Database, qtbot: QtBot) -> None:
    dialog = _dialog(db, qtbot)
    dialog.show()
    dialog.submit()
    assert dialog.result() == TripDialog.DialogCode.Rejected  # still open, nothing saved
    assert dialog.isVisible()
    assert dialog.error_text("title") == "Title must not be empty."
    assert dialog.errors["title"].isVisible()
    assert dialog.error_text("timezone") == ""
    assert trips.list_trips(db) == []
    # Typing into a title field clears its message.
    qtbot.keyClicks(dialog.title_edits[Language.EN], "V")
    assert not dialog.errors["title"].isVisible()


def test_every_bad_field_gets_its_message(db: Database, qtbot: QtBot) -> None:
    dialog = _dialog(db, qtbot)
    dialog.timezone.setCurrentText("Mars/Olympus")
    dialog.first_day.setDate(QDate(2016, 10, 27))
    dialog.last_day.setDate(QDate(2016, 10, 24))
    dialog.submit()
    assert dialog.error_text("title") == "Title must not be empty."
    assert dialog.error_text("timezone") == "“Mars/Olympus” is not a known time zone (e.g. Asia/Shanghai)."
    assert dialog.error_text("last_day") == "The last day must not be before the first day."
    assert dialog.error_text("first_day") == ""
    dialog.last_day.setDate(QDate(2016, 10, 28))
    assert dialog.error_text("last_day") == ""


def test_valid_input_creates_the_trip_in_three_languages(db: Database, qtbot: QtBot) -> None:
    dialog = _dialog(db, qtbot)
    dialog.title_edits[Language.DE].setText("  Delegationsreise nach Shenzhen ")
    dialog.title_edits[Language.ZH].setText("深圳代表团访问")
    dialog.city_edits[Language.EN].setText("Shenzhen")
    dialog.country.setCurrentIndex(dialog.country.findData("CN"))
    dialog.timezone.setCurrentText("Asia/Shanghai")
    dialog.first_day.setDate(QDate(2016, 10, 24))
    dialog.last_day.setDate(QDate(2016, 10, 27))
    dialog.submit()
    assert dialog.result() == TripDialog.DialogCode.Accepted
    assert isinstance(dialog.result_value, Change)
    saved = trips.get_trip(db, dialog.result_value.id)
    assert saved.title.de == "Delegationsreise nach Shenzhen"
    assert saved.title.zh == "深圳代表团访问"
    assert saved.title.en == ""
    assert saved.destination_city.en == "Shenzhen"
    assert (saved.first_day, saved.last_day, saved.timezone, saved.destination_country) == (
        date(2016, 10, 24), date(2016, 10, 27), "Asia/Shanghai", "CN",
    )


def test_a_failure_without_a_field_shows_at_the_bottom(qtbot: QtBot) -> None:
    def refuse(_data: TripData) -> object:
        raise DatabaseError(N_("The database is busy in another window or program; your change was not saved. Please try again."))

    dialog = TripDialog(refuse)
    qtbot.addWidget(dialog)
    dialog.title_edits[Language.EN].setText("Visit")
    dialog.submit()
    assert dialog.general_error.text().startswith("The database is busy")
    assert dialog.result() == TripDialog.DialogCode.Rejected


def test_messages_and_dates_follow_the_language(db: Database, language: LanguageController, qtbot: QtBot) -> None:
    language.set_language("zh")
    dialog = _dialog(db, qtbot)
    country_names = [dialog.country.itemText(i) for i in range(dialog.country.count())]
    assert "中国 (CN)" in country_names
    assert dialog.first_day.calendarWidget().firstDayOfWeek().value == 1 + formatting.first_day_of_week("zh")
    dialog.submit()
    assert dialog.error_text("title") == "标题不能为空。"


def test_dates_show_the_full_year_in_every_language(db: Database, language: LanguageController, qtbot: QtBot) -> None:
    for code, expected in (("de", "24.10.2016"), ("zh", "2016/10/24"), ("en", "24/10/2016")):
        language.set_language(code)
        dialog = _dialog(db, qtbot)
        dialog.first_day.setDate(QDate(2016, 10, 24))
        assert dialog.first_day.text() == expected
        assert dialog.focusWidget() is dialog.title_edits[Language(code)]  # typing starts in the reader's language
