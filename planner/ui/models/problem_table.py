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
        # The worded "when" and message by problem: the panel sizes its columns to the contents, which asks
        # every row; after an edit nearly all problems are the same objects as before and keep their words.
        self._words: dict[int, tuple[Problem, str, str]] = {}
        self._timezone = "UTC"
        super().__init__(language, parent)

    def set_problems(self, problems: list[Problem], timezone: str) -> None:
        rows = sort_problems(problems)
        if timezone != self._timezone:
            self._words.clear()
        self._timezone = timezone  # nothing draws between here and the reset
        words = self._words
        self._words = {id(p): words[id(p)] for p in rows if id(p) in words and words[id(p)][0] is p}
        self._replace_rows(rows)

    def problems(self) -> list[Problem]:
        return self.records()

    def problem(self, row: int) -> Problem:
        return self.record(row)

    def counts(self) -> dict[Severity, int]:
        result = dict.fromkeys(Severity, 0)
        for p in self._rows:
            result[p.severity] += 1
        return result

    def retranslate(self, _language: str = "") -> None:
        self._words.clear()
        super().retranslate(_language)

    def _cell(self, row: int, p: Problem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SEVERITY:  # a cell starts with a capital ("Warning"); the CLI's "warning: …" does not
                return _capitalised(p.severity.label)
            if column == WHEN:
                return self._when(p)
            return self._message(p)
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY:
            return icon(_ICONS[p.severity])
        if role == Qt.ItemDataRole.ToolTipRole and column == MESSAGE:
            return self._message(p)
        if role == SORT_ROLE:
            if column == SEVERITY:
                return p.sort_key()
            if column == WHEN:
                return (p.when is None, p.when.isoformat() if p.when else "")
            return self._message(p).casefold()
        if role == FILTER_ROLE:
            return f"{p.severity.label} {self._when(p)} {self._message(p)}"
        if role == KIND_ROLE:
            return p.severity.value
        if role == OBJECT_ROLE:
            return p
        return None

    def column_texts(self, column: int) -> list[str]:
        """The distinct texts of the Severity or When column, as the rows show them (for the panel's widths)."""
        if column == SEVERITY:
            return sorted({_capitalised(p.severity.label) for p in self._rows})
        return sorted({self._when(p) for p in self._rows})

    def _worded(self, p: Problem) -> tuple[Problem, str, str]:
        found = self._words.get(id(p))
        if found is None or found[0] is not p:
            when = "" if p.when is None else _short_when(p, self._timezone)
            found = self._words[id(p)] = (p, when, p.message())
        return found

    def _when(self, p: Problem) -> str:
        return self._worded(p)[1]

    def _message(self, p: Problem) -> str:
        return self._worded(p)[2]


def _capitalised(label: str) -> str:
    return label[:1].upper() + label[1:]


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
