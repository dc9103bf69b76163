"""The rows a deletion takes along, read before it and written back with the same ids and versions.

Deleting a trip takes with it, through the foreign keys' ON DELETE CASCADE,
its delegation, programme, vehicles and rides, rooms, visas, gifts, seating
plans, briefings, follow-ups, issued versions and whatever table is added
later; and through ON DELETE SET NULL it cuts references other rows keep (a
follow-up of a later trip naming the trip it came from). Undo must put all of
that back. Rather than one hand-written list of record kinds per deletion,
which a new table is silently missing from, the rows are found by walking the
models' metadata: every table whose foreign keys cascade from the deleted
row, in the order the foreign keys need (parents first).

The rows are read and written through the tables' column types (as in
planner.db.copy), so multilingual texts, UTC moments and JSON come back the
same on SQLite and PostgreSQL; ids and version counters are kept, so every
other undo step (which names records by id and checks their versions) stays
valid after the restore.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, ForeignKey, Table, and_, insert, not_, or_, select, true, tuple_, update
from sqlalchemy.orm import Session

from planner.db.models import Base

#: How many keys one "IN (…)" names; far below SQLite's limit on parameters.
CHUNK = 400


@dataclass(frozen=True, slots=True)
class TableRows:
    """The rows of one table a deletion took along, every column's value as the column type reads it."""

    table: str
    rows: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class CutLink:
    """A reference from a row the deletion left in place, which ON DELETE SET NULL emptied."""

    table: str
    key: dict[str, Any]  # the row's primary key
    column: str
    value: Any


@dataclass(frozen=True, slots=True)
class DeletedRows:
    """Everything a deletion removed or cut, to be written back by `write_back`.

    `tables` are in foreign-key order (the deleted record's own table first),
    each with at least one row.
    """

    tables: tuple[TableRows, ...]
    links: tuple[CutLink, ...] = ()

    def count(self, table: str) -> int:
        """How many rows of `table` the deletion took along."""
        return sum(len(t.rows) for t in self.tables if t.table == table)


class RowsExist(Exception):
    """A row to be written back has its key taken meanwhile (a new record got the freed id)."""

    def __init__(self, table: str) -> None:
        super().__init__(table)
        self.table = table


def cascade_tables(root: str) -> list[Table]:
    """Table `root` and every table whose rows an ON DELETE CASCADE from a `root` row can reach, parents first."""
    first = Base.metadata.tables[root]
    reached = {first}
    ordered = [first]
    for table in Base.metadata.sorted_tables:
        if table not in reached and any(_cascades(fk) and fk.column.table in reached for fk in table.foreign_keys):
            reached.add(table)
            ordered.append(table)
    return ordered


def read_deleted_rows(s: Session, root: str, key: Any) -> DeletedRows:
    """What deleting the row of table `root` with primary key `key` would remove and cut; call it before the deletion."""
    conditions = _deleted_conditions(root, key)
    tables: list[TableRows] = []
    for table, condition in conditions.items():
        rows = tuple(dict(r._mapping) for r in s.execute(select(table).where(condition).order_by(*table.primary_key.columns)))
        if rows:
            tables.append(TableRows(table.name, rows))
    return DeletedRows(tuple(tables), tuple(_cut_links(s, conditions)))


def write_back(s: Session, deleted: DeletedRows) -> None:
    """Insert the rows again with their ids and versions, and fill the emptied references that are still empty.

    Raises RowsExist, before writing anything, if a key is taken.
    """
    tables = Base.metadata.tables
    for part in deleted.tables:
        if _taken(s, tables[part.table], part.rows):
            raise RowsExist(part.table)
    for part in deleted.tables:
        s.execute(insert(tables[part.table]), list(part.rows))
    for link in deleted.links:
        table = tables[link.table]
        column = table.c[link.column]
        kept = {c.name: c for c in table.columns if c.onupdate is not None and c.name != link.column}  # as SET NULL left them
        s.execute(
            update(table).where(*(table.c[k] == v for k, v in link.key.items()), column.is_(None)).values({link.column: link.value, **kept})
        )


def _cascades(fk: ForeignKey) -> bool:
    return (fk.ondelete or "").upper() == "CASCADE"


def _sets_null(fk: ForeignKey) -> bool:
    return (fk.ondelete or "").upper() == "SET NULL"


def _deleted_conditions(root: str, key: Any) -> dict[Table, ColumnElement[bool]]:
    """For each table the deletion reaches, the condition its deleted rows meet (a subquery per cascading key)."""
    first, *rest = cascade_tables(root)
    (pk,) = first.primary_key.columns
    conditions: dict[Table, ColumnElement[bool]] = {first: pk == key}
    for table in rest:
        conditions[table] = or_(*(
            fk.parent.in_(select(fk.column).where(conditions[fk.column.table]))
            for fk in table.foreign_keys if _cascades(fk) and fk.column.table in conditions
        ))
    return conditions


def _cut_links(s: Session, conditions: dict[Table, ColumnElement[bool]]) -> Iterator[CutLink]:
    """The SET NULL references into deleted rows held by rows that stay."""
    for table in Base.metadata.sorted_tables:
        stays = not_(conditions[table]) if table in conditions else true()
        keys = list(table.primary_key.columns)
        for fk in table.foreign_keys:
            if not _sets_null(fk) or fk.column.table not in conditions:
                continue
            into_deleted = fk.parent.in_(select(fk.column).where(conditions[fk.column.table]))
            for row in s.execute(select(*keys, fk.parent).where(and_(into_deleted, stays)).order_by(*keys)):
                values = row._mapping
                yield CutLink(table.name, {k.name: values[k] for k in keys}, fk.parent.name, values[fk.parent])


def _taken(s: Session, table: Table, rows: Sequence[dict[str, Any]]) -> bool:
    keys = list(table.primary_key.columns)
    for chunk in _chunks(rows):
        if len(keys) == 1:
            condition = keys[0].in_([r[keys[0].name] for r in chunk])
        else:
            condition = tuple_(*keys).in_([tuple(r[k.name] for k in keys) for r in chunk])
        if s.execute(select(keys[0]).where(condition).limit(1)).first() is not None:
            return True
    return False


def _chunks(rows: Sequence[dict[str, Any]]) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start:start + CHUNK]
