"""The people directory: create, list, update, delete (not while on a trip)."""

from __future__ import annotations

from datetime import date

import pytest

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.enums import Language
from planner.domain.errors import ConflictError, NotFoundError, PlannerError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.services import delegation, people
from planner.services.base import Action
from tests.services.conftest import count, new_member, new_person, new_trip, snapshot


def test_create_and_read_back_every_field(db: Database) -> None:
    data = PersonData(
        family_name=" Xu ", given_name="Qin", native_name="许勤", honorific=LocalizedText(de="Herr", zh="先生", en="Mr"),
        organisation=LocalizedText(en="Shenzhen Municipal Government"), function=LocalizedText(zh="市长"),
        email="xu@sz.gov.cn", phone="+86 755 8888 0000", preferred_language=Language.ZH, dietary_needs="halal",
        accessibility_needs="wheelchair", passport_number="e 123 456", nationality="cn", passport_expiry=date(2030, 1, 31),
        notes="VIP",
    )
    change = people.create_person(db, data)
    assert (change.action, change.entity, change.before) == (Action.CREATED, "person", None)
    saved = people.get_person(db, change.id)
    assert saved == change.after
    assert saved == data.validated().evolve(id=change.id, version=1)
    assert saved.passport_number == "E123456" and saved.nationality == "CN"
    assert saved.preferred_language is Language.ZH
    assert saved.full_name == "Xu Qin (许勤)"


def test_list_is_sorted_by_family_then_given_name(db: Database) -> None:
    for family, given in (("Weil", "Stephan"), ("Althusmann", "Bernd"), ("Weil", "Anna"), ("Xu", "Qin")):
        new_person(db, family, given)
    assert [p.name for p in people.list_people(db)] == ["Bernd Althusmann", "Anna Weil", "Stephan Weil", "Qin Xu"]


def test_update_carries_before_and_after(db: Database) -> None:
    person = new_person(db)
    change = people.update_person(db, person.evolve(email="stephan.weil@stk.niedersachsen.de"))
    assert change.before == person
    assert change.after.email == "stephan.weil@stk.niedersachsen.de"
    assert change.after.version == 2
    assert people.get_person(db, person.id) == change.after


def test_stale_update_is_refused_and_changes_nothing(db: Database) -> None:
    person = new_person(db)
    people.update_person(db, person.evolve(phone="+49 511 1200"))
    before = snapshot(db)
    with pytest.raises(ConflictError):
        people.update_person(db, person.evolve(phone="+49 511 9999"))
    assert snapshot(db) == before


def test_invalid_person_changes_nothing(db: Database) -> None:
    person = new_person(db)
    before = snapshot(db)
    with pytest.raises(ValidationErrors) as info:
        people.update_person(db, person.evolve(family_name="", email="nope"))
    assert {e.field for e in info.value.errors} == {"family_name", "email"}
    with pytest.raises(ValidationErrors):
        people.create_person(db, PersonData(family_name="Xu", nationality="China"))
    assert snapshot(db) == before


def test_delete_person_refused_while_on_a_trip(db: Database) -> None:
    person, trip = new_person(db, "Xu", "Qin", "许勤"), new_trip(db)
    membership = new_member(db, trip, person)
    before = snapshot(db)
    with pytest.raises(PlannerError) as info:
        people.delete_person(db, person.id)
    assert "Xu Qin" in info.value.message() and "1 trip" in info.value.message()
    assert snapshot(db) == before

    delegation.remove_member(db, membership.id)
    change = people.delete_person(db, person.id)
    assert (change.action, change.before) == (Action.DELETED, person)
    assert count(db, m.Person) == 0
    with pytest.raises(NotFoundError, match="person no longer exists"):
        people.get_person(db, person.id)


def test_names_of_a_few_people_as_they_are_shown(db: Database) -> None:
    """The names a list needs (who promised a follow-up), worded as PersonData.name, for those still in the directory."""
    xu = people.create_person(db, PersonData(family_name="Xu", given_name="Qin", native_name="许勤")).id
    anna = people.create_person(db, PersonData(family_name="Schmidt", given_name="Anna")).id
    gone = people.create_person(db, PersonData(family_name="Vogt")).id
    people.delete_person(db, gone)
    assert people.names(db, [anna, xu, gone, xu]) == {xu: "Xu Qin", anna: "Anna Schmidt"}
    assert people.names(db, [xu]) == {xu: people.get_person(db, xu).name}
    assert people.names(db, []) == {}
