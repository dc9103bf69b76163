"""The calm colour and the icon of each kind of programme item, shared by the agenda, table and form.

Icons come from resources/icons/kinds/<kind>.svg; where a file is missing or
cannot be read, a small coloured disc with the kind's initial stands in, so a
missing drawing never breaks the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from planner.domain.enums import ItemKind
from planner.paths import ICONS

KIND_ICONS = ICONS / "kinds"


@dataclass(frozen=True, slots=True)
class KindColours:
    fill: str
    edge: str


#: Soft fills that keep black text readable, with a stronger edge of the same hue.
COLOURS: dict[ItemKind, KindColours] = {
    ItemKind.SITE_VISIT: KindColours("#dcedd5", "#6aa84f"),
    ItemKind.MEETING: KindColours("#d6e6f5", "#3d85c6"),
    ItemKind.MEAL: KindColours("#fbe7d2", "#e69138"),
    ItemKind.TRAVEL: KindColours("#e7e2f3", "#8e7cc3"),
    ItemKind.CHECK_IN: KindColours("#d5e6e9", "#45818e"),
    ItemKind.FREE_TIME: KindColours("#ececec", "#9e9e9e"),
    ItemKind.PRESS: KindColours("#fdf1cc", "#bf9000"),
    ItemKind.CEREMONY: KindColours("#f6d6d3", "#cc4125"),
}

_ICON_CACHE: dict[tuple[ItemKind, str], QIcon] = {}


def colours(kind: ItemKind | str) -> KindColours:
    try:
        return COLOURS[ItemKind(kind)]
    except ValueError:
        return COLOURS[ItemKind.FREE_TIME]


def kind_icon(kind: ItemKind) -> QIcon:
    """The kind's icon: its SVG if present, else a coloured initial (in the current language)."""
    key = (kind, kind.label)
    icon = _ICON_CACHE.get(key)
    if icon is None:
        path = KIND_ICONS / f"{kind.value}.svg"
        icon = QIcon(str(path)) if path.is_file() else QIcon()
        if icon.isNull() or icon.pixmap(16, 16).isNull():  # missing, or not a readable SVG
            icon = QIcon(glyph(kind, 32))
        _ICON_CACHE[key] = icon
    return icon


def glyph(kind: ItemKind, size: int) -> QPixmap:
    """A disc in the kind's edge colour with the first letter of its label."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colours(kind).edge))
    painter.drawEllipse(QRectF(0, 0, size, size))
    font = QFont(painter.font())
    font.setPixelSize(max(int(size * 0.6), 6))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, kind.label[:1].upper())
    painter.end()
    return pixmap
