"""Fixtures for the document tests: the realistic trip of builders.py in a fresh database."""

from __future__ import annotations

import pytest

from planner.db.engine import Database
from tests.export.builders import DemoTrip, build_demo_trip


@pytest.fixture
def demo(db: Database) -> DemoTrip:
    return build_demo_trip(db)
