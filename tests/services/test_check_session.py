"""The kept checks of a trip: after each item's edit, exactly what checking the stored trip from scratch gives."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.db.engine import Database
from planner.domain.checks import ProblemKind
from planner.domain.errors import NotFoundError
from planner.domain.localized import LocalizedText
from planner.services import programme
from planner.services.check_session import TripChecks
from planner.services.checks import check_trip
from tests.services.conftest import MORNING, new_item, new_member, new_person, new_trip, new_venue

PASSPORT = {"passport_number": "C01X00T47", "passport_expiry": date(2030, 1, 1), "nationality": "DE"}


def test_item_edits_are_checked_where_they_happened_and_give_what_a_full_check_gives(db: Database) -> None:
    trip = new_trip(db)
    other_trip = new_trip(db, "Another visit")
    assert trip.id is not None
    kai = new_member(db, trip, new_person(db, "Schirmeyer", "Kai", **PASSPORT))
    anna = new_member(db, trip, new_person(db, "Becker", "Anna", **PASSPORT), order=1)
    emax, works, museum = new_venue(db, "EMAX"), new_venue(db, "Works"), new_venue(db, "Museum")
    visit = new_item(db, trip, title="Visit", venue_id=emax.id, host_contact_id=emax.contacts[0].id)
    talk = new_item(db, trip, MORNING + timedelta(hours=3), title="Talk", venue_id=works.id, everyone=False, participant_ids=(kai.id,))
    checks = TripChecks(db, trip.id)
    assert checks.problems() == check_trip(db, trip.id)

    def after(item_id: int) -> list[ProblemKind]:
        found = checks.item_changed(item_id)
        assert found == check_trip(db, trip.id)
        return sorted({p.kind for p in found})

    # Moved into the visit: Kai is booked twice; the talk's venue is the only one it is at.
    assert talk.id is not None and visit.id is not None
    moved = programme.move_item(db, talk.id, None, MORNING + timedelta(minutes=30)).after
    assert ProblemKind.PARTICIPANT_OVERLAP in after(talk.id)
    assert checks.last_rerun["participant_overlaps"] == "pairs" and "passport_problems" not in checks.last_rerun
    # Ticked for Anna as well, at a venue no other item uses (read now), leaving one nobody uses any more.
    programme.update_item(db, moved.evolve(participant_ids=(kai.id, anna.id), venue_id=museum.id))
    assert ProblemKind.PARTICIPANT_OVERLAP in after(talk.id)
    # A new item, untranslated, for everyone at night; then deleted again.
    late = new_item(db, trip, MORNING + timedelta(hours=14), title="Night walk", description=LocalizedText(de="Spaziergang"))
    assert late.id is not None
    assert ProblemKind.UNUSUAL_HOUR in after(late.id)
    programme.delete_item(db, late.id)
    assert ProblemKind.UNUSUAL_HOUR not in after(late.id)
    # Another trip's item changes nothing here.
    stranger = new_item(db, other_trip, title="Elsewhere")
    assert stranger.id is not None
    before = checks.problems()
    assert checks.item_changed(stranger.id) == before


def test_a_deleted_trip_is_a_clear_error_on_reload(db: Database) -> None:
    trip = new_trip(db)
    assert trip.id is not None
    checks = TripChecks(db, trip.id)
    from planner.services import trips

    trips.delete_trip(db, trip.id)
    with pytest.raises(NotFoundError):
        checks.reload()
