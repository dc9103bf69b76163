"""The bundled CJK font, registered at start-up so Chinese never shows as empty boxes.

Many Western systems have no font with Chinese glyphs, and Qt's fallback does
not always find one that has; the app ships WenQuanYi Micro Hei and puts it
behind the system's default family in the application font.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from planner.paths import CJK_FONT

CJK_FAMILY = "WenQuanYi Micro Hei"
log = logging.getLogger(__name__)


def register_cjk_font() -> list[str]:
    """Add the bundled font to Qt's font database once; returns its families (empty if it failed)."""
    if CJK_FAMILY in QFontDatabase.families():
        return [CJK_FAMILY]
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
    if font_id < 0:
        log.warning("The CJK font %s could not be loaded", CJK_FONT)
        return []
    return list(QFontDatabase.applicationFontFamilies(font_id))


def install_application_font(app: QGuiApplication) -> QFont:
    """Make the app font the system default family with the CJK font as fallback."""
    families = register_cjk_font()
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    # The system font's family may be an alias ("Sans Serif") that only the
    # fallback mechanism resolves; listed before the CJK font it would be
    # skipped and Latin text drawn in the CJK font. Name the real family.
    wanted = [QFontInfo(font).family()]
    if CJK_FAMILY in families and CJK_FAMILY not in wanted:
        wanted.append(CJK_FAMILY)
    font.setFamilies(wanted)
    app.setFont(font)
    return font
