"""The main window on a real database: listing, filtering, languages, creating and deleting trips."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.db.engine import Database, open_database
from planner.domain.localized import LocalizedText
from planner.services import trips
from planner.ui import main_window as mw
from planner.ui.language import LanguageController
from planner.ui.main_window import MainWindow
from planner.ui.models import trip_table as tt
from planner.ui.widgets.trip_dialog import TripDialog
from tests.ui.conftest import MakeTrip


def _visible_titles(window: MainWindow) -> list[str]:
    proxy = window.navigator.proxy
    return [proxy.index(r, tt.TITLE).data() for r in range(proxy.rowCount())]


def _headers(window: MainWindow) -> list[str]:
    return [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.model.columnCount())]


def test_window_on_a_fresh_database_shows_the_empty_state(window: MainWindow) -> None:
    window.show()
    assert window.model.rowCount() == 0
    assert window.pages.currentWidget() is window.empty_state
    assert window.empty_state.message.text().startswith("No trips yet")
    assert not window.navigator.delete_button.isEnabled()
    assert not window.delete_action.isEnabled()
    name = "planner.sqlite" if window.db.is_sqlite else window.db.label  # on a server: "database @ host"
    assert window.windowTitle() == f"Delegation planner — {name}"


def test_window_lists_trips_created_through_the_services(
    db: Database, two_trips: tuple[int, int], language: LanguageController, settings: QSettings, qtbot: QtBot
) -> None:
    window = MainWindow(db, language, settings)
    qtbot.addWidget(window)
    assert sorted(_visible_titles(window)) == ["Delegation visit to Shenzhen", "Visit to Munich"]
    # Newest trip first, and it is selected and shown on the right.
    assert _visible_titles(window)[0] == "Visit to Munich"
    assert window.pages.currentWidget() is window.trip_tabs
    assert window.overview.title.text() == "Visit to Munich"
    assert window.overview.values["dates"].text() == "2–4 May 2017 · 3 days"
    assert window.overview.values["timezone"].text() == "Central European Summer Time (GMT+2) · Europe/Berlin"
    assert window.overview.values["head"].text() == "Xu Qin"
    assert "Deutsch: Besuch in München" in window.overview.variants.text()


def test_selecting_another_trip_updates_the_overview(window: MainWindow, two_trips: tuple[int, int]) -> None:
    window.refresh()
    shenzhen, _munich = two_trips
    assert window.navigator.select_trip(shenzhen)
    assert window.overview.title.text() == "Delegation visit to Shenzhen"
    assert window.overview.values["timezone"].text() == "China Standard Time (GMT+8) · Asia/Shanghai"
    assert window.overview.values["members"].text() == "1 person"
    assert window.overview.values["destination"].text() == "Shenzhen, China"


def test_filter_as_you_type_narrows_the_rows(window: MainWindow, two_trips: tuple[int, int], qtbot: QtBot) -> None:
    window.refresh()
    assert window.navigator.proxy.rowCount() == 2
    qtbot.keyClicks(window.navigator.search, "shenz")
    assert _visible_titles(window) == ["Delegation visit to Shenzhen"]
    window.navigator.search.clear()
    qtbot.keyClicks(window.navigator.search, "xyz")
    assert window.navigator.proxy.rowCount() == 0
    assert window.pages.currentWidget() is window.no_selection
    assert window.no_selection.text() == "No trip matches the filter."
    window.navigator.search.clear()
    assert window.navigator.proxy.rowCount() == 2
    # Trips are listed again, so one of them is shown again.
    assert window.pages.currentWidget() is window.trip_tabs
    assert window.navigator.current_summary() is not None
    qtbot.keyClicks(window.navigator.search, "munich")
    assert window.overview.title.text() == "Visit to Munich"


def test_status_combo_filters_by_status(window: MainWindow, two_trips: tuple[int, int]) -> None:
    window.refresh()
    combo = window.navigator.status
    combo.setCurrentIndex(combo.findData("confirmed"))
    assert _visible_titles(window) == ["Delegation visit to Shenzhen"]
    combo.setCurrentIndex(combo.findData("cancelled"))
    assert _visible_titles(window) == []
    combo.setCurrentIndex(0)
    assert len(_visible_titles(window)) == 2


def test_language_switch_retranslates_headers_menus_and_dates(
    window: MainWindow, two_trips: tuple[int, int], language: LanguageController, settings: QSettings
) -> None:
    window.refresh()
    window.navigator.select_trip(two_trips[0])
    assert window.language_actions["en"].isChecked()
    window.language_actions["de"].trigger()
    assert language.language == "de"
    assert window.language_actions["de"].isChecked()
    assert settings.value("ui/language") == "de"
    # Dates, country names and Qt's own strings are German at once.
    assert window.model.index(window.model.row_of(two_trips[0]), tt.DATES).data() == "24.–27. Oktober 2016"
    assert window.overview.values["destination"].text() == "Shenzhen, China"
    assert window.overview.values["timezone"].text().startswith("Chinesische Normalzeit (GMT+8)")
    assert window.overview.title.text() == "Delegationsreise nach Shenzhen"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    german_headers = _headers(window)

    window.language_actions["zh"].trigger()
    assert window.overview.title.text() == "深圳代表团访问"
    assert window.overview.values["destination"].text() == "中国深圳"
    assert window.overview.values["timezone"].text().startswith("中国标准时间")
    assert window.model.index(window.model.row_of(two_trips[0]), tt.DATES).data() == "2016年10月24日至27日"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    # The language menu names each language in its own script, in every language.
    assert [a.text() for a in window.language_menu.actions()] == ["Deutsch", "中文", "English"]
    assert german_headers[0] == "Titel" and _headers(window)[0] == "标题"
    assert window.file_menu.title() == "文件(&F)"

    window.language_actions["en"].trigger()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert window.file_menu.title() == "&File"
    assert window.model.index(window.model.row_of(two_trips[0]), tt.DATES).data() == "24–27 October 2016"


def _compile_catalog(folder: Path, locale: str, messages: dict[str, str]) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale=locale, domain="planner")
    for msgid, text in messages.items():
        catalog.add(msgid, text)
    target = folder / locale / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "planner.mo").open("wb") as fh:
        write_mo(fh, catalog)


def test_language_switch_retranslates_through_gettext(
    window: MainWindow, language: LanguageController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With compiled catalogs in place, headers, menus and pages show their text at once."""
    from planner import i18n

    _compile_catalog(tmp_path, "de", {"Title": "Titel", "&File": "&Datei", "No trips yet: create the first one.": "Noch keine Reisen.", "No trips yet: create one, or load the demo.": "Noch keine Reisen."})
    _compile_catalog(tmp_path, "zh_CN", {"Title": "标题", "&File": "文件(&F)", "Filter as you type…": "输入即筛选…"})
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    language.set_language("de")
    assert window.model.headerData(tt.TITLE, Qt.Orientation.Horizontal) == "Titel"
    assert window.file_menu.title() == "&Datei"
    assert window.empty_state.message.text() == "Noch keine Reisen."
    language.set_language("zh")
    assert window.model.headerData(tt.TITLE, Qt.Orientation.Horizontal) == "标题"
    assert window.file_menu.title() == "文件(&F)"
    assert window.navigator.search.placeholderText() == "输入即筛选…"
    language.set_language("en")
    assert window.file_menu.title() == "&File"
    assert window.model.headerData(tt.TITLE, Qt.Orientation.Horizontal) == "Title"


def test_new_trip_is_created_and_selected(window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill_and_accept(dialog: TripDialog) -> int:
        dialog.title_edits[next(iter(dialog.title_edits))].setText("Delegationsreise nach Wuhan")
        dialog.timezone.setCurrentText("Asia/Shanghai")
        dialog.country.setCurrentIndex(dialog.country.findData("CN"))
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(TripDialog, "exec", fill_and_accept)
    window.new_action.trigger()
    listed = trips.list_trips(db)
    assert [s.trip.title.de for s in listed] == ["Delegationsreise nach Wuhan"]
    assert listed[0].trip.timezone == "Asia/Shanghai"
    assert listed[0].trip.destination_country == "CN"
    assert window.overview.title.text() == "Delegationsreise nach Wuhan"
    assert window.pages.currentWidget() is window.trip_tabs


def test_trip_is_deleted_after_confirmation(
    window: MainWindow, db: Database, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = make_trip("Keep me", date(2016, 1, 1), date(2016, 1, 2))
    doomed = make_trip("Delete me", date(2017, 1, 1), date(2017, 1, 2))
    window.refresh(doomed)
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def question(_parent: object, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
            asked.append(text)
            return button

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    window.navigator.delete_button.click()
    assert {s.trip.id for s in trips.list_trips(db)} == {keep, doomed}
    assert "“Delete me”" in asked[0]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.delete_action.trigger()
    assert [s.trip.id for s in trips.list_trips(db)] == [keep]
    assert _visible_titles(window) == ["Keep me"]
    assert window.overview.title.text() == "Keep me"

    window.navigator.delete_button.click()
    assert trips.list_trips(db) == []
    assert window.pages.currentWidget() is window.empty_state


def test_deleting_a_trip_removed_elsewhere_shows_the_message(
    window: MainWindow, db: Database, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch
) -> None:
    trip_id = make_trip("Gone")
    window.refresh(trip_id)
    trips.delete_trip(db, trip_id)  # e.g. in another window
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: errors.append(text))
    window.delete_trip()
    assert errors == ["The trip no longer exists (it may have been deleted elsewhere)."]
    assert window.model.rowCount() == 0


def test_open_database_switches_and_refuses_foreign_files(
    window: MainWindow, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: errors.append(text))
    foreign = tmp_path / "notes.txt"
    foreign.write_text("shopping list", encoding="utf-8")
    assert not window.open_database_file(foreign)
    assert errors == [f"{foreign} is not a planner database."]
    assert not window.open_database_file(tmp_path / "missing.sqlite")
    assert "does not exist" in errors[-1]
    assert not (tmp_path / "missing.sqlite").exists()

    other_path = tmp_path / "other.sqlite"
    other = open_database(other_path)
    trips.create_trip(other, trips.TripData(title=LocalizedText(en="Elsewhere"), first_day=date(2019, 3, 1), last_day=date(2019, 3, 2)))
    other.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(other_path), ""))
    window.open_action.trigger()
    assert _visible_titles(window) == ["Elsewhere"]
    assert window.windowTitle().endswith("other.sqlite")
    assert settings.value(mw.LAST_DATABASE_KEY) == str(other_path)
    window.db.close()


def test_geometry_is_saved_and_restored(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> None:
    first = MainWindow(db, language, settings)
    qtbot.addWidget(first)
    first.resize(800, 577)
    first.show()
    first.close()
    assert settings.value(mw.GEOMETRY_KEY) is not None
    second = MainWindow(db, language, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (800, 577)


def test_standard_shortcuts(window: MainWindow) -> None:
    assert not window.new_action.shortcut().isEmpty()
    assert not window.open_action.shortcut().isEmpty()
    assert not window.quit_action.shortcut().isEmpty()
    assert not window.find_action.shortcut().isEmpty()


def test_dialog_buttons_use_qt_translations(window: MainWindow, language: LanguageController) -> None:
    language.set_language("de")
    dialog = TripDialog(lambda data: data, window)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    dialog.close()
