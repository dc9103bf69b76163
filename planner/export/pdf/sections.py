"""The parts around the day pages: key facts, the delegation list, venues with contacts, the emergency page."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from planner import formatting
from planner.domain.entities import VenueData
from planner.domain.names import is_cjk
from planner.export.pdf.columns import Cell, Columns
from planner.export.pdf.context import Context
from planner.export.pdf.emergency import numbers_for
from planner.export.pdf.flowables import esc, para, rule, ruled_table, strong
from planner.export.pdf.items import detail_rows, for_the_driver, venue_address
from planner.export.pdf.qr import QrCode, map_url
from planner.export.pdf.styles import GUTTER, QR_SIZE, STYLES
from planner.i18n import N_
from planner.services.delegation import Member

FACT_LABEL_COLUMN = 44 * mm


def facts_rows(ctx: Context, rows: list[tuple[str, str]]) -> list[Flowable]:
    """Key facts on a cover: a grey label, the value beside it, hairlines between; `rows` hold (label text, value markup)."""
    flowables: list[Flowable] = []
    for index, (label, value) in enumerate(rows):
        if index:
            flowables.append(rule(thickness=0.4, before=0, after=3.5))
        flowables.append(Columns([
            Cell(FACT_LABEL_COLUMN, [para(esc(label), STYLES.small)], padding=(0, 2 * mm, 2, 0)),
            Cell(ctx.width - FACT_LABEL_COLUMN, [para(value, STYLES.cover_text)]),
        ], space_after=4.5))
    return flowables


def person_line(ctx: Context, member: Member) -> str:
    """Name and function, e.g. "Stephan Weil, Ministerpräsident des Landes Niedersachsen" (markup)."""
    function = ctx.text(member.person.function)
    return esc(formatting.join_fields((ctx.name(member.person), function), ctx.lang.locale))


# --- delegation -----------------------------------------------------------------------------


def delegation_list(ctx: Context) -> list[Flowable]:
    """Everyone on the trip in protocol order: names in Latin and native script, organisation, function, role."""
    widths = [9 * mm, 52 * mm, 0.0, 33 * mm]
    widths[2] = ctx.width - sum(widths)
    head = [para(esc(ctx.label(label)), STYLES.cell_head) for label in (N_("No."), N_("Name"), N_("Organisation and function"), N_("Role"))]
    data: list[list[object]] = [head]
    for number, member in enumerate(ctx.view.members, start=1):
        person = member.person
        latin, native = ctx.latin_and_native(person)
        name = [strong(latin, STYLES.cell)]
        if native:
            name.append(para(esc(native), STYLES.cell))
        organisation = [para(ctx.markup(value, size=7.5), STYLES.cell) for value in (person.organisation, person.function) if not value.is_empty()]
        data.append([
            para(esc(formatting.integer(number, ctx.lang.locale)), STYLES.cell_head),
            name,
            organisation or "",
            para(esc(ctx.role(member.role)), STYLES.cell),
        ])
    table = ruled_table(data, widths)
    return [*ctx.section_heading(N_("Delegation")), Spacer(1, 3 * mm), table]


# --- venues ---------------------------------------------------------------------------------


def venue_cards(ctx: Context, venues: tuple[VenueData, ...]) -> list[Flowable]:
    """Each venue with its address (also for the driver), contacts and a QR code for the map."""
    if not venues:
        return []
    story: list[Flowable] = [*ctx.section_heading(N_("Venues and contacts")), Spacer(1, 3 * mm)]
    for index, venue in enumerate(venues):
        card = _venue_card(ctx, venue)
        story.append(KeepTogether([card] if index == 0 else [rule(thickness=0.3, before=0, after=3 * mm), card]))
    return story


def place_line(ctx: Context, venue: VenueData) -> str:
    """Address, city and country on one line, the city left out where the address already names it."""
    address = venue_address(ctx, venue)
    city = ctx.text(venue.city)
    city = "" if city and city.casefold() in address.casefold() else city
    country = formatting.country_name(venue.country, ctx.lang.locale)
    if is_cjk(address or city):  # written the Chinese way: largest unit first, no separators (中国广东省深圳市…)
        return "".join(p for p in (country if country not in address else "", city, address) if p)
    return ", ".join(p for p in (address, city, country) if p)  # a Latin address keeps its own order and commas


def _venue_card(ctx: Context, venue: VenueData) -> Flowable:
    text_width = ctx.width - QR_SIZE - GUTTER
    info: list[Flowable] = [strong(ctx.text(venue.name), STYLES.item_title)]
    second = ctx.second_text(venue.name)
    if second:
        info.append(para(esc(second), STYLES.item_second))
    place = place_line(ctx, venue)
    if place:
        info.append(para(esc(place), STYLES.small))
    rows: list[tuple[str, str, bool]] = []
    driver = for_the_driver(ctx, venue)
    if driver:
        rows.append((ctx.label(N_("For the driver")), driver, True))
    for contact in venue.contacts:
        parts = [contact.display, ctx.inline(contact.function), contact.phone, contact.email]
        rows.append((ctx.label(N_("Contact")), esc(formatting.join_fields(parts, ctx.lang.locale)), False))
    if venue.website:
        rows.append((ctx.label(N_("Website")), esc(venue.website), False))
    if rows:
        info += [Spacer(1, 1.5 * mm), *detail_rows(rows, text_width)]
    url = map_url(venue)
    side: list[Flowable] = []
    if url:
        side = [QrCode(url, QR_SIZE), para(esc(ctx.label(N_("Map"))), STYLES.label)]
    return Columns([Cell(text_width + GUTTER, info, padding=(0, GUTTER, 0, 0)), Cell(QR_SIZE, side)], space_after=4 * mm)


# --- emergency ------------------------------------------------------------------------------


def emergency_page(ctx: Context, hotels: tuple[VenueData, ...]) -> list[Flowable]:
    """Numbers to call and the people and places to turn to: no blanks to fill in, only what is known."""
    view = ctx.view
    story: list[Flowable] = [*ctx.section_heading(N_("Emergencies and contacts")), Spacer(1, 4 * mm)]
    countries = [view.trip.destination_country] if view.trip.destination_country else []
    for venue in view.venues_of(view.items):
        if venue.country and venue.country not in countries:
            countries.append(venue.country)
    for country in countries or [""]:
        story += _numbers(ctx, country)
    people = [*view.heads, *view.staff]
    rows: list[tuple[str, str]] = []
    organiser = ctx.text(view.trip.organiser)
    if organiser:
        rows.append((ctx.label(N_("Organiser")), ctx.markup(view.trip.organiser, size=9)))
    for member in people:
        rows.append((ctx.role(member.role), esc(ctx.name(member.person))))
    if rows:
        story += [Spacer(1, 2 * mm), _subheading(ctx, N_("Delegation leadership and staff")), Spacer(1, 1.5 * mm), *facts_rows(ctx, rows)]
    if hotels:
        story += [Spacer(1, 5 * mm), _subheading(ctx, N_("Accommodation"))]
        for hotel in hotels:
            story.append(_hotel(ctx, hotel))
    return story


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


def _hotel(ctx: Context, hotel: VenueData) -> Flowable:
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
            rows.append((ctx.label(N_("Telephone")), esc(f"{contact.phone} ({contact.display})"), False))
    if rows:
        lines += [Spacer(1, 1 * mm), *detail_rows(rows, ctx.width)]
    return KeepTogether([*lines, Spacer(1, 4 * mm)])
