"""Small builders for service tests: each makes a valid record through the services."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import cast

from sqlalchemy import func, select

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ContactData, ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.enums import ItemKind, Role, VenueKind
from planner.domain.localized import LocalizedText
from planner.services import delegation, people, programme, trips, venues

#: 2016-10-24 09:30 in Shenzhen.
MORNING = datetime(2016, 10, 24, 1, 30, tzinfo=UTC)


def new_trip(db: Database, title: str = "Delegation visit", first: date = date(2016, 10, 24), **changes: object) -> TripData:
    data = TripData(
        title=LocalizedText(de=f"{title} (de)", en=title), destination_country="CN", timezone="Asia/Shanghai",
        first_day=first, last_day=first + timedelta(days=6),
    ).evolve(**changes)
    return cast(TripData, trips.create_trip(db, data).after)


def new_person(db: Database, family: str = "Weil", given: str = "Stephan", native: str = "", **changes: object) -> PersonData:
    data = PersonData(family_name=family, given_name=given, native_name=native).evolve(**changes)
    return cast(PersonData, people.create_person(db, data).after)


def new_member(db: Database, trip: TripData, person: PersonData, role: Role = Role.MEMBER, order: int = 0) -> MembershipData:
    data = MembershipData(trip_id=trip.id, person_id=person.id, role=role, protocol_order=order)
    return cast(MembershipData, delegation.add_member(db, data).after)


def new_venue(db: Database, name: str = "EMAX", contacts: tuple[str, ...] = ("Li Wei",)) -> VenueData:
    data = VenueData(
        name=LocalizedText(en=name), kind=VenueKind.COMPANY, country="CN", timezone="Asia/Shanghai",
        contacts=tuple(ContactData(name=c) for c in contacts),
    )
    return cast(VenueData, venues.create_venue(db, data).after)


def new_item(
    db: Database, trip: TripData, start: datetime = MORNING, hours: float = 2, title: str = "Site visit", **changes: object
) -> ItemData:
    data = ItemData(
        trip_id=trip.id, kind=ItemKind.SITE_VISIT, title=LocalizedText(en=title), start=start,
        end=start + timedelta(hours=hours), timezone="Asia/Shanghai",
    ).evolve(**changes)
    return cast(ItemData, programme.create_item(db, data).after)


def count(db: Database, model: type) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def participant_rows(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(m.item_participant)) or 0)


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to show that a refused action changed nothing."""
    tables = ["person", "trip", "membership", "venue", "venue_contact", "programme_item", "item_participant"]
    with db.engine.connect() as conn:
        return {t: [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1, 2")] for t in tables}
