"""Taking a Change back, and doing it again: undo without Qt.

Every service returns a Change saying what one user action did. `invert(db,
change)` takes it back by calling the service that does the opposite (delete
for a creation, the old values for an update, restore-with-the-same-id for a
deletion) and returns the Change *that* made; inverting that one in turn does
the original action again. So an undo history needs to keep only the latest
Change of each step (the window's QUndoStack in planner.ui.undo does; a script
or a test can do the same with a list).

Updates are guarded by versions: an undo that finds a record at another
version than the history last wrote refuses with "changed elsewhere" rather
than overwriting someone's edit. `versions` maps (kind, id) to the version the
caller's history last wrote, and is brought up to date by every step.

A BATCH Change is inverted as a whole in one transaction (its changes in
reverse order); an import (IMPORTED) is taken back by services.import_undo,
and the REVERTED Change that returns is done again the same way.

The table below says which service undoes which; a new kind of record adds
its entry with `register` (e.g. next to its services).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData
from planner.domain.errors import PlannerError
from planner.i18n import N_
from planner.domain.briefing import ProfileOwner
from planner.services import (
    accommodation, briefing, delegation, emergency_contacts, follow_ups, people, programme, protocol, restore, travel_legs, trips,
    vehicles, venues,
)
from planner.services.base import Action, Change, EntityKind, batch_of, run
from planner.services.import_undo import redo_import, undo_import

#: The version of each record a history last wrote, by (kind, id).
Versions = MutableMapping[tuple[str, int], int]
#: One way of taking back a change: the database, the change, the history's versions -> the Change made.
Step = Callable[[Database, Change, Versions], Change]

CANNOT_UNDO = N_("This step cannot be undone.")


@dataclass(frozen=True)
class Inverse:
    """How to take back each action on one kind of record."""

    created: Step  # take back a creation: delete the record
    updated: Step  # take back an update: put the old values back
    deleted: Step  # take back a deletion: bring the record back with its id


def records(
    delete: Callable[[Database, int], Change],
    restore_deleted: Callable[[Database, Change], Change],
    update: Callable[[Database, Any], Change],
) -> Inverse:
    """The usual shape: delete by id, restore from the DELETED change, update with a record at the known version."""
    return Inverse(
        created=lambda db, c, v: delete(db, c.id),
        updated=lambda db, c, v: update(db, c.before.evolve(version=known_version(v, c))),
        deleted=lambda db, c, v: restore_deleted(db, c),
    )


def known_version(versions: Versions, change: Change) -> int:
    """The record's version as the history last wrote it (the change's own if none newer)."""
    return versions.get((str(change.entity), change.id), change.after.version)


def _reorder(db: Database, change: Change, _versions: Versions) -> Change:
    return delegation.reorder_members(db, change.id, list(change.before))


def _trip_edit(db: Database, change: Change, versions: Versions) -> Change:
    """A trip edit with the items and members it moved, put back in one transaction."""
    related: list[ItemData | MembershipData] = [
        moved.before.evolve(version=known_version(versions, moved)) for moved in change.related
    ]
    return trips.restore_trip_edit(db, change.before.evolve(version=known_version(versions, change)), related)


def _emergency_contacts(db: Database, change: Change, _versions: Versions) -> Change:
    return emergency_contacts.save_emergency_contacts(db, change.id, change.before)


def _not_undoable(_db: Database, _change: Change, _versions: Versions) -> Change:
    raise PlannerError(CANNOT_UNDO)


INVERSES: dict[str, Inverse] = {
    EntityKind.PERSON: records(
        people.delete_person, lambda db, c: restore.restore_person(db, c.before, briefing.deleted_profiles(c)), people.update_person,
    ),
    EntityKind.TRIP: Inverse(
        created=lambda db, c, v: trips.delete_trip(db, c.id), updated=_trip_edit, deleted=lambda db, c, v: restore.restore_trip(db, c),
    ),
    EntityKind.MEMBERSHIP: records(delegation.remove_member, restore.restore_member, delegation.update_member),
    EntityKind.DELEGATION_ORDER: Inverse(created=_not_undoable, updated=_reorder, deleted=_not_undoable),
    EntityKind.VENUE: records(
        venues.delete_venue, lambda db, c: restore.restore_venue(db, c.before, briefing.deleted_profiles(c)), venues.update_venue,
    ),
    # The seats in vehicles an item took along (Change.related) come back with it.
    EntityKind.ITEM: records(programme.delete_item, lambda db, c: restore.restore_item(db, c.before, c.related), programme.update_item),
    EntityKind.VISA: records(protocol.delete_visa, protocol.restore_visa, protocol.save_visa),
    EntityKind.GIFT: records(protocol.delete_gift, lambda db, c: protocol.restore_gift(db, c.before), protocol.update_gift),
    EntityKind.SEATING: records(protocol.delete_seating_plan, protocol.restore_seating, protocol.save_seating),
    EntityKind.EMERGENCY_CONTACTS: Inverse(created=_not_undoable, updated=_emergency_contacts, deleted=_not_undoable),
    # Logistics: a member's own flights, the vehicles and who rides in them, the hotels' rooms.
    "travel_leg": records(travel_legs.delete_leg, lambda db, c: travel_legs.restore_leg(db, c.before), travel_legs.update_leg),
    "vehicle": records(vehicles.delete_vehicle, vehicles.restore_vehicle, vehicles.update_vehicle),
    # An item's rides are saved as a whole: undo and redo save the rides before or after.
    "vehicle_rides": records(vehicles.clear_rides, lambda db, c: vehicles.save_rides(db, c.before), vehicles.save_rides),
    accommodation.BLOCK: records(accommodation.delete_block, accommodation.restore_block, accommodation.update_block),
    accommodation.ASSIGNMENT: records(accommodation.delete_assignment, accommodation.restore_assignment, accommodation.update_assignment),
    # The briefing side. Briefings and profiles are only ever saved as a whole (UPDATED); clearing and saving
    # the old one back serve the rest.
    "item_briefing": records(briefing.clear_briefing, lambda db, c: briefing.save_briefing(db, c.before), briefing.save_briefing),
    "person_profile": records(
        lambda db, i: briefing.clear_profile(db, ProfileOwner.PERSON, i), lambda db, c: briefing.save_profile(db, c.before),
        briefing.save_profile,
    ),
    "contact_profile": records(
        lambda db, i: briefing.clear_profile(db, ProfileOwner.CONTACT, i), lambda db, c: briefing.save_profile(db, c.before),
        briefing.save_profile,
    ),
    "follow_up": records(follow_ups.delete_follow_up, lambda db, c: follow_ups.restore_follow_up(db, c.before), follow_ups.update_follow_up),
}


def register(kind: str, inverse: Inverse) -> None:
    """Say how changes of a new kind of record are taken back."""
    INVERSES[str(kind)] = inverse


def invert(db: Database, change: Change, versions: Versions | None = None) -> Change:
    """Take `change` back; returns the Change that did it (invert that to do `change` again).

    Raises PlannerError (nothing written) if a record was changed or deleted
    elsewhere meanwhile. `versions` is updated only when the step succeeded.
    """
    known = dict(versions) if versions is not None else {}
    result = _invert(db, change, known)
    note_versions(known, result)
    if versions is not None:
        versions.update(known)
    return result


def reapply(db: Database, change: Change, versions: Versions | None = None) -> Change:
    """Do `change` again after it was taken back (a redo given the original Change).

    Pass the `versions` the taking back wrote: an update is done again only
    over the record as the undo left it.
    """
    return invert(db, _reapplied(change), versions)


def _reapplied(change: Change) -> Change:
    """The Change whose inversion does `change` again."""
    related = tuple(_reapplied(r) for r in change.related)
    if change.action is Action.CREATED:
        return Change(Action.DELETED, change.entity, change.id, before=change.after, related=related)
    if change.action is Action.DELETED:
        return Change(Action.CREATED, change.entity, change.id, after=change.before)
    if change.action is Action.UPDATED:
        return Change(Action.UPDATED, change.entity, change.id, before=change.after, after=change.before, related=related)
    if change.action is Action.BATCH:
        return batch_of(change.entity, change.id, related[::-1])
    if change.action is Action.IMPORTED:
        return Change(Action.REVERTED, change.entity, change.id, before=change, related=change.related)
    raise PlannerError(CANNOT_UNDO)


def _invert(db: Database, change: Change, versions: Versions) -> Change:
    if change.action is Action.BATCH:
        def act(_s: Session) -> Change:
            undone = [_step(db, c, versions) for c in reversed(change.related)]
            return batch_of(change.entity, change.id, undone)

        return run(db, act)
    return _step(db, change, versions)


def _step(db: Database, change: Change, versions: Versions) -> Change:
    """One change taken back; inside a batch its service joins the batch's transaction."""
    if change.action is Action.BATCH:
        return _invert(db, change, versions)
    if change.action is Action.IMPORTED:
        written = undo_import(db, change, versions)
        # What the records are now: those set back at their new versions, those taken away with nothing after.
        now = tuple(
            Change(step.action, step.entity, step.id, before=step.before,
                   after=step.before.evolve(version=written[key]) if (key := (str(step.entity), step.id)) in written else None)
            for step in change.related
        )
        return Change(Action.REVERTED, change.entity, change.id, before=change, related=now)
    if change.action is Action.REVERTED:
        original: Change = change.before
        written = redo_import(db, original, versions)
        return Change(original.action, original.entity, original.id, related=tuple(
            Change(step.action, step.entity, step.id, before=step.before, after=step.after.evolve(version=written[(str(step.entity), step.id)]))
            for step in original.related
        ))
    inverse = INVERSES.get(str(change.entity))
    if inverse is None:
        raise PlannerError(CANNOT_UNDO)
    step = {Action.CREATED: inverse.created, Action.UPDATED: inverse.updated, Action.DELETED: inverse.deleted}.get(change.action)
    if step is None:
        raise PlannerError(CANNOT_UNDO)
    result = step(db, change, versions)
    note_versions(versions, result)
    return result


def note_versions(versions: Versions, change: Change) -> None:
    """Remember the versions `change` wrote (its own and its related records'), as the history's own."""
    for part in change.walk():
        version = getattr(part.after, "version", None)
        if isinstance(version, int) and not isinstance(version, bool):
            versions[(str(part.entity), part.id)] = version
