"""Running the suite on PostgreSQL: PLANNER_TEST_DATABASE_URL names a server and a database to start from.

The role in the URL needs CREATEDB. One scratch database is made per test run
and migrated once; before each test every table in it is emptied with
TRUNCATE ... RESTART IDENTITY (about 20 ms, against about 100 ms for a CREATE
DATABASE ... TEMPLATE copy), and tables a test added are dropped, so each test
starts on a fresh, migrated database with ids counting from 1 again.
Tests that need a database of their own (copying into an empty one) ask
`ScratchServer.new_database`.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

ENV = "PLANNER_TEST_DATABASE_URL"
SQLITE_FILE_REASON = "about SQLite database files; PostgreSQL has none (PLANNER_TEST_DATABASE_URL is set)"
NEEDS_POSTGRESQL_REASON = "needs a PostgreSQL server: set PLANNER_TEST_DATABASE_URL"


def server_url() -> URL | None:
    value = os.environ.get(ENV, "").strip()
    return make_url(value) if value else None


class ScratchServer:
    """Scratch databases on the server of PLANNER_TEST_DATABASE_URL, dropped at the end of the run."""

    def __init__(self, base: URL) -> None:
        self.base = base
        self._admin = create_engine(base, isolation_level="AUTOCOMMIT", poolclass=_null_pool())
        self._prefix = f"planner_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self._made: list[str] = []
        self._count = 0
        self.url = self.new_database(migrated=True)
        self._engine = create_engine(self.url, poolclass=_null_pool())
        self._tables = self._table_names()
        self._head = self._revision()

    def new_database(self, *, migrated: bool = False) -> URL:
        """A new database on the server: empty, or migrated to the current schema (a copy of a template migrated once)."""
        template = self._template() if migrated else None
        self._count += 1
        name = f"{self._prefix}_{self._count}"
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self._made.append(name)
        return self.base.set(database=name)

    def _template(self) -> str:
        name = f"{self._prefix}_template"
        if name not in self._made:
            with self._admin.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
            self._made.append(name)
            from planner.db.engine import open_database

            open_database(self.base.set(database=name).render_as_string(hide_password=False)).close()
        return name

    @property
    def target(self) -> str:
        return self.url.render_as_string(hide_password=False)

    def reset(self) -> None:
        """Empty every planner table and drop any a test made; a schema a test changed is built anew."""
        if self._revision() != self._head:
            self._rebuild()
            return
        for attempt in range(3):
            try:
                self._empty()
                return
            except OperationalError as error:
                # A reader an earlier test left running (a window's worker thread finishing its query) can
                # deadlock with the TRUNCATE; PostgreSQL aborts one of the two, and the reader is done a moment later.
                if attempt == 2 or type(error.orig).__name__ != "DeadlockDetected":
                    raise
                time.sleep(0.5)

    def _empty(self) -> None:
        with self._engine.begin() as conn:
            conn.exec_driver_sql("SET LOCAL lock_timeout = '20s'")  # a session a test left open must not hang the run
            extra = set(self._table_names(conn)) - set(self._tables)
            for name in sorted(extra):
                conn.exec_driver_sql(f'DROP TABLE "{name}" CASCADE')
            data = [n for n in self._tables if n != "alembic_version"]
            if data:
                conn.exec_driver_sql("TRUNCATE " + ", ".join(f'"{n}"' for n in data) + " RESTART IDENTITY CASCADE")

    def close(self) -> None:
        self._engine.dispose()
        with self._admin.connect() as conn:
            for name in reversed(self._made):  # the template last: copies of it are gone by then
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._admin.dispose()

    def _rebuild(self) -> None:
        self._engine.dispose()
        self.url = self.new_database(migrated=True)
        self._engine = create_engine(self.url, poolclass=_null_pool())
        self._tables = self._table_names()

    def _table_names(self, conn: object | None = None) -> list[str]:
        query = text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
        if conn is not None:
            return [r[0] for r in conn.execute(query)]  # type: ignore[attr-defined]
        with self._engine.connect() as own:
            return [r[0] for r in own.execute(query)]

    def _revision(self) -> str | None:
        with self._engine.connect() as conn:
            try:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            except Exception:  # noqa: BLE001 - a test dropped the table: build anew
                return None


def _null_pool() -> type:
    from sqlalchemy.pool import NullPool

    return NullPool


@contextmanager
def scratch_server() -> Iterator[ScratchServer | None]:
    base = server_url()
    if base is None:
        yield None
        return
    server = ScratchServer(base)
    try:
        yield server
    finally:
        server.close()


def engine_for(url: URL) -> Engine:
    return create_engine(url, poolclass=_null_pool())
