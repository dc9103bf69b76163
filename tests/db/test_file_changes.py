"""The watch on an SQLite file: another connection's commits are seen, the planner's own are not."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from planner.db.engine import Database, open_database
from planner.db.file_changes import CommitWatch
from planner.domain.localized import LocalizedText
from planner.services import trips
from tests.services.conftest import new_trip


@pytest.fixture
def two(db_path: Path) -> Iterator[tuple[Database, Database, CommitWatch]]:
    """The planner's database and a second one on the same file (another window or desktop); the first is watched."""
    own, other = open_database(db_path), open_database(db_path)
    watch = CommitWatch(own)
    watch.start()
    yield own, other, watch
    watch.stop()
    own.close()
    other.close()


def test_another_connections_commit_is_seen_once(two: tuple[Database, Database, CommitWatch]) -> None:
    _own, other, watch = two
    assert watch.watching and not watch.changed()
    new_trip(other, "Made elsewhere")
    assert watch.changed()
    assert not watch.changed()  # seen: not again


def test_the_planners_own_commits_and_reads_are_not_counted(two: tuple[Database, Database, CommitWatch]) -> None:
    own, _other, watch = two
    trip = new_trip(own, "Own")
    trips.update_trip(own, trip.evolve(title=LocalizedText(en="Own, renamed")))
    with own.reading() as session:
        session.connection().exec_driver_sql("SELECT count(*) FROM trip")
    assert not watch.changed()


def test_a_foreign_commit_before_an_own_one_is_not_swallowed_by_it(two: tuple[Database, Database, CommitWatch]) -> None:
    own, other, watch = two
    new_trip(other, "Elsewhere")
    new_trip(own, "Own, right after")
    assert watch.changed()
    new_trip(own, "Own")
    new_trip(other, "Elsewhere, right after")
    assert watch.changed()
    assert not watch.changed()


def test_own_commits_from_a_worker_thread_are_own_too(two: tuple[Database, Database, CommitWatch]) -> None:
    own, _other, watch = two
    worker = threading.Thread(target=lambda: [new_trip(own, f"Imported {n}") for n in range(3)])
    worker.start()
    worker.join()
    assert not watch.changed()


def test_a_plain_sqlite_program_is_seen_too(two: tuple[Database, Database, CommitWatch], db_path: Path) -> None:
    _own, other, watch = two
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("UPDATE trip SET version = version WHERE 0")  # a commit that changes nothing is no change
        conn.commit()
        assert not watch.changed()
        new_trip(other, "Elsewhere")
        assert watch.changed()
    finally:
        conn.close()


def test_a_busy_file_is_looked_at_next_time_without_waiting(two: tuple[Database, Database, CommitWatch], db_path: Path) -> None:
    _own, _other, watch = two
    locker = sqlite3.connect(db_path, isolation_level=None)
    try:
        locker.execute("PRAGMA journal_mode=WAL")
        locker.execute("BEGIN EXCLUSIVE")  # in WAL mode readers still read: the watch is never held up
        started = time.perf_counter()
        assert not watch.changed()
        assert time.perf_counter() - started < 0.05
        locker.execute("DELETE FROM trip")
        locker.execute("COMMIT")
        assert watch.changed()
    finally:
        locker.close()


def test_stopping_removes_the_hooks_and_a_restart_takes_the_file_as_seen(two: tuple[Database, Database, CommitWatch]) -> None:
    own, other, watch = two
    watch.stop()
    assert not watch.watching and not watch.changed()
    new_trip(other, "While not watching")
    new_trip(own, "Own, while not watching")  # no hook left to call into a closed connection
    watch.start()
    assert not watch.changed()
    new_trip(other, "Now")
    assert watch.changed()


def test_a_server_database_is_not_watched_this_way() -> None:
    server = Database(create_engine("postgresql+psycopg://anna@db.agency.example/planner"))  # never connects
    with pytest.raises(ValueError):
        CommitWatch(server)

