"""Pages: paper size, margins, header and footer with "page x of y", and the PDF's metadata.

Headers and footers are drawn when the document is saved, once the number of
pages is known. The canvas starts every page in the document font
(initialFontName), so reportlab never adds an unembedded Helvetica, and the
catalog carries the document language (/Lang) for screen readers and search.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Any, Protocol

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from planner.domain.errors import ValidationError
from planner.export.pdf.fonts import FONT, draw_string, register_fonts, text_width
from planner.export.pdf.styles import FAINT, MUTED, RULE
from planner.i18n import N_


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


PAGE_SIZES: dict[Paper, tuple[float, float]] = {Paper.A4: A4, Paper.LETTER: LETTER}

# Margins of a compact printout: a four-day itinerary fits on six pages, and still leaves
# room to hole-punch and to hold the page.
LEFT = 20 * mm
RIGHT = 17 * mm
TOP = 19 * mm
BOTTOM = 17 * mm
#: Header and footer lines sit this far from the paper's edge.
HEADER_AT = 11 * mm
FOOTER_AT = 9 * mm
HEADER_SIZE = 7.6


def paper(value: Paper | str) -> Paper:
    """The paper size named by `value` ("A4", "a4", "letter"); anything else is a clear error."""
    try:
        return Paper(str(value).strip().lower())
    except ValueError:
        raise ValidationError(N_("“{value}” is not a paper size; use A4 or Letter."), field="paper", value=value) from None


def content_width(size: Paper) -> float:
    return PAGE_SIZES[size][0] - LEFT - RIGHT


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    author: str
    subject: str
    language_tag: str
    creator: str = "Delegation Planner"


@dataclass(frozen=True, slots=True)
class Decoration:
    """What the running header and footer say; the first page (a cover) gets no header."""

    header_left: str
    header_right: str
    footer_left: str
    page_label: Callable[[int, int], str]  # (page, pages) -> "Page 2 of 7"

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        if page > 1:
            canvas.setFillColor(MUTED)
            draw_string(canvas, LEFT, height - HEADER_AT, _fit(self.header_left, (width - LEFT - RIGHT) * 0.62), HEADER_SIZE)
            draw_string(canvas, width - RIGHT, height - HEADER_AT, _fit(self.header_right, (width - LEFT - RIGHT) * 0.36), HEADER_SIZE,
                        align="right")
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.4)
            canvas.line(LEFT, height - HEADER_AT - 2.6 * mm, width - RIGHT, height - HEADER_AT - 2.6 * mm)
        label = self.page_label(page, pages)
        # The footer's left part gets the whole line but the page label and a gap: it is cut only when it does not fit.
        room = width - LEFT - RIGHT - text_width(label, HEADER_SIZE) - 6 * mm
        canvas.setFillColor(FAINT)
        draw_string(canvas, LEFT, FOOTER_AT, _fit(self.footer_left, room), HEADER_SIZE)
        canvas.setFillColor(MUTED)
        draw_string(canvas, width - RIGHT, FOOTER_AT, label, HEADER_SIZE, align="right")
        canvas.restoreState()


def _fit(text: str, width: float) -> str:
    """`text` shortened with an ellipsis so a long trip title never runs into the other header field."""
    if text_width(text, HEADER_SIZE) <= width:
        return text
    while text and text_width(text + "…", HEADER_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class PageDecoration(Protocol):
    """What is drawn on each page once the number of pages is known (a Decoration, sheets' PageNumbers)."""

    def draw(self, canvas: Canvas, page: int, pages: int) -> None: ...


class HeldPagesCanvas(Canvas):
    """A canvas that holds its pages back until the end, to print "page x of y" on each."""

    def __init__(self, *args: Any, decoration: PageDecoration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decoration = decoration
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._decoration.draw(self, number, pages)
            super().showPage()
        super().save()


def render(story: list[Flowable], *, decoration: Decoration, metadata: Metadata, size: Paper) -> bytes:
    """The finished PDF of `story` as bytes."""
    register_fonts()
    # Binary streams: smaller files, and no ASCII85 encoding pass (a third of the save time).
    rl_config.useA85 = 0
    buffer = io.BytesIO()
    page_size = PAGE_SIZES[size]
    doc = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
        title=metadata.title, author=metadata.author, subject=metadata.subject, creator=metadata.creator,
        producer="Delegation Planner (ReportLab)", lang=metadata.language_tag,
        initialFontName=FONT, initialFontSize=9,
    )
    frame = Frame(LEFT, BOTTOM, page_size[0] - LEFT - RIGHT, page_size[1] - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=partial(HeldPagesCanvas, decoration=decoration))
    return buffer.getvalue()
