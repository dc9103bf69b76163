"""The programme: items, who attends them, their host, moving and deleting."""

from __future__ import annotations

from datetime import timedelta

import pytest

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind
from planner.domain.errors import ConflictError, NotFoundError, PlannerError, ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.services import delegation, programme
from planner.services.base import Action
from tests.services.conftest import (
    MORNING,
    count,
    new_item,
    new_member,
    new_person,
    new_trip,
    new_venue,
    participant_rows,
    snapshot,
)


def test_create_item_for_everyone(db: Database) -> None:
    trip, venue = new_trip(db), new_venue(db)
    change = programme.create_item(
        db,
        ItemData(
            trip_id=trip.id, kind=ItemKind.MEAL, title=LocalizedText(de="Mittagessen", en="Lunch"),
            description=LocalizedText(en="With the mayor"), venue_id=venue.id, host_contact_id=venue.contacts[0].id,
            start=MORNING, end=MORNING + timedelta(hours=1, minutes=30), timezone="Asia/Shanghai",
            dress_code=LocalizedText(en="Business"),
        ),
    )
    assert (change.action, change.entity, change.before) == (Action.CREATED, "item", None)
    saved = programme.get_item(db, change.id)
    assert saved == change.after
    assert saved.version == 1 and saved.everyone and saved.participant_ids == ()
    assert saved.start == MORNING and saved.start.tzinfo is not None
    assert saved.local_start().hour == 9 and saved.local_start().minute == 30
    assert saved.host_contact_id == venue.contacts[0].id


def test_participants_are_a_subset_of_the_trips_members(db: Database) -> None:
    trip = new_trip(db)
    a, b, c = (new_member(db, trip, new_person(db, n)) for n in ("A", "B", "C"))
    item = new_item(db, trip, everyone=False, participant_ids=(c.id, a.id))
    assert item.participant_ids == tuple(sorted((a.id, c.id)))
    assert programme.get_item(db, item.id).participant_ids == item.participant_ids
    assert item.attended_by(a.id) and not item.attended_by(b.id)
    assert participant_rows(db) == 2


def test_participants_from_another_trip_or_unknown_are_refused(db: Database) -> None:
    trip, other = new_trip(db), new_trip(db, "Other")
    mine = new_member(db, trip, new_person(db, "Mine"))
    theirs = new_member(db, other, new_person(db, "Theirs"))
    before = snapshot(db)
    for ids in ((mine.id, theirs.id), (theirs.id,), (mine.id, 999)):
        with pytest.raises(PlannerError, match="not members of this trip"):
            new_item(db, trip, everyone=False, participant_ids=ids)
    assert snapshot(db) == before


def test_host_contact_must_belong_to_the_venue(db: Database) -> None:
    trip, emax, huawei = new_trip(db), new_venue(db), new_venue(db, "Huawei", contacts=("Zhang Min",))
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        new_item(db, trip, venue_id=emax.id, host_contact_id=huawei.contacts[0].id)
    assert info.value.field == "host_contact_id"
    assert "contact at the item's venue" in info.value.message()
    with pytest.raises(NotFoundError, match="host contact"):
        new_item(db, trip, venue_id=emax.id, host_contact_id=999)
    with pytest.raises(NotFoundError, match="venue"):
        new_item(db, trip, venue_id=999)
    assert snapshot(db) == before


def test_item_for_a_missing_trip(db: Database) -> None:
    trip = new_trip(db)
    with pytest.raises(NotFoundError, match="trip"):
        new_item(db, trip.evolve(id=999))
    assert count(db, m.ProgrammeItem) == 0


def test_invalid_item_changes_nothing(db: Database) -> None:
    trip = new_trip(db)
    item = new_item(db, trip)
    before = snapshot(db)
    with pytest.raises(ValidationErrors) as info:
        programme.update_item(db, item.evolve(end=item.start, title=LocalizedText()))
    assert {e.field for e in info.value.errors} == {"end", "title"}
    with pytest.raises(ValidationErrors):
        programme.create_item(db, item.evolve(id=None, everyone=False, participant_ids=()))
    assert snapshot(db) == before


def test_update_item_changes_participants_and_carries_before_after(db: Database) -> None:
    trip = new_trip(db)
    a, b = (new_member(db, trip, new_person(db, n)) for n in ("A", "B"))
    item = new_item(db, trip, everyone=False, participant_ids=(a.id,))
    change = programme.update_item(db, item.evolve(participant_ids=(b.id,), kind=ItemKind.MEETING))
    assert (change.action, change.entity, change.id) == (Action.UPDATED, "item", item.id)
    assert change.before == item
    assert change.after.participant_ids == (b.id,) and change.after.kind is ItemKind.MEETING
    assert change.after.version == 2
    assert programme.get_item(db, item.id) == change.after
    everyone = programme.update_item(db, change.after.evolve(everyone=True)).after
    assert everyone.participant_ids == () and participant_rows(db) == 0


def test_an_item_cannot_move_to_another_trip(db: Database) -> None:
    trip, other = new_trip(db), new_trip(db, "Other")
    item = new_item(db, trip)
    with pytest.raises(PlannerError, match="another trip"):
        programme.update_item(db, item.evolve(trip_id=other.id))
    assert programme.get_item(db, item.id).trip_id == trip.id


def test_move_item_keeps_its_duration(db: Database) -> None:
    trip = new_trip(db)
    item = new_item(db, trip, hours=1.5)
    later = MORNING + timedelta(days=1, hours=3)
    change = programme.move_item(db, item.id, item.version, later)
    moved = programme.get_item(db, item.id)
    assert moved == change.after
    assert moved.start == later and moved.end == later + timedelta(hours=1, minutes=30)
    assert change.before == item


def test_move_item_with_a_new_end_resizes(db: Database) -> None:
    trip = new_trip(db)
    item = new_item(db, trip)
    change = programme.move_item(db, item.id, item.version, MORNING, MORNING + timedelta(minutes=45))
    assert change.after.end - change.after.start == timedelta(minutes=45)
    with pytest.raises(ValidationErrors):
        programme.move_item(db, item.id, change.after.version, MORNING, MORNING - timedelta(minutes=1))


def test_move_item_with_a_stale_version_is_refused(db: Database) -> None:
    trip = new_trip(db)
    item = new_item(db, trip)
    programme.update_item(db, item.evolve(title=LocalizedText(en="Renamed")))
    before = snapshot(db)
    with pytest.raises(ConflictError):
        programme.move_item(db, item.id, item.version, MORNING + timedelta(hours=5))
    assert snapshot(db) == before


def test_list_items_in_time_order(db: Database) -> None:
    trip, other = new_trip(db), new_trip(db, "Other")
    late = new_item(db, trip, MORNING + timedelta(hours=5), title="Late")
    early = new_item(db, trip, MORNING, title="Early")
    new_item(db, other, MORNING, title="Elsewhere")
    assert [i.id for i in programme.list_items(db, trip.id)] == [early.id, late.id]


def test_removing_a_member_takes_them_off_their_items(db: Database) -> None:
    trip = new_trip(db)
    a, b = (new_member(db, trip, new_person(db, n)) for n in ("A", "B"))
    item = new_item(db, trip, everyone=False, participant_ids=(a.id, b.id))
    delegation.remove_member(db, b.id)
    assert programme.get_item(db, item.id).participant_ids == (a.id,)


def test_delete_item(db: Database) -> None:
    trip = new_trip(db)
    a = new_member(db, trip, new_person(db))
    item = new_item(db, trip, everyone=False, participant_ids=(a.id,))
    change = programme.delete_item(db, item.id)
    assert (change.action, change.entity, change.before, change.after) == (Action.DELETED, "item", item, None)
    assert count(db, m.ProgrammeItem) == 0 and participant_rows(db) == 0
    assert count(db, m.Membership) == 1
    with pytest.raises(NotFoundError):
        programme.get_item(db, item.id)
    with pytest.raises(NotFoundError):
        programme.delete_item(db, item.id)
