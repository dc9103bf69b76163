"""A member list as read from a file: a header and the rows below it, not yet interpreted.

CSV cells are always text; XLSX cells keep the type Excel stored (numbers,
real dates), so a passport expiry typed as a date in Excel needs no parsing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from planner.i18n import N_
from planner.importing.members.errors import MemberFileError

#: Data rows read at most; a delegation list has dozens, a directory export a few hundred.
MAX_ROWS = 20_000
#: What one cell may hold once read.
CellValue = str | int | float | bool | date | datetime | time | None


class FileKind(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    TEXT = "text"  # pasted from a mail or spreadsheet (see pasted.py)


@dataclass(frozen=True, slots=True)
class RawRow:
    """One data row; `values` has exactly one value per header column.

    `extra` holds the non-empty cells beyond the header's last column: in a
    CSV file they mean the row is shifted (a delimiter inside an unquoted
    value), so the row cannot be trusted.
    """

    number: int
    values: tuple[CellValue, ...]
    extra: tuple[CellValue, ...] = ()


@dataclass(frozen=True, slots=True)
class RawTable:
    """The header (row `header_row` of the sheet) and every non-blank row below it."""

    headers: tuple[str, ...]
    rows: tuple[RawRow, ...]
    kind: FileKind
    header_row: int = 1
    encoding: str = ""
    delimiter: str = ""

    @property
    def width(self) -> int:
        return len(self.headers)


def is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: CellValue) -> str:
    """A cell as the user reads it: whole numbers without ".0", dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def shape_table(records: list[list[CellValue]], kind: FileKind, *, encoding: str = "", delimiter: str = "") -> RawTable | None:
    """The header (first non-blank record) and the data rows; None if there is no header at all.

    Record i is spreadsheet row i+1. Blank records are dropped but keep their
    row numbers, so row numbers match what a spreadsheet program shows.
    """
    header_index = next((i for i, rec in enumerate(records) if any(not is_blank(v) for v in rec)), None)
    if header_index is None:
        return None
    header_cells = records[header_index]
    width = _last_filled(header_cells)
    if kind is FileKind.XLSX:
        # A worksheet cannot be shifted: a column with values but no header is a column, reported as such.
        width = max([width, *(_last_filled(rec) for rec in records[header_index + 1:])])
    headers = tuple(cell_text(v).strip() for v in header_cells[:width]) + ("",) * max(0, width - len(header_cells))
    rows: list[RawRow] = []
    for i in range(header_index + 1, len(records)):
        rec = records[i]
        if all(is_blank(v) for v in rec):
            continue
        if len(rows) >= MAX_ROWS:
            raise MemberFileError(N_("The list has more than {limit} rows; a member list may have at most {limit}."), limit=MAX_ROWS)
        values = tuple(rec[:width]) + (None,) * max(0, width - len(rec))
        extra = tuple(v for v in rec[width:] if not is_blank(v))
        rows.append(RawRow(i + 1, values, extra))
    return RawTable(headers, tuple(rows), kind, header_index + 1, encoding, delimiter)


def _last_filled(record: list[CellValue]) -> int:
    """One past the last non-blank cell: trailing empty cells are no columns."""
    for i in range(len(record) - 1, -1, -1):
        if not is_blank(record[i]):
            return i + 1
    return 0
