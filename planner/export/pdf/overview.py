"""The overview table a programme opens with (the 日程安排 of real programmes): one line per item.

Date, time, activity, venue and who hosts or accompanies, so a reader sees the
whole trip at a glance before the detailed day pages. The date is printed only
on a day's first row; the table's heading row repeats if it runs over a page.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from planner import formatting
from planner.domain.entities import ItemData
from planner.export.pdf.context import Context
from planner.export.pdf.flowables import esc, para, ruled_table
from planner.export.pdf.styles import STYLES
from planner.export.tripview import Day
from planner.i18n import N_

OVERVIEW = N_("Programme at a glance")
COLUMNS = (N_("Date"), N_("Time"), N_("Activity"), N_("Venue"), N_("Host"))


def overview_table(ctx: Context, days: list[Day] | tuple[Day, ...]) -> list[Flowable]:
    """The heading and the table of `days` (only days with items); [] when there is nothing to list."""
    rows_of_days = [day for day in days if day.items]
    if not rows_of_days:
        return []
    style = STYLES.overview
    head_style = STYLES.cell_head
    date_width = _date_width(ctx, rows_of_days)
    time_width = max(
        (stringWidth(_time(ctx, item), style.fontName, style.fontSize) for day in rows_of_days for item in day.items), default=0
    ) + 2.5 * mm
    host_width = 0.2 * ctx.width
    rest = ctx.width - date_width - time_width - host_width
    widths = [date_width, time_width, rest * 0.56, rest * 0.44, host_width]
    data: list[list[object]] = [[para(_head(ctx, label), head_style) for label in COLUMNS]]
    for day in rows_of_days:
        for index, item in enumerate(day.items):
            data.append([
                para(esc(_day(ctx, day)), style) if index == 0 else "",
                para(esc(_time(ctx, item)), style),
                para(_title(ctx, item), style),
                para(esc(_venue(ctx, item)), style),
                para(esc(_host(ctx, item)), style),
            ])
    table = ruled_table(data, widths, gap=2 * mm, compact=True)
    # Tighter rows than a list of people: the table is meant to fit on the first page.
    table.setStyle([("TOPPADDING", (0, 0), (-1, -1), 1.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2)])
    return [*ctx.section_heading(OVERVIEW), Spacer(1, 1 * mm), table]


def _head(ctx: Context, msgid: str) -> str:
    return "<br/>".join(esc(lang.t(msgid)) for lang in ctx.languages if lang is ctx.lang or lang.t(msgid) != ctx.lang.t(msgid))


def _day(ctx: Context, day: Day) -> str:
    return formatting.day_heading(day.day, ctx.lang.locale)


def _date_width(ctx: Context, days: list[Day]) -> float:
    style = STYLES.overview
    widest = max(stringWidth(_day(ctx, day), style.fontName, style.fontSize) for day in days)
    return min(widest + 2.5 * mm, 30 * mm)


def _time(ctx: Context, item: ItemData) -> str:
    """Start and end in local time; a start only where the item ends on another day or in another zone (a flight)."""
    start, end = item.local_start(), item.local_end()
    if item.arrival_timezone != item.timezone or start.date() != end.date():
        return formatting.time_of_day(start, ctx.lang.locale)
    return formatting.time_range(start, end, ctx.lang.locale)


def _title(ctx: Context, item: ItemData) -> str:
    """The title in the first language only: the table is to fit on one page, and the days give both."""
    return esc(ctx.text(item.title))


def _venue(ctx: Context, item: ItemData) -> str:
    venue = ctx.view.venue(item)
    return ctx.text(venue.name) if venue is not None else ""


def _host(ctx: Context, item: ItemData) -> str:
    """The host's name only: the function is on the day pages, and in a narrow column it would break inside words."""
    host = ctx.view.host(item)
    return ctx.contact_name(host) if host is not None else ""
