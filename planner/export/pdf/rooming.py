"""The rooming list of one hotel as PDF: the hotel's language first, English beside it.

A cover block names the hotel, the trip and its dates and what the trip holds
there (rooms per type); the list follows, one row per guest, sharers together.
Column headings carry both languages on two lines, so the front desk and the
delegation's office read the same sheet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from planner import formatting
from planner.domain.entities import VenueData
from planner.domain.names import display_name
from planner.export.language import DocumentLanguage
from planner.export.pdf.context import Context
from planner.export.pdf.flowables import esc, para, ruled_table
from planner.export.pdf.fonts import text_width
from planner.export.pdf.layout import Paper, paper, render
from planner.export.pdf.programme import as_of, decoration, make_context, metadata, title_block
from planner.export.pdf.sections import facts_rows
from planner.export.pdf.styles import MUTED, STYLES
from planner.export.rooming_list import HEADERS, ROOMING_LIST, RoomingLine, nights_text
from planner.export.tripview import TripView
from planner.i18n import N_
from planner.services.delegation import Member

NO_GUESTS = N_("Nobody has a room at this hotel yet.")
HELD = N_("Rooms held")
HELD_LINE = N_("{count} × {room_type} (for {sleeps})")
TRIP = N_("Delegation")
ADDRESS = N_("Address")
GUESTS = N_("Guests")
GUEST_COUNT = N_("{guests} guests in {rooms} rooms")
#: The room type's column; the guest's and the requests' columns share what it and the measured columns leave.
_TYPE_WIDTH: float = 32 * mm
#: The room number's column grows with its labels up to this ("2808", "Suite 3"); a longer label wraps.
_ROOM_AT_MOST: float = 24 * mm
#: The space right of each cell (ruled_table's gap).
_GAP: float = 2 * mm


def rooming_document(view: TripView, hotel: VenueData, lines: Sequence[RoomingLine], first: DocumentLanguage,
                     second: DocumentLanguage | None, *, paper_size: Paper | str = Paper.A4, issued: date | None = None) -> bytes:
    size = paper(paper_size)
    ctx = make_context(view, first.language, second.language if second is not None else None, size)
    story: list[Flowable] = [*title_block(ctx, ROOMING_LIST, hotel.name), Spacer(1, 5 * mm)]
    story += facts_rows(ctx, _facts(ctx, view, hotel, lines), compact=True)
    story.append(Spacer(1, 5 * mm))
    if not lines:
        story.append(para(esc(ctx.label(NO_GUESTS)), STYLES.body))
    else:
        story.append(_table(ctx, lines))
    story.append(Spacer(1, 4 * mm))
    stamp = as_of(ctx, issued)  # each language with its own date
    story.append(para(f'<font color="{MUTED.hexval()}">{esc(stamp)}</font>', STYLES.small))
    title = f"{ctx.label(ROOMING_LIST)} – {ctx.text(hotel.name)}"
    return render(story, decoration=decoration(ctx, title, issued), metadata=metadata(ctx, ROOMING_LIST, ctx.text(hotel.name)), size=size)


def _facts(ctx: Context, view: TripView, hotel: VenueData, lines: Sequence[RoomingLine]) -> list[tuple[str, str]]:
    trip = view.trip
    rows: list[tuple[str, str]] = [(ctx.label(TRIP), ctx.markup(trip.title))]
    if trip.first_day and trip.last_day:
        dates = esc(ctx.date_range(trip.first_day, trip.last_day))
        if ctx.second is not None:
            dates += "<br/>" + esc(formatting.date_range(trip.first_day, trip.last_day, ctx.second.locale))
        rows.append((ctx.label(N_("Dates")), dates))
    address = hotel.address_local or hotel.address_romanised
    if address:
        extra = hotel.address_romanised if hotel.address_local and hotel.address_romanised else ""
        rows.append((ctx.label(ADDRESS), esc(address) + (f"<br/>{esc(extra)}" if extra else "")))
    lang = ctx.lang
    held = [
        esc(lang.t(HELD_LINE, count=formatting.integer(block.rooms, lang.locale), room_type=ctx.inline(block.room_type),
                   sleeps=formatting.integer(block.sleeps, lang.locale)))
        for block in view.bundle.room_blocks if block.venue_id == hotel.id
    ]
    if held:
        rows.append((ctx.label(HELD), "<br/>".join(held)))
    rooms = _rooms(lines)
    counts = [lang.t(GUEST_COUNT, guests=formatting.integer(len(lines), lang.locale), rooms=formatting.integer(rooms, lang.locale))
              for lang in ctx.languages]
    rows.append((ctx.label(GUESTS), esc(" / ".join(dict.fromkeys(counts)))))
    return rows


def _rooms(lines: Sequence[RoomingLine]) -> int:
    """How many rooms the lines fill: sharers count once (by their lowest membership id), like the checks."""
    rooms: Counter[tuple[int | None, int]] = Counter()
    for line in lines:
        rooms[(line.block.id, min([line.member.id, *(s.id for s in line.sharers)]))] += 1
    return len(rooms)


def _table(ctx: Context, lines: Sequence[RoomingLine]) -> Flowable:
    lang = ctx.lang
    numbers = [formatting.integer(n, lang.locale) for n in range(1, len(lines) + 1)]
    rooms = [line.room.room_label or "–" for line in lines]
    arrivals = [formatting.day_heading(line.arrival, lang.locale) for line in lines]
    departures = [formatting.day_heading(line.departure, lang.locale) for line in lines]
    nights = [nights_text(line, lang) for line in lines]
    widths = [
        _fit(ctx, HEADERS[0], numbers), 0.0, _TYPE_WIDTH, _fit(ctx, HEADERS[3], rooms, _ROOM_AT_MOST),
        _fit(ctx, HEADERS[4], arrivals), _fit(ctx, HEADERS[5], departures), _fit(ctx, HEADERS[6], nights), 0.0,
    ]
    rest = ctx.width - sum(widths)
    widths[1], widths[7] = rest * 0.45, rest * 0.55
    heads = [_head(ctx, h) for h in HEADERS[:7]]
    heads.append(para(f"{_head_markup(ctx, HEADERS[7])}<br/>{_head_markup(ctx, HEADERS[8])}", STYLES.cell_head))
    rows: list[list[object]] = [heads]
    for n, line in enumerate(lines, start=1):
        notes = []
        if line.sharers:
            names = ", ".join(s.person.native_name if lang.locale == "zh" and s.person.native_name else _latin(s) for s in line.sharers)
            notes.append(esc(ctx.label(N_("Sharing with {names}"), names=names)))
        if line.room.requests:
            notes.append(esc(line.room.requests))
        i = n - 1
        rows.append([
            para(esc(numbers[i]), STYLES.cell),
            para(esc(line.guest), STYLES.cell),
            para(ctx.markup(line.block.room_type, size=7), STYLES.cell),
            para(esc(rooms[i]), STYLES.cell),
            para(esc(arrivals[i]), STYLES.cell),
            para(esc(departures[i]), STYLES.cell),
            para(esc(nights[i]), STYLES.cell),
            para("<br/>".join(notes) or "–", STYLES.cell),
        ])
    return ruled_table(rows, widths, gap=_GAP, compact=True)


def _fit(ctx: Context, msgid: str, values: Sequence[str], at_most: float | None = None) -> float:
    """A column as wide as its widest entry and heading line (in each language), so that no date or heading wraps.

    Fixed widths in millimetres did not suit every language: German headings
    ("Nächte") ran into the next column, Chinese dates ("10月24日 周一") wrapped.
    """
    heads = [ctx.lang.t(msgid)] + ([ctx.second.t(msgid)] if ctx.second is not None else [])
    widest = max(
        max(text_width(h, STYLES.cell_head.fontSize) for h in heads),
        max((text_width(v, STYLES.cell.fontSize) for v in values), default=0.0),
    )
    if at_most is not None:
        widest = min(widest, at_most)
    return widest + _GAP + 1  # a point to spare: the paragraph measures as text_width does, rounding aside


def _latin(member: Member) -> str:
    person = member.person
    return display_name(person.family_name, person.given_name, person.native_name)


def _head_markup(ctx: Context, msgid: str) -> str:
    first = esc(ctx.lang.t(msgid))
    if ctx.second is None or ctx.second.t(msgid) == ctx.lang.t(msgid):
        return first
    return f"{first}<br/>{esc(ctx.second.t(msgid))}"


def _head(ctx: Context, msgid: str) -> Flowable:
    return para(_head_markup(ctx, msgid), STYLES.cell_head)
