"""The Overview page: the selected trip at a glance, and whose printed itinerary is out of date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from planner.i18n import _
from planner.services import trips
from planner.ui.pages.base import TripPage, UiContext
from planner.ui.widgets.follow_ups_panel import FollowUpsPanel
from planner.ui.widgets.printouts_panel import PrintoutsPanel
from planner.ui.widgets.trip_overview import TripOverview


class OverviewPage(TripPage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # The facts always get the height their wrapped lines need (never squeezed into
        # each other); the list of printouts gets the rest; on a small window the page scrolls
        # (sideways only when even the printouts' buttons do not fit: text wraps first).
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        content = QWidget(self.scroll)
        self.overview = TripOverview(content)
        self.overview.editRequested.connect(self.edit_details)
        self.overview.statusRequested.connect(self.set_status)
        self.follow_ups = FollowUpsPanel(ctx, content)
        self.printouts = PrintoutsPanel(ctx, content)
        self.printouts.reprintRequested.connect(self.reprint)
        self.overview.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.overview)
        layout.addSpacing(8)
        layout.addWidget(self.follow_ups)
        layout.addSpacing(8)
        layout.addWidget(self.printouts, 1)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    def page_title(self) -> str:
        return _("Overview")

    def main_view(self) -> QWidget:
        """The list of outdated printouts (to act on) if shown, else the facts (arrow keys scroll them)."""
        tree = self.printouts.tree
        return tree if tree.isVisibleTo(self) else self.scroll

    def reload(self) -> None:
        summary = trips.get_summary(self.ctx.db, self.trip_id) if self.trip_id is not None else None
        self.overview.show_trip(summary)
        self.follow_ups.set_trip(self.trip_id)
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
