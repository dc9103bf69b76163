"""Why a team database could not be reached, told apart from libpq's and the server's words."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from planner.db import server_errors as se

SERVER = "db.agency.example:5432/planner"


def failure(text: str) -> OperationalError:
    """What SQLAlchemy raises when psycopg could not connect (libpq gives no SQLSTATE for these)."""
    return OperationalError("connect", {}, psycopg.OperationalError(text))


@pytest.mark.parametrize(
    ("server_says", "sentence"),
    [
        ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  password authentication failed for user "anna"', se.WRONG_LOGIN),
        ('connection failed: connection to server at "10.0.0.5", port 5432 failed: fe_sendauth: no password supplied', se.WRONG_LOGIN),
        ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  role "anna" does not exist', se.WRONG_LOGIN),
        ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  database "trips" does not exist', se.NO_DATABASE),
        ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  permission denied for database "planner"\nDETAIL:  User does not have CONNECT privilege.', se.NO_RIGHT),
        ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.0.0.9", user "anna", database "planner", no encryption', se.NOT_ALLOWED),
        ('connection failed: connection to server at "10.0.0.5", port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?', se.UNREACHABLE),
        ("connection failed: connection to server at \"10.0.0.5\", port 5432 failed: timeout expired", se.UNREACHABLE),
        ('connection failed: could not translate host name "db.agency.exampel" to address: Name or service not known', se.UNREACHABLE),
        ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  the database system is starting up', se.STARTING),
        ('connection failed: connection to server at "10.0.0.5", port 5432 failed: server does not support SSL, but SSL was required', se.CERTIFICATE),
        ("connection failed: connection to server at \"10.0.0.5\", port 5432 failed: SSL error: certificate verify failed", se.CERTIFICATE),
        ("connection failed: something nobody foresaw", se.REFUSED),
    ],
)
def test_each_cause_has_its_own_sentence_and_the_servers_text_goes_to_the_details(server_says: str, sentence: str) -> None:
    error = se.connect_failure(failure(server_says), server=SERVER, database="planner", user="anna")
    assert error.msgid == sentence
    assert error.details == server_says.removeprefix("connection failed:").strip()
    assert "FATAL" not in error.message() and "connection failed" not in error.message()
    assert SERVER in error.message() or "anna" in error.message() or "planner" in error.message()


def test_psycopg_errors_count_as_a_lost_connection_even_unwrapped() -> None:
    assert se.connection_lost(psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly"))
    assert se.connection_lost(failure("server closed the connection unexpectedly"))
    assert not se.connection_lost(psycopg.errors.UniqueViolation("duplicate key"))
    assert not se.connection_lost(IntegrityError("INSERT", {}, psycopg.errors.UniqueViolation("duplicate key")))
    assert not se.connection_lost(ValueError("not a database error"))
    assert not se.connection_lost(failure("server closed the connection unexpectedly"), is_sqlite=True)
