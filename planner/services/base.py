"""What every service shares: the Change it returns and the transaction wrapper."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from planner.db.engine import Database, connection_busy
from planner.db.notify import announce
from planner.domain.errors import Term, ConflictError, DatabaseError, NotFoundError, PlannerError
from planner.i18n import N_

T = TypeVar("T")

LOCK_RETRIES = 3


class Action(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"
    IMPORTED = "imported"


@dataclass(frozen=True, slots=True)
class Change:
    """What one user action changed; `before`/`after` are records for undo."""

    action: Action
    entity: str
    id: int
    before: Any = None
    after: Any = None
    related: tuple[Change, ...] = field(default=())


@contextmanager
def unit_of_work(db: Database) -> Iterator[Session]:
    """One transaction, with database failures turned into messages the user can act on."""
    try:
        with db.transaction() as session:
            yield session
    except StaleDataError as exc:
        raise ConflictError(N_("This record was changed elsewhere in the meantime; please reload it and try again.")) from exc
    except IntegrityError as exc:
        raise PlannerError(N_("The change conflicts with existing data: {reason}"), reason=str(exc.orig)) from exc
    except DataError as exc:  # PostgreSQL enforces column lengths that SQLite ignores; validation should come first
        raise PlannerError(N_("A value does not fit into the database: {reason}"), reason=str(exc.orig).splitlines()[0]) from exc
    except OperationalError as exc:
        reason = str(exc.orig)
        if connection_busy(exc):
            raise DatabaseError(N_("The database is busy in another window or program; your change was not saved. Please try again.")) from exc
        raise DatabaseError(N_("The database cannot be written: {reason}"), reason=reason) from exc


def run(db: Database, action: Callable[[Session], T]) -> T:
    """Run `action` in one transaction, retrying briefly when another writer holds the lock."""
    for attempt in range(LOCK_RETRIES):
        try:
            with unit_of_work(db) as session:
                result = action(session)
                if isinstance(result, Change):
                    _announce(db, session, result)
                return result
        except DatabaseError as exc:
            if "busy" not in exc.msgid or attempt == LOCK_RETRIES - 1:
                raise
            time.sleep(0.25 * (attempt + 1))
    raise AssertionError("unreachable")


def _announce(db: Database, session: Session, change: Change) -> None:
    """Tell the other planners on a shared server what changed; delivered with the commit, or not at all."""
    records = [(change.entity, change.id)] + [(c.entity, c.id) for c in change.related]
    announce(db, session, records)


def get_or_fail(session: Session, model: type[T], record_id: int | None, what: str) -> T:
    obj = session.get(model, record_id) if record_id is not None else None
    if obj is None:
        raise NotFoundError(N_("The {what} no longer exists (it may have been deleted elsewhere)."), what=Term(what))
    return obj


def check_version(obj: Any, version: int | None) -> None:
    """Refuse an update based on a stale read, before SQLAlchemy's own check at flush."""
    if version is not None and obj.version != version:
        raise ConflictError(N_("This record was changed elsewhere in the meantime; please reload it and try again."))


def bump_version(obj: Any, column: str) -> None:
    """Raise `obj`'s version at the next flush although only rows hanging off it changed.

    A venue's contacts and an item's participants are edited with their parent;
    if the parent's version stayed put, a save from a stale read of it would
    pass the version check and silently undo them. `column` is any plain column
    of `obj` (flagging `version` itself breaks SQLAlchemy's versioned UPDATE).
    """
    flag_modified(obj, column)


def delete_record(db: Database, model: type[Any], record_id: int, what: str, entity: str, to_data: Callable[[Any], Any]) -> Change:
    """Delete one record that nothing else hangs on; the Change keeps it (as `to_data` reads it) for undo."""

    def act(s: Session) -> Change:
        row = get_or_fail(s, model, record_id, what)
        before = to_data(row)
        s.delete(row)
        return Change(Action.DELETED, entity, record_id, before=before)

    return run(db, act)
