"""Trips, venues, delegations and items for the programme page's tests, made through the services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import ContactData, ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.enums import ItemKind, Role
from planner.domain.localized import LocalizedText
from planner.domain.timing import local_to_utc
from planner.services import delegation, people, programme, trips, venues
from planner.ui.language import LanguageController
from planner.ui.pages.base import UiContext
from planner.ui.undo import UndoHistory

SHANGHAI = "Asia/Shanghai"
BERLIN = "Europe/Berlin"


P = TypeVar("P", bound=QWidget)


@dataclass
class Programme:
    trip_id: int
    venue_id: int
    contact_ids: tuple[int, ...]
    member_ids: tuple[int, ...]


def make_context(db: Database, language: LanguageController, settings: QSettings) -> UiContext:
    return UiContext(UndoHistory(db, lambda: None), language, settings, lambda: None)


def shown_page(
    page_class: Callable[[UiContext], P], db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot,
    size: tuple[int, int] = (1100, 760),
) -> P:
    """A page of its own (Programme, Arrivals, ...), shown at a usual size: the `page` fixture of the page tests."""
    widget = page_class(make_context(db, language, settings))
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def local(text: str, tz: str = SHANGHAI) -> datetime:
    """ "2016-10-25 09:30" in `tz` as aware UTC."""
    return local_to_utc(datetime.strptime(text, "%Y-%m-%d %H:%M"), tz)


def make_programme(db: Database, *, timezone: str = SHANGHAI, first: date = date(2016, 10, 24), last: date = date(2016, 10, 27)) -> Programme:
    """A trip with a venue (two contacts) and a delegation of three, and no items yet."""
    trip_id = trips.create_trip(
        db, TripData(title=LocalizedText(en="Visit to Shenzhen"), timezone=timezone, first_day=first, last_day=last)
    ).id
    venue = venues.create_venue(
        db,
        VenueData(
            name=LocalizedText(de="Bürgerzentrum Shenzhen", zh="深圳市民中心", en="Shenzhen Civic Centre"),
            city=LocalizedText(en="Shenzhen", zh="深圳"),
            timezone=SHANGHAI,
            contacts=(
                ContactData(name="Lin Zhiyuan", native_name="林志远", function=LocalizedText(en="Protocol")),
                ContactData(name="Zhao Lei", native_name="赵磊"),
            ),
        ),
    ).after
    members = []
    for family, given, native, role in (
        ("Weil", "Stephan", "", Role.HEAD),
        ("Xu", "Qin", "许勤", Role.MEMBER),
        ("Schmidt", "Anna", "", Role.INTERPRETER),
    ):
        person = people.create_person(db, PersonData(family_name=family, given_name=given, native_name=native)).id
        members.append(delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=person, role=role)).id)
    return Programme(trip_id, venue.id, tuple(c.id for c in venue.contacts), tuple(members))


def add_item(
    db: Database, trip_id: int, start: str, end: str, title: str | LocalizedText = "Meeting", *,
    kind: ItemKind = ItemKind.MEETING, tz: str = SHANGHAI, end_tz: str = "", venue_id: int | None = None,
    host: int | None = None, participants: tuple[int, ...] = (),
) -> ItemData:
    text = title if isinstance(title, LocalizedText) else LocalizedText(en=title)
    data = ItemData(
        trip_id=trip_id, kind=kind, title=text, start=local(start, tz), end=local(end, end_tz or tz), timezone=tz,
        end_timezone=end_tz, venue_id=venue_id, host_contact_id=host, everyone=not participants,
        participant_ids=participants,
    )
    return programme.create_item(db, data).after


def utc(*args: int) -> datetime:
    return datetime(*args).replace(tzinfo=UTC)


HOUR = timedelta(hours=1)
