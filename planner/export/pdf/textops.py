"""The PDF operators of a Line's text, written straight into the page: what reportlab's canvas writes, for less.

A Line (flowables.py) draws a few words in one or two faces; an itinerary
draws about a thousand of them. Through reportlab each costs a saved and
restored canvas state (twenty attributes copied), a text object, and every
number, colour and font change formatted afresh; that was a third of an
itinerary's time. DirectText writes the same operators, byte for byte
(tests/export/test_textops.py compares both on every kind of line): the
colour and font operators are formatted once per process, and the glyph codes
still come from reportlab's font (splitString), which assigns them per document.

It works on a plain page: bottom-up coordinates, RGB colours, no colour-space
rule and no transparency set. `writer` hands out ReportlabText, reportlab's
own objects behind the same few calls, on any other canvas.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject


class TextWriter(Protocol):
    """The calls a Line makes to set its text: colour, face, render mode, pieces of a line, line ends."""

    def fill(self, color: Color) -> None: ...
    def font(self, name: str, size: float, leading: float) -> None: ...
    def render_mode(self, mode: int) -> None: ...
    def show(self, text: str) -> None: ...
    def line(self, text: str = "") -> None: ...
    def end(self) -> None: ...


def writer(
    canvas: Canvas, x: float, y: float, color: Color, outline: float | None, others: Iterable[Color] = ()
) -> TextWriter:
    """A writer for text starting at (x, y) in `color` (and the `others` it changes to), stroked `outline` wide
    where set (None: never stroked)."""
    if _plain(canvas) and all(_opaque_rgb(c) for c in (color, *others)):
        return DirectText(canvas, x, y, color, outline)
    return ReportlabText(canvas, x, y, color, outline)


def _plain(canvas: Canvas) -> bool:
    return bool(
        canvas.bottomup
        and not getattr(canvas, "_enforceColorSpace", None)
        and not canvas._extgstate._d  # no transparency or overprint set: a colour's alpha of 1 writes nothing
    )


def _opaque_rgb(color: object) -> bool:
    return isinstance(color, Color) and not isinstance(color, CMYKColor) and getattr(color, "alpha", None) in (None, 1)


class ReportlabText:
    """reportlab's canvas and text object behind the TextWriter calls (any canvas)."""

    def __init__(self, canvas: Canvas, x: float, y: float, color: Color, outline: float | None) -> None:
        self._canvas = canvas
        canvas.saveState()
        canvas.setFillColor(color)
        if outline is not None:
            canvas.setStrokeColor(color)
            canvas.setLineWidth(outline)
        self._text: PDFTextObject = canvas.beginText(x, y)

    def fill(self, color: Color) -> None:
        self._text.setFillColor(color)

    def font(self, name: str, size: float, leading: float) -> None:
        self._text.setFont(name, size, leading)

    def render_mode(self, mode: int) -> None:
        self._text.setTextRenderMode(mode)

    def show(self, text: str) -> None:
        self._text._code.append(self._text._formatText(text))  # textOut, less its width count: lines start by T*

    def line(self, text: str = "") -> None:
        self._text.textLine(text)

    def end(self) -> None:
        self._canvas.drawText(self._text)
        self._canvas.restoreState()


#: A string's bytes as a PDF string literal writes them (reportlab's escapePDF): printable ASCII as it is, the
#: brackets and backslash escaped, anything else in octal; str.translate does it in one pass.
_ESCAPES = {code: (f"\\{code:03o}" if code < 32 or code >= 127 else "\\" + chr(code) if chr(code) in "\\()" else chr(code))
            for code in range(256)}


def escape(chunk: bytes) -> str:
    return chunk.decode("latin-1").translate(_ESCAPES)


#: "r g b rg" by colour; "size Tf leading TL" by size and leading: the same few recur in every document.
_FILLS: dict[tuple[float, float, float], str] = {}
_STROKES: dict[tuple[float, float, float], str] = {}
_SIZES: dict[tuple[float, float], str] = {}


def _rgb(color: Color, operator: str, known: dict[tuple[float, float, float], str]) -> str:
    key = (color.red, color.green, color.blue)
    found = known.get(key)
    if found is None:
        found = known[key] = f"{fp_str(key)} {operator}"
    return found


class DirectText:
    """The operators of ReportlabText, appended to the page's code directly.

    Each call writes what reportlab's would: the state saved (q), the fill
    colour, the outline's colour and width, then one text object (BT … ET)
    holding colour changes, font and subset changes (Tf with TL), render modes
    (Tr) and the shown strings (Tj, a line ended by T*), then the state restored (Q).
    """

    def __init__(self, canvas: Canvas, x: float, y: float, color: Color, outline: float | None) -> None:
        self._canvas = canvas
        self._doc = canvas._doc
        # The canvas's own escaping where a canvas class brings one; reportlab's is escapePDF, done here quicker.
        self._escape = escape if type(canvas)._escape is Canvas._escape else canvas._escape
        code = canvas._code
        code.append("q")
        code.append(_rgb(color, "rg", _FILLS))
        if outline is not None:
            code.append(_rgb(color, "RG", _STROKES))
            code.append(f"{fp_str(outline)} w")
        if getattr(color, "alpha", None) is not None:
            self._doc.ensureMinPdfVersion("transparency")  # as reportlab notes a colour's alpha (of 1: nothing written)
        self._out = ["BT", f"1 0 0 1 {fp_str(x, y)} Tm"]
        self._face = None
        self._size = ""
        self._subset = -1
        self._mode = 0

    def fill(self, color: Color) -> None:
        self._out.append(_rgb(color, "rg", _FILLS))

    def font(self, name: str, size: float, leading: float) -> None:
        face = getFont(name)
        if not face._dynamicFont:
            raise ValueError(f"DirectText sets embedded TrueType faces only, not {name}")
        self._face = face
        key = (size, leading)
        found = _SIZES.get(key)
        if found is None:
            found = _SIZES[key] = f"{fp_str(size)} Tf {fp_str(leading)} TL"
        self._size = found
        self._subset = -1  # the next string names its subset, as after reportlab's setFont

    def render_mode(self, mode: int) -> None:
        if mode != self._mode:
            self._mode = mode
            self._out.append(f"{mode} Tr")

    def _formatted(self, text: str) -> str:
        face, doc = self._face, self._doc
        assert face is not None, "font() comes before the first string"
        parts = []
        for subset, chunk in face.splitString(text, doc):
            if subset != self._subset:
                parts.append(f"{face.getSubsetInternalName(subset, doc)} {self._size}")
                self._subset = subset
            parts.append(f"({self._escape(chunk)}) Tj")
        return " ".join(parts)

    def show(self, text: str) -> None:
        self._out.append(self._formatted(text))

    def line(self, text: str = "") -> None:
        self._out.append(f"{self._formatted(text) if text else ''} T*")

    def end(self) -> None:
        self._out.append("ET")
        code = self._canvas._code
        code.append(" ".join(self._out))
        code.append("Q")
