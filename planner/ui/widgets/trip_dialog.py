"""Creating a trip: titles in three languages, destination, zone and days, checked by the domain.

The dialog does not judge the input itself: it hands a TripData to the save
function (a service call) and shows each ValidationError next to the field it
names, so the rules and their wording stay in planner.domain.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner import formatting
from planner.domain.entities import TripData
from planner.domain.enums import Language
from planner.domain.errors import PlannerError, ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.i18n import _, current_language
from planner.ui.language import LANGUAGE_NAMES

ERROR_STYLE = "color: #b00020;"
#: Fields that have their own message line; errors for any other field show at the bottom.
FIELDS = ("title", "destination_city", "destination_country", "timezone", "first_day", "last_day")


class TripDialog(QDialog):
    def __init__(self, save: Callable[[TripData], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.result_value: object = None
        self.setWindowTitle(_("New trip"))
        self.setMinimumWidth(520)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.errors: dict[str, QLabel] = {}
        row = 0

        self.title_edits, row = self._localized_rows(grid, row, "title", _("Title"))
        self.city_edits, row = self._localized_rows(grid, row, "destination_city", _("Destination city"))

        self.country = QComboBox(self)
        self.country.addItem("—", "")
        for code, name in formatting.countries():
            self.country.addItem(f"{name} ({code})", code)
        row = self._single_row(grid, row, "destination_country", _("Country"), self.country)

        self.timezone = QComboBox(self)
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.addItems(sorted(available_timezones()))
        completer = QCompleter(self.timezone.model(), self.timezone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.timezone.setCompleter(completer)
        self.timezone.setCurrentText(TripData().timezone)
        self.timezone.setToolTip(_("The IANA time zone of the destination, e.g. Asia/Shanghai"))
        row = self._single_row(grid, row, "timezone", _("Time zone"), self.timezone)

        today = date.today()
        self.first_day = self._date_edit(today)
        row = self._single_row(grid, row, "first_day", _("First day"), self.first_day)
        self.last_day = self._date_edit(today + timedelta(days=3))
        row = self._single_row(grid, row, "last_day", _("Last day"), self.last_day)

        self.general_error = self._error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create trip"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.title_edits[Language(current_language())].setFocus()

    # --- building ----------------------------------------------------------------------

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _localized_rows(self, grid: QGridLayout, row: int, field: str, caption: str) -> tuple[dict[Language, QLineEdit], int]:
        edits: dict[Language, QLineEdit] = {}
        for offset, lang in enumerate(Language):
            edit = QLineEdit(self)
            edit.setObjectName(f"{field}_{lang.value}")
            edit.textEdited.connect(lambda _text, f=field: self._clear_error(f))
            edits[lang] = edit
            if offset == 0:
                grid.addWidget(self._caption(caption, edit), row, 0)
            grid.addWidget(QLabel(LANGUAGE_NAMES[lang.value], self), row, 1)
            grid.addWidget(edit, row, 2)
            row += 1
        self.errors[field] = self._error_label()
        grid.addWidget(self.errors[field], row, 1, 1, 2)
        return edits, row + 1

    def _single_row(self, grid: QGridLayout, row: int, field: str, caption: str, widget: QWidget) -> int:
        grid.addWidget(self._caption(caption, widget), row, 0)
        grid.addWidget(widget, row, 1, 1, 2)
        self.errors[field] = self._error_label()
        grid.addWidget(self.errors[field], row + 1, 1, 1, 2)
        return row + 2

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(four_digit_year(QLocale().dateFormat(QLocale.FormatType.ShortFormat)))
        edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek(formatting.first_day_of_week() + 1))
        edit.dateChanged.connect(lambda _d: (self._clear_error("first_day"), self._clear_error("last_day")))
        return edit

    # --- input and output --------------------------------------------------------------

    def trip_data(self) -> TripData:
        def localized(edits: dict[Language, QLineEdit]) -> LocalizedText:
            return LocalizedText.from_mapping({lang.value: edit.text() for lang, edit in edits.items()})

        return TripData(
            title=localized(self.title_edits),
            destination_city=localized(self.city_edits),
            destination_country=str(self.country.currentData() or ""),
            timezone=self.timezone.currentText().strip(),
            first_day=self.first_day.date().toPython(),
            last_day=self.last_day.date().toPython(),
        )

    def submit(self) -> None:
        """Save through the service; stay open and mark every problem if it refuses."""
        self.clear_errors()
        try:
            self.result_value = self._save(self.trip_data())
        except ValidationErrors as many:
            self.show_errors(many.errors)
            return
        except ValidationError as error:
            self.show_errors([error])
            return
        except PlannerError as error:
            self._show(self.general_error, error.message())
            return
        self.accept()

    def show_errors(self, errors: list[ValidationError]) -> None:
        by_field: dict[str, list[str]] = {}
        for error in errors:
            key = error.field if error.field in self.errors else ""
            by_field.setdefault(key, []).append(error.message())
        for key, messages in by_field.items():
            self._show(self.errors[key] if key else self.general_error, "\n".join(messages))
        first = next((key for key in FIELDS if key in by_field), None)
        if first is not None:
            self._field_widget(first).setFocus()

    def error_text(self, field: str) -> str:
        label = self.errors.get(field, self.general_error)
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.clear()
            label.hide()

    def _clear_error(self, field: str) -> None:
        if field in self.errors:
            self.errors[field].clear()
            self.errors[field].hide()

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()

    def _field_widget(self, field: str) -> QWidget:
        widgets: dict[str, QWidget] = {
            "title": self.title_edits[Language(current_language())],
            "destination_city": self.city_edits[Language(current_language())],
            "destination_country": self.country,
            "timezone": self.timezone,
            "first_day": self.first_day,
            "last_day": self.last_day,
        }
        return widgets[field]


def four_digit_year(qt_format: str) -> str:
    """The locale's short date format with the full year: "dd.MM.yy" would make 2016 and 1916 alike."""
    if "yyyy" in qt_format:
        return qt_format
    return qt_format.replace("yy", "yyyy")
