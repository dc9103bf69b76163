"""Calendar files (iCalendar, RFC 5545) of a trip and of each participant.

Each programme item is an event at the local wall-clock time of its place:
DTSTART and DTEND carry their zone's TZID (a flight starts in Europe/Berlin
and ends in Asia/Shanghai), and the file holds a VTIMEZONE for every zone it
names, so calendars show the right time wherever the phone is. UIDs are made
from the trip's and the item's ids, so importing a newer file updates the
events instead of duplicating them, and a personal calendar and the trip
calendar agree on them. Texts are in the reader's language; no private data
of anybody is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar, Event, Timezone

from planner.db.engine import Database
from planner.domain.entities import ItemData, VenueData
from planner.domain.enums import ItemKind, Language, TripStatus
from planner.domain.names import display_name
from planner.export.language import KIND_LABELS, DocumentLanguage, parse_language
from planner.export.places import address_for, for_the_driver
from planner.export.pdf.filenames import FileNamer, itinerary_stem, output_folder, safe_stem
from planner.export.tripfile import write_atomically
from planner.export.tripview import TripView
from planner.i18n import N_
from planner.services.delegation import Member

#: The right-hand side of every UID; .invalid (RFC 2606) can never clash with a real domain.
UID_DOMAIN = "delegation-planner.invalid"
PRODID = "-//Delegation Planner//Trip calendar//EN"

_STATUS = {TripStatus.DRAFT: "TENTATIVE", TripStatus.CONFIRMED: "CONFIRMED", TripStatus.DONE: "CONFIRMED", TripStatus.CANCELLED: "CANCELLED"}


def item_uid(trip_id: int | None, item_id: int | None) -> str:
    return f"trip-{trip_id}-item-{item_id}@{UID_DOMAIN}"


def trip_calendar(
    view: TripView, *, language: Language | str, membership_id: int | None = None, stamp: datetime | None = None
) -> Calendar:
    """The calendar of the whole trip, or of the items one member attends."""
    lang = DocumentLanguage.of(language)
    trip = view.trip
    items = view.items if membership_id is None else view.items_for(membership_id)
    name = lang.text(trip.title)
    if membership_id is not None:
        person = view.member(membership_id).person
        name = f"{name} – {display_name(person.family_name, person.given_name, person.native_name)}"
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", trip.timezone)
    moment = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    for item in items:
        calendar.add_component(_event(view, lang, item, moment))
    days = [i.local_start().date() for i in items] + [i.local_end().date() for i in items] + trip.days
    first, last = (min(days), max(days)) if days else (date.today(), date.today())
    # Zone rules for the trip's years only: a few lines instead of every change since 1970.
    since, until = date(first.year - 1, 1, 1), date(last.year + 2, 1, 1)
    if items:
        calendar.add_missing_timezones(first_date=since, last_date=until)
    else:
        # RFC 5545 wants at least one component: a calendar without events still names the trip's zone.
        calendar.add_component(Timezone.from_tzid(trip.timezone, first_date=since, last_date=until))
    return calendar


def _event(view: TripView, lang: DocumentLanguage, item: ItemData, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", item_uid(view.trip.id, item.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", item.local_start())
    event.add("dtend", item.local_end())
    event.add("summary", lang.text(item.title))
    event.add("categories", [lang.t(KIND_LABELS[item.kind])])
    event.add("status", _STATUS[view.trip.status])
    event.add("transp", "TRANSPARENT" if item.kind is ItemKind.FREE_TIME else "OPAQUE")
    venue = view.venue(item)
    if venue is not None:
        event.add("location", location(lang, venue))
        if venue.latitude is not None and venue.longitude is not None:
            event.add("geo", (venue.latitude, venue.longitude))
    description = _description(view, lang, item, venue)
    if description:
        event.add("description", description)
    return event


def location(lang: DocumentLanguage, venue: VenueData) -> str:
    """Name and address in the reader's script, and in brackets the local script where the driver reads another."""
    main = ", ".join(p for p in (lang.text(venue.name), address_for(lang, venue)) if p)
    local = for_the_driver(lang, venue)
    return f"{main} ({', '.join(local)})" if local else main


def _description(view: TripView, lang: DocumentLanguage, item: ItemData, venue: VenueData | None) -> str:
    lines: list[str] = []
    if not item.description.is_empty():
        lines += [lang.text(item.description), ""]
    host = view.host(item)
    if host is not None:
        parts = [host.display, lang.text(host.function), host.phone]
        lines.append(f"{lang.t(N_('Host'))}: {', '.join(p for p in parts if p)}")
    if not item.transport.is_empty():
        lines.append(f"{lang.t(N_('Transport'))}: {lang.text(item.transport)}")
    if not item.dress_code.is_empty():
        lines.append(f"{lang.t(N_('Dress code'))}: {lang.text(item.dress_code)}")
    absent = view.absent(item)
    if absent:
        attendees = view.attendees(item)
        if len(absent) < len(attendees):
            who = lang.t(N_("Everyone except {names}"), names=", ".join(_plain_name(m) for m in absent))
        else:
            who = ", ".join(_plain_name(m) for m in attendees)
        lines.append(f"{lang.t(N_('Participants'))}: {who}")
    return "\n".join(lines).strip()


def _plain_name(member: Member) -> str:
    person = member.person
    return display_name(person.family_name, person.given_name, person.native_name)


# --- files ------------------------------------------------------------------------------------


def calendar_bytes(calendar: Calendar) -> bytes:
    return calendar.to_ical()


def trip_ics(
    db: Database, trip_id: int, out_path: str | os.PathLike[str], *, language: Language | str = Language.EN,
    stamp: datetime | None = None,
) -> Path:
    """Write the whole trip's calendar to `out_path`."""
    view = TripView.load(db, trip_id)
    target = Path(out_path).expanduser()
    write_atomically(target, calendar_bytes(trip_calendar(view, language=parse_language(language), stamp=stamp)), private=True)  # who travels where and when
    return target


def member_ics(
    db: Database, trip_id: int, membership_id: int, out_path: str | os.PathLike[str], *,
    language: Language | str | None = None, stamp: datetime | None = None,
) -> Path:
    """Write one participant's calendar; `language` None means the participant's own."""
    return _write_member(TripView.load(db, trip_id), membership_id, Path(out_path).expanduser(), language, stamp)


def export_member_ics(
    db: Database, trip_id: int, out_dir: str | os.PathLike[str], membership_ids: Iterable[int] | None = None, *,
    language: Language | str = "auto", stamp: datetime | None = None,
) -> list[Path]:
    """One calendar file per participant in `out_dir`, named like their itineraries."""
    view = TripView.load(db, trip_id)
    members = [view.member(i) for i in membership_ids] if membership_ids is not None else list(view.members)
    folder = output_folder(out_dir)
    namer = FileNamer()
    chosen = None if language == "auto" else parse_language(language)
    moment = stamp or datetime.now(UTC)
    return [_write_member(view, m.id, folder / namer.name(itinerary_stem(m), ".ics"), chosen, moment) for m in members]


def trip_ics_name(view: TripView, language: Language | str) -> str:
    """"Delegationsreise Niedersachsen – Shenzhen (de).ics", named like the programme PDF."""
    lang = DocumentLanguage.of(language)
    return f"{safe_stem(lang.text(view.trip.title), 'trip')} ({lang.locale}).ics"


def _write_member(view: TripView, membership_id: int, target: Path, language: Language | str | None, stamp: datetime | None) -> Path:
    member = view.member(membership_id)
    lang = parse_language(language) if language is not None else member.person.preferred_language
    calendar = trip_calendar(view, language=lang, membership_id=membership_id, stamp=stamp)
    write_atomically(target, calendar_bytes(calendar), private=True)  # who travels where and when
    return target
