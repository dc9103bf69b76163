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
from planner.db.backup import BackupInfo, BackupKind, Check, list_backups
from planner.i18n import N_, _
from planner.ui.keyboard import tab_leaves

KIND_LABELS: dict[BackupKind, str] = {
    BackupKind.DAILY: N_("Daily backup"),
    BackupKind.MANUAL: N_("Made by hand"),
    BackupKind.BEFORE_UPGRADE: N_("Before a schema upgrade"),
    BackupKind.BEFORE_RESTORE: N_("Before a restore"),
}


#: Whether each backup passed SQLite's check when it was made.
CHECK_LABELS: dict[Check, str] = {
    Check.PASSED: N_("Passed its check"),
    Check.DAMAGED: N_("Damaged"),
    Check.UNCHECKED: N_("Not checked"),
}
CHECK_HINTS: dict[Check, str] = {
    Check.DAMAGED: N_("The state of a damaged database, kept before a restore; it cannot be restored."),
    Check.UNCHECKED: N_("Made by an earlier version of the planner; it is checked when you restore it."),
}


class BackupDialog(QDialog):
    """A short list (the rotation keeps about twenty backups), so a QTableWidget is enough here."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.setMinimumSize(700, 320)  # wide enough for every column in German, scroll bar included
        self.backups: list[BackupInfo] = list_backups(db_path)
        intro = QLabel(
            _("Choose the state to go back to. The current state is saved as a backup first, so this can be reversed."),
            self,
        )
        intro.setWordWrap(True)
        self.table = tab_leaves(QTableWidget(len(self.backups), 4, self))
        self.table.setHorizontalHeaderLabels([_("Made on"), _("Kind"), _("Check"), _("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, b in enumerate(self.backups):
            made = f"{formatting.full_date(b.created.date())}, {formatting.time_of_day(b.created)}"
            size = _("{size} KB").format(size=formatting.integer(max(1, b.size // 1024)))
            for column, text in enumerate((made, _(KIND_LABELS[b.kind]), _(CHECK_LABELS[b.check]), size)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if not b.passed:
                self.table.item(row, 2).setToolTip(_(CHECK_HINTS[b.check]))
        self.table.resizeColumnsToContents()
        self.resize(max(700, sum(self.table.columnWidth(c) for c in range(4)) + 64), 420)
        empty = QLabel(_("There are no backups of this database yet. One is made each day the planner opens it."), self)
        empty.setWordWrap(True)
        empty.setVisible(not self.backups)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(_("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.chosen() is not None and self.chosen().check != Check.DAMAGED)  # type: ignore[union-attr]
        )
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(self.buttons)
        good = [row for row, b in enumerate(self.backups) if b.check != Check.DAMAGED]
        if good:
            self.table.selectRow(good[0])

    def chosen(self) -> BackupInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.backups[min(rows)] if rows else None
