"""`validated()` on every record: all errors at once with their fields, and a normalised copy."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from planner.domain import validation as v
from planner.domain.entities import ContactData, ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.entities import Record
from planner.domain.enums import ItemKind, Language, Role, TripStatus, VenueKind
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText


def errors_of(record: Record) -> dict[str, str]:
    """field -> message of every error `record.validated()` raises."""
    with pytest.raises(ValidationErrors) as info:
        record.validated()
    assert all(isinstance(e, ValidationError) for e in info.value.errors)
    fields = [e.field for e in info.value.errors]
    assert None not in fields
    assert len(fields) == len(set(fields)), fields
    return {e.field: e.message() for e in info.value.errors}


START = datetime(2016, 10, 24, 1, 30, tzinfo=UTC)

# --- PersonData -----------------------------------------------------------


def test_person_valid_and_normalised() -> None:
    person = PersonData(
        family_name="  Xu ", given_name=" Qin ", native_name=" 许勤 ", email=" xu@sz.gov.cn ", phone=" +86 755 1234 ",
        preferred_language="zh", nationality=" cn ", passport_number=" e 1234 5678 ",  # type: ignore[arg-type]
        dietary_needs=" no pork \n", accessibility_needs="  ", notes="  VIP  ",
    ).validated()
    assert (person.family_name, person.given_name, person.native_name) == ("Xu", "Qin", "许勤")
    assert person.email == "xu@sz.gov.cn"
    assert person.phone == "+86 755 1234"
    assert person.preferred_language is Language.ZH
    assert person.nationality == "CN"
    assert person.passport_number == "E12345678"
    assert (person.dietary_needs, person.accessibility_needs, person.notes) == ("no pork", "", "VIP")
    assert person.name == "Xu Qin"
    assert person.full_name == "Xu Qin (许勤)"


def test_person_all_errors_at_once() -> None:
    errors = errors_of(
        PersonData(
            family_name=" ", given_name="x" * 201, native_name="许\x00勤", email="xu@", phone="abc", nationality="CHN",
            preferred_language="fr", passport_number="P" * 41, notes="a\x07b",  # type: ignore[arg-type]
            honorific=LocalizedText(en="H" * 201), organisation=LocalizedText(de="O" * 401),
            function=LocalizedText(zh="主任\x1b"), dietary_needs="\x00", accessibility_needs="y" * (v.MAX_TEXT + 1),
        )
    )
    assert set(errors) == {
        "family_name", "given_name", "native_name", "email", "phone", "nationality", "preferred_language",
        "passport_number", "notes", "honorific", "organisation", "function", "dietary_needs", "accessibility_needs",
    }
    assert errors["family_name"] == "Family name must not be empty."
    assert errors["given_name"] == "Given name is too long (at most 200 characters)."
    assert errors["native_name"] == "Name in native script contains an invalid control character."
    assert "xu@" in errors["email"] and "e-mail" in errors["email"]
    assert "abc" in errors["phone"]
    assert "CHN" in errors["nationality"]
    assert errors["preferred_language"] == "“fr” is not a valid language."
    assert errors["passport_number"] == "Passport number is too long (at most 40 characters)."
    assert errors["honorific"] == "Honorific is too long (at most 200 characters)."
    assert errors["organisation"] == "Organisation is too long (at most 400 characters)."
    assert errors["function"] == "Function contains an invalid control character."
    assert errors["accessibility_needs"].startswith("Accessibility needs is too long")


def test_person_validated_is_a_copy() -> None:
    raw = PersonData(family_name=" Weil ")
    assert raw.validated().family_name == "Weil"
    assert raw.family_name == " Weil "


# --- TripData -------------------------------------------------------------

TRIP = TripData(
    title=LocalizedText(de="Delegationsreise", zh="代表团访问", en="Delegation visit"),
    destination_country="de", timezone=" Europe/Berlin ", first_day=date(2016, 10, 24), last_day=date(2016, 10, 30),
)


def test_trip_valid_and_normalised() -> None:
    trip = TRIP.evolve(status="confirmed", notes="  n  ").validated()
    assert trip.destination_country == "DE"
    assert trip.timezone == "Europe/Berlin"
    assert trip.status is TripStatus.CONFIRMED
    assert trip.notes == "n"
    assert trip.days == [date(2016, 10, 24) + timedelta(days=i) for i in range(7)]


def test_trip_all_errors_at_once() -> None:
    errors = errors_of(
        TripData(
            title=LocalizedText(), destination_country="Germany", timezone="Berlin", first_day=date(2016, 10, 30),
            last_day=date(2016, 10, 24), status="planned", buffer_minutes=-1, notes="\x00",  # type: ignore[arg-type]
            purpose=LocalizedText(en="p" * (v.MAX_TEXT + 1)), destination_city=LocalizedText(de="\n"),
            organiser=LocalizedText(en="o" * 401),
        )
    )
    assert set(errors) == {
        "title", "destination_country", "timezone", "last_day", "status", "buffer_minutes", "notes", "purpose",
        "organiser",
    }
    assert errors["title"] == "Title must not be empty."
    assert "Berlin" in errors["timezone"]
    assert errors["last_day"] == "The last day must not be before the first day."
    assert errors["status"] == "“planned” is not a valid status."
    assert "1440" in errors["buffer_minutes"]


def test_trip_title_of_spaces_only_is_empty() -> None:
    errors = errors_of(TRIP.evolve(title=LocalizedText(de="  ", en="\t")))
    assert errors == {"title": "Title must not be empty."}


def test_trip_multilingual_text_is_stripped() -> None:
    trip = TRIP.evolve(title=LocalizedText(de=" Reise ", en="Trip "), destination_city=LocalizedText(zh=" 深圳 ")).validated()
    assert trip.title == LocalizedText(de="Reise", en="Trip")
    assert trip.destination_city == LocalizedText(zh="深圳")


def test_trip_days_required() -> None:
    assert errors_of(TRIP.evolve(first_day=None)) == {"first_day": "The first day is required."}
    assert errors_of(TRIP.evolve(last_day=None)) == {"last_day": "The last day is required."}
    assert TripData().days == []


@pytest.mark.parametrize("minutes", [0, 30, 1440])
def test_trip_buffer_limits_accepted(minutes: int) -> None:
    assert TRIP.evolve(buffer_minutes=minutes).validated().buffer_minutes == minutes


@pytest.mark.parametrize("minutes", [-1, 1441, "thirty", None])
def test_trip_buffer_out_of_range_or_not_a_number(minutes: object) -> None:
    errors = errors_of(TRIP.evolve(buffer_minutes=minutes))
    assert set(errors) == {"buffer_minutes"}


# --- MembershipData -------------------------------------------------------


def test_membership_valid() -> None:
    ms = MembershipData(trip_id=1, person_id=2, role="head", arrival=date(2016, 10, 24), departure=date(2016, 10, 24)).validated()  # type: ignore[arg-type]
    assert ms.role is Role.HEAD


def test_membership_all_errors_at_once() -> None:
    errors = errors_of(
        MembershipData(role="boss", protocol_order=-1, arrival=date(2016, 10, 25), departure=date(2016, 10, 24))  # type: ignore[arg-type]
    )
    assert errors == {
        "role": "“boss” is not a valid role.",
        "trip_id": "A trip is required.",
        "person_id": "A person is required.",
        "departure": "The departure must not be before the arrival.",
        "protocol_order": "The protocol order must not be negative.",
    }


# --- ContactData ----------------------------------------------------------


def test_contact_valid_and_normalised() -> None:
    contact = ContactData(name=" Li Wei ", native_name=" 李伟 ", phone=" +86 755 8888 0000 ", email=" li@emax.cn ").validated()
    assert (contact.name, contact.native_name, contact.phone, contact.email) == ("Li Wei", "李伟", "+86 755 8888 0000", "li@emax.cn")
    assert contact.display == "Li Wei (李伟)"
    assert ContactData(name="Li", native_name="Li").display == "Li"


def test_contact_all_errors_at_once() -> None:
    errors = errors_of(ContactData(name="", native_name="n" * 201, phone="1", email="li", function=LocalizedText(en="\x00")))
    assert errors == {
        "name": "Contact name must not be empty.",
        "native_name": "Name in native script is too long (at most 200 characters).",
        "phone": "“1” is not a valid phone number.",
        "email": "“li” is not a valid e-mail address.",
        "function": "Function contains an invalid control character.",
    }


# --- VenueData ------------------------------------------------------------

VENUE = VenueData(name=LocalizedText(en="EMAX", zh="易思博"), kind="company", country="cn", timezone="Asia/Shanghai")  # type: ignore[arg-type]


def test_venue_valid_and_normalised() -> None:
    venue = VENUE.evolve(
        latitude=22.54, longitude=113.95, website=" https://emax.cn ", address_local=" 深圳市南山区 ", notes=" n ",
        contacts=(ContactData(name=" Li Wei "),),
    ).validated()
    assert venue.kind is VenueKind.COMPANY
    assert venue.country == "CN"
    assert venue.website == "https://emax.cn"
    assert venue.address_local == "深圳市南山区"
    assert venue.notes == "n"
    assert venue.contacts == (ContactData(name="Li Wei"),)


@pytest.mark.parametrize(("lat", "long"), [(22.5, None), (None, 113.9)])
def test_venue_latitude_and_longitude_both_or_neither(lat: float | None, long: float | None) -> None:
    errors = errors_of(VENUE.evolve(latitude=lat, longitude=long))
    assert errors == {"latitude": "Give both latitude and longitude, or neither."}


def test_venue_all_errors_at_once_including_its_contacts() -> None:
    errors = errors_of(
        VenueData(
            name=LocalizedText(), kind="zoo", country="China", timezone="Shenzhen", latitude=91.0, longitude=200.0,  # type: ignore[arg-type]
            website="emax.cn", address_local="a" * 1001, city=LocalizedText(en="\x00"), notes="\x07",
            contacts=(ContactData(name="Li Wei"), ContactData(name="", email="bad"), ContactData(name="Wang", phone="x")),
        )
    )
    assert set(errors) == {
        "name", "kind", "country", "timezone", "latitude", "longitude", "website", "address_local", "city", "notes",
        "contacts.1.name", "contacts.1.email", "contacts.2.phone",
    }
    assert errors["name"] == "Venue name must not be empty."
    assert errors["kind"] == "“zoo” is not a valid venue kind."
    assert errors["contacts.1.name"] == "Contact name must not be empty."
    assert "bad" in errors["contacts.1.email"]


def test_venue_notes_are_checked() -> None:
    assert errors_of(VENUE.evolve(notes="n" * (v.MAX_TEXT + 1))) == {
        "notes": f"Notes is too long (at most {v.MAX_TEXT} characters)."
    }


# --- ItemData -------------------------------------------------------------

ITEM = ItemData(
    trip_id=1, kind="site_visit", title=LocalizedText(en="Visit EMAX"), start=START, end=START + timedelta(hours=2),  # type: ignore[arg-type]
    timezone="Asia/Shanghai",
)


def test_item_valid_and_normalised() -> None:
    item = ITEM.evolve(end_timezone="Asia/Shanghai").validated()
    assert item.kind is ItemKind.SITE_VISIT
    assert item.end_timezone == ""
    assert item.arrival_timezone == "Asia/Shanghai"
    assert item.local_start() == datetime(2016, 10, 24, 9, 30, tzinfo=item.local_start().tzinfo)
    assert item.local_start().replace(tzinfo=None) == datetime(2016, 10, 24, 9, 30)
    assert item.local_end().replace(tzinfo=None) == datetime(2016, 10, 24, 11, 30)


def test_item_travel_across_zones_keeps_its_arrival_zone() -> None:
    flight = ITEM.evolve(
        kind=ItemKind.TRAVEL, timezone="Europe/Berlin", end_timezone="Asia/Shanghai",
        start=datetime(2016, 10, 23, 18, 0, tzinfo=UTC), end=datetime(2016, 10, 24, 5, 0, tzinfo=UTC),
    ).validated()
    assert flight.end_timezone == "Asia/Shanghai"
    assert flight.local_start().replace(tzinfo=None) == datetime(2016, 10, 23, 20, 0)
    assert flight.local_end().replace(tzinfo=None) == datetime(2016, 10, 24, 13, 0)


def test_item_participants_rule() -> None:
    errors = errors_of(ITEM.evolve(everyone=False, participant_ids=()))
    assert errors == {"participants": "Tick at least one participant, or choose everyone."}
    item = ITEM.evolve(everyone=False, participant_ids=(5, 3, 5)).validated()
    assert item.participant_ids == (3, 5)
    assert item.attended_by(3) and not item.attended_by(4)
    everyone = ITEM.evolve(everyone=True, participant_ids=(5,)).validated()
    assert everyone.participant_ids == ()
    assert everyone.attended_by(4)


def test_item_end_after_start() -> None:
    assert errors_of(ITEM.evolve(end=START)) == {"end": "The end must be after the start."}
    assert errors_of(ITEM.evolve(end=START - timedelta(minutes=1))) == {"end": "The end must be after the start."}
    assert set(errors_of(ITEM.evolve(end=START + timedelta(days=15)))) == {"end"}


def test_item_needs_aware_times() -> None:
    assert set(errors_of(ITEM.evolve(start=START.replace(tzinfo=None)))) == {"start"}


def test_item_all_errors_at_once() -> None:
    errors = errors_of(
        ItemData(
            kind="party", title=LocalizedText(), timezone="Nowhere", end_timezone="Elsewhere",  # type: ignore[arg-type]
            description=LocalizedText(en="\x00"), dress_code=LocalizedText(de="d" * 401),
            transport=LocalizedText(zh="t" * 2001), everyone=False,
        )
    )
    assert errors == {
        "kind": "“party” is not a valid item kind.",
        "title": "Title must not be empty.",
        "description": "Description contains an invalid control character.",
        "dress_code": "Dress code is too long (at most 400 characters).",
        "transport": "Transport is too long (at most 2000 characters).",
        "timezone": "“Nowhere” is not a known time zone (e.g. Asia/Shanghai).",
        "end_timezone": "“Elsewhere” is not a known time zone (e.g. Asia/Shanghai).",
        "start": "A start time is required.",
        "end": "An end time is required.",
        "trip_id": "A trip is required.",
        "participants": "Tick at least one participant, or choose everyone.",
    }


def test_records_are_frozen_and_evolve() -> None:
    with pytest.raises(AttributeError):
        ITEM.title = LocalizedText(en="x")  # type: ignore[misc]
    moved = ITEM.evolve(start=START + timedelta(hours=1))
    assert moved.start == START + timedelta(hours=1) and ITEM.start == START
    assert ITEM.as_dict()["timezone"] == "Asia/Shanghai"
    assert set(PersonData().as_dict()) >= {"id", "version", "family_name", "passport_expiry"}
