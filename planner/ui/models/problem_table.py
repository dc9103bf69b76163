"""The planning checks' findings as a table: severity, when, and what is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from planner import formatting
from planner.domain.checks.problem import Problem, Severity, sort_problems
from planner.i18n import N_
from planner.ui.icons import icon
from planner.ui.language import LanguageController
from planner.ui.models.record_table import RecordTableModel
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE

SEVERITY, WHEN, MESSAGE = range(3)
HEADERS: tuple[str, ...] = (N_("Severity"), N_("When"), N_("Problem"))
_ICONS = {Severity.ERROR: "actions/error", Severity.WARNING: "actions/warning", Severity.HINT: "actions/hint"}


class ProblemTableModel(RecordTableModel[Problem]):
    """Problems in the order the checks rank them; the trip's zone says how to show "when"."""

    HEADERS = HEADERS

    def __init__(self, language: LanguageController | None = None, parent: QObject | None = None) -> None:
        super().__init__(language, parent)
        self._timezone = "UTC"

    def set_problems(self, problems: list[Problem], timezone: str) -> None:
        self._timezone = timezone  # nothing draws between here and the reset
        self._replace_rows(sort_problems(problems))

    def problems(self) -> list[Problem]:
        return self.records()

    def problem(self, row: int) -> Problem:
        return self.record(row)

    def counts(self) -> dict[Severity, int]:
        result = dict.fromkeys(Severity, 0)
        for p in self._rows:
            result[p.severity] += 1
        return result

    def _cell(self, row: int, p: Problem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SEVERITY:  # a cell starts with a capital ("Warning"); the CLI's "warning: …" does not
                label = p.severity.label
                return label[:1].upper() + label[1:]
            if column == WHEN:
                return self._when(p)
            return p.message()
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY:
            return icon(_ICONS[p.severity])
        if role == Qt.ItemDataRole.ToolTipRole and column == MESSAGE:
            return p.message()
        if role == SORT_ROLE:
            if column == SEVERITY:
                return p.sort_key()
            if column == WHEN:
                return (p.when is None, p.when.isoformat() if p.when else "")
            return p.message().casefold()
        if role == FILTER_ROLE:
            return f"{p.severity.label} {self._when(p)} {p.message()}"
        if role == KIND_ROLE:
            return p.severity.value
        if role == OBJECT_ROLE:
            return p
        return None

    def _when(self, p: Problem) -> str:
        if p.when is None:
            return ""
        return _short_when(p, self._timezone)


def _short_when(p: Problem, timezone: str) -> str:
    """When, on the clock the message uses (the item's), with its offset named if that is not the trip's clock."""
    from planner.domain.timing import utc_to_local
    from planner.domain.zones import canonical_zone

    assert p.when is not None
    zone = p.when_zone() or timezone
    local = utc_to_local(p.when, zone)
    text = f"{formatting.short_date(local.date())} {formatting.time_of_day(local)}"
    if canonical_zone(zone) != canonical_zone(timezone):
        text = f"{text} {formatting.gmt_offset(zone, local)}"
    return text
