"""What every trip page shares: the context it works in and the hooks the window calls.

A page shows one aspect of the selected trip (or a directory), reads through
the services, and makes every change through `ctx.history.perform(...)`, so that
it is saved at once, can be undone, and every other page hears of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from planner.db.engine import Database
from planner.domain.changes import Action, Change, EntityKind
from planner.ui.language import LanguageController
from planner.ui.undo import UndoHistory


@dataclass
class UiContext:
    """The window's shared services for pages, dialogs and models."""

    history: UndoHistory
    language: LanguageController
    settings: QSettings
    window: Callable[[], QWidget | None]

    @property
    def db(self) -> Database:
        return self.history.db

    @property
    def lang(self) -> str:
        """The interface language code (de, zh, en) for picking LocalizedText variants."""
        return self.language.language


class TripPage(QWidget):
    """A page of the trip area. Subclasses override the hooks they need."""

    #: The kinds of record the page shows (planner.services.base.EntityKind); it reloads only when a Change
    #: touches one of them (or anything may have changed). None: every change concerns it.
    shows: frozenset[str] | None = None

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trip_id: int | None = None
        # What waits until the page comes to the front (bring_up_to_date): a trip given while it was behind
        # another tab (as a 1-tuple, so that "no trip" can wait too), and a change to what it shows.
        self._due_trip: tuple[int | None] | None = None
        self._stale = False
        ctx.history.bus.changed.connect(self._data_changed)
        # Bound slots, not lambdas: Qt drops them when the page is destroyed. A subclass sets its captions
        # once its widgets are built (the end of its __init__), so not now.
        ctx.language.follow(self.retranslate, now=False)

    def page_title(self) -> str:
        """The tab's caption in the interface language."""
        raise NotImplementedError

    def set_trip(self, trip_id: int | None) -> None:
        """Show `trip_id` (None: no trip selected)."""
        self.trip_id = trip_id
        self.reload()

    def set_trip_when_seen(self, trip_id: int | None) -> None:
        """Show `trip_id` now if the page is in sight, else when it comes to the front.

        The window gives every page the selected trip this way: a large trip
        takes a moment per page, and only the page in front is looked at.
        """
        if self.out_of_sight():
            self._due_trip = (trip_id,)
        else:
            self._due_trip = None
            self._stale = False
            self.set_trip(trip_id)

    def bring_up_to_date(self) -> None:
        """Read what waited while the page was out of sight (its trip, or a change); nothing if nothing did.

        Called when the page is shown and when the window brings its tab to the
        front (a window not on screen gets no show events): the second call finds
        nothing left to do, so the page reads once.
        """
        due, self._due_trip = self._due_trip, None
        stale, self._stale = self._stale, False
        if due is not None:
            self.set_trip(due[0])
        elif stale:
            self.reload()

    def out_of_sight(self) -> bool:
        """Whether the page is behind another tab (or inside a page that is), so what it shows can wait.

        Asked of the page's place in its window, not of the screen: a page in
        front stays up to date while the window is not shown (minimised, or in
        a test), one its tab widget hid (or whose ancestor it hid) does not. A
        widget merely not shown yet (the window's contents just built) is in
        sight, and so is a page standing alone.
        """
        widget: QWidget | None = self
        while widget is not None and not widget.isWindow():
            if widget.isHidden() and widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                return True
            widget = widget.parentWidget()
        return False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.bring_up_to_date()  # before the first paint: never drawn with what it showed before
        super().showEvent(event)

    def reload(self) -> None:
        """Read again what the page shows."""

    def main_view(self) -> QWidget:
        """Where the keyboard goes when the page is chosen with its key (Ctrl+1 …): its table, else the page."""
        view = getattr(self, "view", None)
        return view if isinstance(view, QWidget) else self

    def retranslate(self) -> None:
        """Set every caption again in the current language."""

    def database_changed(self) -> None:
        """Another database was opened: drop everything read from the old one."""
        self._due_trip = None
        self.set_trip(None)

    def concerned(self, change: Change) -> bool:
        """True if `change` touches what the page shows."""
        return self.shows is None or change.touches(*self.shows)

    def _data_changed(self, change: Change) -> None:
        if change.action is Action.DELETED and change.entity == EntityKind.TRIP and change.id == self.trip_id:
            self.set_trip(None)  # the planner deleted the trip shown: nothing to read (the window selects another next)
            return
        if not self.concerned(change):
            return
        if self.out_of_sight():
            self._stale = True  # read when it comes to the front: an edit on one page does not wait for the others
        elif self.isVisible() or self.trip_id is not None:
            self.reload()
