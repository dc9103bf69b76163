"""Small building blocks shared by the documents: paragraphs that wrap Chinese, emphasis, rules."""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape, unescape

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from planner.domain.names import is_cjk
from planner.export.pdf.fonts import register_fonts
from planner.export.pdf.styles import RULE, cjk

#: Outline width of Strong text, as a share of the font size: just enough to read as semibold.
_STRONG_OUTLINE = 0.028


def esc(text: str) -> str:
    """Plain text made safe for reportlab's paragraph markup; line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def para(markup: str, style: ParagraphStyle) -> Flowable:
    """A paragraph that breaks lines between Chinese characters when it holds any.

    Plain text (no tags but line breaks) becomes a Line, drawn line by line where the lines fit.
    """
    chosen = cjk(style) if is_cjk(markup) else style
    if _is_plain(markup, chosen):
        return Line(markup, chosen)
    return Paragraph(markup, chosen)


def text(value: str, style: ParagraphStyle) -> Flowable:
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


def strong(value: str, style: ParagraphStyle) -> Flowable:
    markup = esc(value)
    chosen = cjk(style) if is_cjk(value) else style
    if _is_plain(markup, chosen):
        return Line(markup, chosen, outline=True)
    return Strong(markup, chosen)


def _is_plain(markup: str, style: ParagraphStyle) -> bool:
    """Text without tags but line breaks, in a style a Line draws exactly as a Paragraph would: left-aligned,
    no indents, no frame."""
    return (
        "<" not in markup.replace(_BREAK, "")
        and style.alignment == TA_LEFT
        and not (style.leftIndent or style.rightIndent or style.firstLineIndent)
        and not (style.backColor or style.borderWidth or getattr(style, "bulletText", None) or style.textTransform)
    )


_BREAK = "<br/>"


@lru_cache(maxsize=16384)
def _width(text: str, font: str, size: float) -> float:
    """The width of a line of text; the same labels, names and times recur in every document of a batch."""
    return stringWidth(text, font, size)


class Line(Flowable):
    """Plain text in a paragraph style, drawn line by line where each line fits; otherwise it is a Paragraph.

    Most of what a document prints is short plain text: labels, times, names,
    phone numbers, an address for the driver in two lines. A Paragraph parses
    its markup, breaks it into lines and draws it through lists of fragments;
    for lines that fit, all that gives one line of text per given line, at the
    paragraph's baselines, so a Line measures its lines once and draws them
    itself. A text too wide for the space it gets is handed to a Paragraph,
    which wraps, splits and draws it.
    """

    def __init__(self, markup: str, style: ParagraphStyle, *, outline: bool = False) -> None:
        super().__init__()
        self.markup = markup
        self.style = style
        self.outline = outline
        # As a Paragraph reads them: entities resolved, runs of white space one space, none at the ends.
        self.lines = [" ".join(unescape(part).split()) for part in markup.split(_BREAK)]
        self.text = "\n".join(self.lines)
        self.text_width = max(_width(line, style.fontName, style.fontSize) for line in self.lines)
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self._paragraph: Paragraph | None = None
        self._wrapped: Paragraph | None = None  # the paragraph while the text does not fit

    def paragraph(self) -> Paragraph:
        if self._paragraph is None:
            self._paragraph = (Strong if self.outline else Paragraph)(self.markup, self.style)
        return self._paragraph

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.text_width <= available_width or not self.text.strip():
            self._wrapped = None
            self.width = available_width
            self.height = self.style.leading * len(self.lines) if self.text.strip() else 0
            return self.width, self.height
        self._wrapped = self.paragraph()
        self.width, self.height = self._wrapped.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.text_width <= available_width and len(self.lines) == 1:
            return []
        return self.paragraph().split(available_width, available_height)  # type: ignore[no-any-return]

    def minWidth(self) -> float:  # noqa: N802 - reportlab's name
        return self.paragraph().minWidth()  # type: ignore[no-any-return]

    def getPlainText(self) -> str:  # noqa: N802 - reportlab's name
        return self.text

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - reportlab's names
        """Drawn straight at (x, y): a Flowable would first save the state and move the origin, for a line or two."""
        if self._wrapped is not None:
            self._wrapped.drawOn(canvas, x, y, _sW)
            return
        if not self.height:
            return
        style = self.style
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        if self.outline:
            canvas.setStrokeColor(style.textColor)
            canvas.setLineWidth(style.fontSize * _STRONG_OUTLINE)
        text = canvas.beginText(self._hAlignAdjust(x, _sW), y + self.height - style.fontSize)  # a Paragraph's first baseline
        text.setFont(style.fontName, style.fontSize, style.leading)
        if self.outline:
            text.setTextRenderMode(2)
        for line in self.lines:
            text.textLine(line)  # then down by the leading, as a Paragraph's lines go
        canvas.drawText(text)
        canvas.restoreState()

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


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


def ruled_table(rows: list[list[object]], widths: list[float], *, gap: float = 3 * mm, compact: bool = False) -> Table:
    """A list table as every document prints one: a rule under the heading row, thin rules between rows.

    `gap` is the space right of each cell; `compact` tightens the rows for long lists.
    """
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), gap),
        ("TOPPADDING", (0, 0), (-1, -1), 3 if compact else 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4 if compact else 5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.7, RULE),
        ("LINEBELOW", (0, 1), (-1, -2), 0.3, RULE),
    ))
    table.hAlign = "LEFT"
    return table
