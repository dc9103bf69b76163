"""Copying a whole planner database into an empty one: a local file onto the agency's server, or back.

Every table is copied row by row through the models' column types, so
multilingual texts, UTC moments and flags arrive the same on either engine;
ids and version counters are kept, so trip files, undo and the optimistic
version check go on working with the copy. The target is written in ONE
transaction: it ends up with all of the source or with none of it. A target
that already holds planner data is refused, never merged into.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Integer, Table, func, insert, select, text

from planner.db.engine import Database, database_url, open_database
from planner.db.models import Base
from planner.db.server_errors import CONNECTION_LOST, connection_lost
from planner.domain.errors import ConnectionLostError, DatabaseError
from planner.i18n import N_

BATCH = 500


@dataclass(frozen=True, slots=True)
class CopyReport:
    source: str
    target: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_database(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> CopyReport:
    """Copy every planner table of `source` into the empty database `target` (created if it is a new file)."""
    source_url, target_url = database_url(source), database_url(target)
    if source_url.get_backend_name() == "sqlite" and source_url.database and not Path(source_url.database).is_file():
        raise DatabaseError(N_("{path} does not exist."), path=source_url.database)
    if source_url.render_as_string(hide_password=False) == target_url.render_as_string(hide_password=False):
        raise DatabaseError(N_("The source and the target are the same database; nothing was copied."))
    src = open_database(source, backup=False)
    try:
        dst = open_database(target, backup=False)
        try:
            rows = _copy_tables(src, dst)
        except BaseException as exc:
            dst.close()
            if dst.created and dst.path is not None:
                _remove_file(dst.path)  # a new file that received nothing is not left behind
            if isinstance(exc, Exception) and connection_lost(exc):
                # The target's one transaction was rolled back with the connection: nothing was written.
                server = dst.server if not dst.is_sqlite else src.server
                raise ConnectionLostError(CONNECTION_LOST, server=server) from exc
            raise
        dst.close()
        return CopyReport(src.server, dst.server, rows)
    finally:
        src.close()


def _copy_tables(src: Database, dst: Database) -> dict[str, int]:
    tables = list(Base.metadata.sorted_tables)  # parents before the rows that refer to them
    rows: dict[str, int] = {}
    with src.engine.connect() as reading, reading.begin(), dst.engine.begin() as writing:
        for table in tables:
            if writing.scalar(select(func.count()).select_from(table)):
                raise DatabaseError(
                    N_("{target} already holds planner data; a database is copied only into an empty one, so nothing was copied."),
                    target=dst.server,
                )
        for table in tables:
            rows[table.name] = _copy_rows(reading, writing, table)
        if dst.engine.dialect.name == "postgresql":
            for table in tables:
                _continue_ids_after_copy(writing, table)
    return rows


def _copy_rows(reading: Connection, writing: Connection, table: Table) -> int:
    count = 0
    result = reading.execute(select(table).order_by(*table.primary_key.columns))
    for chunk in result.mappings().partitions(BATCH):
        writing.execute(insert(table), [dict(row) for row in chunk])
        count += len(chunk)
    return count


def _continue_ids_after_copy(conn: Connection, table: Table) -> None:
    """Rows inserted with their ids leave PostgreSQL's id sequence at 1; new records must get the next free id."""
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or not isinstance(keys[0].type, Integer):
        return
    column = keys[0].name
    conn.execute(
        text(
            f'SELECT setval(pg_get_serial_sequence(:table, :column), COALESCE((SELECT MAX("{column}") FROM "{table.name}"), 0) + 1, false)'
        ),
        {"table": table.name, "column": column},
    )


def _remove_file(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        p.unlink(missing_ok=True)
