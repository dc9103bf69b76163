"""Issuing records each participant's own travel as their itinerary printed it; a changed pick-up time makes their
printout outdated, with the reason, and nobody else's."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from planner.db.engine import Database
from planner.db.models import IssuedVersion
from planner.domain.enums import Language
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.export.language import DocumentLanguage
from planner.export.notices import travel_sentences
from planner.export.own_travel import own_travel, travel_texts
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services import delegation, issuing
from planner.services.travel_legs import get_leg, trip_legs, update_leg

NINE_PM, EIGHT_PM = datetime(2016, 10, 27, 13, tzinfo=UTC), datetime(2016, 10, 27, 12, tzinfo=UTC)  # 21:00 and 20:00 in Shenzhen


def _demo_with_a_departure_run(db: Database) -> tuple[int, TravelLegData]:
    """The Shenzhen demo, Daan de Vries taken to the airport by Car 2, fetched at the hotel at 21:00."""
    trip = import_trip_file(db, next(DEMO_TRIPS.glob("hannover-shenzhen*.json"))).id
    car = next(v for v in TripView.load(db, trip).bundle.vehicles if v.label == "Car 2")
    leaving = next(leg for leg in trip_legs(db, trip) if leg.direction is LegDirection.DEPARTURE)
    update_leg(db, leaving.evolve(vehicle_id=car.id, pickup=NINE_PM))
    return trip, get_leg(db, leaving.id or 0)


def _issue_all(db: Database, trip: int, travel: issuing.TravelText | None = None) -> None:
    issuing.issue(db, trip, issuing.languages_for(delegation.list_members(db, trip), Language.EN), travel=travel)


def test_the_recorded_lines_are_the_itinerarys_own(db: Database) -> None:
    trip, leg = _demo_with_a_departure_run(db)
    _issue_all(db, trip, travel_texts)
    view = TripView.load(db, trip)
    printed = tuple(line.text for line in own_travel(view, leg.membership_id or 0, DocumentLanguage.of("en")))
    assert any(line.startswith("Pick-up at the hotel 21:00 GMT+8") for line in printed)
    held = issuing.pending_changes(db, trip, travel=travel_texts)
    assert held.outdated == ()  # nothing changed since: the lines read back equal the lines made now
    with db.reading() as s:
        content = s.scalars(select(IssuedVersion.content)).one()
    daan = view.member(leg.membership_id or 0).person.id
    assert tuple(content["travel"][str(daan)]) == printed
    assert sum(1 for lines in content["travel"].values() if lines == []) >= 1  # members without own travel: recorded as none


def test_a_changed_pick_up_names_the_traveller_with_the_reason_and_nobody_else(db: Database) -> None:
    trip, leg = _demo_with_a_departure_run(db)
    _issue_all(db, trip, travel_texts)
    update_leg(db, leg.evolve(pickup=EIGHT_PM))
    state = issuing.pending_changes(db, trip, travel=travel_texts)
    assert [c.member.id for c in state.outdated] == [leg.membership_id]
    change = state.outdated[0]
    assert change.changes == () and change.travel is not None and change.before is not None
    assert list(change.travel.dropped) == [line for line in change.before.snapshot.travel or () if "21:00" in line]
    assert travel_sentences(change.travel, "en", personal=False) == [
        "Own travel: Pick-up at the hotel now 20:00 GMT+8 instead of 21:00 GMT+8"
    ]
    assert travel_sentences(change.travel, "de") == ["Ihre eigene An- und Abreise: Pick-up at the hotel jetzt 20:00 GMT+8 statt 21:00 GMT+8"]
    assert issuing.members_needing(state, include_new=False) == [leg.membership_id]
    since = issuing.compare_versions(db, trip, 1, travel=travel_texts)
    assert [(c.member.id, c.travel) for c in since] == [(leg.membership_id, change.travel)]
    update_leg(db, get_leg(db, leg.id or 0).evolve(pickup=NINE_PM))  # put back: the printout is right again
    assert issuing.pending_changes(db, trip, travel=travel_texts).outdated == ()


def test_copies_issued_without_travel_and_comparisons_without_it_name_nobody(db: Database) -> None:
    trip, leg = _demo_with_a_departure_run(db)
    _issue_all(db, trip)  # as a copy recorded before travel was kept
    update_leg(db, leg.evolve(pickup=EIGHT_PM))
    assert issuing.pending_changes(db, trip, travel=travel_texts).outdated == ()
    _issue_all(db, trip, travel_texts)
    update_leg(db, get_leg(db, leg.id or 0).evolve(pickup=NINE_PM))
    assert issuing.pending_changes(db, trip).outdated == ()  # a caller that does not word the travel compares none
    assert [c.member.id for c in issuing.pending_changes(db, trip, travel=travel_texts).outdated] == [leg.membership_id]


def test_the_personal_data_report_shows_the_own_travel_their_printout_holds(db: Database) -> None:
    from planner.services.privacy import person_report

    trip, leg = _demo_with_a_departure_run(db)
    _issue_all(db, trip, travel_texts)
    view = TripView.load(db, trip)
    daan = view.member(leg.membership_id or 0).person.id
    printed = [line.text for line in own_travel(view, leg.membership_id or 0, DocumentLanguage.of("en"))]
    report = person_report(db, daan or 0)
    assert [p["own_travel"] for p in report["printouts"]] == [printed]  # booking references and times held about them
