"""Opening a member list file: size limit, CSV or Excel, and the messages for files that are no list.

The kind is told by the file's first bytes, not its name: a workbook is a zip
archive whatever it is called, and a ".xlsx" that is really CSV (as some web
tools produce) is read as CSV.
"""

from __future__ import annotations

import os
from pathlib import Path

from planner.i18n import N_
from planner.importing.members.csv_table import parse_csv
from planner.importing.members.encoding import decode_text
from planner.importing.members.errors import MemberFileError
from planner.importing.members.table import RawTable
from planner.importing.members.xlsx_table import parse_xlsx

#: Larger files are refused unread: a list of a hundred people is a few dozen kilobytes.
MAX_FILE_BYTES = 20 * 1024 * 1024

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Office format (.xls)


def read_member_file(path: str | os.PathLike[str]) -> RawTable:
    """The table in the file at `path`; raises MemberFileError when it is not a readable list."""
    file = Path(path).expanduser()
    try:
        if file.is_dir():
            raise MemberFileError(N_("{path} is a folder, not a member list."), path=str(file))
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(size)
        with file.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise MemberFileError(N_("The file {path} does not exist."), path=str(file)) from exc
    except OSError as exc:
        raise MemberFileError(N_("The file {path} cannot be read: {reason}"), path=str(file), reason=exc.strerror or str(exc)) from exc
    return read_member_bytes(data)


def read_member_bytes(data: bytes) -> RawTable:
    """The table in a member list given as its bytes (CSV in any supported encoding, or XLSX)."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(len(data))
    if not data.strip():
        raise MemberFileError(N_("The file is empty."))
    if data.startswith(_OLE):
        raise MemberFileError(N_("This is an Excel 97–2003 workbook (.xls); please save it as .xlsx or as CSV and import that."))
    if data.startswith(_ZIP):
        table = parse_xlsx(data)
    else:
        text, encoding = decode_text(data)
        table = parse_csv(text, encoding=encoding)
    if table is None:
        raise MemberFileError(N_("The file is empty."))
    if not table.rows:
        raise MemberFileError(N_("The file has a header row but no rows of people below it."))
    return table


def _too_big(size: int) -> MemberFileError:
    return MemberFileError(
        N_("The file is too big ({size} MB); a member list may have at most {limit} MB."),
        size=f"{size / 1024 / 1024:.1f}", limit=MAX_FILE_BYTES // (1024 * 1024),
    )
