"""What every trip page shares: the context it works in and the hooks the window calls.

A page shows one aspect of the selected trip (or a directory), reads through
the services, and makes every change through `ctx.history.perform(...)`, so that
it is saved at once, can be undone, and every other page hears of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings
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
        if self.isVisible() or self.trip_id is not None:
            self.reload()
