"""The trips of the open database as a table: one row per trip, the figures the navigator shows.

At start-up the model is first given the rows read without SQLAlchemy
(planner.db.trip_list) and no database; the window gives it the database once
that is open (`set_database`). So this module imports no services at import time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from planner import formatting
from planner.domain.enums import TripStatus
from planner.domain.summaries import TripSummary
from planner.i18n import N_, current_language
from planner.ui.models.record_table import DatabaseTableModel, all_languages, all_languages_tooltip
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE

TITLE, DESTINATION, DATES, STATUS, MEMBERS, ITEMS, HEAD = range(7)
HEADERS: tuple[str, ...] = (
    N_("Title"),
    N_("Destination"),
    N_("Dates"),
    N_("Status"),
    N_("Members"),
    N_("Items"),
    N_("Head of delegation"),
)
_STATUS_ORDER = {status: index for index, status in enumerate(TripStatus)}
_NUMERIC = (MEMBERS, ITEMS)


class TripTableModel(DatabaseTableModel[TripSummary]):
    HEADERS = HEADERS
    RIGHT_ALIGNED = frozenset(_NUMERIC)

    def _read(self) -> list[TripSummary]:
        from planner.services.trips import list_trips

        return list_trips(self.db)

    def summary(self, row: int) -> TripSummary:
        return self.record(row)

    def _record_id(self, record: TripSummary) -> int | None:
        return record.trip.id

    def _cell(self, row: int, summary: TripSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == SORT_ROLE:
            return self._sort_value(summary, column)
        if role == FILTER_ROLE:
            return self._filter_text(summary, column)
        if role == OBJECT_ROLE:
            return summary
        if role == KIND_ROLE:
            return summary.trip.status.value
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, DESTINATION):
            return all_languages_tooltip(summary.trip.title if column == TITLE else summary.trip.destination_city)
        return None

    def _display(self, s: TripSummary, column: int) -> str:
        trip, lang = s.trip, current_language()
        if column == TITLE:
            return trip.title.text(lang)
        if column == DESTINATION:
            return destination_text(s, lang)
        if column == DATES:
            return formatting.date_range(trip.first_day, trip.last_day) if trip.first_day and trip.last_day else ""
        if column == STATUS:
            return trip.status.label
        if column == MEMBERS:
            return formatting.integer(s.members)
        if column == ITEMS:
            return formatting.integer(s.items)
        return s.head

    def _sort_value(self, s: TripSummary, column: int) -> Any:
        if column in (TITLE, DESTINATION, HEAD):
            return formatting.sort_key(self._display(s, column))
        if column == DATES:
            return (s.trip.first_day.toordinal() if s.trip.first_day else 0, s.trip.last_day.toordinal() if s.trip.last_day else 0)
        if column == STATUS:
            return _STATUS_ORDER[s.trip.status]
        return s.members if column == MEMBERS else s.items

    def _filter_text(self, s: TripSummary, column: int) -> str:
        trip = s.trip
        if column == TITLE:
            return all_languages(trip.title)
        if column == DESTINATION:
            city = trip.destination_city
            return " ".join((city.de, city.zh, city.en, trip.destination_country, formatting.country_name(trip.destination_country)))
        return self._display(s, column)


def destination_text(summary: TripSummary, language: str) -> str:
    """The city and its country as the language writes them: "Shenzhen, China", "中国深圳"."""
    trip = summary.trip
    return formatting.place_name(trip.destination_city.text(language), trip.destination_country, language)
