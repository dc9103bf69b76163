"""The demo trips that ship with the app (resources/demo/*.json, trip files).

A new default database is seeded with them on first start, and `planner demo`
adds them to any database.
"""

from __future__ import annotations

from pathlib import Path

from planner.db.engine import Database
from planner.paths import DEMO_TRIPS
from planner.services.base import Change


def demo_files() -> list[Path]:
    return sorted(DEMO_TRIPS.glob("*.json"))


def load_demo(db: Database) -> list[Change]:
    """Import every demo trip; each is its own transaction, all checked before any is written."""
    from planner.importing.tripfile import read_trip_file
    from planner.services.transfer import import_trip_bundle

    bundles = [read_trip_file(path) for path in demo_files()]
    return [import_trip_bundle(db, bundle, validated=True) for bundle in bundles]  # read_trip_file validated them
