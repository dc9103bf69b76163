"""The migration scripts, the revisions the app knows, and the models agree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, Table, inspect, insert, select
from sqlalchemy.exc import StatementError

from planner.db.engine import Database
from planner.db.migrate import alembic_config, script_head
from planner.db.models import Base
from planner.db.schema_version import HEAD_REVISION, KNOWN_REVISIONS
from planner.db.types import UTCDateTime


def test_head_revision_is_the_scripts_head() -> None:
    assert HEAD_REVISION == script_head()


def test_known_revisions_are_the_chain_of_scripts_oldest_first() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert len(scripts.get_heads()) == 1, "the migrations must not branch"
    chain = [rev.revision for rev in scripts.walk_revisions()]  # newest first
    assert tuple(reversed(chain)) == KNOWN_REVISIONS
    assert scripts.get_base() == KNOWN_REVISIONS[0]


def test_migrated_schema_matches_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"render_as_batch": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_every_model_table_exists_with_its_version_column(db: Database) -> None:
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        tables = set(inspector.get_table_names())
        assert set(Base.metadata.tables) | {"alembic_version"} == tables
        for name, table in Base.metadata.tables.items():
            columns = {c["name"] for c in inspector.get_columns(name)}
            assert columns == set(table.columns.keys()), name
            if name != "item_participant":
                assert "version" in columns


# --- UTCDateTime ----------------------------------------------------------

_metadata = MetaData()
_moments = Table("moments", _metadata, Column("id", Integer, primary_key=True), Column("at", UTCDateTime))


@pytest.fixture
def moments(db: Database) -> Database:
    _metadata.create_all(db.engine)
    return db


def test_utc_datetime_stores_aware_and_reads_back_aware_utc(moments: Database) -> None:
    shanghai = datetime(2016, 10, 24, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    with moments.engine.begin() as conn:
        conn.execute(insert(_moments).values(id=1, at=shanghai))
        conn.execute(insert(_moments).values(id=2, at=None))
    with moments.engine.connect() as conn:
        value = conn.execute(select(_moments.c.at).where(_moments.c.id == 1)).scalar_one()
        assert value == shanghai
        assert value.tzinfo is UTC
        assert value == datetime(2016, 10, 24, 1, 30, tzinfo=UTC)
        assert conn.execute(select(_moments.c.at).where(_moments.c.id == 2)).scalar_one() is None
        raw = conn.exec_driver_sql("SELECT at FROM moments WHERE id = 1").scalar_one()
        assert str(raw).startswith("2016-10-24 01:30:00")


def test_utc_datetime_refuses_naive_datetimes(moments: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"), moments.engine.begin() as conn:
        conn.execute(insert(_moments).values(id=3, at=datetime(2016, 10, 24, 9, 30)))
    with moments.engine.connect() as conn:
        assert conn.execute(select(_moments.c.id)).all() == []
