"""Reading an Excel workbook (.xlsx): the first worksheet, with the values Excel last computed.

openpyxl reads the workbook in read-only mode (streaming, little memory) and
with `data_only`, so a formula cell gives its cached result, never the
formula. A workbook is a zip archive: before opening it, the archive's
declared unpacked size is checked, so a small file cannot unpack into
gigabytes.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from datetime import date, time
from typing import Any

from planner.i18n import N_
from planner.importing.members.errors import MemberFileError
from planner.importing.members.table import (
    MAX_ROWS,
    CellValue,
    FileKind,
    RawTable,
    shape_table,
)

#: Unpacked size a member list's workbook may declare; a real one is well under a megabyte.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: Columns read at most; a delegation list has a dozen or two.
MAX_COLUMNS = 200

_DAMAGED = N_("The Excel file cannot be read; it is damaged or not an .xlsx workbook ({reason}).")


def parse_xlsx(data: bytes) -> RawTable | None:
    """The first worksheet's table; None when the sheet holds nothing."""
    _check_archive(data)
    try:
        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips; harmless here
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = _first_sheet(workbook)
                records = [] if sheet is None else _records(sheet)
            finally:
                workbook.close()
    except MemberFileError:
        raise
    except Exception as exc:
        raise MemberFileError(_DAMAGED, reason=type(exc).__name__) from exc
    return shape_table(records, FileKind.XLSX)


def _check_archive(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise MemberFileError(_DAMAGED, reason=str(exc) or type(exc).__name__) from exc
    if "[Content_Types].xml" not in names:
        raise MemberFileError(_DAMAGED, reason="no [Content_Types].xml")
    if unpacked > MAX_UNPACKED_BYTES:
        raise MemberFileError(
            N_("The Excel file would unpack to {size} MB; a member list may unpack to at most {limit} MB."),
            size=unpacked // (1024 * 1024), limit=MAX_UNPACKED_BYTES // (1024 * 1024),
        )


def _first_sheet(workbook: Any) -> Any:
    """The sheet Excel shows first (the active one), if it is a worksheet; else the first worksheet."""
    sheets = list(workbook.worksheets)
    active = workbook.active
    if active is not None and active in sheets:
        return active
    return sheets[0] if sheets else None


def _records(sheet: Any) -> list[list[CellValue]]:
    records: list[list[CellValue]] = []
    filled = 0
    for row in sheet.iter_rows(values_only=True):
        if any(v not in (None, "") for v in row[MAX_COLUMNS:]):
            raise MemberFileError(N_("The worksheet has more than {limit} columns; a member list may have at most {limit}."), limit=MAX_COLUMNS)
        cells = [_value(v) for v in row[:MAX_COLUMNS]]
        if not any(v not in (None, "") for v in cells):
            records.append([])  # a blank row keeps its number, not its cells (formatting alone can make a million)
            continue
        filled += 1
        if filled > MAX_ROWS:
            raise MemberFileError(N_("The list has more than {limit} rows; a member list may have at most {limit}."), limit=MAX_ROWS)
        records.append(cells)
    return records


def _value(value: Any) -> CellValue:
    """Plain values as they are (bool is an int, datetime a date); anything else (durations, errors) as text."""
    if value is None or isinstance(value, (str, int, float, date, time)):
        return value
    return str(value)
