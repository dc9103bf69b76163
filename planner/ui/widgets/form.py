"""A dialog that edits one record and shows the domain's messages next to each field.

The form does not judge input itself: it hands a record to a save function (a
service call) and shows each ValidationError beside the field it names, so the
rules and their wording stay in planner.domain. Subclasses add rows and build
the record; everything about errors, focus and saving lives here once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeySequence, QPalette, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner import formatting
from planner.domain.enums import Language
from planner.domain.errors import ConnectionLostError, PlannerError, ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.i18n import _, current_language
from planner.ui.language import LANGUAGE_NAMES
from planner.ui.widgets.form_keys import HINT_PROPERTY, focus_next_in_reading_order, prepare_keyboard

ERROR_STYLE = "color: #b00020;"
#: The tint of a variant still to be translated.
MISSING_COLOR = QColor("#fff8e1")


class StartShowingLineEdit(QLineEdit):
    """A line edit that, when focus selects all of a long text, shows the text's beginning.

    Qt selects the whole text on focus and puts the cursor at its end, so a
    title longer than its box showed "…der Kreativwirtschaft Hannover nach
    Shenzhen" when a form opened. The selection stays whole (typing replaces
    it); only the cursor goes to the start.
    """

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        text = self.text()
        if text and self.selectedText() == text:
            self.setSelection(len(text), -len(text))


class LocalizedEdits:
    """The German, Chinese and English variants of one multilingual field.

    An empty variant is tinted, with a tooltip, so the planner sees at a glance
    which translations are still missing before anything is printed.
    """

    def __init__(self, parent: QWidget, field: str, multiline: bool = False) -> None:
        self.field = field
        self.edits: dict[Language, QLineEdit | QPlainTextEdit] = {}
        for lang in Language:
            edit: QLineEdit | QPlainTextEdit
            if multiline:
                edit = QPlainTextEdit(parent)
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
                edit.textChanged.connect(self._mark_missing)
            else:
                edit = StartShowingLineEdit(parent)
                edit.textChanged.connect(self._mark_missing)
            edit.setObjectName(f"{field}_{lang.value}")
            self.edits[lang] = edit
        self._mark_missing()

    def value(self) -> LocalizedText:
        return LocalizedText.from_mapping({lang.value: _text_of(edit) for lang, edit in self.edits.items()})

    def set_value(self, value: LocalizedText) -> None:
        for lang, edit in self.edits.items():
            if isinstance(edit, QLineEdit):
                edit.setText(value.get(lang))
                edit.setCursorPosition(0)  # a long text shows its beginning, not its end ("…unkt 16:00 Uhr am Gruppen-Check-in")
            else:
                edit.setPlainText(value.get(lang))
        self._mark_missing()

    def current(self) -> QWidget:
        return self.edits[Language(current_language())]

    def _mark_missing(self) -> None:
        values = {lang: _text_of(edit) for lang, edit in self.edits.items()}
        any_text = any(values.values())
        for lang, edit in self.edits.items():
            missing = any_text and not values[lang]
            # The palette, not a style sheet: clearing a sheet leaves a multi-line box's inside unpainted
            # (its viewport stops filling its background), and a filled-in variant then looked disabled.
            palette = edit.palette()
            palette.setColor(QPalette.ColorRole.Base, MISSING_COLOR if missing else QApplication.palette(edit).color(QPalette.ColorRole.Base))
            edit.setPalette(palette)
            edit.setToolTip(_("The {language} text is missing.").format(language=lang.label) if missing else "")


def _text_of(edit: QLineEdit | QPlainTextEdit) -> str:
    return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()


def four_digit_year(qt_format: str) -> str:
    """The locale's short date format with the full year: "dd.MM.yy" would make 2016 and 1916 alike."""
    if "yyyy" in qt_format:
        return qt_format
    return qt_format.replace("yy", "yyyy")


#: The keys of "Save and new": Return as on the OK button, with Ctrl+Shift so it never saves by accident.
SAVE_AND_NEW_KEYS = ("Ctrl+Shift+Return", "Ctrl+Shift+Enter")
#: OK from anywhere in the form: in a multi-line box (a description, notes) Return starts a new line.
OK_KEYS = ("Ctrl+Return", "Ctrl+Enter")


class RecordForm(QDialog):
    """Base of every edit dialog: rows with captions and error lines, and saving."""

    #: A record was saved with "Save and new" and the form was cleared for the next one (the saved value).
    savedAndCleared = Signal(object)

    def __init__(self, save: Callable[[Any], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.result_value: object = None
        #: Everything this dialog saved, in order: one value per "Save and new", then the last OK.
        self.saved_values: list[object] = []
        #: The record as it was handed to the save function the last time it was accepted.
        self.saved_record: Any = None
        self.save_new_button: QPushButton | None = None
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self._row = 0
        self.errors: dict[str, QLabel] = {}
        self.field_widgets: dict[str, Callable[[], QWidget]] = {}
        self.field_order: list[str] = []
        self.general_error = self._error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setToolTip(_("Save and close ({keys})").format(keys=QKeySequence(OK_KEYS[0]).toString(QKeySequence.SequenceFormat.NativeText)))
        for key in OK_KEYS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._ok_by_key)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.grid)

    def finish_layout(self) -> None:
        """Call after the rows are added: puts the message line and the buttons below them."""
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(self.buttons)

    def _ok_by_key(self) -> None:
        """Ctrl+Return: as a click on OK, when OK can be clicked."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None and ok.isVisible() and ok.isEnabled():
            ok.click()

    # --- rows -------------------------------------------------------------------------

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _caption(self, text: str, buddy: QWidget, field: str = "") -> QLabel:
        """A row's caption; its Alt key is chosen when the form is shown (see form_keys)."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        label.setProperty(HINT_PROPERTY, field)
        return label

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """An Alt key per caption, chosen once every row is in place; never narrower than the rows need.

        A form's own minimum width (setMinimumWidth) replaces its layout's, so
        in a longer language buttons and check boxes were squeezed and cut.
        """
        prepare_keyboard(self)
        needed = self.layout_.totalMinimumSize()
        self.setMinimumSize(self.minimumSize().expandedTo(needed))
        self.resize(self.size().expandedTo(self.minimumSize()))
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Never lower than the wrapped lines need at this width (Qt's minimum counts them on one line)."""
        super().resizeEvent(event)
        if self.layout_.hasHeightForWidth():
            needed = max(self.layout_.totalMinimumSize().height(), self.layout_.minimumHeightForWidth(self.width()))
            if needed != self.minimumHeight():
                self.setMinimumHeight(needed)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        """Tab and Shift+Tab go through the fields in the order they are read, whatever order they were made in."""
        return focus_next_in_reading_order(self, next) or super().focusNextPrevChild(next)

    def add_localized(self, field: str, caption: str, multiline: bool = False) -> LocalizedEdits:
        edits = LocalizedEdits(self, field, multiline)
        for offset, (lang, edit) in enumerate(edits.edits.items()):
            if offset == 0:  # Alt+letter goes to the variant in the interface language
                self.grid.addWidget(self._caption(caption, edits.current(), field), self._row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(QLabel(LANGUAGE_NAMES[lang.value], self), self._row, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(edit, self._row, 2)
            signal = edit.textEdited if isinstance(edit, QLineEdit) else edit.textChanged
            signal.connect(lambda *_a, f=field: self.clear_error(f))
            self._row += 1
        self._add_error_line(field, edits.current)
        return edits

    def add_row(self, field: str, caption: str, widget: QWidget) -> QWidget:
        self.grid.addWidget(self._caption(caption, widget, field), self._row, 0)
        self.grid.addWidget(widget, self._row, 1, 1, 2)
        self._row += 1
        self._add_error_line(field, lambda: widget)
        return widget

    def _add_error_line(self, field: str, widget: Callable[[], QWidget]) -> None:
        self.errors[field] = self._error_label()
        self.grid.addWidget(self.errors[field], self._row, 1, 1, 2)
        self.field_widgets[field] = widget
        self.field_order.append(field)
        self._row += 1

    def date_edit(self, value: date | None, field: str | None = None) -> QDateEdit:
        day = value or date.today()
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(four_digit_year(QLocale().dateFormat(QLocale.FormatType.ShortFormat)))
        edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek(formatting.first_day_of_week() + 1))
        if field is not None:
            edit.dateChanged.connect(lambda _d: self.clear_error(field))
        return edit

    # --- saving and messages ------------------------------------------------------------

    def record(self) -> Any:
        """The record as the user has entered it (subclasses build it)."""
        raise NotImplementedError

    def submit(self) -> None:
        """Save through the service; stay open and mark every problem if it refuses."""
        if self._save_record():
            self.accept()

    def _save_record(self) -> bool:
        """Hand the record to the save function; True if it was saved, else the problems are shown."""
        self.clear_errors()
        try:
            record = self.record()
            self.result_value = self._save(record)
        except ValidationErrors as many:
            self.show_errors(many.errors)
            return False
        except ValidationError as error:
            self.show_errors([error])
            return False
        except PlannerError as error:
            self._show(self.general_error, error.message())
            if isinstance(error, ConnectionLostError):  # the form stays open with its input; the window reconnects
                from planner.ui.reconnect import report_lost

                report_lost(self, error)
            return False
        self.saved_record = record
        self.saved_values.append(self.result_value)
        return True

    # --- save and new ---------------------------------------------------------------------

    def enable_save_and_new(self) -> None:
        """Offer "Save and new" (Ctrl+Shift+Return) for entering several records in a row.

        It saves like OK (one service call, so one undo step per record) but
        keeps the dialog open and lets the subclass clear it for the next
        record in `prepare_next`, keeping what the next one most likely shares.
        """
        if self.save_new_button is not None:
            return
        self.save_new_button = self.buttons.addButton(_("Save and &new"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_new_button.setObjectName("save_and_new")
        keys = QKeySequence(SAVE_AND_NEW_KEYS[0]).toString(QKeySequence.SequenceFormat.NativeText)
        self.save_new_button.setToolTip(_("Save this record and start the next one ({keys})").format(keys=keys))
        self.save_new_button.setAutoDefault(False)
        self.save_new_button.clicked.connect(self.submit_and_new)
        for key in SAVE_AND_NEW_KEYS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.submit_and_new)

    def submit_and_new(self) -> bool:
        """Save, then clear the form for the next record; True if saved (else the form shows why)."""
        if not self._save_record():
            return False
        self.prepare_next(self.saved_record)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:  # what is saved stays saved: the way out no longer cancels anything
            cancel.setText(_("Close"))
        self.savedAndCleared.emit(self.result_value)
        return True

    def prepare_next(self, saved: Any) -> None:
        """Clear the form for the next record after `saved` (the record just saved); subclasses that offer Save and new override it."""
        raise NotImplementedError

    def show_errors(self, errors: list[ValidationError]) -> None:
        by_field: dict[str, list[str]] = {}
        for error in errors:
            key = error.field if error.field in self.errors else ""
            by_field.setdefault(key, []).append(error.message())
        for key, messages in by_field.items():
            self._show(self.errors[key] if key else self.general_error, "\n".join(messages))
        first = next((key for key in self.field_order if key in by_field), None)
        if first is not None:
            self.field_widgets[first]().setFocus()

    def error_text(self, field: str) -> str:
        label = self.errors.get(field, self.general_error)
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.clear()
            label.hide()

    def clear_error(self, field: str) -> None:
        if field in self.errors:
            self.errors[field].clear()
            self.errors[field].hide()

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()
