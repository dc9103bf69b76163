"""Help › About: the version, where the data is, and everything the planner is built from with its licence.

The list is read from the installed packages' metadata (planner/licences.py),
so it is the same in the bundle as in a development install. LGPL parts (Qt,
PySide6, psycopg) require that users are told which libraries are used and
under which licence; this dialog and docs/packaging.md do.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from planner import licences
from planner.i18n import N_, _

HEADERS = (N_("Component"), N_("Version"), N_("Licence"))


class ComponentTable(QAbstractTableModel):
    def __init__(self, rows: list[licences.Component], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        return (row.name, row.version, row.licence)[index.column()]


class AboutDialog(QDialog):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About the delegation planner"))
        self.setMinimumSize(520, 420)
        self.heading = QLabel(
            "<b>{name}</b> {version}".format(name=_("Delegation planner"), version=licences.planner_version()), self
        )
        self.text = QLabel(_("Plans official delegation trips and prints their programmes in German, Chinese and English."), self)
        self.text.setWordWrap(True)
        self.database = QLabel("{label}: {db}".format(label=_("Database"), db=database), self)
        self.database.setWordWrap(True)
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.built_from = QLabel(_("Built with these components, each under its own licence:"), self)
        self.model = ComponentTable(licences.font_components() + licences.python_components(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.text, self.database, self.built_from, self.table, buttons):
            layout.addWidget(widget)
        layout.setStretchFactor(self.table, 1)
