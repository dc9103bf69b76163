"""The Vehicles page of Logistics: the trip's vehicles, and for one programme item who rides in which.

Above, the vehicles with their drivers (new, edit, delete); below, the chosen
item's attendees in precedence order with the vehicle each takes, and the
motorcade order. Members are seated by dragging them onto a vehicle, or from
the keyboard: select them, choose the vehicle, press Seat (Alt+S). Every
change is one service call and one undo step; a group seated at once is one.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QMessageBox,
    QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from planner import formatting
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind
from planner.domain.errors import PlannerError
from planner.domain.vehicles import ItemRides, VehicleData, VehicleKind
from planner.i18n import _, ngettext
from planner.services import delegation, programme, vehicles
from planner.domain.members import Member
from planner.ui.errors import show_planner_error
from planner.ui.keyboard import INSERT_KEYS, NEW_KEYS, page_shortcut, with_shortcut
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.models.vehicle_table import SeatTableModel, VehicleTableModel, members_of
from planner.ui.pages.base import TripPage, UiContext
from planner.ui.widgets.layouts import splitter_pane
from planner.ui.widgets.record_view import EXTENDED, record_view
from planner.ui.widgets.vehicle_form import DEFAULT_SEATS, VehicleForm

#: Moving a vehicle in the motorcade from the keyboard.
EARLIER_KEYS = QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up)
LATER_KEYS = QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down)


class VehicleDropView(QTableView):
    """The vehicles table, on whose rows members dragged from the seat table are dropped."""

    membersDropped = Signal(int, list)  # noqa: N815 - Qt signal naming: vehicle id, membership ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if members_of(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if members_of(event.mimeData()) and self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        ids = members_of(event.mimeData())
        index = self.indexAt(event.position().toPoint())
        vehicle = index.data(OBJECT_ROLE) if index.isValid() else None
        if not ids or not isinstance(vehicle, VehicleData) or vehicle.id is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.membersDropped.emit(vehicle.id, ids)


class VehiclesPage(TripPage):
    #: The fleet and the seats, and what they show: the items, members and people (a name, a member taken off the trip).
    shows = frozenset({"vehicle", "vehicle_rides", "item", "membership", "delegation", "person", "trip", "delegation_order"})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.items: list[ItemData] = []
        self.members: list[Member] = []
        self.rides = ItemRides()
        self.order: tuple[int, ...] = ()
        self._vehicles: list[VehicleData] = []

        # --- the vehicles ---
        self.vehicles_caption = QLabel(self)
        self.vehicles_caption.setStyleSheet("font-weight: bold;")
        self.model = VehicleTableModel(self)
        self.view = record_view(VehicleDropView(self), self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.edit_vehicle())
        self.view.activated.connect(lambda _index: self.edit_vehicle())
        self.view.membersDropped.connect(self.seat_members)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())

        self.new_action = page_shortcut(self, QAction(self), NEW_KEYS, INSERT_KEYS)
        self.new_action.triggered.connect(self.new_vehicle)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_action.trigger)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_vehicle)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_vehicle)
        self.view.addAction(self._key_action(QKeySequence(Qt.Key.Key_Delete), self.delete_vehicle))

        # --- the seats of one item ---
        self.item_caption = QLabel(self)
        self.item_caption.setStyleSheet("font-weight: bold;")
        self.item_box = QComboBox(self)
        self.item_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item_box.setMinimumContentsLength(24)
        self.item_caption.setBuddy(self.item_box)
        self.item_box.currentIndexChanged.connect(lambda _i: self._show_item())
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.seats = SeatTableModel(self)
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(self.seats)
        self.search.textChanged.connect(self.proxy.set_filter_text)
        self.seat_view = record_view(QTableView(self), self.proxy, EXTENDED)
        self.seat_view.setDragEnabled(True)
        self.seat_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        seat_header = self.seat_view.horizontalHeader()
        seat_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        seat_header.setStretchLastSection(True)
        self.seat_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())

        self.vehicle_caption = QLabel(self)
        self.vehicle_box = QComboBox(self)
        self.vehicle_caption.setBuddy(self.vehicle_box)
        self.seat_button = QPushButton(self)
        self.seat_button.clicked.connect(self.seat_selected)
        self.unseat_button = QPushButton(self)
        self.unseat_button.clicked.connect(self.unseat_selected)

        self.motorcade_caption = QLabel(self)
        self.motorcade = QListWidget(self)
        self.motorcade_caption.setBuddy(self.motorcade)
        self.motorcade.currentRowChanged.connect(lambda _r: self._update_actions())
        self.earlier_button = QPushButton(self)
        self.earlier_button.clicked.connect(lambda: self.move_vehicle(-1))
        self.later_button = QPushButton(self)
        self.later_button.clicked.connect(lambda: self.move_vehicle(1))
        self.motorcade.addAction(self._key_action(EARLIER_KEYS, lambda: self.move_vehicle(-1)))
        self.motorcade.addAction(self._key_action(LATER_KEYS, lambda: self.move_vehicle(1)))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        # --- layout ---
        top, top_layout = splitter_pane(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.vehicles_caption)
        buttons.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.view)

        bottom, bottom_layout = splitter_pane(self)
        chooser = QHBoxLayout()
        chooser.addWidget(self.item_caption)
        chooser.addWidget(self.item_box, 1)
        chooser.addWidget(self.search)
        bottom_layout.addLayout(chooser)
        seats_row = QHBoxLayout()
        seats_row.addWidget(self.seat_view, 3)
        side = QVBoxLayout()
        side.addWidget(self.vehicle_caption)
        side.addWidget(self.vehicle_box)
        seat_buttons = QHBoxLayout()
        seat_buttons.addWidget(self.seat_button)
        seat_buttons.addWidget(self.unseat_button)
        side.addLayout(seat_buttons)
        side.addSpacing(8)
        side.addWidget(self.motorcade_caption)
        side.addWidget(self.motorcade, 1)
        move = QHBoxLayout()
        move.addWidget(self.earlier_button)
        move.addWidget(self.later_button)
        side.addLayout(move)
        seats_row.addLayout(side, 2)
        bottom_layout.addLayout(seats_row, 1)
        bottom_layout.addWidget(self.hint)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # At the page's smallest still three vehicles, four members and a readable filter box.
        row = self.view.fontMetrics().height() + 10
        self.view.verticalHeader().setDefaultSectionSize(row)
        self.seat_view.verticalHeader().setDefaultSectionSize(row)
        self.view.setMinimumHeight(self.view.horizontalHeader().sizeHint().height() + 3 * row + 2 * self.view.frameWidth() + 16)
        self.seat_view.setMinimumHeight(self.seat_view.horizontalHeader().sizeHint().height() + 4 * row + 2 * self.seat_view.frameWidth() + 16)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("M") * 10)
        self.setTabOrder(self.view, self.item_box)
        self.setTabOrder(self.item_box, self.search)
        self.setTabOrder(self.search, self.seat_view)
        self.setTabOrder(self.seat_view, self.vehicle_box)
        self.retranslate()

    def _key_action(self, keys: QKeySequence, slot: object) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def page_title(self) -> str:
        return _("Vehicles")

    # --- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        if self.trip_id is None:
            self.items, self.members, self.rides, self.order, self._vehicles = [], [], ItemRides(), (), []
            self.model.set_vehicles([], {})
            self.seats.set_seats([], ItemRides(), [])
            self.item_box.blockSignals(True)
            self.item_box.clear()
            self.item_box.blockSignals(False)
            self._fill_motorcade()
            self._update_actions()
            return
        try:
            self._vehicles = list(vehicles.trip_vehicles(self.ctx.db, self.trip_id))
            self.items = programme.list_items(self.ctx.db, self.trip_id)
            self.members = delegation.list_members(self.ctx.db, self.trip_id)
        except PlannerError as error:
            show_planner_error(self, error)
            return
        chosen = self.current_item_id()
        self.item_box.blockSignals(True)
        self.item_box.clear()
        for item in self.items:
            self.item_box.addItem(self._item_text(item), item.id)
        if chosen is None or not any(i.id == chosen for i in self.items):  # another trip, or the item is gone
            chosen = self._first_to_seat()
        self.item_box.setCurrentIndex(max(self.item_box.findData(chosen), 0))
        self.item_box.blockSignals(False)
        self._fill_vehicle_box()
        self._show_item()

    def _first_to_seat(self) -> int | None:
        """The item a planner seats first: one with seats already, else the first transfer (travel within one zone: not a long-haul flight)."""
        seated = vehicles.items_with_rides(self.ctx.db, self.trip_id) if self.trip_id is not None else set()
        for wanted in (
            lambda i: i.id in seated,
            lambda i: i.kind is ItemKind.TRAVEL and i.arrival_timezone == i.timezone,
            lambda i: True,
        ):
            found = next((i.id for i in self.items if wanted(i)), None)
            if found is not None:
                return found
        return None

    def _item_text(self, item: ItemData) -> str:
        start = item.local_start()
        return f"{formatting.short_date(start.date())} {formatting.time_of_day(start)}  {item.title.text(self.ctx.lang)}"

    def _fill_vehicle_box(self) -> None:
        current = self.vehicle_box.currentData()
        self.vehicle_box.clear()
        for vehicle in self._vehicles:
            self.vehicle_box.addItem(f"{vehicle.label} ({vehicle.kind.label})", vehicle.id)
        if current is not None:
            self.vehicle_box.setCurrentIndex(max(self.vehicle_box.findData(current), 0))

    def current_item_id(self) -> int | None:
        value = self.item_box.currentData()
        return value if isinstance(value, int) else None

    def current_item(self) -> ItemData | None:
        chosen = self.current_item_id()
        return next((i for i in self.items if i.id == chosen), None)

    def _show_item(self) -> None:
        item = self.current_item()
        vehicles_now = self._vehicles
        if item is None or item.id is None:
            self.rides, self.order = ItemRides(), ()
            self.seats.set_seats([], ItemRides(), vehicles_now)
        else:
            try:
                self.rides = vehicles.item_rides(self.ctx.db, item.id)
                self.order = vehicles.item_motorcade(self.ctx.db, item.id)
            except PlannerError as error:
                show_planner_error(self, error)
                return
            attending = [m for m in self.members if item.attended_by(m.id)]
            self.seats.set_seats(attending, self.rides, vehicles_now)
        taken: dict[int, int] = {}
        for ride in self.rides.seats:
            taken[ride.vehicle_id] = taken.get(ride.vehicle_id, 0) + 1
        selected = self.current_vehicle()
        self.model.set_vehicles(vehicles_now, {v.id: taken.get(v.id, 0) for v in vehicles_now if v.id is not None} if item else {})
        if selected is not None:
            self.select_vehicle(selected.id)
        self._fill_motorcade()
        self._update_actions()

    def _fill_motorcade(self) -> None:
        current = self.motorcade.currentRow()
        self.motorcade.clear()
        by_id = {v.id: v for v in self._vehicles}
        for place, vehicle_id in enumerate(self.order, start=1):
            vehicle = by_id.get(vehicle_id)
            if vehicle is None:
                continue
            count = len(self.rides.riders(vehicle_id))
            self.motorcade.addItem(_("{place}. {vehicle} ({count})").format(
                place=formatting.integer(place), vehicle=vehicle.label, count=formatting.integer(count)))
        if 0 <= current < self.motorcade.count():
            self.motorcade.setCurrentRow(current)

    # --- selection -------------------------------------------------------------------------

    def current_vehicle(self) -> VehicleData | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.vehicle_at(rows[0].row()) if rows else None

    def select_vehicle(self, vehicle_id: int | None) -> None:
        row = self.model.row_of(vehicle_id)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )

    def selected_members(self) -> list[int]:
        rows = self.seat_view.selectionModel().selectedRows()
        found = [self.proxy.mapToSource(index).row() for index in rows]
        return [m.id for m in (self.seats.member_at(r) for r in sorted(found)) if m is not None]

    def _update_actions(self) -> None:
        has_trip = self.trip_id is not None
        has_vehicle = self.current_vehicle() is not None
        members = bool(self.seat_view.selectionModel().selectedRows())
        self.new_action.setEnabled(has_trip)
        self.new_button.setEnabled(has_trip)
        self.edit_button.setEnabled(has_vehicle)
        self.delete_button.setEnabled(has_vehicle)
        self.seat_button.setEnabled(members and self.vehicle_box.count() > 0)
        self.unseat_button.setEnabled(members)
        row = self.motorcade.currentRow()
        self.earlier_button.setEnabled(row > 0)
        self.later_button.setEnabled(0 <= row < self.motorcade.count() - 1)

    # --- vehicles --------------------------------------------------------------------------

    def make_form(self, vehicle: VehicleData | None = None) -> VehicleForm:
        if vehicle is None:
            number = sum(1 for v in self._vehicles if v.kind is VehicleKind.CAR) + 1
            fresh = VehicleData(trip_id=self.trip_id, label=_("Car {number}").format(number=number), seats=DEFAULT_SEATS[VehicleKind.CAR])
            return VehicleForm(lambda data: self.ctx.history.record(_("New vehicle"), vehicles.create_vehicle(self.ctx.db, data)), fresh, self)
        return VehicleForm(lambda data: self.ctx.history.record(_("Edit vehicle"), vehicles.update_vehicle(self.ctx.db, data)), vehicle, self)

    def new_vehicle(self) -> None:
        if self.trip_id is None:
            return
        form = self.make_form()
        if form.exec() == VehicleForm.DialogCode.Accepted:
            self.reload()
            self.select_vehicle(getattr(form.result_value, "id", None))

    def edit_vehicle(self) -> None:
        vehicle = self.current_vehicle()
        if vehicle is None:
            return
        if self.make_form(vehicle).exec() == VehicleForm.DialogCode.Accepted:
            self.reload()

    def delete_vehicle(self) -> None:
        vehicle = self.current_vehicle()
        if vehicle is None or vehicle.id is None:
            return
        answer = QMessageBox.question(
            self, _("Delete vehicle"),
            _("Delete the vehicle “{name}” and every seat in it? You can undo this.").format(name=vehicle.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        vehicle_id = vehicle.id
        self.ctx.history.perform(_("Delete vehicle “{name}”").format(name=vehicle.label), lambda: vehicles.delete_vehicle(self.ctx.db, vehicle_id))
        self.reload()

    # --- seats -----------------------------------------------------------------------------

    def seat_members(self, vehicle_id: int, membership_ids: list[int]) -> None:
        """Put these members in the vehicle on the chosen item: one service call, one undo step."""
        item_id = self.current_item_id()
        vehicle = next((v for v in self._vehicles if v.id == vehicle_id), None)
        if item_id is None or vehicle is None or not membership_ids:
            return
        text = ngettext("Seat {count} member in {vehicle}", "Seat {count} members in {vehicle}", len(membership_ids)).format(
            count=len(membership_ids), vehicle=vehicle.label)
        self.ctx.history.perform(text, lambda: vehicles.assign(self.ctx.db, item_id, membership_ids, vehicle_id))
        self._show_item()

    def seat_selected(self) -> None:
        vehicle_id = self.vehicle_box.currentData()
        if isinstance(vehicle_id, int):
            self.seat_members(vehicle_id, self.selected_members())

    def unseat_selected(self) -> None:
        item_id = self.current_item_id()
        ids = self.selected_members()
        if item_id is None or not ids:
            return
        text = ngettext("Take {count} member out of the vehicles", "Take {count} members out of the vehicles", len(ids)).format(count=len(ids))
        self.ctx.history.perform(text, lambda: vehicles.assign(self.ctx.db, item_id, ids, None))
        self._show_item()

    def move_vehicle(self, step: int) -> None:
        item_id = self.current_item_id()
        row = self.motorcade.currentRow()
        if item_id is None or not 0 <= row < len(self.order) or not 0 <= row + step < len(self.order):
            return
        vehicle_id = self.order[row]
        text = _("Move earlier in the motorcade") if step < 0 else _("Move later in the motorcade")
        if self.ctx.history.perform(text, lambda: vehicles.move_in_motorcade(self.ctx.db, item_id, vehicle_id, step)) is not None:
            self._show_item()
            self.motorcade.setCurrentRow(row + step)

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.vehicles_caption.setText(_("Vehicles"))
        self.new_action.setText(_("New vehicle"))
        self.new_action.setToolTip(with_shortcut(_("Add a vehicle"), NEW_KEYS))
        self.new_button.setText(_("&New vehicle…"))
        self.new_button.setToolTip(with_shortcut(_("Add a vehicle"), NEW_KEYS))
        self.edit_button.setText(_("&Edit…"))
        self.delete_button.setText(_("&Delete"))
        self.item_caption.setText(_("Seats on &programme item:"))
        self.search.setPlaceholderText(_("Filter members"))
        self.vehicle_caption.setText(_("&Vehicle:"))
        self.seat_button.setText(_("&Seat in vehicle"))
        self.seat_button.setToolTip(_("Seat the selected members in the chosen vehicle"))
        self.unseat_button.setText(_("&Take out"))
        self.unseat_button.setToolTip(_("Take the selected members out of their vehicle"))
        self.motorcade_caption.setText(_("&Motorcade order:"))
        self.earlier_button.setText(_("Ea&rlier"))
        self.earlier_button.setToolTip(with_shortcut(_("Move the vehicle earlier in the motorcade"), EARLIER_KEYS))
        self.later_button.setText(_("&Later"))
        self.later_button.setToolTip(with_shortcut(_("Move the vehicle later in the motorcade"), LATER_KEYS))
        self.hint.setText(_("Drag members onto a vehicle above, or select them and press Seat in vehicle. "
                            "The motorcade follows the order of precedence until you move a vehicle."))
        self.model.retranslate()
        self.seats.retranslate()
        if self.trip_id is not None:
            self.reload()
