"""The trips of the open database as a table: one row per trip, the figures the navigator shows.

At start-up the model is first given the rows read without SQLAlchemy
(planner.db.trip_list) and no database; the window gives it the database once
that is open (`set_database`). So this module imports no services at import time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from planner import formatting
from planner.domain.enums import TripStatus
from planner.domain.summaries import TripSummary
from planner.i18n import N_, _, current_language
from planner.ui.language import LanguageController
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE

if TYPE_CHECKING:
    from planner.db.engine import Database

AnyIndex = QModelIndex | QPersistentModelIndex

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


class TripTableModel(QAbstractTableModel):
    def __init__(
        self, db: Database | None, language: LanguageController | None = None, parent: QObject | None = None, *,
        rows: Sequence[TripSummary] = (),
    ) -> None:
        """On `db` (read now), or without one on `rows` read elsewhere until `set_database`."""
        super().__init__(parent)
        self._db = db
        self._rows: list[TripSummary] = list(rows)
        if language is not None:
            language.languageChanged.connect(self.retranslate)
        if db is not None:
            self.reload()

    # --- loading -----------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self._db = db
        self.reload()

    def reload(self) -> None:
        """Read the trips again, e.g. after a change or when another database was opened."""
        from planner.services.trips import list_trips

        if self._db is None:
            return
        rows = list_trips(self._db)  # read first: a read that fails leaves the model as it was
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def retranslate(self, _language: str = "") -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1))

    def summary(self, row: int) -> TripSummary:
        return self._rows[row]

    def row_of(self, trip_id: int) -> int:
        """The row of a trip, or -1."""
        return next((i for i, s in enumerate(self._rows) if s.trip.id == trip_id), -1)

    # --- the model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _(HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary, column = self._rows[index.row()], index.column()
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
            text = summary.trip.title if column == TITLE else summary.trip.destination_city
            return "\n".join(v for v in (text.de, text.zh, text.en) if v) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
            return " ".join((trip.title.de, trip.title.zh, trip.title.en))
        if column == DESTINATION:
            city = trip.destination_city
            return " ".join((city.de, city.zh, city.en, trip.destination_country, formatting.country_name(trip.destination_country)))
        return self._display(s, column)


def destination_text(summary: TripSummary, language: str) -> str:
    """The city and its country as the language writes them: "Shenzhen, China", "中国深圳"."""
    trip = summary.trip
    return formatting.place_name(trip.destination_city.text(language), trip.destination_country, language)
