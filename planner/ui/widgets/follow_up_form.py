"""One follow-up: what is to be done, by whom (a person of the trip or anyone named in words), until when.

A task promised at a meeting belongs to that item (optional); one carried
over from an earlier visit says where and when it was agreed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from planner.domain.briefing import FollowUpData, FollowUpStatus
from planner.domain.entities import ItemData, PersonData
from planner.i18n import _
from planner.ui.widgets.form import RecordForm
from planner.ui.widgets.person_form import OptionalDate


class FollowUpForm(RecordForm):
    """`people` are the trip's members and hosts (by id), `items` its programme."""

    def __init__(
        self, save: Callable[[FollowUpData], object], follow_up: FollowUpData, people: Sequence[PersonData],
        items: Sequence[ItemData], ui_lang: str, parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.follow_up = follow_up
        self.setWindowTitle(_("Edit follow-up") if follow_up.id is not None else _("New follow-up"))
        self.setMinimumWidth(560)
        self.what = self.add_localized("what", _("Task"), multiline=True)
        self.what.set_value(follow_up.what)

        self.person = QComboBox(self)
        self.person.addItem(_("Someone else (type the name)"), None)
        for person in sorted(people, key=lambda p: p.name.casefold()):
            self.person.addItem(person.name, person.id)
        self.person.setCurrentIndex(max(self.person.findData(follow_up.who_person_id), 0) if follow_up.who_person_id is not None else 0)
        self.add_row("who_person_id", _("Who"), self.person)
        self.who = QLineEdit(follow_up.who, self)
        self.who.setPlaceholderText(_("e.g. Deutsche Messe AG, both protocol offices"))
        self.who.textEdited.connect(lambda _t: self.clear_error("who"))
        self.add_row("who", _("Or in words"), self.who)
        self.person.currentIndexChanged.connect(lambda _i: self._person_chosen())

        self.due = OptionalDate(self.date_edit(follow_up.due, "due"), _("No due date"), follow_up.due, self)
        self.add_row("due", _("Due"), self.due)
        self.status = QComboBox(self)
        for status in FollowUpStatus:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(max(self.status.findData(FollowUpStatus(follow_up.status).value), 0))
        self.add_row("status", _("Status"), self.status)
        self.item = QComboBox(self)
        self.item.addItem(_("None (the trip as a whole)"), None)
        for item in items:
            self.item.addItem(item.title.text(ui_lang), item.id)
        self.item.setCurrentIndex(max(self.item.findData(follow_up.item_id), 0) if follow_up.item_id is not None else 0)
        self.add_row("item_id", _("Programme item"), self.item)
        self.origin = self.add_localized("origin", _("Agreed at"))
        self.origin.set_value(follow_up.origin)
        self.agreed_on = OptionalDate(self.date_edit(follow_up.agreed_on, "agreed_on"), _("Not known"), follow_up.agreed_on, self)
        self.add_row("agreed_on", _("Agreed on"), self.agreed_on)
        self.finish_layout()
        self._person_chosen()
        self.what.current().setFocus()

    def _person_chosen(self) -> None:
        """A person chosen from the list needs no words; the words are for anyone else."""
        self.who.setEnabled(self.person.currentData() is None)

    def record(self) -> FollowUpData:
        person = self.person.currentData()
        return self.follow_up.evolve(
            what=self.what.value(), who_person_id=person, who="" if person is not None else self.who.text(),
            due=self.due.value(), status=FollowUpStatus(self.status.currentData()), item_id=self.item.currentData(),
            origin=self.origin.value(), agreed_on=self.agreed_on.value(),
        )
