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
from planner.services.base import Action, Change, bump_version, check_version, get_or_fail, run


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
W = TypeVar("W")  # any row with a version (a visa's id is its membership's)
T = TypeVar("T")


def insert_record(
    db: Database,
    entity: str,
    data: D,
    new_row: Callable[[], R],
    apply: Callable[[R, D], object],
    to_data: Callable[[R], D],
    check: Callable[[Session], D | None] | None = None,
) -> Change:
    """Add the row `new_row()` filled from the (validated) `data`; `check` runs first, in the same transaction, and
    may return the data to write in place of `data` (a room's without the sharers who have left meanwhile)."""

    def act(s: Session) -> Change:
        checked = check(s) if check is not None else None
        return add_row(s, entity, new_row(), apply, data if checked is None else checked, to_data)

    return run(db, act)


def add_row(s: Session, entity: str, row: R, apply: Callable[[R, D], object], data: D, to_data: Callable[[R], D]) -> Change:
    """Inside a transaction: fill the new `row` from `data`, add it and describe its creation (the flush gives its id)."""
    apply(row, data)
    s.add(row)
    s.flush()
    return Change(Action.CREATED, entity, row.id, after=to_data(row))


def update_record(
    db: Database,
    entity: str,
    data: D,
    model: type[R],
    label: str,
    apply: Callable[[R, D], object],
    to_data: Callable[[R], D],
    check: Callable[[Session, R], D | None] | None = None,
    children: tuple[Callable[[D], object], str] | None = None,
) -> Change:
    """Write the (validated) `data` over its row if nobody changed the row since `data` was read. `check` runs before
    the write and may return the data to write in place of `data` (as in insert_record); `children`: see rewrite_row."""

    def act(s: Session) -> Change:
        row = get_or_fail(s, model, data.id, label)
        check_version(row, data.version)
        checked = check(s, row) if check is not None else None
        written = data if checked is None else checked
        return rewrite_row(s, entity, row, lambda r: apply(r, written), to_data, children)

    return run(db, act)


def rewrite_row(
    s: Session, entity: str, row: R, apply: Callable[[R], object], to_data: Callable[[R], D],
    children: tuple[Callable[[D], object], str] | None = None,
) -> Change:
    """Inside a transaction: edit `row` with `apply` and describe the change.

    `children` names the part of the record kept in rows of their own (a venue's
    contacts, an item's participants) and a plain column of `row`: where only that
    part changed, the row's version is raised all the same (see base.bump_version),
    so that a save from a stale read of the record cannot silently undo it.
    """
    before = to_data(row)
    apply(row)
    s.flush()
    after = to_data(row)
    if children is not None:
        part, column = children
        if part(after) != part(before) and after.version == before.version:
            bump_version(row, column)
            s.flush()
            after = to_data(row)
    return Change(Action.UPDATED, entity, row.id, before=before, after=after)


def existing_or_new(
    s: Session, row: W | None, new_row: Callable[[], W], version: int | None, to_data: Callable[[W], T],
) -> tuple[W, T | None]:
    """The row a record saved as a whole (a visa, a seating plan) is written into, and what it held before: the
    existing `row` if nobody changed it since `version` was read, else `new_row()`, added, with nothing before."""
    if row is None:
        row = new_row()
        s.add(row)
        return row, None
    check_version(row, version)
    return row, to_data(row)
