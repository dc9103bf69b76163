"""Shared fixtures: a fresh database per test, English messages unless a test switches.

With PLANNER_TEST_DATABASE_URL set (see tests/pg_support.py) every test that
takes `db` or `db_target` runs on PostgreSQL instead of an SQLite file; tests
marked `sqlite_file`, or taking `db_path`, are about database files and are
skipped there.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planner import i18n  # noqa: E402
from planner.db.engine import Database, open_database  # noqa: E402
from tests.pg_support import NEEDS_POSTGRESQL_REASON, SQLITE_FILE_REASON, ScratchServer, scratch_server, server_url  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_file: about SQLite database files; skipped on PostgreSQL")
    config.addinivalue_line("markers", "postgresql: needs a PostgreSQL server (PLANNER_TEST_DATABASE_URL)")
    config.addinivalue_line("markers", "serial: stops or starts the database server; `make test` runs these alone, after the rest")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    on_postgresql = server_url() is not None
    for item in items:
        if on_postgresql and item.get_closest_marker("sqlite_file"):
            item.add_marker(pytest.mark.skip(reason=SQLITE_FILE_REASON))
        if not on_postgresql and item.get_closest_marker("postgresql"):
            item.add_marker(pytest.mark.skip(reason=NEEDS_POSTGRESQL_REASON))


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[ScratchServer | None]:
    """The PostgreSQL scratch server of this run, or None when the suite runs on SQLite."""
    with scratch_server() as server:
        yield server


@pytest.fixture
def db_path(tmp_path: Path, pg_server: ScratchServer | None) -> Path:
    """The test's SQLite database file; a test that needs the file itself is skipped on PostgreSQL."""
    if pg_server is not None:
        pytest.skip(SQLITE_FILE_REASON)
    return tmp_path / "planner.sqlite"


@pytest.fixture
def db_target(tmp_path: Path, pg_server: ScratchServer | None) -> str:
    """What `--db` is given for the test's database: a file path, or a PostgreSQL URL emptied for this test."""
    if pg_server is None:
        return str(tmp_path / "planner.sqlite")
    pg_server.reset()
    return pg_server.target


@pytest.fixture(scope="session")
def make_database(pg_server: ScratchServer | None, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Database]:
    """Another planner database of its own, new and migrated: a file, or a database on the test server. The caller closes it."""

    def make(name: str = "other") -> Database:
        if pg_server is None:
            return open_database(tmp_path_factory.mktemp(name) / "planner.sqlite")
        return open_database(pg_server.new_database(migrated=True).render_as_string(hide_password=False))

    return make


#: How long a test's background reader may take to finish after the test (a comparison or a check of a big trip).
THREAD_WAIT_SECONDS = 10.0


@pytest.fixture
def db(db_target: str) -> Iterator[Database]:
    """A new, empty planner database (migrated to the current schema).

    Before it is closed, the threads the test started (a window's worker still
    reading: the printouts' comparison, a check of the trip) are waited for:
    left running, such a reader would still hold the database while the next
    test empties it (on PostgreSQL its TRUNCATE then deadlocked with the read).
    """
    before = set(threading.enumerate())
    database = open_database(db_target)
    yield database
    _wait_for_threads_since(before)
    database.close()


def _wait_for_threads_since(before: set[threading.Thread]) -> None:
    for thread in threading.enumerate():
        # A QThread that ran Python code is listed as a "dummy" thread, which cannot be joined (Qt's own tasks
        # wait for theirs); only the threads started with `threading` are waited for here.
        dummy = type(thread).__name__ == "_DummyThread"
        if thread not in before and not dummy and thread is not threading.current_thread() and thread.is_alive():
            thread.join(THREAD_WAIT_SECONDS)
