"""The Overview page: the selected trip at a glance."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner.i18n import _
from planner.services import trips
from planner.ui.pages.base import TripPage, UiContext
from planner.ui.widgets.trip_overview import TripOverview


class OverviewPage(TripPage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.overview = TripOverview(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.overview)

    def page_title(self) -> str:
        return _("Overview")

    def reload(self) -> None:
        summary = None
        if self.trip_id is not None:
            summary = next((s for s in trips.list_trips(self.ctx.db) if s.trip.id == self.trip_id), None)
        self.overview.show_trip(summary)

    def retranslate(self) -> None:
        self.overview.retranslate()
