"""Live changes on a shared PostgreSQL database: NOTIFY with each commit, LISTEN in every window.

Every service transaction that changes data sends `NOTIFY planner_changes`
with "entity:id" for each record it touched. PostgreSQL delivers a
notification only when (and if) its transaction commits, so nobody hears of
a change that was rolled back. A window listens on a connection of its own
and puts what the others changed on its DataBus; its own changes (sent from
the backends of its own pool) are left out, the window knew of them first.
An SQLite file has no server to tell: nothing is sent or heard there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from planner.db.engine import Database
from planner.db.server_errors import CONNECTION_LOST, connection_lost
from planner.domain.errors import ConnectionLostError

CHANNEL = "planner_changes"
#: A bulk import touches hundreds of records; the others need to hear only what kinds changed where.
MAX_RECORDS = 50

_SEND = text("SELECT pg_notify(:channel, :payload)")


def announce(db: Database, session: Session, records: Iterable[tuple[str, int | None]]) -> None:
    """Queue a notification per (entity, id) in the session's transaction; sent when it commits."""
    if db.is_sqlite:
        return
    seen: list[str] = []
    for entity, record_id in records:
        payload = f"{entity}:{int(record_id or 0)}"
        if payload not in seen:
            seen.append(payload)
        if len(seen) == MAX_RECORDS:
            break
    for payload in seen:
        session.execute(_SEND, {"channel": CHANNEL, "payload": payload})


def parse_payload(payload: str) -> tuple[str, int] | None:
    """("trip", 7) from "trip:7"; None for anything else on the channel."""
    entity, _sep, number = payload.partition(":")
    if not entity or not number.isdigit():
        return None
    return entity, int(number)


class ChangeListener:
    """A connection of its own that LISTENs, and hands over what other planners changed.

    `poll()` never blocks: it reads what the server has sent so far. The
    window calls it when `socket()` has data to read, and now and then.
    """

    def __init__(self, db: Database) -> None:
        if db.is_sqlite:
            raise ValueError("an SQLite database has no server to listen to")
        self._db = db
        self._conn: Any = None

    @property
    def listening(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def start(self) -> None:
        """Connect and LISTEN; ConnectionLostError if the server cannot be reached."""
        self.stop()
        try:
            pooled = self._db.engine.raw_connection()
        except Exception as exc:  # SQLAlchemy's DBAPIError, or psycopg's OperationalError unwrapped
            if connection_lost(exc):
                raise ConnectionLostError(CONNECTION_LOST, server=self._db.server) from exc
            raise
        conn = pooled.driver_connection
        pooled.detach()  # this connection stays open and listening; it must not go back to the pool
        try:
            conn.rollback()
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception as exc:
            conn.close()
            raise ConnectionLostError(CONNECTION_LOST) from exc
        self._conn = conn

    def socket(self) -> int:
        """The file descriptor to watch for incoming notifications (-1 when not listening)."""
        return int(self._conn.pgconn.socket) if self.listening else -1

    def poll(self) -> list[tuple[str, int]]:
        """What the other planners changed since the last poll, oldest first; ConnectionLostError if the line broke."""
        if not self.listening:
            return []
        pgconn = self._conn.pgconn
        try:
            pgconn.consume_input()
        except Exception as exc:  # the driver's OperationalError: the server or the network went away
            self.stop()
            raise ConnectionLostError(CONNECTION_LOST) from exc
        changes: list[tuple[str, int]] = []
        while (note := pgconn.notifies()) is not None:
            if note.relname.decode() != CHANNEL or note.be_pid in self._db.backend_pids:
                continue
            parsed = parse_payload(note.extra.decode("utf-8", "replace"))
            if parsed is not None:
                changes.append(parsed)
        return changes

    def stop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001 - closing a broken connection may fail; it is gone either way
                pass
            self._conn = None
