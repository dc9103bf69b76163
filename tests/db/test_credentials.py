"""Team database logins: the URL kept without its password, the password in the keyring (or nowhere)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from planner.db.credentials import PasswordStore, account, is_server_url, public_url, server_url
from planner.db.engine import database_url


class MemoryKeyring:
    """A keyring backend in a dict, as the keyring package's backends behave."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, password: str) -> None:
        self.entries[(service, user)] = password

    def get_password(self, service: str, user: str) -> str | None:
        return self.entries.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        del self.entries[(service, user)]


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, user: str, password: str) -> None:
        raise RuntimeError("the keyring is locked")

    def get_password(self, service: str, user: str) -> str | None:
        raise RuntimeError("the keyring is locked")


def test_fields_make_a_url_that_keeps_special_characters_whole() -> None:
    url = server_url("db.agency.example", 5433, "trips 2016", "anna.weber", "p@ss:w/rd#1?")
    again = make_url(url.render_as_string(hide_password=False))
    assert (again.host, again.port, again.database, again.username, again.password) == (
        "db.agency.example", 5433, "trips 2016", "anna.weber", "p@ss:w/rd#1?",
    )
    assert again.drivername == "postgresql+psycopg"


def test_public_url_drops_only_the_password() -> None:
    assert public_url("postgresql://anna:secret@db:5433/planner") == "postgresql+psycopg://anna@db:5433/planner"
    assert public_url("/home/anna/planner.sqlite") == "/home/anna/planner.sqlite"
    assert is_server_url("postgres://anna@db/planner") and not is_server_url("sqlite:///x.sqlite") and not is_server_url("C:/plan.sqlite")


def test_plain_postgresql_urls_use_psycopg_3() -> None:
    for given in ("postgresql://a@h/db", "postgres://a@h/db", "postgresql+psycopg://a@h/db"):
        assert database_url(given).drivername == "postgresql+psycopg"


def test_the_password_is_kept_in_the_keyring_and_filled_in_again() -> None:
    keyring = MemoryKeyring()
    store = PasswordStore(keyring)
    url = make_url("postgresql+psycopg://anna:secret@db:5433/planner")
    assert store.available and store.save(url, "secret")
    assert keyring.entries == {("delegation-planner", "anna@db:5433/planner"): "secret"}
    assert account(make_url("postgresql://anna@db/planner")) == "anna@db:5432/planner"
    completed = make_url(store.complete("postgresql+psycopg://anna@db:5433/planner"))
    assert completed.password == "secret"
    assert store.complete("postgresql://anna:given@db:5433/planner") == "postgresql://anna:given@db:5433/planner"
    assert store.complete("postgresql://bert@db:5433/planner") == "postgresql://bert@db:5433/planner"
    assert store.complete("/a/file.sqlite") == "/a/file.sqlite"
    store.forget(url)
    store.forget(url)  # twice is harmless
    assert keyring.entries == {}


def test_without_a_usable_keyring_nothing_is_stored_and_nothing_fails() -> None:
    locked = PasswordStore(LockedKeyring())
    url = make_url("postgresql+psycopg://anna@db/planner")
    assert not locked.save(url, "secret")
    assert locked.load(url) is None
    assert locked.complete("postgresql+psycopg://anna@db/planner") == "postgresql+psycopg://anna@db/planner"


def test_the_system_keyring_is_used_only_when_there_is_a_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    store = PasswordStore()
    assert not store.available
    assert not store.save(make_url("postgresql+psycopg://anna@db/planner"), "secret")
    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory)
    assert PasswordStore().available and PasswordStore().save(make_url("postgresql+psycopg://anna@db/planner"), "secret")


def test_parse_server_url_accepts_only_postgresql() -> None:
    from planner.db.credentials import parse_server_url

    url = parse_server_url("postgresql://anna@db.example.org:5433/planner")
    assert url is not None and (url.host, url.port, url.database, url.username) == ("db.example.org", 5433, "planner", "anna")
    assert parse_server_url("mysql://anna@db.example.org/planner") is None
    assert parse_server_url("/home/anna/trips.sqlite") is None
    assert parse_server_url("postgresql://anna@db.example.org:notaport/planner") is None
