"""Restore from backup in the window: pick a backup, the plan goes back, the window reopens the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from planner.db.backup import list_backups, make_backup
from planner.domain.entities import PersonData
from planner.services import people
from planner.ui.main_window import MainWindow
from planner.ui.widgets.backup_dialog import BackupDialog

pytestmark = pytest.mark.sqlite_file


def test_dialog_lists_backups_newest_first(window: MainWindow, qtbot: QtBot) -> None:
    assert window.db.path is not None
    make_backup(window.db.path)
    make_backup(window.db.path)
    dialog = BackupDialog(window.db.path, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.chosen() == list_backups(window.db.path)[0]
    assert dialog.restore_button.isEnabled()


def test_restore_brings_back_the_earlier_plan(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = window.db.path
    assert db_path is not None
    people.create_person(window.db, PersonData(family_name="Before"))
    make_backup(db_path)
    people.create_person(window.db, PersonData(family_name="After"))
    monkeypatch.setattr(BackupDialog, "exec", lambda self: BackupDialog.DialogCode.Accepted)
    window.restore_from_backup()
    assert [p.family_name for p in people.list_people(window.db)] == ["Before"]
    assert any(b.kind.value == "before-restore" for b in list_backups(db_path))
    assert window.history.stack.count() == 0


def test_dialog_shows_which_backups_passed_their_check(window: MainWindow, qtbot: QtBot) -> None:
    from planner.db.backup import Check, sidecar

    assert window.db.path is not None
    good = make_backup(window.db.path)
    sidecar(good).unlink()  # as an earlier planner left it: no record of a check
    make_backup(window.db.path)
    dialog = BackupDialog(window.db.path, window)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(row, 2).text() for row in range(2)] == ["Passed its check", "Not checked"]
    assert [b.check for b in dialog.backups] == [Check.PASSED, Check.UNCHECKED]


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 2, page * 2 + 64):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def test_opening_a_damaged_file_offers_and_restores_the_newest_good_backup(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from planner.db.engine import open_database

    other = tmp_path / "other" / "plan.sqlite"
    other.parent.mkdir()
    db = open_database(other)
    people.create_person(db, PersonData(family_name="Kept safe"))
    db.close()
    make_backup(other)
    _damage(other)
    offered: list[str] = []

    def click_restore(box: QMessageBox) -> int:
        offered.append(box.text())
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    assert window.open_database_file(other)
    assert "is damaged" in offered[0] and "newest good backup" in offered[0]
    assert [p.family_name for p in people.list_people(window.db)] == ["Kept safe"]


def test_restore_while_another_program_writes_answers_within_its_bound(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3
    import time

    from PySide6.QtWidgets import QMessageBox

    from planner.db import backup

    db_path = window.db.path
    assert db_path is not None
    people.create_person(window.db, PersonData(family_name="Current"))
    make_backup(db_path)
    monkeypatch.setattr(backup, "WAIT_S", 0.5)
    monkeypatch.setattr(BackupDialog, "exec", lambda self: BackupDialog.DialogCode.Accepted)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *_a: shown.append(text))
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    try:
        window.restore_from_backup()
    finally:
        writer.rollback()
        writer.close()
    assert time.monotonic() - started < 5
    assert len(shown) == 1 and "in use by another window or program" in shown[0]
    assert [p.family_name for p in people.list_people(window.db)] == ["Current"]  # reopened, unchanged
