"""The planner on a PostgreSQL server: a lost connection, notifications to the other planners, the login.

These need a server (PLANNER_TEST_DATABASE_URL); the rest of the suite runs
on it as well when the variable is set.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from planner.db import server_errors
from planner.db.engine import CONNECTION_LOST, Database, open_database
from planner.db.notify import ChangeListener, parse_payload
from planner.domain.errors import ConnectionLostError, DatabaseError, ValidationErrors
from planner.services import people, trips
from tests.pg_support import ScratchServer, engine_for
from tests.services.conftest import new_person, new_trip

pytestmark = pytest.mark.postgresql


@pytest.fixture
def other(db: Database, db_target: str) -> Iterator[Database]:
    """A second planner on the same server database."""
    second = open_database(db_target)
    yield second
    second.close()


def terminate(db: Database, pid: int) -> None:
    """What a server restart or a dropped network does to one connection."""
    admin = engine_for(db.engine.url)
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        admin.dispose()
    time.sleep(0.2)


def test_a_connection_lost_in_a_transaction_is_a_clear_message_and_the_next_action_works(db: Database) -> None:
    with pytest.raises(ConnectionLostError) as info, db.transaction() as session:
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        terminate(db, pid)
        session.execute(text("SELECT 1"))
    assert info.value.message().startswith("The connection to the database server was lost")
    assert new_trip(db).id == 1  # a new connection is made for the next action


def test_a_dropped_idle_connection_is_replaced_without_a_message(db: Database) -> None:
    trip = new_trip(db)
    for pid in list(db.backend_pids):
        terminate(db, pid)
    assert trips.get_trip(db, trip.id).id == trip.id
    db.reconnect()
    assert trips.update_trip(db, trip.evolve(notes="after the restart")).after.notes == "after the restart"


def test_the_message_is_translated(db: Database) -> None:
    from planner import i18n

    i18n.set_language("de")
    with pytest.raises(ConnectionLostError) as info, db.reading() as session:
        terminate(db, session.execute(text("SELECT pg_backend_pid()")).scalar_one())
        session.execute(text("SELECT 1"))
    assert info.value.message() == i18n._(CONNECTION_LOST)  # the German catalog's text once the lead merges it


def test_an_empty_server_database_is_created_and_migrated(pg_server: ScratchServer) -> None:
    url = pg_server.new_database().render_as_string(hide_password=False)
    first = open_database(url)
    try:
        assert first.created and not first.is_sqlite and first.path is None
        assert first.label.startswith(make_url(url).database or "?")
    finally:
        first.close()
    again = open_database(url)
    try:
        assert not again.created
    finally:
        again.close()


def test_a_wrong_password_is_named_as_such_with_the_servers_text_in_the_details(db_target: str) -> None:
    url = make_url(db_target).set(password="certainly-not-the-password")
    try:
        open_database(url.render_as_string(hide_password=False)).close()
    except DatabaseError as error:
        assert error.msgid == server_errors.WRONG_LOGIN
        assert "password authentication failed" in error.details
        assert "certainly-not" not in error.message() and "certainly-not" not in error.details
        return
    pytest.skip("this server trusts every password")


def test_a_missing_database_is_named(db_target: str) -> None:
    url = make_url(db_target).set(database="no_such_planner_database")
    with pytest.raises(DatabaseError) as info:
        open_database(url.render_as_string(hide_password=False)).close()
    assert info.value.msgid == server_errors.NO_DATABASE
    assert "no_such_planner_database" in info.value.message() and "does not exist" in info.value.details


def test_a_server_nobody_listens_on_is_unreachable(db_target: str) -> None:
    import socket

    with socket.socket() as s:  # a free port: nothing answers there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = make_url(db_target).set(host="127.0.0.1", port=port)
    with pytest.raises(DatabaseError) as info:
        open_database(url.render_as_string(hide_password=False)).close()
    assert info.value.msgid == server_errors.UNREACHABLE


def test_other_planners_hear_of_committed_changes_only(db: Database, other: Database) -> None:
    listener = ChangeListener(db)
    listener.start()
    try:
        trip = new_trip(other)
        person = new_person(other)
        with pytest.raises(ValidationErrors):
            people.create_person(other, person.evolve(id=None, family_name=""))  # refused: rolled back, never heard
        new_trip(db)  # our own change: the window knew of it first
        heard: list[tuple[str, int]] = []
        deadline = time.monotonic() + 5
        while len(heard) < 2 and time.monotonic() < deadline:
            heard += listener.poll()
            time.sleep(0.05)
        time.sleep(0.2)
        heard += listener.poll()
        assert heard == [("trip", trip.id), ("person", person.id)]
    finally:
        listener.stop()
    assert not listener.listening and listener.poll() == []


def test_a_broken_listening_connection_is_reported_as_lost(db: Database) -> None:
    listener = ChangeListener(db)
    listener.start()
    terminate(db, listener._conn.info.backend_pid)  # noqa: SLF001 - the listener's own connection
    with pytest.raises(ConnectionLostError):
        for _ in range(20):
            listener.poll()
            time.sleep(0.05)
    assert not listener.listening


def test_payloads() -> None:
    assert parse_payload("trip:7") == ("trip", 7)
    assert parse_payload("nonsense") is None and parse_payload("trip:x") is None


def test_two_planners_starting_at_once_on_an_empty_server_database_both_open_it(pg_server: ScratchServer) -> None:
    """One migrates while the other waits on the lock, then finds the schema current."""
    import subprocess
    import sys
    from pathlib import Path

    url = pg_server.new_database().render_as_string(hide_password=False)
    code = "import sys; from planner.db.engine import open_database; open_database(sys.argv[1]).close(); print('ok')"
    runs = [
        subprocess.Popen([sys.executable, "-c", code, url], cwd=Path(__file__).resolve().parents[2], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [out.strip() for out, _err in results] == ["ok", "ok"], [err for _out, err in results]
