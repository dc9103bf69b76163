"""Copies of an SQLite database through SQLite's online backup API.

A raw file copy of a database in use can catch it half-written (and misses
the WAL); the backup API copies a consistent snapshot.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.db.engine import Database

KEEP = 10


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_sqlite(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.chmod(tmp, stat.S_IRUSR | stat.S_IWUSR)
    os.replace(tmp, target)
    return target


def backup_before_migration(db: Database, from_revision: str) -> Path:
    assert db.path is not None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir(db.path) / f"{db.path.stem}-{stamp}-before-upgrade-from-{from_revision}.sqlite"
    path = backup_sqlite(db.path, target)
    prune(backup_dir(db.path), db.path.stem)
    return path


def prune(folder: Path, stem: str, keep: int = KEEP) -> None:
    backups = sorted(folder.glob(f"{stem}-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in backups[keep:]:
        old.unlink(missing_ok=True)
