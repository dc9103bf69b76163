"""One problem found in a member list, placed at a row and a column of the spreadsheet.

A problem keeps its English msgid and parameters and is translated when it is
shown, so a preview built in one language reads right after a switch. Rows are
numbered as the spreadsheet program shows them (1-based, the header counts),
columns by their 0-based index in the file; the GUI marks cells by index, the
CLI names the header.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from enum import Enum, StrEnum
from typing import Any

from planner.domain.errors import PlannerError
from planner.i18n import _

_SHOWN_CHARS = 60
# Control characters (terminal escapes, line breaks that would split a CLI line), bidi overrides
# and lone surrogates from a file must not reach a terminal or a label as they are.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class ProblemKind(StrEnum):
    """What a problem is about; the preview decides by kind which decisions it blocks."""

    VALUE = "value"  # a cell's value is missing, unreadable or breaks a rule
    ROW_SHAPE = "row_shape"  # the row has more cells than the header (a delimiter inside an unquoted value)
    DUPLICATE_EXISTING = "duplicate_existing"  # looks like a person already in the directory
    DUPLICATE_IN_FILE = "duplicate_in_file"  # the same person appears in an earlier row
    COLUMN = "column"  # about a whole column: unknown header, no header, given twice, missing


def shown(value: Any) -> Any:
    """A value from the file as a message shows it: printable and at most 60 characters.

    Enum members pass unchanged: the message shows their label, translated when shown.
    """
    if not isinstance(value, str) or isinstance(value, Enum):
        return value
    text = _UNPRINTABLE.sub("\ufffd", value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


@dataclasses.dataclass(frozen=True, slots=True)
class ImportProblem:
    """One problem; `row` is None for a column problem, `column` None for a whole-row problem."""

    kind: ProblemKind
    msgid: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    row: int | None = None
    column: int | None = None
    header: str = ""
    field: str | None = None

    @classmethod
    def make(
        cls, kind: ProblemKind, msgid: str, *, row: int | None = None, column: int | None = None, header: str = "",
        field: str | None = None, **params: Any,
    ) -> ImportProblem:
        return cls(kind, msgid, {k: shown(v) for k, v in params.items()}, row, column, shown(header), field)

    @property
    def message(self) -> str:
        """The problem alone, in the active language."""
        return PlannerError(self.msgid, **self.params).message()

    @property
    def where(self) -> str:
        """The place in the spreadsheet, e.g. "row 4, column E-Mail"."""
        column = self.header or (column_letter(self.column) if self.column is not None else "")
        if self.row is not None and column:
            return _("row {row}, column {column}").format(row=self.row, column=column)
        if self.row is not None:
            return _("row {row}").format(row=self.row)
        if column:
            return _("column {column}").format(column=column)
        return ""

    def __str__(self) -> str:
        where = self.where
        return _("{where}: {message}").format(where=where, message=self.message) if where else self.message


def column_letter(index: int) -> str:
    """The spreadsheet name of a 0-based column index: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
