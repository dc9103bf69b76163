"""The Rooms tab's edit dialogs: a room block at a hotel, and one member's room.

Both are RecordForms: the service judges the input and each message appears
beside its field. The room form lists the trip's blocks ("hotel – room type")
and the other members to tick as sharing the room.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox, QWidget

from planner.domain.accommodation import MAX_ROOMS, MAX_SLEEPS, RoomAssignmentData, RoomBlockData
from planner.domain.entities import VenueData
from planner.i18n import _, current_language
from planner.domain.members import Member
from planner.ui.models.room_tables import member_name
from planner.ui.widgets.form import RecordForm
from planner.ui.widgets.protocol_forms import CURRENCIES


def _plain_text(parent: QWidget, text: str, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(text, parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class RoomBlockForm(RecordForm):
    """Rooms of one type the trip holds at a hotel: how many, for how many people, at what rate."""

    def __init__(self, save: Callable[[RoomBlockData], object], block: RoomBlockData, hotels: Sequence[VenueData],
                 parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.block = block
        self.setWindowTitle(_("Edit room block") if block.id is not None else _("New room block"))
        self.hotel = QComboBox(self)
        for hotel in hotels:
            self.hotel.addItem(hotel.name.text(current_language()), hotel.id)
        self.hotel.setCurrentIndex(max(self.hotel.findData(block.venue_id), 0))
        self.hotel.currentIndexChanged.connect(lambda _i: self.clear_error("venue_id"))
        self.add_row("venue_id", _("Hotel"), self.hotel)
        self.room_type = self.add_localized("room_type", _("Room type"))
        self.room_type.set_value(block.room_type)
        self.rooms = QSpinBox(self)
        self.rooms.setRange(1, MAX_ROOMS)
        self.rooms.setValue(block.rooms)
        self.add_row("rooms", _("Rooms held"), self.rooms)
        self.sleeps = QSpinBox(self)
        self.sleeps.setRange(1, MAX_SLEEPS)
        self.sleeps.setValue(block.sleeps)
        self.add_row("sleeps", _("People per room"), self.sleeps)
        self.rate = QLineEdit("" if block.rate is None else str(block.rate), self)
        self.rate.setPlaceholderText(_("not known"))
        self.rate.textEdited.connect(lambda _t: self.clear_error("rate"))
        self.add_row("rate", _("Rate per night"), self.rate)
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(["", *CURRENCIES])
        self.currency.setCurrentText(block.currency)
        self.add_row("currency", _("Currency"), self.currency)
        self.notes = _plain_text(self, block.notes)
        self.add_row("notes", _("Notes"), self.notes)
        self.finish_layout()
        if not hotels:  # nothing to choose: say where a hotel is entered, before anything is typed in vain
            self._show(self.errors["venue_id"], _("Enter the hotel on the Venues page first, as a venue of the kind Hotel."))
        self.room_type.current().setFocus()

    def record(self) -> RoomBlockData:
        return self.block.evolve(
            venue_id=self.hotel.currentData(), room_type=self.room_type.value(), rooms=self.rooms.value(),
            sleeps=self.sleeps.value(), rate=self.rate.text(), currency=self.currency.currentText(), notes=self.notes.toPlainText(),
        )


class RoomForm(RecordForm):
    """One member's room: the block (hotel and room type), the room number, the nights, who shares it, requests."""

    def __init__(self, save: Callable[[RoomAssignmentData], object], room: RoomAssignmentData, name: str,
                 blocks: Sequence[tuple[RoomBlockData, str]], others: Sequence[Member], parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.room = room
        self.setWindowTitle(_("Room of {name}").format(name=name))
        self.block = QComboBox(self)
        for block, hotel_name in blocks:
            self.block.addItem(f"{hotel_name} – {block.room_type.text(current_language())}", block.id)
        self.block.setCurrentIndex(max(self.block.findData(room.block_id), 0))
        self.add_row("block_id", _("Hotel and room type"), self.block)
        self.label = QLineEdit(room.room_label, self)
        self.label.setPlaceholderText(_("when the hotel has given one"))
        self.label.textEdited.connect(lambda _t: self.clear_error("room_label"))
        self.add_row("room_label", _("Room number"), self.label)
        self.first_night = self.add_row("first_night", _("First night"), self.date_edit(room.first_night, "first_night"))
        self.last_night = self.add_row("last_night", _("Last night"), self.date_edit(room.last_night, "last_night"))
        self.sharing = QListWidget(self)
        for other in others:
            entry = QListWidgetItem(member_name(other), self.sharing)
            entry.setData(Qt.ItemDataRole.UserRole, other.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if other.id in room.sharing_with else Qt.CheckState.Unchecked)
        self.sharing.setFixedHeight(self.sharing.fontMetrics().height() * 6 + 12)
        self.add_row("sharing_with", _("Sharing with"), self.sharing)
        self.requests = _plain_text(self, room.requests)
        self.add_row("requests", _("Special requests"), self.requests)
        self.finish_layout()
        self.block.setFocus()

    def sharers(self) -> tuple[int, ...]:
        ticked = []
        for row in range(self.sharing.count()):
            entry = self.sharing.item(row)
            if entry.checkState() == Qt.CheckState.Checked:
                ticked.append(int(entry.data(Qt.ItemDataRole.UserRole)))
        return tuple(ticked)

    def record(self) -> RoomAssignmentData:
        return self.room.evolve(
            block_id=self.block.currentData(), room_label=self.label.text(), first_night=_day(self.first_night),
            last_night=_day(self.last_night), sharing_with=self.sharers(), requests=self.requests.toPlainText(),
        )


def _day(edit: QWidget) -> date:
    value = edit.date()  # type: ignore[attr-defined]
    return date(value.year(), value.month(), value.day())
