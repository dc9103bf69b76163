"""Creating and editing a member's own flight or train: who, what, from where to where, when on which clock, who meets them.

Each time is typed as the local wall-clock time of its own zone (a flight
leaves on Frankfurt's clock and lands on Shenzhen's) and turned into UTC by
planner.domain.timing, so a time that does not exist is named beside the field
in the domain's words. A time may still be unknown (the connecting flight is
not booked yet): its box is then unticked. Who meets an arrival is picked like
an item's host: the trip's hosts and members first, anyone from the people
directory through "Other person…"; the vehicle that picks them up is one of
the trip's (its driver's manifest then lists the pickup), with a note for
anything else the driver needs to know; so is the one that takes a departing
member to the airport or station, with the time it fetches them from the hotel
(on the departure's clock: the hotel is where the flight leaves from). The
rows read as the direction chosen: "Met by" and "Note for the pickup" for an
arrival, "Seen off by" and "Note for the driver" for a departure, their Alt
keys chosen again when the direction changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QTimeEdit, QWidget

from planner.domain.entities import PersonData, TripData
from planner.domain.enums import Role
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.timing import local_to_utc, utc_to_local
from planner.domain.travel_legs import LegDirection, LegKind, TravelLegData
from planner.domain.vehicles import VehicleData
from planner.i18n import N_, _
from planner.domain.members import Member
from planner.ui.widgets.form import RecordForm
from planner.ui.mnemonics import strip_mnemonic
from planner.ui.widgets.form_keys import HINT_PROPERTY, assign_form_mnemonics
from planner.ui.widgets.host_picker import HostCombo, person_key
from planner.ui.widgets.trip_dialog import timezone_combo


#: The rows that read as the direction: an arrival's words, a departure's (msgids).
MEETER_CAPTIONS: dict[bool, str] = {False: N_("Met by"), True: N_("Seen off by")}
NOTE_CAPTIONS: dict[bool, str] = {False: N_("Note for the pickup"), True: N_("Note for the driver")}
MEETER_TIPS: dict[bool, str] = {
    False: N_("Who waits for them at the exit: a host, a member of the trip, or anyone from the people directory"),
    True: N_("Who sees them off: a host, a member of the trip, or anyone from the people directory"),
}
NOTE_EXAMPLES: dict[bool, str] = {False: N_("e.g. sign at exit B"), True: N_("e.g. luggage in the lobby at 10:45")}
#: A new pick-up time starts this long before the departure (the planner corrects it).
PICKUP_LEAD = timedelta(hours=3)


class MeeterCombo(HostCombo):
    """Nobody yet; the trip's hosts, then its other members; a person chosen before; "Other person…"."""

    def __init__(self, members: Sequence[Member], language: str, directory: Callable[[], Sequence[PersonData]] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(members, language, directory, parent)
        hosts = [m.person for m in members if m.role is Role.HOST and m.person.id is not None]
        others = [m.person for m in members if m.role is not Role.HOST and m.person.id is not None]
        self._hosts = hosts + others
        self.setToolTip(_(MEETER_TIPS[False]))

    def refill(self, venue: object, keep: object, extra: PersonData | None = None) -> None:  # type: ignore[override]
        super().refill(None, keep, extra)
        self.setItemText(0, _("— nobody yet —"))


#: What the vehicle does for a leg, as the vehicle's tooltip says it.
VEHICLE_TIPS: dict[LegDirection, str] = {
    LegDirection.ARRIVAL: N_("The trip's vehicle that picks them up; its driver's list then shows the pickup"),
    LegDirection.DEPARTURE: N_("The trip's vehicle that takes them to the airport or station; its driver's list then shows the run"),
    LegDirection.OTHER: N_("Only an arrival or a departure has a vehicle of the trip"),
}


class VehicleCombo(QComboBox):
    """No vehicle; the trip's vehicles in the planner's order, each with its driver ("Car 2 – Li Zhiqiang")."""

    def __init__(self, vehicles: Sequence[VehicleData], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(_("— none —"), None)
        for vehicle in vehicles:
            self.addItem(" – ".join(t for t in (vehicle.label, vehicle.driver_name) if t), vehicle.id)
        self.setToolTip(_(VEHICLE_TIPS[LegDirection.ARRIVAL]))

    def choose(self, vehicle_id: int | None) -> None:
        self.setCurrentIndex(max(self.findData(vehicle_id), 0) if vehicle_id is not None else 0)

    def vehicle_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None


class _TimeRow(QWidget):
    """A ticked box for "known", the local date and time, and `zone` beside them (a widget the row subclass makes).

    What the departure, arrival and pick-up rows share: laid out and read the same way, so they cannot drift apart.
    """

    zone: QWidget

    def _build(self, form: LegForm, field: str, zone: QWidget) -> None:
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(_("known"), self)
        self.day = form.date_edit(None, field)
        self.clock = QTimeEdit(self)
        self.clock.setDisplayFormat("HH:mm")
        self.zone = zone
        for widget, stretch in ((self.known, 0), (self.day, 2), (self.clock, 1), (self.zone, 3)):
            box.addWidget(widget, stretch)
        self.clock.timeChanged.connect(lambda _t: form.clear_error(field))

    def _enable(self, on: bool) -> None:
        for widget in (self.day, self.clock, self.zone):
            widget.setEnabled(on)

    def _show_local(self, moment: datetime | None, zone: str, fallback_day: QDate) -> None:
        """`moment` on the clock of `zone`; none: `fallback_day` at noon."""
        if moment is None:
            self.day.setDate(fallback_day)
            self.clock.setTime(QTime(12, 0))
            return
        local = utc_to_local(moment, zone)
        self.day.setDate(QDate(local.year, local.month, local.day))
        self.clock.setTime(QTime(local.hour, local.minute))

    def local(self) -> datetime:
        return datetime.combine(self.day.date().toPython(), self.clock.time().toPython().replace(second=0, microsecond=0))


class _MomentRow(_TimeRow):
    """A departure or an arrival: the time on the zone of the place, chosen beside it."""

    zone: QComboBox

    def __init__(self, form: LegForm, field: str, zone: str) -> None:
        super().__init__(form)
        combo = timezone_combo(self, zone)
        combo.setToolTip(_("The time zone of the place; the time is its local time"))
        self._build(form, field, combo)
        self.known.toggled.connect(self._enable)
        self._enable(self.known.isChecked())

    def set_moment(self, moment: datetime | None, zone: str, fallback_day: QDate) -> None:
        self.zone.setCurrentText(zone)
        self.known.setChecked(moment is not None)
        self._show_local(moment, zone, fallback_day)


class _PickupRow(_TimeRow):
    """A departure's pick-up at the hotel: a ticked box for "known", the local date and time on the departure's zone.

    The zone is the departure's (named beside the time, following its box). A
    time ticked anew starts PICKUP_LEAD before the departure as typed so far.
    """

    zone: QLabel

    def __init__(self, form: LegForm, departure: _MomentRow) -> None:
        super().__init__(form)
        self._departure = departure
        label = QLabel(self)
        label.setToolTip(_("The pick-up time is on the clock of the departure's time zone"))
        self._build(form, "pickup", label)
        self.known.toggled.connect(self._ticked)
        departure.zone.currentTextChanged.connect(lambda _t: self._show_zone())
        self._show_zone()
        self._enable(False)

    def _show_zone(self) -> None:
        self.zone.setText(self.zone_name())

    def zone_name(self) -> str:
        return self._departure.zone.currentText().strip()

    def _ticked(self, on: bool) -> None:
        self._enable(on)
        if on and self._departure.known.isChecked():
            start = self._departure.local() - PICKUP_LEAD
            self.day.setDate(QDate(start.year, start.month, start.day))
            self.clock.setTime(QTime(start.hour, start.minute))

    def set_moment(self, moment: datetime | None, zone: str, fallback_day: QDate) -> None:
        self.known.blockSignals(True)  # a saved time is shown as it is, not proposed anew
        self.known.setChecked(moment is not None)
        self.known.blockSignals(False)
        self._enable(moment is not None)
        self._show_local(moment, zone, fallback_day)


class LegForm(RecordForm):
    def __init__(
        self, save: Callable[[TravelLegData], object], trip: TripData, members: Sequence[Member], leg: TravelLegData,
        language: str, parent: QWidget | None = None, directory: Callable[[], Sequence[PersonData]] | None = None,
        meeter: PersonData | None = None, vehicles: Sequence[VehicleData] = (),
    ) -> None:
        """`meeter`: the person meeting a saved leg when they are not on the trip (shown as chosen before);
        `vehicles`: the trip's, to pick the one that meets them."""
        super().__init__(save, parent)
        self._leg = leg
        self._trip = trip
        self.setWindowTitle(_("Edit travel leg") if leg.id is not None else _("New travel leg"))
        travellers = [m for m in members if m.role is not Role.HOST] or list(members)

        self.member = QComboBox(self)
        for member in travellers:
            self.member.addItem(member.person.full_name, member.id)
        self.add_row("membership_id", _("Member"), self.member)
        self.direction = QComboBox(self)
        for direction in LegDirection:
            self.direction.addItem(direction.label, direction.value)
        self.add_row("direction", _("Arriving or leaving"), self.direction)
        self.kind = QComboBox(self)
        for kind in LegKind:
            self.kind.addItem(kind.label, kind.value)
        self.add_row("kind", _("Means of travel"), self.kind)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(_("e.g. LH 722"))
        self.add_row("number", _("Flight or train number"), self.number)
        self.origin = QLineEdit(self)
        self.origin.setPlaceholderText(_("e.g. Frankfurt (FRA)"))
        self.add_row("origin", _("Departs from"), self.origin)
        self.departure = _MomentRow(self, "departure", trip.timezone)
        self.add_row("departure", _("Departure time"), self.departure)
        self.destination = QLineEdit(self)
        self.destination.setPlaceholderText(_("e.g. Shenzhen (SZX)"))
        self.add_row("destination", _("Arrives at"), self.destination)
        self.arrival = _MomentRow(self, "arrival", trip.timezone)
        self.add_row("arrival", _("Arrival time"), self.arrival)
        self.terminal = QLineEdit(self)
        self.add_row("terminal", _("Terminal"), self.terminal)
        self.booking = QLineEdit(self)
        self.add_row("booking_reference", _("Booking reference"), self.booking)
        self.met_by = MeeterCombo(members, language, directory, self)
        self.add_row("met_by_person_id", _(MEETER_CAPTIONS[False]), self.met_by)
        self.pickup = VehicleCombo(vehicles, self)
        self.add_row("vehicle_id", _("Vehicle"), self.pickup)
        self.hotel_pickup = _PickupRow(self, self.departure)
        self.add_row("pickup", _("Pick-up at the hotel"), self.hotel_pickup)
        self.vehicle = QLineEdit(self)
        self.vehicle.setPlaceholderText(_(NOTE_EXAMPLES[False]))
        self.add_row("vehicle_note", _(NOTE_CAPTIONS[False]), self.vehicle)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.add_row("notes", _("Notes"), self.notes)
        self.finish_layout()
        self._fill(leg, meeter)
        self.direction.currentIndexChanged.connect(lambda _i: self._direction_changed())
        self.pickup.currentIndexChanged.connect(lambda _i: self.clear_error("vehicle_id"))
        for edit, field in ((self.number, "number"), (self.origin, "origin"), (self.destination, "destination"),
                            (self.terminal, "terminal"), (self.booking, "booking_reference"), (self.vehicle, "vehicle_note")):
            edit.textEdited.connect(lambda _t, f=field: self.clear_error(f))

    def _fill(self, leg: TravelLegData, meeter: PersonData | None) -> None:
        self.member.setCurrentIndex(max(self.member.findData(leg.membership_id), 0))
        self.direction.setCurrentIndex(max(self.direction.findData(leg.direction.value), 0))
        self.kind.setCurrentIndex(max(self.kind.findData(leg.kind.value), 0))
        self.number.setText(leg.number)
        self.origin.setText(leg.origin)
        self.destination.setText(leg.destination)
        first = self._trip.first_day
        fallback = QDate(first.year, first.month, first.day) if first is not None else QDate.currentDate()
        self.departure.set_moment(leg.departure, leg.departure_timezone or self._trip.timezone, fallback)
        self.arrival.set_moment(leg.arrival, leg.arrival_timezone or self._trip.timezone, fallback)
        self.hotel_pickup.set_moment(leg.pickup, leg.departure_timezone or self._trip.timezone, self.departure.day.date())
        if leg.id is None:  # a new leg: the time that matters is the one to type
            self._direction_changed()
        self.terminal.setText(leg.terminal)
        self.booking.setText(leg.booking_reference)
        self.met_by.refill(None, person_key(leg.met_by_person_id) if leg.met_by_person_id is not None else None, extra=meeter)
        self.pickup.choose(leg.vehicle_id)
        self._enable_meeting()
        self.vehicle.setText(leg.vehicle_note)
        self.notes.setPlainText(leg.notes)
        for edit in (self.number, self.origin, self.destination, self.terminal, self.booking, self.vehicle):
            edit.setCursorPosition(0)  # a long text shows its beginning, not its end

    def _direction_changed(self) -> None:
        """The time that matters for the direction is ticked as known (the other may follow later)."""
        direction = LegDirection(self.direction.currentData())
        if direction is LegDirection.ARRIVAL:
            self.arrival.known.setChecked(True)
        elif direction is LegDirection.DEPARTURE:
            self.departure.known.setChecked(True)
        self._enable_meeting()

    def _enable_meeting(self) -> None:
        """Who meets them on arrival or sees them off on departure; the vehicle: one that picks them up, or takes them
        to their flight or train; the pick-up at the hotel: for a departure (each also while one is still set, to be
        cleared). The rows' captions read as the direction."""
        direction = LegDirection(self.direction.currentData())
        leaving = direction is LegDirection.DEPARTURE
        self.met_by.setEnabled(direction is not LegDirection.OTHER or self.met_by.currentData() is not None)
        self.met_by.setToolTip(_(MEETER_TIPS[leaving]))
        self.pickup.setEnabled(direction is not LegDirection.OTHER or self.pickup.vehicle_id() is not None)
        self.pickup.setToolTip(_(VEHICLE_TIPS[direction]))
        self.hotel_pickup.setEnabled(leaving or self.hotel_pickup.known.isChecked())
        self.hotel_pickup.setToolTip(
            _("When the vehicle leaves the hotel for the flight or train") if leaving else _("Only a departure has a pick-up at the hotel"))
        self.vehicle.setPlaceholderText(_(NOTE_EXAMPLES[leaving]))
        captions = {"met_by_person_id": _(MEETER_CAPTIONS[leaving]), "vehicle_note": _(NOTE_CAPTIONS[leaving])}
        changed = False
        for label in self.findChildren(QLabel):
            field = label.property(HINT_PROPERTY)
            if field in captions and label.buddy() is not None and strip_mnemonic(label.text()) != captions[field]:
                label.setText(captions[field])
                changed = True
        if changed and self.isVisible():
            assign_form_mnemonics(self)  # the new words get their Alt keys, still without clashes

    def record(self) -> TravelLegData:
        errors: list[ValidationError] = []
        moments: dict[str, datetime | None] = {}
        rows: tuple[tuple[str, _MomentRow | _PickupRow, str], ...] = (
            ("departure", self.departure, self.departure.zone.currentText().strip()),
            ("arrival", self.arrival, self.arrival.zone.currentText().strip()),
            ("pickup", self.hotel_pickup, self.hotel_pickup.zone_name()),  # on the departure's clock
        )
        for field, row, zone in rows:
            moments[field] = None
            if not row.known.isChecked():
                continue
            try:
                moments[field] = local_to_utc(row.local(), zone, field)
            except ValidationError as error:
                error.field = field  # an unknown zone or a time that does not exist: named at the row
                errors.append(error)
        data = self._leg.evolve(
            membership_id=self.member.currentData(),
            direction=LegDirection(self.direction.currentData()),
            kind=LegKind(self.kind.currentData()),
            number=self.number.text(),
            origin=self.origin.text(),
            destination=self.destination.text(),
            departure=moments["departure"],
            departure_timezone=self.departure.zone.currentText().strip() if moments["departure"] is not None else "",
            arrival=moments["arrival"],
            arrival_timezone=self.arrival.zone.currentText().strip() if moments["arrival"] is not None else "",
            terminal=self.terminal.text(),
            booking_reference=self.booking.text(),
            met_by_person_id=self.met_by.person_id(),
            vehicle_id=self.pickup.vehicle_id(),
            vehicle_note=self.vehicle.text(),
            notes=self.notes.toPlainText(),
            pickup=moments["pickup"],
        )
        if errors:
            known = {e.field for e in errors}
            try:
                data.validated()
            except ValidationErrors as many:
                errors += [e for e in many.errors if e.field not in known]
            raise ValidationErrors(errors)
        return data

