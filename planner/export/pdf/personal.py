"""A personal itinerary: only what one participant attends, in that participant's language.

It names the reader's own particulars (role, arrival, their own flights and
trains with, for a departure, when and in which car they are fetched from the
hotel, their own dietary and accessibility needs) and nobody else's private data: other participants appear
by name only where they share an item, as in the programme.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from planner import formatting
from planner.db.engine import Database
from planner.domain.checks.needs_vocabulary import variant_for
from planner.domain.entities import ItemData
from planner.domain.enums import Language
from planner.export.own_travel import TravelLine, own_travel
from planner.export.pdf.context import Context
from planner.export.pdf.flowables import esc, para
from planner.export.pdf.items import day_section
from planner.export.pdf.layout import Paper, paper, render
from planner.export.pdf.programme import as_of, decoration, make_context, metadata, title_block, trip_facts
from planner.export.pdf.overview import overview_table
from planner.export.pdf.sections import emergency_page, facts_rows, section_break, venue_cards, venue_codes
from planner.export.pdf.styles import STYLES
from planner.export.tripfile import write_file
from planner.export.tripview import Day, TripView
from planner.i18n import N_

ITINERARY = N_("Personal itinerary")
ARRIVES = N_("arrival {date}")
DEPARTS = N_("departure {date}")
YOUR_HOTEL = N_("Your hotel")
#: One run of nights in one room: "Nights 24–26 October 2016: InterContinental Shenzhen, Deluxe King Room".
HOTEL_NIGHTS = N_("Nights {nights}: {hotel}, {room}")
ROOM_NUMBER = N_("{room_type}, room {number}")


def personal_pdf(
    db: Database, trip_id: int, membership_id: int, out_path: str | os.PathLike[str], *,
    language: Language | str | None = None, bilingual_with: Language | str | None = None,
    paper: Paper | str = Paper.A4, issued: date | None = None,
) -> Path:
    """Write one participant's itinerary; `language` None means the participant's own.

    This writes a document without issuing it; export_personal_pdfs(issue=True) issues.
    """
    data = personal_document(
        TripView.load(db, trip_id), membership_id, language=language, bilingual_with=bilingual_with, paper=paper, issued=issued
    )
    return write_file(out_path, data, private=True)


def personal_document(
    view: TripView, membership_id: int, *, language: Language | str | None = None,
    bilingual_with: Language | str | None = None, paper: Paper | str = Paper.A4, issued: date | None = None,
    version: int | None = None,
) -> bytes:
    """`version`: the number of the issued version the document belongs to, printed with its date."""
    size = _paper(paper)
    member = view.member(membership_id)
    ctx = make_context(view, language or member.person.preferred_language, bilingual_with, size, reader=membership_id)
    name = ctx.name(member.person)
    story = personal_story(ctx, issued or date.today(), version)
    return render(
        story, decoration=decoration(ctx, name, issued, version), metadata=metadata(ctx, ITINERARY, about=name), size=size
    )


def _paper(value: Paper | str) -> Paper:
    return paper(value)


def personal_story(ctx: Context, issued: date, version: int | None = None) -> list[Flowable]:
    assert ctx.reader is not None
    view = ctx.view
    member = view.member(ctx.reader)
    person, membership = member.person, member.membership
    story: list[Flowable] = [*title_block(ctx, ITINERARY, ctx.name(person))]
    latin, native = ctx.latin_and_native(person)
    shown = ctx.name(person)
    other_script = native if native and native != shown else (latin if latin != shown else "")
    if other_script:
        story.append(para(esc(other_script), STYLES.cover_second))
    line = formatting.join_fields((ctx.text(person.function), ctx.text(person.organisation)), ctx.lang.locale)
    if line:  # one line: the first page is for the overview table
        story.append(para(esc(line), STYLES.body))
    rows = [(ctx.label(N_("Trip")), ctx.markup(view.trip.title, size=8)), *trip_facts(ctx)]
    rows.append((ctx.label(N_("Role")), esc(ctx.role(membership.role, person))))
    if membership.arrival or membership.departure:
        stay = [ctx.lang.t(label, date=formatting.weekday_and_day(day, ctx.lang.locale))
                for label, day in ((ARRIVES, membership.arrival), (DEPARTS, membership.departure)) if day]
        rows.append((ctx.label(N_("Your stay")), esc(" · ".join(stay))))
    nights = _hotel_nights(ctx, member.id)
    if nights:
        rows.append((ctx.label(YOUR_HOTEL), nights))
    own = own_travel(view, member.id, ctx.lang)
    if own:  # their own flights and trains, in time order (the group's flights are items of the programme)
        rows.append((ctx.label(N_("Your own travel")), "<br/>".join(_own_line(line) for line in own)))
    language = ctx.lang.language.value  # the reader's own needs, in the variant of the document's language
    if person.dietary_needs:
        rows.append((ctx.label(N_("Your dietary requirements")), esc(variant_for(person.dietary_needs, language))))
    if person.accessibility_needs:
        rows.append((ctx.label(N_("Your accessibility needs")), esc(variant_for(person.accessibility_needs, language))))
    story += [Spacer(1, 3 * mm), *facts_rows(ctx, rows, compact=True)]
    story.append(para(esc(as_of(ctx, issued, version)), STYLES.small))
    items = view.items_for(member.id)
    days = _days(view, items, membership.arrival, membership.departure)
    # The overview on the first page, then the days in detail from a new page; venues and the
    # emergency contacts follow on where the days end (their headings never stand alone).
    story += [Spacer(1, 6 * mm), *overview_table(ctx, days), *section_break()]
    story += [*ctx.section_heading(N_("Your programme")), Spacer(1, 2 * mm)]
    for index, day in enumerate(days):
        story += day_section(ctx, day, first=index == 0, needs=False)
    venues = view.venues_of(items)
    if venues:
        # A list of maps: the address for the driver is at each item, the reader's hosts at each item and on the emergency page.
        story += [*section_break(), *venue_cards(ctx, venues, full=False)]
    story += [*section_break(), *emergency_page(ctx, view.lodging(member.id))]
    return story


def _own_line(line: TravelLine) -> str:
    """Markup for one line of the reader's travel; a pick-up line has, in bold, when to be at the hotel."""
    if not line.lead:
        return esc(line.rest)
    return f"<b>{esc(line.lead)}</b>" + (f" · {esc(line.rest)}" if line.rest else "")


def map_codes(view: TripView, membership_id: int) -> dict[tuple[str, float], str]:
    """The QR codes the participant's itinerary prints (the map of each venue they visit), drawn.

    A batch makes them in one process and hands them to the workers with each document: the
    participants of a big trip share most venues, and each code takes milliseconds to encode.
    """
    return venue_codes(view.venues_of(view.items_for(membership_id)))


def _hotel_nights(ctx: Context, membership_id: int) -> str:
    """Markup naming the reader's hotel for each night: one line per room, its nights, hotel, room type and number."""
    lines = []
    for room, block, hotel in ctx.view.rooms_of(membership_id):
        assert room.first_night is not None and room.last_night is not None
        nights = formatting.date_range(room.first_night, room.last_night, ctx.lang.locale)
        what = ctx.text(block.room_type)
        if room.room_label:
            what = ctx.lang.t(ROOM_NUMBER, room_type=what, number=room.room_label)
        lines.append(esc(ctx.lang.t(HOTEL_NIGHTS, nights=nights, hotel=ctx.text(hotel.name), room=what)))
    return "<br/>".join(lines)


def _days(view: TripView, items: tuple[ItemData, ...], arrival: date | None, departure: date | None) -> list[Day]:
    """The trip's days, without the empty ones before the reader arrives or after they leave."""
    def outside(day: date) -> bool:
        return (arrival is not None and day < arrival) or (departure is not None and day > departure)

    return [day for day in view.days(items) if day.items or not outside(day.day)]
