"""The Rooms tab's two tables: the room blocks held at the trip's hotels, and the delegation with their rooms.

Both show records the services gave (no copy of the database). A member is
dragged from the guests table onto a block: the guests model gives the
membership ids as mime data and the blocks model takes them, telling the page
which block they were dropped on; the page makes the change through the
services, so a drop is one undo step like any other edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from planner import formatting
from planner.domain.accommodation import RoomAssignmentData, RoomBlockData, nights, rooms_in_use
from planner.domain.entities import VenueData
from planner.domain.enums import Role
from planner.domain.names import full_name
from planner.i18n import N_, _, current_language
from planner.services.accommodation import Accommodation
from planner.domain.members import Member
from planner.ui.icons import kind_icon
from planner.ui.models.member_drag import MemberDragModel, members_in
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: What a dragged member carries: their membership ids, comma-separated.
MEMBERS_MIME = "application/x-planner-memberships"

HOTEL, ROOM_TYPE, ROOMS, SLEEPS, IN_USE, RATE = range(6)
BLOCK_HEADERS: tuple[str, ...] = (N_("Hotel"), N_("Room type"), N_("Rooms"), N_("Sleeps"), N_("In use"), N_("Rate per night"))

GUEST, ROLE, GUEST_HOTEL, GUEST_ROOM_TYPE, ROOM, NIGHTS, SHARING, REQUESTS = range(8)
GUEST_HEADERS: tuple[str, ...] = (
    N_("Member"), N_("Role"), N_("Hotel"), N_("Room type"), N_("Room"), N_("Nights"), N_("Sharing with"), N_("Special requests"),
)
#: KIND_ROLE values of the guests table, for the "without a room" filter.
WITHOUT_ROOM = "without_room"
WITH_ROOM = "with_room"


def member_name(member: Member) -> str:
    person = member.person
    return full_name(person.family_name, person.given_name, person.native_name)


def nights_text(first: date | None, last: date | None) -> str:
    """"24–26 October 2016 (3 nights)" in the interface's language."""
    if first is None or last is None:
        return ""
    count = len(nights(first, last))
    return _("{days} ({count} nights)").format(days=formatting.date_range(first, last), count=formatting.integer(count))


class BlockTableModel(QAbstractTableModel):
    """The room blocks of the trip, each with how many of its rooms are in use on the busiest night."""

    #: Members (membership ids) were dropped on the block (its id).
    membersDropped = Signal(list, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RoomBlockData] = []
        self._hotels: dict[int, VenueData] = {}
        self._in_use: dict[int, int] = {}

    def set_data(self, lodging: Accommodation, hotels: dict[int, VenueData]) -> None:
        self.beginResetModel()
        self._rows = list(lodging.blocks)
        self._hotels = hotels
        self._in_use = busiest_nights(lodging)
        self.endResetModel()

    def block(self, row: int) -> RoomBlockData:
        return self._rows[row]

    def row_of(self, block_id: int | None) -> int:
        return next((n for n, b in enumerate(self._rows) if b.id == block_id), -1)

    def hotel_name(self, block: RoomBlockData) -> str:
        hotel = self._hotels.get(block.venue_id or -1)
        return hotel.name.text(current_language()) if hotel is not None else ""

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(BLOCK_HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(BLOCK_HEADERS) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(BLOCK_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(BLOCK_HEADERS) and role == DISPLAY:
            return _(BLOCK_HEADERS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        block, column = self._rows[index.row()], index.column()
        if role == DISPLAY:
            return self._display(block, column)
        if role == OBJECT_ROLE:
            return block
        if role == SORT_ROLE:
            return self._display(block, column)
        if role == Qt.ItemDataRole.DecorationRole and column == HOTEL:
            return kind_icon("venues", "hotel")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ROOMS, SLEEPS, IN_USE, RATE):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("Drag members here to give them a room of this type")
        if role == Qt.ItemDataRole.ForegroundRole and column == IN_USE and self._in_use.get(block.id or -1, 0) > block.rooms:
            from PySide6.QtGui import QBrush, QColor

            return QBrush(QColor("#b00020"))
        return None

    def _display(self, block: RoomBlockData, column: int) -> str:
        if column == HOTEL:
            return self.hotel_name(block)
        if column == ROOM_TYPE:
            return block.room_type.text(current_language())
        if column == ROOMS:
            return formatting.integer(block.rooms)
        if column == SLEEPS:
            return formatting.integer(block.sleeps)
        if column == IN_USE:
            return formatting.integer(self._in_use.get(block.id or -1, 0))
        return formatting.money(block.rate, block.currency) if block.rate is not None else "–"

    # --- dropping members ------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDropEnabled if index.isValid() else base

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [MEMBERS_MIME]

    def canDropMimeData(self, data: QMimeData, _action: Qt.DropAction, row: int, _column: int, parent: AnyIndex) -> bool:  # noqa: N802
        return data.hasFormat(MEMBERS_MIME) and (parent.isValid() or 0 <= row < len(self._rows))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:  # noqa: N802
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = parent.row() if parent.isValid() else row
        ids = members_in(data, MEMBERS_MIME)
        block_id = self._rows[target].id
        if ids and block_id is not None:
            self.membersDropped.emit(ids, block_id)
        return False  # the page changes the data; nothing is moved by the view


def busiest_nights(lodging: Accommodation) -> dict[int, int]:
    """Per block, the rooms in use on its busiest night (a shared room counts once)."""
    return {
        block.id or -1: max(rooms_in_use([r for r in lodging.assignments if r.block_id == block.id]).values(), default=0)
        for block in lodging.blocks
    }


@dataclass(frozen=True, slots=True)
class GuestRow:
    """A member with one of their rooms, or without any (room and block None)."""

    member: Member
    room: RoomAssignmentData | None
    block: RoomBlockData | None
    sharers: tuple[Member, ...]


class GuestTableModel(MemberDragModel):
    """The delegation (hosts left out: they sleep at home) with their rooms, one row per room; dragged onto a block."""

    MEMBERS_MIME = MEMBERS_MIME

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GuestRow] = []
        self._hotels: dict[int, VenueData] = {}

    def set_data(self, members: Sequence[Member], lodging: Accommodation, hotels: dict[int, VenueData]) -> None:
        by_id = {m.id: m for m in members}
        blocks = {b.id: b for b in lodging.blocks}
        rows: list[GuestRow] = []
        for member in members:
            if member.role is Role.HOST:
                continue
            rooms = lodging.rooms_of(member.id)
            for room in rooms:
                sharers = tuple(by_id[i] for i in room.sharing_with if i in by_id)
                rows.append(GuestRow(member, room, blocks.get(room.block_id), sharers))
            if not rooms:
                rows.append(GuestRow(member, None, None, ()))
        self.beginResetModel()
        self._rows = rows
        self._hotels = hotels
        self.endResetModel()

    def row(self, row: int) -> GuestRow:
        return self._rows[row]

    def rows_of(self, membership_id: int) -> list[int]:
        return [n for n, r in enumerate(self._rows) if r.member.id == membership_id]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(GUEST_HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(GUEST_HEADERS) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(GUEST_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(GUEST_HEADERS) and role == DISPLAY:
            return _(GUEST_HEADERS[section])
        return super().headerData(section, orientation, role)

    def _member_id(self, row: int) -> int | None:
        return self._rows[row].member.id

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == DISPLAY:
            return self._display(row, column)
        if role == OBJECT_ROLE:
            return row
        if role == SORT_ROLE:
            if column == GUEST:
                return index.row()  # the order of precedence
            if column == NIGHTS and row.room is not None:
                return (row.room.first_night, row.room.last_night)
            return formatting.sort_key(self._display(row, column))
        if role == FILTER_ROLE:
            if column == GUEST:
                p = row.member.person
                return " ".join((p.family_name, p.given_name, p.native_name))
            if column == SHARING:
                return " ".join(" ".join((s.person.family_name, s.person.given_name, s.person.native_name)) for s in row.sharers)
            return self._display(row, column)
        if role == KIND_ROLE:
            return WITH_ROOM if row.room is not None else WITHOUT_ROOM
        if role == Qt.ItemDataRole.ToolTipRole and column in (REQUESTS, SHARING):
            return self._display(row, column) or None
        return None

    def _display(self, row: GuestRow, column: int) -> str:
        if column == GUEST:
            return member_name(row.member)
        if column == ROLE:
            return row.member.role.label
        if row.room is None or row.block is None:
            return _("no room yet") if column == GUEST_HOTEL else ""
        if column == GUEST_HOTEL:
            hotel = self._hotels.get(row.block.venue_id or -1)
            return hotel.name.text(current_language()) if hotel is not None else ""
        if column == GUEST_ROOM_TYPE:
            return row.block.room_type.text(current_language())
        if column == ROOM:
            return row.room.room_label
        if column == NIGHTS:
            return nights_text(row.room.first_night, row.room.last_night)
        if column == SHARING:
            return ", ".join(member_name(s) for s in row.sharers)
        return row.room.requests.replace("\n", " ")
