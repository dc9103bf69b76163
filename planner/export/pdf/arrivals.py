"""The arrivals list as PDF, for the hosts: a table per day in time order, each time on its own clock."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from planner import formatting
from planner.domain.enums import Language
from planner.export.arrivals import ARRIVALS_LIST, ARRIVES, DEPARTS, TERMINAL, ArrivalLine, arrival_lines, clock
from planner.export.language import DocumentLanguage
from planner.export.pdf.flowables import esc, para, strong
from planner.export.pdf.context import Context
from planner.export.pdf.layout import Paper
from planner.export.pdf.programme import list_document, list_table
from planner.export.pdf.styles import STYLES
from planner.export.tripview import TripView
from planner.i18n import N_

NO_ARRIVALS = N_("No individual arrivals or departures and no journeys of the delegation are entered for this trip.")
COLUMNS = (N_("Time"), N_("Who"), N_("Flight or train"), N_("Met by"))


def arrivals_document(view: TripView, *, language: Language | str = Language.EN, paper_size: Paper | str = Paper.A4,
                      issued: date | None = None) -> bytes:
    return list_document(view, language, paper_size, issued, ARRIVALS_LIST, 3, NO_ARRIVALS, arrival_lines, _days)


def _days(ctx: Context, lines: Sequence[ArrivalLine]) -> list[Flowable]:
    """A table per day, each under its date; a long day splits, its header repeated."""
    days: dict[date, list[ArrivalLine]] = {}
    for line in lines:
        days.setdefault(line.at.date(), []).append(line)
    story: list[Flowable] = []
    for day, day_lines in days.items():
        heading = strong(formatting.full_date(day, ctx.lang.locale), STYLES.day)
        table = list_table(ctx, COLUMNS, (30 * mm, None, 52 * mm, 46 * mm), [_row(line, ctx.lang, day) for line in day_lines])
        story += [KeepTogether([heading, Spacer(1, 1.5 * mm), table]), Spacer(1, 5 * mm)]
    return story


def _row(line: ArrivalLine, lang: DocumentLanguage, day: date) -> list[object]:
    when = [strong(formatting.time_of_day(line.at, lang.locale), STYLES.time),
            para(esc(formatting.gmt_offset(line.at.tzinfo, line.at, lang.locale)), STYLES.label)]  # type: ignore[arg-type]
    who = [strong(f"{line.rank}. {line.who}" if line.rank is not None else line.who, STYLES.cell)]
    if line.function:
        who.append(para(esc(line.function), STYLES.label))
    who.append(para(esc(line.direction), STYLES.label))
    journey = [strong(line.number, STYLES.cell)]
    route = " → ".join(p for p in (line.origin, line.destination) if p)
    if route:
        journey.append(para(esc(route), STYLES.label))
    times = []
    if line.departure is not None:
        times.append(lang.t(DEPARTS, time=clock(line.departure, lang, day_of=day)))
    if line.arrival is not None:
        times.append(lang.t(ARRIVES, time=clock(line.arrival, lang, day_of=day)))
    if times:
        journey.append(para(esc(" · ".join(times)), STYLES.label))
    if line.terminal:
        journey.append(para(esc(lang.t(TERMINAL, terminal=line.terminal)), STYLES.label))
    met = [para(esc(line.met_by or "–"), STYLES.cell)]
    if line.vehicle:
        met.append(para(esc(line.vehicle), STYLES.label))
    if line.notes:
        met.append(para(esc(line.notes), STYLES.label))
    return [when, who, journey, met]
