"""Small building blocks shared by the documents: paragraphs that wrap Chinese, emphasis, rules."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, TableStyle
from reportlab.platypus.flowables import HRFlowable

from planner.domain.names import is_cjk
from planner.export.pdf.fonts import register_fonts
from planner.export.pdf.styles import RULE, cjk

#: Outline width of Strong text, as a share of the font size: just enough to read as semibold.
_STRONG_OUTLINE = 0.028


def esc(text: str) -> str:
    """Plain text made safe for reportlab's paragraph markup; line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph that breaks lines between Chinese characters when it holds any."""
    return Paragraph(markup, cjk(style) if is_cjk(markup) else style)


def text(value: str, style: ParagraphStyle) -> Paragraph:
    return para(esc(value), style)


class Strong(Paragraph):
    """A paragraph drawn with fill and a hairline outline (PDF text render mode 2).

    The one bundled face has no bold cut; a faint outline in the text colour
    gives headings weight without a second font file in every document.
    """

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.style.textColor)
        canvas.setLineWidth(self.style.fontSize * _STRONG_OUTLINE)
        canvas._code.append("2 Tr")  # reportlab has no canvas-level setter; restoreState (Q) ends it
        super().draw()
        canvas.restoreState()


def strong(value: str, style: ParagraphStyle) -> Strong:
    markup = esc(value)
    return Strong(markup, cjk(style) if is_cjk(value) else style)


def rule(width: float | str = "100%", thickness: float = 0.5, color: object = RULE, before: float = 2, after: float = 2) -> Flowable:
    return HRFlowable(width=width, thickness=thickness, color=color, spaceBefore=before, spaceAfter=after, hAlign="LEFT")


class Separator(Flowable):
    """A hairline between sections that disappears at the top of a page, where nothing is above to separate."""

    def __init__(self, above: float, below: float, thickness: float = 0.6, color: object = RULE) -> None:
        super().__init__()
        self.above, self.below, self.thickness, self.color = above, below, thickness, color

    def _at_top(self) -> bool:
        frame = getattr(getattr(getattr(self, "canv", None), "_doctemplate", None), "frame", None)
        return bool(getattr(frame, "_atTop", False))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = 0 if self._at_top() else self.above + self.thickness + self.below
        return self.width, self.height

    def draw(self) -> None:
        if not self.height:
            return
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(self.thickness)
        y = self.below + self.thickness / 2
        canvas.line(0, y, self.width, y)
        canvas.restoreState()


def table_style(*commands: tuple[object, ...]) -> TableStyle:
    """A TableStyle whose cells default to the document font.

    reportlab's tables otherwise set Helvetica for every cell, even one holding
    only paragraphs, and that would put an unembedded font into each page.
    """
    return TableStyle([("FONT", (0, 0), (-1, -1), register_fonts(), 9), *commands])
