"""Calendar files (iCalendar, RFC 5545) of a trip and of each participant, that update the calendars they went into.

Each programme item is an event at the local wall-clock time of its place:
DTSTART and DTEND carry their zone's TZID (a flight starts in Europe/Berlin
and ends in Asia/Shanghai), and the file holds a VTIMEZONE for every zone it
names, so calendars show the right time wherever the phone is. Texts are in
the reader's language, with Chinese punctuation in Chinese (，：、); no
private data of anybody is written.

Updating. A participant imports the first file into Outlook, Apple Calendar,
Google Calendar or Thunderbird; the next file must change those events, not
add new ones or leave old ones behind:

- UIDs come from the item's issued key, which is never reused (a database id
  is: SQLite hands a deleted item's id to the next one), so the same item
  keeps its UID in every file. The trip calendar and each personal calendar
  have UIDs of their own ("-person-<id>" added), because an event can be
  cancelled for one person and still take place for the others; two files
  imported into one calendar then never fight over an event.
- SEQUENCE follows planner.services.calendar_revisions: it grows with every
  saved change of the item (and of the trip, whose status every event
  shows), so a client that compares SEQUENCE takes the newer file's event;
  LAST-MODIFIED is when the item was last saved (UTC), DTSTAMP when the file
  was written.
- An item that is deleted, or that a person no longer attends, does not
  simply disappear: an event that is missing from a file is left alone by
  every client. It is written as STATUS:CANCELLED with a higher SEQUENCE and
  "Cancelled:" before its title (for the clients that show cancelled events
  like any other). The calendar keeps METHOD:PUBLISH: METHOD:CANCEL is an
  iTIP message to the attendees of a meeting with an ORGANIZER, which a
  published itinerary is not, and one file has a single METHOD, so it could
  not carry the events that still take place. Clients that import a PUBLISH
  file honour STATUS:CANCELLED per event (Apple Calendar and Thunderbird
  strike it through, Outlook and Google Calendar mark or hide it).
  Cancellations are known from the issued printouts: the trip calendar
  cancels deleted items that were ever issued, a personal calendar the items
  on any printout issued to that person which they no longer attend.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from icalendar import Calendar, Event, Timezone

from planner.db.engine import Database
from planner.domain.entities import ItemData, VenueData
from planner.domain.enums import ItemKind, Language, TripStatus
from planner.domain.errors import ConflictError
from planner.domain.issued import SnapshotItem
from planner.domain.names import display_name
from planner.export.language import DocumentLanguage, parse_language
from planner.export.places import address_for, for_the_driver
from planner.export.pdf.filenames import FileNamer, itinerary_stem, output_folder, safe_stem
from planner.export.tripfile import write_atomically
from planner.export.tripview import TripView
from planner.i18n import N_
from planner.services.calendar_revisions import CalendarRevisions, GoneItem, Revision, calendar_revisions
from planner.domain.members import Member

#: The right-hand side of every UID; .invalid (RFC 2606) can never clash with a real domain.
UID_DOMAIN = "delegation-planner.invalid"
PRODID = "-//Delegation Planner//Trip calendar//EN"

_STATUS = {TripStatus.DRAFT: "TENTATIVE", TripStatus.CONFIRMED: "CONFIRMED", TripStatus.DONE: "CONFIRMED", TripStatus.CANCELLED: "CANCELLED"}
#: Before the title of a cancelled event, for the calendars that show STATUS:CANCELLED like any other status.
CANCELLED_TITLE = N_("Cancelled: {title}")


def item_uid(trip_id: int | None, key: int, person_id: int | None = None) -> str:
    """The UID of an item's event: by its issued key, and in a personal calendar also by the person."""
    own = f"-person-{person_id}" if person_id is not None else ""
    return f"trip-{trip_id}-event-{key}{own}@{UID_DOMAIN}"


def _revision(revisions: CalendarRevisions, item: ItemData) -> Revision:
    try:
        return revisions.of(item.id)
    except KeyError:
        raise ConflictError(N_("The trip was changed while the calendar was being made; please export it again.")) from None


def trip_calendar(
    view: TripView, *, language: Language | str, revisions: CalendarRevisions, membership_id: int | None = None,
    stamp: datetime | None = None,
) -> Calendar:
    """The calendar of the whole trip, or of the items one member attends, with what was cancelled (see the module)."""
    lang = DocumentLanguage.of(language)
    trip = view.trip
    if revisions.trip_id != trip.id:
        raise ValueError("revisions of another trip")
    name = lang.text(trip.title)
    person_id: int | None = None
    if membership_id is None:
        items = view.items
        dropped: tuple[ItemData, ...] = ()
        gone = list(revisions.gone.values())
    else:
        items = view.items_for(membership_id)
        person = view.member(membership_id).person
        person_id = person.id
        name = f"{name} – {display_name(person.family_name, person.given_name, person.native_name)}"
        held = revisions.held.get(person.id or 0, frozenset())
        attending = {i.id for i in items}
        dropped = tuple(i for i in view.items if i.id not in attending and _revision(revisions, i).key in held)
        gone = [g for key, g in revisions.gone.items() if key in held]
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", trip.timezone)
    moment = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    events: list[tuple[datetime, int, Event]] = []
    for item in items:
        revision = _revision(revisions, item)
        event = _event(view, lang, item, moment, item_uid(trip.id, revision.key, person_id), revision, _STATUS[trip.status])
        events.append((item.start.astimezone(UTC) if item.start else moment, revision.key, event))
    for item in dropped:
        revision = _revision(revisions, item)
        event = _event(view, lang, item, moment, item_uid(trip.id, revision.key, person_id), revision, "CANCELLED")
        events.append((item.start.astimezone(UTC) if item.start else moment, revision.key, event))
    for was in gone:
        event = _gone_event(lang, was, moment, item_uid(trip.id, was.revision.key, person_id))
        events.append((was.item.start.astimezone(UTC), was.revision.key, event))
    for _start, _key, event in sorted(events, key=lambda e: (e[0], e[1])):
        calendar.add_component(event)
    days = [i.local_start().date() for i in (*items, *dropped)] + [i.local_end().date() for i in (*items, *dropped)] + trip.days
    days += [d for g in gone for d in (g.item.start.date(), g.item.end.date())]
    first, last = (min(days), max(days)) if days else (date.today(), date.today())
    # Zone rules for the trip's years only: a few lines instead of every change since 1970.
    since, until = date(first.year - 1, 1, 1), date(last.year + 2, 1, 1)
    if events:
        for place, tzid in enumerate(sorted(calendar.get_missing_tzids())):
            calendar.subcomponents.insert(place, _vtimezone(tzid, since, until))
    else:
        # RFC 5545 wants at least one component: a calendar without events still names the trip's zone.
        calendar.add_component(Timezone.from_tzid(trip.timezone, first_date=since, last_date=until))
    return calendar


@lru_cache(maxsize=32)
def _vtimezone(tzid: str, since: date, until: date) -> Timezone:
    """A zone's rules for the trip's years, made once for all the calendars of a trip (a quarter of their cost).

    The component is shared between the calendars that name the zone; nothing
    here changes a component after making it.
    """
    return Timezone.from_tzid(tzid, first_date=since, last_date=until)


def _stamp(event: Event, uid: str, stamp: datetime, revision: Revision) -> None:
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("sequence", revision.sequence)
    if revision.modified_at is not None:
        event.add("last-modified", revision.modified_at.astimezone(UTC).replace(microsecond=0))


def _summary(lang: DocumentLanguage, title: str, status: str) -> str:
    return lang.t(CANCELLED_TITLE, title=title) if status == "CANCELLED" else title


def _event(
    view: TripView, lang: DocumentLanguage, item: ItemData, stamp: datetime, uid: str, revision: Revision, status: str,
) -> Event:
    event = Event()
    _stamp(event, uid, stamp, revision)
    event.add("dtstart", item.local_start())
    event.add("dtend", item.local_end())
    event.add("summary", _summary(lang, lang.text(item.title), status))
    event.add("categories", [lang.t(ItemKind(item.kind).msgid)])
    event.add("status", status)
    event.add("transp", "TRANSPARENT" if item.kind is ItemKind.FREE_TIME or status == "CANCELLED" else "OPAQUE")
    venue = view.venue(item)
    if venue is not None:
        event.add("location", location(lang, venue))
        if venue.latitude is not None and venue.longitude is not None:
            event.add("geo", (venue.latitude, venue.longitude))
    description = _description(view, lang, item, venue)
    if description:
        event.add("description", description)
    return event


def _gone_event(lang: DocumentLanguage, gone: GoneItem, stamp: datetime, uid: str) -> Event:
    """A deleted item, as it was last printed, cancelled."""
    item: SnapshotItem = gone.item
    event = Event()
    _stamp(event, uid, stamp, gone.revision)
    event.add("dtstart", item.start)
    event.add("dtend", item.end)
    event.add("summary", _summary(lang, lang.text(item.title), "CANCELLED"))
    event.add("categories", [lang.t(ItemKind(item.kind).msgid)])
    event.add("status", "CANCELLED")
    event.add("transp", "TRANSPARENT")
    if not item.venue.is_empty():
        event.add("location", lang.text(item.venue))
    return event


def location(lang: DocumentLanguage, venue: VenueData) -> str:
    """Name and address in the reader's script, and in brackets the local script where the driver reads another."""
    marks = lang.marks
    main = marks.comma.join(p for p in (lang.text(venue.name), address_for(lang, venue)) if p)
    local = for_the_driver(lang, venue)  # in the local script: its own punctuation
    return f"{main}{marks.brackets[0]}{', '.join(local)}{marks.brackets[1]}" if local else main


def _description(view: TripView, lang: DocumentLanguage, item: ItemData, venue: VenueData | None) -> str:
    marks = lang.marks
    lines: list[str] = []
    if not item.description.is_empty():
        lines += [lang.text(item.description), ""]
    host = view.host(item)
    if host is not None:
        parts = [host.display, lang.text(host.function), host.phone]
        lines.append(f"{lang.t(N_('Host'))}{marks.colon}{marks.comma.join(p for p in parts if p)}")
    if not item.transport.is_empty():
        lines.append(f"{lang.t(N_('Transport'))}{marks.colon}{lang.text(item.transport)}")
    if not item.dress_code.is_empty():
        lines.append(f"{lang.t(N_('Dress code'))}{marks.colon}{lang.text(item.dress_code)}")
    absent = view.absent(item)
    if absent:
        attendees = view.attendees(item)
        if len(absent) < len(attendees):
            who = lang.t(N_("Everyone except {names}"), names=marks.names.join(_plain_name(m) for m in absent))
        else:
            who = marks.names.join(_plain_name(m) for m in attendees)
        lines.append(f"{lang.t(N_('Participants'))}{marks.colon}{who}")
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
    revisions = calendar_revisions(db, trip_id)
    target = Path(out_path).expanduser()
    calendar = trip_calendar(view, language=parse_language(language), revisions=revisions, stamp=stamp)
    write_atomically(target, calendar_bytes(calendar), private=True)  # who travels where and when
    return target


def member_ics(
    db: Database, trip_id: int, membership_id: int, out_path: str | os.PathLike[str], *,
    language: Language | str | None = None, stamp: datetime | None = None,
) -> Path:
    """Write one participant's calendar; `language` None means the participant's own."""
    view = TripView.load(db, trip_id)
    return _write_member(view, calendar_revisions(db, trip_id), membership_id, Path(out_path).expanduser(), language, stamp)


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
    revisions = calendar_revisions(db, trip_id)
    return [_write_member(view, revisions, m.id, folder / namer.name(itinerary_stem(m), ".ics"), chosen, moment) for m in members]


def trip_ics_name(view: TripView, language: Language | str) -> str:
    """"Delegationsreise Niedersachsen – Shenzhen (de).ics", named like the programme PDF."""
    lang = DocumentLanguage.of(language)
    return f"{safe_stem(lang.text(view.trip.title), 'trip')} ({lang.locale}).ics"


def _write_member(
    view: TripView, revisions: CalendarRevisions, membership_id: int, target: Path, language: Language | str | None,
    stamp: datetime | None,
) -> Path:
    member = view.member(membership_id)
    lang = parse_language(language) if language is not None else member.person.preferred_language
    calendar = trip_calendar(view, language=lang, revisions=revisions, membership_id=membership_id, stamp=stamp)
    write_atomically(target, calendar_bytes(calendar), private=True)  # who travels where and when
    return target
