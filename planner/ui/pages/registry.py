"""The pages of the trip area, in tab order."""

from __future__ import annotations

from planner.ui.pages.base import TripPage
from planner.ui.pages.delegation import DelegationPage
from planner.ui.pages.logistics import LogisticsPage
from planner.ui.pages.overview import OverviewPage
from planner.ui.pages.people import PeoplePage
from planner.ui.pages.programme import ProgrammePage
from planner.ui.pages.venues import VenuesPage

PAGE_CLASSES: tuple[type[TripPage], ...] = (OverviewPage, DelegationPage, ProgrammePage, LogisticsPage, VenuesPage, PeoplePage)
