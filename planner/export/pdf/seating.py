"""The seating plan of a programme item as PDF: the table seen from above, then who sits where.

A landscape page: the item and its time and place, the table with every seat
numbered (and named where a seat is wide enough), the hosts' side at the top
and the guests' below when they face each other; interpreters' chairs behind
their principals, dashed. The list below names everyone by seat number in both
scripts (Latin, family name first for Chinese names, and the native script),
with function. No personal data beyond name and function.

Round banquet tables are drawn side by side, the head table first, each seat
of honour at the top facing the door at the bottom; names in both scripts sit
at every chair when they fit at a readable size, otherwise only the numbers,
and the list tells who sits where.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from planner import formatting
from planner.db.engine import Database
from planner.domain.enums import Language, SeatingArrangement, SeatSide
from planner.domain.errors import PlannerError
from planner.domain.names import display_name
from planner.domain.protocol import Seat, SeatingData
from planner.domain.seating import (
    DEFAULT_TABLE_SIZE,
    Candidate,
    Spot,
    chair_angle,
    default_arrangement,
    generate_seating,
    round_tables,
    spot,
)
from planner.export.language import DocumentLanguage
from planner.export.pdf.flowables import esc, para, strong, table_style
from planner.export.pdf.fonts import draw_string, register_fonts, text_width
from planner.export.pdf.layout import Metadata
from planner.export.pdf.programme import PAGE_OF
from planner.export.pdf.sheets import PageNumbers, footer, frame, render_sheets
from planner.export.pdf.styles import ACCENT, INK, MUTED, RULE, STYLES, TINT
from planner.export.tripfile import write_file
from planner.export.tripview import TripView
from planner.i18n import N_
from planner.domain.members import Member

SEATING_PLAN = N_("Seating plan")
PROPOSED = N_("Proposed from the order of precedence; not yet confirmed.")
BEHIND = N_("behind no. {number}")
SIDES = {SeatSide.HOST: N_("Host side"), SeatSide.GUEST: N_("Guest side")}
PARTIES = {SeatSide.HOST: N_("Hosts"), SeatSide.GUEST: N_("Guests")}  # the parties (来宾), not a count of guests
TABLE = N_("Table {number}")
ENTRANCE = N_("Entrance")
ARRANGEMENTS = {SeatingArrangement.FACING: N_("Facing each other"), SeatingArrangement.SIDE_BY_SIDE: N_("Side by side"),
                SeatingArrangement.ROUND: N_("Round tables (banquet)")}
NO_PLAN = N_("No programme item of this trip has a seating plan yet.")
NOT_IN_TRIP = N_("The programme item {item} is not part of trip {trip}.")

PAGE = landscape(A4)
MARGIN = 14 * mm
#: The widest a seat is drawn, and the narrowest that still shows a name.
SEAT_MAX, NAME_MIN = 36 * mm, 15 * mm
SEAT_HEIGHT, BEHIND_HEIGHT, TABLE_DEPTH = 15 * mm, 11 * mm, 16 * mm
#: Room at the left for the names of the sides, and below the seats.
LABELS, BASE = 20 * mm, 4 * mm


@dataclass(frozen=True, slots=True)
class NumberedSeat:
    number: int
    seat: Seat
    member: Member


def numbered(view: TripView, plan: SeatingData) -> list[NumberedSeat]:
    """Seats numbered as the list shows them: the hosts' side from its principal outwards, then the guests', interpreters last."""
    if plan.arrangement is SeatingArrangement.ROUND:  # table by table, round each from the seat of honour
        order = sorted(plan.seats, key=lambda s: (s.behind, s.place))
    else:
        order = sorted(plan.seats, key=lambda s: (s.behind, 0 if s.side is SeatSide.HOST else 1, s.place))
    return [NumberedSeat(n, seat, view.member(seat.membership_id)) for n, seat in enumerate(order, start=1)]


def plan_for(db: Database, view: TripView, item_id: int, table_size: int = DEFAULT_TABLE_SIZE) -> tuple[SeatingData, bool]:
    """The item's saved plan, or one proposed from precedence (then True): round tables of `table_size` for a meal."""
    from planner.services.protocol import item_seating

    if not any(item.id == item_id for item in view.items):
        raise PlannerError(NOT_IN_TRIP, item=item_id, trip=view.trip.id)
    saved = item_seating(db, item_id)
    if saved is not None:
        return saved, False
    item = next(i for i in view.items if i.id == item_id)
    candidates = [Candidate(m.id, m.role, m.membership.protocol_order) for m in view.attendees(item)]
    return generate_seating(candidates, default_arrangement(item.kind), item_id=item_id, table_size=table_size), True


def seating_pdf(db: Database, trip_id: int, out_path: str | os.PathLike[str], *, item_id: int | None = None,
                language: Language | str = Language.EN, second: Language | str | None = None, issued: date | None = None,
                table_size: int = DEFAULT_TABLE_SIZE) -> Path:
    """Write the seating plan of one item (saved, or proposed), or of every item that has a saved one."""
    view = TripView.load(db, trip_id)
    if item_id is not None:
        plans = [plan_for(db, view, item_id, table_size)]
    else:
        plans = [(plan, False) for plan in view.bundle.seatings]
        if not plans:
            raise PlannerError(NO_PLAN)
    data = seating_document(view, plans, language=language, second=second, issued=issued)
    return write_file(out_path, data, private=False)


def seating_document(view: TripView, plans: list[tuple[SeatingData, bool]], *, language: Language | str = Language.EN,
                     second: Language | str | None = None, issued: date | None = None) -> bytes:
    register_fonts()
    langs = [DocumentLanguage.of(language)]
    if second and DocumentLanguage.of(second).language is not langs[0].language:
        langs.append(DocumentLanguage.of(second))
    width = PAGE[0] - 2 * MARGIN
    story: list[Flowable] = []
    for index, (plan, proposed) in enumerate(plans):
        if index:
            story.append(PageBreak())
        story += _plan_story(view, plan, proposed, langs, width)
    first = langs[0]
    title = " / ".join(dict.fromkeys(lang.t(SEATING_PLAN) for lang in langs))
    metadata = Metadata(title=f"{first.text(view.trip.title)} – {title}", author=first.text(view.trip.organiser) or title,
                        subject=title, language_tag=first.tag)
    on_page = footer(f"{first.text(view.trip.title)}  ·  {formatting.long_date(issued or date.today(), first.locale)}",
                     MARGIN, 8 * mm, 7.4)
    frames = [frame(MARGIN, MARGIN, width, PAGE[1] - 2 * MARGIN, "plan")]
    numbers = PageNumbers(lambda page, pages: first.t(PAGE_OF, page=formatting.integer(page, first.locale),
                                                     pages=formatting.integer(pages, first.locale)),
                          right=PAGE[0] - MARGIN, baseline=8 * mm, size=7.4)
    return render_sheets(story, page_size=PAGE, frames=frames, metadata=metadata, on_page=on_page, numbers=numbers)


def _both(langs: list[DocumentLanguage], msgid: str, **params: object) -> str:
    return " / ".join(dict.fromkeys(lang.t(msgid, **params) for lang in langs))


def _plan_story(view: TripView, plan: SeatingData, proposed: bool, langs: list[DocumentLanguage], width: float) -> list[Flowable]:
    first = langs[0]
    item = next(i for i in view.items if i.id == plan.item_id)
    venue = view.venue(item)
    titles = list(dict.fromkeys(lang.text(item.title) for lang in langs))
    when = formatting.date_time(item.local_start(), first.locale)
    where = first.text(venue.name) if venue is not None else ""
    story: list[Flowable] = [
        para(esc(_both(langs, SEATING_PLAN).upper()), STYLES.kicker), strong(titles[0], STYLES.section),
    ]
    story += [para(esc(t), STYLES.day_second) for t in titles[1:]]
    story.append(para(esc("  ·  ".join(p for p in (when, where, _both(langs, ARRANGEMENTS[plan.arrangement])) if p)), STYLES.small))
    if proposed:
        story.append(para(f'<font color="{ACCENT.hexval()}">{esc(_both(langs, PROPOSED))}</font>', STYLES.small))
    seats = numbered(view, plan)
    diagram: Flowable = RoundDiagram(seats, plan, width, langs) if plan.arrangement is SeatingArrangement.ROUND \
        else Diagram(seats, plan.arrangement, width, langs)
    # The list of names goes with the diagram's page when it fits on one, rather than leaving a few rows
    # under a repeated heading on a page of their own.
    story += [Spacer(1, 4 * mm), diagram, KeepTogether([Spacer(1, 5 * mm), _legend(seats, langs, width, plan.arrangement)])]
    return story


class Diagram(Flowable):
    """The table from above with numbered seats; names where a seat is wide enough."""

    def __init__(self, seats: list[NumberedSeat], arrangement: SeatingArrangement, width: float, langs: list[DocumentLanguage]) -> None:
        super().__init__()
        self.seats, self.arrangement, self.langs = seats, arrangement, langs
        self.spots = {ns.number: spot(ns.seat, arrangement) for ns in seats}
        columns = [s.column for s in self.spots.values()] or [0]
        rows = [s.row for s in self.spots.values()] + [0, 1]  # both sides of the table, even if one is empty
        self.first_column, self.columns = min(columns), max(columns) - min(columns) + 1
        self.first_row, self.last_row = min(rows), max(rows)
        self.seat_width = min(SEAT_MAX, (width - LABELS) / self.columns - 1.5 * mm)
        self.pitch = self.seat_width + 1.5 * mm
        self.width = width
        self.height = self._y(self.first_row) + SEAT_HEIGHT + 2 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _x(self, column: int) -> float:
        used = self.columns * self.pitch
        return LABELS + (self.width - LABELS - used) / 2 + (column - self.first_column) * self.pitch

    def _y(self, row: int) -> float:
        """The bottom of a seat in `row`; rows count downwards, and when the sides face each other the table lies between rows 0 and 1."""
        y = BASE
        for below in range(self.last_row, row, -1):
            facing_gap = self.arrangement is SeatingArrangement.FACING and below == 1
            y += SEAT_HEIGHT + (TABLE_DEPTH + 4 * mm if facing_gap else 3 * mm)
        return y

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        self._draw_table(canvas)
        for ns in self.seats:
            self._draw_seat(canvas, ns, self.spots[ns.number])
        canvas.restoreState()

    def _draw_table(self, canvas: Canvas) -> None:
        main_columns = [s.column for n, s in self.spots.items() if not self._seat(n).seat.behind] or [0]
        left = self._x(min(main_columns)) - 3 * mm
        right = self._x(max(main_columns)) + self.seat_width + 3 * mm
        canvas.setFillColor(TINT)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        if self.arrangement is SeatingArrangement.FACING:
            bottom = self._y(1) + SEAT_HEIGHT + 2 * mm
            canvas.roundRect(left, bottom, right - left, TABLE_DEPTH, 3 * mm, stroke=1, fill=1)
            self._side_label(canvas, SeatSide.HOST, self._y(0) + SEAT_HEIGHT / 2)
            self._side_label(canvas, SeatSide.GUEST, self._y(1) + SEAT_HEIGHT / 2)
        else:
            canvas.line(left, self._y(1) - 2 * mm, right, self._y(1) - 2 * mm)

    def _side_label(self, canvas: Canvas, side: SeatSide, middle: float) -> None:
        canvas.setFillColor(MUTED)
        draw_string(canvas, 0, middle - 2, _both(self.langs, SIDES[side]), 7)

    def _seat(self, number: int) -> NumberedSeat:
        return self.seats[number - 1]

    def _draw_seat(self, canvas: Canvas, ns: NumberedSeat, where: Spot) -> None:
        x, y = self._x(where.column), self._y(where.row)
        height = BEHIND_HEIGHT if ns.seat.behind else SEAT_HEIGHT
        if ns.seat.behind:
            y += SEAT_HEIGHT - height
        canvas.setFillColor(TINT if ns.seat.place == 0 and not ns.seat.behind else white)
        canvas.setStrokeColor(ACCENT if ns.seat.place == 0 and not ns.seat.behind else RULE)
        canvas.setLineWidth(0.9 if ns.seat.place == 0 else 0.6)
        if ns.seat.behind:
            canvas.setDash(2, 2)
        canvas.roundRect(x, y, self.seat_width, height, 1.8 * mm, stroke=1, fill=1)
        canvas.setDash()
        canvas.setFillColor(ACCENT)
        draw_string(canvas, x + 1.2 * mm, y + height - 2.6 * mm, str(ns.number), 6.5)
        if self.seat_width < NAME_MIN:
            return
        person = ns.member.person
        latin = display_name(person.family_name, person.given_name, person.native_name)
        lines = [(person.native_name, 8.5, INK)] if person.native_name and person.native_name != latin else []
        lines.append((latin, 6.8 if lines else 7.6, INK if not lines else MUTED))
        top = y + height - 5.6 * mm
        for text, size, colour in lines:
            fitted = _fit(text, size, self.seat_width - 2.4 * mm)
            canvas.setFillColor(colour)
            draw_string(canvas, x + self.seat_width / 2, top, text, fitted, align="centre")
            top -= fitted + 2


#: Round tables: the widest a cell for one table is, the tallest all rows of tables may be, and chairs' sizes.
ROUND_CELL, ROUND_HEIGHT = 100 * mm, 118 * mm
ROUND_SEAT_MAX, ROUND_SEAT_HEIGHT, ROUND_BEHIND = 30 * mm, 9.5 * mm, 8.5 * mm
#: The smallest type a name is printed in at a chair; smaller, and the chairs show only numbers.
ROUND_NAME_MIN = 5.0


class RoundDiagram(Flowable):
    """Round banquet tables from above, the head table first, each seat of honour at the top facing the door."""

    def __init__(self, seats: list[NumberedSeat], plan: SeatingData, width: float, langs: list[DocumentLanguage]) -> None:
        super().__init__()
        self.seats, self.langs, self.width = seats, langs, width
        self.tables = round_tables(plan)
        count = max(len(self.tables), 1)
        self.columns = count if count <= 3 else 4
        self.rows = math.ceil(count / self.columns)
        self.cell = min(ROUND_CELL, width / self.columns, (ROUND_HEIGHT - 8 * mm) / self.rows)
        self.height = self.rows * self.cell + 8 * mm
        chairs = max(self.tables.values(), default=1)
        self.reach = self.cell / 2 - ROUND_BEHIND - 3 * mm  # the chairs' centres from the table's
        chord = 2 * (self.reach - ROUND_SEAT_HEIGHT / 2) * math.sin(math.pi / max(chairs, 2))
        self.seat_width = min(ROUND_SEAT_MAX, chord - 1.5 * mm)
        self.names = self._names_fit()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _lines(self, ns: NumberedSeat) -> list[str]:
        person = ns.member.person
        latin = display_name(person.family_name, person.given_name, person.native_name)
        return [person.native_name, latin] if person.native_name and person.native_name != latin else [latin]

    def _names_fit(self) -> bool:
        """Whether every name fits its chair at ROUND_NAME_MIN points or more (else numbers only, for all)."""
        room = self.seat_width - 2 * mm
        return room > 0 and all(text_width(line, ROUND_NAME_MIN) <= room for ns in self.seats for line in self._lines(ns))

    def _centre(self, table: int) -> tuple[float, float]:
        index = list(self.tables).index(table)
        row, column = divmod(index, self.columns)
        used = min(len(self.tables) - row * self.columns, self.columns) * self.cell
        x = (self.width - used) / 2 + (column + 0.5) * self.cell
        return x, self.height - (row + 0.5) * self.cell

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        radius = self.reach - ROUND_SEAT_HEIGHT / 2 - 2.5 * mm
        for table in self.tables:
            x, y = self._centre(table)
            canvas.setFillColor(TINT)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.8)
            canvas.circle(x, y, radius, stroke=1, fill=1)
            canvas.setFillColor(MUTED)
            label = _both(self.langs, TABLE, number=table + 1)
            draw_string(canvas, x, y - 3, label, _fit(label, 8, 2 * radius - 4 * mm), align="centre")
        for ns in self.seats:
            self._draw_seat(canvas, ns)
        canvas.setFillColor(MUTED)
        draw_string(canvas, self.width / 2, 1.5 * mm, f"▼  {_both(self.langs, ENTRANCE)}  ▼", 7, align="centre")
        canvas.restoreState()

    def _draw_seat(self, canvas: Canvas, ns: NumberedSeat) -> None:
        seat = ns.seat
        cx, cy = self._centre(seat.table)
        angle = math.radians(chair_angle(seat.chair, self.tables[seat.table]))
        width, height = (self.seat_width, ROUND_BEHIND) if seat.behind else (self.seat_width, ROUND_SEAT_HEIGHT)
        reach = self.reach
        if seat.behind:  # straight out from the chair, just far enough not to cover it
            across, up = abs(math.cos(angle)), abs(math.sin(angle))
            reach += min(width / across if across > 0.01 else math.inf, (height + ROUND_SEAT_HEIGHT) / 2 / up if up > 0.01 else math.inf)
            reach += 1 * mm
        x, y = cx + reach * math.cos(angle) - width / 2, cy + reach * math.sin(angle) - height / 2
        honour = seat.chair == 0 and not seat.behind
        canvas.setFillColor(TINT if honour else white)
        canvas.setStrokeColor(ACCENT if honour else RULE)
        canvas.setLineWidth(0.9 if honour else 0.6)
        if seat.behind:
            canvas.setDash(2, 2)
        canvas.roundRect(x, y, width, height, 1.5 * mm, stroke=1, fill=1)
        canvas.setDash()
        canvas.setFillColor(ACCENT)
        if not self.names:
            draw_string(canvas, x + width / 2, y + height / 2 - 2.4, str(ns.number), 7, align="centre")
            return
        draw_string(canvas, x + 0.8 * mm, y + height - 2.2 * mm, str(ns.number), 5)
        lines = self._lines(ns)
        sizes = [_fit(line, 7 if n == 0 else 6, width - 2 * mm) for n, line in enumerate(lines)]
        top = y + height / 2 + (sum(sizes) + 1.5 * (len(lines) - 1)) / 2 - sizes[0] * 0.8
        for n, (line, size) in enumerate(zip(lines, sizes, strict=True)):
            canvas.setFillColor(INK if n == 0 else MUTED)
            draw_string(canvas, x + width / 2, top, line, size, align="centre")
            top -= size + 1.5


def _fit(text: str, size: float, width: float) -> float:
    """The font size at which `text` fits `width`, down to 4.5 points."""
    while size > 4.5 and text_width(text, size) > width:
        size -= 0.25
    return size


def _legend(seats: list[NumberedSeat], langs: list[DocumentLanguage], width: float,
            arrangement: SeatingArrangement = SeatingArrangement.FACING) -> Flowable:
    """The hosts' and the guests' seats by number, side by side; the table continues on the next page if it must."""
    first = langs[0]
    is_round = arrangement is SeatingArrangement.ROUND
    several = is_round and len({ns.seat.table for ns in seats}) > 1
    headings = PARTIES if is_round else SIDES
    column = (width - 8 * mm) / 2
    sides: list[list[list[object]]] = []
    for side in (SeatSide.HOST, SeatSide.GUEST):
        principal = {ns.seat.place: ns.number for ns in seats if (is_round or ns.seat.side is side) and not ns.seat.behind}
        rows: list[list[object]] = []
        for ns in (s for s in seats if s.seat.side is side):
            person = ns.member.person
            latin = display_name(person.family_name, person.given_name, person.native_name)
            name: list[Flowable] = [strong(latin, STYLES.cell)]
            if person.native_name and person.native_name != latin:
                name.append(para(esc(person.native_name), STYLES.cell))
            notes = [first.text(person.function)]
            if several and not ns.seat.behind:
                notes.append(_both(langs, TABLE, number=ns.seat.table + 1))
            if ns.seat.behind and ns.seat.place in principal:
                notes.append(_both(langs, BEHIND, number=principal[ns.seat.place]))
            # One line where it fits ("Head of international affairs · Table 1"): a banquet's twenty guests stay on one page.
            rows.append([para(esc(str(ns.number)), STYLES.cell_head), name, para(esc("  ·  ".join(n for n in notes if n)), STYLES.label)])
        sides.append(rows)
    hosts, guests = sides
    head = [strong(_both(langs, headings[SeatSide.HOST]), STYLES.item_title), "", "", "",
            strong(_both(langs, headings[SeatSide.GUEST]), STYLES.item_title), "", ""]
    data: list[list[object]] = [head]
    for n in range(max(len(hosts), len(guests))):
        left = hosts[n] if n < len(hosts) else ["", "", ""]
        right = guests[n] if n < len(guests) else ["", "", ""]
        data.append([*left, "", *right])
    widths = [8 * mm, column * 0.45, column * 0.55 - 8 * mm, 8 * mm, 8 * mm, column * 0.45, column * 0.55 - 8 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("SPAN", (0, 0), (2, 0)), ("SPAN", (4, 0), (6, 0)),
    ]
    if len(hosts) > 1:
        commands.append(("LINEBELOW", (0, 1), (2, len(hosts) - 1), 0.3, RULE))
    if len(guests) > 1:
        commands.append(("LINEBELOW", (4, 1), (6, len(guests) - 1), 0.3, RULE))
    table.setStyle(table_style(*commands))
    table.hAlign = "LEFT"
    return table
