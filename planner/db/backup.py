"""Copies of an SQLite database through SQLite's online backup API.

A raw file copy of a database in use can catch it half-written (and misses
the WAL); the backup API copies a consistent snapshot. Restoring goes the same
way in the other direction, into the live file, so the WAL stays consistent.
Backups live in a `backups` folder beside the database, readable by the owner
only, and the newest KEEP of them are kept.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain.errors import DatabaseError
from planner.i18n import N_

if TYPE_CHECKING:
    from planner.db.engine import Database

KEEP = 10
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)-(?P<kind>daily|manual|before-upgrade-from-.+|before-restore)\.sqlite$")


class BackupKind(StrEnum):
    DAILY = "daily"
    MANUAL = "manual"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created: datetime
    kind: BackupKind
    size: int


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_sqlite(source: Path, target: Path) -> Path:
    """A consistent copy of `source` at `target`, written to a temporary name first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(target.parent, stat.S_IRWXU)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    os.chmod(tmp, stat.S_IRUSR | stat.S_IWUSR)
    os.replace(tmp, target)
    return target


def _target(db_path: Path, kind: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backup_dir(db_path)
    target = folder / f"{db_path.stem}-{stamp}-{kind}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-{stamp}-{n}-{kind}.sqlite"
    return target


def make_backup(db_path: Path, kind: str = BackupKind.MANUAL.value) -> Path:
    path = backup_sqlite(db_path, _target(db_path, kind))
    prune(backup_dir(db_path), db_path.stem)
    return path


def backup_before_migration(db: Database, from_revision: str) -> Path:
    assert db.path is not None
    return make_backup(db.path, f"before-upgrade-from-{from_revision}")


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of `db_path`, newest first."""
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
        found.append(BackupInfo(path, created, kind, path.stat().st_size))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def daily_backup(db_path: Path, today: date | None = None) -> Path | None:
    """Once a day, on open: a backup unless one was made today already."""
    today = today or date.today()
    if any(b.created.date() == today for b in list_backups(db_path)):
        return None
    return make_backup(db_path, BackupKind.DAILY.value)


def prune(folder: Path, stem: str, keep: int = KEEP) -> None:
    backups = [p for p in folder.glob(f"{stem}-*.sqlite") if _NAME.match(p.name)]
    backups.sort(key=lambda p: p.name, reverse=True)
    for old in backups[keep:]:
        old.unlink(missing_ok=True)


def restore_backup(backup: Path, db_path: Path) -> Path:
    """Replace the contents of `db_path` with `backup`; returns the safety copy made first.

    The caller closes its own connections first. The backup is checked to be a
    planner database before anything is touched.
    """
    from planner.db.engine import SQLITE_HEADER

    try:
        with backup.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise DatabaseError(N_("{path} is not a planner backup."), path=str(backup))
        probe = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            ok = probe.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has_schema = probe.execute("SELECT count(*) FROM sqlite_master WHERE name='alembic_version'").fetchone()[0] == 1
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(N_("{path} is damaged or not a planner backup."), path=str(backup)) from exc
    except OSError as exc:
        raise DatabaseError(N_("{path} cannot be read: {reason}"), path=str(backup), reason=exc.strerror or str(exc)) from exc
    if not ok or not has_schema:
        raise DatabaseError(N_("{path} is damaged or not a planner backup."), path=str(backup))
    safety = make_backup(db_path, BackupKind.BEFORE_RESTORE.value)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(db_path, timeout=5)
        try:
            src.backup(dst)
        except sqlite3.OperationalError as exc:
            raise DatabaseError(
                N_("The database is in use by another window or program; close it there and try again.")
            ) from exc
        finally:
            dst.close()
    finally:
        src.close()
    return safety
