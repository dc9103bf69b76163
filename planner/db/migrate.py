"""Running the Alembic migrations from inside the app (no alembic.ini on the user's disk)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.db.engine import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK = 7_242_016  # any fixed number: the advisory lock that lets one planner at a time migrate a server


def alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def script_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(db: Database, *, from_revision: str | None, target: str = "head") -> None:
    """Bring the schema to `target`; an existing older file is backed up first."""
    from alembic import command

    if from_revision is not None and db.is_sqlite and db.path is not None:
        from planner.db.backup import backup_before_migration

        backup_before_migration(db, from_revision)
    config = alembic_config()
    with db.engine.begin() as connection:
        if not db.is_sqlite:
            # Two desktops starting at once on a shared server: one migrates, the other waits for
            # the lock and then finds the schema current (PostgreSQL runs the DDL in this transaction).
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        config.attributes["connection"] = connection
        command.upgrade(config, target)
