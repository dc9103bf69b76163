"""The rooming list a hotel asks for: every guest of the delegation with room type, nights, sharing and requests.

One list per hotel, in the hotel's language (that of its country) with English
beside it, so the front desk reads it and the delegation's office can check it.
Rooms shared are kept together; the rooms are ordered by precedence (the head
of delegation first, as the hotel prepares the suite and the welcome) or by
name (as the front desk files the keys). As Excel (.xlsx, cells guarded like
the member list) or as PDF (planner.export.pdf.rooming).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner import formatting
from planner.db.engine import Database
from planner.domain.accommodation import RoomAssignmentData, RoomBlockData
from planner.domain.entities import VenueData
from planner.domain.enums import Language, RoomingOrder
from planner.domain.errors import PlannerError
from planner.domain.names import full_name, sort_key
from planner.export.language import DocumentLanguage, country_language, parse_language
from planner.export.member_list import Cell, render_xlsx
from planner.export.tripfile import write_atomically
from planner.export.tripview import TripView
from planner.i18n import N_
from planner.domain.members import Member

ROOMING_LIST = N_("Rooming list")
HEADERS = (N_("No."), N_("Guest"), N_("Room type"), N_("Room"), N_("Arrival"), N_("Departure"), N_("Nights"),
           N_("Sharing with"), N_("Special requests"))


@dataclass(frozen=True, slots=True)
class RoomingLine:
    """One guest's room at the hotel: for the nights `room.first_night`–`room.last_night`."""

    member: Member
    room: RoomAssignmentData
    block: RoomBlockData
    sharers: tuple[Member, ...]

    @property
    def arrival(self) -> date:
        assert self.room.first_night is not None
        return self.room.first_night

    @property
    def departure(self) -> date:
        assert self.room.check_out is not None
        return self.room.check_out

    @property
    def nights(self) -> int:
        return (self.departure - self.arrival).days

    @property
    def guest(self) -> str:
        person = self.member.person
        return full_name(person.family_name, person.given_name, person.native_name)


def trip_hotels(view: TripView) -> list[VenueData]:
    """The hotels the trip holds rooms at, in the order their first block was entered."""
    venues = {v.id: v for v in view.bundle.venues}
    ids = dict.fromkeys(b.venue_id for b in view.bundle.room_blocks)
    return [venues[i] for i in ids if i in venues]


def hotel_language(hotel: VenueData) -> Language:
    """The language of the hotel's country; English where the planner does not know it."""
    return country_language(hotel.country) or Language.EN


def rooming_lines(view: TripView, hotel_id: int, order: RoomingOrder = RoomingOrder.PRECEDENCE) -> list[RoomingLine]:
    """The guests at one hotel, sharers of a room next to each other, rooms by precedence or by name."""
    blocks = {b.id: b for b in view.bundle.room_blocks if b.venue_id == hotel_id}
    members = {m.id: m for m in view.members}
    rank = {m.id: n for n, m in enumerate(view.members)}
    lines = [
        RoomingLine(members[r.membership_id], r, blocks[r.block_id], tuple(members[i] for i in r.sharing_with if i in members))
        for r in view.bundle.rooms if r.block_id in blocks and r.membership_id in members
    ]

    def own_key(line: RoomingLine) -> tuple[object, ...]:
        person = line.member.person
        return (rank[line.member.id],) if order is RoomingOrder.PRECEDENCE else (*sort_key(person.family_name, person.given_name), rank[line.member.id])

    # A room is led by its first guest in the chosen order; its other guests follow them.
    lead: dict[int, tuple[object, ...]] = {}
    for line in lines:
        keys = [own_key(line)] + [own_key(other) for other in lines if other.member in line.sharers and other.block is line.block]
        lead[id(line)] = min(keys)  # type: ignore[type-var]
    return sorted(lines, key=lambda line: (lead[id(line)], own_key(line), line.arrival))


def rooming_languages(hotel: VenueData, language: Language | str | None) -> tuple[DocumentLanguage, DocumentLanguage | None]:
    """The list's first language (the hotel's unless told) and English beside it, unless that is the first."""
    first = parse_language(language) if language else hotel_language(hotel)
    return DocumentLanguage(first), (None if first is Language.EN else DocumentLanguage(Language.EN))


def heading(msgid: str, first: DocumentLanguage, second: DocumentLanguage | None) -> str:
    """A column heading in both languages, "房型 / Room type"."""
    one = first.t(msgid)
    other = second.t(msgid) if second is not None else one
    return one if other == one else f"{one} / {other}"


def rooming_table(view: TripView, hotel: VenueData, lines: Sequence[RoomingLine], first: DocumentLanguage,
                  second: DocumentLanguage | None) -> tuple[list[str], list[list[Cell]]]:
    """The spreadsheet's header and rows: dates as dates, texts in both languages."""
    headers = [heading(h, first, second) for h in HEADERS]
    rows: list[list[Cell]] = []
    for n, line in enumerate(lines, start=1):
        room_type = first.text(line.block.room_type)
        other = second.own(line.block.room_type) if second is not None else ""
        rows.append([
            n, line.guest, f"{room_type} / {other}" if other and other != room_type else room_type, line.room.room_label,
            line.arrival, line.departure, line.nights, ", ".join(_sharer(s) for s in line.sharers), line.room.requests,
        ])
    return headers, rows


def _sharer(member: Member) -> str:
    person = member.person
    return full_name(person.family_name, person.given_name, person.native_name)


def rooming_filename(hotel: VenueData, language: DocumentLanguage, extension: str = ".pdf") -> str:
    """"分房名单 InterContinental Shenzhen.pdf": the list's name in its language, the hotel's in English."""
    from planner.export.pdf.filenames import safe_filename

    return safe_filename(f"{language.t(ROOMING_LIST)} {hotel.name.text('en')}", extension)


def write_rooming_list(db: Database, trip_id: int, path: str | os.PathLike[str], *, hotel_id: int | None = None,
                       language: Language | str | None = None, order: RoomingOrder | str = RoomingOrder.PRECEDENCE) -> list[Path]:
    """Write the rooming list of one hotel (or of each, numbered after the first) to `path`: .xlsx or .pdf."""
    target = Path(path).expanduser()
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise PlannerError(N_("Please name the rooming list .xlsx or .pdf, not “{name}”."), name=target.name)
    view = TripView.load(db, trip_id)
    hotels = trip_hotels(view)
    if hotel_id is not None:
        hotels = [h for h in hotels if h.id == hotel_id]
        if not hotels:
            raise PlannerError(N_("Trip {trip} holds no rooms at hotel {hotel}."), trip=trip_id, hotel=hotel_id)
    if not hotels:
        raise PlannerError(N_("Trip {trip} holds no rooms at any hotel yet; add them on the Logistics page."), trip=trip_id)
    try:
        ordering = RoomingOrder(order)
    except ValueError:
        raise PlannerError(N_("“{value}” is not an order; use precedence or name."), value=order) from None
    written: list[Path] = []
    for n, hotel in enumerate(hotels):
        assert hotel.id is not None
        file = target if n == 0 else target.with_name(f"{target.stem}-{n + 1}{target.suffix}")
        data = rooming_bytes(view, hotel, suffix, language=language, order=ordering)
        write_atomically(file, data, private=True)  # names and requests of the guests
        written.append(file)
    return written


def rooming_bytes(view: TripView, hotel: VenueData, suffix: str, *, language: Language | str | None = None,
                  order: RoomingOrder = RoomingOrder.PRECEDENCE, issued: date | None = None) -> bytes:
    """One hotel's rooming list as the bytes of a .pdf or .xlsx file."""
    assert hotel.id is not None
    first, second = rooming_languages(hotel, language)
    lines = rooming_lines(view, hotel.id, order)
    if suffix == ".pdf":
        from planner.export.pdf.rooming import rooming_document

        return rooming_document(view, hotel, lines, first, second, issued=issued)
    headers, rows = rooming_table(view, hotel, lines, first, second)
    return render_xlsx(headers, rows, title=first.t(ROOMING_LIST))


def nights_text(line: RoomingLine, lang: DocumentLanguage) -> str:
    return formatting.integer(line.nights, lang.locale)
