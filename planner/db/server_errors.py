"""What went wrong with a database server, in words a planner can act on.

Two questions are asked of every failure on a team database:

- *Is the connection gone?* (`connection_lost`) Then nothing was written and the
  action can be tried again once the server is back. SQLAlchemy wraps most
  driver errors in DBAPIError, but some paths (a raw connection for LISTEN,
  psycopg's own pipeline) raise psycopg's errors directly; both are recognised
  here, so there is one connection-loss path for the window, the CLI, the copy
  and the live updates.
- *Why could it not connect?* (`connect_failure`) A wrong password, a missing
  database, a missing CONNECT right, an unreachable server and a certificate
  problem each get their own translated sentence; the server's own (English)
  text goes into `details`, never into the sentence. libpq reports these
  failures without an SQLSTATE, so they are told apart by the server's message,
  which PostgreSQL words the same in every version since 9.x.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from planner.domain.errors import DatabaseError
from planner.i18n import N_

#: SQLSTATEs of a connection that is gone: class 08, and the server shutting down or restarting.
LOST_STATES = ("57P01", "57P02", "57P03")

CONNECTION_LOST = N_(
    "The connection to the database server was lost, so the last action was not carried out. "
    "Try again once the connection is back."
)
#: The same for the command line, where nothing offers to reconnect.
CONNECTION_LOST_CLI = N_(
    "The connection to the database server {server} was lost; nothing was written. "
    "Check the network connection and run the command again."
)

WRONG_LOGIN = N_("The server {server} refused the login: the user name or the password is wrong.")
NO_DATABASE = N_("The database “{database}” does not exist on the server {server}.")
NO_RIGHT = N_("The user “{user}” has no right to connect to the database “{database}” on {server}; ask the database administrator.")
NOT_ALLOWED = N_("The server {server} does not accept connections from this computer for the user “{user}”; ask the database administrator.")
UNREACHABLE = N_("The server {server} cannot be reached. Check the address, the port and the network connection.")
STARTING = N_("The server {server} is starting up or shutting down; please try again in a moment.")
CERTIFICATE = N_("The secure connection to {server} failed: the server's certificate could not be verified or TLS is not set up.")
REFUSED = N_("The database cannot be opened: the server {server} cannot be reached or refused the connection.")

# (words in the server's or libpq's message, the sentence); the first match wins.
_CAUSES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("password authentication failed", "password is required", "no password supplied", "authentication failed"), WRONG_LOGIN),
    (("certificate", "ssl", "tls"), CERTIFICATE),
    (("permission denied for database", "connect privilege"), NO_RIGHT),
    (("no pg_hba.conf entry", "is not permitted to log in"), NOT_ALLOWED),
    (("role \"",), WRONG_LOGIN),  # 'role "x" does not exist' where the server trusts the network
    (("does not exist",), NO_DATABASE),
    (("starting up", "shutting down", "in recovery mode", "terminating connection"), STARTING),
    (
        (
            "connection refused", "timeout expired", "timed out", "could not translate host name", "no route to host",
            "network is unreachable", "name or service not known", "server closed the connection", "could not connect",
            "connection reset", "is the server running",
        ),
        UNREACHABLE,
    ),
)


def driver_error(exc: BaseException) -> BaseException:
    """The driver's own exception behind a SQLAlchemy one (or `exc` itself)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    return orig if isinstance(orig, BaseException) else exc


def _is_psycopg(exc: BaseException, *names: str) -> bool:
    """psycopg's error classes by name, without importing psycopg (the window starts without it)."""
    return any(cls.__module__.startswith("psycopg") and cls.__name__ in names for cls in type(exc).__mro__)


def connection_lost(exc: BaseException, *, is_sqlite: bool = False) -> bool:
    """True when a server database failed because the connection is gone, not because a statement was refused.

    The driver gives no SQLSTATE for failures on the client side (refused,
    reset, timed out); the server's own reasons carry class 08 or 57P0x.
    """
    if is_sqlite:
        return False
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        if not isinstance(exc, (OperationalError, InterfaceError)):
            return False
    elif not _is_psycopg(exc, "OperationalError", "InterfaceError"):
        return False
    state = getattr(driver_error(exc), "sqlstate", None)
    return state is None or state.startswith("08") or state in LOST_STATES


def server_text(exc: BaseException) -> str:
    """The server's or driver's message, for the details: without libpq's "connection failed:" prefix."""
    text = str(driver_error(exc)).strip()
    return text.removeprefix("connection failed:").strip()


def connect_failure(exc: BaseException, *, server: str, database: str, user: str) -> DatabaseError:
    """The message for a server that could not be connected to, naming the cause; the server's text as details."""
    text = server_text(exc)
    lowered = text.lower()
    message = REFUSED
    for words, sentence in _CAUSES:
        if any(word in lowered for word in words):
            message = sentence
            break
    error = DatabaseError(message, server=server, database=database, user=user or "?")
    error.details = text
    return error
