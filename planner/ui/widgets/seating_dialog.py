"""The seating plan of one programme item, drawn as the table seen from above; seats are dragged to change it.

Dropping a person on another seat swaps the two; dropping them on an empty
chair moves them there. The plan starts as the saved one, or as proposed from
the order of precedence; "Propose again" throws the changes away. Saving is
one undoable step. The geometry is planner.domain.seating's, the same as on paper.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
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
from planner.domain.protocol import Seat, SeatingData
from planner.domain.seating import chair_angle, moved, round_tables, spot
from planner.i18n import _
from planner.services.delegation import Member

SEAT_W, SEAT_H, GAP, TABLE = 128.0, 54.0, 10.0, 60.0
ACCENT = QColor("#1F3A5F")
RULE = QColor("#C5CCD4")
TINT = QColor("#F1F3F6")


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

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        self.dialog.dropped(self, self.sceneBoundingRect().center())


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
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(900, 420)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Arrangement"), self))
        top.addWidget(self.arrangement)
        top.addStretch(1)
        top.addWidget(self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.seat_items: dict[int, SeatItem] = {}
        self._free: list[tuple[QRectF, SeatSide, int, bool]] = []
        self.draw()

    def current_arrangement(self) -> SeatingArrangement:
        return SeatingArrangement(self.arrangement.currentData())

    def set_plan(self, plan: SeatingData) -> None:
        self.plan = plan
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
        arrangement = self.plan.arrangement
        if arrangement is SeatingArrangement.ROUND:  # swapping only: every chair at a round table is taken
            self._draw_round()
            return
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

    def dropped(self, item: SeatItem, at: QPointF) -> None:
        """A seat let go at `at`: swap with the seat there, move to a free chair there, or go back."""
        target = next((other for other in self.seat_items.values() if other is not item and other.sceneBoundingRect().contains(at)), None)
        if target is not None:
            self.plan = moved(self.plan, item.seat.membership_id, *target.seat.spot)
        else:
            chair = next(((side, place, behind) for rect, side, place, behind in self._free if rect.contains(at)), None)
            if chair is not None:
                self.plan = moved(self.plan, item.seat.membership_id, *chair)
        self.draw()

    def move_onto(self, membership_id: int, other_id: int) -> None:
        """What dragging one person onto another does (for the keyboard-less test and scripts)."""
        target = self.plan.seat_of(other_id)
        if target is not None:
            self.plan = moved(self.plan, membership_id, *target.spot)
            self.draw()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        """A long table is shown whole, scaled down to the window."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def submit(self) -> None:
        if self._save(self.plan) is not None:
            self.accept()
