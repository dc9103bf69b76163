"""The left side of the main window: find a trip by typing, narrow by status, pick one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import TripStatus
from planner.i18n import _
from planner.domain.summaries import TripSummary
from planner.ui.models import trip_table
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.models.trip_table import TripTableModel
from planner.ui.keyboard import tab_leaves
from planner.ui.widgets.layouts import button_row

#: The columns the narrow navigator shows; the rest are on the overview page.
VISIBLE_COLUMNS = (trip_table.TITLE, trip_table.DATES)  # the rest is on the Overview page


class TripNavigator(QWidget):
    """Emits `currentChanged(TripSummary | None)` whenever the selected trip changes.

    Double-click or Enter on a trip emits `editRequested()` (its details dialog).
    """

    currentChanged = Signal(object)
    editRequested = Signal()
    newRequested = Signal()
    duplicateRequested = Signal()
    deleteRequested = Signal()

    def __init__(self, model: TripTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._commands = True  # False while the window is still opening its database (see set_commands_enabled)
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_text_changed)

        self.status = QComboBox(self)
        self.status.addItem("", None)
        for status in TripStatus:
            self.status.addItem("", status.value)
        self.status.currentIndexChanged.connect(self._status_changed)

        self.view = tab_leaves(QTableView(self))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(trip_table.DATES, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        # The title takes what is left and is elided; the short columns always show in full.
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(trip_table.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        for column in range(model.columnCount()):
            self.view.setColumnHidden(column, column not in VISIBLE_COLUMNS)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(lambda _index: self._request_edit())
        self.view.installEventFilter(self)
        self.proxy.modelReset.connect(self._emit_current)
        self.proxy.layoutChanged.connect(self._emit_current)
        self.proxy.rowsRemoved.connect(self._emit_current)

        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.newRequested)
        self.duplicate_button = QPushButton(self)
        self.duplicate_button.clicked.connect(self.duplicateRequested)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.deleteRequested)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(button_row(self.new_button, self.duplicate_button, self.delete_button))
        self.retranslate()
        self._emit_current()

    def retranslate(self, _language: str = "") -> None:
        self.search.setPlaceholderText(_("Filter as you type…"))
        self.search.setToolTip(_("Finds trips by title, destination or head in any language"))
        self.status.setItemText(0, _("All statuses"))
        for index, status in enumerate(TripStatus, start=1):
            self.status.setItemText(index, status.label)
        self.status.setToolTip(_("Show only trips with this status"))
        self.new_button.setText(_("New trip…"))
        self.duplicate_button.setText(_("Duplicate…"))
        self.duplicate_button.setToolTip(_("Copy the selected trip with its delegation and programme to new dates"))
        self.delete_button.setText(_("Delete…"))

    def set_commands_enabled(self, enabled: bool) -> None:
        """New, Duplicate and Delete act only once the window has opened the database (the list can show before)."""
        self._commands = enabled
        self._emit_current()

    # --- the current trip --------------------------------------------------------------

    def current_summary(self) -> TripSummary | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(OBJECT_ROLE)
        return value if isinstance(value, TripSummary) else None

    def select_trip(self, trip_id: int | None) -> bool:
        """Select the trip with `trip_id`, or the first visible one; False if none is shown."""
        target = QModelIndex()
        if trip_id is not None:
            row = self.model.row_of(trip_id)
            if row >= 0:
                target = self.proxy.mapFromSource(self.model.index(row, 0))
        if not target.isValid() and self.proxy.rowCount() > 0:
            target = self.proxy.index(0, 0)
        if not target.isValid():
            self.view.clearSelection()
            self._emit_current()
            return False
        self.view.selectRow(target.row())
        self.view.scrollTo(target)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter on the list opens the selected trip's details (Qt's `activated` is a single click on some desktops)."""
        if watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_summary() is not None:
                self.editRequested.emit()
                return True
        return super().eventFilter(watched, event)

    def _request_edit(self) -> None:
        if self.current_summary() is not None:
            self.editRequested.emit()

    def _filter_text_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._keep_a_selection()

    def _status_changed(self, _index: int) -> None:
        self.proxy.set_filter_value(self.status.currentData())
        self._keep_a_selection()

    def _keep_a_selection(self) -> None:
        """When the filter hid the selected trip, show the first one that is still listed."""
        if self.current_summary() is None and self.proxy.rowCount() > 0:
            self.select_trip(None)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._emit_current()

    def _emit_current(self, *_args: object) -> None:
        current = self.current_summary()
        self.new_button.setEnabled(self._commands)
        self.delete_button.setEnabled(self._commands and current is not None)
        self.duplicate_button.setEnabled(self._commands and current is not None)
        self.currentChanged.emit(current)
