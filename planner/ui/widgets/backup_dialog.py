"""Choosing a backup to restore: newest first, with when it was made and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import formatting
from planner.db.backup import BackupInfo, BackupKind, list_backups
from planner.i18n import N_, _
from planner.ui.keyboard import tab_leaves

KIND_LABELS: dict[BackupKind, str] = {
    BackupKind.DAILY: N_("Daily backup"),
    BackupKind.MANUAL: N_("Made by hand"),
    BackupKind.BEFORE_UPGRADE: N_("Before a schema upgrade"),
    BackupKind.BEFORE_RESTORE: N_("Before a restore"),
}


class BackupDialog(QDialog):
    """A short, fixed list (at most ten backups), so a QTableWidget is enough here."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.setMinimumSize(560, 320)
        self.backups: list[BackupInfo] = list_backups(db_path)
        intro = QLabel(
            _("Choose the state to go back to. The current state is saved as a backup first, so this can be reversed."),
            self,
        )
        intro.setWordWrap(True)
        self.table = tab_leaves(QTableWidget(len(self.backups), 3, self))
        self.table.setHorizontalHeaderLabels([_("Made on"), _("Kind"), _("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, b in enumerate(self.backups):
            made = f"{formatting.full_date(b.created.date())}, {formatting.time_of_day(b.created)}"
            size = _("{size} KB").format(size=formatting.integer(max(1, b.size // 1024)))
            for column, text in enumerate((made, _(KIND_LABELS[b.kind]), size)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        empty = QLabel(_("There are no backups of this database yet. One is made each day the planner opens it."), self)
        empty.setWordWrap(True)
        empty.setVisible(not self.backups)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(_("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(lambda: self.restore_button.setEnabled(self.chosen() is not None))
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(self.buttons)
        if self.backups:
            self.table.selectRow(0)

    def chosen(self) -> BackupInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.backups[min(rows)] if rows else None
