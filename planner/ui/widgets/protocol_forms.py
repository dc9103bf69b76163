"""Small edit dialogs of the protocol office: a member's visa, and one gift of a programme item.

Both are RecordForms: the service judges the input and each message appears
beside its field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from planner.domain.enums import GiftDirection, VisaStatus
from planner.domain.protocol import GiftData, VisaData
from planner.i18n import _
from planner.domain.members import Member
from planner.ui.widgets.form import RecordForm
from planner.ui.widgets.person_form import OptionalDate

#: Common currencies first; any ISO code can be typed.
CURRENCIES = ("EUR", "CNY", "USD", "GBP", "CHF", "HKD", "JPY")


class VisaForm(RecordForm):
    """Where one member's visa stands: status and the dates applied, granted and valid until."""

    def __init__(self, save: Callable[[VisaData], object], visa: VisaData, name: str, parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.visa = visa
        self.setWindowTitle(_("Visa of {name}").format(name=name))
        self.status = QComboBox(self)
        for status in VisaStatus:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(max(self.status.findData(VisaStatus(visa.status).value), 0))
        self.add_row("status", _("Visa status"), self.status)
        self.applied_on = OptionalDate(self.date_edit(visa.applied_on, "applied_on"), _("Not yet"), visa.applied_on, self)
        self.add_row("applied_on", _("Applied for on"), self.applied_on)
        self.granted_on = OptionalDate(self.date_edit(visa.granted_on, "granted_on"), _("Not yet"), visa.granted_on, self)
        self.add_row("granted_on", _("Granted on"), self.granted_on)
        self.valid_until = OptionalDate(self.date_edit(visa.valid_until, "valid_until"), _("Not known"), visa.valid_until, self)
        self.add_row("valid_until", _("Valid until"), self.valid_until)
        self.finish_layout()
        self.status.setFocus()

    def record(self) -> VisaData:
        return self.visa.evolve(
            status=VisaStatus(self.status.currentData() or ""), applied_on=self.applied_on.value(),
            granted_on=self.granted_on.value(), valid_until=self.valid_until.value(),
        )


class GiftForm(RecordForm):
    """One gift: given or received, what, by which member (or the delegation), to or from whom, worth how much."""

    def __init__(self, save: Callable[[GiftData], object], gift: GiftData, members: Sequence[Member], parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.gift = gift
        self.setWindowTitle(_("Edit gift") if gift.id is not None else _("New gift"))
        self.setMinimumWidth(560)
        self.direction = QComboBox(self)
        for direction in GiftDirection:
            self.direction.addItem(direction.label, direction.value)
        self.direction.setCurrentIndex(max(self.direction.findData(GiftDirection(gift.direction).value), 0))
        self.add_row("direction", _("Given or received"), self.direction)
        self.description = self.add_localized("description", _("Gift"))
        self.description.set_value(gift.description)
        self.member = QComboBox(self)
        self.member.addItem(_("The delegation as a whole"), None)
        for member in members:
            self.member.addItem(member.person.full_name, member.id)
        self.member.setCurrentIndex(max(self.member.findData(gift.member_id), 0))
        self.add_row("member_id", _("Delegation member"), self.member)
        self.counterpart = QLineEdit(gift.counterpart, self)
        self.counterpart.setPlaceholderText(_("e.g. Vice-Mayor Lin Zhiyuan, Shenzhen Municipal People's Government"))
        self.counterpart.textEdited.connect(lambda _t: self.clear_error("counterpart"))
        self.add_row("counterpart", _("From or to whom"), self.counterpart)
        self.value = QLineEdit("" if gift.value is None else str(gift.value), self)
        self.value.setPlaceholderText(_("not estimated"))
        self.value.textEdited.connect(lambda _t: self.clear_error("value"))
        self.add_row("value", _("Estimated value"), self.value)
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(list(CURRENCIES))
        self.currency.setCurrentText(gift.currency)
        self.add_row("currency", _("Currency"), self.currency)
        self.notes = QPlainTextEdit(gift.notes, self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.add_row("notes", _("Notes"), self.notes)
        hint = QLabel(_("Public officials must declare gifts above a limit; the gift register lists them for the compliance office."), self)
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.finish_layout()
        self.description.current().setFocus()

    def record(self) -> GiftData:
        return self.gift.evolve(
            direction=GiftDirection(self.direction.currentData()), description=self.description.value(),
            member_id=self.member.currentData(), counterpart=self.counterpart.text(), value=self.value.text(),
            currency=self.currency.currentText(), notes=self.notes.toPlainText(),
        )
