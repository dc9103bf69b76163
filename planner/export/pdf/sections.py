"""The parts around the day pages: key facts, the delegation list, venues with contacts, the emergency page."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, Spacer

from planner import formatting
from planner.domain.entities import VenueData
from planner.domain.enums import Language, Role, VenueKind
from planner.domain.names import is_cjk
from planner.domain.portraits import Portrait
from planner.export.pdf.columns import Cell, Columns
from planner.export.pdf.context import LABEL_SEPARATOR, Context
from planner.export.pdf.emergency import numbers_for
from planner.export.pdf.flowables import esc, para, rule, ruled_table, strong
from planner.export.pdf.items import detail_rows, for_the_driver, venue_address
from planner.export.pdf.qr import QrCode, drawn_codes, map_url
from planner.export.pdf.styles import GUTTER, QR_SIZE, STYLES
from planner.i18n import N_
from planner.domain.members import Member

FACT_LABEL_COLUMN = 44 * mm
COMPACT_LABEL_COLUMN = 32 * mm
#: Between two venue cards side by side.
PAIR_GAP = 6 * mm
#: The height a new part needs at the foot of a page to start there.
SECTION_ROOM = 45 * mm


def facts_rows(ctx: Context, rows: list[tuple[str, str]], *, compact: bool = False) -> list[Flowable]:
    """Key facts on a cover: a grey label, the value beside it, hairlines between; `rows` hold (label text, value markup).

    `compact` sets them smaller and closer, to leave the first page to the overview table.
    """
    flowables: list[Flowable] = []
    label_width = COMPACT_LABEL_COLUMN if compact else FACT_LABEL_COLUMN
    for index, (label, value) in enumerate(rows):
        if index and not compact:
            flowables.append(rule(thickness=0.4, before=0, after=3.5))
        flowables.append(Columns([
            Cell(label_width, [_label(label, label_width - 2 * mm)], padding=(0, 2 * mm, 0.5 if compact else 2, 0)),
            Cell(ctx.width - label_width, [para(value, STYLES.body if compact else STYLES.cover_text)]),
        ], space_after=1.5 if compact else 4.5))
    return flowables


def _label(label: str, width: float) -> Flowable:
    """A fact's label; a bilingual one too long for its column breaks after its " / ".

    Left to the line breaker, "Delegationsleitung / 团长" ended a line inside 团长
    and "Teilnehmende / 参加人员" inside 参加人员: each language's part stays whole.
    """
    flowable = para(esc(label), STYLES.small)
    first, separator, second = label.partition(LABEL_SEPARATOR)
    if not separator or flowable.wrap(width, 10_000)[1] <= STYLES.small.leading * 1.5:
        return flowable
    return para(f"{esc(first)}{esc(separator.rstrip())}<br/>{esc(second)}", STYLES.small)


def section_break() -> list[Flowable]:
    """Before a new part (delegation, venues, emergencies): a new page only when less than a third of one is left.

    A page break before each part left pages a tenth full; a part now follows on,
    and its heading never stands alone at the foot of a page.
    """
    return [CondPageBreak(SECTION_ROOM), Spacer(1, 5 * mm)]


def person_line(ctx: Context, member: Member) -> str:
    """Name and function, e.g. "Stephan Weil, Ministerpräsident des Landes Niedersachsen" (markup)."""
    function = ctx.text(member.person.function)
    return esc(formatting.join_fields((ctx.name(member.person), function), ctx.lang.locale))


# --- delegation -----------------------------------------------------------------------------


def delegation_list(
    ctx: Context, members: Sequence[Member] | None = None, portraits: Mapping[int, Portrait] | None = None,
    heading: str = N_("Delegation"),
) -> list[Flowable]:
    """Everyone on the trip in protocol order: names in Latin and native script, organisation, function, role.

    `members` narrows the list (the hosts' delegation list leaves the hosts out); `portraits` (by person id)
    adds a column of small portraits when any of the listed people has one — only documents for the hosts
    pass them, so a participant's printout never carries a photo nobody chose to print.
    """
    listed = tuple(ctx.view.members if members is None else members)
    pictures = {m.person.id: portraits[m.person.id] for m in listed if portraits and m.person.id in portraits}
    widths = [(12 if ctx.second is not None else 9) * mm, *([PORTRAIT_COLUMN] if pictures else []), 52 * mm, 0.0, 33 * mm]
    widths[-2] = ctx.width - sum(widths)
    labels = (N_("No."), *([N_("Photo")] if pictures else []), N_("Name"), N_("Organisation and function"), N_("Role"))
    head = [para(esc(ctx.label(label)), STYLES.cell_head) for label in labels]
    data: list[list[object]] = [head]
    for number, member in enumerate(listed, start=1):
        person = member.person
        latin, native = ctx.latin_and_native(person)
        if native and ctx.lang.language is Language.ZH and is_cjk(native):  # a Chinese reader reads the Chinese name first
            latin, native = native, latin
        name = [strong(latin, STYLES.cell)]
        if native:
            name.append(para(esc(native), STYLES.cell))
        organisation = [para(ctx.markup(value, size=7.5), STYLES.cell) for value in (person.organisation, person.function) if not value.is_empty()]
        picture = pictures.get(person.id)
        data.append([
            para(esc(formatting.integer(number, ctx.lang.locale)), STYLES.cell_head),
            *([portrait_image(picture, PORTRAIT_COLUMN - 3 * mm) if picture else ""] if pictures else []),
            name,
            organisation or "",
            para(esc(ctx.role(member.role, member.person)), STYLES.cell),
        ])
    table = ruled_table(data, widths)
    return [*ctx.section_heading(heading), Spacer(1, 3 * mm), table]


#: The portrait column of a delegation list: a passport-photo-sized picture beside the name.
PORTRAIT_COLUMN = 20 * mm


def portrait_image(portrait: Portrait, width: float) -> Flowable:
    """The portrait scaled to `width`, keeping its proportions (a portrait is taller than wide)."""
    pixels_wide, pixels_high = portrait.size
    height = width * pixels_high / max(pixels_wide, 1)
    if height > width * 1.5:  # a narrow strip of a picture would make a tall row: keep the row's height sensible
        width, height = width * 1.5 * width / height, width * 1.5
    return Image(io.BytesIO(portrait.data), width=width, height=height)


# --- venues ---------------------------------------------------------------------------------


def venue_cards(ctx: Context, venues: tuple[VenueData, ...], *, full: bool = True) -> list[Flowable]:
    """Each venue with its address, a QR code for the map and, when `full`, the box for the driver and its contacts.

    A personal itinerary passes `full` False: its items carry the address for the driver and the
    reader's hosts, the emergency page the rest; the venues are then a compact list of maps.
    """
    if not venues:
        return []
    heading = N_("Venues and contacts") if full else N_("Venues and maps")
    story: list[Flowable] = [*ctx.section_heading(heading), Spacer(1, 2 * mm)]
    # Two cards side by side: a card is narrow (name, address, contacts beside the map code), and one
    # per line left the right half of two pages empty.
    per_row = 2
    width = (ctx.width - PAIR_GAP * (per_row - 1)) / per_row
    for index in range(0, len(venues), per_row):
        cards = [_venue_card(ctx, venue, width, full) for venue in venues[index:index + per_row]]
        cells = [Cell(width + PAIR_GAP, [card], padding=(0, PAIR_GAP, 0, 0)) for card in cards]
        row = Columns(cells, space_after=1 * mm)
        story.append(KeepTogether([row] if index == 0 else [rule(thickness=0.3, before=0, after=2 * mm), row]))
    return story


def venue_codes(venues: Sequence[VenueData]) -> dict[tuple[str, float], str]:
    """The map codes venue_cards prints for `venues`, drawn (qr.drawn_codes): a batch makes each once for all its documents."""
    return drawn_codes([url for venue in venues if (url := map_url(venue))], QR_SIZE)


def place_line(ctx: Context, venue: VenueData) -> str:
    """Address, city and country on one line, the city left out where the address already names it."""
    address = venue_address(ctx, venue)
    city = ctx.text(venue.city)
    city = "" if city and city.casefold() in address.casefold() else city
    country = formatting.country_name(venue.country, ctx.lang.locale)
    if address and not is_cjk(address) and is_cjk(country + ctx.text(venue.city)):
        # A Latin address for a Chinese reader, glossed the Chinese way: "…30159 Hannover · 德国汉诺威", not "…Hannover, 汉诺威, 德国".
        return f"{address} · {country}{ctx.text(venue.city)}"
    if is_cjk(address or city):  # written the Chinese way: largest unit first, no separators (中国广东省深圳市…)
        return "".join(p for p in (country if country not in address else "", city, address) if p)
    return ", ".join(p for p in (address, city, country) if p)  # a Latin address keeps its own order and commas


def _venue_card(ctx: Context, venue: VenueData, width: float, full: bool) -> Flowable:
    text_width = width - QR_SIZE - GUTTER
    info: list[Flowable] = [strong(ctx.text(venue.name), STYLES.item_title)]
    second = ctx.second_text(venue.name)
    if second:
        info.append(para(esc(second), STYLES.item_second))
    place = place_line(ctx, venue)
    if place:
        info.append(para(esc(place), STYLES.small))
    # Contacts as the reader reads names first (林志远 (Lin Zhiyuan) in Chinese), with their functions.
    rows: list[tuple[str, str, bool]] = []
    driver = for_the_driver(ctx, venue) if full else ""
    if driver:
        rows.append((ctx.label(N_("For the driver")), driver, True))
    for contact in venue.contacts if full else ():
        parts = [ctx.contact_name(contact), ctx.inline(contact.function), contact.phone, contact.email]
        rows.append((ctx.label(N_("Contact")), esc(formatting.join_fields(parts, ctx.lang.locale)), False))
    if venue.website:
        rows.append((ctx.label(N_("Website")), esc(venue.website), False))
    if rows:
        info += [Spacer(1, 1 * mm), *detail_rows(rows, text_width)]
    url = map_url(venue)
    side: list[Flowable] = []
    if url:
        side = [QrCode(url, QR_SIZE), para(esc(ctx.label(N_("Map"))), STYLES.label)]
    return Columns([Cell(text_width + GUTTER, info, padding=(0, GUTTER, 0, 0)), Cell(QR_SIZE, side)], space_after=2.5 * mm)


# --- emergency ------------------------------------------------------------------------------


def emergency_page(ctx: Context, lodging: tuple[VenueData, ...]) -> list[Flowable]:
    """Numbers to call and the people and places to turn to: no blanks to fill in, only what is known.

    The delegation's head, organising team and interpreters with their phones; the hosts' people
    (the hosts on the list and the host contacts of the items the reader attends) with theirs;
    the embassy or consulate entered for the trip; and where the reader sleeps (`lodging`).
    """
    view = ctx.view
    story: list[Flowable] = [*ctx.section_heading(N_("Emergencies and contacts")), Spacer(1, 3 * mm)]
    countries = [view.trip.destination_country] if view.trip.destination_country else []
    for venue in view.venues_of(view.items):
        if venue.country and venue.country not in countries:
            countries.append(venue.country)
    for country in countries or [""]:
        story += _numbers(ctx, country)
    organiser = ctx.text(view.trip.organiser)
    team = [(ctx.role(m.role, m.person), ctx.name(m.person), m.person.phone) for m in (*view.heads, *view.staff)]
    if organiser or team:
        block: list[Flowable] = [_subheading(ctx, N_("Delegation leadership and staff")), Spacer(1, 1.5 * mm)]
        if organiser:
            block.append(para(f'{esc(ctx.label(N_("Organiser")))}{ctx.lang.marks.colon}{ctx.markup(view.trip.organiser, size=7.5)}', STYLES.small))
        if team:
            block.append(_contact_table(ctx, team))
        story += [KeepTogether(block), Spacer(1, 4 * mm)]
    missions = view.bundle.emergency_contacts
    if missions:
        heading: list[Flowable] = [_subheading(ctx, N_("Embassy and consulate")), Spacer(1, 1.5 * mm)]
        block: list[Flowable] = []
        for index, mission in enumerate(missions):
            lines = [strong(ctx.text(mission.name), STYLES.body)]
            second = ctx.second_text(mission.name)
            if second:
                lines.append(para(esc(second), STYLES.small))
            address = ctx.inline(mission.address)
            if address:
                lines.append(para(esc(address), STYLES.small))
            if mission.phone:
                lines.append(para(f'{esc(ctx.label(N_("Telephone")))}{ctx.lang.marks.colon}{esc(mission.phone)}', STYLES.body))
            # A heading never stands alone at the foot of a page: it goes with the first entry.
            block.append(KeepTogether([*(heading if index == 0 else []), *lines, Spacer(1, 2 * mm)]))
        story += [*block, Spacer(1, 2 * mm)]
    hosts = _host_contacts(ctx)
    if hosts:
        story += [KeepTogether([_subheading(ctx, N_("The hosts' contacts")), Spacer(1, 1.5 * mm), _contact_table(ctx, hosts)]),
                  Spacer(1, 4 * mm)]
    if lodging:
        for index, hotel in enumerate(lodging):
            heading = [_subheading(ctx, N_("Accommodation"))] if index == 0 else []
            story.append(KeepTogether([*heading, *_hotel_lines(ctx, hotel)]))
    return story


def _host_contacts(ctx: Context) -> list[tuple[str, str, str]]:
    """(function, name, phone) of the hosts' protocol and liaison people, each once.

    They are the hosts on the trip's list (who accompany the delegation) and the hosts at the
    government venues of the reader's items (the protocol office); a restaurant's manager, who
    hosts a meal, is named at the meal and is not whom to call when something goes wrong.
    """
    view = ctx.view
    rows: list[tuple[str, str, str]] = []
    for member in view.members:
        if member.role is Role.HOST:
            function = ctx.text(member.person.function) or ctx.role(member.role, member.person)
            rows.append((function, ctx.name(member.person), member.person.phone))
    items = view.items if ctx.reader is None else view.items_for(ctx.reader)
    seen: set[int] = set()
    for item in items:
        contact, venue = view.host(item), view.venue(item)
        if contact is None or contact.id in seen or not contact.phone or venue is None or venue.kind is not VenueKind.GOVERNMENT:
            continue
        seen.add(contact.id or 0)
        rows.append((ctx.text(contact.function), ctx.contact_name(contact), contact.phone))
    return rows


def _contact_table(ctx: Context, rows: list[tuple[str, str, str]]) -> Flowable:
    """Function or role, name, telephone: the phone in a column of its own, never broken."""
    phone_width = max((stringWidth(phone, STYLES.cell.fontName, STYLES.cell.fontSize) for _f, _n, phone in rows), default=0)
    widths = [0.36 * ctx.width, 0.0, phone_width + 3 * mm]
    widths[1] = ctx.width - widths[0] - widths[2]
    data: list[list[object]] = [[para(esc(ctx.label(label)), STYLES.cell_head) for label in (N_("Function"), N_("Name"), N_("Telephone"))]]
    for function, name, phone in rows:
        data.append([para(esc(function), STYLES.small), para(esc(name), STYLES.cell), para(esc(phone), STYLES.cell)])
    table = ruled_table(data, widths, gap=2 * mm, compact=True)
    table.setStyle([("TOPPADDING", (0, 0), (-1, -1), 1.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2)])
    return table


def _subheading(ctx: Context, msgid: str) -> Flowable:
    return strong(ctx.label(msgid), STYLES.item_title)


def _numbers(ctx: Context, country: str) -> list[Flowable]:
    title = (
        ctx.label(N_("Emergency numbers in {country}"), country=formatting.country_name(country, ctx.lang.locale))
        if country else ctx.label(N_("Emergency numbers"))
    )
    cells = [
        Cell(widths, [strong(n.number, STYLES.emergency_number), para(esc(ctx.label(n.service)), STYLES.small)], padding=(0, 3 * mm, 0, 0))
        for n, widths in zip(numbers_for(country), [36 * mm] * 4, strict=False)
    ]
    return [KeepTogether([_subheading(ctx, title), Spacer(1, 1.5 * mm), Columns(cells), Spacer(1, 5 * mm)])]


def _hotel_lines(ctx: Context, hotel: VenueData) -> list[Flowable]:
    lines: list[Flowable] = [para(ctx.markup(hotel.name), STYLES.body)]
    address = venue_address(ctx, hotel)
    if address:
        lines.append(para(esc(address), STYLES.small))
    rows: list[tuple[str, str, bool]] = []
    driver = for_the_driver(ctx, hotel)
    if driver:
        rows.append((ctx.label(N_("For the driver")), driver, True))
    for contact in hotel.contacts:
        if contact.phone:
            # "+86 755 0000 301 · Li Ying (李莹)": the name after a dot, not in brackets around its own brackets.
            rows.append((ctx.label(N_("Telephone")), esc(f"{contact.phone} · {ctx.contact_name(contact)}"), False))
    if rows:
        lines += [Spacer(1, 1 * mm), *detail_rows(rows, ctx.width)]
    return [*lines, Spacer(1, 4 * mm)]
