"""How a programme item reads in the table and on the agenda: times, venue, host, participants.

Times are the item's own local wall-clock times. The zone is named whenever it
is not the trip's, or the item ends in another zone than it starts (a flight),
so a departure in Frankfurt is never read as Shenzhen time. The table and the
agenda share these texts so both views of the programme say the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from functools import lru_cache

from planner import formatting
from planner.domain.entities import ContactData, ItemData, PersonData, VenueData
from planner.domain.hosts import item_host
from planner.domain.timing import utc_to_local
from planner.i18n import _, current_locale, ngettext
from planner.domain.members import Member

#: Up to this many participants are named; more are counted.
NAMED_PARTICIPANTS = 3


def names_zone(item: ItemData, trip_timezone: str) -> bool:
    """Whether the item's times need their zone named beside them."""
    return item.timezone != trip_timezone or item.arrival_timezone != item.timezone


def _with_day(moment: datetime, text: str, locale: str | None) -> str:
    glue = str(formatting.babel_locale(locale).datetime_formats["medium"])
    return glue.replace("{1}", formatting.day_heading(moment.date(), locale)).replace("{0}", text)


def _interval(first: str, second: str, locale: str | None) -> str:
    pattern = str(formatting.babel_locale(locale).interval_formats.get(None, "{0} – {1}"))
    return pattern.replace("{0}", first).replace("{1}", second)


def times_text(item: ItemData, trip_timezone: str, locale: str | None = None, *, dates: bool = True) -> str:
    """ "09:30–11:00", or with zones "18:30 GMT+2 – Mon 24 Oct, 14:15 GMT+8"; `dates`: name the end's day if it differs."""
    if item.start is None or item.end is None:
        return ""
    start, end = item.local_start(), item.local_end()
    if not names_zone(item, trip_timezone):
        if not dates or start.date() == end.date():
            return _clock_range(start.time(), end.time(), locale or current_locale())
        return formatting.time_range(start, end, locale)
    first = formatting.local_time_with_zone(item.start, item.timezone, locale, short=True)
    second = formatting.local_time_with_zone(item.end, item.arrival_timezone, locale, short=True)
    if dates and end.date() != start.date():
        second = _with_day(end, second, locale)
    return _interval(first, second, locale)


def times_tooltip(item: ItemData, trip_timezone: str, locale: str | None = None) -> str:
    """Both ends with their dates and zone names in words, and the trip's own time if it differs."""
    if item.start is None or item.end is None:
        return ""
    start, end = item.local_start(), item.local_end()
    lines = [
        _interval(
            _with_day(start, formatting.local_time_with_zone(item.start, item.timezone, locale), locale),
            _with_day(end, formatting.local_time_with_zone(item.end, item.arrival_timezone, locale), locale),
            locale,
        )
    ]
    if names_zone(item, trip_timezone):
        there = formatting.time_range(utc_to_local(item.start, trip_timezone), utc_to_local(item.end, trip_timezone), locale)
        lines.append(_("At the destination: {times}").format(times=there))
    return "\n".join(lines)


def day_text(item: ItemData, locale: str | None = None) -> str:
    """The weekday and date the item starts on, in its own zone."""
    return _day(item.local_start().date(), locale or current_locale()) if item.start is not None else ""


# babel takes a fraction of a millisecond per call; a programme of thousands of
# items repeats the same days and clock times, so they are formatted once.
@lru_cache(maxsize=4096)
def _clock_range(start: time, end: time, locale: str) -> str:
    return formatting.time_range(start, end, locale)


@lru_cache(maxsize=1024)
def _day(day: date, locale: str) -> str:
    return formatting.day_heading(day, locale)


def venue_text(item: ItemData, venues: Mapping[int, VenueData], language: str) -> str:
    venue = venues.get(item.venue_id) if item.venue_id is not None else None
    return venue.name.text(language) if venue is not None else ""


def contacts_by_id(venues: Mapping[int, VenueData]) -> dict[int, ContactData]:
    return {c.id: c for v in venues.values() for c in v.contacts if c.id is not None}


def host_text(item: ItemData, contacts: Mapping[int, ContactData], people: Mapping[int, PersonData] | None = None) -> str:
    """The host's name, a venue contact's or a person's."""
    contact = item_host(item, contacts, people or {})
    return contact.display if contact is not None else ""


def participant_names(item: ItemData, members: Sequence[Member]) -> list[str]:
    """The names of who attends, in protocol order (everyone's when the item is for all)."""
    return [m.person.name for m in members if item.attended_by(m.id)]


def participants_text(item: ItemData, members: Sequence[Member]) -> str:
    """ "Everyone", a few names, or how many attend."""
    if item.everyone:
        return _("Everyone")
    names = participant_names(item, members)
    if len(names) <= NAMED_PARTICIPANTS:
        return ", ".join(names)
    return ngettext("{count} person", "{count} people", len(names)).format(count=formatting.integer(len(names)))
