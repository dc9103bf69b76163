"""Builders for the planning-check tests: plans made in memory, the way the service hands them over.

Defaults keep every check quiet (all three languages, a host contact, a valid
passport, addresses), so each test switches on only the problem it is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from planner.domain.checks import Participant, Problem, ProblemKind, TripPlan, run_checks
from planner.domain.entities import ContactData, ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.enums import ItemKind, Language
from planner.domain.localized import LocalizedText

SHANGHAI = "Asia/Shanghai"
BERLIN = "Europe/Berlin"
EVERYONE = None  # participants=EVERYONE: the item is for the whole delegation


def local(tz: str, *args: int, fold: int = 0) -> datetime:
    """A wall-clock time in `tz` as aware UTC."""
    return datetime(*args).replace(tzinfo=ZoneInfo(tz), fold=fold).astimezone(UTC)


def sz(day: int, hour: int, minute: int = 0, month: int = 10) -> datetime:
    """A time in Shenzhen in October 2016 (the demo trip), as UTC."""
    return local(SHANGHAI, 2016, month, day, hour, minute)


def text(en: str, de: str | None = None, zh: str | None = None) -> LocalizedText:
    return LocalizedText(de=f"{en} (de)" if de is None else de, zh=f"{en} (zh)" if zh is None else zh, en=en)


def trip(**changes: object) -> TripData:
    return TripData(
        id=1, title=text("Delegation to Shenzhen"), destination_country="CN", timezone=SHANGHAI,
        first_day=date(2016, 10, 24), last_day=date(2016, 10, 27), buffer_minutes=30,
    ).evolve(**changes)


def member(
    mid: int, family: str, given: str = "", *, order: int | None = None, language: Language = Language.DE,
    nationality: str = "DE", passport: str = "C01X00T47", expiry: date | None = date(2030, 1, 1), **person: object,
) -> Participant:
    """Membership `mid` with person id 100 + mid."""
    return Participant(
        MembershipData(id=mid, trip_id=1, person_id=100 + mid, protocol_order=mid if order is None else order),
        PersonData(
            id=100 + mid, family_name=family, given_name=given, preferred_language=language, nationality=nationality,
            passport_number=passport, passport_expiry=expiry,
        ).evolve(**person),
    )


def venue(
    vid: int, name: str | LocalizedText, lat: float | None = None, lon: float | None = None, *, address: str = "Some street 1",
    tz: str = SHANGHAI, **changes: object,
) -> VenueData:
    return VenueData(
        id=vid, name=name if isinstance(name, LocalizedText) else text(name), latitude=lat, longitude=lon, address_local=address, timezone=tz,
        contacts=(ContactData(id=vid * 10, venue_id=vid, name="Host"),),
    ).evolve(**changes)


def item(
    iid: int, start: datetime, end: datetime, title: str | LocalizedText | None = None, *, participants: Iterable[int] | None = EVERYONE,
    venue_id: int | None = None, tz: str = SHANGHAI, kind: ItemKind = ItemKind.MEETING, host: int | None = 1,
    **changes: object,
) -> ItemData:
    return ItemData(
        id=iid, trip_id=1, kind=kind,
        title=title if isinstance(title, LocalizedText) else text(title or f"Item {iid}"), venue_id=venue_id, start=start, end=end,
        timezone=tz, host_contact_id=host, everyone=participants is None,
        participant_ids=() if participants is None else tuple(participants),
    ).evolve(**changes)


def plan(
    items: Iterable[ItemData] = (), members: Iterable[Participant] = (), venues: Iterable[VenueData] = (),
    **trip_changes: object,
) -> TripPlan:
    return TripPlan(
        trip=trip(**trip_changes), members=tuple(members), items=tuple(items), venues={v.id: v for v in venues if v.id},
    )


def found(p: TripPlan, kind: ProblemKind) -> list[Problem]:
    """The problems of one kind that run_checks finds, in its order."""
    return [problem for problem in run_checks(p) if problem.kind == kind]
