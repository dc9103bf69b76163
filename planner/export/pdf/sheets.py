"""Pages cut into fixed frames: cards, letters and plans that are laid out, not flowed like the programme.

The programme's pages (layout.render) are one text frame with a running
header and footer. Taxi cards need four frames on an A4 sheet (or one A6
page), a seating plan a landscape page; they share this small renderer,
which sets the same document font and metadata as every other document.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from planner.export.pdf.fonts import FONT, draw_string, register_fonts
from planner.export.pdf.layout import HeldPagesCanvas, Metadata
from planner.export.pdf.styles import FAINT

PageHook = Callable[[Canvas, BaseDocTemplate], None]


def frame(x: float, y: float, width: float, height: float, name: str) -> Frame:
    """A frame without padding: the caller's measurements are the frame's."""
    return Frame(x, y, width, height, id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def footer(text: str, left: float, baseline: float, size: float) -> PageHook:
    """A page hook that prints `text` small and faint at (left, baseline) of every sheet: whose trip a loose sheet is."""

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(FAINT)
        draw_string(canvas, left, baseline, text, size)
        canvas.restoreState()

    return on_page


@dataclass(frozen=True, slots=True)
class PageNumbers:
    """"Page 2 of 5", small and right-aligned at (right, baseline) of every sheet: a loose sheet finds its place."""

    label: Callable[[int, int], str]  # (page, pages) -> "Page 2 of 5"
    right: float
    baseline: float
    size: float = 6.5

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(FAINT)
        draw_string(canvas, self.right, self.baseline, self.label(page, pages), self.size, align="right")
        canvas.restoreState()


def render_sheets(
    story: list[Flowable], *, page_size: tuple[float, float], frames: list[Frame], metadata: Metadata,
    on_page: PageHook | None = None, numbers: PageNumbers | None = None,
) -> bytes:
    """The PDF of `story` laid into `frames` page after page (a FrameBreak moves to the next frame), each page
    numbered when `numbers` says where."""
    register_fonts()
    rl_config.useA85 = 0  # binary streams, as layout.render writes them
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=page_size, leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0,
        title=metadata.title, author=metadata.author, subject=metadata.subject, creator=metadata.creator,
        producer="Delegation Planner (ReportLab)", lang=metadata.language_tag, initialFontName=FONT, initialFontSize=9,
    )
    hook = on_page if on_page is not None else _nothing
    doc.addPageTemplates([PageTemplate(id="sheet", frames=frames, onPage=hook, pagesize=page_size)])
    if numbers is None:
        doc.build(story)
    else:
        doc.build(story, canvasmaker=partial(HeldPagesCanvas, decoration=numbers))
    return buffer.getvalue()


def _nothing(canvas: Canvas, doc: BaseDocTemplate) -> None:
    return None
