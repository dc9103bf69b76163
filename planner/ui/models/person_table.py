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

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from planner import formatting
from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.i18n import N_, _, current_language
from planner.services.people import list_people
from planner.ui.language import LanguageController
from planner.ui.models.record_table import AnyIndex, DatabaseTableModel, all_languages, all_languages_tooltip
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE


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


class PersonTableModel(DatabaseTableModel[PersonData]):
    HEADERS = HEADERS

    def __init__(
        self, db: Database, language: LanguageController | None = None, parent: QObject | None = None, *, load: bool = True
    ) -> None:
        self._show_passports = False
        self._unavailable: set[int] = set()
        self._unavailable_reason = ""
        super().__init__(db, language, parent, load=load)

    def _read(self) -> list[PersonData]:
        return list_people(self.db)

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
        return self.record(row)

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

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.is_available(index.row()):
            return Qt.ItemFlag.ItemNeverHasChildren
        return _AVAILABLE  # asked for every cell at every paint: not combined anew each time

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()  # -1 for an invalid index
        if role not in _ROLES or not 0 <= row < len(self._rows):
            return None  # the view asks for many roles per cell and paint; most are answered here at once
        return self._cell(row, self._rows[row], index.column(), role)

    def _cell(self, row: int, person: PersonData, column: int, role: int) -> Any:
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
            return all_languages(person.organisation if column == ORGANISATION else person.function)
        if column == PASSPORT and not self._show_passports:
            return ""
        return self._display(person, column)

    def _tooltip(self, person: PersonData, column: int) -> str | None:
        if person.id in self._unavailable and self._unavailable_reason:
            return self._unavailable_reason
        if column in (ORGANISATION, FUNCTION):
            return all_languages_tooltip(person.organisation if column == ORGANISATION else person.function)
        if column == PASSPORT and person.passport_expiry is not None:
            return _("Valid until {date}").format(date=formatting.long_date(person.passport_expiry))
        return None
