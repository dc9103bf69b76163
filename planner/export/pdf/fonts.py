"""The document faces, registered with reportlab once per process, and which face sets which character.

Text is set per script, as a typesetter would: Latin, Greek and Cyrillic and
the Latin punctuation („ “ ‘ ’ … – —) in Noto Sans (regular and bold, SIL
Open Font License), Chinese characters, CJK punctuation and full-width forms
in WenQuanYi Micro Hei (Apache 2.0). A single CJK face sets Latin text with
its own wide quotes and ellipsis, which German and English readers see at
once; a Latin face has no Chinese at all. So a line such as "Xu Qin 许勤"
switches face in the middle, and what both languages use (“ ” ‘ ’ … — –,
digits, ASCII signs, spaces) follows its neighbours: in Chinese text it takes
the CJK face's forms (full-width quotes), beside Latin letters the Latin
ones. Each switch of face costs a font change in the page's content, so a
date such as 2016年10月25日 is one run, not five. reportlab embeds each
face as a subset, so a document carries only the glyphs it uses.

WenQuanYi Micro Hei has no bold cut: bold Chinese gets a faint outline (see
flowables); bold Latin text is set in Noto Sans Bold.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.domain.errors import PlannerError
from planner.i18n import N_
from planner.paths import CJK_FONT, LATIN_BOLD_FONT, LATIN_FONT

#: The CJK face's registered name: the style default, so whatever reportlab sets by itself can draw every script.
FONT = "WenQuanYiMicroHei"
#: The Latin face and its bold cut.
LATIN = "NotoSans"
LATIN_BOLD = "NotoSans-Bold"

#: Punctuation both scripts use, digits and ASCII signs: they take the face of the text around them.
_SHARED = frozenset("“”‘’…—–·‧0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the document faces (once) and return the name of the default (CJK) face."""
    for name, path, index in ((FONT, CJK_FONT, 0), (LATIN, LATIN_FONT, None), (LATIN_BOLD, LATIN_BOLD_FONT, None)):
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        try:
            font = TTFont(name, str(path)) if index is None else TTFont(name, str(path), subfontIndex=index)
        except (OSError, ValueError) as exc:  # a missing or damaged bundled file: say which one
            raise PlannerError(N_("The document font {path} cannot be read: {reason}"), path=str(path), reason=str(exc)) from exc
        pdfmetrics.registerFont(font)
    # <b> and <i> in markup map to the same face instead of failing.
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT


@lru_cache(maxsize=1)
def _charsets() -> tuple[dict[int, int], dict[int, int]]:
    register_fonts()
    return pdfmetrics.getFont(LATIN).face.charToGlyph, pdfmetrics.getFont(FONT).face.charToGlyph


def _is_wide(ch: str) -> bool:
    """Han, kana, Hangul, CJK punctuation, full-width forms: what East Asian typesetting sets in its own face."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


@lru_cache(maxsize=32768)
def cjk_flags(text: str) -> tuple[bool, ...]:
    """For each character of `text`, whether the CJK face sets it (False: the Latin face)."""
    latin, cjk = _charsets()
    flags: list[bool | None] = []
    for ch in text:
        if ch in _SHARED or ch.isspace():
            flags.append(None)  # decided by the neighbours below
        elif _is_wide(ch):
            flags.append(ord(ch) in cjk or ord(ch) not in latin)
        else:
            flags.append(ord(ch) not in latin and ord(ch) in cjk)
    # A shared character takes the face of the nearest letter before it, else after it, else the Latin one ...
    resolved = list(flags)
    before: bool | None = None
    for i, flag in enumerate(flags):
        if flag is None:
            resolved[i] = before
        else:
            before = flag
    after: bool | None = None
    for i in range(len(flags) - 1, -1, -1):
        if flags[i] is not None:
            after = flags[i]
        elif resolved[i] is None:
            resolved[i] = after
    # ... where that face has it.
    return tuple(bool(flag) and ord(ch) in cjk or not bool(flag) and ord(ch) not in latin and ord(ch) in cjk
                 for ch, flag in zip(text, resolved))


def runs(text: str, *, bold: bool = False) -> list[tuple[str, str]]:
    """`text` cut into (piece, face name) runs, each set in one face."""
    if not text:
        return []
    flags = cjk_flags(text)
    latin = LATIN_BOLD if bold else LATIN
    found: list[tuple[str, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or flags[i] != flags[start]:
            found.append((text[start:i], FONT if flags[start] else latin))
            start = i
    return found


@lru_cache(maxsize=16384)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` set per script at `size`; the same labels, names and times recur in every document."""
    return sum(pdfmetrics.stringWidth(piece, face, size) for piece, face in runs(text, bold=bold))


def draw_string(canvas: object, x: float, y: float, text: str, size: float, *, align: str = "left", bold: bool = False) -> None:
    """`text` drawn on a canvas at (x, y), each script in its face; `align` left, centre or right of x."""
    width = text_width(text, size, bold)
    start = x - width if align == "right" else x - width / 2 if align == "centre" else x
    text_object = canvas.beginText(start, y)  # type: ignore[attr-defined]
    for piece, face in runs(text, bold=bold):
        text_object.setFont(face, size)
        text_object.textOut(piece)
    canvas.drawText(text_object)  # type: ignore[attr-defined]


def missing_glyphs(text: str) -> set[str]:
    """The characters of `text` the face chosen for them cannot draw (they would print as empty boxes)."""
    latin, cjk = _charsets()
    return {ch for ch, flag in zip(text, cjk_flags(text)) if ch not in "\n\t\r" and ord(ch) not in (cjk if flag else latin)}
