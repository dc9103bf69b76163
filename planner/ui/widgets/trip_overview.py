"""The right side of the main window: one trip at a glance, or what to do when there is none.

The facts come with the two things a planner changes most: the details (the
"Edit trip details…" button beside the title) and the status, shown as a
badge with the next step of the workflow as a button (draft → confirmed →
done) and every status in a menu beside it (cancelled, or back to draft).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QMenu, QPushButton, QStyle, QToolButton, QVBoxLayout, QWidget

from planner import formatting
from planner.domain.enums import Language, TripStatus
from planner.i18n import _, current_language, ngettext
from planner.domain.summaries import TripSummary
from planner.ui.language import LANGUAGE_NAMES
from planner.ui.models.trip_table import destination_text


#: The badge's colours per status (text, background): amber for a draft, green once confirmed.
STATUS_COLOURS: dict[TripStatus, tuple[str, str]] = {
    TripStatus.DRAFT: ("#6d4c00", "#ffe9a8"),
    TripStatus.CONFIRMED: ("#1b5e20", "#c8e6c9"),
    TripStatus.DONE: ("#37474f", "#e0e6ea"),
    TripStatus.CANCELLED: ("#8e0014", "#fbd3d7"),
}

#: The next step of the workflow from each status, if there is an obvious one.
NEXT_STATUS: dict[TripStatus, TripStatus] = {TripStatus.DRAFT: TripStatus.CONFIRMED, TripStatus.CONFIRMED: TripStatus.DONE}


class _MenuButton(QToolButton):
    """A tool button that opens its menu, wide enough for its text and the menu's arrow.

    Qt sizes an InstantPopup tool button for its text alone and draws the arrow
    in its corner, over the last letter ("Status ändern", "Change status").
    """

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width() + self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, self), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()


def _value_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TripOverview(QWidget):
    """The basic facts of the selected trip, in the interface language.

    Emits `editRequested()` for the details dialog and `statusRequested(str)`
    with a TripStatus value; the page carries them out (undoably).
    """

    ROWS = ("dates", "destination", "timezone", "status", "head", "members", "items", "problems")

    editRequested = Signal()
    statusRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary: TripSummary | None = None
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("edit_trip_details")
        self.edit_button.clicked.connect(self.editRequested)
        self.next_status_button = QPushButton(self)
        self.next_status_button.setObjectName("next_status")
        self.next_status_button.clicked.connect(self._next_status)
        self.status_menu = QMenu(self)
        self.status_group = QActionGroup(self)
        self.status_actions: dict[TripStatus, QAction] = {}
        for status in TripStatus:
            action = self.status_menu.addAction("")
            action.setCheckable(True)
            action.setActionGroup(self.status_group)
            action.triggered.connect(lambda _checked=False, v=status.value: self.statusRequested.emit(v))
            self.status_actions[status] = action
        self.status_button = _MenuButton(self)
        self.status_button.setObjectName("change_status")
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button.setMenu(self.status_menu)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.variants = QLabel(self)
        self.variants.setWordWrap(True)
        self.variants.setTextFormat(Qt.TextFormat.PlainText)
        self.variants.setEnabled(False)  # greyed: the other languages' titles are secondary
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in self.ROWS:
            self.captions[key] = QLabel(self)
            self.values[key] = _value_label(self)
            if key == "status":
                self.form.addRow(self.captions[key], self._status_row())
            else:
                self.form.addRow(self.captions[key], self.values[key])
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.variants)
        layout.addSpacing(12)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.retranslate()

    def _status_row(self) -> QWidget:
        """The badge, the next step and the menu of every status, side by side."""
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        badge = self.values["status"]
        badge.setWordWrap(False)
        badge.setObjectName("status_badge")
        badge.setParent(row)
        box.addWidget(badge)
        box.addSpacing(8)
        for button in (self.next_status_button, self.status_button):
            button.setParent(row)
            box.addWidget(button)
        box.addStretch(1)
        return row

    def _next_status(self) -> None:
        s = self._summary
        if s is not None and s.trip.status in NEXT_STATUS:
            self.statusRequested.emit(NEXT_STATUS[s.trip.status].value)

    def summary(self) -> TripSummary | None:
        return self._summary

    def show_trip(self, summary: TripSummary | None) -> None:
        self._summary = summary
        self._fill()

    def show_problems(self, text: str) -> None:
        """The planning checks' counts, e.g. "1 error, 4 warnings" (from the Problems panel)."""
        self.values["problems"].setText(text)

    def retranslate(self, _language: str = "") -> None:
        captions = {
            "dates": _("Dates"),
            "destination": _("Destination"),
            "timezone": _("Time zone"),
            "status": _("Status"),
            "head": _("Head of delegation"),
            "members": _("Delegation"),
            "items": _("Programme"),
            "problems": _("Open problems"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text + ":")
        self.edit_button.setText(_("Edit trip de&tails…"))
        self.edit_button.setToolTip(_("Title, purpose, destination, dates, time zone, organiser, status and notes"))
        self.status_button.setText(_("Change &status"))
        self.status_button.setToolTip(_("Set any status: draft, confirmed, done or cancelled"))
        for status, action in self.status_actions.items():
            action.setText(status.label)
        self._fill()

    def _fill(self) -> None:
        s = self._summary
        self.edit_button.setEnabled(s is not None)
        self.status_button.setEnabled(s is not None)
        if s is None:
            self.title.clear()
            self.variants.clear()
            for key, label in self.values.items():
                if key != "problems":
                    label.clear()
            self.values["status"].setStyleSheet("")
            self.next_status_button.hide()
            return
        trip, lang = s.trip, current_language()
        self.title.setText(trip.title.text(lang))
        self.variants.setText(
            "\n".join(
                f"{LANGUAGE_NAMES[other.value]}: {trip.title.get(other)}"
                for other in Language
                if other.value != lang and trip.title.get(other)
            )
        )
        days = len(trip.days)
        if trip.first_day and trip.last_day:
            self.values["dates"].setText(
                formatting.date_range(trip.first_day, trip.last_day)
                + " · "
                + ngettext("{count} day", "{count} days", days).format(count=formatting.integer(days))
            )
        else:
            self.values["dates"].clear()
        self.values["destination"].setText(destination_text(s, lang) or _("not set"))
        at = trip.first_day
        zone = formatting.zone_name(trip.timezone, at) if at else formatting.zone_name(trip.timezone)
        offset = f" ({formatting.gmt_offset(trip.timezone, at)})" if at else ""
        self.values["timezone"].setText(f"{zone}{offset} · {trip.timezone}")
        self._show_status(trip.status)
        self.values["head"].setText(s.head or _("not yet named"))
        self.values["members"].setText(
            ngettext("{count} person", "{count} people", s.members).format(count=formatting.integer(s.members))
        )
        self.values["items"].setText(
            ngettext("{count} item", "{count} items", s.items).format(count=formatting.integer(s.items))
        )


    def _show_status(self, status: TripStatus) -> None:
        fg, bg = STATUS_COLOURS[status]
        badge = self.values["status"]
        badge.setText(status.label)
        badge.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; border-radius: 4px; padding: 2px 8px; font-weight: bold; }}")
        self.status_actions[status].setChecked(True)
        step = NEXT_STATUS.get(status)
        self.next_status_button.setVisible(step is not None)
        if step is TripStatus.CONFIRMED:
            self.next_status_button.setText(_("&Confirm trip"))
        elif step is TripStatus.DONE:
            self.next_status_button.setText(_("Mark as &done"))


class EmptyState(QWidget):
    """Shown while the database holds no trip: says what to do and offers the two ways."""

    newRequested = Signal()
    demoRequested = Signal()

    def __init__(self, demo_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.newRequested)
        self.demo_button = QPushButton(self)
        self.demo_button.clicked.connect(self.demoRequested)
        self.demo_button.setVisible(demo_available)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self._demo_available = demo_available
        self.retranslate()

    def retranslate(self, _language: str = "") -> None:
        if self._demo_available:
            self.message.setText(_("No trips yet: create one, or load the demo."))
        else:
            self.message.setText(_("No trips yet: create the first one."))
        self.new_button.setText(_("New trip…"))
        self.demo_button.setText(_("Load the demo trips"))
