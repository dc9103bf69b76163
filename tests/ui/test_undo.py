"""Undo and redo of every kind of change, through the services, on a real database."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, PersonData, TripData, VenueData, ContactData
from planner.domain.enums import Role
from planner.domain.errors import NotFoundError
from planner.domain.localized import LocalizedText as L
from planner.services import delegation, people, programme, trips, venues
from planner.ui.undo import UndoHistory


@pytest.fixture
def history(qtbot: QtBot, db: Database) -> UndoHistory:
    return UndoHistory(db, lambda: None)


def _trip(db: Database) -> int:
    data = TripData(title=L(en="Trip"), timezone="Asia/Shanghai", first_day=date(2016, 10, 24), last_day=date(2016, 10, 27))
    return trips.create_trip(db, data).id


def _item(trip_id: int, **kw: Any) -> ItemData:
    return ItemData(
        trip_id=trip_id, title=L(en="Visit"), timezone="Asia/Shanghai",
        start=datetime(2016, 10, 24, 2, tzinfo=UTC), end=datetime(2016, 10, 24, 3, tzinfo=UTC), **kw,
    )


def test_create_person_undo_redo_keeps_the_id(history: UndoHistory, db: Database) -> None:
    change = history.perform("add", lambda: people.create_person(db, PersonData(family_name="Schirmeyer", given_name="Kai")))
    assert change is not None
    history.stack.undo()
    with pytest.raises(NotFoundError):
        people.get_person(db, change.id)
    history.stack.redo()
    assert people.get_person(db, change.id).family_name == "Schirmeyer"


def test_update_undo_redo(history: UndoHistory, db: Database) -> None:
    created = people.create_person(db, PersonData(family_name="Eisenschmidt", email="a@example.org"))
    current = people.get_person(db, created.id)
    history.perform("edit", lambda: people.update_person(db, current.evolve(email="b@example.org")))
    history.stack.undo()
    assert people.get_person(db, created.id).email == "a@example.org"
    history.stack.redo()
    assert people.get_person(db, created.id).email == "b@example.org"
    history.stack.undo()
    history.stack.undo()  # nothing more to undo: the creation was not recorded
    assert people.get_person(db, created.id).email == "a@example.org"


def test_refused_action_is_not_pushed(history: UndoHistory, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("planner.ui.errors.show_planner_error", lambda parent, exc, title=None: shown.append(str(exc)))
    assert history.perform("add", lambda: people.create_person(db, PersonData(family_name=""))) is None
    assert history.stack.count() == 0
    assert shown and "must not be empty" in shown[0]


def test_delete_trip_undo_restores_delegation_and_programme(history: UndoHistory, db: Database) -> None:
    trip_id = _trip(db)
    person = people.create_person(db, PersonData(family_name="Xu", given_name="Qin", native_name="许勤")).id
    member = delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=person, role=Role.HEAD)).id
    item = programme.create_item(db, _item(trip_id, everyone=False, participant_ids=(member,))).id
    history.perform("delete", lambda: trips.delete_trip(db, trip_id))
    assert trips.list_trips(db) == []
    history.stack.undo()
    assert [m.id for m in delegation.list_members(db, trip_id)] == [member]
    assert programme.get_item(db, item).participant_ids == (member,)
    history.stack.redo()
    assert trips.list_trips(db) == []
    history.stack.undo()
    assert programme.get_item(db, item).participant_ids == (member,)


def test_remove_member_undo_ticks_the_items_again(history: UndoHistory, db: Database) -> None:
    trip_id = _trip(db)
    a = delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=people.create_person(db, PersonData(family_name="A")).id)).id
    b = delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=people.create_person(db, PersonData(family_name="B")).id)).id
    item = programme.create_item(db, _item(trip_id, everyone=False, participant_ids=(a, b))).id
    history.perform("remove", lambda: delegation.remove_member(db, a))
    assert programme.get_item(db, item).participant_ids == (b,)
    history.stack.undo()
    assert programme.get_item(db, item).participant_ids == (a, b)


def test_move_item_and_delete_venue_undo(history: UndoHistory, db: Database) -> None:
    trip_id = _trip(db)
    venue = venues.create_venue(db, VenueData(name=L(en="OCAT"), timezone="Asia/Shanghai", contacts=(ContactData(name="Li"),)))
    item = programme.create_item(db, _item(trip_id)).id
    later = datetime(2016, 10, 24, 5, tzinfo=UTC)
    history.perform("move", lambda: programme.move_item(db, item, None, later))
    history.stack.undo()
    assert programme.get_item(db, item).start == datetime(2016, 10, 24, 2, tzinfo=UTC)
    history.stack.redo()
    assert programme.get_item(db, item).start == later
    history.perform("delete venue", lambda: venues.delete_venue(db, venue.id))
    history.stack.undo()
    restored = venues.get_venue(db, venue.id)
    assert restored.contacts[0].name == "Li" and restored.contacts[0].id == venue.after.contacts[0].id


def test_undo_of_a_record_changed_elsewhere_is_refused_and_dropped(history: UndoHistory, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("planner.ui.errors.show_planner_error", lambda parent, exc, title=None: shown.append(str(exc)))
    created = people.create_person(db, PersonData(family_name="Old"))
    history.perform("edit", lambda: people.update_person(db, people.get_person(db, created.id).evolve(family_name="New")))
    people.update_person(db, people.get_person(db, created.id).evolve(family_name="Elsewhere"))
    history.stack.undo()
    assert people.get_person(db, created.id).family_name == "Elsewhere"
    assert shown and "changed elsewhere" in shown[0]


def test_successive_edits_of_one_record_undo_and_redo_in_a_row(history: UndoHistory, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each step knows the version its neighbours wrote: two moves of one item are two clean undos, not a conflict."""
    shown: list[str] = []
    monkeypatch.setattr("planner.ui.errors.show_planner_error", lambda parent, exc, title=None: shown.append(str(exc)))
    item = programme.create_item(db, _item(_trip(db))).id
    starts = [datetime(2016, 10, 24, hour, tzinfo=UTC) for hour in (2, 4, 6, 8)]
    for start in starts[1:]:
        history.perform("move", lambda start=start: programme.move_item(db, item, programme.get_item(db, item).version, start))
    for expected in reversed(starts[:-1]):
        history.stack.undo()
        assert programme.get_item(db, item).start == expected
    for expected in starts[1:]:
        history.stack.redo()
        assert programme.get_item(db, item).start == expected
    assert shown == [] and history.stack.count() == 3
    # A change made outside the history is still noticed.
    programme.update_item(db, programme.get_item(db, item).evolve(title=L(en="Changed elsewhere")))
    history.stack.undo()
    assert shown and "changed elsewhere" in shown[0]
    assert programme.get_item(db, item).start == starts[-1]


def test_perform_each_is_one_transaction_one_step_and_one_signal(history: UndoHistory, db: Database) -> None:
    """A new member is a person and a membership: one commit, one undo step, one Change on the bus; undo is one commit too."""
    from sqlalchemy import event

    from planner.services.base import Action, Change, EntityKind
    from planner.ui.undo import perform_each

    trip_id = _trip(db)
    commits: list[int] = []
    heard: list[Change] = []
    history.bus.changed.connect(heard.append)
    event.listen(db.engine, "commit", lambda _c: commits.append(1))
    created: list[int] = []

    def create() -> Change:
        change = people.create_person(db, PersonData(family_name="Xu", given_name="Qin"))
        created.append(change.id)
        return change

    def add() -> Change:
        return delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=created[0], role=Role.HEAD))

    changes, errors = perform_each(history, "New member Xu Qin", [create, add])
    assert errors == [] and [c.entity for c in changes] == ["person", "membership"]
    assert commits == [1] and history.stack.count() == 1
    assert len(heard) == 1 and heard[0].action is Action.BATCH and heard[0].touches(EntityKind.MEMBERSHIP)
    commits.clear()
    history.stack.undo()
    assert commits == [1] and delegation.list_members(db, trip_id) == []
    with pytest.raises(NotFoundError):
        people.get_person(db, created[0])
    assert heard[-1].kinds == {"membership", "person"}  # the undo's own Change, for the pages
    history.stack.redo()
    assert [m.person.family_name for m in delegation.list_members(db, trip_id)] == ["Xu"]
