"""A directory page (venues, people): records that belong to no trip, read when the page is seen.

Why a base of its own: the window builds every page at start-up, and a directory of thousands
of people takes a moment to read. So a directory page reads when it is first shown, and a change
that reaches it while another page is in front only marks it to be read when shown next. Both
directory pages held this logic word for word; written once, they cannot drift apart on when
they read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from planner.domain.changes import Change
from planner.ui.pages.base import TripPage, UiContext


class DirectoryPage(TripPage):
    """A page that reads its records in `_read()` when it is shown, not when it is built."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._unread = True  # read when first shown: the window builds every page at start-up

    def set_trip(self, trip_id: int | None) -> None:
        """The directory is the same for every trip: a trip switch reads nothing again (unless never read)."""
        self.trip_id = trip_id
        if self._unread:
            self._reload_when_seen()

    def database_changed(self) -> None:
        """Another database: its directory is read now if the page is in sight, else when it is shown."""
        self._due_trip = None
        self.trip_id = None
        self._reload_when_seen()

    def reload(self) -> None:
        self._unread = False
        self._read()

    def _read(self) -> None:
        """Read the records again and show them, keeping the selection where it can."""
        raise NotImplementedError

    def _data_changed(self, change: Change) -> None:
        # Whether or not a trip is selected: the directory does not depend on it.
        if self.concerned(change):
            self._reload_when_seen()

    def _reload_when_seen(self) -> None:
        """Read now if the page is shown, else when it is next shown.

        A page that no window holds and that was never shown or hidden (a page on its own, as in
        a script or a test) reads at once too: nothing would ever show it.
        """
        alone = self.parentWidget() is None and not self.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
        if self.isVisible() or alone:
            self.reload()
        else:
            self._unread = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._unread:
            self.reload()
        super().showEvent(event)
