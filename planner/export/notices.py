"""Change notices in words: what changed for one participant, old and new side by side, in their language.

A notice names only what concerns its reader ("Dienstag, 25. Oktober: Besuch
bei EMAX jetzt 14:00–16:00 Uhr statt 09:30–11:30 Uhr"). Times are the local
times of the place, as on the itinerary; where an item lies in another zone
than the trip, or crosses zones, the offsets are named. The same lines make
the plain text to paste into a message, the PDF notice and the Overview's list.

The reader's own travel (their flights and the hotel pick-up) is compared as
the lines their itinerary printed; a changed line is worded by what differs
in it ("Pick-up at the hotel now 20:00 GMT+8 instead of 21:00 GMT+8"), and
the notice prints the new lines whole, to replace the old ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from planner import formatting
from planner.domain.enums import ChangeKind, Language
from planner.domain.issued import ItemDiff, Person, SnapshotItem, TravelDiff, group_changes, with_names
from planner.domain.names import name_for_language
from planner.export.language import DocumentLanguage
from planner.i18n import N_, Nn_, ngettext
from planner.services.issuing import MemberChanges

MOVED = N_("{day}: {title} now {new} instead of {old}")
ADDED = N_("{day}: new for you: {title}, {when}")
ADDED_AT = N_("{day}: new for you: {title}, {when}, {venue}")
CANCELLED = N_("{day}: {title} ({when}) is cancelled for you")
#: The same for a list of changes that names the people they concern.
ADDED_FOR_SOME = N_("{day}: new: {title}, {when}")
ADDED_AT_FOR_SOME = N_("{day}: new: {title}, {when}, {venue}")
CANCELLED_FOR_SOME = N_("{day}: {title} ({when}) is cancelled")
RENAMED = N_("{day}: {old} is now called {new}")
VENUE = N_("{day}: {title} now at {new} instead of {old}")
VENUE_SET = N_("{day}: {title} now at {new}")
VENUE_GONE = N_("{day}: {title} no longer at {old}")
JOINED = N_("{day}: {title} now also with {names}")
LEFT = N_("{day}: {title} no longer with {names}")

WITH = N_("With {names}")
WITHOUT = N_("Without {names}")
ALSO_WITH = N_("Also with {names}")
CANCELLED_FOR_YOU = N_("Cancelled for you")
NO_VENUE = N_("no venue given")

#: Who the travel is, in a notice to its traveller and in a list for the planner ("Own travel: …" beside the name).
YOUR_TRAVEL = N_("Your own travel")
OWN_TRAVEL = N_("Own travel")
#: A changed line of it: what stays ("Pick-up at the hotel"), then the part that differs, now and as printed.
TRAVEL_CHANGED = N_("{travel}: {what} now {new} instead of {old}")
TRAVEL_REPLACED = N_("{travel}: now {new} instead of {old}")
TRAVEL_ADDED = N_("{travel}, new: {line}")
TRAVEL_DROPPED = N_("{travel}, no longer: {line}")


@dataclass(frozen=True, slots=True)
class NoticeRow:
    """One changed item for one reader: its day, its title, and each change as a sentence and as before/now."""

    day: date
    day_text: str
    title: str
    labels: tuple[str, ...]
    before: tuple[str, ...]
    now: tuple[str, ...]
    sentences: tuple[str, ...]


def when(item: SnapshotItem, lang: DocumentLanguage, trip_zone: str, *, with_day: bool = False) -> str:
    """The item's time as its reader reads it: "14:00–16:00", across zones "20:30 GMT+8 – 06:15 GMT+2 (Fr., 28. Okt.)"."""
    loc = lang.locale
    start, end = item.start, item.end
    crosses = item.arrival_timezone != item.timezone
    abroad = item.timezone != trip_zone
    if not crosses and start.date() == end.date():
        text = formatting.time_range(start, end, loc)
        if abroad:
            text = f"{text} {formatting.gmt_offset(item.timezone, start, loc)}"
    else:
        first = formatting.local_time_with_zone(start, item.timezone, loc, short=True) if crosses or abroad else formatting.time_of_day(start, loc)
        last = (
            formatting.local_time_with_zone(end, item.arrival_timezone, loc, short=True)
            if crosses or item.arrival_timezone != trip_zone else formatting.time_of_day(end, loc)
        )
        if end.date() != start.date():
            last = f"{last} ({formatting.day_heading(end.date(), loc)})"
        text = f"{first} – {last}"
    return f"{formatting.day_heading(start.date(), loc)}, {text}" if with_day else text


def _names(people: Sequence[Person], lang: DocumentLanguage) -> str:
    from babel.lists import format_list

    return format_list([name for _pid, name in people], locale=formatting.babel_locale(lang.locale)) if people else ""


def _venue(item: SnapshotItem, lang: DocumentLanguage) -> str:
    return lang.text(item.venue)


def notice_rows(changes: Sequence[ItemDiff], language: Language | str, trip_zone: str, *, personal: bool = True) -> list[NoticeRow]:
    """The lines of one reader's notice, in the order of the programme.

    `personal` False words them for a list that names whom each concerns
    ("… is cancelled" rather than "… is cancelled for you").
    """
    lang = DocumentLanguage.of(language)
    added, added_at, cancelled = (ADDED, ADDED_AT, CANCELLED) if personal else (ADDED_FOR_SOME, ADDED_AT_FOR_SOME, CANCELLED_FOR_SOME)
    rows: list[NoticeRow] = []
    for change in changes:
        item = change.item
        day = item.start.date()
        day_text = formatting.weekday_and_day(day, lang.locale)
        title = lang.text(item.title)
        labels: list[str] = []
        before: list[str] = []
        now: list[str] = []
        sentences: list[str] = []
        for kind in change.kinds:
            labels.append(lang.t(kind.msgid))
            old, new = change.before, change.after
            if kind is ChangeKind.ADDED:
                assert new is not None
                venue = _venue(new, lang)
                when_text = when(new, lang, trip_zone)
                before.append("—")
                now.append(", ".join(p for p in (when_text, venue) if p))
                sentences.append(
                    lang.t(added_at if venue else added, day=day_text, title=title, when=when_text, venue=venue)
                )
            elif kind is ChangeKind.CANCELLED:
                assert old is not None
                when_text = when(old, lang, trip_zone)
                before.append(", ".join(p for p in (when_text, _venue(old, lang)) if p))
                now.append(lang.t(CANCELLED_FOR_YOU))
                sentences.append(lang.t(cancelled, day=day_text, title=title, when=when_text))
            elif kind is ChangeKind.MOVED:
                assert old is not None and new is not None
                other_day = old.start.date() != new.start.date()
                old_text = when(old, lang, trip_zone, with_day=other_day)
                new_text = when(new, lang, trip_zone)
                before.append(when(old, lang, trip_zone, with_day=True) if other_day else old_text)
                now.append(when(new, lang, trip_zone, with_day=other_day))
                sentences.append(lang.t(MOVED, day=day_text, title=title, new=new_text, old=old_text))
            elif kind is ChangeKind.RENAMED:
                assert old is not None and new is not None
                before.append(lang.text(old.title))
                now.append(lang.text(new.title))
                sentences.append(lang.t(RENAMED, day=day_text, old=lang.text(old.title), new=lang.text(new.title)))
            elif kind is ChangeKind.VENUE:
                assert old is not None and new is not None
                old_venue, new_venue = _venue(old, lang), _venue(new, lang)
                before.append(old_venue or lang.t(NO_VENUE))
                now.append(new_venue or lang.t(NO_VENUE))
                if old_venue and new_venue:
                    sentences.append(lang.t(VENUE, day=day_text, title=title, new=new_venue, old=old_venue))
                elif new_venue:
                    sentences.append(lang.t(VENUE_SET, day=day_text, title=title, new=new_venue))
                else:
                    sentences.append(lang.t(VENUE_GONE, day=day_text, title=title, old=old_venue))
            elif kind is ChangeKind.PARTICIPANTS:
                parts_before: list[str] = []
                parts_now: list[str] = []
                if change.left:
                    parts_before.append(lang.t(WITH, names=_names(change.left, lang)))
                    parts_now.append(lang.t(WITHOUT, names=_names(change.left, lang)))
                    sentences.append(lang.t(LEFT, day=day_text, title=title, names=_names(change.left, lang)))
                if change.joined:
                    parts_now.append(lang.t(ALSO_WITH, names=_names(change.joined, lang)))
                    sentences.append(lang.t(JOINED, day=day_text, title=title, names=_names(change.joined, lang)))
                before.append("; ".join(parts_before) or "—")
                now.append("; ".join(parts_now))
        rows.append(NoticeRow(day, day_text, title, tuple(labels), tuple(before), tuple(now), tuple(sentences)))
    return rows


# --- the reader's own travel ----------------------------------------------------------------------

_PARTS = " · "  # how leg_summary and the pick-up line join their parts


def _changed_part(old: str, new: str) -> tuple[str, str, str]:
    """(what stays, old part, new part) of two versions of one line, for a reader to see at a glance what differs.

    Lines are compared by their parts (" · "); where one part differs, by its
    words: "Pick-up at the hotel 21:00 GMT+8" and "… 20:00 GMT+8" give
    ("Pick-up at the hotel", "21:00 GMT+8", "20:00 GMT+8"). The words after
    the change stay with both sides, so a time keeps its zone.
    """
    olds, news = old.split(_PARTS), new.split(_PARTS)
    head = ""
    if len(olds) == len(news):
        differing = [n for n, (a, b) in enumerate(zip(olds, news, strict=True)) if a != b]
        if len(differing) == 1:
            n = differing[0]
            a, b = _words(olds[n]), _words(news[n])
            same = 0
            while same < min(len(a), len(b)) - 1 and a[same] == b[same]:
                same += 1
            lead = "".join(a[:same]).rstrip(" :：")  # "Abholung am Hotel: 21:00" reads "Abholung am Hotel jetzt …"
            head = olds[0] if n > 0 else ""
            what = f"{head}{_PARTS if head and lead else ''}{lead}"
            return what, "".join(a[same:]).strip(), "".join(b[same:]).strip()
        if differing and differing[0] > 0:
            head = olds[0]
            return head, _PARTS.join(olds[n] for n in differing), _PARTS.join(news[n] for n in differing)
    return head, old, new


def _words(text: str) -> list[str]:
    """The words of a part with what follows each (a space, or a Chinese colon: "酒店上车时间：21:00" is two words)."""
    return [word for word in re.findall(r"[^ ：]*(?:：| |$)", text) if word]


def travel_sentences(change: TravelDiff | None, language: Language | str, *, personal: bool = True) -> list[str]:
    """One sentence per changed line of the reader's own travel, in `language`.

    A line that reads otherwise now is paired with the line it replaces, in
    order; a line only on one side is new or gone. `personal` False words
    them for the planner's list ("Own travel: …" rather than "Your own travel: …").
    """
    if change is None:
        return []
    lang = DocumentLanguage.of(language)
    travel = lang.t(YOUR_TRAVEL if personal else OWN_TRAVEL)
    dropped, added = change.dropped, change.added
    sentences: list[str] = []
    for old, new in zip(dropped, added):
        what, was, now = _changed_part(old, new)
        if what:
            sentences.append(lang.t(TRAVEL_CHANGED, travel=travel, what=what, new=now, old=was))
        else:
            sentences.append(lang.t(TRAVEL_REPLACED, travel=travel, new=now, old=was))
    paired = min(len(dropped), len(added))
    sentences += [lang.t(TRAVEL_ADDED, travel=travel, line=line) for line in added[paired:]]
    sentences += [lang.t(TRAVEL_DROPPED, travel=travel, line=line) for line in dropped[paired:]]
    return sentences


# --- the text to paste into a message ----------------------------------------------------------

TEXT_HEADING = N_("Changes to your programme: {trip}")
TEXT_HELD = N_("Your printed itinerary (version {number} of {date}) is out of date. What has changed for you:")
TEXT_LOCAL = N_("All times are local times.")
TEXT_TRAVEL_NOW = N_("Your own travel now reads:")


def notice_text(
    *, name: str, trip_title: str, language: Language | str, held_number: int, held_at: datetime, rows: Sequence[NoticeRow],
    travel: TravelDiff | None = None,
) -> str:
    """The whole notice as plain text, one change per line; a change to the reader's own travel ends with its new lines whole."""
    lang = DocumentLanguage.of(language)
    lines = [
        lang.t(TEXT_HEADING, trip=trip_title),
        "",
        name,
        lang.t(TEXT_HELD, number=formatting.integer(held_number, lang.locale), date=formatting.long_date(held_at.astimezone().date(), lang.locale)),
        "",
    ]
    for row in rows:
        lines += [f"– {sentence}" for sentence in row.sentences]
    lines += [f"– {sentence}" for sentence in travel_sentences(travel, lang.language)]
    if travel is not None and travel.after:
        lines += ["", lang.t(TEXT_TRAVEL_NOW), *(f"  {line}" for line in travel.after)]
    lines += ["", lang.t(TEXT_LOCAL)]
    return "\n".join(lines) + "\n"


def summary(changes: Sequence[ItemDiff], language: Language | str, trip_zone: str, *, personal: bool = True) -> list[str]:
    """One sentence per change, for a list on screen."""
    return [sentence for row in notice_rows(changes, language, trip_zone, personal=personal) for sentence in row.sentences]


# --- a trip-wide list ----------------------------------------------------------------------------

FOR_PEOPLE = Nn_("for {count} person: {names}", "for {count} people: {names}")


def change_list(changes: Sequence[MemberChanges], language: Language | str, trip_zone: str) -> list[str]:
    """Each change once, followed by an indented line naming whom it concerns (for the CLI and the history).

    For the planner's own screens: `language` is the interface language, whose
    catalog words the "for 3 people" lines.
    """
    lang = DocumentLanguage.of(language)
    names = {
        c.member.person.id or 0: name_for_language(c.member.person.family_name, c.member.person.given_name, c.member.person.native_name, lang.locale)
        for c in changes
    }
    lines: list[str] = []
    for change, members in group_changes((c.member, c.changes) for c in changes):
        for row in notice_rows([with_names(change, names)], lang.language, trip_zone, personal=False):
            lines += row.sentences
        people = ", ".join(m.person.full_name for m in members)
        lines.append("    " + ngettext(*FOR_PEOPLE, len(members)).format(count=formatting.integer(len(members), lang.locale), names=people))
    for c in changes:  # each traveller's own lines are theirs alone, worded in the language of their printout
        sentences = travel_sentences(c.travel, lang.language, personal=False)
        if sentences:
            lines += sentences
            lines.append("    " + ngettext(*FOR_PEOPLE, 1).format(count=formatting.integer(1, lang.locale), names=c.member.person.full_name))
    return lines
