"""Day by day: a date heading, then each item with its time on the left and its particulars on the right.

Times are the local wall-clock time of the place. Where an item lies in
another zone than the trip, or ends in another zone (a flight), the zones are
named, so nobody misreads a departure in Frankfurt for Shenzhen time.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from planner import formatting
from planner.domain.checks.needs import NeedCount, summarise_needs
from planner.domain.checks.needs_vocabulary import variant_for
from planner.domain.entities import ItemData, PersonData, VenueData
from planner.domain.enums import ItemKind
from planner.domain.names import is_cjk
from planner.export.language import country_language
from planner.export.places import address_for
from planner.export.places import for_the_driver as local_lines
from planner.export.pdf.columns import Cell, Columns
from planner.export.pdf.context import LABEL_SEPARATOR, Context
from planner.export.pdf.flowables import Separator, esc, para, strong
from planner.export.pdf.styles import GUTTER, INK, STYLES, TIME_COLUMN, TINT
from planner.export.tripview import Day
from planner.export.manifest import vehicle_for, vehicle_name
from planner.i18n import N_

#: Width of the label column beside the address for the driver.
LABEL_COLUMN = 22 * mm
#: Items lower than this move to the next page whole; longer ones continue over a page break
#: (a higher limit left half-empty pages before every long item).
KEEP_WHOLE = 25 * mm

_NO_ITEMS = N_("No programme items on this day.")
EVERYONE_EXCEPT = N_("Everyone except {names}")


def day_section(ctx: Context, day: Day, *, first: bool, needs: bool) -> list[Flowable]:
    """One day: a subtle rule (not before the first day), the date, its items. `needs`: show the meal summary for the host."""
    heading: list[Flowable] = []
    if not first:
        heading.append(Separator(above=1.5 * mm, below=2.5 * mm))
    heading.append(strong(ctx.full_date(day.day), STYLES.day))
    if ctx.second is not None:
        heading.append(para(esc(formatting.full_date(day.day, ctx.second.locale)), STYLES.day_second))
    heading.append(Spacer(1, 1.4 * mm))
    if not day.items:
        return [KeepTogether([*heading, para(esc(ctx.label(_NO_ITEMS)), STYLES.small)])]
    blocks = [item_block(ctx, item, needs=needs) for item in day.items]
    # The date stays on the page of its first item.
    return [KeepTogether([*heading, blocks[0]]), *blocks[1:]]


def item_block(ctx: Context, item: ItemData, *, needs: bool) -> Flowable:
    content_width = ctx.width - TIME_COLUMN
    content: list[Flowable] = [strong(ctx.text(item.title), STYLES.item_title)]
    second = ctx.second_text(item.title)
    if second:
        content.append(para(esc(second), STYLES.item_second))
    venue = ctx.view.venue(item)
    if venue is not None:
        content += _venue_lines(ctx, venue)
    if not item.description.is_empty():
        content += [Spacer(1, 0.8 * mm), para(esc(ctx.text(item.description)), STYLES.body)]
        second_description = ctx.second_text(item.description)
        if second_description:  # smaller and closer set than the first language's, as on the rest of the page
            content.append(para(esc(second_description), STYLES.second))
    rows = _details(ctx, item, venue, needs=needs)
    if rows:
        content += [Spacer(1, 0.8 * mm), *detail_rows(rows, content_width)]
    return Columns(
        [Cell(TIME_COLUMN, _time_cell(ctx, item), padding=(0, GUTTER, 0, 0)), Cell(content_width, content)],
        space_after=3 * mm, split_by=1, keep_below=KEEP_WHOLE,
    )


def detail_rows(rows: list[tuple[str, str, bool]], width: float) -> list[Flowable]:
    """Label and value rows; a row flagged True is set larger on a tint (the address for the driver).

    An ordinary row is one paragraph with its label run in, in grey: a label column
    beside every value took a line of its own for bilingual labels and half the page's
    height over a trip. The driver's address keeps its column, to be shown at a glance.
    """
    flowables: list[Flowable] = []
    for label, value, big in rows:
        if big:
            # A bilingual label gets a line per language: the narrow column would otherwise break
            # "参加人员 / Participants" inside the English word (CJK wrapping breaks anywhere).
            markup = "<br/>".join(esc(part) for part in label.split(LABEL_SEPARATOR))
            label_cell = Cell(LABEL_COLUMN, [para(markup, STYLES.label)], padding=(0, 2 * mm, 2, 0))
            value_cell = Cell(width - LABEL_COLUMN, [para(value, STYLES.local)], padding=(2 * mm, 2 * mm, 1.5, 2.5), background=TINT)
            flowables.append(Columns([label_cell, value_cell], space_after=2))
        else:
            # A Chinese label ends in a full-width colon (网站：…): the en space after a Latin label would be lost there.
            gap = "：" if is_cjk(label[-1:]) else "\u2002"
            flowables.append(para(f'<font size="{STYLES.label.fontSize}">{esc(label)}{gap}</font><font color="{INK.hexval()}">{value}</font>', STYLES.detail))
    return flowables


# --- time ---------------------------------------------------------------------------------


def _time_cell(ctx: Context, item: ItemData) -> list[Flowable]:
    loc = ctx.lang.locale
    start, end = item.local_start(), item.local_end()
    crosses = item.arrival_timezone != item.timezone
    abroad = item.timezone != ctx.view.trip.timezone
    if not crosses and start.date() == end.date():
        cell = [para(esc(formatting.time_range(start, end, loc)), STYLES.time)]
        if abroad:
            cell.append(para(esc(formatting.gmt_offset(item.timezone, start, loc)), STYLES.time_note))
        return cell
    start_note = formatting.gmt_offset(item.timezone, start, loc) if crosses or abroad else ""
    end_notes = []
    if crosses or item.arrival_timezone != ctx.view.trip.timezone:
        end_notes.append(formatting.gmt_offset(item.arrival_timezone, end, loc))
    if end.date() != start.date():
        end_notes.append(formatting.day_heading(end.date(), loc))
    cell = [para(esc(formatting.time_of_day(start, loc) + " –"), STYLES.time)]
    if start_note:
        cell.append(para(esc(start_note), STYLES.time_note))
    cell.append(para(esc(formatting.time_of_day(end, loc)), STYLES.time))
    if end_notes:
        cell.append(para(esc(" · ".join(end_notes)), STYLES.time_note))
    return cell


def _zones(ctx: Context, item: ItemData) -> str:
    """The zone(s) in words, where the item is not simply in the trip's zone."""
    loc = ctx.lang.locale
    start, end = item.local_start(), item.local_end()
    if item.arrival_timezone == item.timezone:
        if item.timezone == ctx.view.trip.timezone:
            return ""
        return formatting.zone_name(item.timezone, start, loc)
    arrival = formatting.local_time_with_zone(end, item.arrival_timezone, loc)
    if end.date() != start.date():
        arrival = on_day(end.date(), arrival, loc)
    return f"{formatting.local_time_with_zone(start, item.timezone, loc)} → {arrival}"


def on_day(day: date, clock: str, locale: str) -> str:
    """A weekday and date joined with a time the locale's way: "Mo., 24. Okt., 06:30", "10月24日周一 06:30"."""
    glue = str(formatting.babel_locale(locale).datetime_formats["medium"])
    return glue.replace("{1}", formatting.day_heading(day, locale)).replace("{0}", clock)


# --- place and particulars ------------------------------------------------------------------


def _venue_lines(ctx: Context, venue: VenueData) -> list[Flowable]:
    driver_reads_second = ctx.second is not None and ctx.second.language is country_language(venue.country)
    # The local name is in the box for the driver anyway when the second language is the country's.
    name = esc(ctx.text(venue.name)) if driver_reads_second and for_the_driver(ctx, venue) else ctx.markup(venue.name)
    # The address runs in after the name, in grey: one line less per item. Where the driver's line follows
    # (name and address in the local script), the romanised address is left to the venue list.
    address = "" if for_the_driver(ctx, venue) else venue_address(ctx, venue)
    if address:
        name += f'<font size="{STYLES.small.fontSize}" color="{STYLES.small.textColor.hexval()}"> · {esc(address)}</font>'
    return [para(name, STYLES.body)]


def venue_address(ctx: Context, venue: VenueData) -> str:
    return address_for(ctx.lang, venue)


def for_the_driver(ctx: Context, venue: VenueData, separator: str = "<br/>") -> str:
    """Markup with the venue's name and address in the local script, for a taxi driver; "" if the reader reads it anyway."""
    return separator.join(esc(part) for part in local_lines(ctx.lang, venue))


def _details(ctx: Context, item: ItemData, venue: VenueData | None, *, needs: bool) -> list[tuple[str, str, bool]]:
    rows: list[tuple[str, str, bool]] = []
    zones = _zones(ctx, item)
    if zones:
        rows.append((ctx.label(N_("Local time")), esc(zones), False))
    if venue is not None:
        driver = for_the_driver(ctx, venue, separator=" · ")
        if driver:  # on one run-in line here; the venue list and the taxi cards have it boxed and large
            rows.append((ctx.label(N_("For the driver")), f'<font size="{STYLES.local.fontSize - 0.6}">{driver}</font>', False))
    host = ctx.view.host(item)
    if host is not None:
        parts = [ctx.contact_name(host), ctx.inline(host.function), host.phone]
        rows.append((ctx.label(N_("Host contact")), esc(formatting.join_fields(parts, ctx.lang.locale)), False))
    if not item.transport.is_empty():
        rows.append((ctx.label(N_("Transport")), ctx.markup(item.transport, size=7.5), False))
    if ctx.reader is not None:
        vehicle = vehicle_for(ctx.view, item, ctx.reader)
        if vehicle is not None:  # the reader's own seat, from the Logistics page
            parts = [vehicle_name(vehicle, ctx.lang.t), vehicle.plate, vehicle.driver_name, vehicle.driver_phone]
            rows.append((ctx.label(N_("Your vehicle")), esc(formatting.join_fields(parts, ctx.lang.locale)), False))
    if not item.dress_code.is_empty():
        rows.append((ctx.label(N_("Dress code")), esc(ctx.inline(item.dress_code)), False))
    attendees = ctx.view.attendees(item)
    who = participants(ctx, item)
    if who:
        rows.append((ctx.label(N_("Participants")), esc(who), False))
    if item.kind is ItemKind.MEAL:
        if needs:
            rows += _needs_rows(ctx, [m.person for m in attendees])
        elif ctx.reader is not None:
            rows += _own_needs_rows(ctx)
    return rows


def participants(ctx: Context, item: ItemData) -> str:
    """Who takes part where not everyone does: the names, or "everyone except …" when that is shorter."""
    if item.everyone:
        return ""
    attendees = ctx.view.attendees(item)
    absent = ctx.view.absent(item)
    if not absent:
        return ""  # everyone ticked one by one
    if len(absent) < len(attendees):
        return ctx.lang.t(EVERYONE_EXCEPT, names=ctx.join([ctx.name(m.person, honorific=False) for m in absent]))
    return ctx.join([ctx.name(m.person, honorific=False) for m in attendees])


def _counts(ctx: Context, counts: tuple[NeedCount, ...]) -> str:
    return ctx.join([ctx.lang.t(N_("{count} {need}"), count=formatting.integer(n.count, ctx.lang.locale), need=n.label(ctx.lang.t)) for n in counts])


def _needs_rows(ctx: Context, people: list[PersonData]) -> list[tuple[str, str, bool]]:
    """For the host and the kitchen: how many guests, and how many of them need what (no names)."""
    summary = summarise_needs(people, ctx.lang.language.value)
    rows = [(ctx.label(N_("Number of guests")), esc(formatting.integer(summary.attendees, ctx.lang.locale)), False)]
    if summary.dietary:
        rows.append((ctx.label(N_("Dietary requirements")), esc(_counts(ctx, summary.dietary)), False))
    if summary.accessibility:
        rows.append((ctx.label(N_("Accessibility")), esc(_counts(ctx, summary.accessibility)), False))
    return rows


def _own_needs_rows(ctx: Context) -> list[tuple[str, str, bool]]:
    """In a personal itinerary: the reader's own needs only, as a reminder at each meal."""
    assert ctx.reader is not None
    person = ctx.view.member(ctx.reader).person
    if not person.dietary_needs:
        return []
    own = variant_for(person.dietary_needs, ctx.lang.language.value)
    return [(ctx.label(N_("Your dietary requirements")), esc(own), False)]
