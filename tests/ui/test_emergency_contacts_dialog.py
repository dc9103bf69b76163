"""Protocol › Emergency contacts…: suggest the consulate, edit it with the keyboard, save as one undoable step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services.emergency_contacts import trip_emergency_contacts
from planner.ui.language import LanguageController
from planner.ui.pages.base import UiContext
from planner.ui.undo import UndoHistory
from planner.ui.widgets import emergency_contacts_dialog as ecd


@pytest.fixture
def ctx(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> UiContext:
    return UiContext(UndoHistory(db, lambda: None), language, settings, lambda: None)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text, *a, **k: texts.append(text)))
    return texts


def test_suggest_edit_save_undo_redo(ctx: UiContext, db: Database, qtbot: QtBot) -> None:
    trip = import_trip_file(db, DEMO_TRIPS / "hannover-shenzhen-2016.json").id
    dialog = ecd.EmergencyContactsDialog(ctx, trip)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, ecd.NAME).data() == "Consulate General of the Federal Republic of Germany Guangzhou"
    assert model.index(0, ecd.VERIFY).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # The planner checked the number: types a corrected one and unticks "to be verified", from the keyboard.
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(model.index(0, ecd.PHONE))
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "+86 20 8313 0001")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    dialog.table.setCurrentIndex(model.index(0, ecd.VERIFY))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert model.index(0, ecd.PHONE).data() == "+86 20 8313 0001"
    # The German name is there too: the language switch shows the other variants.
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    assert model.index(0, ecd.NAME).data() == "Generalkonsulat der Bundesrepublik Deutschland Guangzhou"
    dialog.accept()
    saved = trip_emergency_contacts(db, trip)
    assert [(c.phone, c.to_verify) for c in saved] == [("+86 20 8313 0001", False)]
    ctx.history.stack.undo()
    assert trip_emergency_contacts(db, trip) == ()
    ctx.history.stack.redo()
    assert [c.phone for c in trip_emergency_contacts(db, trip)] == ["+86 20 8313 0001"]


def test_a_contact_without_a_name_is_explained_and_nothing_saved(ctx: UiContext, db: Database, qtbot: QtBot, shown: list[str]) -> None:
    trip = import_trip_file(db, DEMO_TRIPS / "hannover-shenzhen-2016.json").id
    dialog = ecd.EmergencyContactsDialog(ctx, trip)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.accept()
    assert dialog.isVisible() and len(shown) == 1 and "Name" in shown[0]  # "Name must not be empty."
    assert trip_emergency_contacts(db, trip) == () and ctx.history.stack.count() == 0
