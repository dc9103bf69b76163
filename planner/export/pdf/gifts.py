"""The gift register as PDF, for the compliance office: every gift in programme order, then the totals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from planner import formatting
from planner.domain.enums import GiftDirection, Language
from planner.export.gift_list import DIRECTIONS, GIFT_REGISTER, GiftLine, gift_lines, totals
from planner.export.pdf.flowables import esc, para, strong
from planner.export.pdf.context import Context
from planner.export.pdf.layout import Paper
from planner.export.pdf.programme import list_document, list_table
from planner.export.pdf.styles import STYLES
from planner.export.tripview import TripView
from planner.i18n import N_

NO_GIFTS = N_("No gifts are recorded for this trip.")
TOTALS = N_("Totals of the estimated values")
TOTAL_LINE = N_("{direction}: {amount}")
COLUMNS = (N_("Date"), N_("Gift"), N_("From"), N_("To"), N_("Estimated value"))


def gifts_document(view: TripView, *, language: Language | str = Language.EN, paper_size: Paper | str = Paper.A4,
                   issued: date | None = None) -> bytes:
    return list_document(view, language, paper_size, issued, GIFT_REGISTER, 2, NO_GIFTS, gift_lines, _register)


def _register(ctx: Context, lines: Sequence[GiftLine]) -> list[Flowable]:
    """Every gift in programme order, then the totals per direction and currency."""
    lang = ctx.lang
    story: list[Flowable] = []
    if lines:
        rows: list[list[object]] = []
        for line in lines:
            gift = [strong(line.description, STYLES.cell),
                    para(esc(f"{line.direction} · {lang.text(line.item.title)}"), STYLES.label)]
            if line.gift.notes:
                gift.append(para(esc(line.gift.notes), STYLES.label))
            value = formatting.money(line.gift.value, line.gift.currency, lang.locale) if line.gift.value is not None else "–"
            rows.append([
                para(esc(formatting.short_date(line.when.date(), lang.locale)), STYLES.cell), gift,
                para(esc(line.giver), STYLES.cell), para(esc(line.recipient), STYLES.cell), para(esc(value), STYLES.cell),
            ])
        story.append(list_table(ctx, COLUMNS, (22 * mm, None, 34 * mm, 34 * mm, 24 * mm), rows))
        sums = totals(lines)
        if sums:
            story += [Spacer(1, 6 * mm), strong(lang.t(TOTALS), STYLES.item_title), Spacer(1, 1.5 * mm)]
            for direction in GiftDirection:
                for (kind, currency), amount in sorted(sums.items()):
                    if kind is direction:
                        text = lang.t(TOTAL_LINE, direction=lang.t(DIRECTIONS[kind]), amount=formatting.money(amount, currency, lang.locale))
                        story.append(para(esc(text), STYLES.body))
    story.append(Spacer(1, 4 * mm))
    return story
