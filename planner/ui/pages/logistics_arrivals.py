"""The arrivals tab of the Logistics page: every member's own flights and trains in time order, and editing them.

Legs are the members' own journeys (the delegation's shared flights stay
programme items). The table shows them by the moment that matters to the
hosts, on the clock of that place; the filter finds a member, a flight or a
meeter in any language, and the direction filter narrows to arrivals or
departures. New (Ctrl+Shift+N, Insert), edit (Enter, double-click) and delete
(Del) run the services through the undo history, so each is saved at once and
can be undone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from planner.domain.entities import PersonData
from planner.domain.enums import Role
from planner.domain.errors import PlannerError
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.i18n import _, ngettext
from planner.services import people, travel_legs, trips
from planner.services.base import Change
from planner.ui.errors import show_planner_error
from planner.ui.keyboard import NEW_KEYS, tab_leaves, with_shortcut
from planner.ui.models import leg_table
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.leg_table import LegTableModel
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.pages.base import TripPage, UiContext
from planner.ui.record_actions import add_search_field, record_actions, record_toolbar
from planner.ui.undo import perform_each
from planner.ui.widgets.leg_form import LegForm

ENTITY = travel_legs.ENTITY


class ArrivalsPage(TripPage):

    #: Legs, and what they show: members, people, trips and vehicles (a name, a member taken off the trip, a car).
    shows = frozenset({ENTITY, "membership", "delegation", "person", "trip", "delegation_order", "vehicle", "vehicle_order"})
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = LegTableModel(ctx.db, None, ctx.language, self)
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.view = tab_leaves(QTableView(self))
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(leg_table.WHEN, Qt.SortOrder.AscendingOrder)  # the hosts' order: by the moment that matters
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self._build_actions()
        self.toolbar = record_toolbar(self, (self.new_action, self.edit_action, self.delete_action))
        self.direction_filter = QComboBox(self)
        self.direction_filter.addItem("", None)
        for direction in LegDirection:
            self.direction_filter.addItem("", direction.value)
        self.toolbar.addWidget(self.direction_filter)
        self.search = add_search_field(self.toolbar)

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)

        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_state())
        # activated: Enter, and a double-click (Qt emits it for both).
        self.view.activated.connect(lambda index: self.edit_leg(index.data(OBJECT_ROLE).id))
        self.search.textChanged.connect(self.proxy.set_filter_text)
        self.direction_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter_value(self.direction_filter.currentData())
        )
        self.proxy.modelReset.connect(self._update_state)
        self.proxy.rowsInserted.connect(lambda *_a: self._update_state())
        self.proxy.rowsRemoved.connect(lambda *_a: self._update_state())
        self.retranslate()
        self._update_state()

    # --- building -----------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action, self.edit_action, self.delete_action = record_actions(
            self, self.new_leg, lambda: self.edit_leg(self.current_id()), lambda: self.delete_legs(self.selected_ids())
        )
        for action in (self.new_action, self.edit_action, self.delete_action):
            self.view.addAction(action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def page_title(self) -> str:
        return _("Arrivals")

    def retranslate(self) -> None:
        self.new_action.setText(_("New travel leg…"))
        self.new_action.setToolTip(with_shortcut(_("Add a member's own flight or train"), NEW_KEYS))
        self.edit_action.setText(_("Edit…"))
        self.delete_action.setText(_("Delete"))
        self.direction_filter.setItemText(0, _("Arriving and leaving"))
        for index, direction in enumerate(LegDirection, start=1):
            self.direction_filter.setItemText(index, direction.label)
        self.direction_filter.setToolTip(_("Show only arrivals, departures or journeys during the trip"))
        self.search.setPlaceholderText(_("Filter as you type…"))
        self.search.setToolTip(_("Finds legs by member, flight, place or who meets them"))
        self._update_state()

    # --- loading ------------------------------------------------------------------------

    def set_trip(self, trip_id: int | None) -> None:
        self.trip_id = trip_id
        self.model.set_trip(trip_id)
        self._fit_columns()

    def reload(self) -> None:
        self.model.set_trip(self.trip_id)

    def database_changed(self) -> None:
        self.model.set_database(self.ctx.db)
        super().database_changed()

    def _fit_columns(self) -> None:
        for column in range(self.model.columnCount() - 1):
            self.view.resizeColumnToContents(column)

    def _update_state(self) -> None:
        has_trip = self.trip_id is not None
        selected = self.selected_ids()
        self.new_action.setEnabled(has_trip and bool(self.model.members()))
        self.edit_action.setEnabled(len(selected) == 1)
        self.delete_action.setEnabled(bool(selected))
        if not has_trip:
            self.empty.setText(_("Choose a trip to see its arrivals and departures."))
        elif not self.model.members():
            self.empty.setText(_("Add members to the delegation first; then enter the flights and trains of those who travel on their own."))
        else:
            self.empty.setText(_(
                "No member travels on their own yet. The delegation's shared flights are programme items; "
                "enter here the flights and trains of those who arrive or leave separately (New travel leg)."
            ))
        self.empty.setVisible(self.model.rowCount() == 0)

    # --- selection ----------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() is not None else []
        return [leg.id for leg in (r.data(OBJECT_ROLE) for r in rows) if leg is not None and leg.id is not None]

    def current_id(self) -> int | None:
        selected = self.selected_ids()
        if len(selected) == 1:
            return selected[0]
        index = self.view.currentIndex()
        leg = index.data(OBJECT_ROLE) if index.isValid() else None
        return leg.id if leg is not None else None

    def select(self, leg_id: int) -> None:
        row = self.model.row_of(leg_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)

    # --- editing ------------------------------------------------------------------------

    def new_leg(self) -> Change | None:
        if self.trip_id is None or not self.model.members():
            return None
        members = self.model.members()
        travellers = [m for m in members if m.role is not Role.HOST] or members
        current = self.current_id()
        chosen = self.model.leg(self.model.row_of(current)).membership_id if current is not None else travellers[0].id
        leg = TravelLegData(membership_id=chosen)
        return self._open_form(leg, _("New travel leg"), lambda data: travel_legs.create_leg(self.ctx.db, data))

    def edit_leg(self, leg_id: int | None) -> Change | None:
        if leg_id is None:
            return None
        row = self.model.row_of(leg_id)
        if row < 0:
            return None
        leg = self.model.leg(row)
        return self._open_form(leg, _("Edit travel leg"), lambda data: travel_legs.update_leg(self.ctx.db, data))

    def _open_form(self, leg: TravelLegData, text: str, save: object) -> Change | None:
        assert self.trip_id is not None and callable(save)
        try:
            trip = trips.get_trip(self.ctx.db, self.trip_id)
        except PlannerError as exc:
            show_planner_error(self, exc)
            return None
        meeter: PersonData | None = self.model.person(leg.met_by_person_id)
        form = LegForm(
            lambda data: self.ctx.history.record(text, save(data)), trip, self.model.members(), leg, self.ctx.lang, self,
            directory=lambda: people.list_people(self.ctx.db), meeter=meeter, vehicles=self.model.vehicles(),
        )
        if form.exec() != LegForm.DialogCode.Accepted or not isinstance(form.result_value, Change):
            return None
        change = form.result_value
        self.select(change.id)
        return change

    def delete_legs(self, ids: Sequence[int]) -> int:
        if not ids:
            return 0
        changes, errors = perform_each(
            self.ctx.history,
            lambda n: ngettext("Delete travel leg", "Delete {n} travel legs", n).format(n=n),
            [lambda leg_id=leg_id: travel_legs.delete_leg(self.ctx.db, leg_id) for leg_id in ids],
        )
        for error in errors[:1]:
            show_planner_error(self, error)
        return len(changes)
