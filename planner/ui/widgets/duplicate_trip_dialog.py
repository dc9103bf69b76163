"""Duplicating a trip as a template: a new title and a new first day, everything else comes along.

The dialog suggests the old title marked "(copy)" in each language and the
same weekday a year (52 weeks) later, and says before anything is written
what the copy will hold and by how much the programme moves. The service
judges the input; its messages appear next to the title or the first day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtWidgets import QLabel, QWidget

from planner import formatting
from planner.domain.entities import TripData
from planner.domain.localized import LocalizedText
from planner.i18n import _, current_language, ngettext
from planner.services.base import Change
from planner.services.trip_copy import copy_title, day_shift, duplicate_trip
from planner.services.trips import TripSummary
from planner.ui.undo import UndoHistory
from planner.ui.widgets.form import RecordForm

#: The suggested first day: the same weekday a year later, as yearly visits are planned.
DEFAULT_SHIFT = timedelta(weeks=52)


class CopyRequest(NamedTuple):
    title: LocalizedText
    first_day: date | None


class DuplicateTripDialog(RecordForm):
    """Asks for the copy's title and first day; `save(CopyRequest)` makes the copy."""

    def __init__(self, summary: TripSummary, save: Callable[[CopyRequest], object], parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.original: TripData = summary.trip
        assert self.original.first_day is not None and self.original.last_day is not None
        self.setWindowTitle(_("Duplicate trip"))
        self.setMinimumWidth(680)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            _("The copy gets the delegation (roles and order of precedence) and the programme: the same venues, "
              "participants and local times, moved by the same number of days. It starts as a draft.")
        )
        self.grid.addWidget(self.intro, self._row, 0, 1, 3)
        self._row += 1
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setText(_("{title}: {dates}; {members}, {items}").format(
            title=self.original.title.text(current_language()),
            dates=formatting.date_range(self.original.first_day, self.original.last_day),
            members=ngettext("{n} member", "{n} members", summary.members).format(n=summary.members),
            items=ngettext("{n} item", "{n} items", summary.items).format(n=summary.items),
        ))
        self.grid.addWidget(QLabel(_("Original"), self), self._row, 0)
        self.grid.addWidget(self.source, self._row, 1, 1, 2)
        self._row += 1

        self.title_localized = self.add_localized("title", _("Title"))
        self.title_localized.set_value(copy_title(self.original.title))
        self.first_day = self.date_edit(self.original.first_day + DEFAULT_SHIFT, "first_day")
        self.add_row("first_day", _("First day"), self.first_day)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.grid.addWidget(self.outcome, self._row, 1, 1, 2)
        self._row += 1
        self.first_day.dateChanged.connect(lambda _d: self._show_outcome())

        self.buttons.button(self.buttons.StandardButton.Ok).setText(_("Duplicate trip"))
        self.finish_layout()
        self._show_outcome()
        self.title_localized.current().setFocus()

    def record(self) -> CopyRequest:
        return CopyRequest(self.title_localized.value(), self.first_day.date().toPython())

    def _show_outcome(self) -> None:
        """The copy's dates and how far the programme moves, as the day is chosen."""
        original = self.original
        assert original.first_day is not None and original.last_day is not None
        first = self.first_day.date().toPython()
        try:
            last = first + (original.last_day - original.first_day)
        except OverflowError:
            self.outcome.setText("")
            return
        days = day_shift(original.first_day, first)
        dates = formatting.date_range(first, last)
        if days > 0:
            moved = ngettext("the programme moves {n} day later", "the programme moves {n} days later", days).format(n=days)
        elif days < 0:
            moved = ngettext("the programme moves {n} day earlier", "the programme moves {n} days earlier", -days).format(n=-days)
        else:
            moved = _("the programme stays on the same days")
        self.outcome.setText(_("New dates: {dates}; {moved}.").format(dates=dates, moved=moved))


def duplicate_with_dialog(parent: QWidget, history: UndoHistory, summary: TripSummary) -> int | None:
    """Ask for the copy's title and first day, make it as one undoable step; the new trip's id, or None."""
    if summary.trip.id is None:
        return None
    trip_id, db = summary.trip.id, history.db
    name = summary.trip.title.text(current_language())

    def save(request: CopyRequest) -> Change:
        change = duplicate_trip(db, trip_id, title=request.title, first_day=request.first_day)
        return history.record(_("Duplicate trip “{title}”").format(title=name), change)

    dialog = DuplicateTripDialog(summary, save, parent)
    if dialog.exec() != DuplicateTripDialog.DialogCode.Accepted or not isinstance(dialog.result_value, Change):
        return None
    return dialog.result_value.id
