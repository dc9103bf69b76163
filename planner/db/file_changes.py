"""Noticing what another program committed to the same SQLite file: `PRAGMA data_version`.

A PostgreSQL server tells every window of each change (notify.py); a file has
nobody to tell. But SQLite keeps count: `PRAGMA data_version` read on one
connection changes whenever any *other* connection has committed to the file
since that connection last asked. Asking costs microseconds (in WAL mode a
look at the shared-memory index, no read of the file), so a window can ask
whenever it is brought to the front and every few seconds while in use.

The engine pools several connections and each would count the others'
commits, so the question is asked on one connection of the planner's own,
opened beside the pool and never used for anything else. That one counts the
window's own commits as well, which the window already knows of; they are
told apart around each own commit. Own transactions begin IMMEDIATE, holding
the write lock, so just before the commit nobody else can have written since
the begin: whatever the watch has not yet seen then is someone else's. Right
after the commit the new count is taken as seen. (A commit by another program
in the microseconds between the two would be taken for our own; the next
change shows it. A look that fails because the file is busy counts as a
change: one reload too many rather than one too few.)
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from typing import Any

from sqlalchemy import event

from planner.db.engine import Database

log = logging.getLogger(__name__)


class CommitWatch:
    """Whether another connection (window, process, desktop) committed to the file since the last look."""

    def __init__(self, db: Database) -> None:
        if db.path is None:
            raise ValueError("only an SQLite file can be watched this way")
        self._db = db
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # own commits may come from a worker thread
        self._seen: int | None = None
        self._foreign = False
        self._committing: set[int] = set()  # own pooled connections between commit and checkin

    @property
    def watching(self) -> bool:
        return self._conn is not None

    def start(self) -> None:
        """Open the watching connection and take the file as it is now as seen."""
        self.stop()
        path = self._db.path
        assert path is not None
        # mode=rw: never create a file that went away; timeout=0: a busy file is looked at next time, the GUI never waits.
        try:
            self._conn = sqlite3.connect(
                path.resolve().as_uri() + "?mode=rw", uri=True, timeout=0, isolation_level=None, check_same_thread=False,
            )
        except sqlite3.Error:
            log.info("cannot watch %s for other programs' changes", path, exc_info=True)
            return
        self._seen = self._read()
        self._foreign = False
        engine = self._db.engine
        event.listen(engine, "commit", self._before_own_commit)
        event.listen(engine, "checkin", self._after_own_commit)

    def changed(self) -> bool:
        """True once for each time another connection committed since the last call (False while the file is busy)."""
        with self._lock:
            version = self._read()
            if version is None:
                return False
            result = self._foreign or version != self._seen
            self._seen, self._foreign = version, False
            return result

    def stop(self) -> None:
        if self._conn is None:
            return
        engine = self._db.engine
        for name, fn in (("commit", self._before_own_commit), ("checkin", self._after_own_commit)):
            if event.contains(engine, name, fn):
                event.remove(engine, name, fn)
        with self._lock:
            self._conn.close()
            self._conn = None
            self._committing.clear()

    # --- around the planner's own commits --------------------------------------------------------

    def _before_own_commit(self, conn: Any) -> None:
        """Still holding the write lock: anything not yet seen was written by someone else."""
        with self._lock:
            version = self._read()
            if version is None or version != self._seen:
                self._foreign = True
            if version is not None:
                self._seen = version
            self._committing.add(id(conn.connection.dbapi_connection))

    def _after_own_commit(self, dbapi_connection: Any, _record: Any) -> None:
        """The connection is back in the pool, its commit done: the count it moved on is our own."""
        with self._lock:
            if id(dbapi_connection) not in self._committing:
                return
            self._committing.discard(id(dbapi_connection))
            version = self._read()
            if version is not None:
                self._seen = version

    def _read(self) -> int | None:
        """The watching connection's data_version; None if it cannot be read just now (busy, file gone)."""
        if self._conn is None:
            return None
        try:
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            log.debug("data_version of %s not readable just now", self._db.path, exc_info=True)
            return None
        return int(row[0])
