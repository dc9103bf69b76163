"""Small building blocks shared by the documents: paragraphs set per script and broken as the languages require, emphasis, rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape, unescape

from reportlab.lib.colors import Color, toColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from planner.export.pdf.fonts import FONT, LATIN, LATIN_BOLD, cjk_flags, register_fonts, text_width
from planner.export.pdf.linebreak import break_opportunities, fill
from planner.export.pdf.styles import RULE
from planner.export.pdf.textops import writer

#: Outline width of Strong text, as a share of the font size: just enough to read as semibold.
_STRONG_OUTLINE = 0.028


def esc(text: str) -> str:
    """Plain text made safe for reportlab's paragraph markup; line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def para(markup: str, style: ParagraphStyle) -> Flowable:
    """A paragraph set per script and broken into lines as the languages require (see Line)."""
    if _is_plain(markup, style):
        return Line(markup, style)
    return Paragraph(markup, style)


def text(value: str, style: ParagraphStyle) -> Flowable:
    return para(esc(value), style)


class Strong(Paragraph):
    """A paragraph drawn with fill and a hairline outline (PDF text render mode 2).

    The CJK face has no bold cut: a faint outline in the text colour gives
    headings weight. Line draws its strong text this way for Chinese and in
    the Latin face's bold cut for the rest; this class is for markup Line
    does not read.
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
    if _is_plain(markup, style):
        return Line(markup, style, outline=True)
    return Strong(markup, style)


def _is_plain(markup: str, style: ParagraphStyle) -> bool:
    """Markup a Line reads (line breaks, <b>, <font> with a size or colour), in a style it draws as a Paragraph
    would: left-aligned, no indents, no frame."""
    return (
        _hard_lines(markup) is not None
        and style.alignment == TA_LEFT
        and not (style.leftIndent or style.rightIndent or style.firstLineIndent)
        and not (style.backColor or style.borderWidth or getattr(style, "bulletText", None) or style.textTransform)
    )


_TAG = re.compile(r"<(/?)(\w+)((?:\s+\w+\s*=\s*\"[^\"]*\")*)\s*(/?)>")
_ATTRIBUTE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True, slots=True)
class _Span:
    """Characters start..end of a line in one size and colour (None: the style's)."""

    start: int
    end: int
    size: float | None = None
    color: Color | None = None
    bold: bool = False


@dataclass(frozen=True, slots=True)
class _HardLine:
    """One line of the markup (between <br/>s): its text, white space as a Paragraph reads it, and its spans."""

    text: str
    spans: tuple[_Span, ...]

    def cut(self, start: int, end: int) -> _HardLine:
        spans = tuple(_Span(max(s.start, start) - start, min(s.end, end) - start, s.size, s.color, s.bold)
                      for s in self.spans if s.start < end and s.end > start)
        return _HardLine(self.text[start:end], spans)


@lru_cache(maxsize=16384)
def _hard_lines(markup: str) -> tuple[_HardLine, ...] | None:
    """The lines of `markup` with their spans; None for markup with other tags than <br/>, <b> and <font size color>."""
    if "<" not in markup:
        return (_plain_line(unescape(markup)),)
    lines: list[_HardLine] = []
    pieces: list[tuple[str, float | None, Color | None, bool]] = []
    stack: list[tuple[float | None, Color | None, bool]] = [(None, None, False)]
    opened: list[str] = []
    at = 0
    for match in _TAG.finditer(markup):
        if match.start() > at:
            pieces.append((unescape(markup[at:match.start()]), *stack[-1]))
        at = match.end()
        closing, name, attributes, empty = match.groups()
        if name == "br" and not closing:
            lines.append(_styled_line(pieces))
            pieces = []
        elif name in ("font", "b") and closing and opened and opened[-1] == name:
            stack.pop()
            opened.pop()
        elif name == "b" and not closing and not empty:
            stack.append((stack[-1][0], stack[-1][1], True))
            opened.append(name)
        elif name == "font" and not closing and not empty:
            found = dict(_ATTRIBUTE.findall(attributes))
            if set(found) - {"size", "color"}:
                return None
            try:
                size = float(found["size"]) if "size" in found else stack[-1][0]
                color = toColor(found["color"]) if "color" in found else stack[-1][1]
            except ValueError:
                return None
            stack.append((size, color, stack[-1][2]))
            opened.append(name)
        else:
            return None
    if "<" in markup[at:] or ">" in markup[at:]:
        return None
    if at < len(markup):
        pieces.append((unescape(markup[at:]), *stack[-1]))
    lines.append(_styled_line(pieces))
    return tuple(lines)


def _plain_line(value: str) -> _HardLine:
    text = " ".join(value.split())
    return _HardLine(text, (_Span(0, len(text)),))


def _styled_line(pieces: list[tuple[str, float | None, Color | None, bool]]) -> _HardLine:
    """Spans of text in their sizes, colours and weights, runs of white space one space, none at the ends, as a
    Paragraph reads them."""
    text = ""
    spans: list[_Span] = []
    for value, size, color, bold in pieces:
        words = value.split()
        if not words:
            if value and text and not text.endswith(" "):
                text += " "
            continue
        piece = ("" if not text or text.endswith(" ") or not value[0].isspace() else " ") + " ".join(words)
        piece += " " if value[-1].isspace() else ""
        spans.append(_Span(len(text), len(text) + len(piece), size, color, bold))
        text += piece
    stripped = text.rstrip()
    return _HardLine(stripped, tuple(_Span(s.start, min(s.end, len(stripped)), s.size, s.color, s.bold)
                                     for s in spans if s.start < len(stripped)))


@lru_cache(maxsize=16)
def _advances_of(face: str) -> dict[str, float]:
    """Widths of the face's characters at 1 pt, filled as characters come."""
    return {}


def _advance(ch: str, face: str) -> float:
    known = _advances_of(face)
    width = known.get(ch)
    if width is None:
        width = known[ch] = stringWidth(ch, face, 1)
    return width


@dataclass(frozen=True, slots=True)
class _Row:
    """One printed line: characters start..end of hard line `line`."""

    line: int
    start: int
    end: int


class Line(Flowable):
    """Text in a paragraph style, each script in its face, broken into lines as the languages require.

    Most of what a document prints is short plain text: labels, times, names,
    phone numbers, an address for the driver in two lines; the rest are
    descriptions and letters in German, English and Chinese. A Line reads the
    little markup the documents use (line breaks, <b>, <font> with a size or
    a colour), sets Latin and Chinese each in its face (fonts.runs), measures
    each line once and, where a line is too wide, breaks it where linebreak
    allows. It lays its lines out at a Paragraph's baselines and splits
    between pages as a Paragraph does. reportlab's Paragraph breaks only at
    spaces (or anywhere, with wordWrap="CJK") and sets one face per run of markup.
    """

    def __init__(self, markup: str, style: ParagraphStyle, *, outline: bool = False,
                 lines: tuple[_HardLine, ...] | None = None) -> None:
        super().__init__()
        self.markup = markup
        self.style = style
        self.outline = outline
        self.hard = lines if lines is not None else _hard_lines(markup) or ()
        self.text = "\n".join(line.text for line in self.hard)
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self._rows: list[_Row] = []
        self._rows_width: float | None = None
        self._by_width: dict[float, list[_Row]] = {}
        self._natural: list[float] | None = None  # each hard line's width, measured once
        self._whole: list[_Row] = []

    def _size(self, span: _Span) -> float:
        return span.size if span.size is not None else self.style.fontSize

    def _line_width(self, line: _HardLine) -> float:
        return sum(text_width(line.text[s.start:s.end], self._size(s), self.outline or s.bold) for s in line.spans)

    def _advances(self, line: _HardLine) -> list[float]:
        flags = cjk_flags(line.text)
        advances = [0.0] * len(line.text)
        for span in line.spans:
            latin, size = LATIN_BOLD if self.outline or span.bold else LATIN, self._size(span)
            for i in range(span.start, span.end):
                advances[i] = _advance(line.text[i], FONT if flags[i] else latin) * size
        return advances

    def rows(self, width: float) -> list[_Row]:
        """The printed lines at `width`: each hard line whole where it fits, else broken by linebreak.fill."""
        if self._rows_width == width:
            return self._rows
        if self._natural is None:
            self._natural = [self._line_width(line) for line in self.hard]
            self._whole = [_Row(index, 0, len(line.text)) for index, line in enumerate(self.hard)]
        rows = self._whole if max(self._natural, default=0.0) <= width else self._by_width.get(width)
        if rows is None:
            rows = []
            for index, line in enumerate(self.hard):
                if self._natural[index] <= width:
                    rows.append(_Row(index, 0, len(line.text)))
                else:
                    rows += [_Row(index, start, end) for start, end in fill(line.text, width, self._advances(line))]
            self._by_width[width] = rows  # tables and columns try a few widths before they settle
        self._rows, self._rows_width = rows, width
        return rows

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.style.leading * len(self.rows(available_width)) if self.text.strip() else 0
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        rows = self.rows(available_width)
        fitting = int((available_height + 1e-6) // self.style.leading)
        if len(rows) <= 1 or fitting >= len(rows):
            return [] if fitting < len(rows) else [self]
        if fitting < 1 or (fitting == 1 and not self.style.allowOrphans):
            return []
        if fitting == len(rows) - 1 and not self.style.allowWidows:
            fitting -= 1
            if fitting < 1:
                return []
        last, following = rows[fitting - 1], rows[fitting]
        head = (*self.hard[:last.line], self.hard[last.line].cut(0, last.end))
        if following.line == last.line:
            line = self.hard[following.line]
            tail = (line.cut(following.start, len(line.text)), *self.hard[following.line + 1:])
        else:
            tail = self.hard[following.line:]
        first = Line(self.markup, self.style, outline=self.outline, lines=head)
        second = Line(self.markup, self.style, outline=self.outline, lines=tail)
        first.spaceAfter = 0
        second.spaceBefore = 0
        return [first, second]

    def minWidth(self) -> float:  # noqa: N802 - reportlab's name
        """The widest piece no line may be broken in."""
        widest = 0.0
        for line in self.hard:
            advances = self._advances(line)
            stops = (0, *break_opportunities(line.text), len(line.text))
            for start, end in zip(stops, stops[1:]):
                widest = max(widest, sum(advances[start:len(line.text[:end].rstrip())]))
        return widest

    def getPlainText(self) -> str:  # noqa: N802 - reportlab's name
        return self.text

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - reportlab's names
        """Drawn straight at (x, y): a Flowable would first save the state and move the origin, for a line or two."""
        if not self.height:
            return
        style = self.style
        strong = self.outline or any(span.bold for line in self.hard for span in line.spans)
        baseline = y + self.height - style.fontSize  # a Paragraph's first baseline
        text = writer(canvas, self._hAlignAdjust(x, _sW), baseline, style.textColor,
                      style.fontSize * _STRONG_OUTLINE if strong else None,
                      [span.color for line in self.hard for span in line.spans if span.color is not None])
        colour, font = None, None
        for row in self.rows(self._rows_width if self._rows_width is not None else self.width):
            line = self.hard[row.line]
            pieces = [(max(span.start, start), min(span.end, end), cjk, span)
                      for span in line.spans for start, end, cjk in _face_runs(line.text)
                      if max(span.start, start, row.start) < min(span.end, end, row.end)]
            for number, (start, end, cjk, span) in enumerate(pieces, start=1):
                start, end = max(start, row.start), min(end, row.end)
                if span.color != colour:
                    text.fill(span.color or style.textColor)
                    colour = span.color
                bold = self.outline or span.bold
                if (cjk, span.size, bold) != font:
                    text.font(FONT if cjk else LATIN_BOLD if bold else LATIN, self._size(span), style.leading)
                    if strong:
                        text.render_mode(2 if cjk and bold else 0)
                    font = (cjk, span.size, bold)
                if number < len(pieces):
                    text.show(line.text[start:end])
                else:
                    text.line(line.text[start:end])  # then down by the leading, as a Paragraph's lines go
            if not pieces:
                text.line()
        text.end()

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


@lru_cache(maxsize=16384)
def _face_runs(line: str) -> tuple[tuple[int, int, bool], ...]:
    """A line cut where the face changes: (start, end, set in the CJK face)."""
    flags = cjk_flags(line)
    found: list[tuple[int, int, bool]] = []
    run = 0
    for i in range(1, len(line) + 1):
        if i == len(line) or flags[i] != flags[run]:
            found.append((run, i, flags[run]))
            run = i
    return tuple(found)



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
