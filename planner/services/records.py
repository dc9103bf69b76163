"""Insert and update one record in one transaction: the steps the simple services share.

Creating a person, a trip or a gift, putting a deleted gift back and editing one
were each written out in full (validate, open the transaction, fill the row,
flush, describe the change), differing only in the table and the mapping. Here
the steps are written once; the services keep their names and signatures and
say only what is theirs (the table, the mapping, an extra check).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, Self, TypeVar

from sqlalchemy.orm import Session

from planner.db.engine import Database
from planner.services.base import Action, Change, bump_version, check_version, delete_record, get_or_fail, run


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


class _Validated(_Record, Protocol):
    def validated(self) -> Self: ...


R = TypeVar("R", bound=_Row)
D = TypeVar("D", bound=_Record)
V = TypeVar("V", bound=_Validated)
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


@dataclass(frozen=True, slots=True)
class RecordService(Generic[R, V]):
    """One table's create, update and delete, declared once per service module.

    The entity kind, the model, the label errors use, and the two mappings travelled
    together as five arguments of every insert_record/update_record/delete_record
    call, three or four times per table; a service now names them once and says at
    each call only what is its own: the check, and how a new row starts if not empty.
    Each method validates the data first (raising ValidationErrors naming every field)
    and hands the validated data to `check`, so a check never sees unchecked input.
    """

    entity: str
    model: type[R]
    label: str  # N_()-marked: "{what} no longer exists"
    apply: Callable[[R, V], object]
    to_data: Callable[[R], V]

    def create(
        self, db: Database, data: V, check: Callable[[Session, V], V | None] | None = None,
        new_row: Callable[[V], R] | None = None,
    ) -> Change:
        """A new row from `data`; `check(session, validated)` may refuse it or return the data to write instead."""
        valid = data.validated()

        def start() -> R:
            return self.model() if new_row is None else new_row(valid)

        def checked(s: Session) -> V | None:
            return check(s, valid) if check is not None else None

        return insert_record(db, self.entity, valid, start, self.apply, self.to_data, check=checked)

    def update(
        self, db: Database, data: V, check: Callable[[Session, R, V], V | None] | None = None,
        children: tuple[Callable[[V], object], str] | None = None,
    ) -> Change:
        """`data` written over its row (see update_record); `check(session, row, validated)` sees the row as stored."""
        valid = data.validated()

        def checked(s: Session, row: R) -> V | None:
            return check(s, row, valid) if check is not None else None

        return update_record(db, self.entity, valid, self.model, self.label, self.apply, self.to_data, check=checked, children=children)

    def delete(self, db: Database, record_id: int, going_with: Callable[[Session, Any], tuple[Change, ...]] | None = None) -> Change:
        """The row deleted, kept in the Change for undo (see base.delete_record)."""
        return delete_record(db, self.model, record_id, self.label, self.entity, self.to_data, going_with)
