"""Protocol › Emergency contacts…: the embassy or consulate printed on the emergency page of every document.

A short list edited in a table, one language at a time (the names and
addresses are needed in each language of the printouts); *Suggest* adds the
built-in mission for the trip's route, marked "to be verified" until the
planner has checked it and unticks the box. Saving is one undoable step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from planner.domain.errors import PlannerError
from planner.domain.localized import LocalizedText
from planner.domain.missions import MAX_CONTACTS, EmergencyContactData
from planner.i18n import N_, _
from planner.services.emergency_contacts import save_emergency_contacts, suggestions, trip_emergency_contacts
from planner.ui.errors import show_planner_error
from planner.ui.language import LANGUAGE_NAMES
from planner.ui.pages.base import UiContext

Index = QModelIndex | QPersistentModelIndex
NAME, ADDRESS, PHONE, VERIFY = range(4)
HEADERS = (N_("Embassy or consulate"), N_("Address"), N_("Telephone"), N_("To be verified"))


class EmergencyContactsModel(QAbstractTableModel):
    """The contacts being edited; names and addresses in `language`, the other languages kept as they are."""

    def __init__(self, contacts: tuple[EmergencyContactData, ...], language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contacts = list(contacts)
        self.language = language

    def set_language(self, language: str) -> None:
        self.language = language
        if self.contacts:
            self.dataChanged.emit(self.index(0, NAME), self.index(len(self.contacts) - 1, ADDRESS))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's names
        return 0 if parent.isValid() else len(self.contacts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == VERIFY:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        contact = self.contacts[index.row()]
        column = index.column()
        if column == VERIFY:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if contact.to_verify else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("A suggestion: check the address and number, then untick.")
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == NAME:
            return contact.name.get(self.language)
        if column == ADDRESS:
            return contact.address.get(self.language)
        return contact.phone

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        row, column = index.row(), index.column()
        contact = self.contacts[row]
        if column == VERIFY and role == Qt.ItemDataRole.CheckStateRole:
            contact = contact.evolve(to_verify=Qt.CheckState(value) == Qt.CheckState.Checked)
        elif role == Qt.ItemDataRole.EditRole and column == NAME:
            contact = contact.evolve(name=_with(contact.name, self.language, str(value)))
        elif role == Qt.ItemDataRole.EditRole and column == ADDRESS:
            contact = contact.evolve(address=_with(contact.address, self.language, str(value)))
        elif role == Qt.ItemDataRole.EditRole and column == PHONE:
            contact = contact.evolve(phone=str(value).strip())
        else:
            return False
        self.contacts[row] = contact
        self.dataChanged.emit(index, index)
        return True

    def add(self, contact: EmergencyContactData) -> int:
        row = len(self.contacts)
        self.beginInsertRows(QModelIndex(), row, row)
        self.contacts.append(contact)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.contacts[row]
        self.endRemoveRows()


def _with(text: LocalizedText, language: str, value: str) -> LocalizedText:
    variants = {code: text.get(code) for code in ("de", "zh", "en")}
    variants[language] = value.strip()
    return LocalizedText(**variants)


class EmergencyContactsDialog(QDialog):
    """Edit a trip's emergency contacts; OK saves them as one undoable step."""

    def __init__(self, ctx: UiContext, trip_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trip_id = trip_id
        self.setWindowTitle(_("Emergency contacts"))
        self.setMinimumSize(640, 320)
        self.resize(860, 380)
        self.model = EmergencyContactsModel(trip_emergency_contacts(ctx.db, trip_id), ctx.lang, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PHONE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VERIFY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(_("Emergency contacts"))

        intro = QLabel(_("The embassy or consulate of the delegation's country, printed on the emergency page of every document."))
        intro.setWordWrap(True)
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)  # each language in its own name
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.lang)))
        self.language.currentIndexChanged.connect(lambda _i: self.model.set_language(self.language.currentData()))
        language_label = QLabel(_("&Language of names and addresses:"))
        language_label.setBuddy(self.language)

        self.add_button = QPushButton(_("&Add"))
        self.remove_button = QPushButton(_("&Remove"))
        self.suggest_button = QPushButton(_("&Suggest"))
        self.suggest_button.setToolTip(_("Add the consulate known for this route, marked to be verified."))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.suggest_button.clicked.connect(self.suggest)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.suggest_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._update_buttons()
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.rowsInserted.connect(lambda *_a: self._update_buttons())
        # Rows as high as their wrapped names and addresses, in whichever language is shown.
        self.model.rowsInserted.connect(lambda *_a: self.table.resizeRowsToContents())
        self.model.dataChanged.connect(lambda *_a: self.table.resizeRowsToContents())
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.table.resizeRowsToContents()
        self.model.rowsRemoved.connect(lambda *_a: self._update_buttons())

    def _update_buttons(self) -> None:
        full = len(self.model.contacts) >= MAX_CONTACTS
        self.add_button.setEnabled(not full)
        self.suggest_button.setEnabled(not full)
        self.remove_button.setEnabled(self.table.selectionModel().hasSelection())

    def add(self) -> None:
        row = self.model.add(EmergencyContactData(trip_id=self.trip_id))
        self.table.setCurrentIndex(self.model.index(row, NAME))
        self.table.edit(self.model.index(row, NAME))

    def remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.model.remove(row)

    def suggest(self) -> None:
        known = {c.name.get("en") or c.name.get("de") or c.name.get("zh") for c in self.model.contacts}
        found = [c for c in suggestions(self.ctx.db, self.trip_id) if (c.name.get("en") or c.name.get("de")) not in known]
        if not found:
            show_planner_error(self, PlannerError(N_("There is no suggestion for this trip's route; please enter the mission yourself.")))
            return
        for contact in found[: MAX_CONTACTS - len(self.model.contacts)]:
            self.model.add(contact.evolve(trip_id=self.trip_id))

    def accept(self) -> None:
        """Save; a refused list (a name missing, a bad number) is explained and the dialog stays open."""
        try:
            change = save_emergency_contacts(self.ctx.db, self.trip_id, self.model.contacts)
        except PlannerError as exc:
            show_planner_error(self, exc)
            return
        self.ctx.history.record(_("Edit emergency contacts"), change)
        super().accept()
