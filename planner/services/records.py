"""Insert and update one record in one transaction: the steps the simple services share.

Creating a person, a trip or a gift, putting a deleted gift back and editing one
were each written out in full (validate, open the transaction, fill the row,
flush, describe the change), differing only in the table and the mapping. Here
the steps are written once; the services keep their names and signatures and
say only what is theirs (the table, the mapping, an extra check).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from planner.db.engine import Database
from planner.services.base import Action, Change, check_version, get_or_fail, run


class _Row(Protocol):
    @property
    def id(self) -> Any: ...

    @property
    def version(self) -> Any: ...


class _Record(Protocol):
    @property
    def id(self) -> int | None: ...

    @property
    def version(self) -> int | None: ...


R = TypeVar("R", bound=_Row)
D = TypeVar("D", bound=_Record)


def insert_record(
    db: Database,
    entity: str,
    data: D,
    new_row: Callable[[], R],
    apply: Callable[[R, D], object],
    to_data: Callable[[R], D],
    check: Callable[[Session], object] | None = None,
) -> Change:
    """Add the row `new_row()` filled from the (validated) `data`; `check` runs first, in the same transaction."""

    def act(s: Session) -> Change:
        if check is not None:
            check(s)
        row = new_row()
        apply(row, data)
        s.add(row)
        s.flush()
        return Change(Action.CREATED, entity, row.id, after=to_data(row))

    return run(db, act)


def update_record(
    db: Database,
    entity: str,
    data: D,
    model: type[R],
    label: str,
    apply: Callable[[R, D], object],
    to_data: Callable[[R], D],
    check: Callable[[Session, R], object] | None = None,
) -> Change:
    """Write the (validated) `data` over its row if nobody changed the row since `data` was read."""

    def act(s: Session) -> Change:
        row = get_or_fail(s, model, data.id, label)
        check_version(row, data.version)
        if check is not None:
            check(s, row)
        before = to_data(row)
        apply(row, data)
        s.flush()
        return Change(Action.UPDATED, entity, row.id, before=before, after=to_data(row))

    return run(db, act)
