"""Opening a planner database: one engine factory for SQLite files and PostgreSQL URLs.

Before anything is written the file is checked: a file that is not an SQLite
database, an SQLite database of another program, or one written by a newer
version of the planner is refused with a clear message and left untouched.
A PostgreSQL database needs none of the file checks, WAL or backups (the
agency backs it up with pg_dump), but the same migrations; a connection that
breaks off is reported as ConnectionLostError, which the window offers to
reconnect after.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from planner.db.integrity import (
    SQLITE_BUSY,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_LOCKED,
    SQLITE_NOTADB,
    DamagedDatabaseError,
    classify,
    error_code,
    problem,
)
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.db.server_errors import CONNECTION_LOST, connect_failure, connection_lost
from planner.domain.errors import ConnectionLostError, DatabaseError
from planner.i18n import N_

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
POSTGRESQL_DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_S = 10


def database_url(target: str | os.PathLike[str]) -> URL:
    """A SQLAlchemy URL for a file path or an URL given as is.

    A path is put into the URL as a whole, not pasted into a string: a file
    name with "?" or "#" would otherwise be cut short and read as a query.
    """
    value = os.fspath(target)
    if "://" in value:
        url = make_url(value)
        if url.drivername in ("postgres", "postgresql"):  # the planner ships psycopg 3, not SQLAlchemy's default psycopg2
            url = url.set(drivername=POSTGRESQL_DRIVER)
        return url
    return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 module opens transactions itself; let SQLAlchemy's begin decide.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA secure_delete=ON")  # erased personal data must not linger in free pages
    cur.close()


#: The execution option that marks a connection as reading only (see Database.reading).
READING = "planner_reading"


def _sqlite_begin(conn: Any) -> None:
    # IMMEDIATE takes the write lock at the start, so two writers queue on the
    # busy timeout instead of failing half-way with "database is locked".
    # A read takes no lock at all (DEFERRED): in WAL mode it reads the last
    # commit and never waits for a writer.
    deferred = conn.get_execution_options().get(READING, False)
    conn.exec_driver_sql("BEGIN DEFERRED" if deferred else "BEGIN IMMEDIATE")


def check_sqlite_file(path: Path, *, create: bool = True) -> bool:
    """True if `path` is to be created new; raises DatabaseError for a file that must not be touched.

    Without `create` a missing file is refused, and no folder is made.
    """
    if not path.exists():
        if not create:
            raise DatabaseError(N_("{path} does not exist."), path=str(path))
        parent = path.parent
        if not parent.exists():
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(N_("The folder {path} cannot be created: {reason}"), path=str(parent), reason=exc.strerror or str(exc)) from exc
        if not os.access(parent, os.W_OK):
            raise DatabaseError(N_("The folder {path} is read-only; the database cannot be created there."), path=str(parent))
        return True
    if path.is_dir():
        raise DatabaseError(N_("{path} is a folder, not a planner database."), path=str(path))
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(N_("{path} cannot be read: {reason}"), path=str(path), reason=exc.strerror or str(exc)) from exc
    if header != SQLITE_HEADER:
        raise DatabaseError(N_("{path} is not a planner database."), path=str(path))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseError(N_("{path} is read-only; the planner needs to write to it and to its folder."), path=str(path))
    return False


def peek_sqlite_revision(path: Path) -> str | None:
    """The schema revision of an existing SQLite file, read without writing a byte.

    The engine's connections switch the file to WAL mode, which rewrites its
    header; so a file is judged through a read-only connection first. Returns
    None for a file with no tables and "foreign" for one without a revision.
    """
    # Read-only access to a WAL file still creates -wal and -shm beside it and
    # leaves them there. Without a -wal no connection has the file open in WAL
    # mode, so it can be read as immutable, which creates nothing.
    in_use = path.with_name(path.name + "-wal").exists()
    uri = path.resolve().as_uri() + ("?mode=ro" if in_use else "?mode=ro&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise DatabaseError(N_("{path} cannot be read: {reason}"), path=str(path), reason=str(exc)) from exc
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in names:
            return "foreign" if names else None
        # The full check, not only quick_check: it also finds damaged indexes, and costs 12 ms on the
        # 50-trip benchmark file (quick_check: 7 ms), after the window's first paint.
        found = problem(conn, full=True)
        if found is not None:
            raise _damaged(path, found)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseError(N_("{path} is locked by another program; please try again."), path=str(path)) from exc
        raise _damaged(path, str(exc)) from exc
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged header can name a wrong text encoding
        raise _damaged(path, str(exc)) from exc
    finally:
        conn.close()


def _damage_found(exc: DBAPIError) -> bool:
    """A read that met damage SQLite's check cannot see (e.g. a text value that is no longer UTF-8) or one it can."""
    return error_code(exc.orig) in (SQLITE_CORRUPT, SQLITE_NOTADB) or "Could not decode to UTF-8" in _reason(exc)


def _damaged(path: Path, detail: str) -> DatabaseError:
    """A planner file that fails SQLite's check: the message names the newest good backup to restore."""
    from planner.db.backup import newest_good_backup

    logging.getLogger(__name__).error("%s fails SQLite's check: %s", path, detail)
    return DamagedDatabaseError(path, detail, newest_good_backup(path))


def check_revision(revision: str | None, where: str) -> None:
    """Refuse a database of another program or of a newer planner, before anything is written."""
    if revision == "foreign":
        raise DatabaseError(N_("{path} is a database of another program, not a planner database."), path=where)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseError(
            N_("{path} was written by a newer version of the planner; please update the planner to open it."),
            path=where,
        )


class Database:
    """An open planner database: the engine, and transactions for the services."""

    def __init__(self, engine: Engine, *, created: bool = False) -> None:
        self.engine = engine
        self.created = created
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._reader = engine.execution_options(**{READING: True})  # same pool, deferred transactions
        #: Server processes of this database's own connections: their notifications are our own changes.
        self.backend_pids: set[int] = set()
        if engine.dialect.name == "postgresql":
            event.listen(engine, "connect", self._note_backend)
            event.listen(engine, "close", self._forget_backend)

    def _note_backend(self, dbapi_connection: Any, record: Any) -> None:
        pid = int(dbapi_connection.info.backend_pid)
        record.info["backend_pid"] = pid
        self.backend_pids.add(pid)

    def _forget_backend(self, _dbapi_connection: Any, record: Any) -> None:
        self.backend_pids.discard(record.info.get("backend_pid", -1))

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        return Path(self.engine.url.database) if self.is_sqlite and self.engine.url.database else None

    @property
    def label(self) -> str:
        """A short name for the window title: the file's name, or the database and its server."""
        if self.path is not None:
            return self.path.name
        url = self.engine.url
        return f"{url.database or ''} @ {url.host or 'localhost'}"

    @property
    def host(self) -> str:
        """The server as host:port (a file's path), for messages that name the database separately."""
        if self.path is not None:
            return str(self.path)
        url = self.engine.url
        return f"{url.host or 'localhost'}:{url.port or 5432}"

    @property
    def server(self) -> str:
        """Where the data lives, for messages: the file, or host:port/database of the server."""
        if self.path is not None:
            return str(self.path)
        url = self.engine.url
        return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._connection_kept(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads; nothing it does is committed, and on a file it never waits for a writer."""
        with self._connection_kept():
            session = self._sessions(bind=self._reader)
            try:
                yield session
            finally:
                session.rollback()
                session.close()

    @contextmanager
    def _connection_kept(self) -> Iterator[None]:
        """A server connection that broke off becomes ConnectionLostError; a file has no connection to lose."""
        try:
            yield
        except Exception as exc:  # SQLAlchemy's errors, and psycopg's own where a path raises them unwrapped
            if connection_lost(exc, is_sqlite=self.is_sqlite):
                raise ConnectionLostError(CONNECTION_LOST, server=self.server) from exc
            if isinstance(exc, DBAPIError) and self.is_sqlite and self.path is not None and _damage_found(exc):
                raise _damaged(self.path, _reason(exc)) from exc
            raise

    def reconnect(self) -> None:
        """Drop every pooled connection and connect anew; ConnectionLostError while the server stays away."""
        self.engine.dispose()
        with self._connection_kept(), self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")

    def probe(self, timeout_s: int = 5) -> None:
        """Ask the server whether it answers, on a fresh connection outside the pool; DatabaseError if not.

        Safe from a worker thread: it shares nothing with the pool the window uses.
        """
        if self.is_sqlite:
            return
        url = self.engine.url
        cargs, cparams = self.engine.dialect.create_connect_args(url)
        try:
            conn = self.engine.dialect.loaded_dbapi.connect(*cargs, **{**cparams, "connect_timeout": timeout_s})
        except Exception as exc:  # the driver's own errors: nothing of SQLAlchemy's wraps a direct connect
            raise connect_failure(exc, server=self.host, database=url.database or "", user=url.username or "") from exc
        conn.close()

    def close(self) -> None:
        self.engine.dispose()


def connection_broken(exc: BaseException) -> bool:
    """True when a server database failed because the connection is gone (see planner/db/server_errors.py)."""
    return connection_lost(exc)


def connection_busy(exc: DBAPIError) -> bool:
    """True when another writer held a lock (SQLite "locked"/"busy", PostgreSQL lock timeout or deadlock): worth a retry."""
    reason = _reason(exc)
    if "locked" in reason or "busy" in reason:
        return True
    return getattr(exc.orig, "sqlstate", None) in ("40001", "40P01", "55P03")


def open_database(
    target: str | os.PathLike[str], *, migrate: bool = True, backup: bool = True, create: bool = True
) -> Database:
    """Open (or create) the database at a path or URL, upgrading its schema if it is older.

    An existing SQLite file gets its daily backup on open (`backup=False` for
    short-lived tools such as the backup command itself). With `create=False`
    (commands that only read) a missing file is refused and nothing is created.
    """
    try:
        url = database_url(target)
    except (ArgumentError, ValueError) as exc:  # ValueError: e.g. a port that is not a number
        shown = re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", str(target))  # never echo a password
        raise DatabaseError(N_("“{target}” is neither a file path nor a database URL."), target=shown) from exc
    created = False
    # Statements' parameters (names, passport numbers) never go into an error's text, and so never into a log.
    kwargs: dict[str, Any] = {"hide_parameters": True}
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            raise DatabaseError(N_("An in-memory database cannot hold a plan; give a file path."))
        path = Path(url.database)
        created = check_sqlite_file(path, create=create)
        if not created:
            _remove_leftovers(path)
            check_revision(peek_sqlite_revision(path), str(path))
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
    elif url.get_backend_name() == "postgresql":
        # pre_ping finds a connection the server dropped before it is used, and replaces it.
        kwargs["pool_pre_ping"] = True
        kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "delegation-planner"}
    else:
        raise DatabaseError(N_("Database type “{name}” is not supported; use a file or PostgreSQL."), name=url.get_backend_name())
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(N_("The database cannot be opened: {reason}"), reason=str(exc)) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    db = Database(engine, created=created)
    try:
        if created:
            _restrict_permissions(path)
        _prepare_schema(db, migrate=migrate)
        if created:
            _restrict_permissions(path)
    except DatabaseError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        if engine.dialect.name != "sqlite" and connection_broken(exc):
            raise connect_failure(exc, server=db.host, database=url.database or "", user=url.username or "") from exc
        if engine.dialect.name == "sqlite" and error_code(exc.orig) in (SQLITE_BUSY, SQLITE_LOCKED, SQLITE_FULL, SQLITE_IOERR):
            raise classify(exc.orig, path) from exc  # in use, disk full, write refused: said as such
        raise DatabaseError(N_("The database cannot be opened: {reason}"), reason=_reason(exc)) from exc
    if backup and not created and engine.dialect.name == "sqlite":
        _daily_backup(path)
    return db


def _daily_backup(path: Path) -> None:
    """A failed backup must not keep the planner from opening the plan; it is logged (never shown as a traceback)."""
    from planner.db.backup import daily_backup

    try:
        daily_backup(path)
    except (DatabaseError, OSError, sqlite3.Error) as exc:
        logging.getLogger(__name__).warning("daily backup of %s failed: %s", path, exc)


def _remove_leftovers(path: Path) -> None:
    """Temporary copies of a planner killed mid-backup hold personal data: gone at the next start."""
    from planner.db.backup import backup_dir
    from planner.private_files import remove_leftovers

    for folder in (path.parent, backup_dir(path)):
        for removed in remove_leftovers(folder):
            logging.getLogger(__name__).info("removed the leftover %s", removed)


def _restrict_permissions(path: Path) -> None:
    """Plans hold passport numbers: the file and its journal are the owner's only."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.exists():
            os.chmod(p, stat.S_IRUSR | stat.S_IWUSR)
    if not path.exists():
        path.touch(mode=0o600)


def _reason(exc: DBAPIError) -> str:
    return str(exc.orig) if exc.orig is not None else str(exc)


def current_revision(db: Database) -> str | None:
    with db.engine.connect().execution_options(**{READING: True}) as conn:
        names = inspect(conn).get_table_names()
        if "alembic_version" not in names:
            return None if not names else "foreign"
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def _prepare_schema(db: Database, *, migrate: bool) -> None:
    try:
        revision = _with_retry(lambda: current_revision(db))
    except OperationalError as exc:
        message = _reason(exc)
        if "file is not a database" in message or "malformed" in message:
            raise DatabaseError(N_("{path} is damaged or not a planner database."), path=str(db.path or db.url)) from exc
        raise
    check_revision(revision, str(db.path or db.url))
    if revision == HEAD_REVISION:
        return
    if revision is None and not db.is_sqlite:
        db.created = True  # an empty server database gets its tables now
    if not migrate:
        raise DatabaseError(N_("{path} needs a schema upgrade before it can be used."), path=str(db.path or db.url))
    from planner.db.migrate import upgrade

    upgrade(db, from_revision=revision)


def _with_retry(action: Any, attempts: int = 5) -> Any:
    for attempt in range(attempts):
        try:
            return action()
        except OperationalError as exc:
            if "locked" not in _reason(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    return None
