"""The programme day by day: one column per trip day, a time ruler, items as blocks.

A custom-painted scroll area rather than a graphics scene: the layout
(agenda_layout) is computed once per change and a paint only touches the blocks
in view, so a trip of thousands of items stays responsive. Times are those of
the trip's zone; the widget changes nothing itself but asks through signals
(create, edit, move, resize, delete) so the page can run the services undoably.

Mouse: drag a block to move it (quarter hours, across days too), drag its
bottom edge to resize it, double-click a block to edit it or empty time to add
an item there. Keyboard: arrows move the selection (Shift extends it), Enter
edits, Delete deletes, Alt+arrows move the item by a quarter hour or a day,
Alt+Shift+Up/Down shorten or lengthen it; Ctrl+wheel or Ctrl+± zooms.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from planner.domain.entities import ItemData, VenueData
from planner.domain.enums import ItemKind
from planner.ui.models import item_text
from planner.ui.widgets import agenda_margins as margins
from planner.ui.widgets import agenda_paint as paint
from planner.ui.widgets.agenda_layout import (
    SNAP_MINUTES,
    AgendaLayout,
    Block,
    Geometry,
    clock_change,
    day_spans,
    hour_marks,
    snap,
    snap_down,
)
from planner.ui.widgets.agenda_margins import HEADER_HEIGHT, RULER_WIDTH

MIN_COLUMN_WIDTH = 150
MIN_HOUR_HEIGHT = 40
#: The hours shown when the page opens; the rest of the day is a scroll away.
VISIBLE_FROM, VISIBLE_TO = 6, 24
#: How close (pixels) to a block's bottom edge a press starts a resize.
EDGE = 5
QUARTER = timedelta(minutes=SNAP_MINUTES)
_DIRECTIONS = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down", Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right"}


@dataclass
class _Drag:
    block: Block
    resize: bool
    press: QPointF  # content coordinates
    active: bool = False
    column: int = 0
    minutes: float = 0.0  # the new top (move) or bottom (resize)


class AgendaView(QAbstractScrollArea):
    createRequested = Signal(object)  # aware UTC datetime on a quarter hour
    editRequested = Signal(int)  # item id
    deleteRequested = Signal(list)  # item ids
    moveRequested = Signal(int, object)  # item id, new UTC start (the item keeps its duration)
    resizeRequested = Signal(int, object)  # item id, new UTC end
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timezone = "UTC"
        self._language = "en"
        self._items: dict[int, ItemData] = {}
        self._venues: Mapping[int, VenueData] = {}
        self._layout = AgendaLayout.build([], [])
        self._marks: list[list[tuple[float, int]]] = []
        self._changes: list[float | None] = []
        self._texts: dict[int, paint.BlockTexts] = {}
        self._geometry = Geometry(MIN_COLUMN_WIDTH, MIN_HOUR_HEIGHT / 60)
        self._zoom = 1.0
        self._selected: set[int] = set()
        self._current: int | None = None
        self._drag: _Drag | None = None
        self._scroll_pending = True
        self._header = margins.Margin(self, self._paint_header, self._header_tooltip)
        self._ruler = margins.Margin(self, self._paint_ruler, lambda _pos: "")
        self.setViewportMargins(RULER_WIDTH, HEADER_HEIGHT, 0, 0)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self._header.update())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._ruler.update())

    # --- data ---------------------------------------------------------------------------

    def set_programme(
        self, days: Sequence[date], timezone: str, items: Sequence[ItemData], venues: Mapping[int, VenueData],
        language: str, *, keep_scroll: bool = True, changed: Collection[int] | None = None,
    ) -> None:
        """Show `items` on `days` in the trip's `timezone`; the selection keeps the items still there.

        `changed`: the ids of the only items that differ from the last call (an edit), so only
        their days are laid out again and only their texts made anew.
        """
        same_place = (timezone, language) == (self._timezone, self._language)
        self._timezone, self._venues, self._language = timezone, venues, language
        self._items = {item.id: item for item in items if item.id is not None}
        spans = day_spans(days, timezone)
        if [s.day for s in spans] != [s.day for s in self._layout.days] or not keep_scroll:
            self._scroll_pending = True
            self._marks = [hour_marks(span, timezone) for span in spans]
            self._changes = [clock_change(marks) for marks in self._marks]
        incremental = changed is not None and same_place and keep_scroll and spans == self._layout.days
        if incremental:
            assert changed is not None
            self._layout = self._layout.updated(self._items, changed)
            for item_id in changed:
                self._texts.pop(item_id, None)
        else:
            self._layout = AgendaLayout.build(spans, self._items.values())
            self._texts.clear()
        kept = self._selected & set(self._layout.blocks)
        current = self._current if self._current in self._layout.blocks else None
        if kept != self._selected or current != self._current:
            self._selected, self._current = kept, current
            self.selectionChanged.emit()
        if incremental:
            self._repaint_columns(self._layout.touched)  # the same days and sizes: only the edited days change
        else:
            self._update_geometry()

    def _repaint_columns(self, columns: set[int]) -> None:
        """Repaint only these day columns (and the header), as far as they are in view."""
        view = self.viewport()
        width, left = self._geometry.column_width, self.horizontalScrollBar().value()
        for column in columns:
            x = column * width - left
            view.update(QRect(math.floor(x), 0, math.ceil(width) + 2, view.height()))
        self._header.update()

    def retranslate(self, language: str) -> None:
        self._language = language
        self._texts.clear()
        self._header.update()
        self.viewport().update()

    @property
    def layout_(self) -> AgendaLayout:
        return self._layout

    @property
    def geometry_(self) -> Geometry:
        return self._geometry

    def outside_count(self) -> int:
        """Items that lie on none of the trip's days and so are only in the table."""
        return len(self._layout.outside)

    # --- selection ----------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return sorted(self._selected, key=lambda i: (self._layout.starts.get(i) or datetime.min, i))

    def current_id(self) -> int | None:
        return self._current

    def select_items(self, ids: Sequence[int], current: int | None = None) -> None:
        wanted = {i for i in ids if i in self._layout.blocks}
        current = current if current in wanted else (next(iter(self.selected_ids_of(wanted)), None))
        if wanted == self._selected and current == self._current:
            return
        self._selected, self._current = wanted, current
        if current is not None:
            self.ensure_visible(current)
        self.viewport().update()
        self.selectionChanged.emit()

    def selected_ids_of(self, ids: set[int]) -> list[int]:
        return sorted(ids, key=lambda i: (self._layout.starts[i], i))

    # --- coordinates and the view's API ---------------------------------------------------

    def _offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def _qrect(self, block: Block) -> QRectF:
        return QRectF(*self._geometry.box(block))

    def block_rect(self, item_id: int) -> QRectF | None:
        """The first block of an item in viewport coordinates, or None if it is not on the agenda."""
        block = self._layout.first_block(item_id)
        return self._qrect(block).translated(-self._offset()) if block is not None else None

    def point_at(self, column: int, minutes: float) -> QPoint:
        """The viewport point of `minutes` after midnight in `column` (left third of the column)."""
        g = self._geometry
        x = column * g.column_width + g.column_width / 3 - self.horizontalScrollBar().value()
        return QPoint(int(x), int(math.floor(g.y_of(minutes) - self.verticalScrollBar().value())) + 1)

    def moment_at(self, pos: QPointF) -> tuple[int, float] | None:
        """(column, minutes since midnight) under a viewport point, or None outside the days."""
        content = pos + self._offset()
        column = self._geometry.column_at(content.x())
        minutes = self._geometry.minutes_at(content.y())
        if not 0 <= column < len(self._layout.days) or not 0 <= minutes < self._layout.days[column].minutes:
            return None
        return column, minutes

    def move_item_to(self, item_id: int, column: int, minutes: float) -> None:
        """Ask to start the item `minutes` after midnight of day `column` (keeping its duration)."""
        self.moveRequested.emit(item_id, self._layout.moment(column, minutes))

    def resize_item_to(self, item_id: int, column: int, minutes: float) -> None:
        """Ask to end the item `minutes` after midnight of day `column`."""
        start = self._layout.starts[item_id]
        self.resizeRequested.emit(item_id, max(self._layout.moment(column, minutes), start + QUARTER))

    def request_create(self, column: int, minutes: float) -> None:
        self.createRequested.emit(self._layout.moment(column, snap_down(minutes)))

    def scroll_to_minutes(self, minutes: float) -> None:
        self.verticalScrollBar().setValue(int(self._geometry.y_of(minutes)))

    def top_minutes(self) -> float:
        return self._geometry.minutes_at(self.verticalScrollBar().value())

    def ensure_visible(self, item_id: int) -> None:
        block = self._layout.first_block(item_id)
        if block is None:
            return
        rect, view = self._qrect(block), self.viewport().rect()
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        if rect.left() < h.value():
            h.setValue(int(rect.left()) - 4)
        elif rect.right() > h.value() + view.width():
            h.setValue(int(rect.right() - view.width()) + 4)
        if rect.top() < v.value():
            v.setValue(int(rect.top()) - 8)
        elif rect.top() > v.value() + view.height() - min(rect.height(), view.height() / 2):
            v.setValue(int(rect.top() - view.height() + min(rect.height(), view.height() / 2)) + 8)

    # --- geometry -----------------------------------------------------------------------

    def _update_geometry(self) -> None:
        view = self.viewport()
        top = self.top_minutes()
        columns = max(len(self._layout.days), 1)
        width = max(float(MIN_COLUMN_WIDTH), view.width() / columns)
        hour = max(float(MIN_HOUR_HEIGHT), view.height() / (VISIBLE_TO - VISIBLE_FROM)) * self._zoom
        self._geometry = Geometry(width, hour / 60)
        content_width = width * len(self._layout.days)
        content_height = self._geometry.y_of(self._layout.longest_day)
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setRange(0, max(0, math.ceil(content_width - view.width())))
        h.setPageStep(view.width())
        h.setSingleStep(24)
        v.setRange(0, max(0, math.ceil(content_height - view.height())))
        v.setPageStep(view.height())
        v.setSingleStep(max(int(hour / 4), 1))
        if self._scroll_pending and view.height() > 0 and self.isVisible():
            self._scroll_pending = False
            self.scroll_to_minutes(VISIBLE_FROM * 60)
        else:
            self.scroll_to_minutes(top)
        frame = self.viewport().geometry()
        self._header.setGeometry(QRect(frame.x() - RULER_WIDTH, frame.y() - HEADER_HEIGHT, frame.width() + RULER_WIDTH, HEADER_HEIGHT))
        self._ruler.setGeometry(QRect(frame.x() - RULER_WIDTH, frame.y(), RULER_WIDTH, frame.height()))
        self._header.update()
        self._ruler.update()
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_geometry()

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        self._update_geometry()

    def zoom(self, factor: float) -> None:
        self._zoom = min(max(self._zoom * factor, 0.5), 6.0)
        self._update_geometry()

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), self.palette().base())
        offset = self._offset()
        painter.translate(-offset)
        area = QRectF(event.rect()).translated(offset)
        g = self._geometry
        content_height = g.y_of(self._layout.longest_day)
        first = max(g.column_at(area.left()), 0)
        last = min(g.column_at(area.right()), len(self._layout.days) - 1)
        top, bottom = g.minutes_at(area.top()), g.minutes_at(area.bottom())
        for column in range(first, last + 1):
            paint.paint_column(
                painter, g, column, self._layout.days[column], self._marks[column], self._changes[column],
                content_height, area.top(), area.bottom(),
            )
        palette = self.palette()
        small: dict[tuple[ItemKind, bool], list[QRectF]] = defaultdict(list)
        large: list[tuple[Block, QRectF]] = []
        left, right, width = area.left(), area.right(), g.column_width
        for column in range(first, last + 1):
            x0 = column * width
            for block in self._layout.blocks_between(column, top, bottom):
                # The lane's span first, in plain numbers: an edit repaints its day's column and a pixel or two of
                # the next, whose thousand blocks are nearly all beside the area (a rectangle each took as long
                # as the day painted).
                lane_left = x0 + block.lane * width / block.lanes
                if lane_left >= right or lane_left + width / block.lanes <= left:
                    continue
                rect = QRectF(*g.box(block))
                if not rect.intersects(area):
                    continue
                if rect.width() < paint.MIN_TEXT_WIDTH or rect.height() < paint.MIN_TEXT_HEIGHT:
                    small[(self._items[block.item_id].kind, block.item_id in self._selected)].append(rect)
                else:
                    large.append((block, rect))
        paint.paint_small_blocks(painter, small, palette)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for block, rect in large:
            item = self._items[block.item_id]
            paint.paint_block(
                painter, rect, block, item.kind, self._texts_of(item), selected=block.item_id in self._selected,
                current=block.item_id == self._current and self.hasFocus(), palette=palette, text_top=area.top(),
            )
        if self._drag is not None and self._drag.active:
            rect, label = self._ghost()
            paint.paint_ghost(painter, rect, label, palette)
        painter.end()

    def _texts_of(self, item: ItemData) -> paint.BlockTexts:
        assert item.id is not None
        texts = self._texts.get(item.id)
        if texts is None:
            texts = paint.BlockTexts(
                item.title.text(self._language),
                item_text.times_text(item, self._timezone, self._language, dates=False),
                item_text.venue_text(item, self._venues, self._language),
            )
            self._texts[item.id] = texts
        return texts

    def _days(self) -> margins.Days:
        return margins.Days(self._layout, self._changes, self._geometry, self._timezone, self._language)

    def _paint_header(self, painter: QPainter) -> None:
        margins.paint_header(painter, self._header.width(), self.horizontalScrollBar().value(), self._days(), self.font(), self.palette())

    def _header_tooltip(self, pos: QPoint) -> str:
        return margins.header_tooltip(pos, self.horizontalScrollBar().value(), self._days())

    def _paint_ruler(self, painter: QPainter) -> None:
        margins.paint_ruler(painter, self._ruler.height(), self.verticalScrollBar().value(), self._geometry, self.palette())

    def _ghost(self) -> tuple[QRectF, str]:
        drag = self._drag
        assert drag is not None
        block = drag.block
        item = self._items[block.item_id]
        if drag.resize:
            start = self._layout.starts[block.item_id]
            end = self._layout.resized_end(block, drag.minutes)
            column, top = block.column, block.top
        else:
            start = self._layout.moved_start(block, drag.column, drag.minutes)
            end = start + (self._layout.ends[block.item_id] - self._layout.starts[block.item_id])
            column, top = drag.column, drag.minutes
        span = self._layout.days[column]
        bottom = min(span.minutes_of(end), float(span.minutes))
        moved = Block(block.item_id, column, top, max(bottom, top), True, True, block.lane, block.lanes)
        label = item_text.times_text(item.evolve(start=start, end=end), self._timezone, self._language, dates=False)
        return self._qrect(moved), label

    # --- mouse --------------------------------------------------------------------------

    def _content(self, event: QMouseEvent) -> QPointF:
        return event.position() + self._offset()

    def _on_bottom_edge(self, block: Block, point: QPointF) -> bool:
        return block.ends_here and self._qrect(block).bottom() - point.y() <= EDGE

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = self._content(event)
        block = self._layout.block_at(self._geometry, point.x(), point.y())
        modifiers = event.modifiers()
        if block is None:
            if not modifiers & Qt.KeyboardModifier.ControlModifier:
                self.select_items([])
            return
        item_id = block.item_id
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self.select_items(list(self._selected ^ {item_id}), item_id)
        elif modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.select_items([*self._selected, item_id], item_id)
        elif item_id not in self._selected:
            self.select_items([item_id], item_id)
        else:
            self.select_items(list(self._selected), item_id)
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = _Drag(block, self._on_bottom_edge(block, point), point, column=block.column,
                               minutes=block.bottom if self._on_bottom_edge(block, point) else block.top)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = self._content(event)
        drag = self._drag
        if drag is None or not event.buttons() & Qt.MouseButton.LeftButton:
            block = self._layout.block_at(self._geometry, point.x(), point.y())
            edge = block is not None and self._on_bottom_edge(block, point)
            self.viewport().setCursor(Qt.CursorShape.SizeVerCursor if edge else Qt.CursorShape.ArrowCursor)
            return
        if not drag.active and (point - drag.press).manhattanLength() < QApplication.startDragDistance():
            return
        before = self._ghost()[0] if drag.active else self._qrect(drag.block)
        drag.active = True
        scrolled = self._autoscroll(event.position())
        point = self._content(event)
        delta = self._geometry.minutes_at(point.y() - drag.press.y())
        block = drag.block
        if drag.resize:
            limit = self._layout.days[block.column].minutes
            drag.minutes = min(max(snap(block.bottom + delta), block.top + SNAP_MINUTES), limit)
        else:
            drag.column = min(max(self._geometry.column_at(point.x()), 0), len(self._layout.days) - 1)
            limit = self._layout.days[drag.column].minutes - SNAP_MINUTES
            drag.minutes = min(max(snap(block.top + delta), 0), limit)
        if scrolled:
            self.viewport().update()
        else:  # only where the ghost was and is: a drag stays smooth among thousands of items
            dirty = before.united(self._ghost()[0]).translated(-self._offset())
            self.viewport().update(dirty.toAlignedRect().adjusted(-3, -3, 3, 3))

    def _autoscroll(self, pos: QPointF) -> bool:
        """Scroll when a drag nears the top or bottom edge; True if it scrolled."""
        bar, height, value = self.verticalScrollBar(), self.viewport().height(), self.verticalScrollBar().value()
        if pos.y() < 16:
            bar.setValue(value - bar.singleStep())
        elif pos.y() > height - 16:
            bar.setValue(value + bar.singleStep())
        return bar.value() != value

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        drag, self._drag = self._drag, None
        if drag is None or not drag.active:
            return
        self.viewport().update()
        block = drag.block
        if drag.resize:
            if drag.minutes != block.bottom:
                self.resizeRequested.emit(block.item_id, self._layout.resized_end(block, drag.minutes))
        elif (drag.column, drag.minutes) != (block.column, block.top):
            self.moveRequested.emit(block.item_id, self._layout.moved_start(block, drag.column, drag.minutes))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._drag = None
        point = self._content(event)
        block = self._layout.block_at(self._geometry, point.x(), point.y())
        if block is not None:
            self.editRequested.emit(block.item_id)
            return
        where = self.moment_at(event.position())
        if where is not None:
            self.request_create(*where)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            point = QPointF(event.pos()) + self._offset()  # type: ignore[attr-defined]
            block = self._layout.block_at(self._geometry, point.x(), point.y())
            if block is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._tooltip(self._items[block.item_id]), self.viewport())  # type: ignore[attr-defined]
            return True
        return super().viewportEvent(event)

    def _tooltip(self, item: ItemData) -> str:
        lines = [f"{item.kind.label}: {item.title.text(self._language)}", item_text.times_tooltip(item, self._timezone, self._language)]
        venue = item_text.venue_text(item, self._venues, self._language)
        if venue:
            lines.append(venue)
        return "\n".join(lines)

    # --- keyboard -----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, modifiers = event.key(), event.modifiers()
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        arrows = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.viewport().update()
        elif event.matches(QKeySequence.StandardKey.Delete) and self._selected:
            self.deleteRequested.emit(self.selected_ids())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self.editRequested.emit(self._current)
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_items(list(self._layout.blocks), self._current)
        elif key in arrows and alt and self._current is not None:
            self._nudge(self._current, key, shift)
        elif key in arrows:
            self._step(key, extend=shift)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus) and modifiers & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25 if key == Qt.Key.Key_Plus else 0.8)
        else:
            super().keyPressEvent(event)

    def _nudge(self, item_id: int, key: int, resize: bool) -> None:
        """Alt+arrows: a quarter hour earlier/later or a day before/after; with Shift the end only."""
        start, end = self._layout.starts[item_id], self._layout.ends[item_id]
        step = {Qt.Key.Key_Up: -QUARTER, Qt.Key.Key_Down: QUARTER, Qt.Key.Key_Left: -timedelta(days=1), Qt.Key.Key_Right: timedelta(days=1)}[key]
        if resize:
            if end + step > start:
                self.resizeRequested.emit(item_id, end + step)
        elif abs(step) == timedelta(days=1):
            block = self._layout.first_block(item_id)
            assert block is not None
            column = block.column + (1 if step > timedelta(0) else -1)
            if 0 <= column < len(self._layout.days):
                self.moveRequested.emit(item_id, self._layout.moved_start(block, column, block.top))
        else:
            self.moveRequested.emit(item_id, start + step)

    def _step(self, key: int, *, extend: bool) -> None:
        """Arrow keys: Up/Down to the previous/next item of the day, Left/Right to the nearest one on another day."""
        current = self._layout.first_block(self._current) if self._current is not None else None
        if current is None:
            first = max(self._geometry.column_at(self.horizontalScrollBar().value()), 0)
            target = self._layout.first_from(first, self.top_minutes())
        else:
            target = self._layout.neighbour(current, _DIRECTIONS[key])
        if target is None:
            return
        ids = [*self._selected, target.item_id] if extend else [target.item_id]
        self.select_items(ids, target.item_id)
        self.ensure_visible(target.item_id)

    def focusInEvent(self, event: QEvent) -> None:  # type: ignore[override]  # noqa: N802
        super().focusInEvent(event)  # type: ignore[arg-type]
        self.viewport().update()

    def focusOutEvent(self, event: QEvent) -> None:  # type: ignore[override]  # noqa: N802
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.viewport().update()

