"""Undo and redo for every edit: a thin Qt adapter over planner.services.undo.

An edit is carried out by a service first (so a refused edit never reaches
the stack) and then pushed as a ChangeCommand whose first redo does nothing.
Undo and redo hand the step's latest Change to `services.undo.invert`, which
calls the inverse service (delete for a creation, the old values for an
update, restore-with-the-same-id for a deletion) and returns the Change that
made; that one is inverted by the next undo or redo. If a step is refused
(the record was changed elsewhere), the user is told and the step is dropped
from the stack rather than leaving it in a state that lies.

Every Change (and EVERYTHING, when anything may have changed) goes out on
the DataBus's one signal; pages and models look at its kinds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from planner.db.engine import Database
from planner.domain.errors import PlannerError
from planner.services import undo as service_undo
from planner.domain.changes import EVERYTHING, Change, EntityKind
from planner.services.base import each


class DataBus(QObject):
    """Tells every page what data changed: the Change (EVERYTHING when it may be anything). Pages reload what they show."""

    #: The kind when anything may have changed (another program wrote to the file): everything reloads.
    ANY = EntityKind.ANY

    #: Carries a planner.services.base.Change.
    changed = Signal(object)

    def everything(self) -> None:
        """Say that anything may have changed."""
        self.changed.emit(EVERYTHING)


class ChangeCommand(QUndoCommand):
    """One user action that has already been carried out by a service."""

    def __init__(
        self, db: Database, bus: DataBus, text: str, change: Change, parent_widget: Callable[[], QWidget | None],
        versions: dict[tuple[str, int], int] | None = None,
    ) -> None:
        super().__init__(text)
        self._db = db
        self._bus = bus
        self._change = change
        self._current = change  # the latest Change of this step: what undo or redo inverts next
        self._done = True
        self._parent_widget = parent_widget
        # The newest version of each record that this history wrote, shared by its commands:
        # undoing two edits of one record in a row must not take the second for a foreign change.
        self._versions = versions if versions is not None else {}
        service_undo.note_versions(self._versions, change)

    @property
    def change(self) -> Change:
        return self._change

    def redo(self) -> None:
        if self._done:
            return
        self._apply(self._forward)
        self._done = True

    def undo(self) -> None:
        self._apply(self._backward)
        self._done = False

    def _apply(self, step: Callable[[], Change]) -> None:
        try:
            self._current = step()
            service_undo.note_versions(self._versions, self._current)
        except PlannerError as exc:
            self.setObsolete(True)
            from planner.ui.errors import show_planner_error

            show_planner_error(self._parent_widget(), exc)
            return
        self._bus.changed.emit(self._current)

    def _backward(self) -> Change:
        return service_undo.invert(self._db, self._current, self._versions)

    def _forward(self) -> Change:
        return service_undo.invert(self._db, self._current, self._versions)

    def _known_version(self) -> int:
        """The record's version as this history last wrote it (this command's own if none newer)."""
        own = self._current.after.version
        return self._versions.get((str(self._change.entity), self._change.id), own)


class UndoHistory:
    """The window's undo stack, with the database and the bus the commands need."""

    def __init__(self, db: Database, parent_widget: Callable[[], QWidget | None], parent: QObject | None = None) -> None:
        self.db = db
        self.bus = DataBus(parent)
        self.stack = QUndoStack(parent)
        self._parent_widget = parent_widget
        self._versions: dict[tuple[str, int], int] = {}

    def record(self, text: str, change: Change, command: type[ChangeCommand] | None = None) -> Change:
        """Push an action a service has just carried out, and tell the pages.

        `command` is a ChangeCommand subclass for a change services.undo cannot take back by itself.
        """
        kind = command or ChangeCommand
        self.stack.push(kind(self.db, self.bus, text, change, self._parent_widget, self._versions))
        self.bus.changed.emit(change)
        return change

    def perform(self, text: str, action: Callable[[], Change]) -> Change | None:
        """Run a service action; on a PlannerError show it and push nothing."""
        try:
            change = action()
        except PlannerError as exc:
            from planner.ui.errors import show_planner_error

            show_planner_error(self._parent_widget(), exc)
            return None
        return self.record(text, change)

    def set_database(self, db: Database) -> None:
        """A different database: old steps name records of the old one, so they go."""
        self.db = db
        self.stack.clear()
        self._versions.clear()


def perform_each(
    history: UndoHistory,
    text: str | Callable[[int], str],
    actions: Sequence[Callable[[], Change]],
    *,
    stop_on_error: bool = False,
) -> tuple[list[Change], list[PlannerError]]:
    """Run several service actions as ONE transaction and record those carried out as ONE undo step.

    The actions run inside `services.base.each`: a refused one is rolled back
    alone and skipped (or ends the run with `stop_on_error`) and returned for
    the caller to show. Nothing refused reaches the stack, and no empty step
    either. `text` may be a function of how many actions were carried out, so
    the step's name counts only those.
    """
    return perform_batch(history, text, lambda: each(history.db, actions, stop_on_error=stop_on_error))


def perform_batch(
    history: UndoHistory, text: str | Callable[[int], str], action: Callable[[], Change],
) -> tuple[list[Change], list[PlannerError]]:
    """Run a batch service (one transaction, a BATCH Change) and record what it did as ONE undo step.

    Returns the changes carried out and the refusals (what the batch left
    alone, or the one error that refused it all) for the caller to show.
    """
    try:
        batch = action()
    except PlannerError as error:
        return [], [error]
    changes = list(batch.related)
    if changes:
        if callable(text):
            text = text(len(changes))
        history.record(text, batch if len(changes) > 1 else changes[0])
    return changes, list(batch.refused)
