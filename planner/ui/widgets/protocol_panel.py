"""The protocol part of a saved programme item's form: its gifts, and a button for its seating plan.

Gifts and the seating plan are records of their own: each change is saved at
once, as its own undoable step, whether or not the item form is then saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import formatting
from planner.domain.address import Addressee, reference
from planner.domain.entities import ItemData
from planner.domain.enums import GiftDirection, Language, SeatingArrangement
from planner.domain.protocol import GiftData, SeatingData
from planner.i18n import _, current_language
from planner.services import protocol
from planner.services.base import Change
from planner.domain.members import Member
from planner.ui.pages.base import UiContext
from planner.ui.widgets.protocol_forms import GiftForm
from planner.ui.widgets.seating_dialog import SeatingDialog
from planner.ui.keyboard import tab_leaves


class ProtocolPanel(QWidget):
    def __init__(self, ctx: UiContext, item: ItemData, members: Sequence[Member], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert item.id is not None
        self.ctx, self.item, self.members = ctx, item, list(members)
        self.gifts: list[GiftData] = []
        self.table = tab_leaves(QTableWidget(0, 3, self))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(110)
        self.table.doubleClicked.connect(lambda _i: self.edit_gift())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(_("Add gift…"), self)
        self.add_button.clicked.connect(self.add_gift)
        self.edit_button = QPushButton(_("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_gift)
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.clicked.connect(self.remove_gift)
        self.seating_button = QPushButton(_("Seating plan…"), self)
        self.seating_button.setToolTip(_("Who sits where, from the order of precedence; drag seats to change it"))
        self.seating_button.clicked.connect(self.edit_seating)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        seating = QHBoxLayout()
        seating.addStretch(1)
        seating.addWidget(self.seating_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(seating)
        self.reload()

    def reload(self) -> None:
        self.gifts = protocol.item_gifts(self.ctx.db, self.item.id or 0)
        language = Language(current_language())
        names = {m.id: reference(Addressee.of(m.person), language) for m in self.members}
        self.table.setHorizontalHeaderLabels(["", _("Gift"), _("Estimated value")])  # the first column says given or received
        self.table.setRowCount(len(self.gifts))
        for row, gift in enumerate(self.gifts):
            ours = names.get(gift.member_id, _("The delegation")) if gift.member_id is not None else _("The delegation")
            who = f"{ours} → {gift.counterpart}" if gift.direction is GiftDirection.GIVEN else f"{gift.counterpart} → {ours}"
            value = formatting.money(gift.value, gift.currency) if gift.value is not None else "–"
            cells = [gift.direction.label, f"{gift.description.text(language)} · {who}", value]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(f"{gift.description.text(language)}\n{who}\n{gift.notes}".strip())
                self.table.setItem(row, column, cell)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def selected(self) -> GiftData | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.gifts[min(rows)] if rows else None

    def run_form(self, form: QDialog) -> bool:
        return form.exec() == QDialog.DialogCode.Accepted

    def add_gift(self) -> None:
        def save(data: GiftData) -> Change | None:
            return self.ctx.history.record(_("New gift"), protocol.add_gift(self.ctx.db, data))

        if self.run_form(GiftForm(save, GiftData(item_id=self.item.id), self.members, self)):
            self.reload()

    def edit_gift(self) -> None:
        gift = self.selected()
        if gift is None:
            return

        def save(data: GiftData) -> Change | None:
            return self.ctx.history.record(_("Edit gift"), protocol.update_gift(self.ctx.db, data))

        if self.run_form(GiftForm(save, gift, self.members, self)):
            self.reload()

    def remove_gift(self) -> None:
        gift = self.selected()
        if gift is None or gift.id is None:
            return
        self.ctx.history.perform(_("Remove gift"), lambda: protocol.delete_gift(self.ctx.db, gift.id or 0))
        self.reload()

    def seating_dialog(self) -> SeatingDialog:
        item_id = self.item.id or 0
        plan = protocol.item_seating(self.ctx.db, item_id) or protocol.proposed_seating(self.ctx.db, item_id)

        def propose(arrangement: SeatingArrangement) -> SeatingData:
            return protocol.proposed_seating(self.ctx.db, item_id, arrangement).evolve(id=plan.id, version=plan.version)

        def save(data: SeatingData) -> Change | None:
            return self.ctx.history.perform(_("Seating plan"), lambda: protocol.save_seating(self.ctx.db, data))

        title = self.item.title.text(current_language())
        return SeatingDialog(plan, self.members, propose, save, title, self)

    def edit_seating(self) -> None:
        self.run_form(self.seating_dialog())
