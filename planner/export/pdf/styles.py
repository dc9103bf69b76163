"""Colours, type sizes and paragraph styles: one calm, official look for every document.

One type family in a few sizes (Noto Sans for Latin, WenQuanYi Micro Hei for
Chinese, see fonts), dark blue for structure, grey for labels and secondary
text, hairline rules; headings are set larger and strong (Noto Sans Bold, the
Chinese face with a faint outline, see flowables).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from planner.export.pdf.fonts import FONT

INK = colors.HexColor("#1D2530")
ACCENT = colors.HexColor("#1F3A5F")
MUTED = colors.HexColor("#5E6A77")
FAINT = colors.HexColor("#8E99A5")
RULE = colors.HexColor("#C5CCD4")
TINT = colors.HexColor("#F1F3F6")

#: Width of the time column on day pages.
TIME_COLUMN = 27 * mm
#: Space between the time column and the text.
GUTTER = 3 * mm
QR_SIZE = 20 * mm


def _style(name: str, size: float, leading: float, color: colors.Color = INK, **extra: object) -> ParagraphStyle:
    extra.setdefault("alignment", TA_LEFT)
    return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=leading, textColor=color, **extra)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the documents; Line sets each script of their text in its face (see fonts)."""

    body: ParagraphStyle = _style("body", 8.6, 11.6)
    small: ParagraphStyle = _style("small", 7.8, 10.3, MUTED)
    label: ParagraphStyle = _style("label", 7.4, 10.4, MUTED)
    kicker: ParagraphStyle = _style("kicker", 8.6, 12, ACCENT)
    cover_title: ParagraphStyle = _style("cover_title", 23, 29, ACCENT)
    cover_second: ParagraphStyle = _style("cover_second", 14, 19, MUTED)
    cover_text: ParagraphStyle = _style("cover_text", 11, 15.5, INK)
    section: ParagraphStyle = _style("section", 15, 20, ACCENT, spaceAfter=2)
    day: ParagraphStyle = _style("day", 12.5, 16.5, ACCENT)
    day_second: ParagraphStyle = _style("day_second", 9.2, 12.5, MUTED)
    item_title: ParagraphStyle = _style("item_title", 9.8, 12.6, INK)
    item_second: ParagraphStyle = _style("item_second", 8.6, 11.2, MUTED)
    time: ParagraphStyle = _style("time", 8.8, 13.2, ACCENT)
    time_note: ParagraphStyle = _style("time_note", 7.4, 10, MUTED)
    local: ParagraphStyle = _style("local", 9.2, 13, INK)
    cell: ParagraphStyle = _style("cell", 8.8, 12.2)
    cell_head: ParagraphStyle = _style("cell_head", 7.6, 10.4, MUTED)
    emergency_number: ParagraphStyle = _style("emergency_number", 15, 18, ACCENT)
    second: ParagraphStyle = _style("second", 7.8, 10.2, MUTED)
    detail: ParagraphStyle = _style("detail", 7.9, 10.3, MUTED, spaceAfter=1)
    overview: ParagraphStyle = _style("overview", 7.8, 10.2)


STYLES = Styles()

