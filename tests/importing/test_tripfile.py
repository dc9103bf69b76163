"""Reading and importing trip files: faithful round trips, and every kind of broken file refused by path."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import func, select

from planner.db import models as m
from planner.db.engine import Database
from planner.export.tripfile import render_trip_document, trip_document, write_trip_file
from planner.importing.tripfile import (
    MAX_FILE_BYTES,
    TripFileError,
    TripFileProblem,
    import_trip_file,
    read_trip_document,
    read_trip_file,
)
from planner.paths import DEMO_TRIPS, TRIP_FILE_SCHEMA
from planner.services import people, trips, venues
from planner.services.base import Action
from tests.sample_trips import AWKWARD, build_dst_trip, build_shenzhen_trip, build_unicode_trip

Document = dict[str, Any]


def counts(db: Database) -> dict[str, int]:
    with db.reading() as s:
        tables = (m.Trip, m.Person, m.Membership, m.Venue, m.VenueContact, m.ProgrammeItem)
        result = {t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in tables}
        result["item_participant"] = s.scalar(select(func.count()).select_from(m.item_participant)) or 0
        return result


@pytest.fixture
def second_db(make_database: Callable[[str], Database]) -> Iterator[Database]:
    """Another, empty planner database: where a trip file is taken to."""
    database = make_database("second")
    yield database
    database.close()


@pytest.fixture
def shenzhen(db: Database) -> Document:
    return trip_document(db, build_shenzhen_trip(db))


def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(TRIP_FILE_SCHEMA.read_text(encoding="utf-8")))


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("build", [build_shenzhen_trip, build_unicode_trip, build_dst_trip], ids=["shenzhen", "unicode", "dst"])
def test_export_import_export_gives_the_identical_file(
    db: Database, second_db: Database, tmp_path: Path, build: Callable[[Database], int]
) -> None:
    first = write_trip_file(db, build(db), tmp_path / "first.json")
    assert counts(second_db) == dict.fromkeys(counts(second_db), 0)

    change = import_trip_file(second_db, first)

    assert change.action is Action.IMPORTED and change.entity == "trip"
    second = write_trip_file(second_db, change.id, tmp_path / "second.json")
    assert second.read_bytes() == first.read_bytes()
    validator().validate(json.loads(second.read_text(encoding="utf-8")))


def test_awkward_text_survives_unchanged(db: Database, second_db: Database, tmp_path: Path) -> None:
    path = write_trip_file(db, build_unicode_trip(db), tmp_path / "unicode.json")
    change = import_trip_file(second_db, path)
    document = trip_document(second_db, change.id)
    assert document["trip"]["purpose"]["de"] == AWKWARD["multiline"]
    assert document["trip"]["title"] == {"de": AWKWARD["emoji"], "zh": AWKWARD["cjk_ext_b"], "en": AWKWARD["quotes"]}
    assert document["people"][0]["family_name"] == AWKWARD["combining"]  # not normalised to NFC
    assert document["people"][0]["email"] == "zoë@exämple.de"
    assert document["venues"][0]["address_romanised"] == AWKWARD["backslashes"]
    assert document["programme"][0]["description"]["en"] == AWKWARD["backslashes"] + "\n" + AWKWARD["zwj"]
    assert "\u200d" in document["people"][1]["native_name"]


def test_times_keep_their_instant_and_zone_across_clock_changes(db: Database, second_db: Database) -> None:
    trip_id = build_dst_trip(db)
    change = import_trip_file_from(second_db, trip_document(db, trip_id))
    original = trips_items(db, trip_id)
    copied = trips_items(second_db, change.id)
    assert [(i.start, i.end, i.timezone, i.end_timezone) for i in copied] == [
        (i.start, i.end, i.timezone, i.end_timezone) for i in original
    ]
    first, second = copied[2], copied[3]
    assert (second.start - first.start).total_seconds() == 3600  # the two 02:30s are an hour apart


def import_trip_file_from(db: Database, document: Document) -> Any:
    from planner.services.transfer import import_trip_bundle

    return import_trip_bundle(db, read_trip_document(document))


def trips_items(db: Database, trip_id: int) -> list[Any]:
    from planner.services.programme import list_items

    return list_items(db, trip_id)


def test_bytes_text_and_parsed_json_read_alike(shenzhen: Document) -> None:
    text = render_trip_document(shenzhen)
    from_bytes = read_trip_document(text.encode("utf-8"))
    assert read_trip_document(text) == from_bytes
    assert read_trip_document(shenzhen) == from_bytes
    assert read_trip_document(b"\xef\xbb\xbf" + text.encode("utf-8")) == from_bytes  # a BOM from a Windows editor


def test_a_file_without_private_data_imports_with_those_fields_empty(db: Database, second_db: Database, tmp_path: Path) -> None:
    trip_id = build_shenzhen_trip(db)
    public = write_trip_file(db, trip_id, tmp_path / "public.json", include_private=False)
    change = import_trip_file(second_db, public)
    imported = trip_document(second_db, change.id)
    assert all(p["passport_number"] == "" and p["email"] == "" and p["passport_expiry"] is None for p in imported["people"])
    again = write_trip_file(second_db, change.id, tmp_path / "again.json", include_private=False)
    assert again.read_bytes() == public.read_bytes()


def test_a_hand_written_file_gets_the_documented_defaults(second_db: Database) -> None:
    document = {
        "format": "delegation-planner/trip",
        "format_version": 1,
        "trip": {"title": {"en": "  Minimal  "}, "timezone": "Asia/Shanghai", "first_day": "2016-10-22", "last_day": "2016-10-23"},
        "people": [{"key": "xu", "family_name": "Xu"}, {"key": "guest", "family_name": "Guest"}],
        "delegation": [{"person": "xu", "role": "head", "protocol_order": 7}],
        "venues": [
            {"key": "hall", "name": {"zh": "大厅"}, "contacts": [{"key": "li", "name": "Li"}]},
            {"key": "spare", "name": {"en": "Spare room"}},
        ],
        "programme": [
            {"title": {"en": "Second"}, "start": "2016-10-23T09:30+08:00", "end": "2016-10-23T10:00:00+08:00",
             "timezone": "Asia/Shanghai", "end_timezone": "Asia/Shanghai", "venue": "hall", "host_contact": "li"},
            {"title": {"en": "First"}, "start": "2016-10-22T09:30:00+08:00", "end": "2016-10-22T10:00:00+08:00",
             "timezone": "Asia/Shanghai", "participants": ["xu"]},
        ],
    }
    before = {p.family_name for p in people.list_people(second_db)}
    change = import_trip_file_from(second_db, document)
    exported = trip_document(second_db, change.id)
    assert exported["trip"]["title"] == {"en": "Minimal"}
    assert (exported["trip"]["status"], exported["trip"]["buffer_minutes"], exported["trip"]["notes"]) == ("draft", 30, "")
    assert exported["people"] == [{
        "key": "p1", "family_name": "Xu", "given_name": "", "native_name": "", "honorific": {}, "organisation": {},
        "function": {}, "email": "", "phone": "", "preferred_language": "en", "dietary_needs": "",
        "accessibility_needs": "", "passport_number": "", "nationality": "", "passport_expiry": None, "notes": "",
        "sex": "", "birth_date": None, "birth_place": "", "passport_issued": None,
    }]
    assert exported["delegation"] == [{
        "person": "p1", "role": "head", "protocol_order": 1, "arrival": None, "departure": None,
        "visa": {"status": "", "applied_on": None, "granted_on": None, "valid_until": None},
    }]
    hall = exported["venues"][0]
    assert (hall["key"], hall["kind"], hall["timezone"], hall["latitude"]) == ("v1", "other", "Asia/Shanghai", None)
    assert [i["title"]["en"] for i in exported["programme"]] == ["First", "Second"]
    first, second = exported["programme"]
    assert (first["kind"], first["venue"], first["participants"], first["gifts"], first["seating"]) == ("meeting", None, ["p1"], [], None)
    assert (second["start"], second["end_timezone"], second["host_contact"], second["participants"]) == (
        "2016-10-23T09:30:00+08:00", "", "c1", "all"
    )
    # The guest and the spare room are not part of the trip, but the import added them to the directories.
    assert {p.family_name for p in people.list_people(second_db)} - before == {"Xu", "Guest"}
    assert sorted(v.name.text("en") for v in venues.list_venues(second_db)) == ["Spare room", "大厅"]
    validator().validate(exported)


def test_fractions_of_seconds_and_historic_offsets_are_kept(second_db: Database, shenzhen: Document) -> None:
    document = copy.deepcopy(shenzhen)
    document["programme"][1]["start"] = "2016-10-23T17:00:00.250000+08:00"
    change = import_trip_file_from(second_db, document)
    assert trip_document(second_db, change.id)["programme"][1]["start"] == "2016-10-23T17:00:00.250000+08:00"


# --- broken documents: every problem by its path, nothing written ---------------------------


def _set(path: str, value: Any) -> Callable[[Document], None]:
    def change(doc: Document) -> None:
        *parents, last = _parts(path)
        node = doc
        for part in parents:
            node = node[part]
        node[last] = value

    return change


def _delete(path: str) -> Callable[[Document], None]:
    def change(doc: Document) -> None:
        *parents, last = _parts(path)
        node = doc
        for part in parents:
            node = node[part]
        del node[last]

    return change


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in path.replace("]", "").replace("[", ".").split("."):
        if piece:
            parts.append(int(piece) if piece.isdigit() else piece)
    return parts


def _all(*changes: Callable[[Document], None]) -> Callable[[Document], None]:
    def change(doc: Document) -> None:
        for c in changes:
            c(doc)

    return change


def _add_outsider(doc: Document) -> None:
    doc["people"].append({"key": "p9", "family_name": "Outsider"})
    doc["programme"][2]["participants"].append("p9")


BROKEN: dict[str, tuple[Callable[[Document], None], dict[str, str]]] = {
    "end before start": (_set("programme[1].end", "2016-10-23T16:00:00+08:00"), {"$.programme[1].end": "must be after the start"}),
    "offset not of the zone": (
        _set("programme[0].end", "2016-10-23T15:30:00+02:00"),
        {"$.programme[0].end": "does not match Asia/Shanghai, which is at +08:00"},
    ),
    "time that does not exist": (
        _all(_set("programme[1].timezone", "Europe/Berlin"), _set("programme[1].start", "2016-03-27T02:30:00+01:00"),
             _set("programme[1].end", "2016-03-27T04:00:00+02:00")),
        {"$.programme[1].start": "does not match Europe/Berlin, which is at +02:00"},
    ),
    "unknown zones": (
        _all(_set("trip.timezone", "Mars/Olympus_Mons"), _set("programme[3].end_timezone", "Asia/Shenzhen")),
        {"$.trip.timezone": "not a known time zone", "$.programme[3].end_timezone": "not a known time zone"},
    ),
    "unknown person in delegation": (_set("delegation[1].person", "p7"), {"$.delegation[1].person": "No person in “people” has the key “p7”"}),
    "person twice in delegation": (_set("delegation[2].person", "p1"), {"$.delegation[2].person": "already in the delegation ($.delegation[0])"}),
    "same protocol order twice": (_set("delegation[2].protocol_order", 1), {"$.delegation[2].protocol_order": "already given to $.delegation[0]"}),
    "duplicate keys": (
        _all(_set("people[2].key", "p1"), _set("venues[3].key", "v2"), _set("venues[3].contacts[0].key", "c1")),
        {"$.people[2].key": "already used by $.people[0]", "$.venues[3].key": "already used by $.venues[1]",
         "$.venues[3].contacts[0].key": "already used by $.venues[1].contacts[0]"},
    ),
    "unknown references": (
        _all(_set("programme[0].venue", "v9"), _set("programme[3].host_contact", "c9"), _set("programme[2].participants", ["p1", "p8"])),
        {"$.programme[0].venue": "No venue in “venues” has the key “v9”", "$.programme[3].host_contact": "No venue contact has the key “c9”",
         "$.programme[2].participants[1]": "No person in “people” has the key “p8”"},
    ),
    "host at another venue": (_set("programme[2].host_contact", "c4"), {"$.programme[2].host_contact": "not a contact at the item's venue “v2”"}),
    "participant outside the delegation": (_add_outsider, {"$.programme[2].participants[2]": "“p9” is not in the delegation"}),
    "unknown fields": (
        _all(_set("nickname", 1), _set("trip.budget", 100), _set("venues[1].contacts[0].fax", ""), _set("trip.title.fr", "Visite")),
        {"$.nickname": "Unknown field “nickname”", "$.trip.budget": "Unknown field “budget”",
         "$.venues[1].contacts[0].fax": "Unknown field “fax”", "$.trip.title.fr": "“fr” is not a language"},
    ),
    "missing required fields": (
        _all(_delete("people[1].family_name"), _delete("programme[2].start"), _delete("venues")),
        {"$.people[1].family_name": "required", "$.programme[2].start": "required", "$.venues": "required"},
    ),
    "empty and blank text": (
        _all(_set("trip.title", {}), _set("venues[1].name.en", " "), _set("people[0].family_name", "")),
        {"$.trip.title": "at least one language", "$.venues[1].name.en": "must not be empty", "$.people[0].family_name": "must not be empty"},
    ),
    "wrong types": (
        _all(_set("trip.buffer_minutes", "30"), _set("venues[0].latitude", "50.0"), _set("people", {})),
        {"$.trip.buffer_minutes": "Expected a whole number, found 30", "$.venues[0].latitude": "Expected a number or null",
         "$.people": "Expected a list"},
    ),
    "values out of range": (
        _all(_set("trip.buffer_minutes", 2000), _set("venues[1].latitude", 91), _set("delegation[0].protocol_order", 0)),
        {"$.trip.buffer_minutes": "2000 is too large", "$.venues[1].latitude": "91 is too large", "$.delegation[0].protocol_order": "0 is too small"},
    ),
    "wrong enumerations": (
        _all(_set("delegation[0].role", "boss"), _set("trip.status", "Draft"), _set("people[2].preferred_language", "fr")),
        {"$.delegation[0].role": "“boss” is not allowed here; use one of: head, member", "$.trip.status": "“Draft” is not allowed",
         "$.people[2].preferred_language": "“fr” is not allowed"},
    ),
    "bad dates": (
        _all(_set("trip.first_day", "2016-02-30"), _set("people[1].passport_expiry", "31.03.2026"), _set("delegation[0].arrival", "20161022")),
        {"$.trip.first_day": "“2016-02-30” is not a valid date", "$.people[1].passport_expiry": "“31.03.2026” is not a date",
         "$.delegation[0].arrival": "“20161022” is not a date"},
    ),
    "bad times": (
        _all(_set("programme[0].start", "2016-10-22 21:45"), _set("programme[1].end", "2016-10-23T17:00:00Z"),
             _set("programme[2].start", "2016-10-24T25:30:00+08:00")),
        {"$.programme[0].start": "is not a local time with its UTC offset", "$.programme[1].end": "is not a local time",
         "$.programme[2].start": "is not a valid local time"},
    ),
    "domain rules": (
        _all(_set("people[0].email", "mp(at)example.de"), _set("venues[1].longitude", None), _set("trip.last_day", "2016-10-01"),
             _set("venues[1].website", "ftp://example.cn"), _set("venues[3].contacts[0].phone", "call me")),
        {"$.people[0].email": "not a valid e-mail address", "$.venues[1].latitude": "both latitude and longitude",
         "$.trip.last_day": "must not be before the first day", "$.venues[1].website": "not a valid web address",
         "$.venues[3].contacts[0].phone": "not a valid phone number"},
    ),
    "participants neither all nor a list": (
        _all(_set("programme[0].participants", "everyone"), _set("programme[1].participants", []),
             _set("programme[2].participants", ["p1", "p1"])),
        {"$.programme[0].participants": "Expected “all” or a list of person keys, found everyone",
         "$.programme[1].participants": "must not be empty", "$.programme[2].participants": "more than once"},
    ),
    "country codes in capitals": (
        _all(_set("trip.destination_country", "cn"), _set("people[0].nationality", "DEU")),
        {"$.trip.destination_country": "“cn” is not a two-letter country code", "$.people[0].nationality": "“DEU” is not a two-letter"},
    ),
    "too long": (_set("people[0].email", "a" * 250 + "@example.de"), {"$.people[0].email": "at most 254 characters"}),
    "control characters": (_set("people[0].given_name", "Ste\x00phan"), {"$.people[0].given_name": "invalid control character"}),
    "a field name that is not a name": (_set("trip.a b", 1), {'$.trip["a b"]': "Unknown field “a b”"}),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_file_names_every_problem_by_path_and_imports_nothing(
    name: str, db: Database, shenzhen: Document, tmp_path: Path
) -> None:
    breakage, expected = BROKEN[name]
    document = copy.deepcopy(shenzhen)
    breakage(document)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    before = counts(db)

    with pytest.raises(TripFileError) as caught:
        import_trip_file(db, path)

    problems = {p.path: p.message for p in caught.value.problems}
    assert set(problems) == set(expected), caught.value.message()
    for where, words in expected.items():
        assert words in problems[where], problems[where]
    assert counts(db) == before
    text = caught.value.message()
    assert text.startswith("The trip file cannot be imported; nothing was changed.")
    assert all(f"  {p.path}: {p.message}" in text for p in caught.value.problems)


def test_problems_are_listed_in_file_order(shenzhen: Document) -> None:
    document = copy.deepcopy(shenzhen)
    _set("programme[2].end", "2016-10-24T08:00:00+08:00")(document)
    _set("trip.notes", 5)(document)
    _set("people[1].email", "nope")(document)
    _set("delegation[0].person", "p7")(document)
    with pytest.raises(TripFileError) as caught:
        read_trip_document(document)
    assert [p.path for p in caught.value.problems] == [
        "$.trip.notes", "$.people[1].email", "$.delegation[0].person", "$.programme[2].end",
    ]


def test_problems_are_a_path_and_a_message() -> None:
    problem = TripFileProblem.at(("programme", 3, "end"), "The end must be after the start.")
    assert problem.path == "$.programme[3].end"
    assert problem.message == "The end must be after the start."
    assert str(problem) == "$.programme[3].end: The end must be after the start."


def test_a_field_given_twice_in_one_object_is_a_problem(shenzhen: Document) -> None:
    text = render_trip_document(shenzhen).replace('"status": "confirmed",', '"status": "confirmed",\n    "status": "draft",', 1)
    with pytest.raises(TripFileError) as caught:
        read_trip_document(text)
    assert [(p.path, p.message) for p in caught.value.problems] == [("$.trip.status", "The field “status” appears more than once.")]


def test_half_a_surrogate_pair_is_named_and_shown_harmlessly(shenzhen: Document, db: Database) -> None:
    text = render_trip_document(shenzhen).replace('"Reiseleitung"', '"Reise\\ud800leitung"', 1)
    text = text.replace('"mp@example.de"', '"\\udc00@x"', 1)
    before = counts(db)
    with pytest.raises(TripFileError) as caught:
        read_trip_document(text)
    problems = {p.path: p.message for p in caught.value.problems}
    assert "half of a UTF-16 pair" in problems["$.people[1].notes"]
    assert "$.people[0].email" in problems
    caught.value.message().encode("utf-8")  # printable: no surrogate reaches the message
    assert counts(db) == before


# --- files that are no trip file at all --------------------------------------------------------


NOT_A_TRIP_FILE: dict[str, tuple[bytes, str]] = {
    "empty": (b"  \n", "The trip file is empty."),
    "not json": (b"delegation: yes\n", "The trip file is not valid JSON: Expecting value (line 1, column 1)."),
    "truncated": (b'{"format": "delegation-planner/trip", "trip": {', "not valid JSON"),
    "latin-1": ('{"format": "café"}'.encode("latin-1"), "not UTF-8 text (the byte at position 15"),
    "utf-16": ('{"format": 1}'.encode("utf-16"), "saved as UTF-16; please save it as UTF-8"),
    "nan": (b'{"format": NaN}', "NaN is not a JSON value"),
    "huge number": (b'{"format": 1e999}', "is too large a number"),
    "deep": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "a list": (b"[1, 2, 3]", "This is not a trip file: it holds [1, 2, 3] instead of a JSON object."),
}


@pytest.mark.parametrize("name", list(NOT_A_TRIP_FILE))
def test_a_file_that_is_no_json_object_is_refused_clearly(name: str, tmp_path: Path, db: Database) -> None:
    data, words = NOT_A_TRIP_FILE[name]
    path = tmp_path / "file.json"
    path.write_bytes(data)
    before = counts(db)
    with pytest.raises(TripFileError) as caught:
        import_trip_file(db, path)
    assert words in caught.value.message()
    assert caught.value.problems == []
    assert counts(db) == before


ENVELOPES: dict[str, tuple[Callable[[Document], None], str, str]] = {
    "no format": (_delete("format"), "$.format", "the field “format” is missing"),
    "another format": (_set("format", "calendar/ics"), "$.format", "“format” is “calendar/ics”, not “delegation-planner/trip”"),
    "newer version": (_set("format_version", 2), "$.format_version", "written by a newer version of the planner (format version 2; this planner reads format version 1). Please update the planner"),
    "version zero": (_set("format_version", 0), "$.format_version", "There is no format version 0"),
    "version as text": (_set("format_version", "1"), "$.format_version", "must be a whole number, not 1"),
    "no version": (_delete("format_version"), "$.format_version", "The format version is missing."),
}


@pytest.mark.parametrize("name", list(ENVELOPES))
def test_a_file_of_another_format_or_a_newer_version_is_refused_before_anything_else(name: str, shenzhen: Document) -> None:
    change, path, words = ENVELOPES[name]
    document = copy.deepcopy(shenzhen)
    change(document)
    document["trip"]["timezone"] = "Not/A_Zone"  # not reported: the envelope decides first
    with pytest.raises(TripFileError) as caught:
        read_trip_document(document)
    assert [p.path for p in caught.value.problems] == [path]
    assert words in caught.value.problems[0].message


def test_a_missing_file_a_folder_and_a_huge_file_are_refused_unread(tmp_path: Path) -> None:
    with pytest.raises(TripFileError, match="does not exist"):
        read_trip_file(tmp_path / "nowhere.json")
    with pytest.raises(TripFileError, match="is a folder"):
        read_trip_file(tmp_path)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as fh:  # sparse: takes no disk space, and must not be read
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(TripFileError) as caught:
        read_trip_file(huge)
    assert "too big (50.0 MB); a trip file may have at most 50 MB" in caught.value.message()
    with pytest.raises(TripFileError, match="too big"):
        read_trip_document(b" " * (MAX_FILE_BYTES + 1))


def test_something_that_is_no_document_is_refused() -> None:
    with pytest.raises(TripFileError, match="not as int"):
        read_trip_document(42)  # type: ignore[arg-type]
    with pytest.raises(TripFileError, match="JSON cannot express"):
        read_trip_document({"format": {1, 2}})
    with pytest.raises(TripFileError, match="JSON cannot express"):
        read_trip_document({"format": float("nan")})


def test_an_existing_trip_is_never_touched_by_an_import(db: Database, shenzhen: Document) -> None:
    trip_id = trips.list_trips(db)[0].trip.id
    assert trip_id is not None
    before = trip_document(db, trip_id)
    import_trip_file_from(db, shenzhen)
    assert trip_document(db, trip_id) == before
    assert len(trips.list_trips(db)) == 2


@pytest.mark.parametrize("demo", sorted(p.name for p in DEMO_TRIPS.glob("*.json")))
def test_the_demo_trips_are_trip_files_that_export_unchanged(demo: str, second_db: Database) -> None:
    original = (DEMO_TRIPS / demo).read_text(encoding="utf-8")
    change = import_trip_file(second_db, DEMO_TRIPS / demo)
    assert render_trip_document(trip_document(second_db, change.id)) == original
