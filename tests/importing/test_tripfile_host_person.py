"""A person as an item's host in the trip file: member or not, written as a person key, read back the same."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, PersonData
from planner.domain.enums import Role
from planner.domain.localized import LocalizedText as L
from planner.export.tripfile import trip_document, write_trip_file
from planner.importing.tripfile import TripFileError, import_trip_file, read_trip_document
from planner.paths import TRIP_FILE_SCHEMA
from planner.services import delegation, people, programme
from tests.sample_trips import build_shenzhen_trip


@pytest.fixture
def second_db(make_database: Callable[[str], Database]) -> Iterator[Database]:
    database = make_database("second")
    yield database
    database.close()


def _host_items(db: Database) -> tuple[int, PersonData, PersonData]:
    """The Shenzhen trip with a member of role Host hosting one item and an outsider hosting another."""
    trip_id = build_shenzhen_trip(db)
    mayor = people.create_person(db, PersonData(family_name="Schostok", given_name="Stefan", function=L(de="Oberbürgermeister", en="Lord Mayor"))).after
    delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=mayor.id, role=Role.HOST, protocol_order=99))
    outsider = people.create_person(db, PersonData(family_name="Weil", given_name="Stephan", function=L(en="Minister-President"))).after
    items = programme.list_items(db, trip_id)
    for item, host in zip(items[:2], (mayor, outsider), strict=True):
        programme.update_item(db, item.evolve(host_contact_id=None, host_person_id=host.id))
    return trip_id, mayor, outsider


def test_person_hosts_survive_export_import_export_byte_for_byte(db: Database, second_db: Database, tmp_path: Path) -> None:
    trip_id, _mayor, _outsider = _host_items(db)
    first = write_trip_file(db, trip_id, tmp_path / "first.json")
    document = json.loads(first.read_text(encoding="utf-8"))
    Draft202012Validator(json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8"))).validate(document)
    keys = {p["key"]: p["family_name"] for p in document["people"]}
    hosts = [i["host_person"] for i in document["programme"] if "host_person" in i]
    assert [keys[k] for k in hosts] == ["Schostok", "Weil"]
    delegation_keys = {d["person"] for d in document["delegation"]}
    assert hosts[0] in delegation_keys and hosts[1] not in delegation_keys  # the outsider is listed after the delegation
    assert document["people"][-1]["family_name"] == "Weil"
    assert all("host_person" not in i for i in document["programme"][2:])  # written only where set

    change = import_trip_file(second_db, first)
    second = write_trip_file(second_db, change.id, tmp_path / "second.json")
    assert second.read_bytes() == first.read_bytes()
    imported = [i for i in programme.list_items(second_db, change.id) if i.host_person_id is not None]
    assert sorted(people.get_person(second_db, i.host_person_id).family_name for i in imported) == ["Schostok", "Weil"]


def test_an_unknown_host_person_key_is_named_by_its_path(db: Database) -> None:
    document = trip_document(db, build_shenzhen_trip(db))
    document["programme"][0]["host_contact"] = None
    document["programme"][0]["host_person"] = "p99"
    with pytest.raises(TripFileError) as caught:
        read_trip_document(document)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("$.programme[0].host_person", "No person in “people” has the key “p99”.")
    ]


def test_a_contact_and_a_person_at_once_is_refused(db: Database) -> None:
    document = trip_document(db, build_shenzhen_trip(db))
    first = next(i for i in document["programme"] if i["host_contact"] is not None)
    first["host_person"] = document["people"][0]["key"]
    with pytest.raises(TripFileError) as caught:
        read_trip_document(document)
    assert [p.message for p in caught.value.problems] == ["Choose one host: a venue contact or a person, not both."]


def test_an_item_data_with_both_hosts_is_refused_by_the_domain() -> None:
    from planner.domain.errors import ValidationErrors
    from tests.sample_trips import local

    start = local("Asia/Shanghai", 2016, 10, 25, 10)
    data = ItemData(trip_id=1, title=L(en="Talks"), start=start, end=start.replace(hour=start.hour + 1), host_contact_id=1, host_person_id=2)
    with pytest.raises(ValidationErrors) as caught:
        data.validated()
    assert [(e.field, e.message()) for e in caught.value.errors] == [
        ("host_contact_id", "Choose one host: a venue contact or a person, not both.")
    ]
