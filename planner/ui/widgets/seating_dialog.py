"""The seating plan of one programme item, drawn as the table seen from above; seats are dragged to change it.

Dropping a person on another seat swaps the two; dropping them on an empty
chair moves them there. The keyboard does the same (issue 4): the arrow keys
choose the current seat (Left/Right in seating order, Up/Down to the nearest
seat above or below), Space or Enter picks its person up and, on another seat,
puts them down there; Escape cancels. Both go through `place`, so a drag and a
key press make the same plan. The plan starts as the saved one, or as proposed from
the order of precedence; "Propose again" throws the changes away. Saving is
one undoable step. The geometry is planner.domain.seating's, the same as on paper.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QBrush, QColor, QFocusEvent, QKeyEvent, QPainter, QPen, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import SeatingArrangement, SeatSide
from planner.domain.names import display_name
from planner.domain.protocol import ROUND_STRIDE, Seat, SeatingData
from planner.domain.seating import chair_angle, moved, round_tables, spot
from planner.i18n import _
from planner.domain.members import Member
from planner.ui.widgets.wrapped_height import hold_wrapped_lines

SEAT_W, SEAT_H, GAP, TABLE = 128.0, 54.0, 10.0, 60.0
ACCENT = QColor("#1F3A5F")
RULE = QColor("#C5CCD4")
TINT = QColor("#F1F3F6")
FOCUS = QColor("#D9822B")  # the keyboard's current seat: a colour no seat is drawn in
PICKED = QColor("#FCE7C8")

#: A chair on the plan: side, place and behind as in Seat.spot.
Spot = tuple[SeatSide, int, bool]


class SeatItem(QGraphicsRectItem):
    """One person's chair: drag it onto another chair to swap, or onto a free one to move."""

    def __init__(self, dialog: SeatingDialog, seat: Seat, member: Member, rect: QRectF) -> None:
        super().__init__(rect)
        self.dialog, self.seat, self.member = dialog, seat, member
        self.home = rect.topLeft()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        principal = seat.place == 0 and not seat.behind
        self.setBrush(QBrush(TINT if principal else QColor("white")))
        pen = QPen(ACCENT if principal else RULE, 2 if principal else 1)
        if seat.behind:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        person = member.person
        latin = display_name(person.family_name, person.given_name, person.native_name)
        lines = [person.native_name, latin] if person.native_name and person.native_name != latin else [latin]
        text = QGraphicsSimpleTextItem("\n".join(lines), self)
        box = text.boundingRect()
        text.setPos(rect.center().x() - box.width() / 2, rect.center().y() - box.height() / 2)
        self.setToolTip(f"{person.full_name}\n{member.role.label}")
        self.normal = self.brush()

    def set_picked(self, picked: bool) -> None:
        """Picked up with the keyboard: shaded until put down or the pick-up is cancelled."""
        self.setBrush(QBrush(PICKED) if picked else self.normal)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mousePressEvent(event)
        self.dialog.set_current(self.seat.spot)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        self.dialog.dropped(self, self.sceneBoundingRect().center())


class SeatingView(QGraphicsView):
    """The plan as one focusable widget: the dialog handles the keys, the view says when focus comes and goes."""

    def __init__(self, scene: QGraphicsScene, dialog: SeatingDialog) -> None:
        super().__init__(scene, dialog)
        self.dialog = dialog
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.dialog.seat_key(Qt.Key(event.key())):
            event.accept()
        elif event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # on to the dialog: Escape closes it
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.dialog.focus_entered()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.dialog.show_current()

    def fit(self) -> None:
        """The whole plan, scaled to the view: a long table is shown whole, a short one not as a speck."""
        rect = self.sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()  # the view's own size, known only here (the dialog's resize comes before its layout's)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.fit()


class SeatingDialog(QDialog):
    def __init__(self, plan: SeatingData, members: list[Member], propose: Callable[[SeatingArrangement], SeatingData],
                 save: Callable[[SeatingData], object], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.members = {m.id: m for m in members}
        self._propose, self._save = propose, save
        self.setWindowTitle(_("Seating plan: {item}").format(item=title))
        self.arrangement = QComboBox(self)
        for arrangement in SeatingArrangement:
            self.arrangement.addItem(arrangement.label, arrangement.value)
        self.arrangement.setCurrentIndex(self.arrangement.findData(plan.arrangement.value))
        self.arrangement.currentIndexChanged.connect(self._arrangement_changed)
        self.again = QPushButton(_("Propose again from precedence"), self)
        self.again.clicked.connect(lambda: self.set_plan(self._propose(self.current_arrangement())))
        self.hint = QLabel(_("Drag a person onto another seat to swap the two, or onto a free chair to move there."), self)
        self.hint.setWordWrap(True)
        self.keys = QLabel(self)
        self.keys.setWordWrap(True)
        self.scene = QGraphicsScene(self)
        self.view = SeatingView(self.scene, self)
        self.view.setAccessibleName(_("Seating plan"))
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(480, 260)  # fits a small screen; the plan is scaled to whatever room there is
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        self.arrangement_caption = QLabel(_("Arrangement"), self)
        self.arrangement_caption.setBuddy(self.arrangement)  # its Alt letter is chosen when shown, as in the forms
        top.addWidget(self.arrangement_caption)
        top.addWidget(self.arrangement)
        top.addStretch(1)
        top.addWidget(self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.keys)
        layout.addWidget(self.buttons)
        self.seat_items: dict[int, SeatItem] = {}
        self._free: list[tuple[QRectF, SeatSide, int, bool]] = []
        self.current: Spot | None = None  # the keyboard's seat
        self.picked: int | None = None  # the membership picked up with the keyboard
        self.focus_frame: QGraphicsRectItem | None = None
        self.draw()
        self.resize(1100, 640)  # room for a long table; on a smaller screen the window manager makes it fit

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        from planner.ui.widgets.form_keys import prepare_keyboard

        prepare_keyboard(self)
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Never lower than the wrapped hint and key help need at this width (see wrapped_height)."""
        super().resizeEvent(event)
        hold_wrapped_lines(self)

    def current_arrangement(self) -> SeatingArrangement:
        return SeatingArrangement(self.arrangement.currentData())

    def set_plan(self, plan: SeatingData) -> None:
        self.plan = plan
        self.picked = None
        self.arrangement.blockSignals(True)
        self.arrangement.setCurrentIndex(self.arrangement.findData(plan.arrangement.value))
        self.arrangement.blockSignals(False)
        self.draw()

    def _arrangement_changed(self, _index: int) -> None:
        arrangement = self.current_arrangement()
        if SeatingArrangement.ROUND in (arrangement, self.plan.arrangement):  # chairs round a table are no places in a row
            self.plan = self._propose(arrangement).evolve(id=self.plan.id, version=self.plan.version)
        else:
            self.plan = self.plan.evolve(arrangement=arrangement)
        self.picked = None
        self.draw()

    # --- drawing ------------------------------------------------------------------------

    def _rect(self, column: int, row: int, behind: bool) -> QRectF:
        gap = TABLE + 2 * GAP if self.plan.arrangement is SeatingArrangement.FACING and row >= 1 else GAP
        y = row * (SEAT_H + GAP) + (gap - GAP if row >= 1 else 0)
        height = SEAT_H * 0.8 if behind else SEAT_H
        return QRectF(column * (SEAT_W + GAP), y, SEAT_W, height)

    def _round_rect(self, seat: Seat, tables: dict[int, int]) -> QRectF:
        """A chair round its table, the tables in a row; the seat of honour at the top, the door below."""
        chairs = tables[seat.table]
        reach = max(150.0, chairs * (SEAT_W + GAP) / (2 * math.pi) * 0.75) + (SEAT_H if seat.behind else 0)
        centre = QPointF(list(tables).index(seat.table) * 2.6 * (reach + SEAT_W), 0)
        angle = math.radians(chair_angle(seat.chair, chairs))
        height = SEAT_H * 0.8 if seat.behind else SEAT_H
        x, y = centre.x() + reach * math.cos(angle), centre.y() - reach * math.sin(angle)
        return QRectF(x - SEAT_W / 2, y - height / 2, SEAT_W, height)

    def _draw_round(self) -> None:
        tables = round_tables(self.plan)
        for table, chairs in tables.items():
            reach = max(150.0, chairs * (SEAT_W + GAP) / (2 * math.pi) * 0.75)
            centre = QPointF(list(tables).index(table) * 2.6 * (reach + SEAT_W), 0)
            radius = reach - SEAT_H * 0.7
            self.scene.addEllipse(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                                  QPen(RULE), QBrush(TINT)).setZValue(0)
            label = self.scene.addSimpleText(_("Table {number}").format(number=table + 1))
            label.setPos(centre - label.boundingRect().center())
        for seat in self.plan.seats:
            member = self.members.get(seat.membership_id)
            if member is not None:
                item = SeatItem(self, seat, member, self._round_rect(seat, tables))
                self.scene.addItem(item)
                self.seat_items[seat.membership_id] = item
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))

    def draw(self) -> None:
        self.scene.clear()
        self.seat_items.clear()
        self._free.clear()
        if self.plan.arrangement is SeatingArrangement.ROUND:  # swapping only: every chair at a round table is taken
            self._draw_round()
        else:
            self._draw_rows()
        self.focus_frame = QGraphicsRectItem()
        self.focus_frame.setPen(QPen(FOCUS, 4))
        self.focus_frame.setZValue(5)
        self.scene.addItem(self.focus_frame)
        self.show_current()
        self.view.fit()  # another arrangement has another shape

    def _draw_rows(self) -> None:
        arrangement = self.plan.arrangement
        spots = {s.membership_id: spot(s, arrangement) for s in self.plan.seats}
        columns = [p.column for p in spots.values()] or [0]
        left, right = min(columns) - 1, max(columns) + 1  # a free chair at each end of each side
        if arrangement is SeatingArrangement.FACING:
            table = QRectF(left * (SEAT_W + GAP), SEAT_H + GAP, (right - left + 1) * (SEAT_W + GAP) - GAP, TABLE)
            self.scene.addRect(table, QPen(RULE), QBrush(TINT)).setZValue(0)
        taken = {s.spot for s in self.plan.seats}
        for seat in self.plan.seats:
            member = self.members.get(seat.membership_id)
            if member is None:
                continue
            where = spots[seat.membership_id]
            item = SeatItem(self, seat, member, self._rect(where.column, where.row, seat.behind))
            self.scene.addItem(item)
            self.seat_items[seat.membership_id] = item
        for side in SeatSide:  # free chairs: the next place on either end of each side
            places = [s.place for s in self.plan.seats if s.side is side and not s.behind]
            for place in (len(places), len(places) + 1):
                if (side, place, False) in taken:
                    continue
                free = spot(Seat(0, side, place), arrangement)
                rect = self._rect(free.column, free.row, False)
                chair = self.scene.addRect(rect, QPen(RULE, 1, Qt.PenStyle.DotLine))
                chair.setZValue(1)
                self._free.append((rect, side, place, False))
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))

    # --- dragging -------------------------------------------------------------------------

    def place(self, membership_id: int, where: Spot) -> None:
        """Put a person on a chair: swap with whoever sits there, or move to it if it is free."""
        self.plan = moved(self.plan, membership_id, *where)

    def dropped(self, item: SeatItem, at: QPointF) -> None:
        """A seat let go at `at`: swap with the seat there, move to a free chair there, or go back."""
        target = next((other for other in self.seat_items.values() if other is not item and other.sceneBoundingRect().contains(at)), None)
        if target is not None:
            self.place(item.seat.membership_id, target.seat.spot)
        else:
            chair = next(((side, place, behind) for rect, side, place, behind in self._free if rect.contains(at)), None)
            if chair is not None:
                self.place(item.seat.membership_id, chair)
        self.draw()

    # --- the keyboard -----------------------------------------------------------------------

    def chairs(self) -> list[tuple[Spot, QRectF, SeatItem | None]]:
        """Every chair in seating order: round a table from the seat of honour (each one's interpreter
        after it), table by table; in rows from the top row down, left to right."""
        chairs: list[tuple[Spot, QRectF, SeatItem | None]] = [(i.seat.spot, i.mapRectToScene(i.rect()), i) for i in self.seat_items.values()]
        chairs += [((side, place, behind), rect, None) for rect, side, place, behind in self._free]
        if self.plan.arrangement is SeatingArrangement.ROUND:
            return sorted(chairs, key=lambda c: (c[2].seat.table, c[2].seat.chair, c[0][2]) if c[2] else (0, 0, False))
        return sorted(chairs, key=lambda c: (round(c[1].top()), c[1].left()))

    def _same(self, a: Spot | None, b: Spot) -> bool:
        """At round tables a chair is the same whichever party sits on it."""
        if a is None:
            return False
        return a[1:] == b[1:] if self.plan.arrangement is SeatingArrangement.ROUND else a == b

    def _index(self, chairs: list[tuple[Spot, QRectF, SeatItem | None]]) -> int | None:
        return next((n for n, (where, _rect, _item) in enumerate(chairs) if self._same(self.current, where)), None)

    def focus_entered(self) -> None:
        """Tabbing into the plan lands on the first chair (or the last one chosen), framed at once."""
        chairs = self.chairs()
        if chairs and self._index(chairs) is None:
            self.current = chairs[0][0]
        self.show_current()

    def set_current(self, where: Spot | None) -> None:
        self.current = where
        self.show_current()

    def seat_key(self, key: Qt.Key) -> bool:
        """One key pressed on the plan; False if it is not the plan's (Tab, or Escape with nothing picked up)."""
        chairs = self.chairs()
        if not chairs:
            return False
        n = self._index(chairs)
        if key == Qt.Key.Key_Escape:
            if self.picked is None:
                return False
            self.picked = None
            self.show_current()
            return True
        if n is None:  # the first key only shows where the keyboard is
            if key not in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End,
                           Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return False
            self.set_current(chairs[-1 if key == Qt.Key.Key_End else 0][0])
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            n = max(0, min(len(chairs) - 1, n + (1 if key == Qt.Key.Key_Right else -1)))
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            n = 0 if key == Qt.Key.Key_Home else len(chairs) - 1
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            n = self._nearest(chairs, n, -1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick_or_put(chairs[n])
            return True
        else:
            return False
        self.set_current(chairs[n][0])
        return True

    @staticmethod
    def _nearest(chairs: list[tuple[Spot, QRectF, SeatItem | None]], n: int, down: int) -> int:
        """The chair nearest above (down=-1) or below (down=1), straight lines first; `n` itself if there is none."""
        here = chairs[n][1].center()
        below = [(abs(c[1].center().y() - here.y()) + 2 * abs(c[1].center().x() - here.x()), k)
                 for k, c in enumerate(chairs) if (c[1].center().y() - here.y()) * down > 1]
        return min(below)[1] if below else n

    def _pick_or_put(self, chair: tuple[Spot, QRectF, SeatItem | None]) -> None:
        where, _rect, item = chair
        if self.picked is None:
            if item is not None:
                self.picked = item.seat.membership_id
            self.show_current()
            return
        picked, self.picked = self.picked, None
        if item is None or item.seat.membership_id != picked:  # on the person's own seat: put back
            self.place(picked, where)
        self.draw()

    def describe(self, where: Spot) -> str:
        """The chair as a screen reader says it: where it is, and who sits there."""
        side, place, behind = where
        seat = self.plan.at(side, place, behind)
        if self.plan.arrangement is SeatingArrangement.ROUND:
            table, number = place // ROUND_STRIDE + 1, place % ROUND_STRIDE + 1
            text = (_("Table {table}, behind seat {seat}") if behind else _("Table {table}, seat {seat}")).format(table=table, seat=number)
        else:
            text = (_("{side}, behind place {place}") if behind else _("{side}, place {place}")).format(side=side.label, place=place + 1)
        member = self.members.get(seat.membership_id) if seat is not None else None
        if member is None:
            return _("{chair}: free chair").format(chair=text)
        return _("{chair}: {name}, {role}").format(chair=text, name=member.person.full_name, role=member.role.label)

    def show_current(self) -> None:
        """The focus frame on the current chair while the plan has focus, the picked person shaded, and the words for both."""
        chairs = self.chairs()
        n = self._index(chairs)
        for item in self.seat_items.values():
            item.set_picked(item.seat.membership_id == self.picked)
        if self.focus_frame is not None:
            if n is not None:
                self.focus_frame.setRect(chairs[n][1].adjusted(-5, -5, 5, 5))
            self.focus_frame.setVisible(n is not None and self.view.hasFocus())
        picked = self.members.get(self.picked) if self.picked is not None else None
        if picked is not None:
            status = _("{name} picked up: choose a seat with the arrow keys and press Space to put them there "
                       "(swapping with whoever sits there), or Escape to cancel.").format(name=picked.person.full_name)
        else:
            status = _("With the keyboard: the arrow keys choose a seat, Space or Enter picks up the person there "
                       "and puts them down on another seat.")
        self.keys.setText(status)
        name = _("Seating plan")
        if n is not None:
            name = _("Seating plan: {seat}").format(seat=self.describe(chairs[n][0]))
        if name != self.view.accessibleName():
            self.view.setAccessibleName(name)
            QAccessible.updateAccessibility(QAccessibleEvent(self.view, QAccessible.Event.NameChanged))
        if status != self.view.accessibleDescription():
            self.view.setAccessibleDescription(status)
            QAccessible.updateAccessibility(QAccessibleEvent(self.view, QAccessible.Event.DescriptionChanged))

    def move_onto(self, membership_id: int, other_id: int) -> None:
        """What dragging one person onto another does (for the keyboard-less test and scripts)."""
        target = self.plan.seat_of(other_id)
        if target is not None:
            self.place(membership_id, target.spot)
            self.draw()

    def submit(self) -> None:
        if self._save(self.plan) is not None:
            self.accept()
