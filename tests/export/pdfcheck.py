"""Reading PDFs back in tests: text, fonts, metadata (pypdf)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

#: The 14 fonts every PDF viewer must have; a document that uses one depends on the viewer's copy.
STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Symbol", "ZapfDingbats",
}
SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")


@dataclass(frozen=True)
class FontInfo:
    base_font: str
    subtype: str
    embedded: bool


def reader(source: Path | bytes) -> PdfReader:
    import io

    return PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)


def text_of(source: Path | bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(source).pages)


def squeezed(text: str) -> str:
    """Text without any whitespace, so a title wrapped over two lines still matches."""
    return "".join(text.split())


def fonts_of(source: Path | bytes) -> list[FontInfo]:
    """Every font dictionary reachable from the document catalog, with whether its program is embedded."""
    found: dict[int, FontInfo] = {}
    seen: set[int] = set()

    def descriptor_embedded(font: DictionaryObject) -> bool:
        desc = font.get("/FontDescriptor")
        if desc is None and "/DescendantFonts" in font:
            desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        if desc is None:
            return False
        desc = desc.get_object()
        return any(key in desc for key in ("/FontFile", "/FontFile2", "/FontFile3"))

    def walk(obj: object) -> None:
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                return
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            if obj.get("/Type") == "/Font":
                found[id(obj)] = FontInfo(str(obj.get("/BaseFont", "")).lstrip("/"), str(obj.get("/Subtype")), descriptor_embedded(obj))
            for value in obj.values():
                walk(value)
        elif isinstance(obj, ArrayObject):
            for value in obj:
                walk(value)

    walk(reader(source).trailer["/Root"])
    return list(found.values())


def band_text(page: object, *, top: float | None = None, bottom: float | None = None) -> str:
    """The text drawn above `top` or below `bottom` (points from the page's lower edge): the running header or footer."""
    parts: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        y = tm[5] * cm[3] + cm[5] if cm else tm[5]
        if (top is not None and y >= top) or (bottom is not None and y <= bottom):
            parts.append(text)

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return "".join(parts)


def page_fill(source: Path | bytes, top_margin: float, bottom_margin: float) -> list[float]:
    """How far down each page's text frame the text reaches, as a share of the frame (0.0–1.0).

    The method: the lowest baseline of any text drawn between the header and the footer, measured
    from the frame's top (the page height less `top_margin`) against the frame's height. A page whose
    text stops a tenth of the way down is near-empty, however wide its lines; the running header and
    footer lie outside the frame and do not count.
    """
    shares: list[float] = []
    for page in reader(source).pages:
        top = float(page.mediabox.height) - top_margin
        lows: list[float] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            y = tm[5] * cm[3] + cm[5] if cm else tm[5]
            if text.strip() and bottom_margin - 2 < y < top + 2:
                lows.append(y)

        page.extract_text(visitor_text=visit)
        shares.append((top - min(lows)) / (top - bottom_margin) if lows else 0.0)
    return shares
