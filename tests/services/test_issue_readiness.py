"""Whether a trip is ready to be issued: a draft and open errors are named; warnings do not count."""

from __future__ import annotations

from planner.db.engine import Database
from planner.domain.enums import TripStatus
from planner.services import programme, trips
from planner.services.issue_readiness import QUOTED_ERRORS, issue_readiness
from tests.export.builders import build_demo_trip


def test_a_confirmed_trip_without_errors_is_ready(db: Database) -> None:
    demo = build_demo_trip(db)
    readiness = issue_readiness(db, demo.trip_id)
    assert readiness.ready and readiness.reasons() == []


def test_a_draft_with_clashes_names_both(db: Database) -> None:
    demo = build_demo_trip(db)
    trips.update_trip(db, trips.get_trip(db, demo.trip_id).evolve(status=TripStatus.DRAFT))
    lunch = demo.items["lunch"]
    for key in ("mayor", "press", "uni", "emax"):  # all at lunch time: four double bookings
        programme.move_item(db, demo.items[key].id, None, lunch.start)
    readiness = issue_readiness(db, demo.trip_id)
    assert readiness.draft and len(readiness.errors) > QUOTED_ERRORS
    draft, errors = readiness.reasons()
    assert draft == "The trip is still a draft."
    assert errors.startswith(f"{len(readiness.errors)} errors are open, the first 3: ") and errors.endswith(".")
    assert errors.count("; ") == 2 and readiness.quoted_errors()[0] in errors
