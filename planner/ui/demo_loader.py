"""Loading the demo trips from the window (resources/demo/*.json, through the importer)."""

from __future__ import annotations

from planner.db.engine import Database
from planner.importing import demo


def demo_available() -> bool:
    """True if this installation ships demo trips."""
    return bool(demo.demo_files())


def load_demo(db: Database) -> bool:
    """Load the demo trips into `db`; False if there are none to load.

    PlannerErrors from the importer are left to the caller, which shows them.
    """
    if not demo_available():
        return False
    demo.load_demo(db)
    return True
