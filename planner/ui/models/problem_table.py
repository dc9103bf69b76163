"""The planning checks' findings as a table: severity, when, and what is wrong."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

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
        """Show these problems: the rows of those that went are removed and rows for the new ones inserted.

        The others stay as they are, with their selection and place in the
        view: after an edit nearly all of a trip's problems are the same. A
        change of the trip's zone words every "when" anew, so it resets.
        """
        rows = sort_problems(problems)
        if timezone != self._timezone:
            self._words.clear()
            self._timezone = timezone  # nothing draws between here and the reset
            self._replace_rows(rows)
            return
        self._apply(rows)
        words = self._words
        self._words = {id(p): words[id(p)] for p in self._rows if id(p) in words and words[id(p)][0] is p}

    def _apply(self, rows: list[Problem]) -> None:
        """Turn the rows shown into `rows` by removing and inserting only where they differ."""
        old = self._rows
        start, end_old, end_new = 0, len(old), len(rows)
        while start < min(end_old, end_new) and old[start] == rows[start]:  # the same problems before …
            start += 1
        while end_old > start and end_new > start and old[end_old - 1] == rows[end_new - 1]:  # … and after the change
            end_old, end_new = end_old - 1, end_new - 1
        matcher = SequenceMatcher(None, old[start:end_old], rows[start:end_new], autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):  # from the end: the rows before keep their numbers
            if tag == "equal":
                continue
            first = start + i1
            if i2 > i1:
                self.beginRemoveRows(QModelIndex(), first, start + i2 - 1)
                del self._rows[first:start + i2]
                self.endRemoveRows()
            if j2 > j1:
                self.beginInsertRows(QModelIndex(), first, first + j2 - j1 - 1)
                self._rows[first:first] = rows[start + j1:start + j2]
                self.endInsertRows()

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
