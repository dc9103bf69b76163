"""Creating and editing a venue with its contacts; every rule is the domain's, shown beside its field.

Coordinates are typed as the user writes numbers ("22,5372" in German,
"22.5372" elsewhere) or pasted as a pair ("22.5372, 113.9856", as maps copy
them) into the latitude field. Choosing a country sets the time zone from
planner.domain.zones (China → Asia/Shanghai; a country with several zones gets
its capital's, and its zones head the list); a zone the user picked stays while
it fits the country. A venue saved on a zone of another country is questioned
("Save anyway?"), never silently kept: its visits would print at the wrong hour.
Contacts are edited in a table; a domain error such as "contacts.1.name" is
shown under the table naming the row, and its cell is tinted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QPushButton, QTableView, QWidget,
)

from planner import formatting
from planner.domain.entities import ContactData, VenueData
from planner.domain.enums import VenueKind
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.zones import default_zone, zone_fits_country, zones_for_country
from planner.i18n import N_, _
from planner.ui.icons import icon, kind_icon
from planner.ui.models.venue_table import (
    C_NAME,
    CONTACT_FIELDS,
    EDITOR_CONTACT_COLUMNS,
    ContactTableModel,
)
from planner.ui.widgets.layouts import button_row
from planner.ui.widgets.form import RecordForm
from planner.ui.widgets.trip_dialog import timezone_combo
from planner.ui.keyboard import tab_leaves

_NUMBER = r"[-+]?\d+(?:[.,]\d+)?"
_PAIR = re.compile(rf"^\s*({_NUMBER})\s*°?\s*(?:[,;/]\s*|\s+)({_NUMBER})\s*°?\s*$")


def default_timezone(country: str) -> str | None:
    """The zone a venue in `country` is almost surely in (its capital's), or None for no or an unknown country."""
    zones = zones_for_country(country)
    return zones[0] if zones else None


def parse_degrees(text: str) -> float | None:
    """Degrees as typed: decimal comma or point, optional "°"; empty means no coordinate.

    Coordinates never need a thousands separator, so a comma is always the
    decimal mark, whatever the interface language. Raises ValueError otherwise.
    """
    cleaned = text.strip().replace("°", "").replace(" ", "").replace("\u00a0", "").replace("\u2212", "-")
    if not cleaned:
        return None
    if not re.fullmatch(_NUMBER, cleaned):
        raise ValueError(text)
    return float(cleaned.replace(",", "."))


def split_pair(text: str) -> tuple[str, str] | None:
    """("22.5372", "113.9856") from a pasted "22.5372, 113.9856"; None for a single number."""
    match = _PAIR.match(text)
    if match is None or re.fullmatch(_NUMBER, text.strip().replace("°", "")):
        return None
    return match.group(1), match.group(2)


def degrees_text(value: float | None) -> str:
    return "" if value is None else formatting.decimal(value, digits=6)


class ContactsEditor(QWidget):
    """The contacts table with Add and Remove; Delete removes the selected rows."""

    def __init__(self, parent: QWidget | None = None, profile_editor: Callable[[ContactData], object] | None = None) -> None:
        super().__init__(parent)
        self._profile_editor = profile_editor
        self.model = ContactTableModel(editable=True, parent=self)
        self.view = tab_leaves(QTableView(self))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.setMinimumHeight(self.view.fontMetrics().height() * 9)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column in range(self.model.columnCount()):
            self.view.setColumnHidden(column, column not in EDITOR_CONTACT_COLUMNS)
        self.fit_columns()

        self.add_button = QPushButton(icon("actions/add"), "", self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(icon("actions/delete"), "", self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_a: self.remove_button.setEnabled(bool(self.view.selectionModel().selectedRows()))
        )
        self.view.installEventFilter(self)

        # A saved contact's biography and portrait (for the briefing book); saved at once, one undo step of its own.
        self.profile_button = QPushButton("", self)
        self.profile_button.clicked.connect(self.edit_profile)
        self.profile_button.setVisible(profile_editor is not None)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.profile_button.setEnabled(self.profile_contact() is not None))
        self.profile_button.setEnabled(False)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(button_row(self.add_button, self.remove_button, self.profile_button, vertical=True))
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(_("Add contact"))
        self.remove_button.setText(_("Remove"))
        self.remove_button.setToolTip(_("Remove the selected contacts (Delete)"))
        self.profile_button.setText(_("Biography…"))
        self.profile_button.setToolTip(_("Biography and portrait of the selected contact, for the briefing book (a new contact: save the venue first)"))
        self.model.retranslate()

    def profile_contact(self) -> ContactData | None:
        """The one saved contact selected, whose profile can be edited."""
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        contacts = self.model.contacts()
        if len(rows) != 1 or min(rows) >= len(contacts):
            return None
        contact = contacts[min(rows)]
        return contact if contact.id is not None else None

    def edit_profile(self) -> None:
        contact = self.profile_contact()
        if contact is not None and self._profile_editor is not None:
            self._profile_editor(contact)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.matches(QKeySequence.StandardKey.Delete)
            and self.view.state() != QAbstractItemView.State.EditingState
        ):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Wide enough for what the contacts hold, but never so wide that one column hides the rest."""
        self.view.resizeColumnsToContents()
        for column in EDITOR_CONTACT_COLUMNS:
            self.view.setColumnWidth(column, max(100, min(self.view.columnWidth(column), 200)))

    def add(self) -> None:
        row = self.model.add_contact()
        index = self.model.index(row, C_NAME)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()
        self.view.edit(index)

    def remove_selected(self) -> None:
        self.model.remove_rows(index.row() for index in self.view.selectionModel().selectedRows())

    def focus_cell(self, row: int, field: str) -> None:
        column = next((c for c in EDITOR_CONTACT_COLUMNS if CONTACT_FIELDS[c] == field), C_NAME)
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()


def contact_error(field: str | None) -> tuple[int, str] | None:
    """(row, field) of an error naming "contacts.<row>.<field>", else None."""
    parts = (field or "").split(".")
    if len(parts) == 3 and parts[0] == "contacts" and parts[1].isdigit():
        return int(parts[1]), parts[2]
    return None


class VenueForm(RecordForm):
    def __init__(
        self, save: Callable[[VenueData], object], venue: VenueData | None = None, parent: QWidget | None = None,
        profile_editor: Callable[[ContactData], object] | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.venue = venue or VenueData()
        self.setWindowTitle(_("Edit venue") if self.venue.id is not None else _("New venue"))
        self.setMinimumWidth(760)
        self.resize(940, 780)
        self.name = self.add_localized("name", _("Venue name"))

        self.kind = QComboBox(self)
        for kind in VenueKind:
            self.kind.addItem(kind_icon("venues", kind.value), kind.label, kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self.clear_error("kind"))
        self.add_row("kind", _("Kind"), self.kind)

        self.address_local = self._multiline("address_local", 2)
        self.add_row("address_local", _("Address (local script)"), self.address_local)
        self.address_romanised = self._multiline("address_romanised", 2)
        self.address_romanised.setToolTip(_("The address in Latin letters, for drivers' and guests' printouts"))
        self.add_row("address_romanised", _("Address (romanised)"), self.address_romanised)
        self.city = self.add_localized("city", _("City"))

        self.country = QComboBox(self)
        self.country.addItem("—", "")
        for code, name in formatting.countries():
            self.country.addItem(f"{name} ({code})", code)
        self.add_row("country", _("Country"), self.country)
        self.timezone = timezone_combo(self, self.venue.timezone)
        self._all_zones = [self.timezone.itemText(i) for i in range(self.timezone.count())]
        self.timezone.currentTextChanged.connect(lambda _t: self.clear_error("timezone"))
        self.add_row("timezone", _("Time zone"), self.timezone)

        self.latitude = self._line("latitude")
        self.latitude.setPlaceholderText(_("e.g. 22.5372 — empty: no coordinates"))
        self.latitude.setToolTip(_("Degrees north (negative: south). A pasted pair “22.5372, 113.9856” fills both fields."))
        self.latitude.editingFinished.connect(self._split_pasted_pair)
        self.add_row("latitude", _("Latitude"), self.latitude)
        self.longitude = self._line("longitude")
        self.longitude.setPlaceholderText(_("e.g. 113.9856 — empty: no coordinates"))
        self.longitude.setToolTip(_("Degrees east (negative: west)"))
        self.add_row("longitude", _("Longitude"), self.longitude)
        self.website = self._line("website")
        self.website.setPlaceholderText("https://")
        self.add_row("website", _("Website"), self.website)
        self.notes = self._multiline("notes", 2)
        self.add_row("notes", _("Notes"), self.notes)

        self.contacts = ContactsEditor(self, profile_editor)
        self.contacts.model.dataChanged.connect(lambda *_a: self._contacts_edited())
        self.contacts.model.rowsRemoved.connect(lambda *_a: self._contacts_edited())
        self.add_row("contacts", _("Contacts"), self.contacts)
        self.grid.setRowStretch(self.grid.rowCount() - 2, 1)
        for edit in (self.address_local, self.address_romanised, self.notes, self.contacts):
            self._caption_on_top(edit)

        self.buttons.button(self.buttons.StandardButton.Ok).setText(
            _("Save") if self.venue.id is not None else _("Create venue")
        )
        self.finish_layout()
        self.set_venue(self.venue)
        self.country.currentIndexChanged.connect(self._country_changed)
        self.name.current().setFocus()

    def _caption_on_top(self, widget: QWidget) -> None:
        """A tall field's caption beside its first line, not floating in the middle."""
        index = self.grid.indexOf(widget)
        row = self.grid.getItemPosition(index)[0] if index >= 0 else -1
        item = self.grid.itemAtPosition(row, 0) if row >= 0 else None
        caption = item.widget() if item is not None else None
        if isinstance(caption, QLabel):
            caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            caption.setContentsMargins(0, 5, 0, 0)

    def _line(self, field: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        edit.textEdited.connect(lambda _t: self.clear_error(field))
        return edit

    def _multiline(self, field: str, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setObjectName(field)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        edit.textChanged.connect(lambda: self.clear_error(field))
        return edit

    # --- values --------------------------------------------------------------------------

    def set_venue(self, venue: VenueData) -> None:
        self.venue = venue
        self.name.set_value(venue.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(venue.kind.value)))
        self.address_local.setPlainText(venue.address_local)
        self.address_romanised.setPlainText(venue.address_romanised)
        self.city.set_value(venue.city)
        index = self.country.findData(venue.country)
        if index < 0 and venue.country:
            self.country.addItem(venue.country, venue.country)
            index = self.country.count() - 1
        self.country.setCurrentIndex(max(0, index))
        self._offer_zones_of(venue.country)
        self.timezone.setCurrentText(venue.timezone)
        self.latitude.setText(degrees_text(venue.latitude))
        self.longitude.setText(degrees_text(venue.longitude))
        self.website.setText(venue.website)
        self.notes.setPlainText(venue.notes)
        self.contacts.model.set_contacts(venue.contacts)
        self.contacts.fit_columns()
        self.clear_errors()

    def prepare_next(self, saved: Any) -> None:
        """The next venue of the same town: city, country and time zone stay, everything else goes."""
        kept = VenueData(city=self.city.value(), country=str(self.country.currentData() or ""), timezone=self.timezone.currentText().strip())
        self.set_venue(kept)
        self.setWindowTitle(_("New venue"))
        self.name.current().setFocus()

    def _country_changed(self, _index: int) -> None:
        """The zone follows the country: kept while it is one of the country's, else the capital's."""
        self.clear_error("country")
        country = str(self.country.currentData() or "")
        current = self.timezone.currentText().strip()
        self._offer_zones_of(country)
        self.timezone.setCurrentText(default_zone(country, current) or current)

    def _offer_zones_of(self, country: str) -> None:
        """The country's zones first (capital's at the top), then a line, then every other zone."""
        own = [z for z in zones_for_country(country) if z in self._all_zones]
        current = self.timezone.currentText()
        self.timezone.blockSignals(True)
        self.timezone.clear()
        if own:
            self.timezone.addItems(own)
            self.timezone.insertSeparator(len(own))
        taken = set(own)
        self.timezone.addItems([z for z in self._all_zones if z not in taken])
        self.timezone.setCurrentText(current)
        self.timezone.blockSignals(False)

    def submit(self) -> None:
        """Save, but first ask whether a zone of another country is meant (the default Berlin for a venue in Shenzhen)."""
        country = str(self.country.currentData() or "")
        zone = self.timezone.currentText().strip()
        if not zone_fits_country(zone, country) and not self.zone_mismatch_accepted(zone, country):
            self.clear_errors()
            self._show(
                self.errors["timezone"],
                _("{zone} is not a time zone of {country}.").format(zone=zone, country=formatting.country_name(country)),
            )
            self.timezone.setFocus()
            return
        super().submit()

    def zone_mismatch_accepted(self, zone: str, country: str) -> bool:
        """Ask whether to save a venue whose zone lies in another country; No keeps the form open."""
        question = _(
            "The time zone {zone} is not one of {country}’s, so the times of visits there would be off. "
            "The usual zone there is {usual}.\n\nSave anyway?"
        ).format(zone=zone, country=formatting.country_name(country), usual=default_timezone(country) or "")
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(self, _("Time zone of another country"), question, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _split_pasted_pair(self) -> None:
        pair = split_pair(self.latitude.text())
        if pair is not None:
            self.latitude.setText(pair[0])
            self.longitude.setText(pair[1])
            self.clear_error("longitude")

    def _coordinate(self, edit: QLineEdit, field: str) -> tuple[float | None, ValidationError | None]:
        try:
            return parse_degrees(edit.text()), None
        except ValueError:
            return None, ValidationError(
                N_("“{value}” is not a number of degrees (e.g. 22.5372)."), field=field, value=edit.text().strip()
            )

    def record(self) -> VenueData:
        """The venue as entered; unreadable coordinates are reported with the domain's other findings."""
        self._split_pasted_pair()
        latitude, lat_error = self._coordinate(self.latitude, "latitude")
        longitude, long_error = self._coordinate(self.longitude, "longitude")
        data = self.venue.evolve(
            name=self.name.value(),
            kind=VenueKind(self.kind.currentData()),
            address_local=self.address_local.toPlainText(),
            address_romanised=self.address_romanised.toPlainText(),
            city=self.city.value(),
            country=str(self.country.currentData() or ""),
            timezone=self.timezone.currentText().strip(),
            latitude=latitude,
            longitude=longitude,
            website=self.website.text(),
            notes=self.notes.toPlainText(),
            contacts=tuple(c.evolve(venue_id=self.venue.id) for c in self.contacts.model.contacts()),
        )
        unreadable = [e for e in (lat_error, long_error) if e is not None]
        if unreadable:
            try:
                data.evolve(latitude=None, longitude=None).validated()
            except ValidationErrors as many:
                unreadable.extend(many.errors)
            raise ValidationErrors(unreadable)
        return data

    # --- messages ------------------------------------------------------------------------

    def show_errors(self, errors: list[ValidationError]) -> None:
        """Contact errors go under the contacts table, each naming its row; the rest as usual."""
        by_row: dict[tuple[int, str], str] = {}
        lines: list[str] = []
        others: list[ValidationError] = []
        contacts = self.contacts.model.contacts()
        for error in errors:
            where = contact_error(error.field)
            if where is None:
                others.append(error)
                continue
            row, field = where
            by_row[where] = error.message()
            name = contacts[row].name.strip() if row < len(contacts) else ""
            if name:
                lines.append(_("Contact {row} ({name}): {message}").format(row=row + 1, name=name, message=error.message()))
            else:
                lines.append(_("Contact {row}: {message}").format(row=row + 1, message=error.message()))
        super().show_errors(others)
        if by_row:
            self.contacts.model.set_errors(by_row)
            self._show(self.errors["contacts"], "\n".join(lines))
            if not others:
                self.contacts.focus_cell(*min(by_row))

    def clear_errors(self) -> None:
        super().clear_errors()
        self.contacts.model.clear_errors()

    def _contacts_edited(self) -> None:
        """The message under the table goes once every marked cell has been edited."""
        model = self.contacts.model
        if not any(model.error(r, f) for r in range(model.rowCount()) for f in set(CONTACT_FIELDS.values())):
            self.clear_error("contacts")

    def new_contact(self, contact: ContactData | None = None) -> int:
        """Add a contact row (for tests and scripted input); returns its row."""
        return self.contacts.model.add_contact(contact)
