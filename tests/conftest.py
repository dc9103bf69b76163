"""Shared fixtures: a fresh database per test, English messages unless a test switches."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planner import i18n  # noqa: E402
from planner.db.engine import Database, open_database  # noqa: E402


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "planner.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A new, empty planner database (migrated to the current schema)."""
    database = open_database(db_path)
    yield database
    database.close()
