"""The Vehicles page: vehicles made and deleted, members seated by keyboard and by drag, the motorcade reordered; undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.vehicles import VehicleKind
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services import vehicles
from planner.ui.language import LanguageController
from planner.ui.models.vehicle_table import members_of
from planner.ui.pages.logistics_vehicles import VehiclesPage
from planner.ui.widgets import vehicle_form
from tests.ui.activation import activate
from tests.ui.programme_support import make_context


@pytest.fixture
def trip(db: Database) -> int:
    """The Hannover trip to Shenzhen without its demo fleet."""
    trip_id = import_trip_file(db, next(p for p in DEMO_TRIPS.glob("*.json") if p.stem.startswith("hannover-shenzhen"))).id
    for vehicle in vehicles.trip_vehicles(db, trip_id):
        vehicles.delete_vehicle(db, vehicle.id or 0)
    return trip_id


@pytest.fixture
def page(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot, trip: int) -> VehiclesPage:
    widget = VehiclesPage(make_context(db, language, settings))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)
    widget.set_trip(trip)
    return widget


def _fill(monkeypatch: pytest.MonkeyPatch, label: str, kind: VehicleKind, driver: str = "") -> None:
    def exec_(form: vehicle_form.VehicleForm) -> int:
        form.label.setText(label)
        form.kind.setCurrentIndex(form.kind.findData(kind.value))
        form.driver_name.setText(driver)
        form.submit()
        return form.result()

    monkeypatch.setattr(vehicle_form.VehicleForm, "exec", exec_)


def _vehicle_cells(page: VehiclesPage) -> list[tuple[str, str, str]]:
    m = page.model
    return [(m.index(r, 0).data(), m.index(r, 1).data(), m.index(r, 2).data()) for r in range(m.rowCount())]


def test_new_vehicle_by_key_then_undo_and_redo(page: VehiclesPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, db: Database, trip: int) -> None:
    assert page.page_title() == "Vehicles"
    _fill(monkeypatch, "Coach", VehicleKind.COACH, "Chen Guohua")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Insert)
    assert _vehicle_cells(page) == [("Coach", "Coach", "0 of 45")]  # seats proposed for a coach; nobody seated on the transfer yet
    stack = page.ctx.history.stack
    assert stack.undoText() == "New vehicle"
    stack.undo()
    assert vehicles.trip_vehicles(db, trip) == () and page.model.rowCount() == 0
    stack.redo()
    assert [v.label for v in vehicles.trip_vehicles(db, trip)] == ["Coach"] and page.model.rowCount() == 1


def test_seat_members_from_the_keyboard_in_one_step(page: VehiclesPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, db: Database) -> None:
    _fill(monkeypatch, "Coach", VehicleKind.COACH)
    page.new_vehicle()
    assert page.item_box.currentText().endswith("Arrival in Shenzhen and transfer to the hotel")  # the first transfer
    item = page.current_item_id()
    page.seat_view.setFocus()
    qtbot.keyClick(page.seat_view, Qt.Key.Key_Home)
    for _ in range(11):
        qtbot.keyClick(page.seat_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.selected_members()) == 12
    qtbot.keyClick(page.seat_view, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Seat in vehicle
    qtbot.waitUntil(lambda: len(vehicles.item_rides(db, item or 0).seats) == 12)  # a mnemonic clicks the button animated
    assert page.ctx.history.stack.undoText() == "Seat 12 members in Coach"
    assert page.seats.index(0, 2).data() == "Coach" and page.seats.index(12, 2).data() == "no seat"
    assert _vehicle_cells(page)[0][2] == "12 of 45"
    page.ctx.history.stack.undo()  # one step takes all twelve out again
    assert vehicles.item_rides(db, item).seats == () and page.seats.index(0, 2).data() == "no seat"
    page.ctx.history.stack.redo()
    assert len(vehicles.item_rides(db, item).seats) == 12


def test_drag_members_onto_a_vehicle_and_reorder_the_motorcade(page: VehiclesPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, db: Database) -> None:
    _fill(monkeypatch, "Coach", VehicleKind.COACH)
    page.new_vehicle()
    _fill(monkeypatch, "Car 1", VehicleKind.CAR)
    page.new_vehicle()
    item = page.current_item_id()
    head = page.seats.member_at(0)
    assert head is not None
    # The head of delegation dragged onto Car 1 (second row), the next three onto the coach.
    for row, ids in ((1, [head.id]), (0, [page.seats.member_at(r).id for r in (1, 2, 3)])):
        data = page.seats.mimeData([page.seats.index(r, 0) for r in range(page.seats.rowCount()) if page.seats.member_at(r).id in ids])
        assert members_of(data) == ids
        target = page.view.visualRect(page.model.index(row, 0)).center()
        drop = QDropEvent(QPointF(target), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        page.view.dropEvent(drop)
    labels = [page.motorcade.item(n).text() for n in range(page.motorcade.count())]
    assert labels == ["1. Car 1 (1)", "2. Coach (3)"]  # the head's car leads
    page.motorcade.setFocus()
    page.motorcade.setCurrentRow(1)
    qtbot.keyClick(page.motorcade, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [page.motorcade.item(n).text() for n in range(2)] == ["1. Coach (3)", "2. Car 1 (1)"]
    page.ctx.history.stack.undo()
    assert [page.motorcade.item(n).text() for n in range(2)] == ["1. Car 1 (1)", "2. Coach (3)"]
    assert vehicles.item_rides(db, item or 0).vehicle_of()[head.id] == page.model.vehicle_at(1).id


def test_delete_a_vehicle_with_its_seats_and_undo(page: VehiclesPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, db: Database, trip: int) -> None:
    _fill(monkeypatch, "Car 1", VehicleKind.CAR)
    page.new_vehicle()
    page.seat_view.selectRow(0)
    page.seat_selected()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.select_vehicle(page.model.vehicle_at(0).id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert vehicles.trip_vehicles(db, trip) == () and page.seats.index(0, 2).data() == "no seat"
    page.ctx.history.stack.undo()
    assert page.model.rowCount() == 1 and page.seats.index(0, 2).data() == "Car 1"


def test_the_page_in_chinese(page: VehiclesPage, language: LanguageController) -> None:
    language.set_language("zh")
    assert page.page_title() == "车辆"
    assert page.seat_button.text() == "安排乘车(&S)"
