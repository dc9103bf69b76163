"""The people directory as a table, shared by the People page and the "add from directory" dialog.

Passport numbers are shown masked unless the user asks to see them, so the
directory can be open on a shared screen; a masked number is not searchable
either, or typing would reveal it digit by digit. The dialog that adds people
to a delegation marks those already in it as unavailable (greyed, not
selectable) rather than hiding them, so the user sees why they cannot be added.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from planner import formatting
from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.i18n import N_, _, current_language
from planner.services.people import list_people
from planner.ui.language import LanguageController
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex

FAMILY, GIVEN, NATIVE, ORGANISATION, FUNCTION, EMAIL, PHONE, LANGUAGE, PASSPORT = range(9)
HEADERS: tuple[str, ...] = (
    N_("Family name"),
    N_("Given name"),
    N_("Native name"),
    N_("Organisation"),
    N_("Function"),
    N_("E-mail"),
    N_("Phone"),
    N_("Language"),
    N_("Passport no."),
)
MASK = "•"
#: How many characters of a masked passport number stay readable, to tell passports apart.
VISIBLE_TAIL = 4


def mask_passport(number: str) -> str:
    """The last four characters behind six dots (C01X00T47 → ••••••0T47); the mask hides the length too."""
    if not number:
        return ""
    tail = number[-VISIBLE_TAIL:] if len(number) > VISIBLE_TAIL else ""
    return MASK * 6 + tail


#: The roles `data` answers.
_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, SORT_ROLE, FILTER_ROLE, OBJECT_ROLE, KIND_ROLE, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
})


_AVAILABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class PersonTableModel(QAbstractTableModel):
    def __init__(
        self, db: Database, language: LanguageController | None = None, parent: QObject | None = None, *, load: bool = True
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._rows: list[PersonData] = []
        self._show_passports = False
        self._unavailable: set[int] = set()
        self._unavailable_reason = ""
        if language is not None:
            language.languageChanged.connect(self.retranslate)
        if load:  # a page that is not shown yet reads when it is first shown
            self.reload()

    # --- loading and options -------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self.db = db
        self.reload()

    def reload(self) -> None:
        rows = list_people(self.db)  # read first: a read that fails leaves the model as it was
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def retranslate(self, _language: str = "") -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        self._all_changed()

    def passports_shown(self) -> bool:
        return self._show_passports

    def set_passports_shown(self, shown: bool) -> None:
        if shown != self._show_passports:
            self._show_passports = shown
            if self._rows:
                self.dataChanged.emit(self.index(0, PASSPORT), self.index(len(self._rows) - 1, PASSPORT))

    def set_unavailable(self, person_ids: Iterable[int], reason: str = "") -> None:
        """Grey out these people (e.g. already in the delegation); `reason` becomes their tooltip."""
        self._unavailable = set(person_ids)
        self._unavailable_reason = reason
        self._all_changed()

    def is_available(self, row: int) -> bool:
        return self._rows[row].id not in self._unavailable

    def person(self, row: int) -> PersonData:
        return self._rows[row]

    def row_of(self, person_id: int) -> int:
        """The row of a person, or -1."""
        return next((i for i, p in enumerate(self._rows) if p.id == person_id), -1)

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1))

    def search_keys(self) -> list[str]:
        """Each row's text for the filter, folded (planner.formatting.fold): what FILTER_ROLE gives, all columns.

        FilterProxyModel takes these in one call instead of asking for every
        cell through Qt (nine calls into Python per person); cells are folded
        one by one, so the many plain ASCII ones take fold's quick path, and
        each distinct text (organisations and functions repeat) only once.
        """
        folded: dict[str, str] = {}
        keys = []
        for person in self._rows:
            parts = []
            for column in range(len(HEADERS)):
                text = self._filter_text(person, column)
                part = folded.get(text)
                if part is None:
                    part = folded[text] = formatting.fold(text)
                parts.append(part)
            keys.append(" ".join(parts))
        return keys

    # --- the model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS) and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.is_available(index.row()):
            return Qt.ItemFlag.ItemNeverHasChildren
        return _AVAILABLE  # asked for every cell at every paint: not combined anew each time

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None  # the view asks for many roles per cell and paint; most are answered here at once
        person, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(person, column)
        if role == SORT_ROLE:
            return formatting.sort_key(self._display(person, column))
        if role == FILTER_ROLE:
            return self._filter_text(person, column)
        if role == OBJECT_ROLE:
            return person
        if role == KIND_ROLE:
            return person.preferred_language.value
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(person, column)
        if role == Qt.ItemDataRole.ForegroundRole and person.id in self._unavailable:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _display(self, person: PersonData, column: int) -> str:
        if column == FAMILY:
            return person.family_name
        if column == GIVEN:
            return person.given_name
        if column == NATIVE:
            return person.native_name
        if column == ORGANISATION:
            return person.organisation.text(current_language())
        if column == FUNCTION:
            return person.function.text(current_language())
        if column == EMAIL:
            return person.email
        if column == PHONE:
            return person.phone
        if column == LANGUAGE:
            return person.preferred_language.label
        return person.passport_number if self._show_passports else mask_passport(person.passport_number)

    def _filter_text(self, person: PersonData, column: int) -> str:
        if column in (ORGANISATION, FUNCTION):
            text = person.organisation if column == ORGANISATION else person.function
            return " ".join((text.de, text.zh, text.en))
        if column == PASSPORT and not self._show_passports:
            return ""
        return self._display(person, column)

    def _tooltip(self, person: PersonData, column: int) -> str | None:
        if person.id in self._unavailable and self._unavailable_reason:
            return self._unavailable_reason
        if column in (ORGANISATION, FUNCTION):
            text = person.organisation if column == ORGANISATION else person.function
            return "\n".join(v for v in (text.de, text.zh, text.en) if v) or None
        if column == PASSPORT and person.passport_expiry is not None:
            return _("Valid until {date}").format(date=formatting.long_date(person.passport_expiry))
        return None
