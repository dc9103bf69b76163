"""The right side of the main window: one trip at a glance, or what to do when there is none."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner import formatting
from planner.domain.enums import Language
from planner.i18n import _, current_language, ngettext
from planner.services.trips import TripSummary
from planner.ui.language import LANGUAGE_NAMES
from planner.ui.models.trip_table import destination_text


def _value_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TripOverview(QWidget):
    """The basic facts of the selected trip, in the interface language."""

    ROWS = ("dates", "destination", "timezone", "status", "head", "members", "items", "problems")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary: TripSummary | None = None
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
            self.form.addRow(self.captions[key], self.values[key])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.variants)
        layout.addSpacing(12)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.retranslate()

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
        self._fill()

    def _fill(self) -> None:
        s = self._summary
        if s is None:
            self.title.clear()
            self.variants.clear()
            for key, label in self.values.items():
                if key != "problems":
                    label.clear()
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
        self.values["status"].setText(trip.status.label)
        self.values["head"].setText(s.head or _("not yet named"))
        self.values["members"].setText(
            ngettext("{count} person", "{count} people", s.members).format(count=formatting.integer(s.members))
        )
        self.values["items"].setText(
            ngettext("{count} item", "{count} items", s.items).format(count=formatting.integer(s.items))
        )


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
