"""Is an SQLite file sound? SQLite's own checks, and the errors a damaged, busy or full file gives.

`PRAGMA quick_check` (a few milliseconds on the 50-trip benchmark database,
see docs/data-safety.md) runs on every open; the full `integrity_check` runs
before a backup is made and before and after a restore, so a damaged file is
never copied into the rotation and never restored over a sound one.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import Any

from planner.domain.errors import DatabaseError
from planner.i18n import N_

SQLITE_CORRUPT, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_NOTADB = 11, 5, 6, 10, 13, 26

IN_USE = N_("{path} is in use by another window or program; close it there and try again.")
DISK_FULL = N_("The disk holding {path} is full; free some space and try again. Nothing was changed.")
WRITE_FAILED = N_(
    "The disk holding {path} refused a write; check that it has free space and is still connected, then try again. "
    "Nothing was changed."
)


class DamagedDatabaseError(DatabaseError):
    """A database file that fails SQLite's check; `good_backup` is the newest backup that passed its own (or None)."""

    def __init__(self, path: Path, detail: str, good_backup: Any = None) -> None:
        self.path = path
        self.detail = detail  # SQLite's words, for the log: not translated, not shown
        self.good_backup = good_backup
        if good_backup is None:
            super().__init__(N_("{path} is damaged, and there is no good backup of it."), path=str(path))
        else:
            from planner import formatting

            when = f"{formatting.full_date(good_backup.created.date())}, {formatting.time_of_day(good_backup.created)}"
            super().__init__(
                N_("{path} is damaged. The newest good backup is from {when}; restore it to go on working."),
                path=str(path), when=when,
            )


class DatabaseInUseError(DatabaseError):
    """Another connection held the file's lock for longer than the planner waits."""


class WriteFailedError(DatabaseError):
    """The disk refused a write (an I/O error: SQLite does not say why; full, removed or failing)."""


class DiskFullError(WriteFailedError):
    """A write failed because the disk (or the user's quota) is full."""


def problem(conn: sqlite3.Connection, *, full: bool) -> str | None:
    """None if the database behind `conn` passes the check, else SQLite's first complaint."""
    pragma = "integrity_check(1)" if full else "quick_check(1)"
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        if error_code(exc) not in (SQLITE_CORRUPT, SQLITE_NOTADB, None):
            raise  # busy, full, an I/O error: something else than damage, said as such by the caller
        return str(exc)
    except UnicodeDecodeError as exc:  # a damaged header can announce a text encoding the file does not have
        return str(exc)
    if rows == [("ok",)]:
        return None
    return str(rows[0][0]) if rows else "no answer"


def file_problem(path: Path, *, full: bool) -> str | None:
    """Check the file at `path` through a read-only connection (None: sound)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=1)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        return problem(conn, full=full)
    except sqlite3.DatabaseError:  # busy, or an I/O error: no verdict on the file now
        return None
    finally:
        conn.close()


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of an sqlite3 error (None for anything else)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def classify(exc: BaseException, path: Path) -> DatabaseError:
    """The message for a failed read or write of `path`: in use, disk full, damaged, or SQLite's/the system's reason."""
    code = error_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseInUseError(IN_USE, path=str(path))
    if code == SQLITE_FULL or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFullError(DISK_FULL, path=str(path))
    if code == SQLITE_IOERR or isinstance(exc, OSError) and exc.errno == errno.EIO:
        return WriteFailedError(WRITE_FAILED, path=str(path))
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DamagedDatabaseError(path, str(exc))
    reason = getattr(exc, "strerror", None) or str(exc)
    return DatabaseError(N_("{path} cannot be written: {reason}"), path=str(path), reason=reason)
