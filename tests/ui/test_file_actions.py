"""The File menu's file work: trip files in the background, new and recent databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from planner.export.tripfile import write_trip_file
from planner.importing.demo import demo_files
from planner.services import trips
from planner.ui.file_actions import recent_databases, remember_database
from planner.ui.main_window import MainWindow
from planner.ui.tasks import BackgroundTask
from tests.ui.conftest import MakeTrip


def _finish(qtbot: QtBot, task: BackgroundTask | None) -> tuple[list[object], list[object]]:
    """Wait until the background task reports back; returns (results, errors)."""
    assert task is not None
    results: list[object] = []
    errors: list[object] = []
    task.done.connect(results.append)
    task.failed.connect(errors.append)
    qtbot.waitUntil(lambda: bool(results or errors), timeout=20_000)
    return results, errors


def _titles(window: MainWindow) -> list[str]:
    return [window.model.summary(r).trip.title.text("en") for r in range(window.model.rowCount())]


def test_import_trip_file_runs_in_the_background_and_selects_the_trip(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    demo = demo_files()[0]
    monkeypatch.setattr("planner.ui.file_actions.choose_trip_file_to_import", lambda parent, start: demo)
    window.import_trip_file()
    results, errors = _finish(qtbot, window.trip_files.running)
    assert errors == [] and results
    assert "Hannover creative industries delegation to Shenzhen" in _titles(window)
    assert window.navigator.current_summary() is not None
    assert window.navigator.current_summary().items == 22


def test_a_broken_trip_file_is_reported_and_nothing_is_imported(window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "delegation-planner/trip", "format_version": 1, "trip": {}}', encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr("planner.ui.file_actions.show_planner_error", lambda parent, error, title=None: shown.append(error.message()))
    monkeypatch.setattr("planner.ui.file_actions.choose_trip_file_to_import", lambda parent, start: broken)
    window.import_trip_file()
    results, errors = _finish(qtbot, window.trip_files.running)
    assert results == [] and errors
    assert shown and "$.trip" in shown[0]
    assert trips.list_trips(window.db) == []


def test_export_trip_file_writes_the_selected_trip(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    trip_id = make_trip("Visit to Munich")
    window.refresh(trip_id)
    target = tmp_path / "out.json"
    monkeypatch.setattr("planner.ui.file_actions.choose_trip_file_to_export", lambda parent, start, suggested: target)
    window.export_trip_file()
    results, errors = _finish(qtbot, window.trip_files.running)
    assert errors == [] and results == [target]
    assert json.loads(target.read_text(encoding="utf-8"))["trip"]["title"]["en"] == "Visit to Munich"
    reference = write_trip_file(window.db, trip_id, tmp_path / "ref.json")
    assert target.read_bytes() == reference.read_bytes()


def test_new_database_switches_and_is_remembered(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "team.sqlite"
    monkeypatch.setattr("planner.ui.file_actions.choose_new_database", lambda parent, start: target)
    window.new_database()
    assert window.db.path == target.resolve() or window.db.path == target
    assert target.exists()
    assert recent_databases(window.settings)[0] == str(target)
    window.recent_menu.rebuild()
    assert [a.text() for a in window.recent_menu.actions()] == [str(target)]


def test_recent_list_is_bounded_and_newest_first(settings: QSettings) -> None:
    for i in range(12):
        remember_database(settings, f"/data/{i}.sqlite")
    remember_database(settings, "/data/3.sqlite")
    recent = recent_databases(settings)
    assert recent[0] == "/data/3.sqlite" and len(recent) == 8 and len(set(recent)) == 8
