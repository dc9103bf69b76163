"""services.member_import: every confirmed row of a member list in one transaction, or none."""

from __future__ import annotations

import pytest

from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.enums import Language, Role
from planner.domain.errors import ConflictError, NotFoundError, PlannerError
from planner.domain.localized import LocalizedText
from planner.services.base import Action
from planner.services.delegation import list_members
from planner.services.member_import import ImportRow, import_members, merge_person
from planner.services.people import get_person, list_people, update_person
from tests.services.conftest import new_member, new_person, new_trip, snapshot


def person(family: str, given: str = "", **changes: object) -> PersonData:
    return PersonData(family_name=family, given_name=given).evolve(**changes)


def test_rows_become_people_and_members_after_the_existing_ones(db: Database) -> None:
    trip = new_trip(db)
    new_member(db, trip, new_person(db, "Weil", "Stephan"), Role.HEAD)
    change = import_members(db, trip.id, [
        ImportRow(person("Xu", "Qin", native_name="许勤"), Role.HEAD),
        ImportRow(person("  Chen ", "Jing", email="chen@example.cn"), Role.STAFF),
    ])
    members = list_members(db, trip.id)
    assert [(m.person.name, m.role, m.membership.protocol_order) for m in members] == [
        ("Stephan Weil", Role.HEAD, 1), ("Xu Qin", Role.HEAD, 2), ("Jing Chen", Role.STAFF, 3),
    ]
    assert members[2].person.family_name == "Chen"  # validated and normalised like a form
    assert (change.action, change.entity, change.id) == (Action.IMPORTED, "delegation", trip.id)
    assert [(c.action, c.entity) for c in change.related] == [
        (Action.CREATED, "person"), (Action.CREATED, "membership"), (Action.CREATED, "person"), (Action.CREATED, "membership"),
    ]
    assert change.related[0].after == members[1].person


def test_nothing_to_import_changes_nothing(db: Database) -> None:
    trip = new_trip(db)
    before = snapshot(db)
    change = import_members(db, trip.id, [])
    assert change.related == ()
    assert snapshot(db) == before


def test_a_merge_updates_the_person_with_what_the_row_supplies(db: Database) -> None:
    trip = new_trip(db)
    known = new_person(db, "Xu", "Qin", "许勤", email="old@sz.gov.cn", phone="+86 755 1111",
                       organisation=LocalizedText(en="Shenzhen Municipal Government"), preferred_language=Language.EN)
    incoming = person("Xu", "Qin", native_name="许勤", email="xu.qin@sz.gov.cn", organisation=LocalizedText(zh="深圳市人民政府"),
                      preferred_language=Language.ZH)
    change = import_members(db, trip.id, [
        ImportRow(incoming, Role.HEAD, merge_into=known.id, merge_version=known.version,
                  fields=frozenset({"family_name", "given_name", "native_name", "email", "organisation"})),
    ])
    merged = get_person(db, known.id)
    assert merged.email == "xu.qin@sz.gov.cn"
    assert merged.phone == "+86 755 1111"  # not supplied: kept
    assert merged.preferred_language is Language.EN  # not among the supplied fields: kept
    assert merged.organisation == LocalizedText(zh="深圳市人民政府", en="Shenzhen Municipal Government")
    assert [(c.action, c.entity) for c in change.related] == [(Action.UPDATED, "person"), (Action.CREATED, "membership")]
    assert change.related[0].before == known
    assert len(list_people(db)) == 1


def test_merging_someone_already_on_the_trip_updates_the_role_and_keeps_the_place(db: Database) -> None:
    trip = new_trip(db)
    known = new_person(db, "Weil", "Stephan")
    new_member(db, trip, new_person(db, "Vogt", "Martin"))
    new_member(db, trip, known, Role.MEMBER)
    change = import_members(db, trip.id, [
        ImportRow(person("Weil", "Stephan"), Role.HEAD, merge_into=known.id), ImportRow(person("Brandt", "Hannes")),
    ])
    members = list_members(db, trip.id)
    assert [(m.person.name, m.role, m.membership.protocol_order) for m in members] == [
        ("Martin Vogt", Role.MEMBER, 1), ("Stephan Weil", Role.HEAD, 2), ("Hannes Brandt", Role.MEMBER, 3),
    ]
    assert [(c.action, c.entity) for c in change.related] == [
        (Action.UPDATED, "person"), (Action.UPDATED, "membership"), (Action.CREATED, "person"), (Action.CREATED, "membership"),
    ]


def test_a_failing_row_rolls_back_every_row_before_it(db: Database) -> None:
    trip = new_trip(db)
    known = new_person(db, "Weil", "Stephan", email="weil@hannover.de")
    before = snapshot(db)
    rows = [
        ImportRow(person("Xu", "Qin")),
        ImportRow(person("Chen", "Jing")),
        ImportRow(person("Weil", "Stephan", email="not-an-address@"), merge_into=known.id, row_number=3),  # invalid once merged
    ]
    with pytest.raises(PlannerError, match="Row 3 cannot be merged into Stephan Weil: “not-an-address@” is not a valid e-mail address."):
        import_members(db, trip.id, rows)
    assert snapshot(db) == before


def test_a_person_deleted_meanwhile_rolls_back_everything(db: Database) -> None:
    trip = new_trip(db)
    before = snapshot(db)
    with pytest.raises(NotFoundError, match="The person no longer exists"):
        import_members(db, trip.id, [ImportRow(person("Xu", "Qin")), ImportRow(person("Weil"), merge_into=999)])
    assert snapshot(db) == before


def test_a_person_changed_since_the_preview_is_not_overwritten(db: Database) -> None:
    trip = new_trip(db)
    known = new_person(db, "Weil", "Stephan", email="weil@hannover.de")
    update_person(db, known.evolve(phone="+49 511 168-0"))
    before = snapshot(db)
    with pytest.raises(ConflictError):
        import_members(db, trip.id, [
            ImportRow(person("Xu", "Qin")), ImportRow(person("Weil", "Stephan"), merge_into=known.id, merge_version=known.version),
        ])
    assert snapshot(db) == before


def test_an_invalid_new_person_is_refused_before_anything_is_written(db: Database) -> None:
    trip = new_trip(db)
    before = snapshot(db)
    with pytest.raises(PlannerError) as info:
        import_members(db, trip.id, [ImportRow(person("Xu")), ImportRow(person("", "Jing"), row_number=7)])
    assert info.value.message() == "Row 7 cannot be imported: Family name must not be empty."
    assert snapshot(db) == before


def test_two_rows_merging_into_one_person_are_refused(db: Database) -> None:
    trip = new_trip(db)
    known = new_person(db, "Weil", "Stephan")
    with pytest.raises(PlannerError, match="Two rows are merged into the same person"):
        import_members(db, trip.id, [ImportRow(person("Weil"), merge_into=known.id), ImportRow(person("Weil"), merge_into=known.id)])


def test_an_unknown_trip_is_named(db: Database) -> None:
    before = snapshot(db)
    with pytest.raises(NotFoundError, match="The trip no longer exists"):
        import_members(db, 999, [ImportRow(person("Xu", "Qin"))])
    assert snapshot(db) == before


def test_merge_person_takes_only_non_empty_supplied_values() -> None:
    current = person("Weil", "Stephan", email="a@b.de", phone="+49 1234 5", honorific=LocalizedText(de="Herr", en="Mr"))
    incoming = person("Weil", "", email="", phone="+49 9999 9", honorific=LocalizedText(zh="先生"), notes="neu")
    merged = merge_person(current, incoming, frozenset({"given_name", "email", "phone", "honorific"}))
    assert (merged.given_name, merged.email, merged.phone, merged.notes) == ("Stephan", "a@b.de", "+49 9999 9", "")
    assert merged.honorific == LocalizedText(de="Herr", zh="先生", en="Mr")
