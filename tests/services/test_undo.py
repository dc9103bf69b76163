"""services.undo without Qt: every Change taken back and done again, batches in one transaction, refusals whole."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event

from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.enums import Role, VisaStatus
from planner.domain.errors import ConflictError, NotFoundError, PlannerError
from planner.domain.localized import LocalizedText
from planner.domain.protocol import VisaData
from planner.services import delegation, people, programme, protocol, restore, trips, undo, venues
from planner.services.base import Action, Change, EntityKind
from planner.services.member_import import ImportRow, import_members
from tests.services.conftest import MORNING, new_item, new_member, new_person, new_trip, new_venue, snapshot


def id_of(record: Any) -> int:
    """The id of a record the services saved (so never None)."""
    assert record.id is not None
    return int(record.id)


@pytest.fixture
def commits(db: Database) -> Iterator[list[int]]:
    """One entry per transaction committed on the database (every engine, every connection)."""
    seen: list[int] = []

    def committed(_conn: object) -> None:
        seen.append(1)

    event.listen(db.engine, "commit", committed)
    yield seen
    event.remove(db.engine, "commit", committed)


def _titles(db: Database, trip_id: int) -> list[str]:
    return [i.title.get("en") for i in programme.list_items(db, trip_id)]


def test_a_creation_is_taken_back_and_done_again_with_the_same_id(db: Database) -> None:
    trip = new_trip(db)
    created = programme.create_item(db, new_item(db, trip).evolve(id=None, version=None, title=LocalizedText(en="Lunch")))
    undone = undo.invert(db, created)
    assert undone.action is Action.DELETED and undone.entity is EntityKind.ITEM and undone.id == created.id
    assert _titles(db, id_of(trip)) == ["Site visit"]
    redone = undo.invert(db, undone)
    assert redone.action is Action.CREATED and redone.id == created.id
    assert sorted(_titles(db, id_of(trip))) == ["Lunch", "Site visit"]


def test_two_updates_of_one_record_are_taken_back_in_turn_with_the_versions_the_history_wrote(db: Database) -> None:
    person = new_person(db, "Weil", "Stephan")
    first = people.update_person(db, person.evolve(phone="+49 511 1"))
    second = people.update_person(db, first.after.evolve(phone="+49 511 2"))
    versions: dict[tuple[str, int], int] = {}
    undo.note_versions(versions, first)
    undo.note_versions(versions, second)
    undone_second = undo.invert(db, second, versions)
    undone_first = undo.invert(db, first, versions)  # its own after-version is stale: the history's is used
    assert people.get_person(db, id_of(person)).phone == ""
    assert versions[("person", id_of(person))] == undone_first.after.version
    undo.invert(db, undone_first, versions)
    undo.invert(db, undone_second, versions)
    assert people.get_person(db, id_of(person)).phone == "+49 511 2"


def test_an_update_changed_elsewhere_is_refused_and_nothing_is_written(db: Database) -> None:
    venue = new_venue(db)
    change = venues.update_venue(db, venue.evolve(name=LocalizedText(en="EMAX Tower")))
    venues.update_venue(db, change.after.evolve(name=LocalizedText(en="EMAX Campus")))  # another window
    before = snapshot(db)
    with pytest.raises(ConflictError):
        undo.invert(db, change)
    assert snapshot(db) == before


def test_reapply_does_the_original_change_again_after_it_was_taken_back(db: Database) -> None:
    trip = new_trip(db)
    item = new_item(db, trip)
    change = programme.update_item(db, item.evolve(title=LocalizedText(en="Factory tour")))
    versions: dict[tuple[str, int], int] = {}
    undo.invert(db, change, versions)
    assert _titles(db, id_of(trip)) == ["Site visit"]
    undo.reapply(db, change, versions)
    assert _titles(db, id_of(trip)) == ["Factory tour"]
    deleted = programme.delete_item(db, id_of(item))
    undo.invert(db, deleted)
    undo.reapply(db, deleted)
    assert programme.list_items(db, id_of(trip)) == []


def test_a_removed_member_comes_back_ticked_on_the_items_that_named_them(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    item = new_item(db, trip, everyone=False, participant_ids=(member.id,))
    removed = delegation.remove_member(db, id_of(member))
    assert programme.get_item(db, id_of(item)).participant_ids == ()
    undo.invert(db, removed)
    assert programme.get_item(db, id_of(item)).participant_ids == (id_of(member),)


def test_a_trip_deletion_brings_back_its_delegation_and_programme(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    item = new_item(db, trip)
    deleted = trips.delete_trip(db, id_of(trip))
    undo.invert(db, deleted)
    assert [m.id for m in delegation.list_members(db, id_of(trip))] == [id_of(member)]
    assert [i.id for i in programme.list_items(db, id_of(trip))] == [id_of(item)]


def test_the_order_of_precedence_is_put_back(db: Database) -> None:
    trip = new_trip(db)
    a, b = new_member(db, trip, new_person(db, "A")), new_member(db, trip, new_person(db, "B"))
    change = delegation.reorder_members(db, id_of(trip), [id_of(b), id_of(a)])
    undone = undo.invert(db, change)
    assert [m.id for m in delegation.list_members(db, id_of(trip))] == [id_of(a), id_of(b)]
    undo.invert(db, undone)
    assert [m.id for m in delegation.list_members(db, id_of(trip))] == [id_of(b), id_of(a)]


def test_a_first_visa_record_is_taken_back_and_done_again(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    visa = protocol.save_visa(db, VisaData(membership_id=member.id, status=VisaStatus.APPLIED))
    assert visa.entity is EntityKind.VISA and visa.action is Action.CREATED
    undone = undo.invert(db, visa)
    assert protocol.trip_visas(db, id_of(trip)) == {}
    undo.invert(db, undone)
    assert protocol.trip_visas(db, id_of(trip))[id_of(member)].status is VisaStatus.APPLIED


def test_a_trip_edit_that_moved_items_is_taken_back_with_them(db: Database) -> None:
    trip = new_trip(db)
    item = new_item(db, trip)
    change = trips.update_trip(db, trip.evolve(first_day=trip.first_day + timedelta(days=7), last_day=trip.last_day + timedelta(days=7)),
                               items=trips.ItemPolicy.KEEP_LOCAL_TIMES)
    assert programme.get_item(db, id_of(item)).start == MORNING + timedelta(days=7)
    versions: dict[tuple[str, int], int] = {}
    undone = undo.invert(db, change, versions)
    assert trips.get_trip(db, id_of(trip)).first_day == trip.first_day
    assert programme.get_item(db, id_of(item)).start == MORNING
    undo.invert(db, undone, versions)
    assert programme.get_item(db, id_of(item)).start == MORNING + timedelta(days=7)


def test_an_import_is_taken_back_and_done_again(db: Database) -> None:
    trip = new_trip(db)
    new_member(db, trip, new_person(db), Role.HEAD)
    before = snapshot(db)
    change = import_members(db, id_of(trip), [ImportRow(PersonData(family_name="Xu", given_name="Qin"))])
    versions: dict[tuple[str, int], int] = {}
    reverted = undo.invert(db, change, versions)
    assert reverted.action is Action.REVERTED and snapshot(db) == before
    again = undo.invert(db, reverted, versions)
    assert again == change and len(delegation.list_members(db, id_of(trip))) == 2


def test_a_kind_without_an_inverse_is_refused_in_words(db: Database) -> None:
    with pytest.raises(PlannerError) as refused:
        undo.invert(db, Change(Action.UPDATED, "room", 1))
    assert refused.value.message() == "This step cannot be undone."


def test_a_new_kind_registers_its_inverse(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(undo, "INVERSES", dict(undo.INVERSES))
    calls: list[int] = []

    def gone(_db: Database, change: Change, _v: object) -> Change:
        calls.append(change.id)
        return Change(Action.DELETED, change.entity, change.id)

    undo.register("room", undo.Inverse(created=gone, updated=gone, deleted=gone))
    assert undo.invert(db, Change(Action.CREATED, "room", 4)).action is Action.DELETED and calls == [4]


# --- batches: one user action, one transaction --------------------------------------------------


def test_deleting_several_items_is_one_transaction_and_its_undo_too(db: Database, commits: list[int]) -> None:
    trip = new_trip(db)
    ids = [id_of(new_item(db, trip, MORNING + timedelta(hours=3 * n), title=f"Visit {n}")) for n in range(4)]
    commits.clear()
    batch = programme.delete_items(db, ids)
    assert commits == [1] and batch.action is Action.BATCH and batch.ids(EntityKind.ITEM) == ids
    assert programme.list_items(db, id_of(trip)) == []
    commits.clear()
    restored = undo.invert(db, batch)
    assert commits == [1] and sorted(_titles(db, id_of(trip))) == [f"Visit {n}" for n in range(4)]
    commits.clear()
    undo.invert(db, restored)
    assert commits == [1] and programme.list_items(db, id_of(trip)) == []


def test_an_item_deleted_elsewhere_is_left_out_of_the_batch_and_named(db: Database) -> None:
    trip = new_trip(db)
    a, b = new_item(db, trip), new_item(db, trip, MORNING + timedelta(hours=3))
    programme.delete_item(db, id_of(a))  # another window
    batch = programme.delete_items(db, [id_of(a), id_of(b)])
    assert [c.id for c in batch.related] == [b.id]
    assert len(batch.refused) == 1 and isinstance(batch.refused[0], NotFoundError)


def test_an_undo_of_a_batch_refused_part_way_writes_nothing(db: Database) -> None:
    trip = new_trip(db)
    a, b = new_item(db, trip, title="A"), new_item(db, trip, MORNING + timedelta(hours=3), title="B")
    batch = programme.delete_items(db, [id_of(a), id_of(b)])
    restore.restore_item(db, a)  # A is back already (another window's undo): B is restored first, then A is refused
    before = snapshot(db)
    with pytest.raises(PlannerError):
        undo.invert(db, batch)
    assert snapshot(db) == before  # B was not brought back alone


def test_removing_several_members_and_deleting_several_people(db: Database, commits: list[int]) -> None:
    trip = new_trip(db)
    on_trip = new_person(db, "Weil")
    members = [new_member(db, trip, on_trip), new_member(db, trip, new_person(db, "Lies"))]
    loose = [new_person(db, "Chen"), new_person(db, "Xu")]
    commits.clear()
    removed = delegation.remove_members(db, [id_of(m) for m in members])
    assert commits == [1] and delegation.list_members(db, id_of(trip)) == []
    undo.invert(db, removed)
    assert len(delegation.list_members(db, id_of(trip))) == 2
    commits.clear()
    deleted = people.delete_people(db, [id_of(on_trip), *(id_of(p) for p in loose)])
    assert commits == [1] and deleted.ids(EntityKind.PERSON) == [p.id for p in loose]
    assert "takes part in 1 trip" in deleted.refused[0].message()
    undo.invert(db, deleted)
    assert {p.id for p in people.list_people(db)} >= {p.id for p in loose}


def test_adding_several_people_refuses_one_already_there_alone(db: Database, commits: list[int]) -> None:
    trip = new_trip(db)
    there = new_person(db, "Weil")
    new_member(db, trip, there)
    others = [new_person(db, "Chen"), new_person(db, "Xu")]
    commits.clear()
    added = delegation.add_members(db, id_of(trip), [id_of(there), *(id_of(p) for p in others)], Role.MEMBER)
    assert commits == [1] and len(added.related) == 2 and "already in this delegation" in added.refused[0].message()
    assert [m.person.id for m in delegation.list_members(db, id_of(trip))] == [id_of(there), *(id_of(p) for p in others)]


def test_a_busy_database_in_a_batch_retries_the_whole_batch(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.services import base

    trip = new_trip(db)
    a, b = new_item(db, trip), new_item(db, trip, MORNING + timedelta(hours=3))
    monkeypatch.setattr(base.time, "sleep", lambda _s: None)
    monkeypatch.setattr(base, "RETRIES", base.Counter())
    real = programme.delete_item
    calls: list[int] = []

    def busy_once(database: Database, item_id: int) -> Change:
        calls.append(item_id)
        if len(calls) == 2:
            raise base.BusyError(base.BUSY)
        return real(database, item_id)

    monkeypatch.setattr(programme, "delete_item", busy_once)
    batch = programme.delete_items(db, [id_of(a), id_of(b)])
    assert calls == [a.id, b.id, a.id, b.id] and base.RETRIES["busy"] == 1  # the first item's deletion was rolled back and done again
    assert batch.ids(EntityKind.ITEM) == [id_of(a), id_of(b)] and programme.list_items(db, id_of(trip)) == []


def test_a_change_knows_its_kinds_and_keeps_unknown_ones_as_strings() -> None:
    change = Change(Action.DELETED, "membership", 3, related=(Change(Action.UPDATED, "item", 7),))
    assert change.entity is EntityKind.MEMBERSHIP and change.entity == "membership"
    assert change.kinds == {"membership", "item"} and change.touches(EntityKind.ITEM) and not change.touches("gift")
    assert Change(Action.UPDATED, EntityKind.ANY, 0).touches("gift")
    room = Change(Action.CREATED, "room", 1)
    assert room.entity == "room" and not isinstance(room.entity, EntityKind)
