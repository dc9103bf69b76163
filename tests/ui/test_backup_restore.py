"""Restore from backup in the window: pick a backup, the plan goes back, the window reopens the file."""

from __future__ import annotations

import pytest

from planner.db.backup import list_backups, make_backup
from planner.domain.entities import PersonData
from planner.services import people
from planner.ui.main_window import MainWindow
from planner.ui.widgets.backup_dialog import BackupDialog

pytestmark = pytest.mark.sqlite_file


def test_dialog_lists_backups_newest_first(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.db.path is not None
    make_backup(window.db.path)
    make_backup(window.db.path)
    dialog = BackupDialog(window.db.path, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.chosen() == list_backups(window.db.path)[0]
    assert dialog.restore_button.isEnabled()


def test_restore_brings_back_the_earlier_plan(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
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
