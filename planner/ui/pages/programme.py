"""The Programme page: the trip's items on a day-by-day agenda or in a table, and editing them.

Both views show the one ItemTableModel; the filter and kind choice narrow both.
Every change (new, edit, move, resize, delete) runs a service through the undo
history, so it is saved at once and can be undone from the Edit menu.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind
from planner.domain.timing import local_to_utc
from planner.i18n import _, ngettext
from planner.services import people, programme
from planner.domain.changes import Action, Change, EntityKind
from planner.ui.errors import show_planner_error
from planner.ui.models import item_table
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.item_table import ItemTableModel
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.pages.base import TripPage, UiContext
from planner.ui.record_actions import record_actions
from planner.ui.undo import perform_batch
from planner.ui.widgets.agenda import AgendaView
from planner.ui.widgets.briefing_form import BRIEFING_KEY, BriefingButton, edit_briefing
from planner.ui.widgets.item_form import ItemForm
from planner.ui.widgets.kind_style import kind_icon
from planner.ui.keyboard import NEW_KEYS, tab_leaves, with_shortcut

VIEW_KEY = "programme/view"
AGENDA, TABLE = 0, 1
DEFAULT_DURATION = timedelta(hours=1)
#: Where "New item" puts an item when nothing is selected: this hour of the first day.
DEFAULT_HOUR = 9
FILTER_DELAY_MS = 150


class ProgrammePage(TripPage):
    #: The programme, its places and hosts, the trip's days and zone, and the delegation (participants): not gifts, visas, seating.
    shows = frozenset({
        EntityKind.ITEM, EntityKind.TRIP, EntityKind.VENUE, EntityKind.MEMBERSHIP, EntityKind.PERSON,
        EntityKind.DELEGATION, EntityKind.DELEGATION_ORDER,
    })

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ItemTableModel(ctx.db, ctx.language, self)
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._syncing = False
        self._batch = False
        self._columns_fitted = False

        self.agenda = AgendaView(self)
        self.table = tab_leaves(QTableView(self))
        self._setup_table()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.agenda)
        self.stack.addWidget(self.table)

        self._build_actions()
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.edit_action, self.delete_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.agenda_button, self.table_button = QToolButton(self), QToolButton(self)
        self.view_buttons = QButtonGroup(self)
        for index, button in enumerate((self.agenda_button, self.table_button)):
            button.setCheckable(True)
            self.view_buttons.addButton(button, index)
            self.toolbar.addWidget(button)
        self.toolbar.addSeparator()
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem("", None)
        for kind in ItemKind:
            self.kind_filter.addItem(kind_icon(kind), "", kind.value)
        self.toolbar.addWidget(self.kind_filter)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.toolbar.addWidget(self.search)

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.empty)
        layout.addWidget(self.note)
        layout.addWidget(self.stack, 1)

        self._connect()
        view = ctx.settings.value(VIEW_KEY, AGENDA)
        self.show_view(TABLE if str(view) == str(TABLE) else AGENDA)
        self.retranslate()
        self._update_state()

    # --- building -----------------------------------------------------------------------

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(item_table.TIME, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(200)  # look at a few hundred rows, not all of a huge programme
        for column, width in ((item_table.TITLE, 300), (item_table.VENUE, 220)):
            table.setColumnWidth(column, width)

    def _fit_columns(self) -> None:
        """The short columns as wide as their text; title and venue keep the width the planner gave them.

        Only while the table is in front: measuring reads a few hundred cells,
        which opening a trip in the agenda need not wait for; the table is
        fitted when it is brought to the front.
        """
        self._columns_fitted = self.stack.currentWidget() is self.table
        if not self._columns_fitted:
            return
        for column in (item_table.DAY, item_table.TIME, item_table.KIND, item_table.PARTICIPANTS):
            self.table.resizeColumnToContents(column)

    def _build_actions(self) -> None:
        self.new_action, self.edit_action, self.delete_action = record_actions(
            self, self.new_item, lambda: self.edit_item(self.current_id()), lambda: self.delete_items(self.selected_ids())
        )
        self.briefing_action = QAction("", self)
        self.briefing_action.setShortcut(QKeySequence(BRIEFING_KEY))
        self.briefing_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.briefing_action.triggered.connect(lambda: self.edit_briefing(self.current_id()))
        for view in (self.agenda, self.table):
            view.addAction(self.edit_action)
            view.addAction(self.briefing_action)
            view.addAction(self.delete_action)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.agenda.addAction(self.new_action)
        self.table.addAction(self.new_action)

    def _connect(self) -> None:
        self.agenda.createRequested.connect(self.new_item)
        self.agenda.editRequested.connect(self.edit_item)
        self.agenda.deleteRequested.connect(self.delete_items)
        self.agenda.moveRequested.connect(lambda item_id, start: self.move_item(item_id, start))
        self.agenda.resizeRequested.connect(self.resize_item)
        self.agenda.selectionChanged.connect(self._agenda_selection_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._table_selection_changed())
        # activated: Enter, and a double-click (Qt emits it for both; doubleClicked too would open two forms).
        self.table.activated.connect(lambda index: self.edit_item(index.data(OBJECT_ROLE).id))
        self.view_buttons.idClicked.connect(self.show_view)
        # Filtering thousands of rows takes a moment: wait until the typing pauses.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._filter_timer.start())
        self.kind_filter.currentIndexChanged.connect(self.apply_filter)

    def page_title(self) -> str:
        return _("Programme")

    def main_view(self) -> QWidget:
        return self.stack.currentWidget()  # the agenda or the table, whichever is in front

    def retranslate(self) -> None:
        self.new_action.setText(_("New item…"))
        self.new_action.setToolTip(with_shortcut(_("Add a programme item (or double-click a time in the agenda)"), NEW_KEYS))
        self.edit_action.setText(_("Edit…"))
        self.delete_action.setText(_("Delete"))
        self.briefing_action.setText(_("Briefing…"))
        self.briefing_action.setToolTip(with_shortcut(_("Objective, talking points and background of the item, for the briefing book"), BRIEFING_KEY))
        self.agenda_button.setText(_("Agenda"))
        self.agenda_button.setToolTip(_("Day by day, in the local time of the destination"))
        self.table_button.setText(_("Table"))
        self.table_button.setToolTip(_("Every item in one sortable list"))
        self.kind_filter.setItemText(0, _("All kinds"))
        for index, kind in enumerate(ItemKind, start=1):
            self.kind_filter.setItemText(index, kind.label)
        self.kind_filter.setToolTip(_("Show only items of this kind"))
        self.search.setPlaceholderText(_("Filter as you type…"))
        self.search.setToolTip(_("Finds items by title, venue, host or participant in any language"))
        self.agenda.retranslate(self.ctx.lang)
        self._fit_columns()
        self._update_state()

    # --- loading ------------------------------------------------------------------------

    def set_trip(self, trip_id: int | None) -> None:
        changed = trip_id != self.trip_id
        self.trip_id = trip_id
        self.model.set_trip(trip_id)
        self._refresh_agenda(keep_scroll=not changed)
        if changed:
            self._fit_columns()  # now if the table is in front, else when it comes to the front

    def reload(self) -> None:
        self.model.set_trip(self.trip_id)
        self.trip_id = self.model.trip_id
        self._refresh_agenda()

    def database_changed(self) -> None:
        self.model.set_database(self.ctx.db)
        super().database_changed()

    def _data_changed(self, change: Change) -> None:
        if self.trip_id is None or not self.concerned(change):
            return
        if change.kinds == {EntityKind.ITEM}:
            self._patch_items(change)  # items only: patch them in rather than read the whole programme
            if not self._batch:
                self._refresh_agenda(changed=tuple(change.ids(EntityKind.ITEM)))  # and lay out again only the days it was or is on
        elif self.out_of_sight():
            self._stale = True  # read the whole programme again when the page comes to the front
        else:
            self.reload()

    def _patch_items(self, change: Change) -> None:
        """Put each changed item into the table as the change left it (read again where the change does not say).

        A moved item's row is taken out and put back at its new time: the
        table's selection is not the planner's choice meanwhile, so it is not
        passed to the agenda (the agenda's selection is given back to the table
        when it is laid out), and the table's cursor stays on the item.
        """
        latest: dict[int, Change] = {}
        for step in change.walk():
            if step.entity == EntityKind.ITEM and step.action is not Action.BATCH:
                latest[step.id] = step
        current = self.table.currentIndex()
        current_item = current.data(OBJECT_ROLE) if current.isValid() else None
        self._syncing = True
        try:
            for item_id, step in latest.items():
                if step.action is Action.DELETED:
                    self.model.patch_item(item_id, None)
                elif isinstance(step.after, ItemData) and step.after.id == item_id:
                    self.model.patch_item(item_id, step.after)  # the record as the service wrote it: no need to read it
                else:
                    self.model.refresh_item(item_id)  # known by its id alone (another planner's change)
            if isinstance(current_item, ItemData) and current_item.id in latest:
                row = self.model.row_of(current_item.id)
                if row >= 0:
                    index = self.proxy.mapFromSource(self.model.index(row, current.column()))
                    self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._syncing = False

    def _refresh_agenda(self, keep_scroll: bool = True, changed: tuple[int, ...] | None = None) -> None:
        trip = self.model.trip
        if trip is None:
            self.agenda.set_programme([], "UTC", [], {}, self.ctx.lang, keep_scroll=False)
        else:
            self.agenda.set_programme(trip.days, trip.timezone, self._visible_items(), self.model.venues, self.ctx.lang,
                                      keep_scroll=keep_scroll, changed=changed)
        self._agenda_selection_changed()
        self._update_state()

    def _visible_items(self) -> list[ItemData]:
        if not self.proxy.filter_text() and self.proxy.filter_value() is None:
            return self.model.items
        return [self.proxy.index(row, 0).data(OBJECT_ROLE) for row in range(self.proxy.rowCount())]

    def apply_filter(self, *_args: object) -> None:
        """Narrow both views to the typed words and the chosen kind (typing applies this after a pause)."""
        self._filter_timer.stop()
        self.proxy.set_filter_text(self.search.text())
        self.proxy.set_filter_value(self.kind_filter.currentData())
        self._refresh_agenda()

    def _update_state(self) -> None:
        has_trip = self.model.trip is not None
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if has_trip and total == 0:
            self.empty.setText(_("No programme items yet: double-click a time in the agenda, or choose New item."))
        elif has_trip and shown == 0:
            self.empty.setText(_("No programme item matches the filter."))
        self.empty.setVisible(has_trip and shown == 0)
        outside = self.agenda.outside_count()
        self.note.setText(
            ngettext(
                "{count} item lies outside the trip's days and is shown in the table only.",
                "{count} items lie outside the trip's days and are shown in the table only.", outside,
            ).format(count=outside)
        )
        self.note.setVisible(has_trip and outside > 0 and self.stack.currentIndex() == AGENDA)
        for action in (self.new_action,):
            action.setEnabled(has_trip)
        selected = self.selected_ids()
        self.edit_action.setEnabled(len(selected) >= 1)
        self.briefing_action.setEnabled(len(selected) == 1)
        self.delete_action.setEnabled(bool(selected))

    def show_view(self, index: int) -> None:
        """Switch between the agenda and the table; the choice is remembered."""
        self.stack.setCurrentIndex(index)
        self.view_buttons.button(index).setChecked(True)
        if index == TABLE and not self._columns_fitted:
            self._fit_columns()
        self.ctx.settings.setValue(VIEW_KEY, index)
        self._update_state()

    # --- selection, kept the same in both views ---------------------------------------------

    def selected_ids(self) -> list[int]:
        if self.stack.currentIndex() == AGENDA:
            return self.agenda.selected_ids()
        return [index.data(OBJECT_ROLE).id for index in self.table.selectionModel().selectedRows()]

    def current_id(self) -> int | None:
        if self.stack.currentIndex() == AGENDA:
            return self.agenda.current_id()
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row(), current.parent()):
            return current.data(OBJECT_ROLE).id
        selected = self.selected_ids()
        return selected[0] if selected else None

    def _agenda_selection_changed(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            selection = QItemSelection()
            for item_id in self.agenda.selected_ids():
                row = self.model.row_of(item_id)
                index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
                if index is not None and index.isValid():
                    selection.select(index, index.siblingAtColumn(item_table.HOST))
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().select(selection, flags)
        finally:
            self._syncing = False
        self._update_state()

    def _table_selection_changed(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            ids = [index.data(OBJECT_ROLE).id for index in self.table.selectionModel().selectedRows()]
            current = self.table.currentIndex()
            self.agenda.select_items(ids, current.data(OBJECT_ROLE).id if current.isValid() else None)
        finally:
            self._syncing = False
        self._update_state()

    # --- actions ------------------------------------------------------------------------

    def _default_start(self) -> datetime | None:
        trip = self.model.trip
        if trip is None:
            return None
        current = self.model.item_by_id(self.current_id()) if self.current_id() is not None else None
        if current is not None and current.end is not None:
            return current.end
        day = trip.first_day or datetime.now().date()
        return local_to_utc(datetime.combine(day, time(DEFAULT_HOUR)), trip.timezone)

    def new_item(self, start: datetime | None = None) -> Change | None:
        """Open the form for a new item starting at `start` (UTC; default: after the current item, or 09:00)."""
        trip = self.model.trip
        start = start or self._default_start()
        if trip is None or start is None:
            return None
        item = ItemData(trip_id=trip.id, start=start, end=start + DEFAULT_DURATION, timezone=trip.timezone)
        change = self._open_form(
            item, lambda data: self.ctx.history.record(_("New programme item"), programme.create_item(self.ctx.db, data)),
            save_and_new=True,
        )
        if change is not None:
            self.select(change.id)
        return change

    def edit_item(self, item_id: int | None) -> Change | None:
        item = self.model.item_by_id(item_id) if item_id is not None else None
        if item is None:
            return None
        return self._open_form(
            item, lambda data: self.ctx.history.record(_("Edit programme item"), programme.update_item(self.ctx.db, data))
        )

    def edit_briefing(self, item_id: int | None) -> Change | None:
        """The briefing form of one item; saving it is one undoable step."""
        item = self.model.item_by_id(item_id) if item_id is not None else None
        if item is None or item.id is None:
            return None
        return edit_briefing(self.ctx, item, self)

    def _open_form(self, item: ItemData, save: object, save_and_new: bool = False) -> Change | None:
        """The item form; the last change it saved (after Save and new, also when it is then closed)."""
        trip = self.model.trip
        assert trip is not None
        form = ItemForm(
            save, trip, list(self.model.venues.values()), self.model.members, item, self.ctx.lang, self,  # type: ignore[arg-type]
            directory=lambda: people.list_people(self.ctx.db),
        )
        if item.id is not None:  # gifts and the seating plan belong to a saved item
            from planner.ui.widgets.protocol_panel import ProtocolPanel

            form.add_side_panel("protocol", _("Gifts"), ProtocolPanel(self.ctx, item, self.model.members, form))
            form.add_side_panel("briefing", _("Briefing"), BriefingButton(self.ctx, item, form))
        if save_and_new:
            form.enable_save_and_new()
        accepted = form.exec() == QDialog.DialogCode.Accepted
        if not accepted and not save_and_new:
            return None
        saved = [value for value in form.saved_values if isinstance(value, Change)]
        return saved[-1] if saved else None

    def move_item(self, item_id: int, start: datetime, end: datetime | None = None) -> Change | None:
        """Move (and with `end`, resize) an item, undoably; a refusal is shown as a message."""
        item = self.model.item_by_id(item_id)
        if item is None:
            return None
        text = _("Move programme item") if end is None else _("Resize programme item")
        return self.ctx.history.perform(text, lambda: programme.move_item(self.ctx.db, item_id, item.version, start, end))

    def resize_item(self, item_id: int, end: datetime) -> Change | None:
        item = self.model.item_by_id(item_id)
        if item is None or item.start is None:
            return None
        return self.move_item(item_id, item.start, end)

    def delete_items(self, ids: Sequence[int]) -> int:
        """Delete the items as one undoable step; returns how many were deleted."""
        ids = [i for i in ids if self.model.item_by_id(i) is not None]
        if not ids:
            return 0
        self._batch = True  # one agenda layout at the end, not one per item
        try:
            changes, errors = perform_batch(
                self.ctx.history,
                lambda count: ngettext("Delete programme item", "Delete {count} programme items", count).format(count=count),
                lambda: programme.delete_items(self.ctx.db, ids),
            )
        finally:
            self._batch = False
            self._refresh_agenda()
        if errors:
            self.reload()  # what was refused was probably changed elsewhere: show how things are now
            show_planner_error(self.ctx.window(), errors[0])
        return len(changes)

    def select(self, item_id: int) -> None:
        self.agenda.select_items([item_id], item_id)
        self._agenda_selection_changed()
