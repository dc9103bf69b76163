"""Table models of the Vehicles page: the trip's vehicles, and who sits in which on one programme item.

The seat model hands out the selected members as drag data, so they can be
dropped on a vehicle in the vehicles table; both answer the roles every
planner model answers (filter text, sort keys, the record behind a row).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from planner import formatting
from planner.domain.names import name_for_language
from planner.domain.vehicles import ItemRides, VehicleData
from planner.i18n import N_, _, current_language
from planner.domain.members import Member
from planner.ui.models.member_drag import MemberDragModel, members_in
from planner.ui.models.roles import FILTER_ROLE, OBJECT_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
#: Drag data: membership ids, as ASCII digits separated by commas.
MEMBERS_MIME = "application/x-planner-members"

LABEL, KIND, SEATS, PLATE, DRIVER, PHONE, OPERATOR = range(7)
VEHICLE_HEADERS = (N_("Vehicle name"), N_("Kind"), N_("Seats"), N_("Number plate"), N_("Driver"), N_("Driver's phone"), N_("Operator"))

NAME, ROLE, VEHICLE = range(3)
SEAT_HEADERS = (N_("Member"), N_("Role"), N_("Vehicle"))


def members_of(data: QMimeData) -> list[int]:
    """The membership ids a drag from the seats carries; [] for anything else."""
    return members_in(data, MEMBERS_MIME)


class VehicleTableModel(QAbstractTableModel):
    """The trip's vehicles in the planner's order; the Seats column counts those seated on the chosen item."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vehicles: list[VehicleData] = []
        self.taken: dict[int, int] = {}  # vehicle id -> passengers on the chosen item

    def set_vehicles(self, vehicles: Sequence[VehicleData], taken: dict[int, int]) -> None:
        self.beginResetModel()
        self.vehicles = list(vehicles)
        self.taken = dict(taken)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.vehicles)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(VEHICLE_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(VEHICLE_HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled  # members are dropped on a vehicle

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        vehicle = self.vehicles[index.row()]
        column = index.column()
        if role == OBJECT_ROLE:
            return vehicle
        if role in (Qt.ItemDataRole.DisplayRole, FILTER_ROLE, SORT_ROLE):
            if column == SEATS:
                if role == SORT_ROLE:
                    return vehicle.seats
                taken = self.taken.get(vehicle.id or 0)
                if taken is None:
                    return formatting.integer(vehicle.seats)
                return _("{taken} of {seats}").format(taken=formatting.integer(taken), seats=formatting.integer(vehicle.seats))
            if role == SORT_ROLE and column == LABEL:
                return index.row()
            return self._text(vehicle, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == SEATS and self.taken.get(vehicle.id or 0, 0) > vehicle.seats:
            return _("More passengers than seats")
        if role == Qt.ItemDataRole.ForegroundRole and column == SEATS and self.taken.get(vehicle.id or 0, 0) > vehicle.seats:
            return QColor("#b00020")
        return None

    @staticmethod
    def _text(vehicle: VehicleData, column: int) -> str:
        return (
            vehicle.label, vehicle.kind.label, "", vehicle.plate, vehicle.driver_name, vehicle.driver_phone, vehicle.operator,
        )[column]

    def vehicle_at(self, row: int) -> VehicleData | None:
        return self.vehicles[row] if 0 <= row < len(self.vehicles) else None

    def row_of(self, vehicle_id: int | None) -> int:
        return next((n for n, v in enumerate(self.vehicles) if v.id == vehicle_id), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(VEHICLE_HEADERS) - 1)
        if self.vehicles:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.vehicles) - 1, len(VEHICLE_HEADERS) - 1))


class SeatTableModel(MemberDragModel):
    """The attendees of one item in precedence order, with the vehicle each rides in; rows drag as members."""

    MEMBERS_MIME = MEMBERS_MIME
    DRAG_ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.members: list[Member] = []
        self.rides = ItemRides()
        self.vehicles: dict[int, VehicleData] = {}
        self._vehicle_of: dict[int, int] = {}

    def set_seats(self, members: Sequence[Member], rides: ItemRides, vehicles: Sequence[VehicleData]) -> None:
        self.beginResetModel()
        self.members = list(members)
        self.rides = rides
        self.vehicles = {v.id: v for v in vehicles if v.id is not None}
        self._vehicle_of = rides.vehicle_of()
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(SEAT_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(SEAT_HEADERS[section])
        return None

    def _member_id(self, row: int) -> int | None:
        return self.members[row].id

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member = self.members[index.row()]
        column = index.column()
        if role == OBJECT_ROLE:
            return member
        if role == SORT_ROLE:
            return (index.row(), "") if column == NAME else formatting.sort_key(str(self.data(index)))
        if role in (Qt.ItemDataRole.DisplayRole, FILTER_ROLE):
            if column == NAME:
                p = member.person
                name = name_for_language(p.family_name, p.given_name, p.native_name, current_language())
                if role == FILTER_ROLE:
                    return " ".join((name, p.family_name, p.given_name, p.native_name))
                return name
            if column == ROLE:
                return member.role.label
            vehicle = self.vehicles.get(self._vehicle_of.get(member.id, -1))
            return vehicle.label if vehicle is not None else ("" if role == FILTER_ROLE else _("no seat"))
        if role == Qt.ItemDataRole.ForegroundRole and column == VEHICLE and member.id not in self._vehicle_of:
            return QColor("#8e99a5")
        return None

    def member_at(self, row: int) -> Member | None:
        return self.members[row] if 0 <= row < len(self.members) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(SEAT_HEADERS) - 1)
        if self.members:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.members) - 1, len(SEAT_HEADERS) - 1))
