"""What every service shares: the Change it returns and the transaction wrapper.

A service runs its work through `run`, one transaction; called while another
service's `run` is open on the same database (a batch, an undo of a batch), it
joins that transaction in a savepoint of its own instead, so a user action that
touches many records is still one transaction and one commit (see `each`).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from planner.db.engine import Database, connection_busy
from planner.db.notify import announce
# The Change and its kinds live in the domain (plain data every layer reads); services import them from here too.
from planner.domain.changes import EVERYTHING, Action, Change, EntityKind, batch_of, entity_kind  # noqa: F401
from planner.domain.errors import Term, ConflictError, DatabaseError, NotFoundError, PlannerError, ValidationError
from planner.i18n import N_

T = TypeVar("T")

LOCK_RETRIES = 3
#: How often a transaction was tried again after a lock or deadlock, and how often that did not help.
RETRIES: Counter[str] = Counter()
BUSY = N_("The database is busy in another window or program; your change was not saved. Please try again.")
CHANGED_ELSEWHERE = N_("This record was changed elsewhere in the meantime; please reload it and try again.")

log = logging.getLogger(__name__)


class BusyError(DatabaseError):
    """Another writer held the lock, or two transactions deadlocked: nothing was written; worth another try."""


#: The transaction open in this thread of control, per database (by identity): a nested `run` joins it.
_OPEN: ContextVar[tuple[tuple[Database, Session], ...]] = ContextVar("planner_open_transactions", default=())


def _open_session(db: Database) -> Session | None:
    return next((session for owner, session in _OPEN.get() if owner is db), None)


@contextmanager
def unit_of_work(db: Database) -> Iterator[Session]:
    """One transaction, with database failures turned into messages the user can act on."""
    with _translated():
        with db.transaction() as session:
            token = _OPEN.set(_OPEN.get() + ((db, session),))
            try:
                yield session
            finally:
                _OPEN.reset(token)


@contextmanager
def _translated() -> Iterator[None]:
    """Database failures as PlannerErrors (BusyError for a lock worth another try)."""
    try:
        yield
    except StaleDataError as exc:
        raise ConflictError(CHANGED_ELSEWHERE) from exc
    except IntegrityError as exc:
        raise _integrity_error(exc) from exc
    except DataError as exc:  # PostgreSQL enforces column lengths that SQLite ignores; validation should come first
        raise PlannerError(N_("A value does not fit into the database: {reason}"), reason=str(exc.orig).splitlines()[0]) from exc
    except OperationalError as exc:
        reason = str(exc.orig)
        if connection_busy(exc):
            raise BusyError(BUSY) from exc
        raise DatabaseError(N_("The database cannot be written: {reason}"), reason=reason) from exc


def _integrity_error(exc: IntegrityError) -> PlannerError:
    """A refused row as the user sees it: a race with another planner is a conflict, never the database's text.

    Two planners ticking the same participant at once both insert the same key;
    a record deleted elsewhere leaves a reference to nothing. Both mean the
    screen was behind the database. Any other refusal (a rule the validation
    should have caught) gets a plain sentence; the database's text, which may
    quote the row, goes only into the details.
    """
    state = getattr(exc.orig, "sqlstate", None)
    reason = str(exc.orig)
    if state in ("23505", "23503") or "UNIQUE constraint" in reason or "FOREIGN KEY constraint" in reason:
        error: PlannerError = ConflictError(CHANGED_ELSEWHERE)
    else:
        error = PlannerError(N_("The change breaks a rule of the database and was not saved."))
    error.details = reason
    return error


def run(db: Database, action: Callable[[Session], T]) -> T:
    """Run `action` in one transaction, retrying briefly when another writer holds the lock.

    A deadlock or a lock another planner holds ends the transaction with
    nothing written; it is tried again a bounded number of times (counted in
    `RETRIES`, logged without any data), then the user is told the database is busy.
    """
    joined = _open_session(db)
    if joined is not None:
        return _in_savepoint(joined, action)
    for attempt in range(LOCK_RETRIES):
        try:
            with unit_of_work(db) as session:
                result = action(session)
                if isinstance(result, Change):
                    _announce(db, session, result)
                return result
        except BusyError:
            RETRIES["busy"] += 1
            if attempt == LOCK_RETRIES - 1:
                RETRIES["gave up"] += 1
                raise
            log.info("database busy or deadlocked; trying again (attempt %d of %d)", attempt + 2, LOCK_RETRIES)
            time.sleep(0.25 * (attempt + 1))
    raise AssertionError("unreachable")


def _in_savepoint(session: Session, action: Callable[[Session], T]) -> T:
    """`action` inside the open transaction, undone alone (a savepoint) if it fails; the outer `run` commits and retries."""
    with _translated():
        with session.begin_nested():
            return action(session)


def each(
    db: Database, actions: Sequence[Callable[[], Change]], *, stop_on_error: bool = False,
    entity: EntityKind | str | None = None, record_id: int = 0,
) -> Change:
    """Several service calls as ONE transaction, returned as a BATCH Change.

    Each action calls a service as usual; inside the batch its `run` joins
    this transaction in a savepoint. A refused action (a record deleted
    elsewhere, a person still on a trip) is rolled back alone and kept in
    `refused`; with `stop_on_error` the rest is then left undone too. A busy
    database ends the whole batch, which is then tried again as a whole (any
    other DatabaseError ends it for good: the transaction itself failed).
    The batch is about `entity` (default: the kind of its first change).
    """

    def act(_s: Session) -> Change:
        done: list[Change] = []
        refused: list[PlannerError] = []
        for action in actions:
            try:
                done.append(action())
            except DatabaseError:  # busy, connection lost, cannot write: the transaction itself failed
                raise
            except PlannerError as error:
                refused.append(error)
                if stop_on_error:
                    break
        kind = entity if entity is not None else (done[0].entity if done else EntityKind.ANY)
        return batch_of(kind, record_id, done, refused)

    return run(db, act)


def _announce(db: Database, session: Session, change: Change) -> None:
    """Tell the other planners on a shared server what changed; delivered with the commit, or not at all."""
    records = [(c.entity, c.id) for c in change.walk() if c.action is not Action.BATCH]
    announce(db, session, records)


def get_or_fail(session: Session, model: type[T], record_id: int | None, what: str) -> T:
    obj = session.get(model, record_id) if record_id is not None else None
    if obj is None:
        raise NotFoundError(N_("The {what} no longer exists (it may have been deleted elsewhere)."), what=Term(what))
    return obj


def get_if_given(session: Session, model: type[T], record_id: int | None, what: str) -> T | None:
    """The record an optional reference names, None where it names none; refused (see get_or_fail) if it is gone."""
    return None if record_id is None else get_or_fail(session, model, record_id, what)


def refuse_other_trip(
    session: Session, model: type[Any], record_id: int | None, what: str, trip_id: int | None, message: str, field: str,
) -> None:
    """An optional reference to a trip's own record (its programme item, its vehicle) must name one of `trip_id`'s:
    a record of another trip would show up in the wrong trip's lists and documents."""
    row = get_if_given(session, model, record_id, what)
    if row is not None and row.trip_id != trip_id:
        raise ValidationError(message, field=field)


def check_version(obj: Any, version: int | None) -> None:
    """Refuse an update based on a stale read, before SQLAlchemy's own check at flush."""
    if version is not None and obj.version != version:
        raise ConflictError(CHANGED_ELSEWHERE)


def bump_version(obj: Any, column: str) -> None:
    """Raise `obj`'s version at the next flush although only rows hanging off it changed.

    A venue's contacts and an item's participants are edited with their parent;
    if the parent's version stayed put, a save from a stale read of it would
    pass the version check and silently undo them. `column` is any plain column
    of `obj` (flagging `version` itself breaks SQLAlchemy's versioned UPDATE).
    """
    flag_modified(obj, column)


def refuse_while_used(session: Session, model: type[Any], where: ColumnElement[bool], message: str | tuple[str, str], **params: Any) -> None:
    """Refuse a deletion while rows of `model` matching `where` still depend on the record: the database would refuse
    it too, but only a message with their {count} tells the planner what to change first."""
    count = session.scalar(select(func.count()).select_from(model).where(where))
    if count:
        raise PlannerError(message, count=count, **params)


def delete_record(
    db: Database, model: type[Any], record_id: int, what: str, entity: EntityKind | str, to_data: Callable[[Any], Any],
    going_with: Callable[[Session, Any], tuple[Change, ...]] | None = None,
) -> Change:
    """Delete one record; the Change keeps it (as `to_data` reads it) for undo.

    `going_with(session, before)` runs first: it may refuse the deletion (while
    other records still need this one) and returns what goes with the record
    (its profile, the seats it took), kept in the Change's `related` so that
    undo brings those back too.
    """

    def act(s: Session) -> Change:
        row = get_or_fail(s, model, record_id, what)
        before = to_data(row)
        related = going_with(s, before) if going_with is not None else ()
        s.delete(row)
        return Change(Action.DELETED, entity, record_id, before=before, related=related)

    return run(db, act)
