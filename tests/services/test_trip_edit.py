"""Editing a trip's days and zone takes the programme along, in one transaction that undo reverses."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, TripData
from planner.domain.enums import Role, TripStatus
from planner.domain.errors import ConflictError, ValidationErrors
from planner.services import delegation, programme, trips
from planner.services.base import Action, Change
from planner.services.trips import ItemPolicy
from tests.services.conftest import count, new_item, new_member, new_person, new_trip, snapshot

#: 2016-10-25 09:30 in Berlin (summer time, UTC+2).
BERLIN_MORNING = datetime(2016, 10, 25, 7, 30, tzinfo=UTC)
#: 2016-10-24 10:00 in London (summer time, UTC+1).
LONDON_MORNING = datetime(2016, 10, 24, 9, 0, tzinfo=UTC)
#: 2016-10-28 15:00 in Berlin: the fifth day.
BERLIN_FIFTH_DAY = datetime(2016, 10, 28, 13, 0, tzinfo=UTC)


def _berlin_trip(db: Database) -> tuple[TripData, ItemData, ItemData, ItemData, MembershipData]:
    trip = new_trip(db, "Visit to Hannover", first=date(2016, 10, 24), destination_country="DE", timezone="Europe/Berlin")
    visit = new_item(db, trip, BERLIN_MORNING, title="Town hall", timezone="Europe/Berlin")
    flight = new_item(db, trip, LONDON_MORNING, title="Flight from London", timezone="Europe/London")
    late = new_item(db, trip, BERLIN_FIFTH_DAY, title="Fair", timezone="Europe/Berlin")
    member = new_member(db, trip, new_person(db), Role.HEAD)
    member = delegation.update_member(db, member.evolve(arrival=date(2016, 10, 24), departure=date(2016, 10, 30))).after
    return trip, visit, flight, late, member


def _to_shanghai_a_week_later(trip: TripData) -> TripData:
    return trip.evolve(
        destination_country="CN", timezone="Asia/Shanghai", first_day=date(2016, 10, 31), last_day=date(2016, 11, 3),
    )


def test_keeping_local_times_moves_every_item_to_the_same_wall_clock_time_on_the_same_day(db: Database) -> None:
    trip, visit, flight, late, member = _berlin_trip(db)
    change = trips.update_trip(db, _to_shanghai_a_week_later(trip), items=ItemPolicy.KEEP_LOCAL_TIMES)

    moved = {c.id: c for c in change.related if c.entity == "item"}
    assert set(moved) == {visit.id, flight.id, late.id}
    now = programme.get_item(db, visit.id)
    # 09:30 on the second day, now in Shanghai (UTC+8): 2016-11-01 01:30 UTC.
    assert (now.start, now.end, now.timezone) == (
        datetime(2016, 11, 1, 1, 30, tzinfo=UTC), datetime(2016, 11, 1, 3, 30, tzinfo=UTC), "Asia/Shanghai",
    )
    # The flight keeps its own zone; a week later London is on winter time (UTC+0): 10:00 is 10:00 UTC.
    now = programme.get_item(db, flight.id)
    assert (now.start, now.timezone) == (datetime(2016, 10, 31, 10, 0, tzinfo=UTC), "Europe/London")
    assert moved[visit.id].before == visit and moved[visit.id].after == programme.get_item(db, visit.id)
    # Arrival and departure move with the programme.
    ms = next(c for c in change.related if c.entity == "membership")
    assert (ms.id, ms.after.arrival, ms.after.departure) == (member.id, date(2016, 10, 31), date(2016, 11, 6))
    assert trips.get_trip(db, trip.id).timezone == "Asia/Shanghai"


def test_keeping_moments_leaves_the_instants_and_shows_them_in_the_new_zone(db: Database) -> None:
    trip, visit, flight, _late, member = _berlin_trip(db)
    change = trips.update_trip(db, _to_shanghai_a_week_later(trip), items=ItemPolicy.KEEP_MOMENTS)

    now = programme.get_item(db, visit.id)
    assert (now.start, now.end, now.timezone) == (visit.start, visit.end, "Asia/Shanghai")
    assert now.local_start().replace(tzinfo=None) == datetime(2016, 10, 25, 15, 30)
    assert programme.get_item(db, flight.id) == flight  # its own zone, its own moment
    assert {c.id for c in change.related} == {visit.id, _late.id}  # only what changed comes back for undo
    with db.reading() as s:
        assert s.get(m.Membership, member.id).arrival == date(2016, 10, 24)


def test_without_a_policy_the_programme_is_untouched(db: Database) -> None:
    trip, visit, *_ = _berlin_trip(db)
    change = trips.update_trip(db, _to_shanghai_a_week_later(trip))
    assert change.related == ()
    assert programme.get_item(db, visit.id) == visit


def test_the_preview_names_the_items_outside_the_new_days_for_each_policy(db: Database) -> None:
    trip, visit, flight, late, _member = _berlin_trip(db)
    before = snapshot(db)
    preview = trips.preview_item_moves(db, _to_shanghai_a_week_later(trip))
    assert snapshot(db) == before  # nothing written
    assert preview.moves and preview.items == 3
    # Four days now: the fair on the fifth day no longer fits; kept moments are all a week early.
    assert [it.id for it in preview.outside[ItemPolicy.KEEP_LOCAL_TIMES]] == [late.id]
    assert [it.id for it in preview.outside[ItemPolicy.KEEP_MOMENTS]] == [flight.id, visit.id, late.id]
    assert preview.refused == {ItemPolicy.KEEP_LOCAL_TIMES: [], ItemPolicy.KEEP_MOMENTS: []}

    shorter = trips.preview_item_moves(db, trip.evolve(last_day=date(2016, 10, 26), title=trip.title))
    assert not shorter.moves  # the first day and zone stay: nothing to choose
    assert [it.id for it in shorter.outside[ItemPolicy.KEEP_MOMENTS]] == [late.id]


def test_undo_and_redo_put_trip_items_and_members_back_in_one_step(db: Database) -> None:
    trip, *_ = _berlin_trip(db)
    original = _without_versions(db)
    change = trips.update_trip(db, _to_shanghai_a_week_later(trip), items=ItemPolicy.KEEP_LOCAL_TIMES)
    edited = _without_versions(db)
    assert edited != original

    undone = trips.restore_trip_edit(db, *_back(change, lambda c: c.before))
    assert _without_versions(db) == original
    assert (undone.action, undone.entity, undone.id) == (Action.UPDATED, "trip", trip.id)
    assert len(undone.related) == len(change.related) == 4
    redone = trips.restore_trip_edit(db, *_back(undone, lambda c: c.before))
    assert _without_versions(db) == edited
    assert trips.get_trip(db, trip.id) == redone.after


def test_undo_is_refused_when_a_moved_item_was_changed_elsewhere(db: Database) -> None:
    trip, visit, *_ = _berlin_trip(db)
    change = trips.update_trip(db, _to_shanghai_a_week_later(trip), items=ItemPolicy.KEEP_LOCAL_TIMES)
    moved = programme.get_item(db, visit.id)
    programme.update_item(db, moved.evolve(dress_code=moved.dress_code.replace("en", "Formal")))
    before = snapshot(db)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        trips.restore_trip_edit(db, *_back(change, lambda c: c.before))
    assert snapshot(db) == before


def test_a_stale_edit_is_refused_with_the_conflict_message(db: Database) -> None:
    trip, *_ = _berlin_trip(db)
    trips.update_trip(db, trip.evolve(status=TripStatus.CONFIRMED))  # another window, meanwhile
    before = snapshot(db)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        trips.update_trip(db, _to_shanghai_a_week_later(trip), items=ItemPolicy.KEEP_LOCAL_TIMES)
    assert snapshot(db) == before


def test_a_local_time_missing_on_the_new_day_refuses_the_whole_edit_by_name(db: Database) -> None:
    trip = new_trip(db, "Spring", first=date(2016, 3, 20), destination_country="DE", timezone="Europe/Berlin")
    new_item(db, trip, datetime(2016, 3, 20, 1, 30, tzinfo=UTC), title="Night train", timezone="Europe/Berlin")  # 02:30
    fine = new_item(db, trip, datetime(2016, 3, 20, 9, 0, tzinfo=UTC), title="Breakfast", timezone="Europe/Berlin")
    later = trip.evolve(first_day=date(2016, 3, 27), last_day=date(2016, 4, 2))
    before = snapshot(db)
    with pytest.raises(ValidationErrors) as info:
        trips.update_trip(db, later, items=ItemPolicy.KEEP_LOCAL_TIMES)
    assert [e.field for e in info.value.errors] == ["first_day"]
    assert info.value.errors[0].message().startswith("“Night train” cannot be moved with the trip: 2016-03-27 02:30 does not exist")
    assert snapshot(db) == before
    preview = trips.preview_item_moves(db, later)
    assert len(preview.refused[ItemPolicy.KEEP_LOCAL_TIMES]) == 1 and preview.refused[ItemPolicy.KEEP_MOMENTS] == []
    assert count(db, m.ProgrammeItem) == 2 and programme.get_item(db, fine.id) == fine


def _back(change: Change, pick: object) -> tuple[TripData, list[ItemData | MembershipData]]:
    """The trip and its related records as `pick` takes them from `change`, at their current versions."""
    take = pick
    trip = take(change).evolve(version=change.after.version)  # type: ignore[operator]
    return trip, [take(r).evolve(version=r.after.version) for r in change.related]  # type: ignore[operator]


def _without_versions(db: Database) -> dict[str, list[dict[str, object]]]:
    """The trip, item and member rows without their version and save time (undo raises and sets them; the rest must come back)."""
    tables = {}
    with db.engine.connect() as conn:
        for table in ("trip", "programme_item", "membership"):
            rows = conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id").mappings()
            tables[table] = [{k: v for k, v in row.items() if k not in ("version", "modified_at")} for row in rows]
    return tables


def test_the_preview_leaves_out_items_that_were_outside_the_days_already(db: Database) -> None:
    trip, visit, _flight, late, _member = _berlin_trip(db)
    before_the_trip = new_item(db, trip, datetime(2016, 10, 20, 8, 0, tzinfo=UTC), title="Preparatory call", timezone="Europe/Berlin")
    preview = trips.preview_item_moves(db, trip.evolve(last_day=date(2016, 10, 26)))
    assert [it.id for it in preview.outside[ItemPolicy.KEEP_MOMENTS]] == [late.id]
    assert before_the_trip.id not in {it.id for it in preview.outside[ItemPolicy.KEEP_LOCAL_TIMES]}
    assert visit.id is not None


def test_a_trip_without_a_programme_moves_its_delegations_days(db: Database) -> None:
    trip = new_trip(db, "Empty", first=date(2016, 10, 24))
    member = new_member(db, trip, new_person(db))
    member = delegation.update_member(db, member.evolve(arrival=date(2016, 10, 25))).after
    later = trip.evolve(first_day=date(2016, 11, 7), last_day=date(2016, 11, 13))
    preview = trips.preview_item_moves(db, later)
    assert (preview.moves, preview.items) == (True, 0)
    change = trips.update_trip(db, later, items=ItemPolicy.KEEP_LOCAL_TIMES)
    assert [(c.entity, c.after.arrival) for c in change.related] == [("membership", date(2016, 11, 8))]
