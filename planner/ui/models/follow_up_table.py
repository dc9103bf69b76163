"""A trip's follow-ups as a table: task, who, due, status, where it was agreed — open ones first."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from planner import formatting
from planner.domain.briefing import FollowUpData, FollowUpStatus
from planner.i18n import N_, _, current_language
from planner.ui.models.record_table import AnyIndex, RecordTableModel
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE


TASK, WHO, DUE, STATUS, AGREED = range(5)
HEADERS: tuple[str, ...] = (N_("Task"), N_("Who"), N_("Due"), N_("Status"), N_("Agreed at"))
_STATUS_ORDER = {status: index for index, status in enumerate(FollowUpStatus)}
#: An open task past its due date.
OVERDUE = QColor("#b3261e")


class FollowUpTableModel(RecordTableModel[FollowUpData]):
    """Rows of FollowUpData; `names` gives the names of the people named by id (members, hosts)."""

    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(None, parent)
        self._names: dict[int, str] = {}
        self._today = today

    def set_rows(self, rows: list[FollowUpData], names: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._names = dict(names)
        self.endResetModel()

    def follow_up(self, row: int) -> FollowUpData:
        return self._rows[row]

    def who(self, f: FollowUpData) -> str:
        if f.who_person_id is not None:
            return self._names.get(f.who_person_id, "")
        return f.who

    def overdue(self, f: FollowUpData) -> bool:
        today = self._today or date.today()
        return f.is_open and f.due is not None and f.due < today

    # --- the model ---------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        f, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(f, column)
        if role == SORT_ROLE:
            return self._sort_value(f, column)
        if role == FILTER_ROLE:
            if column == TASK:
                return " ".join(v for v in (f.what.de, f.what.zh, f.what.en) if v)
            return self._display(f, column)
        if role == OBJECT_ROLE:
            return f
        if role == KIND_ROLE:
            return FollowUpStatus(f.status).value
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE and self.overdue(f):
            return OVERDUE
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DUE and self.overdue(f):
                return _("Overdue")
            if column == TASK:
                return f.what.text(current_language()) or None
        return None

    def _display(self, f: FollowUpData, column: int) -> str:
        lang = current_language()
        if column == TASK:
            return f.what.text(lang).replace("\n", " ")
        if column == WHO:
            return self.who(f)
        if column == DUE:
            return formatting.short_date(f.due) if f.due is not None else ""
        if column == STATUS:
            return FollowUpStatus(f.status).label
        origin = f.origin.text(lang)
        if f.agreed_on is not None:
            day = formatting.short_date(f.agreed_on)
            return f"{origin} ({day})" if origin else day
        return origin

    def _sort_value(self, f: FollowUpData, column: int) -> Any:
        if column == DUE:
            return f.due.toordinal() if f.due is not None else date.max.toordinal()
        if column == STATUS:
            return _STATUS_ORDER[FollowUpStatus(f.status)]
        return formatting.sort_key(self._display(f, column))
