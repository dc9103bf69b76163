"""Team database addresses and their passwords: the address in the settings, the password in the system keyring.

A PostgreSQL URL is remembered (last database, recent list) without its
password; the password goes to the keyring of the operating system (macOS
Keychain, Windows Credential Locker, the Secret Service on Linux). Where no
keyring is available the password is not stored anywhere, and the planner
says so: it asks for it again next time rather than write it into a file.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError

from planner.db.engine import database_url

SERVICE = "delegation-planner"
DEFAULT_PORT = 5432

log = logging.getLogger(__name__)


def is_server_url(target: str) -> bool:
    return "://" in target and not target.lower().startswith("sqlite")


#: A server login as the rest of the app passes it around (the UI never imports SQLAlchemy itself).
ServerURL = URL


def parse_server_url(text: str) -> ServerURL | None:
    """`text` as a PostgreSQL URL, or None when it is not one or cannot be read."""
    if not is_server_url(text):
        return None
    try:
        url = database_url(text)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        return None
    return url if url.get_backend_name() == "postgresql" else None


def server_url(host: str, port: int, database: str, user: str, password: str = "") -> URL:
    """The PostgreSQL URL for the connection dialog's fields (special characters are kept whole, not pasted in)."""
    return URL.create(
        "postgresql+psycopg", username=user or None, password=password or None, host=host or None,
        port=port or None, database=database or None,
    )


def public_url(target: str | URL) -> str:
    """`target` without its password, to be kept in the settings and shown; a file path stays as it is."""
    if isinstance(target, str) and not is_server_url(target):
        return target
    url = target if isinstance(target, URL) else database_url(target)
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)  # set() keeps a None field as it is
    return bare.render_as_string(hide_password=False)


def account(url: URL) -> str:
    """The keyring entry of a server login: user@host:port/database."""
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or DEFAULT_PORT}/{url.database or ''}"


class PasswordStore:
    """The system keyring, if there is one; every failure of it counts as "not stored"."""

    def __init__(self, backend: object | None = None) -> None:
        self._backend = backend  # tests hand in their own; None: the system's

    def _keyring(self) -> object | None:
        if self._backend is not None:
            return self._backend
        try:
            import keyring
            from keyring.backends import fail
        except ImportError:
            return None
        try:
            backend = keyring.get_keyring()
        except Exception:  # noqa: BLE001 - a broken keyring setup is no keyring
            log.warning("no usable keyring", exc_info=True)
            return None
        return None if isinstance(backend, fail.Keyring) else backend

    @property
    def available(self) -> bool:
        return self._keyring() is not None

    def save(self, url: URL, password: str) -> bool:
        """Keep the password of `url`'s login; False if there is no keyring or it refused."""
        backend = self._keyring()
        if backend is None or not password:
            return False
        try:
            backend.set_password(SERVICE, account(url), password)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - locked or broken keyring: the password is simply not kept
            log.warning("the keyring did not store the password", exc_info=True)
            return False
        return True

    def load(self, url: URL) -> str | None:
        backend = self._keyring()
        if backend is None:
            return None
        try:
            return backend.get_password(SERVICE, account(url))  # type: ignore[attr-defined,no-any-return]
        except Exception:  # noqa: BLE001
            log.warning("the keyring could not be read", exc_info=True)
            return None

    def forget(self, url: URL) -> None:
        backend = self._keyring()
        if backend is None:
            return
        try:
            backend.delete_password(SERVICE, account(url))  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - nothing stored, or a locked keyring: nothing to forget
            pass

    def complete(self, target: str) -> str:
        """`target` with the stored password filled in when it names a server login without one."""
        if not is_server_url(target):
            return target
        try:
            url = database_url(target)
        except ArgumentError:
            return target
        if url.password:
            return target
        password = self.load(url)
        return url.set(password=password).render_as_string(hide_password=False) if password else target
