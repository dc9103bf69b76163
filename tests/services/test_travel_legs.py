"""Members' own flights and trains: saved, changed and deleted one at a time (undo from the Change), refused when
bad, gone with the member and with an erased person, left behind by a trip copy."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from planner.db.engine import Database
from planner.domain.errors import ConflictError, ValidationErrors
from planner.domain.enums import Role
from planner.domain.localized import LocalizedText
from planner.domain.travel_legs import LegDirection, LegKind, TravelLegData
from planner.services import delegation
from planner.services.privacy import erase_person, person_report
from planner.services.travel_legs import create_leg, delete_leg, get_leg, trip_legs, update_leg
from planner.services.trip_copy import duplicate_trip
from tests.services.conftest import new_member, new_person, new_trip

#: LH 722 (sample): Frankfurt 21:50 CEST on 23 October, Shenzhen 15:10 CST on 24 October.
TAKE_OFF = datetime(2016, 10, 23, 19, 50, tzinfo=UTC)
LANDING = datetime(2016, 10, 24, 7, 10, tzinfo=UTC)


def _leg(membership_id: int, **changes: object) -> TravelLegData:
    return TravelLegData(
        membership_id=membership_id, direction=LegDirection.ARRIVAL, kind=LegKind.FLIGHT, number="lh  722",
        origin="Frankfurt (FRA)", destination="Shenzhen (SZX)", departure=TAKE_OFF, departure_timezone="Europe/Berlin",
        arrival=LANDING, arrival_timezone="Asia/Shanghai", terminal="T3", booking_reference="k7xq2m",
    ).evolve(**changes)


def test_a_leg_is_saved_normalised_changed_and_deleted_each_with_its_undo_record(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db, "Vogt", "Martin"))
    host = new_person(db, "Chen", "Jing", "陈静")
    created = create_leg(db, _leg(member.id, met_by_person_id=host.id, vehicle_note="Car 2"))
    leg = created.after
    assert (leg.number, leg.booking_reference, leg.met_by_person_id) == ("LH 722", "K7XQ2M", host.id)
    assert leg.local_arrival().isoformat() == "2016-10-24T15:10:00+08:00"
    assert trip_legs(db, trip.id) == (leg,)

    changed = update_leg(db, leg.evolve(terminal="T4"))
    assert changed.before.terminal == "T3" and get_leg(db, leg.id).terminal == "T4"
    with pytest.raises(ConflictError):
        update_leg(db, leg.evolve(terminal="T1"))  # read before the change above
    deleted = delete_leg(db, leg.id)
    assert trip_legs(db, trip.id) == ()
    assert deleted.before.terminal == "T4"
    create_leg(db, deleted.before.evolve(id=None, version=None))  # undo of the delete
    assert [x.terminal for x in trip_legs(db, trip.id)] == ["T4"]


def test_a_leg_without_the_time_that_matters_or_with_bad_fields_is_refused_naming_each(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    with pytest.raises(ValidationErrors) as caught:
        create_leg(db, _leg(member.id, arrival=None, number="X" * 30, departure_timezone="Mars/Olympus"))
    assert {e.field for e in caught.value.errors} == {"arrival", "number", "departure_timezone"}
    with pytest.raises(ValidationErrors) as caught:
        create_leg(db, _leg(member.id, direction=LegDirection.DEPARTURE, departure=None))
    assert {e.field for e in caught.value.errors} == {"departure"}
    assert trip_legs(db, trip.id) == ()


def test_legs_follow_the_moment_that_matters_and_go_with_their_member(db: Database) -> None:
    trip = new_trip(db)
    early = new_member(db, trip, new_person(db, "Early"))
    late = new_member(db, trip, new_person(db, "Late"))
    home = create_leg(db, _leg(early.id, direction=LegDirection.DEPARTURE, departure=datetime(2016, 10, 27, 12, tzinfo=UTC),
                               departure_timezone="Asia/Shanghai", arrival=None)).after
    there = create_leg(db, _leg(late.id)).after
    assert [x.id for x in trip_legs(db, trip.id)] == [there.id, home.id]
    delegation.remove_member(db, early.id)
    assert [x.id for x in trip_legs(db, trip.id)] == [there.id]


def test_erasing_a_person_deletes_their_legs_and_leaves_those_they_met_without_anyone(db: Database) -> None:
    trip = new_trip(db)
    traveller = new_person(db, "Vogt", "Martin")
    host = new_person(db, "Chen", "Jing")
    member = new_member(db, trip, traveller)
    other = new_member(db, trip, new_person(db, "Hesse", "Björn"))
    create_leg(db, _leg(member.id))
    met = create_leg(db, _leg(other.id, met_by_person_id=host.id)).after
    assert person_report(db, traveller.id)["trips"][0]["travel_legs"][0]["booking_reference"] == "K7XQ2M"
    erase_person(db, traveller.id)
    assert [x.membership_id for x in trip_legs(db, trip.id)] == [other.id]
    erase_person(db, host.id)
    [left] = trip_legs(db, trip.id)
    assert left.met_by_person_id is None and left.version == met.version + 1


def test_a_trip_copy_leaves_the_individual_bookings_behind(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db), Role.HEAD)
    create_leg(db, _leg(member.id))
    copy = duplicate_trip(db, trip.id, title=LocalizedText(en="Next year"), first_day=date(2017, 10, 23))
    assert trip_legs(db, copy.id) == ()
    assert len(trip_legs(db, trip.id)) == 1


def test_undoing_a_members_removal_or_a_trips_deletion_brings_their_legs_back(db: Database) -> None:
    from planner.services import restore, trips

    trip = new_trip(db)
    member = new_member(db, trip, new_person(db, "Vogt", "Martin"))
    host = new_person(db, "Chen", "Jing")
    leg = create_leg(db, _leg(member.id, met_by_person_id=host.id)).after
    removed = delegation.remove_member(db, member.id)
    assert trip_legs(db, trip.id) == ()
    restore.restore_member(db, removed)
    assert [(x.id, x.met_by_person_id) for x in trip_legs(db, trip.id)] == [(leg.id, host.id)]
    deleted = trips.delete_trip(db, trip.id)
    restore.restore_trip(db, deleted)
    assert [(x.id, x.number) for x in trip_legs(db, trip.id)] == [(leg.id, "LH 722")]
