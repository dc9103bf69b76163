"""Creating a trip: titles in three languages, destination, zone and days, checked by the domain."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from planner import formatting
from planner.domain.entities import TripData
from planner.i18n import _
from planner.ui.widgets.form import RecordForm, four_digit_year

__all__ = ["TripDialog", "four_digit_year", "timezone_combo"]


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


class TripDialog(RecordForm):
    def __init__(self, save: Callable[[TripData], object], parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(_("New trip"))
        self.setMinimumWidth(520)
        self.title_localized = self.add_localized("title", _("Title"))
        self.city_localized = self.add_localized("destination_city", _("Destination city"))
        self.title_edits = self.title_localized.edits
        self.city_edits = self.city_localized.edits

        self.country = QComboBox(self)
        self.country.addItem("—", "")
        for code, name in formatting.countries():
            self.country.addItem(f"{name} ({code})", code)
        self.add_row("destination_country", _("Country"), self.country)

        self.timezone = timezone_combo(self, TripData().timezone)
        self.timezone.setToolTip(_("The IANA time zone of the destination, e.g. Asia/Shanghai"))
        self.add_row("timezone", _("Time zone"), self.timezone)

        today = date.today()
        self.first_day = self.date_edit(today)
        self.add_row("first_day", _("First day"), self.first_day)
        self.last_day = self.date_edit(today + timedelta(days=3))
        self.add_row("last_day", _("Last day"), self.last_day)
        for edit in (self.first_day, self.last_day):
            edit.dateChanged.connect(lambda _d: (self.clear_error("first_day"), self.clear_error("last_day")))

        self.buttons.button(self.buttons.StandardButton.Ok).setText(_("Create trip"))
        self.finish_layout()
        self.title_localized.current().setFocus()

    def record(self) -> TripData:
        return TripData(
            title=self.title_localized.value(),
            destination_city=self.city_localized.value(),
            destination_country=str(self.country.currentData() or ""),
            timezone=self.timezone.currentText().strip(),
            first_day=self.first_day.date().toPython(),
            last_day=self.last_day.date().toPython(),
        )

    def trip_data(self) -> TripData:
        return self.record()
