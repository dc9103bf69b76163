"""Choosing who receives the delegation at an item: a venue contact, a Host of the trip, or anyone from the directory.

The mayor who hosts a visiting mayor is a person on the trip (role Host), not a
contact of the venue, so the picker lists the venue's contacts first, then the
trip's Host members, then "Other person…", which opens a filterable list of the
people directory. A contact's entry holds the contact's id (an int); a
person's holds "person:<id>", so the two can never be mistaken for each other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QListView, QVBoxLayout, QWidget

from planner import formatting
from planner.domain.entities import PersonData, VenueData
from planner.domain.enums import Role
from planner.i18n import _
from planner.domain.members import Member

OTHER = "other"
_PERSON = "person:"


def person_key(person_id: int) -> str:
    return f"{_PERSON}{person_id}"


def person_of(data: object) -> int | None:
    """The person id an entry holds, or None for a contact, "no host" or "Other person…"."""
    if isinstance(data, str) and data.startswith(_PERSON):
        return int(data[len(_PERSON):])
    return None


def person_label(person: PersonData, language: str) -> str:
    function = person.function.text(language)
    return person.full_name + (f" · {function}" if function else "")


class _TippedStringList(QStringListModel):
    """Each row also as its tooltip: a long function or organisation runs past the list's right edge."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)


class PersonPicker(QDialog):
    """The people directory, filtered as the planner types; Enter or a double click takes the person."""

    def __init__(self, people: Sequence[PersonData], language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Choose the host"))
        self._people = sorted((p for p in people if p.id is not None), key=lambda p: formatting.sort_key(p.name))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(_("Type any part of the name, organisation or function"))
        self.filter.setClearButtonEnabled(True)
        self.model = _TippedStringList(
            [person_label(p, language) + _organisation(p, language) for p in self._people], self
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        self.filter.textChanged.connect(self._filter)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.setMinimumSize(500, 300)  # the filter's hint whole in German, a name with its function readable
        self.resize(560, 420)
        self._filter("")
        self.filter.setFocus()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.proxy.rowCount() > 0)

    def select(self, person_id: int) -> None:
        """Make `person_id` the current row (for scripted input and tests)."""
        for row, person in enumerate(self._people):
            if person.id == person_id:
                self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
                return

    def person(self) -> PersonData | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self._people[self.proxy.mapToSource(index).row()]


def _organisation(person: PersonData, language: str) -> str:
    organisation = person.organisation.text(language)
    return f" ({organisation})" if organisation else ""


class HostCombo(QComboBox):
    """No host; the venue's contacts; the trip's Host members; a person chosen before; "Other person…"."""

    def __init__(
        self, members: Sequence[Member], language: str, directory: Callable[[], Sequence[PersonData]] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._hosts = [m.person for m in members if m.role is Role.HOST and m.person.id is not None]
        self._directory = directory
        self._extra: PersonData | None = None  # a person from the directory, not a Host of the trip
        self._venue: VenueData | None = None
        self._previous: object = None
        self.setToolTip(_("Who receives the delegation: a contact at the venue, a host of the trip or anyone from the people directory"))
        self.activated.connect(self._activated)

    def refill(self, venue: VenueData | None, keep: object, extra: PersonData | None = None) -> None:
        """Offer `venue`'s contacts and the people; keep `keep` (an entry's data) where it is still offered."""
        self._venue = venue
        if extra is not None:
            self._extra = extra
        self.blockSignals(True)
        self.clear()
        self.addItem(_("— no host —"), None)
        for contact in venue.contacts if venue is not None else ():
            function = contact.function.text(self._language)
            self.addItem(contact.display + (f" · {function}" if function else ""), contact.id)
        people = list(self._hosts)
        if self._extra is not None and all(p.id != self._extra.id for p in people):
            people.append(self._extra)
        if people:
            self.insertSeparator(self.count())
            for person in people:
                assert person.id is not None
                self.addItem(person_label(person, self._language), person_key(person.id))
        if self._directory is not None:
            self.insertSeparator(self.count())
            self.addItem(_("Other person…"), OTHER)
        self.setCurrentIndex(max(self.findData(keep), 0) if keep is not None else 0)
        self._previous = self.currentData()
        self.blockSignals(False)
        self.setEnabled(self.count() > 1)

    def contact_id(self) -> int | None:
        data = self.currentData()
        return data if isinstance(data, int) else None

    def person_id(self) -> int | None:
        return person_of(self.currentData())

    def _activated(self, _index: int) -> None:
        if self.currentData() != OTHER:
            self._previous = self.currentData()
            return
        chosen = self.choose_person()
        if chosen is None or chosen.id is None:
            self.setCurrentIndex(max(self.findData(self._previous), 0) if self._previous is not None else 0)
            return
        self.refill(self._venue, person_key(chosen.id), extra=chosen)

    def choose_person(self) -> PersonData | None:
        """Ask for a person from the directory; None if the planner cancels."""
        assert self._directory is not None
        picker = PersonPicker(self._directory(), self._language, self)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return None
        return picker.person()
