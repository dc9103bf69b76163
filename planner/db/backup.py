"""Copies of an SQLite database through SQLite's online backup API.

A raw file copy of a database in use can catch it half-written (and misses
the WAL); the backup API copies a consistent snapshot. Restoring goes the same
way in the other direction, into the live file, so the WAL stays consistent.

Every copy is made under the rules in docs/data-safety.md:
- the source passes `PRAGMA integrity_check` first: a damaged file is never
  copied into the rotation, where it would push the good copies out;
- the copy is written to a temporary file (0600, named with our process id),
  checked again, flushed and renamed; a failure removes it, and leftovers of a
  killed process are removed the next time a backup is made;
- waiting for another connection's lock is bounded (WAIT_S), in steps of
  STEP_PAGES pages, with a progress callback for the window;
- each backup's check result goes into a small sidecar (`<backup>.json`, 0600),
  which the window and `list-backups` show;
- the rotation keeps generations (daily, weekly, monthly), so a bad week
  cannot push every good copy out.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from planner.db.integrity import (
    SQLITE_BUSY,
    SQLITE_LOCKED,
    DamagedDatabaseError,
    DatabaseInUseError,
    IN_USE,
    classify,
    file_problem,
    problem,
)
from planner.domain.errors import DatabaseError
from planner.i18n import N_
from planner.private_files import create_private, make_private_folder, remove_leftovers, sync_folder, temp_name, write_private

if TYPE_CHECKING:
    from planner.db.engine import Database

log = logging.getLogger(__name__)

#: How many generations the rotation keeps: the newest backup of each of the last 7 days, 4 weeks and 6 months.
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6
#: The newest few of any kind stay as well (e.g. the copy made before a restore an hour ago).
KEEP_RECENT = 3
#: The longest a backup or restore waits for another connection's lock, in seconds.
WAIT_S = 10.0
#: Pages copied per step: small enough that a step never holds a lock for long.
STEP_PAGES = 256
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)-(?P<kind>daily|manual|before-upgrade-from-.+|before-restore)\.sqlite$"
)

#: progress(pages done, pages in all, waiting for a lock)
Progress = Callable[[int, int, bool], None]


class BackupKind(StrEnum):
    DAILY = "daily"
    MANUAL = "manual"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"


class Check(StrEnum):
    """What the check of a backup found when it was made."""

    PASSED = "passed"
    DAMAGED = "damaged"
    UNCHECKED = "unchecked"  # made by a planner before checks were recorded


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created: datetime
    kind: BackupKind
    size: int
    check: Check = Check.UNCHECKED

    @property
    def passed(self) -> bool:
        return self.check == Check.PASSED


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def sidecar(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def _record(backup: Path, check: Check, detail: str | None, revision: str | None) -> None:
    data = {"check": check.value, "detail": detail, "revision": revision, "checked": datetime.now().isoformat(timespec="seconds")}
    write_private(sidecar(backup), (json.dumps(data) + "\n").encode("utf-8"))


def _recorded_check(backup: Path) -> Check:
    try:
        return Check(json.loads(sidecar(backup).read_text(encoding="utf-8"))["check"])
    except (OSError, ValueError, KeyError, TypeError):
        return Check.UNCHECKED


class _TimedOut(Exception):
    pass


def copy_pages(src: sqlite3.Connection, dst: sqlite3.Connection, *, wait: float | None = None, progress: Progress | None = None) -> None:
    """Copy `src` into `dst` step by step; a lock held by another connection is waited for at most `wait` seconds.

    sqlite3's own backup loop retries a busy step for ever; raising from the
    progress callback is the one way to end it.
    """
    deadline = time.monotonic() + (WAIT_S if wait is None else wait)

    def step(status: int, remaining: int, total: int) -> None:
        waiting = status in (SQLITE_BUSY, SQLITE_LOCKED)
        if progress is not None:
            progress(total - remaining, total, waiting)
        if waiting and time.monotonic() > deadline:
            raise _TimedOut

    src.backup(dst, pages=STEP_PAGES, progress=step, sleep=0.05)


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=0.1)


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def backup_sqlite(
    source: Path, target: Path, *, progress: Progress | None = None, wait: float | None = None, require_sound: bool = True,
    record: bool = True,
) -> Check:
    """A consistent, checked copy of `source` at `target`; returns the copy's check.

    With `require_sound` (every backup but the safety copy made before a
    restore) a damaged source raises DamagedDatabaseError and nothing is
    written. Any failure leaves no temporary file behind. `record`: the target
    is a backup, in the private backups folder, with its check recorded beside it.
    """
    if record:
        make_private_folder(target.parent)
    remove_leftovers(target.parent)
    tmp = temp_name(target)
    tmp.unlink(missing_ok=True)
    src: sqlite3.Connection | None = None
    dst: sqlite3.Connection | None = None
    try:
        os.close(create_private(tmp))
        bound = WAIT_S if wait is None else wait
        # Another program's exclusive lock is waited out, for at most `bound` seconds.
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True, timeout=bound)
        if require_sound and (found := problem(src, full=True)) is not None:
            raise DamagedDatabaseError(source, found, newest_good_backup(source))
        src.execute("PRAGMA busy_timeout=50")  # from here on copy_pages keeps the time
        dst = sqlite3.connect(tmp, timeout=0.1)
        copy_pages(src, dst, wait=wait, progress=progress)
        dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        detail = problem(dst, full=True)
        revision = _revision(dst)
        dst.close()
        dst = None
        if detail is not None and require_sound:
            raise DamagedDatabaseError(source, detail, newest_good_backup(source))
        _fsync(tmp)
        os.replace(tmp, target)
        sync_folder(target.parent)
    except _TimedOut as exc:
        raise DatabaseInUseError(IN_USE, path=str(source)) from exc
    except (sqlite3.Error, OSError) as exc:
        raise classify(exc, target if isinstance(exc, OSError) else source) from exc
    finally:
        for conn in (dst, src):
            if conn is not None:
                conn.close()
        tmp.unlink(missing_ok=True)
    check = Check.PASSED if detail is None else Check.DAMAGED
    if not record:
        return check
    try:
        _record(target, check, detail, revision)
    except OSError as exc:  # without its record the backup is listed as unchecked, which is honest
        log.warning("the check of %s could not be recorded: %s", target, exc)
    return check


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _target(db_path: Path, kind: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = backup_dir(db_path)
    target = folder / f"{db_path.stem}-{stamp}-{kind}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-{stamp}-{n}-{kind}.sqlite"
    return target


def make_backup(
    db_path: Path, kind: str = BackupKind.MANUAL.value, *, now: datetime | None = None, progress: Progress | None = None
) -> Path:
    """A checked backup of a sound database, then the rotation pruned; DamagedDatabaseError if it is not sound."""
    target = _target(db_path, kind, now)
    backup_sqlite(db_path, target, progress=progress)
    prune(backup_dir(db_path), db_path.stem)
    return target


def backup_before_migration(db: Database, from_revision: str) -> Path:
    assert db.path is not None
    return make_backup(db.path, f"before-upgrade-from-{from_revision}")


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of `db_path`, newest first, each with the check recorded when it was made."""
    found: list[BackupInfo] = []
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return found
    for path in folder.glob(f"{db_path.stem}-*.sqlite"):
        match = _NAME.match(path.name)
        if not match or match["stem"] != db_path.stem:
            continue
        created = datetime.strptime(match["stamp"][:15], "%Y%m%d-%H%M%S")
        kind_text = match["kind"]
        kind = BackupKind.BEFORE_UPGRADE if kind_text.startswith("before-upgrade") else BackupKind(kind_text)
        try:
            size = path.stat().st_size
        except OSError:  # pruned by another process meanwhile
            continue
        found.append(BackupInfo(path, created, kind, size, _recorded_check(path)))
    return sorted(found, key=lambda b: (b.created, _counter(b.path.name)), reverse=True)


def _counter(name: str) -> int:
    """The n of a second backup in the same second (`stem-YYYYmmdd-HHMMSS-n-kind`), 1 for the first."""
    match = _NAME.match(name)
    stamp = match["stamp"] if match else ""
    return int(stamp[16:]) if len(stamp) > 16 else 1


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passed its check when made and still passes a quick one now."""
    for info in list_backups(db_path):
        if info.passed and file_problem(info.path, full=False) is None:
            return info
    return None


def daily_backup(db_path: Path, today: date | None = None) -> Path | None:
    """Once a day, on open: a backup unless one was made today already."""
    today = today or date.today()
    if any(b.created.date() == today for b in list_backups(db_path)):
        return None
    now = datetime.combine(today, datetime.now().time())
    return make_backup(db_path, BackupKind.DAILY.value, now=now)


def kept(backups: list[BackupInfo]) -> set[Path]:
    """The backups the rotation keeps: the newest few, and the newest good one of each recent day, week and month."""
    keep = {b.path for b in backups[:KEEP_RECENT]}
    good = [b for b in backups if b.check != Check.DAMAGED]
    generations: tuple[tuple[Callable[[datetime], object], int], ...] = (
        (lambda d: d.date(), KEEP_DAILY),
        (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
        (lambda d: (d.year, d.month), KEEP_MONTHLY),
    )
    for key, count in generations:
        seen: set[object] = set()
        for b in good:  # newest first: the first of each period is its newest
            period = key(b.created)
            if period in seen:
                continue
            if len(seen) == count:
                break
            seen.add(period)
            keep.add(b.path)
    return keep


def prune(folder: Path, stem: str) -> list[Path]:
    """Delete the backups the rotation no longer keeps, with their records (and records left without a backup)."""
    backups = [b for b in list_backups(folder.parent / f"{stem}.sqlite") if b.path.parent == folder]
    keep = kept(backups)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            sidecar(b.path).unlink(missing_ok=True)
            removed.append(b.path)
    for record in folder.glob(f"{stem}-*.sqlite.json"):
        if not record.with_suffix("").exists():
            record.unlink(missing_ok=True)
    return removed


def check_backup_file(backup: Path) -> None:
    """Refuse a file that is not a sound planner backup of a version this planner can open."""
    from planner.db.engine import SQLITE_HEADER
    from planner.db.schema_version import KNOWN_REVISIONS

    try:
        with backup.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise DatabaseError(N_("{path} is not a planner backup."), path=str(backup))
        probe = _connect_ro(backup)
        try:
            found = problem(probe, full=True)
            has_schema = found is None and probe.execute("SELECT count(*) FROM sqlite_master WHERE name='alembic_version'").fetchone()[0] == 1
            revision = _revision(probe) if has_schema else None
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(N_("{path} is damaged or not a planner backup."), path=str(backup)) from exc
    except OSError as exc:
        raise DatabaseError(N_("{path} cannot be read: {reason}"), path=str(backup), reason=exc.strerror or str(exc)) from exc
    if found is not None or not has_schema or revision is None:
        raise DatabaseError(N_("{path} is damaged or not a planner backup."), path=str(backup))
    if revision not in KNOWN_REVISIONS:
        raise DatabaseError(
            N_("{path} was made by a newer version of the planner; this version cannot restore it."), path=str(backup)
        )


def safety_copy(db_path: Path, progress: Progress | None = None) -> Path:
    """The current state, kept before a restore even if it is damaged (then marked so and never offered as good)."""
    target = _target(db_path, BackupKind.BEFORE_RESTORE.value)
    try:
        backup_sqlite(db_path, target, progress=progress, require_sound=False)
    except DamagedDatabaseError:  # not even readable through SQLite: keep the bytes as they are
        _raw_copy(db_path, target)
        try:
            _record(target, Check.DAMAGED, "raw copy of an unreadable file", None)
        except OSError as exc:
            log.warning("the check of %s could not be recorded: %s", target, exc)
    return target


def _raw_copy(source: Path, target: Path) -> None:
    tmp = temp_name(target)
    tmp.unlink(missing_ok=True)
    try:
        with source.open("rb") as fin, os.fdopen(create_private(tmp), "wb") as fout:
            shutil.copyfileobj(fin, fout)
            fout.flush()
            os.fsync(fout.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise classify(exc, target) from exc
    finally:
        tmp.unlink(missing_ok=True)


def restore_backup(backup: Path, db_path: Path, *, progress: Progress | None = None, wait: float | None = None) -> Path:
    """Replace the contents of `db_path` with `backup`; returns the safety copy made first.

    The caller closes its own connections first. The backup is checked to be a
    sound planner backup of a known version before anything is touched. A
    sound database is overwritten through the backup API in one transaction
    (another program's connections stay valid, a kill leaves the old state);
    a damaged one, which SQLite cannot write into, is replaced as a file.
    Another connection's lock is waited for at most `wait` seconds (WAIT_S).
    """
    check_backup_file(backup)
    safety = safety_copy(db_path, progress)
    if file_problem(db_path, full=True) is None:
        _restore_into(backup, db_path, progress, wait)
    else:
        _replace_damaged(backup, db_path, progress, wait)
    found = file_problem(db_path, full=True)
    if found is not None:  # the copy went in but does not read back: say so, the safety copy is named
        raise DamagedDatabaseError(db_path, found, newest_good_backup(db_path))
    return safety


def _restore_into(backup: Path, db_path: Path, progress: Progress | None, wait: float | None) -> None:
    src = _connect_ro(backup)
    try:
        dst = sqlite3.connect(db_path, timeout=0.1)
        try:
            copy_pages(src, dst, wait=wait, progress=progress)
        finally:
            dst.close()
    except _TimedOut as exc:
        raise DatabaseInUseError(IN_USE, path=str(db_path)) from exc
    except (sqlite3.Error, OSError) as exc:
        raise classify(exc, db_path) from exc
    finally:
        src.close()


def _replace_damaged(backup: Path, db_path: Path, progress: Progress | None, wait: float | None) -> None:
    """A checked copy of `backup` renamed over the damaged file; its stale journal files go first."""
    for stale in (db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        stale.unlink(missing_ok=True)  # a WAL of the damaged file would be replayed onto the restored one
    backup_sqlite(backup, db_path, progress=progress, wait=wait, record=False)
