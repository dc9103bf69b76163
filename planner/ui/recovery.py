"""Getting back to a good state from the window: restoring with visible progress, and the offer for a damaged file.

A restore waits for another window's write lock at most backup.WAIT_S
seconds; meanwhile a progress dialog says what it is waiting for, and then
the restore answers (restored, or "in use") instead of hanging.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from planner.db.integrity import DamagedDatabaseError
from planner.domain.errors import DatabaseError
from planner.i18n import _
from planner.ui.errors import show_planner_error


def restore_with_progress(parent: QWidget | None, backup: Path, db_path: Path) -> Path:
    """Restore `backup` into `db_path` (see backup.restore_backup), showing progress; returns the safety copy."""
    from planner.db.backup import restore_backup

    dialog = QProgressDialog(_("Restoring the backup…"), "", 0, 0, parent)
    dialog.setWindowTitle(_("Restore from backup"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def progress(done: int, total: int, waiting: bool) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        dialog.setLabelText(
            _("Waiting for another window or program to finish writing to the database…") if waiting else _("Restoring the backup…")
        )
        QApplication.processEvents()

    try:
        return restore_backup(backup, db_path, progress=progress)
    finally:
        dialog.close()
        dialog.deleteLater()


def offer_good_backup(parent: QWidget | None, error: DamagedDatabaseError) -> bool:
    """Tell that the file is damaged; offer its newest good backup. True once that backup is restored."""
    if error.good_backup is None:
        show_planner_error(parent, error, _("The database cannot be opened"))
        return False
    box = QMessageBox(QMessageBox.Icon.Warning, _("The database is damaged"), error.message(), parent=parent)
    box.setInformativeText(_("The damaged state is kept as a backup, so nothing is lost by restoring."))
    restore = box.addButton(_("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        restore_with_progress(parent, error.good_backup.path, error.path)
    except DatabaseError as failure:
        show_planner_error(parent, failure, _("The backup was not restored"))
        return False
    return True
