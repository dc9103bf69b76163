"""The venue directory as a table, and the contacts of one venue as a (possibly editable) table.

Both read records the services gave; the contacts model is also the contacts
editor's model, so the directory and the form show a contact with the same
columns. Rows are plain VenueData/ContactData, never a copy of the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from planner import formatting
from planner.domain.entities import ContactData, VenueData
from planner.domain.enums import Language, VenueKind
from planner.domain.localized import LocalizedText
from planner.i18n import N_, _, current_language
from planner.services.venues import list_venues
from planner.ui.icons import kind_icon
from planner.ui.models.record_table import DISPLAY, AnyIndex, DatabaseTableModel, RecordTableModel, all_languages_tooltip
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE


NAME, KIND, CITY, ADDRESS, ADDRESS_ROMANISED, COUNTRY, TIMEZONE, COORDINATES, CONTACTS = range(9)
HEADERS: tuple[str, ...] = (
    N_("Venue name"),
    N_("Kind"),
    N_("City"),
    N_("Address (local script)"),
    N_("Address (romanised)"),
    N_("Country"),
    N_("Time zone"),
    N_("Coordinates"),
    N_("Contacts"),
)
_KIND_ORDER = {kind: index for index, kind in enumerate(VenueKind)}


def _all_variants(text: LocalizedText) -> str:
    return " ".join(v for v in (text.de, text.zh, text.en) if v)


def one_line(text: str) -> str:
    """A multi-line address on one table line: "Keyuan Road 1, Nanshan"."""
    return ", ".join(part.strip() for part in text.splitlines() if part.strip())


def has_coordinates(venue: VenueData) -> bool:
    return venue.latitude is not None and venue.longitude is not None


class VenueTableModel(DatabaseTableModel[VenueData]):
    HEADERS = HEADERS
    RIGHT_ALIGNED = frozenset({CONTACTS})

    def _read(self) -> list[VenueData]:
        return list_venues(self.db)

    def venue(self, row: int) -> VenueData:
        return self.record(row)

    def _cell(self, row: int, venue: VenueData, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self._display(venue, column)
        if role == SORT_ROLE:
            return self._sort_value(venue, column)
        if role == FILTER_ROLE:
            return self._filter_text(venue, column)
        if role == OBJECT_ROLE:
            return venue
        if role == KIND_ROLE:
            return venue.kind.value
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return kind_icon("venues", venue.kind.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(venue, column)
        return None

    def _display(self, venue: VenueData, column: int) -> str:
        lang = current_language()
        if column == NAME:
            return venue.name.text(lang)
        if column == KIND:
            return venue.kind.label
        if column == CITY:
            return venue.city.text(lang)
        if column == ADDRESS:
            return one_line(venue.address_local)
        if column == ADDRESS_ROMANISED:
            return one_line(venue.address_romanised)
        if column == COUNTRY:
            return formatting.country_name(venue.country, lang)
        if column == TIMEZONE:
            return venue.timezone
        if column == COORDINATES:
            return _("Yes") if has_coordinates(venue) else _("No")
        return formatting.integer(len(venue.contacts))

    def _sort_value(self, venue: VenueData, column: int) -> Any:
        if column == KIND:
            return formatting.sort_key(venue.kind.label)
        if column == COORDINATES:
            return has_coordinates(venue)
        if column == CONTACTS:
            return len(venue.contacts)
        return formatting.sort_key(self._display(venue, column))

    def _filter_text(self, venue: VenueData, column: int) -> str:
        if column == NAME:
            return _all_variants(venue.name)
        if column == CITY:
            return _all_variants(venue.city)
        if column == COUNTRY:
            return " ".join((venue.country, formatting.country_name(venue.country)))
        if column == CONTACTS:  # "Li Ying" finds her hotel
            return " ".join(" ".join((c.name, c.native_name)) for c in venue.contacts)
        if column == COORDINATES:
            return ""
        return self._display(venue, column)

    def _tooltip(self, venue: VenueData, column: int) -> str | None:
        if column in (NAME, CITY):
            return all_languages_tooltip(venue.name if column == NAME else venue.city)
        if column in (ADDRESS, ADDRESS_ROMANISED):
            return (venue.address_local if column == ADDRESS else venue.address_romanised) or None
        if column == TIMEZONE and venue.timezone:
            return formatting.zone_name(venue.timezone)
        if column == COORDINATES and has_coordinates(venue):
            return coordinates_text(venue)
        if column == CONTACTS and venue.contacts:
            return "\n".join(c.display for c in venue.contacts)
        return None


def coordinates_text(venue: VenueData) -> str:
    """Latitude and longitude in the interface's number format: "22,5372, 113,9856" reads badly, so "22,5372 / 113,9856"."""
    if venue.latitude is None or venue.longitude is None:
        return ""
    return "{lat} / {lon}".format(
        lat=formatting.decimal(venue.latitude, digits=6), lon=formatting.decimal(venue.longitude, digits=6)
    )


# --- contacts ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ContactColumn:
    """A column of the contacts table: its header, the ContactData field it shows and edits (errors name these,
    "contacts.1.name"), and for the function in one language, that language (named in the header)."""

    header: str
    field: str
    language: Language | None = None


#: The contact columns in order. One declaration, so header, field and language cannot drift apart.
CONTACT_COLUMNS: tuple[ContactColumn, ...] = (
    ContactColumn(N_("Contact name"), "name"),
    ContactColumn(N_("Native name"), "native_name"),
    ContactColumn(N_("Function"), "function"),
    ContactColumn(N_("Function ({language})"), "function", Language.DE),
    ContactColumn(N_("Function ({language})"), "function", Language.ZH),
    ContactColumn(N_("Function ({language})"), "function", Language.EN),
    ContactColumn(N_("Phone"), "phone"),
    ContactColumn(N_("E-mail"), "email"),
)
C_NAME, C_NATIVE, C_FUNCTION, C_FUNCTION_DE, C_FUNCTION_ZH, C_FUNCTION_EN, C_PHONE, C_EMAIL = range(len(CONTACT_COLUMNS))
CONTACT_HEADERS: tuple[str, ...] = tuple(c.header for c in CONTACT_COLUMNS)
CONTACT_FIELDS: dict[int, str] = {index: c.field for index, c in enumerate(CONTACT_COLUMNS)}
_FUNCTION_LANGUAGE = {index: c.language for index, c in enumerate(CONTACT_COLUMNS) if c.language is not None}
#: The one-language columns shown by the directory and the all-language ones the editor shows.
DIRECTORY_CONTACT_COLUMNS = (C_NAME, C_NATIVE, C_FUNCTION, C_PHONE, C_EMAIL)
EDITOR_CONTACT_COLUMNS = (C_NAME, C_NATIVE, C_FUNCTION_DE, C_FUNCTION_ZH, C_FUNCTION_EN, C_PHONE, C_EMAIL)
ERROR_BACKGROUND = QColor("#fde7e9")


class ContactTableModel(RecordTableModel[ContactData]):
    HEADERS = CONTACT_HEADERS
    """The contacts of one venue; editable for the venue form, read-only for the directory.

    Errors the domain reported for a row ("contacts.1.email") tint the cells of
    that field and explain themselves in the tooltip until the cell is edited.
    """

    def __init__(self, contacts: Iterable[ContactData] = (), editable: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._rows = list(contacts)
        self._editable = editable
        self._errors: dict[tuple[int, str], str] = {}

    def contacts(self) -> tuple[ContactData, ...]:
        return tuple(self._rows)

    def set_contacts(self, contacts: Iterable[ContactData]) -> None:
        self.beginResetModel()
        self._rows = list(contacts)
        self._errors.clear()
        self.endResetModel()

    def contact(self, row: int) -> ContactData:
        return self.record(row)

    def add_contact(self, contact: ContactData | None = None) -> int:
        """Append a contact (an empty one to fill in); returns its row."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(contact or ContactData())
        self.endInsertRows()
        return row

    def remove_rows(self, rows: Iterable[int]) -> None:
        """Remove the given rows; errors of the rows below move up with them."""
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._errors = {
                    (r - 1 if r > row else r, f): m for (r, f), m in self._errors.items() if r != row
                }
                self.endRemoveRows()

    def set_errors(self, errors: dict[tuple[int, str], str]) -> None:
        self._errors = dict(errors)
        self._all_changed()

    def clear_errors(self) -> None:
        if self._errors:
            self._errors.clear()
            self._all_changed()

    def error(self, row: int, field: str) -> str:
        return self._errors.get((row, field), "")

    # --- the model ---------------------------------------------------------------------

    def _header(self, section: int) -> str:
        language = _FUNCTION_LANGUAGE.get(section)
        text = _(CONTACT_HEADERS[section])
        return text.format(language=language.label) if language is not None else text

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._editable and index.isValid() and index.column() != C_FUNCTION:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _cell(self, row: int, contact: ContactData, column: int, role: int) -> Any:
        if role in (DISPLAY, Qt.ItemDataRole.EditRole):
            return self._text(contact, column)
        if role == OBJECT_ROLE:
            return contact
        if role == SORT_ROLE:
            return formatting.sort_key(self._text(contact, column))
        error = self._errors.get((row, CONTACT_FIELDS[column]))
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error
            if column == C_FUNCTION:
                return all_languages_tooltip(contact.function)
        return None

    def _text(self, contact: ContactData, column: int) -> str:
        if column == C_NAME:
            return contact.name
        if column == C_NATIVE:
            return contact.native_name
        if column == C_FUNCTION:
            return contact.function.text(current_language())
        if column in _FUNCTION_LANGUAGE:
            return contact.function.get(_FUNCTION_LANGUAGE[column])
        return contact.phone if column == C_PHONE else contact.email

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not (self._editable and index.isValid() and role == Qt.ItemDataRole.EditRole):
            return False
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._rows) or column == C_FUNCTION:
            return False
        text = "" if value is None else str(value)
        contact = self._rows[row]
        if column in _FUNCTION_LANGUAGE:
            contact = contact.evolve(function=contact.function.replace(_FUNCTION_LANGUAGE[column], text))
        else:
            contact = contact.evolve(**{CONTACT_FIELDS[column]: text})
        self._rows[row] = contact
        self._errors.pop((row, CONTACT_FIELDS[column]), None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(CONTACT_HEADERS) - 1))
        return True
