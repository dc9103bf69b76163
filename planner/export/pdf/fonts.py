"""The one font every document is set in, registered with reportlab once per process.

WenQuanYi Micro Hei covers Latin (with German letters) and CJK, so German,
Chinese and English can share a line without switching fonts; reportlab embeds
it as a subset, so a document carries only the glyphs it uses. The face has no
bold cut: emphasis comes from size, colour and a faint outline (see styles).
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.domain.errors import PlannerError
from planner.i18n import N_
from planner.paths import CJK_FONT

#: The name the font is registered under; every style uses it, and so does the canvas.
FONT = "WenQuanYiMicroHei"


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the document font (once) and return its name."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return FONT
    try:
        font = TTFont(FONT, str(CJK_FONT), subfontIndex=0)
    except (OSError, ValueError) as exc:  # a missing or damaged bundled file: say which one
        raise PlannerError(N_("The document font {path} cannot be read: {reason}"), path=str(CJK_FONT), reason=str(exc)) from exc
    pdfmetrics.registerFont(font)
    # <b> and <i> in markup map to the same face instead of failing.
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT


def missing_glyphs(text: str) -> set[str]:
    """The characters of `text` the font cannot draw (they would print as empty boxes)."""
    register_fonts()
    face = pdfmetrics.getFont(FONT).face
    return {ch for ch in text if not ch.isspace() and ord(ch) not in face.charToGlyph}
