"""The agenda's fixed margins: the day headers along the top and the time ruler on the left.

They stay put while the day area scrolls beneath them, so they are widgets of
their own outside the scroll area's viewport, painted from the agenda's layout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from planner import formatting
from planner.i18n import _, ngettext
from planner.ui.widgets import agenda_paint as paint
from planner.ui.widgets.agenda_layout import AgendaLayout, Geometry

HEADER_HEIGHT = 44
RULER_WIDTH = 58


class Margin(QWidget):
    """The header row or the ruler: painted by the agenda, outside its scrolled viewport."""

    def __init__(self, parent: QWidget, painter: Callable[[QPainter], None], tooltip: Callable[[QPoint], str]) -> None:
        super().__init__(parent)
        self._paint = painter
        self._tooltip = tooltip

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self._paint(painter)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self._tooltip(event.pos())  # type: ignore[attr-defined]
            if text:
                QToolTip.showText(event.globalPos(), text, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


@dataclass(frozen=True, slots=True)
class Days:
    """What the header needs to know of the agenda at the moment it paints."""

    layout: AgendaLayout
    changes: Sequence[float | None]
    geometry: Geometry
    timezone: str
    language: str


def day_note(days: Days, column: int) -> str:
    """The line under a day's date: how many items start that day, and a clock change."""
    count = sum(1 for b in days.layout.columns[column] if b.starts_here)
    note = ngettext("{count} item", "{count} items", count).format(count=formatting.integer(count, days.language))
    if days.changes[column] is not None:
        hours = formatting.integer(days.layout.days[column].minutes // 60, days.language)
        note = _("{items} · {hours} h day").format(items=note, hours=hours)
    return note


def paint_header(painter: QPainter, width: int, scroll: int, days: Days, font: QFont, palette: QPalette) -> None:
    painter.fillRect(QRectF(0, 0, width, HEADER_HEIGHT), palette.window())
    g, spans = days.geometry, days.layout.days
    bold = QFont(font)
    bold.setBold(True)
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
    if spans:
        painter.setFont(small)
        painter.setPen(paint.MUTED)
        # The zone's offset, both of them when the clocks change during the trip.
        quarter = timedelta(minutes=15)
        offsets = [formatting.gmt_offset(days.timezone, d.end - quarter, days.language) for d in (spans[0], spans[-1])]
        corner = QRectF(0, 0, RULER_WIDTH, HEADER_HEIGHT).adjusted(2, 0, -6, -4)
        painter.drawText(corner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, "\n".join(dict.fromkeys(offsets)))
    painter.setClipRect(QRectF(RULER_WIDTH, 0, width - RULER_WIDTH, HEADER_HEIGHT))
    for column, span in enumerate(spans):
        x = RULER_WIDTH + column * g.column_width - scroll
        if x + g.column_width < RULER_WIDTH or x > width:
            continue
        cell = QRectF(x, 0, g.column_width, HEADER_HEIGHT)
        painter.setPen(paint.TEXT)
        painter.setFont(bold)
        heading = formatting.day_heading(span.day, days.language)
        painter.drawText(cell.adjusted(4, 4, -4, -HEADER_HEIGHT / 2), Qt.AlignmentFlag.AlignCenter, heading)
        painter.setFont(small)
        painter.setPen(paint.CLOCK_CHANGE if days.changes[column] is not None else paint.MUTED)
        painter.drawText(cell.adjusted(4, HEADER_HEIGHT / 2, -4, -4), Qt.AlignmentFlag.AlignCenter, day_note(days, column))
        painter.setPen(paint.SEPARATOR)
        painter.drawLine(QPointF(x, 0), QPointF(x, HEADER_HEIGHT))
    painter.setClipping(False)
    painter.setPen(paint.SEPARATOR)
    painter.drawLine(QPointF(0, HEADER_HEIGHT - 1), QPointF(width, HEADER_HEIGHT - 1))


def header_tooltip(pos: QPoint, scroll: int, days: Days) -> str:
    """The full date of a day (and its clock change); over the corner, the zone's name."""
    spans = days.layout.days
    column = days.geometry.column_at(pos.x() - RULER_WIDTH + scroll)
    if pos.x() < RULER_WIDTH or not 0 <= column < len(spans):
        return formatting.zone_name(days.timezone, spans[0].start, days.language) if spans else ""
    span = spans[column]
    text = formatting.full_date(span.day, days.language)
    if days.changes[column] is not None:
        text += "\n" + _("The clocks change on this day; it has {hours} hours.").format(hours=span.minutes // 60)
    return text


def paint_ruler(painter: QPainter, height: int, scroll: int, geometry: Geometry, palette: QPalette) -> None:
    """The hours of an ordinary day; columns of clock-change days label their own hours."""
    painter.fillRect(QRectF(0, 0, RULER_WIDTH, height), palette.window())
    painter.setPen(paint.MUTED)
    line = painter.fontMetrics().height()
    for hour in range(25):
        y = geometry.y_of(hour * 60) - scroll
        if y < -line or y > height + line:
            continue
        box = QRectF(0, y - line / 2, RULER_WIDTH - 8, line)
        box.moveTop(min(max(box.top(), 0.0), height - line))  # no half-cut labels at the edges
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, paint.hour_label(hour))
    painter.setPen(paint.SEPARATOR)
    painter.drawLine(QPointF(RULER_WIDTH - 1, 0), QPointF(RULER_WIDTH - 1, height))
