"""The Overview page: the selected trip at a glance, and whose printed itinerary is out of date."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from planner.i18n import _
from planner.services import trips
from planner.ui.pages.base import TripPage, UiContext
from planner.ui.widgets.printouts_panel import PrintoutsPanel
from planner.ui.widgets.trip_overview import TripOverview


class OverviewPage(TripPage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.overview = TripOverview(self)
        self.overview.editRequested.connect(self.edit_details)
        self.overview.statusRequested.connect(self.set_status)
        self.printouts = PrintoutsPanel(ctx, self)
        self.printouts.reprintRequested.connect(self.reprint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The facts take the room they need; the list of printouts gets the rest.
        self.overview.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.overview)
        layout.addSpacing(8)
        layout.addWidget(self.printouts, 1)

    def page_title(self) -> str:
        return _("Overview")

    def reload(self) -> None:
        summary = None
        if self.trip_id is not None:
            summary = next((s for s in trips.list_trips(self.ctx.db) if s.trip.id == self.trip_id), None)
        self.overview.show_trip(summary)
        if self.printouts.trip_id != self.trip_id:
            self.printouts.set_trip(self.trip_id)
        else:
            self.printouts.refresh()

    def retranslate(self) -> None:
        self.overview.retranslate()
        self.printouts.retranslate()

    def edit_details(self) -> None:
        """The Trip details dialog for the trip shown; the page reloads through the DataBus when it is saved."""
        from planner.ui.trip_edit import edit_trip

        if self.trip_id is not None:
            edit_trip(self.ctx.history, self.ctx.window(), self.trip_id)

    def set_status(self, value: str) -> None:
        """Move the trip shown to another status (one undoable step)."""
        from planner.domain.enums import TripStatus
        from planner.ui.trip_edit import set_status

        summary = self.overview.summary()
        if summary is not None:
            set_status(self.ctx.history, summary.trip, TripStatus(value))

    def reprint(self, membership_ids: list[int]) -> None:
        """The export dialog with the itineraries of exactly these people chosen and "Issue as version N" ticked."""
        from planner.ui.widgets.export_dialog import open_export_dialog

        if self.trip_id is None:
            return
        open_export_dialog(self.ctx, self.trip_id, membership_ids, issue=True)
        self.printouts.refresh()
