"""The Logistics page: a bed every night, a seat on every transfer, someone at every arrival.

One trip page holding a tab per part of the logistics. Each tab is a TripPage
of its own (it reads and reloads itself when data changes); this page hands
them the trip, the language and a new database, and sends the keyboard to the
tab in front. LOGISTICS_TABS is the one place a new part is added.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from planner.domain.changes import Change
from planner.i18n import _
from planner.ui.pages.base import TripPage, UiContext
from planner.ui.pages.logistics_arrivals import ArrivalsPage
from planner.ui.pages.logistics_rooms import RoomsPage
from planner.ui.pages.logistics_vehicles import VehiclesPage

#: The tabs of the Logistics page, in order: where they sleep, how they ride, how they come and go.
LOGISTICS_TABS: tuple[type[TripPage], ...] = (RoomsPage, VehiclesPage, ArrivalsPage)


class LogisticsPage(TripPage):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.pages: list[TripPage] = [cls(ctx, self.tabs) for cls in LOGISTICS_TABS]
        for page in self.pages:
            self.tabs.addTab(page, page.page_title())
        self.tabs.currentChanged.connect(lambda _index: self._current_up_to_date())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tabs)

    def page_title(self) -> str:
        return _("Logistics")

    def set_trip(self, trip_id: int | None) -> None:
        self.trip_id = trip_id
        for page in self.pages:
            page.set_trip(trip_id)

    def reload(self) -> None:
        for page in self.pages:
            page.reload()

    def main_view(self) -> QWidget:
        current = self.tabs.currentWidget()
        return current.main_view() if isinstance(current, TripPage) else self

    def retranslate(self) -> None:
        for index, page in enumerate(self.pages):
            self.tabs.setTabText(index, page.page_title())

    def bring_up_to_date(self) -> None:
        super().bring_up_to_date()
        self._current_up_to_date()

    def _current_up_to_date(self) -> None:
        """The tab in front reads what changed while it was behind (a window not on screen shows no tab)."""
        current = self.tabs.currentWidget()
        if isinstance(current, TripPage):
            current.bring_up_to_date()

    def database_changed(self) -> None:
        self.trip_id = None
        self._due_trip = None
        for page in self.pages:
            page.database_changed()

    def _data_changed(self, change: Change) -> None:
        """Each tab hears the bus itself and reads what it shows; nothing to do here."""
