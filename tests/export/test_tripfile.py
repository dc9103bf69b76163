"""Writing a trip file: content, order, times across zones and clock changes, private data, atomic writes."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, PersonData, TripData
from planner.domain.errors import NotFoundError, PlannerError
from planner.domain.localized import LocalizedText as L
from planner.export import tripfile
from planner.export.tripfile import render_trip_document, trip_document, write_trip_file
from planner.paths import TRIP_FILE_SCHEMA
from planner.services import delegation, people, programme, trips
from planner.services.transfer import PRIVATE_PERSON_FIELDS
from tests.sample_trips import SHANGHAI, build_dst_trip, build_shenzhen_trip, build_unicode_trip, local


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the exported files (the database lives in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def schema_validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8")))


def test_keys_follow_protocol_order_venue_ids_and_contacts_per_venue(db: Database) -> None:
    doc = trip_document(db, build_shenzhen_trip(db))
    assert [(p["key"], p["family_name"]) for p in doc["people"]] == [("p1", "Weil"), ("p2", "Becker"), ("p3", "Wang")]
    assert [(d["person"], d["role"], d["protocol_order"]) for d in doc["delegation"]] == [
        ("p1", "head", 1), ("p2", "staff", 2), ("p3", "interpreter", 3),
    ]
    assert [(v["key"], v["name"]["en"]) for v in doc["venues"]] == [
        ("v1", "Frankfurt Airport"), ("v2", "Shenzhen Bay Venture Plaza"), ("v3", "Shenzhen press office"),
        ("v4", "InterContinental Shenzhen"),
    ]
    assert [[c["key"] for c in v["contacts"]] for v in doc["venues"]] == [[], ["c1", "c2"], ["c3"], ["c4"]]


def test_programme_is_in_start_order_with_its_references_as_keys(db: Database) -> None:
    doc = trip_document(db, build_shenzhen_trip(db))
    items = doc["programme"]
    assert [i["title"].get("en") for i in items] == ["Flight LH 7334", "Check-in", "Visit EMAX", "Press briefing"]
    visit, press = items[2], items[3]
    assert (visit["venue"], visit["host_contact"]) == ("v2", "c2")
    assert visit["participants"] == ["p1", "p3"]  # protocol order, not the order they were ticked in
    assert (press["venue"], press["host_contact"], press["participants"]) == (None, "c3", ["p2"])
    assert items[1]["participants"] == "all"
    assert visit["description"] == {"de": "Rundgang\nmit Vorführung"}


def test_a_flight_ends_in_the_zone_it_lands_in(db: Database) -> None:
    flight = trip_document(db, build_shenzhen_trip(db))["programme"][0]
    assert flight["start"] == "2016-10-22T21:45:00+02:00"
    assert flight["end"] == "2016-10-23T15:30:00+08:00"
    assert (flight["timezone"], flight["end_timezone"]) == ("Europe/Berlin", "Asia/Shanghai")


def test_times_on_clock_change_nights_carry_the_offset_that_makes_them_unambiguous(db: Database) -> None:
    items = trip_document(db, build_dst_trip(db))["programme"]
    assert [(i["title"]["en"], i["start"], i["end"]) for i in items] == [
        ("Spring forward", "2024-03-31T01:30:00+01:00", "2024-03-31T03:30:00+02:00"),
        ("Across the change", "2024-10-27T01:30:00+02:00", "2024-10-27T03:30:00+01:00"),
        ("First 02:30", "2024-10-27T02:30:00+02:00", "2024-10-27T02:45:00+02:00"),
        ("Second 02:30", "2024-10-27T02:30:00+01:00", "2024-10-27T02:45:00+01:00"),
        ("Late flight", "2024-10-27T22:00:00+01:00", "2024-10-28T14:55:00+08:00"),
    ]


def test_every_field_is_written_in_one_order(db: Database) -> None:
    doc = trip_document(db, build_shenzhen_trip(db))
    assert list(doc) == ["format", "format_version", "trip", "people", "delegation", "venues", "programme"]
    assert (doc["format"], doc["format_version"]) == ("delegation-planner/trip", 1)
    assert list(doc["trip"]) == [
        "title", "purpose", "destination_city", "organiser", "destination_country", "timezone", "first_day",
        "last_day", "status", "buffer_minutes", "notes",
    ]
    assert list(doc["people"][0]) == [
        "key", "family_name", "given_name", "native_name", "honorific", "organisation", "function", "email", "phone",
        "preferred_language", "dietary_needs", "accessibility_needs", "passport_number", "nationality",
        "passport_expiry", "notes", "sex", "birth_date", "birth_place", "passport_issued",
    ]
    assert list(doc["delegation"][0]) == ["person", "role", "protocol_order", "arrival", "departure", "visa"]
    assert list(doc["delegation"][0]["visa"]) == ["status", "applied_on", "granted_on", "valid_until"]
    assert list(doc["venues"][0]) == [
        "key", "name", "kind", "address_local", "address_romanised", "city", "country", "timezone", "latitude",
        "longitude", "website", "notes", "contacts",
    ]
    assert list(doc["venues"][1]["contacts"][0]) == ["key", "name", "native_name", "function", "phone", "email"]
    assert list(doc["programme"][0]) == [
        "kind", "title", "description", "venue", "start", "end", "timezone", "end_timezone", "host_contact",
        "dress_code", "transport", "participants", "gifts", "seating",
    ]
    # Multilingual text in de, zh, en order, only the languages that have text.
    assert list(doc["trip"]["title"]) == ["de", "zh", "en"]
    assert doc["trip"]["organiser"] == {"de": "Staatskanzlei", "en": "State Chancellery"}
    assert doc["trip"]["first_day"] == "2016-10-22" and doc["trip"]["buffer_minutes"] == 45
    assert doc["people"][1]["passport_expiry"] == "2026-03-31" and doc["people"][0]["passport_expiry"] is None
    assert doc["venues"][0]["latitude"] == 50.0379


@pytest.mark.parametrize("build", [build_shenzhen_trip, build_unicode_trip, build_dst_trip])
def test_export_is_valid_against_the_schema_and_the_same_every_time(
    db: Database, build: Callable[[Database], int], schema_validator: Draft202012Validator, out: Path
) -> None:
    trip_id = build(db)
    first = write_trip_file(db, trip_id, out / "one.json")
    second = write_trip_file(db, trip_id, out / "two.json")
    data = first.read_bytes()
    assert data == second.read_bytes()
    assert data.endswith(b"}\n") and not data.endswith(b"\n\n")
    document = json.loads(data.decode("utf-8"))
    schema_validator.validate(document)
    assert data.decode("utf-8") == render_trip_document(trip_document(db, trip_id))
    assert data.decode("utf-8") == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_text_is_written_as_readable_utf8(db: Database, out: Path) -> None:
    path = write_trip_file(db, build_shenzhen_trip(db), out / "trip.json")
    text = path.read_text(encoding="utf-8")
    assert "深圳代表团访问" in text and "\\u" not in text
    assert '\n  "trip": {\n    "title": {\n      "de": ' in text  # two-space indentation


def test_without_private_data_leaves_out_the_personal_fields(
    db: Database, out: Path, schema_validator: Draft202012Validator
) -> None:
    trip_id = build_shenzhen_trip(db)
    path = write_trip_file(db, trip_id, out / "public.json", include_private=False)
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)
    schema_validator.validate(document)
    for person in document["people"]:
        assert not set(PRIVATE_PERSON_FIELDS) & set(person)
        assert {"key", "family_name", "given_name", "native_name", "honorific", "organisation", "function",
                "preferred_language"} == set(person)
    for secret in ("C01X00T47", "D1234567", "E99887766", "anna.becker@example.de", "mp@example.de", "+49 511 120-0",
                   "vegetarisch", "Aufzug", "Reiseleitung", "2026-03-31"):
        assert secret not in text
    # What is not personal stays: the venue contacts' business numbers, the trip's own notes.
    assert "+86 755 1234 5678" in text and "Visa bis 1. Oktober beantragen." in text
    assert set(PRIVATE_PERSON_FIELDS) == {"email", "phone", "dietary_needs", "accessibility_needs", "passport_number",
                                          "nationality", "passport_expiry", "notes", "sex", "birth_date", "birth_place",
                                          "passport_issued"}
    assert all("visa" not in member for member in document["delegation"])
    full = trip_document(db, trip_id)
    assert "D1234567" in json.dumps(full)


def test_a_file_with_private_data_is_readable_by_its_owner_only(db: Database, out: Path) -> None:
    trip_id = build_shenzhen_trip(db)
    private = write_trip_file(db, trip_id, out / "private.json")
    public = write_trip_file(db, trip_id, out / "public.json", include_private=False)
    if os.name == "posix":
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
        assert stat.S_IMODE(public.stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(
    db: Database, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trip_id = build_shenzhen_trip(db)
    target = out / "trip.json"
    target.write_text("the previous export\n", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tripfile.os, "fsync", disk_full)
    with pytest.raises(PlannerError) as caught:
        write_trip_file(db, trip_id, target)
    assert "is full; free some space" in caught.value.message()  # said in the user's language, not the system's
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in out.iterdir()) == ["trip.json"]


def test_an_interrupted_write_leaves_no_temporary_file(db: Database, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    trip_id = build_shenzhen_trip(db)
    target = out / "trip.json"

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(tripfile.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_trip_file(db, trip_id, target)
    assert list(out.iterdir()) == []


def test_writing_to_a_folder_or_into_a_missing_folder_is_refused(db: Database, out: Path) -> None:
    trip_id = build_shenzhen_trip(db)
    with pytest.raises(PlannerError, match="is a folder"):
        write_trip_file(db, trip_id, out)
    with pytest.raises(PlannerError, match="does not exist"):
        write_trip_file(db, trip_id, out / "missing" / "trip.json")


def test_a_missing_trip_is_refused_before_anything_is_written(db: Database, out: Path) -> None:
    with pytest.raises(NotFoundError):
        write_trip_file(db, 999, out / "trip.json")
    assert list(out.iterdir()) == []


def test_an_item_that_nobody_attends_any_more_is_named_instead_of_writing_an_invalid_file(db: Database, out: Path) -> None:
    trip_id = trips.create_trip(db, TripData(title=L(en="T"), timezone=SHANGHAI, first_day=date(2020, 1, 1), last_day=date(2020, 1, 1))).id
    person_id = people.create_person(db, PersonData(family_name="Gone")).id
    member_id = delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=person_id)).id
    programme.create_item(db, ItemData(trip_id=trip_id, title=L(en="Private talk"), start=local(SHANGHAI, 2020, 1, 1, 9),
                                       end=local(SHANGHAI, 2020, 1, 1, 10), timezone=SHANGHAI, everyone=False,
                                       participant_ids=(member_id,)))
    delegation.remove_member(db, member_id)
    with pytest.raises(PlannerError, match="Private talk"):
        write_trip_file(db, trip_id, out / "trip.json")
    assert list(out.iterdir()) == []
