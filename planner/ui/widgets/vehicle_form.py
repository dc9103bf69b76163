"""The form for one vehicle: name, kind, seats, plate, operator, driver and the driver's phone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from planner.domain.vehicles import MAX_SEATS, VehicleData, VehicleKind
from planner.i18n import _
from planner.ui.widgets.form import RecordForm, StartShowingLineEdit

#: Seats a new vehicle of each kind is proposed with (passengers, not counting the driver).
DEFAULT_SEATS = {VehicleKind.CAR: 3, VehicleKind.MINIBUS: 12, VehicleKind.COACH: 45}


class VehicleForm(RecordForm):
    """A RecordForm: the service judges the input, each message appears beside its field."""

    def __init__(self, save: Callable[[VehicleData], object], vehicle: VehicleData, parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.vehicle = vehicle
        self.setWindowTitle(_("Edit vehicle") if vehicle.id is not None else _("New vehicle"))
        self.setMinimumWidth(520)
        self.label = StartShowingLineEdit(vehicle.label, self)
        self.label.setPlaceholderText(_("e.g. Car 1"))
        self.label.textEdited.connect(lambda _t: self.clear_error("label"))
        self.add_row("label", _("Vehicle name"), self.label)
        self.kind = QComboBox(self)
        for kind in VehicleKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(max(self.kind.findData(VehicleKind(vehicle.kind).value), 0))
        self.add_row("kind", _("Kind"), self.kind)
        self.seats = QSpinBox(self)
        self.seats.setRange(1, MAX_SEATS)
        self.seats.setValue(vehicle.seats)
        self.seats.setToolTip(_("Seats for passengers, not counting the driver's"))
        self.add_row("seats", _("Seats"), self.seats)
        if vehicle.id is None:
            self.kind.currentIndexChanged.connect(self._propose_seats)
        self.plate = QLineEdit(vehicle.plate, self)
        self.add_row("plate", _("Number plate"), self.plate)
        self.operator = StartShowingLineEdit(vehicle.operator, self)
        self.add_row("operator", _("Operator"), self.operator)
        self.driver_name = StartShowingLineEdit(vehicle.driver_name, self)
        self.add_row("driver_name", _("Driver"), self.driver_name)
        self.driver_phone = QLineEdit(vehicle.driver_phone, self)
        self.driver_phone.setPlaceholderText("+86 138 0000 0000")
        self.driver_phone.textEdited.connect(lambda _t: self.clear_error("driver_phone"))
        self.add_row("driver_phone", _("Driver's phone"), self.driver_phone)
        self.notes = QPlainTextEdit(vehicle.notes, self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.add_row("notes", _("Notes"), self.notes)
        self.finish_layout()
        self.label.setFocus()

    def _propose_seats(self, _index: int) -> None:
        self.seats.setValue(DEFAULT_SEATS[VehicleKind(self.kind.currentData())])

    def record(self) -> VehicleData:
        return self.vehicle.evolve(
            label=self.label.text(), kind=VehicleKind(self.kind.currentData()), seats=self.seats.value(), plate=self.plate.text(),
            operator=self.operator.text(), driver_name=self.driver_name.text(), driver_phone=self.driver_phone.text(),
            notes=self.notes.toPlainText(),
        )
