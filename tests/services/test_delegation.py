"""The delegation: members, roles and the order of precedence."""

from __future__ import annotations

from datetime import date

import pytest

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import MembershipData
from planner.domain.enums import Role
from planner.domain.errors import ConflictError, NotFoundError, PlannerError, ValidationErrors
from planner.services import delegation
from planner.services.base import Action
from tests.services.conftest import count, new_member, new_person, new_trip, snapshot


def orders(db: Database, trip_id: int) -> list[tuple[str, int]]:
    return [(member.person.family_name, member.membership.protocol_order) for member in delegation.list_members(db, trip_id)]


def test_members_come_last_unless_an_order_is_given(db: Database) -> None:
    trip = new_trip(db)
    xu, weil, li, wang = (new_person(db, n) for n in ("Xu", "Weil", "Li", "Wang"))
    first = new_member(db, trip, xu, Role.HEAD)
    assert first.protocol_order == 1
    assert new_member(db, trip, weil).protocol_order == 2
    assert new_member(db, trip, li, order=10).protocol_order == 10
    assert new_member(db, trip, wang).protocol_order == 11
    assert orders(db, trip.id) == [("Xu", 1), ("Weil", 2), ("Li", 10), ("Wang", 11)]


def test_order_is_per_trip(db: Database) -> None:
    a, b = new_trip(db), new_trip(db, "Other")
    xu, weil = new_person(db, "Xu"), new_person(db)
    new_member(db, a, xu)
    new_member(db, a, weil)
    assert new_member(db, b, weil).protocol_order == 1


def test_add_member_change_and_list(db: Database) -> None:
    trip, person = new_trip(db), new_person(db, "Xu", "Qin", "许勤")
    change = delegation.add_member(
        db, MembershipData(trip_id=trip.id, person_id=person.id, role=Role.HEAD, arrival=date(2016, 10, 23), departure=date(2016, 10, 30))
    )
    assert (change.action, change.entity, change.before) == (Action.CREATED, "membership", None)
    assert change.after.id == change.id and change.after.version == 1
    [member] = delegation.list_members(db, trip.id)
    assert member.id == change.id
    assert member.role is Role.HEAD
    assert member.person == person
    assert member.membership == change.after


def test_duplicate_member_is_refused(db: Database) -> None:
    trip, person = new_trip(db), new_person(db, "Xu", "Qin", "许勤")
    new_member(db, trip, person)
    before = snapshot(db)
    with pytest.raises(PlannerError) as info:
        new_member(db, trip, person, Role.HEAD)
    assert info.value.message() == "Xu Qin is already in this delegation."
    assert snapshot(db) == before


def test_add_member_to_missing_trip_or_person(db: Database) -> None:
    trip, person = new_trip(db), new_person(db)
    with pytest.raises(NotFoundError, match="trip"):
        delegation.add_member(db, MembershipData(trip_id=999, person_id=person.id))
    with pytest.raises(NotFoundError, match="person"):
        delegation.add_member(db, MembershipData(trip_id=trip.id, person_id=999))
    with pytest.raises(ValidationErrors):
        delegation.add_member(db, MembershipData(trip_id=trip.id))
    assert count(db, m.Membership) == 0


def test_reorder_sets_one_two_three(db: Database) -> None:
    trip = new_trip(db)
    a, b, c = (new_member(db, trip, new_person(db, n)) for n in ("A", "B", "C"))
    change = delegation.reorder_members(db, trip.id, [c.id, a.id, b.id])
    assert (change.action, change.entity, change.id) == (Action.UPDATED, "delegation_order", trip.id)
    assert change.before == [a.id, b.id, c.id]
    assert change.after == [c.id, a.id, b.id]
    assert orders(db, trip.id) == [("C", 1), ("A", 2), ("B", 3)]


@pytest.mark.parametrize("which", ["missing", "extra", "duplicate", "foreign"])
def test_reorder_must_name_every_member_exactly_once(db: Database, which: str) -> None:
    trip, other = new_trip(db), new_trip(db, "Other")
    a, b = (new_member(db, trip, new_person(db, n)) for n in ("A", "B"))
    stranger = new_member(db, other, new_person(db, "S"))
    ids = {
        "missing": [a.id],
        "extra": [a.id, b.id, 999],
        "duplicate": [a.id, a.id, b.id],
        "foreign": [a.id, stranger.id],
    }[which]
    before = snapshot(db)
    with pytest.raises(PlannerError, match="every member of the delegation exactly once"):
        delegation.reorder_members(db, trip.id, ids)
    assert snapshot(db) == before


def test_update_member_and_stale_version(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    change = delegation.update_member(db, member.evolve(role=Role.INTERPRETER, arrival=date(2016, 10, 25)))
    assert change.before == member
    assert change.after.role is Role.INTERPRETER and change.after.version == 2
    before = snapshot(db)
    with pytest.raises(ConflictError):
        delegation.update_member(db, member.evolve(role=Role.STAFF))
    with pytest.raises(ValidationErrors):
        delegation.update_member(db, change.after.evolve(arrival=date(2016, 10, 26), departure=date(2016, 10, 25)))
    assert snapshot(db) == before


def test_remove_member(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    change = delegation.remove_member(db, member.id)
    assert (change.action, change.before, change.after) == (Action.DELETED, member, None)
    assert delegation.list_members(db, trip.id) == []
    assert count(db, m.Person) == 1
    with pytest.raises(NotFoundError):
        delegation.remove_member(db, member.id)
