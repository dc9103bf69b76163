"""The Overview's follow-ups: who promised what, until when — the open ones first, overdue ones in red.

After a visit come the promises ("send the trade-fair dates", "propose a
joint exhibition"); a return visit builds on them. Duplicating a trip for the
return visit carries the open ones along (services.trip_copy), and the
briefing book cites them. Every change is one undoable step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from planner.domain.briefing import FollowUpData, FollowUpStatus
from planner.domain.errors import PlannerError
from planner.export.follow_up_list import write_follow_up_list
from planner.i18n import _, ngettext
from planner.services import delegation, follow_ups, people, programme
from planner.services.base import Change
from planner.ui.errors import show_error, show_planner_error
from planner.ui.keyboard import INSERT_KEYS, tab_leaves
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.follow_up_table import AGREED, TASK, FollowUpTableModel
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.pages.base import UiContext
from planner.ui.widgets.follow_up_form import FollowUpForm

#: Marks the selected follow-up done (or open again).
DONE_KEYS = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_D)
FOLDER_KEY = "export/folder"


class FollowUpsPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trip_id: int | None = None
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.count = QLabel(self)
        self.show_closed = QCheckBox(self)
        self.show_closed.toggled.connect(lambda _on: self._apply_filter())
        self.model = FollowUpTableModel(self)
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = tab_leaves(QTableView(self))
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Stretch)
        # Where it was agreed shares the room with the task: sized to its long text, it left the task "确定…".
        header.setSectionResizeMode(AGREED, QHeaderView.ResizeMode.Stretch)
        self.view.setMinimumHeight(self.view.fontMetrics().height() * 6)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666666;")
        self.view.activated.connect(lambda _index: self.edit())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit)
        self.done_button = QPushButton(self)
        self.done_button.clicked.connect(self.toggle_done)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_list)
        for button in (self.new_button, self.edit_button, self.done_button, self.delete_button, self.export_button):
            button.setAutoDefault(False)
        # Keys inside the table: Insert adds, Ctrl+D marks done, Delete removes (shown in its context menu).
        self.new_action = QAction(self)
        self.new_action.setShortcut(INSERT_KEYS)
        self.new_action.triggered.connect(self.new)
        self.done_action = QAction(self)
        self.done_action.setShortcut(DONE_KEYS)
        self.done_action.triggered.connect(self.toggle_done)
        self.delete_action = QAction(self)
        self.delete_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Delete))
        self.delete_action.triggered.connect(self.delete)
        for action in (self.new_action, self.done_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.show_closed)
        # The list's export sits up here with the list's filter: with it in the row below, the
        # German labels made the Overview wider than a minimum-size window (it scrolled sideways).
        top.addWidget(self.export_button)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.done_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        ctx.language.languageChanged.connect(self._language_changed)
        self.retranslate()
        self._apply_filter()

    def _language_changed(self, _code: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("Follow-ups"))
        self.show_closed.setText(_("Show done and d&ropped"))  # d is the trip's "Mark as &done" above
        self.new_button.setText(_("New &follow-up…"))
        self.new_button.setToolTip(_("A task agreed at or after a meeting: what, who, until when (Insert in the list)"))
        self.edit_button.setText(_("Edit…"))
        self.delete_button.setText(_("Delete"))
        self.export_button.setText(_("E&xport list…"))
        self.export_button.setToolTip(_("The follow-ups as an Excel or CSV file, to pass on after the visit"))
        self.new_action.setText(_("New follow-up…"))
        self.done_action.setText(_("Mark done or open"))
        self.delete_action.setText(_("Delete"))
        self.model.retranslate()
        self._update_buttons()

    # --- reading ------------------------------------------------------------------------

    def set_trip(self, trip_id: int | None) -> None:
        self.trip_id = trip_id
        self.refresh()

    def refresh(self) -> None:
        """Read the trip's follow-ups again, keeping the selection."""
        chosen = self.selected()
        rows: list[FollowUpData] = []
        names: dict[int, str] = {}
        if self.trip_id is not None:
            # The follow-ups and the names of those who promised them: not the delegation and the programme, which
            # only the form needs (a 5,000-item programme took most of showing the Overview, on every change).
            try:
                rows = follow_ups.list_follow_ups(self.ctx.db, self.trip_id)
                names = people.names(self.ctx.db, (e.who_person_id for e in rows if e.who_person_id is not None))
            except PlannerError:  # the trip went away (deleted elsewhere): the Overview says so; show nothing here
                rows, names = [], {}
        self.model.set_rows(rows, names)
        if chosen is not None and chosen.id is not None:
            self.select(chosen.id)
        self._update_buttons()

    def _apply_filter(self) -> None:
        self.proxy.set_filter_value(None if self.show_closed.isChecked() else FollowUpStatus.OPEN.value)
        self._update_buttons()

    def selected(self) -> FollowUpData | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(OBJECT_ROLE)
        return value if isinstance(value, FollowUpData) else None

    def select(self, follow_up_id: int) -> None:
        row = self.model.row_of(follow_up_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, TASK))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.setCurrentIndex(index)

    def _update_buttons(self) -> None:
        has_trip = self.trip_id is not None
        chosen = self.selected()
        for widget in (self.new_button, self.export_button, self.new_action):
            widget.setEnabled(has_trip)
        for widget in (self.edit_button, self.done_button, self.delete_button, self.done_action, self.delete_action):
            widget.setEnabled(chosen is not None)
        reopen = chosen is not None and chosen.status == FollowUpStatus.DONE
        self.done_button.setText(_("Mark &open again") if reopen else _("Mark d&one"))
        total = self.model.rowCount()
        open_count = sum(1 for row in range(total) if self.model.follow_up(row).is_open)
        self.count.setText(ngettext("{count} open", "{count} open", open_count).format(count=open_count) if has_trip else "")
        self.empty.setText(
            _("No follow-ups yet. After a meeting, note here who promised what and by when; a return visit takes the open ones along.")
            if total == 0 else _("No open follow-ups; tick “Show done and dropped” to see the others.")
        )
        shown = self.proxy.rowCount()
        self.empty.setVisible(has_trip and shown == 0)
        self.view.setVisible(shown > 0)
        self.export_button.setEnabled(has_trip and total > 0)

    # --- changes ------------------------------------------------------------------------

    def _form(self, follow_up: FollowUpData, text: str, service: object) -> Change | None:
        def save(data: FollowUpData) -> Change | None:
            return self.ctx.history.record(text, service(self.ctx.db, data))  # type: ignore[operator]

        if self.trip_id is None:
            return None
        try:  # whom and which item it may name: read when the form opens
            members = delegation.list_members(self.ctx.db, self.trip_id)
            items = programme.list_items(self.ctx.db, self.trip_id)
        except PlannerError as error:
            show_planner_error(self.window(), error)
            return None
        form = FollowUpForm(save, follow_up, [member.person for member in members], items, self.ctx.lang, self.window())
        try:
            accepted = form.exec() == QDialog.DialogCode.Accepted
        finally:
            form.deleteLater()
        change = form.result_value if accepted and isinstance(form.result_value, Change) else None
        self.refresh()
        if change is not None:
            self.select(change.id)
        return change

    def new(self) -> Change | None:
        if self.trip_id is None:
            return None
        return self._form(FollowUpData(trip_id=self.trip_id), _("New follow-up"), follow_ups.create_follow_up)

    def edit(self) -> Change | None:
        chosen = self.selected()
        if chosen is None:
            return None
        return self._form(chosen, _("Edit follow-up"), follow_ups.update_follow_up)

    def toggle_done(self) -> Change | None:
        chosen = self.selected()
        if chosen is None or chosen.id is None:
            return None
        status = FollowUpStatus.OPEN if chosen.status == FollowUpStatus.DONE else FollowUpStatus.DONE
        text = _("Mark follow-up done") if status is FollowUpStatus.DONE else _("Reopen follow-up")
        follow_up_id = chosen.id
        change = self.ctx.history.perform(text, lambda: follow_ups.set_status(self.ctx.db, follow_up_id, status, chosen.version))
        self.refresh()
        return change

    def delete(self) -> Change | None:
        chosen = self.selected()
        if chosen is None or chosen.id is None:
            return None
        follow_up_id = chosen.id
        change = self.ctx.history.perform(_("Delete follow-up"), lambda: follow_ups.delete_follow_up(self.ctx.db, follow_up_id))
        self.refresh()
        return change

    def export_list(self) -> Path | None:
        if self.trip_id is None:
            return None
        folder = str(self.ctx.settings.value(FOLDER_KEY, "") or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        suggested = str(Path(folder) / (_("Follow-ups") + ".xlsx"))
        name, _filter = QFileDialog.getSaveFileName(self.window(), _("Export follow-ups"), suggested, _("Excel (*.xlsx);;CSV (*.csv)"))
        if not name:
            return None
        return self.write_list(Path(name))

    def write_list(self, path: Path) -> Path | None:
        """Write the list in the interface language; a refusal (wrong ending, unwritable folder) is shown."""
        if self.trip_id is None:
            return None
        try:
            return write_follow_up_list(self.ctx.db, self.trip_id, path, language=self.ctx.lang)
        except PlannerError as error:
            show_planner_error(self.window(), error)
            return None
        except OSError as error:
            show_error(self.window(), _("The list was not written"),
                       _("{path} could not be written: {reason}").format(path=str(path), reason=error.strerror or str(error)))
            return None
