"""Drawing the agenda: hour grid, day headers, time ruler and item blocks.

Kept apart from the widget's event handling so each stays readable. Everything
here paints in content coordinates given by agenda_layout.Geometry; the widget
translates the painter by the scroll offset first.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF

from planner.domain.enums import ItemKind
from planner.ui.widgets.agenda_layout import Block, DaySpan, Geometry
from planner.ui.widgets.kind_style import colours, kind_icon

HOUR_LINE = QColor("#e2e2e2")
HALF_HOUR_LINE = QColor("#f2f2f2")
SEPARATOR = QColor("#cdcdcd")
OUTSIDE_DAY = QColor("#f3f3f3")
CLOCK_CHANGE = QColor("#e69138")
MUTED = QColor("#666666")
TEXT = QColor("#1f1f1f")
#: Narrower or lower blocks than this get no text (thousands of items must still paint fast).
#: A 15-minute item at the default zoom is about 10 pixels high: it gets one line in a smaller font.
MIN_TEXT_WIDTH = 24.0
MIN_TEXT_HEIGHT = 8.0
#: The smallest type used for a short item's one line, in pixels; below it the block stays plain.
MIN_FONT_PIXELS = 7


@dataclass(frozen=True, slots=True)
class BlockTexts:
    title: str
    times: str
    venue: str


def hour_label(hour: int) -> str:
    return f"{hour:02d}:00"


def paint_column(
    painter: QPainter, g: Geometry, column: int, span: DaySpan, marks: list[tuple[float, int]],
    change: float | None, content_height: float, top: float, bottom: float,
) -> None:
    """One day's background: hour and half-hour lines, the part after a short day, the clock change."""
    x0 = column * g.column_width
    x1 = x0 + g.column_width
    day_end = g.y_of(span.minutes)
    if day_end < content_height:
        painter.fillRect(QRectF(x0, day_end, g.column_width, content_height - day_end), OUTSIDE_DAY)
    half_pen, hour_pen = QPen(HALF_HOUR_LINE), QPen(HOUR_LINE)
    standard = all(minutes == hour * 60 for minutes, hour in marks)
    for minutes, hour in marks:
        y = g.y_of(minutes)
        half = g.y_of(minutes + 30)
        if top - 2 <= half <= bottom + 2 and minutes + 30 < span.minutes:
            painter.setPen(half_pen)
            painter.drawLine(QPointF(x0, half), QPointF(x1, half))
        if top - 20 <= y <= bottom + 20:
            painter.setPen(hour_pen)
            painter.drawLine(QPointF(x0, y), QPointF(x1, y))
            if not standard and minutes != hour * 60:
                # The ruler shows an ordinary day; this column's hours sit elsewhere.
                painter.setPen(MUTED)
                painter.drawText(QRectF(x0 + 4, y + 1, g.column_width - 8, 14), Qt.AlignmentFlag.AlignRight, hour_label(hour))
    if change is not None:
        y = g.y_of(change)
        painter.setPen(QPen(CLOCK_CHANGE, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x0, y), QPointF(x1, y))
    painter.setPen(QPen(SEPARATOR))
    painter.drawLine(QPointF(x0, top), QPointF(x0, bottom))


def paint_small_blocks(painter: QPainter, groups: dict[tuple[ItemKind, bool], list[QRectF]], palette: QPalette) -> None:
    """Blocks too small for text, drawn as plain rectangles a kind at a time: thousands paint in a blink."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    highlight = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
    for (kind, selected), rects in groups.items():
        pens = _pens(kind)
        painter.setPen(highlight if selected else pens.edge)
        painter.setBrush(pens.selected_fill if selected else pens.fill)
        painter.drawRects(rects)


@dataclass(frozen=True, slots=True)
class _KindPens:
    edge: QPen
    edge_colour: QColor
    fill: QBrush
    selected_fill: QBrush


_PENS: dict[ItemKind, _KindPens] = {}


def _pens(kind: ItemKind) -> _KindPens:
    pens = _PENS.get(kind)
    if pens is None:
        kind_colours = colours(kind)
        edge, fill = QColor(kind_colours.edge), QColor(kind_colours.fill)
        pens = _PENS[kind] = _KindPens(QPen(edge, 1), edge, QBrush(fill), QBrush(fill.darker(112)))
    return pens


def paint_block(
    painter: QPainter, rect: QRectF, block: Block, kind: ItemKind, texts: BlockTexts | None,
    *, selected: bool, current: bool, palette: QPalette, text_top: float | None = None,
) -> None:
    """An item's block: its kind's colours, its icon, title, times and venue as far as they fit.

    `text_top` is the top of the visible area: the text of a block that starts
    above it is drawn from there, so a long item scrolled half out stays named.
    """
    pens = _pens(kind)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2) if selected else pens.edge)
    painter.setBrush(pens.selected_fill if selected else pens.fill)
    painter.drawRoundedRect(rect, 3, 3)
    painter.fillRect(QRectF(rect.x(), rect.y(), min(4.0, rect.width()), rect.height()), pens.edge_colour)
    _continuation_marks(painter, rect, block, pens.edge_colour)
    if current:
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(2, 2, -2, -2))
    if texts is None or rect.width() < MIN_TEXT_WIDTH or rect.height() < MIN_TEXT_HEIGHT:
        return
    painter.save()
    painter.setClipRect(rect)
    line = QFontMetricsF(painter.font()).height()
    short = rect.height() < line + 2
    area = rect.adjusted(7, 0, -3, 0) if short else rect.adjusted(7, 1, -3, -1)
    if text_top is not None and text_top > area.top() and not short:
        area.setTop(min(text_top + 1, area.bottom()))
    if short:  # a quarter of an hour: its time and title in type that fits the strip
        font = QFont(painter.font())
        font.setPixelSize(max(MIN_FONT_PIXELS, int(area.height())))
        painter.setFont(font)
    _paint_texts(painter, area, kind, texts)
    painter.restore()


def _continuation_marks(painter: QPainter, rect: QRectF, block: Block, colour: QColor) -> None:
    """Small wedges where an item goes on from the day before or into the next day."""
    if rect.width() < 16 or rect.height() < 12:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    cx = rect.center().x()
    if not block.starts_here:
        top = rect.top()
        painter.drawPolygon(QPolygonF([QPointF(cx - 5, top), QPointF(cx + 5, top), QPointF(cx, top + 5)]))
    if not block.ends_here:
        bottom = rect.bottom()
        painter.drawPolygon(QPolygonF([QPointF(cx - 5, bottom - 5), QPointF(cx + 5, bottom - 5), QPointF(cx, bottom)]))


def _paint_texts(painter: QPainter, area: QRectF, kind: ItemKind, texts: BlockTexts) -> None:
    base = painter.font()
    bold = QFont(base)
    bold.setBold(True)
    plain_metrics, bold_metrics = QFontMetricsF(base), QFontMetricsF(bold)
    line = plain_metrics.height()
    x, y, width = area.x(), area.y(), area.width()
    painter.setPen(TEXT)
    title_x = x
    if width >= 60 and area.height() >= line:
        size = int(min(16.0, line))
        icon = kind_icon(kind).pixmap(size, size)
        painter.drawPixmap(QPointF(x, y + (line - size) / 2), icon)
        title_x = x + size + 4
    two_lines = area.height() >= 2 * line
    title = texts.title
    if not two_lines and texts.times:
        title = f"{texts.times}  {title}"  # one line: the time first, it is what a glance looks for
    painter.setFont(bold)
    painter.drawText(
        QRectF(title_x, y, x + width - title_x, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, x + width - title_x),
    )
    painter.setFont(base)
    y += line
    painter.setPen(MUTED)
    for text in (texts.times if two_lines else "", texts.venue):
        if not text:
            continue
        if y + line > area.bottom() + 1:
            break
        painter.drawText(
            QRectF(x, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            plain_metrics.elidedText(text, Qt.TextElideMode.ElideRight, width),
        )
        y += line


def paint_ghost(painter: QPainter, rect: QRectF, label: str, palette: QPalette) -> None:
    """Where a dragged block would land, with its new times."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    fill = QColor(highlight)
    fill.setAlpha(40)
    painter.setPen(QPen(highlight, 1.5, Qt.PenStyle.DashLine))
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, 3, 3)
    metrics = QFontMetricsF(painter.font())
    text_rect = QRectF(rect.x() + 4, rect.y() + 2, max(rect.width() - 8, 0), metrics.height())
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft, metrics.elidedText(label, Qt.TextElideMode.ElideRight, text_rect.width()))
