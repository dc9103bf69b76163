"""Trips for the trip-file tests, built through the services as a user would build them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from planner.db.engine import Database
from planner.domain.entities import ContactData, ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.enums import ItemKind, Language, Role, TripStatus, VenueKind
from planner.domain.localized import LocalizedText as L
from planner.services import delegation, people, programme, trips, venues

BERLIN = "Europe/Berlin"
SHANGHAI = "Asia/Shanghai"


def local(tz: str, *args: int, fold: int = 0) -> datetime:
    """A wall-clock time in `tz` as aware UTC; `fold=1` picks the second 02:30 of a fall-back night."""
    return datetime(*args).replace(tzinfo=ZoneInfo(tz), fold=fold).astimezone(UTC)


def add_person(db: Database, trip_id: int, person: PersonData, role: Role = Role.MEMBER) -> tuple[int, int]:
    """Create a person and put them on the trip; returns (person id, membership id)."""
    person_id = people.create_person(db, person).id
    membership_id = delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=person_id, role=role)).id
    return person_id, membership_id


def build_shenzhen_trip(db: Database) -> int:
    """A realistic trip: a flight across zones, a visit with a host, private data, a reordered delegation."""
    trip_id = trips.create_trip(
        db,
        TripData(
            title=L(de="Delegationsreise Shenzhen", zh="深圳代表团访问", en="Delegation visit to Shenzhen"),
            purpose=L(de="Innovation und Start-ups", en="Innovation and start-ups"),
            destination_city=L(de="Shenzhen", zh="深圳", en="Shenzhen"),
            destination_country="CN",
            timezone=SHANGHAI,
            first_day=date(2016, 10, 22),
            last_day=date(2016, 10, 28),
            organiser=L(de="Staatskanzlei", en="State Chancellery"),
            status=TripStatus.CONFIRMED,
            buffer_minutes=45,
            notes="Visa bis 1. Oktober beantragen.",
        ),
    ).id
    # An unrelated venue in the directory: an export of this trip must not carry it.
    venues.create_venue(db, VenueData(name=L(en="Unused hall"), timezone=BERLIN))
    _, staff = add_person(
        db, trip_id,
        PersonData(family_name="Becker", given_name="Anna", email="anna.becker@example.de", phone="+49 511 120-0",
                   preferred_language=Language.DE, passport_number="C01X00T47", nationality="DE",
                   passport_expiry=date(2026, 3, 31), dietary_needs="vegetarisch", notes="Reiseleitung"),
        Role.STAFF,
    )
    _, head = add_person(
        db, trip_id,
        PersonData(family_name="Weil", given_name="Stephan", honorific=L(de="Herr Ministerpräsident", en="Minister-President"),
                   organisation=L(de="Land Niedersachsen", en="Lower Saxony"), function=L(de="Ministerpräsident"),
                   email="mp@example.de", preferred_language=Language.DE, passport_number="D1234567", nationality="DE",
                   accessibility_needs="Aufzug"),
        Role.HEAD,
    )
    _, interpreter = add_person(
        db, trip_id,
        PersonData(family_name="Wang", given_name="Li", native_name="王丽", preferred_language=Language.ZH,
                   phone="+86 755 8888 0000", passport_number="E99887766", nationality="CN"),
        Role.INTERPRETER,
    )
    delegation.reorder_members(db, trip_id, [head, staff, interpreter])

    fra = venues.create_venue(
        db, VenueData(name=L(de="Flughafen Frankfurt", en="Frankfurt Airport"), kind=VenueKind.TRANSPORT_HUB,
                      city=L(de="Frankfurt am Main"), country="DE", timezone=BERLIN, latitude=50.0379, longitude=8.5622),
    ).after
    emax = venues.create_venue(
        db, VenueData(
            name=L(zh="深圳湾创业广场", en="Shenzhen Bay Venture Plaza"), kind=VenueKind.INCUBATOR,
            address_local="深圳市南山区科苑南路", address_romanised="Keyuan South Road, Nanshan", city=L(zh="深圳", en="Shenzhen"),
            country="CN", timezone=SHANGHAI, latitude=22.5243, longitude=113.9436, website="https://example.cn/emax",
            contacts=(ContactData(name="Zhang Wei", native_name="张伟", function=L(en="General manager"), phone="+86 755 1234 5678"),
                      ContactData(name="Liu Yang", native_name="刘洋", email="liu@example.cn")),
        ),
    ).after
    # Used only through the host contact of an item without a venue: exported all the same.
    press_office = venues.create_venue(
        db, VenueData(name=L(de="Presseamt Shenzhen", en="Shenzhen press office"), kind=VenueKind.GOVERNMENT,
                      timezone=SHANGHAI, contacts=(ContactData(name="Chen Jing", native_name="陈静"),)),
    ).after
    hotel = venues.create_venue(
        db, VenueData(name=L(en="InterContinental Shenzhen"), kind=VenueKind.HOTEL, timezone=SHANGHAI,
                      contacts=(ContactData(name="Front desk", phone="+86 755 3399 3388"),)),
    ).after

    programme.create_item(db, ItemData(
        trip_id=trip_id, kind=ItemKind.TRAVEL, title=L(de="Flug LH 7334 Frankfurt–Shenzhen", en="Flight LH 7334"),
        venue_id=fra.id, start=local(BERLIN, 2016, 10, 22, 21, 45), end=local(SHANGHAI, 2016, 10, 23, 15, 30),
        timezone=BERLIN, end_timezone=SHANGHAI, transport=L(de="Linienflug", en="Scheduled flight"),
    ))
    programme.create_item(db, ItemData(
        trip_id=trip_id, kind=ItemKind.CHECK_IN, title=L(en="Check-in"), venue_id=hotel.id,
        start=local(SHANGHAI, 2016, 10, 23, 17, 0), end=local(SHANGHAI, 2016, 10, 23, 18, 0), timezone=SHANGHAI,
    ))
    programme.create_item(db, ItemData(
        trip_id=trip_id, kind=ItemKind.SITE_VISIT, title=L(de="Besuch EMAX", zh="参观深圳湾创业广场", en="Visit EMAX"),
        description=L(de="Rundgang\nmit Vorführung"), venue_id=emax.id, host_contact_id=emax.contacts[1].id,
        start=local(SHANGHAI, 2016, 10, 24, 9, 30), end=local(SHANGHAI, 2016, 10, 24, 11, 0), timezone=SHANGHAI,
        dress_code=L(de="Anzug", en="Business"), everyone=False, participant_ids=(interpreter, head),
    ))
    # Same start as the visit: the tie is broken the same way on every export.
    programme.create_item(db, ItemData(
        trip_id=trip_id, kind=ItemKind.PRESS, title=L(en="Press briefing"), venue_id=None,
        host_contact_id=press_office.contacts[0].id,
        start=local(SHANGHAI, 2016, 10, 24, 9, 30), end=local(SHANGHAI, 2016, 10, 24, 10, 0), timezone=SHANGHAI,
        everyone=False, participant_ids=(staff,),
    ))
    return trip_id


AWKWARD = {
    "emoji": "Trip 🇩🇪🤝🇨🇳 👨‍👩‍👧‍👦 🏳️‍🌈",
    "rtl": "مرحبا بكم — שלום ‏(RTL)‏",
    "combining": "Zoe\u0308 Ame\u0301lie A\u030angstro\u0308m",
    "cjk_ext_b": "𠀀𪚥𠮷野家",
    "quotes": "\"Quoted\" „deutsch“ «français» 'single' `back`",
    "backslashes": "C:\\Users\\new\\table \\u0041 \\\\server",
    "zwj": "می\u200cخواهم \u200d\u200c\u2060 word\u00adbreak",
    "multiline": "Line one\nLine two\r\nLine three\tafter tab\u2028after LS\u2029after PS",
}


def build_unicode_trip(db: Database) -> int:
    """A trip whose every kind of text field holds something awkward."""
    a = AWKWARD
    trip_id = trips.create_trip(
        db,
        TripData(
            title=L(de=a["emoji"], zh=a["cjk_ext_b"], en=a["quotes"]),
            purpose=L(de=a["multiline"], zh=a["rtl"], en=a["backslashes"]),
            destination_city=L(zh=a["cjk_ext_b"], en=a["combining"]),
            organiser=L(en=a["zwj"]),
            timezone="Asia/Jerusalem",
            first_day=date(2025, 3, 1),
            last_day=date(2025, 3, 4),
            notes=a["multiline"] + "\n" + a["backslashes"],
        ),
    ).id
    _, first = add_person(
        db, trip_id,
        PersonData(family_name=a["combining"], given_name=a["emoji"], native_name=a["cjk_ext_b"],
                   honorific=L(de=a["quotes"], zh=a["rtl"]), organisation=L(en=a["backslashes"]),
                   function=L(en=a["zwj"]), email="zoë@exämple.de", dietary_needs=a["multiline"],
                   accessibility_needs=a["rtl"], notes=a["quotes"] + "\n" + a["backslashes"]),
        Role.HEAD,
    )
    _, second = add_person(db, trip_id, PersonData(family_name=a["rtl"], given_name=a["quotes"], native_name=a["zwj"]))
    venue = venues.create_venue(
        db, VenueData(name=L(de=a["quotes"], zh=a["cjk_ext_b"], en=a["emoji"]), address_local=a["multiline"],
                      address_romanised=a["backslashes"], city=L(en=a["rtl"]), timezone="Asia/Jerusalem",
                      notes=a["zwj"], contacts=(ContactData(name=a["combining"], native_name=a["cjk_ext_b"],
                                                            function=L(de=a["quotes"])),)),
    ).after
    programme.create_item(db, ItemData(
        trip_id=trip_id, title=L(de=a["emoji"], zh=a["cjk_ext_b"], en=a["quotes"]),
        description=L(de=a["multiline"], zh=a["rtl"], en=a["backslashes"] + "\n" + a["zwj"]),
        venue_id=venue.id, host_contact_id=venue.contacts[0].id,
        start=local("Asia/Jerusalem", 2025, 3, 2, 10, 0), end=local("Asia/Jerusalem", 2025, 3, 2, 12, 0),
        timezone="Asia/Jerusalem", dress_code=L(en=a["combining"]), transport=L(de=a["multiline"]),
        everyone=False, participant_ids=(first, second),
    ))
    return trip_id


def build_dst_trip(db: Database) -> int:
    """Items on the nights the clocks change in Berlin (2024: 31 March and 27 October)."""
    trip_id = trips.create_trip(
        db, TripData(title=L(en="Clock changes"), timezone=BERLIN, first_day=date(2024, 3, 30), last_day=date(2024, 10, 28)),
    ).id
    add_person(db, trip_id, PersonData(family_name="Nacht"), Role.HEAD)
    slots = [
        ("Spring forward", local(BERLIN, 2024, 3, 31, 1, 30), local(BERLIN, 2024, 3, 31, 3, 30)),
        ("First 02:30", local(BERLIN, 2024, 10, 27, 2, 30, fold=0), local(BERLIN, 2024, 10, 27, 2, 45, fold=0)),
        ("Second 02:30", local(BERLIN, 2024, 10, 27, 2, 30, fold=1), local(BERLIN, 2024, 10, 27, 2, 45, fold=1)),
        ("Across the change", local(BERLIN, 2024, 10, 27, 1, 30), local(BERLIN, 2024, 10, 27, 3, 30)),
        ("Late flight", local(BERLIN, 2024, 10, 27, 22, 0), local(SHANGHAI, 2024, 10, 28, 14, 55)),
    ]
    for title, start, end in slots:
        end_zone = SHANGHAI if title == "Late flight" else ""
        programme.create_item(db, ItemData(
            trip_id=trip_id, kind=ItemKind.TRAVEL if end_zone else ItemKind.MEETING, title=L(en=title),
            start=start, end=end, timezone=BERLIN, end_timezone=end_zone,
        ))
    return trip_id
