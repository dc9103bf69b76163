"""The Rooms tab of the Logistics page: the rooms the trip holds at its hotels, and who sleeps where.

Above, the room blocks (hotel, room type, rooms held, how many are in use on
the busiest night); below, the delegation with their rooms, filtered as you
type. A member gets a room by dragging them onto a block, or from the
keyboard: select them and press Ctrl+R (Assign room…) to choose the block,
the nights and who shares the room. Every change goes through the services
and the undo history; a room shared is named on both sharers' rooms in one
undo step.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
    QSplitter, QTableView, QVBoxLayout, QWidget,
)

from planner.domain.accommodation import RoomAssignmentData, RoomBlockData, stay_nights
from planner.domain.entities import VenueData
from planner.domain.enums import Role
from planner.domain.errors import PlannerError
from planner.i18n import _
from planner.services import accommodation, delegation, trips
from planner.services.accommodation import Accommodation
from planner.services.base import Change
from planner.domain.members import Member
from planner.ui.errors import show_planner_error
from planner.ui.icons import icon
from planner.ui.keyboard import INSERT_KEYS, NEW_KEYS, page_shortcut, with_shortcut
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.room_tables import WITH_ROOM, WITHOUT_ROOM, BlockTableModel, GuestRow, GuestTableModel, member_name
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.pages.base import TripPage, UiContext
from planner.ui.undo import perform_each
from planner.ui.widgets.layouts import button_row, splitter_pane
from planner.ui.widgets.record_view import record_view
from planner.ui.widgets.room_forms import RoomBlockForm, RoomForm

#: Assign a room to the selected member: R for room.
ASSIGN_KEYS = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_R)
#: The entities whose change the tab reads again for.
_WATCHED = frozenset({"room_block", "room_assignment", "membership", "delegation", "delegation_order", "trip", "venue", "person"})


class RoomsPage(TripPage):
    shows = _WATCHED  # the base reloads the tab when a change touches one of these

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.lodging = Accommodation()
        self.members: list[Member] = []
        self.hotels: dict[int, VenueData] = {}
        self.trip_days: tuple[date | None, date | None] = (None, None)

        self.blocks_caption = QLabel(self)
        self.blocks_caption.setStyleSheet("font-weight: bold;")
        self.blocks = BlockTableModel(self)
        self.blocks.membersDropped.connect(self.drop_members)
        self.block_view = self._table(self.blocks)
        self.block_view.setAcceptDrops(True)
        self.block_view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.block_view.setDropIndicatorShown(True)
        self.block_view.activated.connect(lambda _i: self.edit_block())

        self.guests_caption = QLabel(self)
        self.guests_caption.setStyleSheet("font-weight: bold;")
        self.guests = GuestTableModel(self)
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(self.guests)
        self.view = self._table(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.activated.connect(lambda _i: self.assign_room())
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_filter_text)
        self.show_filter = QComboBox(self)
        self.show_filter.addItems(["", "", ""])
        self.show_filter.currentIndexChanged.connect(self._show_filter_changed)

        self.new_block_button = QPushButton(icon("actions/add"), "", self)
        self.new_block_button.clicked.connect(self.new_block)
        self.edit_block_button = QPushButton(icon("actions/edit"), "", self)
        self.edit_block_button.clicked.connect(self.edit_block)
        self.delete_block_button = QPushButton(icon("actions/delete"), "", self)
        self.delete_block_button.clicked.connect(self.delete_block)
        self.assign_button = QPushButton(icon("actions/edit"), "", self)
        self.assign_button.clicked.connect(self.assign_room)
        self.unassign_button = QPushButton(icon("actions/delete"), "", self)
        self.unassign_button.clicked.connect(self.remove_room)
        self.new_action = QAction(self)
        self.new_action.triggered.connect(self.new_block)
        page_shortcut(self, self.new_action, NEW_KEYS, INSERT_KEYS)
        self.assign_action = QAction(self)
        self.assign_action.triggered.connect(self.assign_room)
        page_shortcut(self, self.assign_action, ASSIGN_KEYS)
        self.remove_action = QAction(self.view)
        self.remove_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_room)
        self.view.addAction(self.remove_action)

        top, top_layout = splitter_pane(self)
        top_layout.addWidget(self.blocks_caption)
        top_layout.addWidget(self.block_view, 1)
        top_layout.addLayout(button_row(self.new_block_button, self.edit_block_button, self.delete_block_button))
        bottom, bottom_layout = splitter_pane(self)
        bar = QHBoxLayout()
        bar.addWidget(self.guests_caption)
        bar.addStretch(1)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.show_filter, 1)
        bottom_layout.addLayout(bar)
        bottom_layout.addWidget(self.view, 1)
        bottom_layout.addLayout(button_row(self.assign_button, self.unassign_button))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter, 1)

        self.block_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.modelReset.connect(self._selection_changed)
        self.retranslate()
        self._selection_changed()

    def _table(self, model: QAbstractItemModel) -> QTableView:
        view = record_view(QTableView(self), model)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(50)
        return view

    # --- page hooks ----------------------------------------------------------------------

    def page_title(self) -> str:
        return _("Rooms")

    def reload(self) -> None:
        if self.trip_id is None:
            self.lodging, self.members, self.hotels = Accommodation(), [], {}
        else:
            try:
                trip = trips.get_trip(self.ctx.db, self.trip_id)
                self.lodging = accommodation.trip_accommodation(self.ctx.db, self.trip_id)
                self.members = delegation.list_members(self.ctx.db, self.trip_id)
                self.hotels = {h.id: h for h in accommodation.hotels(self.ctx.db) if h.id is not None}
            except PlannerError as error:  # the trip was deleted elsewhere: show nothing rather than fail
                show_planner_error(self, error)
                self.trip_id = None
                self.reload()
                return
            self.trip_days = (trip.first_day, trip.last_day)
        selected = self.selected_members()
        self.blocks.set_data(self.lodging, self.hotels)
        self.guests.set_data(self.members, self.lodging, self.hotels)
        for view in (self.block_view, self.view):
            view.resizeColumnsToContents()
        self.select_members(selected)
        self._selection_changed()

    def retranslate(self) -> None:
        self.blocks_caption.setText(_("Rooms held at the hotels"))
        self.guests_caption.setText(_("Who sleeps where"))
        self.search.setPlaceholderText(_("Filter as you type…"))
        self.search.setToolTip(_("Finds members by name, hotel, room or request in any language"))
        for index, text in enumerate((_("Everyone"), _("With a room"), _("Without a room"))):
            self.show_filter.setItemText(index, text)
        self.new_block_button.setText(_("&New room block…"))
        self.new_block_button.setToolTip(with_shortcut(_("Add rooms of one type at a hotel"), NEW_KEYS))
        self.edit_block_button.setText(_("Edit &block…"))
        self.delete_block_button.setText(_("Re&move block…"))
        self.delete_block_button.setToolTip(_("Remove the selected room block and the rooms assigned in it"))
        self.assign_button.setText(_("&Assign room…"))
        self.assign_button.setToolTip(with_shortcut(_("Give the selected member a room, or change it; or drag members onto a room block"),
                                                    ASSIGN_KEYS))
        self.unassign_button.setText(_("&Remove room"))
        self.unassign_button.setToolTip(_("Take the selected room away from the member (Delete)"))
        self.new_action.setText(_("New room block…"))
        self.assign_action.setText(_("Assign room…"))
        self.remove_action.setText(_("Remove room"))
        self.blocks.retranslate()
        self.guests.retranslate()

    # --- selection -----------------------------------------------------------------------

    def current_block(self) -> RoomBlockData | None:
        rows = self.block_view.selectionModel().selectedRows()
        value = rows[0].data(OBJECT_ROLE) if rows else None
        return value if isinstance(value, RoomBlockData) else None

    def selected_rows(self) -> list[GuestRow]:
        rows = sorted(self.view.selectionModel().selectedRows(), key=QModelIndex.row)
        found = [r.data(OBJECT_ROLE) for r in rows]
        return [r for r in found if isinstance(r, GuestRow)]

    def selected_members(self) -> list[int]:
        return list(dict.fromkeys(r.member.id for r in self.selected_rows()))

    def select_members(self, membership_ids: list[int]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        for membership_id in membership_ids:
            for row in self.guests.rows_of(membership_id):
                index = self.proxy.mapFromSource(self.guests.index(row, 0))
                if index.isValid():
                    selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
                    if len(membership_ids) == 1:
                        self.view.setCurrentIndex(index)

    def select_block(self, block_id: int | None) -> None:
        row = self.blocks.row_of(block_id)
        if row >= 0:
            self.block_view.selectRow(row)

    def _selection_changed(self, *_args: QItemSelection) -> None:
        has_trip = self.trip_id is not None
        block = self.current_block() is not None
        rows = self.selected_rows()
        self.new_action.setEnabled(has_trip)
        self.new_block_button.setEnabled(has_trip)
        self.edit_block_button.setEnabled(block)
        self.delete_block_button.setEnabled(block)
        self.assign_action.setEnabled(len(rows) == 1 and bool(self.lodging.blocks))
        self.assign_button.setEnabled(self.assign_action.isEnabled())
        self.remove_action.setEnabled(any(r.room is not None for r in rows))
        self.unassign_button.setEnabled(self.remove_action.isEnabled())

    def _show_filter_changed(self, index: int) -> None:
        self.proxy.set_filter_value((None, WITH_ROOM, WITHOUT_ROOM)[index])

    # --- room blocks ---------------------------------------------------------------------

    def _block_form(self, block: RoomBlockData) -> RoomBlockForm:
        """The form for a new block or `block`; without any hotel in the directory it says where to enter one."""
        hotels = sorted(self.hotels.values(), key=lambda h: h.name.text(self.ctx.lang).casefold())
        if block.id is None:
            return RoomBlockForm(lambda data: self.ctx.history.record(_("New room block"), accommodation.create_block(self.ctx.db, data)),
                                 block, hotels, self)
        return RoomBlockForm(lambda data: self.ctx.history.record(_("Edit room block"), accommodation.update_block(self.ctx.db, data)),
                             block, hotels, self)

    def new_block(self) -> None:
        if self.trip_id is None:
            return
        current = self.current_block()
        form = self._block_form(RoomBlockData(trip_id=self.trip_id, venue_id=current.venue_id if current else None, sleeps=1))
        if form.exec() == RoomBlockForm.DialogCode.Accepted:
            self.reload()
            change = form.result_value
            self.select_block(change.id if isinstance(change, Change) else None)

    def edit_block(self) -> None:
        block = self.current_block()
        if block is None:
            return
        form = self._block_form(block)
        if form.exec() == RoomBlockForm.DialogCode.Accepted:
            self.reload()
            self.select_block(block.id)

    def delete_block(self) -> None:
        block = self.current_block()
        if block is None or block.id is None:
            return
        used = sum(1 for r in self.lodging.assignments if r.block_id == block.id)
        name = f"{self.blocks.hotel_name(block)} – {block.room_type.text(self.ctx.lang)}"
        answer = QMessageBox.question(
            self, _("Remove room block"),
            _("Remove “{name}” and the {count} rooms assigned in it? You can undo this.").format(name=name, count=used),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        block_id = block.id
        self.ctx.history.perform(_("Remove room block “{name}”").format(name=name),
                                 lambda: accommodation.delete_block(self.ctx.db, block_id))
        self.reload()

    # --- rooms ---------------------------------------------------------------------------

    def _stay(self, member: Member) -> tuple[date, date]:
        """The nights a new room is for: the member's stay, else the trip's nights."""
        first, last = self.trip_days
        stay = stay_nights(member.membership, first, last)
        if stay is not None:
            return stay
        if first is not None and last is not None and last > first:
            return first, date.fromordinal(last.toordinal() - 1)
        day = first or date.today()
        return day, day

    def assign_room(self) -> None:
        """Give the one selected member a room, or edit the selected room (Ctrl+R, Enter, Assign room…)."""
        rows = self.selected_rows()
        if len(rows) != 1 or not self.lodging.blocks:
            return
        row = rows[0]
        if row.room is not None:
            room = row.room
        else:
            first, last = self._stay(row.member)
            current = self.current_block()
            block = current or self.lodging.blocks[0]
            room = RoomAssignmentData(membership_id=row.member.id, block_id=block.id, first_night=first, last_night=last)
        blocks = [(b, self.blocks.hotel_name(b)) for b in self.lodging.blocks]
        others = [m for m in self.members if m.id != row.member.id and m.role is not Role.HOST]
        form = RoomForm(lambda data: self._save_room(data, room), room, member_name(row.member), blocks, others, self)
        if form.exec() == RoomForm.DialogCode.Accepted:
            self.reload()
            self.select_members([row.member.id])

    def _save_room(self, data: RoomAssignmentData, before: RoomAssignmentData) -> Change:
        """Save a member's room, and name them on the rooms of those they now share with: one undo step."""
        db = self.ctx.db
        change = accommodation.assign_room(db, data) if data.id is None else accommodation.update_assignment(db, data)
        saved: RoomAssignmentData = change.after
        partners: list[Change] = []
        for other in self.lodging.assignments:
            if other.membership_id == saved.membership_id:
                continue
            # Named on the sharers' rooms in the same block; taken off any room that still names them without reason.
            sharing = other.membership_id in saved.sharing_with and other.block_id == saved.block_id
            named = saved.membership_id in other.sharing_with
            if sharing != named:
                ids = set(other.sharing_with) | {saved.membership_id} if sharing else set(other.sharing_with) - {saved.membership_id}
                try:
                    partners.append(accommodation.update_assignment(db, other.evolve(sharing_with=tuple(sorted(i for i in ids if i is not None)))))
                except PlannerError:  # changed elsewhere meanwhile: the member's own room is saved all the same
                    continue
        text = _("Room of {name}").format(name=self._name_of(saved.membership_id))
        stack = self.ctx.history.stack
        if partners:
            stack.beginMacro(text)
        try:
            self.ctx.history.record(text, change)
            for partner in partners:
                self.ctx.history.record(text, partner)
        finally:
            if partners:
                stack.endMacro()
        return change

    def _name_of(self, membership_id: int | None) -> str:
        member = next((m for m in self.members if m.id == membership_id), None)
        return member_name(member) if member is not None else ""

    def remove_room(self) -> None:
        rooms = [r.room for r in self.selected_rows() if r.room is not None and r.room.id is not None]
        if not rooms:
            return
        ids = [room.id for room in rooms]
        _changes, errors = perform_each(
            self.ctx.history, _("Remove room"), [lambda i=i: accommodation.delete_assignment(self.ctx.db, i) for i in ids if i is not None],
        )
        if errors:
            show_planner_error(self, errors[0])
        self.reload()

    def drop_members(self, membership_ids: list[int], block_id: int) -> None:
        """Members dropped on a block: a room there for their stay, or their one room moved there; one undo step."""
        block = self.lodging.block(block_id)
        if block is None:
            return
        actions = []
        for member in (m for m in self.members if m.id in membership_ids):
            rooms = self.lodging.rooms_of(member.id)
            if not rooms:
                first, last = self._stay(member)
                data = RoomAssignmentData(membership_id=member.id, block_id=block_id, first_night=first, last_night=last)
                actions.append(lambda d=data: accommodation.assign_room(self.ctx.db, d))
            elif len(rooms) == 1 and rooms[0].block_id != block_id:
                moved = rooms[0].evolve(block_id=block_id, room_label="", sharing_with=())
                actions.append(lambda d=moved: accommodation.update_assignment(self.ctx.db, d))
        if not actions:
            return
        name = f"{self.blocks.hotel_name(block)} – {block.room_type.text(self.ctx.lang)}"
        _changes, errors = perform_each(self.ctx.history, _("Rooms at {name}").format(name=name), actions)
        if errors:
            show_planner_error(self, errors[0])
        self.reload()
        self.select_members(membership_ids)
