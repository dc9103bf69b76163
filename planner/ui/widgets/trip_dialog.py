"""Creating and editing a trip: every field of it, checked by the domain.

One dialog for both, so that a trip can be corrected with the same form that
made it. Choosing the destination country proposes its time zone (the
capital's, with the country's zones listed first), and a zone that does not
belong to the country is questioned once before saving, since every printed
time of the trip depends on it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QMessageBox, QPlainTextEdit, QSpinBox, QWidget

from planner import formatting
from planner.domain.entities import TripData
from planner.domain.enums import TripStatus
from planner.domain.errors import ValidationErrors
from planner.domain.zones import default_zone, zone_fits_country, zones_for_country
from planner.i18n import _
from planner.ui.widgets.form import RecordForm, four_digit_year

__all__ = ["Cancelled", "TripDialog", "four_digit_year", "timezone_combo"]


class Cancelled(Exception):
    """Raised by a save function when the user answered a question before saving with "no": the dialog stays open."""


def timezone_combo(parent: QWidget, current: str) -> QComboBox:
    """An editable list of IANA zones that completes on any part ("shang" finds Asia/Shanghai)."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(sorted(available_timezones()))
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)
    combo.setCurrentText(current)
    combo.setToolTip(_("The IANA time zone, e.g. Asia/Shanghai"))
    return combo


def list_country_zones_first(combo: QComboBox, country: str) -> None:
    """The zones of `country` at the top of `combo` (the capital's first), a separator, then every other zone."""
    text = combo.currentText()
    first = list(zones_for_country(country))
    rest = sorted(available_timezones() - set(first))
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(first)
    if first:
        combo.insertSeparator(len(first))
    combo.addItems(rest)
    combo.setCurrentText(text)
    combo.blockSignals(False)


class TripDialog(RecordForm):
    """New trip (`trip` None) or Trip details (`trip` given, saved with its version so a stale edit is refused)."""

    def __init__(self, save: Callable[[TripData], object], parent: QWidget | None = None, trip: TripData | None = None) -> None:
        super().__init__(save, parent)
        self.trip = trip or TripData()
        editing = trip is not None
        self.setWindowTitle(_("Trip details") if editing else _("New trip"))
        self.setMinimumWidth(520)
        self.title_localized = self.add_localized("title", _("&Title"))
        self.purpose_localized = self.add_localized("purpose", _("P&urpose"))
        self.city_localized = self.add_localized("destination_city", _("Destination &city"))
        self.title_edits = self.title_localized.edits
        self.city_edits = self.city_localized.edits

        self.country = QComboBox(self)
        self.country.addItem("—", "")
        for code, name in formatting.countries():
            self.country.addItem(f"{name} ({code})", code)
        self.add_row("destination_country", _("C&ountry"), self.country)

        self.timezone = timezone_combo(self, self.trip.timezone)
        self.timezone.setToolTip(_("The IANA time zone of the destination, e.g. Asia/Shanghai"))
        self.add_row("timezone", _("Time &zone"), self.timezone)

        today = date.today()
        self.first_day = self.date_edit(self.trip.first_day or today)
        self.add_row("first_day", _("&First day"), self.first_day)
        self.last_day = self.date_edit(self.trip.last_day or today + timedelta(days=3))
        self.add_row("last_day", _("&Last day"), self.last_day)
        for edit in (self.first_day, self.last_day):
            edit.dateChanged.connect(lambda _d: (self.clear_error("first_day"), self.clear_error("last_day")))

        self.organiser_localized = self.add_localized("organiser", _("O&rganiser"))
        self.status = QComboBox(self)
        for status in TripStatus:
            self.status.addItem(status.label, status.value)
        self.add_row("status", _("&Status"), self.status)
        self.buffer = QSpinBox(self)
        self.buffer.setRange(0, 24 * 60)
        self.buffer.setSingleStep(5)
        self.buffer.setSuffix(" " + _("min"))
        self.buffer.setToolTip(_("The time the planning checks expect between two items at different places"))
        self.add_row("buffer_minutes", _("&Buffer between items"), self.buffer)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.notes.textChanged.connect(lambda: self.clear_error("notes"))
        self.add_row("notes", _("&Notes"), self.notes)

        self._fill(self.trip)
        self.country.currentIndexChanged.connect(self._country_chosen)
        for widget in (self.country, self.timezone):
            signal = widget.currentIndexChanged if widget is self.country else widget.currentTextChanged
            signal.connect(lambda *_a: (self.clear_error("timezone"), self.clear_error("destination_country")))
        # A zone that does not fit the country is asked about once: not again for the combination the trip already has.
        self._accepted_mismatch: tuple[str, str] | None = (self.trip.timezone, self.trip.destination_country) if editing else None

        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setText(_("Save") if editing else _("Create trip"))
        self.finish_layout()
        self._tab_in_reading_order()
        self.title_localized.current().setFocus()

    def _fill(self, trip: TripData) -> None:
        self.title_localized.set_value(trip.title)
        self.purpose_localized.set_value(trip.purpose)
        self.city_localized.set_value(trip.destination_city)
        self.organiser_localized.set_value(trip.organiser)
        index = self.country.findData(trip.destination_country)
        self.country.setCurrentIndex(max(index, 0))
        list_country_zones_first(self.timezone, trip.destination_country)
        self.timezone.setCurrentText(trip.timezone)
        self.status.setCurrentIndex(max(self.status.findData(trip.status.value), 0))
        self.buffer.setValue(trip.buffer_minutes)
        self.notes.setPlainText(trip.notes)

    def _tab_in_reading_order(self) -> None:
        """Tab runs down the form as it reads (each title in its three languages, …) and reaches the buttons last.

        Qt's default order is the order of creation, in which the base form's
        buttons come before every field.
        """
        chain: list[QWidget] = []
        for localized in (self.title_localized, self.purpose_localized, self.city_localized):
            chain.extend(localized.edits.values())
        chain += [self.country, self.timezone, self.first_day, self.last_day]
        chain.extend(self.organiser_localized.edits.values())
        chain += [self.status, self.buffer, self.notes]
        chain += self.buttons.buttons()
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)

    def _country_chosen(self, _index: int) -> None:
        """Offer the country's zones first and select the one that fits: the user's own if it does, else the capital's."""
        code = self.selected_country()
        if not code:
            return
        current = self.timezone.currentText().strip()
        list_country_zones_first(self.timezone, code)
        self.timezone.setCurrentText(default_zone(code, current))

    def selected_country(self) -> str:
        return str(self.country.currentData() or "")

    def record(self) -> TripData:
        return self.trip.evolve(
            title=self.title_localized.value(),
            purpose=self.purpose_localized.value(),
            destination_city=self.city_localized.value(),
            destination_country=self.selected_country(),
            timezone=self.timezone.currentText().strip(),
            first_day=self.first_day.date().toPython(),
            last_day=self.last_day.date().toPython(),
            organiser=self.organiser_localized.value(),
            status=TripStatus(self.status.currentData()),
            buffer_minutes=self.buffer.value(),
            notes=self.notes.toPlainText(),
        )

    def trip_data(self) -> TripData:
        return self.record()

    def submit(self) -> None:
        """Save, after asking about a zone that is not the country's; a question answered "no" keeps the dialog open."""
        if not self._zone_confirmed(self.record()):
            self.timezone.setFocus()
            return
        try:
            super().submit()
        except Cancelled:
            self.clear_errors()

    def _zone_confirmed(self, data: TripData) -> bool:
        try:
            data = data.validated()
        except ValidationErrors:
            return True  # the form shows the domain's messages first
        pair = (data.timezone, data.destination_country)
        if zone_fits_country(*pair) or pair == self._accepted_mismatch:
            return True
        answer = QMessageBox.question(
            self,
            _("Time zone and country"),
            _("{zone} is not a time zone of {country}. Save anyway?").format(
                zone=data.timezone, country=formatting.country_name(data.destination_country),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._accepted_mismatch = pair
        return True
