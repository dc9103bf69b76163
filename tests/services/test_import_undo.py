"""services.import_undo: a member import taken back and done again, each in one transaction, or refused whole."""

from __future__ import annotations

import pytest

from planner.db.engine import Database
from planner.domain.entities import MembershipData, PersonData, TripData
from planner.domain.enums import Role
from planner.domain.errors import ConflictError, PlannerError
from planner.services import delegation, people
from planner.services.base import Change
from planner.services.import_undo import redo_import, undo_import
from planner.services.member_import import ImportRow, import_members
from tests.services.conftest import new_member, new_person, new_trip, snapshot


def _unversioned(row: tuple[object, ...]) -> tuple[object, ...]:
    return row[:1] + row[2:]  # id, then everything after the version column


def _imported(db: Database) -> tuple[TripData, MembershipData, PersonData, MembershipData, dict[str, list[tuple[object, ...]]], Change]:
    """A trip with a head; an import that creates one person, merges one known person, and changes a member's role."""
    trip = new_trip(db)
    head = new_member(db, trip, new_person(db, "Weil", "Stephan"), Role.HEAD)
    known = new_person(db, "Chen", "Jing", email="chen@example.cn")
    staff = new_person(db, "Lies", "Olaf")
    on_trip = new_member(db, trip, staff, Role.MEMBER)
    before = snapshot(db)
    change = import_members(db, trip.id, [
        ImportRow(PersonData(family_name="Xu", given_name="Qin", native_name="许勤"), Role.HEAD),
        ImportRow(PersonData(family_name="Chen", given_name="Jing", phone="+86 755 1234"), Role.STAFF,
                  merge_into=known.id, merge_version=known.version, fields=frozenset({"phone"})),
        ImportRow(PersonData(family_name="Lies", given_name="Olaf"), Role.INTERPRETER,
                  merge_into=staff.id, merge_version=staff.version, fields=frozenset()),
    ])
    return trip, head, known, on_trip, before, change


def test_undo_reverses_everything_and_redo_brings_back_the_same_ids(db: Database) -> None:
    trip, _head, known, on_trip, before, change = _imported(db)
    after_import = snapshot(db)
    members = delegation.list_members(db, trip.id)
    assert [m.role for m in members] == [Role.HEAD, Role.INTERPRETER, Role.HEAD, Role.STAFF]

    versions = undo_import(db, change)
    # The same rows as before the import; only the version counters of the records set back moved on.
    assert [_unversioned(r) for r in snapshot(db)["membership"]] == [_unversioned(r) for r in before["membership"]]
    assert [_unversioned(r) for r in snapshot(db)["person"]] == [_unversioned(r) for r in before["person"]]
    assert people.get_person(db, known.id).phone == ""
    assert ("person", known.id) in versions and ("membership", on_trip.id) in versions

    redo_import(db, change, versions)
    again = delegation.list_members(db, trip.id)
    assert [(m.id, m.person.id, m.role) for m in again] == [(m.id, m.person.id, m.role) for m in members]
    assert people.get_person(db, known.id).phone == "+86 755 1234"
    assert len(snapshot(db)["person"]) == len(after_import["person"])


def test_undo_is_refused_whole_when_a_merged_person_changed_elsewhere(db: Database) -> None:
    _trip, _head, known, _on_trip, _before, change = _imported(db)
    current = people.get_person(db, known.id)
    people.update_person(db, current.evolve(notes="changed in another window"))
    state = snapshot(db)
    with pytest.raises(ConflictError):
        undo_import(db, change)
    assert snapshot(db) == state


def test_undo_is_refused_when_a_new_person_joined_another_trip(db: Database) -> None:
    _trip, _head, _known, _on_trip, _before, change = _imported(db)
    created = next(c for c in change.related if c.entity == "person" and c.after.family_name == "Xu")
    other = new_trip(db, title="Another trip")
    delegation.add_member(db, MembershipData(trip_id=other.id, person_id=created.id))
    state = snapshot(db)
    with pytest.raises(PlannerError, match="Qin Xu|Xu Qin"):
        undo_import(db, change)
    assert snapshot(db) == state


def test_redo_is_refused_when_a_record_changed_after_the_undo(db: Database) -> None:
    _trip, _head, known, _on_trip, _before, change = _imported(db)
    versions = undo_import(db, change)
    current = people.get_person(db, known.id)
    people.update_person(db, current.evolve(notes="edited meanwhile"))
    state = snapshot(db)
    with pytest.raises(ConflictError):
        redo_import(db, change, versions)
    assert snapshot(db) == state
