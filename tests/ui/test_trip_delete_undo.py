"""Deleting the demo trip in the trip list and pressing Ctrl+Z brings all of it back, vehicles and rooms included."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from planner.db import models as m
from planner.db.engine import Database
from planner.importing.demo import load_demo
from planner.ui.language import LanguageController
from planner.ui.main_window import MainWindow
from planner.ui.models import trip_table as tt
from planner.ui.pages.logistics import LogisticsPage
from planner.ui.pages.logistics_vehicles import VehiclesPage
from planner.ui.pages.overview import OverviewPage
from tests.ui.activation import activate


def _titles(window: MainWindow) -> list[str]:
    proxy = window.navigator.proxy
    return [proxy.index(r, tt.TITLE).data() for r in range(proxy.rowCount())]


def _every_row(db: Database) -> dict[str, list[dict[str, Any]]]:
    with db.reading() as s:
        return {t.name: [dict(r._mapping) for r in s.execute(select(t).order_by(*t.primary_key.columns))] for t in m.Base.metadata.sorted_tables}


def _vehicles_page(window: MainWindow) -> VehiclesPage:
    """The Logistics page's Vehicles tab, brought to the front (a page reads its trip when shown)."""
    logistics = next(p for p in window.trip_pages if isinstance(p, LogisticsPage))
    vehicles = next(p for p in logistics.pages if isinstance(p, VehiclesPage))
    window.trip_tabs.setCurrentWidget(logistics)
    logistics.tabs.setCurrentWidget(vehicles)
    return vehicles


def test_delete_in_the_trip_list_then_ctrl_z_brings_the_whole_trip_back(
    db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    shenzhen = load_demo(db)[0].id
    window = MainWindow(db, language, settings)
    qtbot.addWidget(window)
    activate(qtbot, window)
    window.refresh(shenzhen)
    window.trip_tabs.setCurrentIndex(0)
    title = window.overview.title.text()
    members = window.overview.values["members"].text()
    fleet = _vehicles_page(window).model.rowCount()
    assert fleet > 0
    rows = _every_row(db)
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)

    window.navigator.view.setFocus()
    qtbot.keyClick(window.navigator.view, Qt.Key.Key_Delete)
    assert asked and title in asked[0]
    assert title not in _titles(window)
    assert window.undo_action.text() == f"&Undo: Delete trip “{title}”"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title in _titles(window)
    assert _every_row(db) == rows
    window.refresh(shenzhen)
    window.trip_tabs.setCurrentIndex(0)  # the Overview
    assert window.overview.title.text() == title
    assert window.overview.values["members"].text() == members
    assert _vehicles_page(window).model.rowCount() == fleet

    window.redo_action.trigger()
    assert title not in _titles(window)
    window.undo_action.trigger()
    assert title in _titles(window)
    assert _every_row(db) == rows
    next(p for p in window.trip_pages if isinstance(p, OverviewPage)).printouts.wait_for_comparison()  # its worker reads the database
