"""Undo and redo for every edit, built on the Changes the services return.

An edit is carried out by a service first (so a refused edit never reaches
the stack) and then pushed as a ChangeCommand whose first redo does nothing.
Undo and redo call the inverse services: delete for a creation, the old values
for an update, restore-with-the-same-id for a deletion. If one of them is
refused (the record was changed elsewhere), the user is told and the step is
dropped from the stack rather than leaving it in a state that lies.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from planner.db.engine import Database
from planner.domain.errors import PlannerError
from planner.domain.briefing import ProfileOwner
from planner.services import (
    accommodation, briefing, delegation, follow_ups, people, programme, protocol, restore, travel_legs, trips, vehicles, venues,
)
from planner.services.base import Action, Change


class DataBus(QObject):
    """Tells every page that data changed: (entity, id). Pages reload what they show."""

    #: The entity when anything may have changed (another program wrote to the file): everything reloads.
    ANY = "*"

    changed = Signal(str, int)


@dataclass(frozen=True)
class _Ops:
    delete: Callable[[Database, int], Change]
    restore: Callable[[Database, Change], Change]
    update: Callable[[Database, Any], Change]


_OPS: dict[str, _Ops] = {
    "person": _Ops(
        people.delete_person, lambda db, ch: restore.restore_person(db, ch.before, briefing.deleted_profiles(ch)), people.update_person,
    ),
    "trip": _Ops(trips.delete_trip, restore.restore_trip, trips.update_trip),
    "membership": _Ops(delegation.remove_member, restore.restore_member, delegation.update_member),
    "venue": _Ops(
        venues.delete_venue, lambda db, ch: restore.restore_venue(db, ch.before, briefing.deleted_profiles(ch)), venues.update_venue,
    ),
    "item": _Ops(programme.delete_item, lambda db, ch: restore.restore_item(db, ch.before, ch.related), programme.update_item),
    "visa": _Ops(protocol.delete_visa, protocol.restore_visa, protocol.save_visa),
    "gift": _Ops(protocol.delete_gift, lambda db, ch: protocol.restore_gift(db, ch.before), protocol.update_gift),
    "seating": _Ops(protocol.delete_seating_plan, protocol.restore_seating, protocol.save_seating),
    "travel_leg": _Ops(travel_legs.delete_leg, lambda db, ch: travel_legs.restore_leg(db, ch.before), travel_legs.update_leg),
    "vehicle": _Ops(vehicles.delete_vehicle, vehicles.restore_vehicle, vehicles.update_vehicle),
    # An item's rides are saved as a whole: undo and redo save the rides before or after.
    "vehicle_rides": _Ops(vehicles.clear_rides, lambda db, ch: vehicles.save_rides(db, ch.before), vehicles.save_rides),
    # Briefings and profiles are only ever saved as a whole (UPDATED); clearing and saving the old one back serve the rest.
    "item_briefing": _Ops(briefing.clear_briefing, lambda db, ch: briefing.save_briefing(db, ch.before), briefing.save_briefing),
    "person_profile": _Ops(
        lambda db, i: briefing.clear_profile(db, ProfileOwner.PERSON, i), lambda db, ch: briefing.save_profile(db, ch.before),
        briefing.save_profile,
    ),
    "contact_profile": _Ops(
        lambda db, i: briefing.clear_profile(db, ProfileOwner.CONTACT, i), lambda db, ch: briefing.save_profile(db, ch.before),
        briefing.save_profile,
    ),
    "follow_up": _Ops(follow_ups.delete_follow_up, lambda db, ch: follow_ups.restore_follow_up(db, ch.before), follow_ups.update_follow_up),
    accommodation.BLOCK: _Ops(accommodation.delete_block, accommodation.restore_block, accommodation.update_block),
    accommodation.ASSIGNMENT: _Ops(accommodation.delete_assignment, accommodation.restore_assignment, accommodation.update_assignment),
}


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
        self._current = change  # the latest Change, whose record versions are current
        self._done = True
        self._parent_widget = parent_widget
        # The newest version of each record that this history wrote, shared by its commands:
        # undoing two edits of one record in a row must not take the second for a foreign change.
        self._versions = versions if versions is not None else {}
        _note_version(self._versions, change)

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
            _note_version(self._versions, self._current)
        except PlannerError as exc:
            self.setObsolete(True)
            from planner.ui.errors import show_planner_error

            show_planner_error(self._parent_widget(), exc)
            return
        self._bus.changed.emit(self._change.entity, self._change.id)

    def _backward(self) -> Change:
        c = self._change
        if c.entity == "delegation_order":
            return delegation.reorder_members(self._db, c.id, list(c.before))
        ops = _OPS[c.entity]
        if c.action is Action.CREATED:
            return ops.delete(self._db, c.id)
        if c.action is Action.UPDATED:
            return ops.update(self._db, c.before.evolve(version=self._known_version()))
        if c.action is Action.DELETED:
            # Restore from the newest deletion, which knows what went with the record.
            deleted = self._current if self._current.action is Action.DELETED else c
            return ops.restore(self._db, deleted)
        raise ValueError(c.action)

    def _forward(self) -> Change:
        c = self._change
        if c.entity == "delegation_order":
            return delegation.reorder_members(self._db, c.id, list(c.after))
        ops = _OPS[c.entity]
        if c.action is Action.CREATED:
            deleted = self._current if self._current.action is Action.DELETED else Change(Action.DELETED, c.entity, c.id, before=c.after)
            return ops.restore(self._db, deleted)
        if c.action is Action.UPDATED:
            return ops.update(self._db, c.after.evolve(version=self._known_version()))
        if c.action is Action.DELETED:
            return ops.delete(self._db, c.id)
        raise ValueError(c.action)


    def _known_version(self) -> int:
        """The record's version as this history last wrote it (this command's own if none newer)."""
        own = self._current.after.version
        return self._versions.get((self._change.entity, self._change.id), own)


def _note_version(versions: dict[tuple[str, int], int], change: Change) -> None:
    version = getattr(change.after, "version", None)
    if isinstance(version, int) and not isinstance(version, bool):
        versions[(change.entity, change.id)] = version


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

        `command` is a ChangeCommand subclass for a change the basic one cannot undo (e.g. a member import).
        """
        kind = command or ChangeCommand
        self.stack.push(kind(self.db, self.bus, text, change, self._parent_widget, self._versions))
        self.bus.changed.emit(change.entity, change.id)
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
    """Run several service actions and record those carried out as ONE undo step.

    Each action is its own transaction, as every service call is; a refused one
    is skipped (or ends the run with `stop_on_error`) and returned for the caller
    to show. Nothing refused reaches the stack, and no empty step either. `text`
    may be a function of how many actions were carried out, so the step's name
    counts only those.
    """
    changes: list[Change] = []
    errors: list[PlannerError] = []
    for action in actions:
        try:
            changes.append(action())
        except PlannerError as error:
            errors.append(error)
            if stop_on_error:
                break
    if callable(text):
        text = text(len(changes))
    macro = len(changes) > 1
    if macro:
        history.stack.beginMacro(text)
    try:
        for change in changes:
            history.record(text, change)
    finally:
        if macro:
            history.stack.endMacro()
    return changes, errors
