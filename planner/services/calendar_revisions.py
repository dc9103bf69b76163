"""What a calendar file needs beyond the trip itself: stable event keys, revision numbers, and what was cancelled.

A calendar client that imported an earlier file only follows a change if the
event keeps its UID and carries a higher SEQUENCE; an event that merely
disappears from the next file stays in the calendar. So every item is named
by its issued key (planner.db.models.IssuedItem: never reused, unlike a
database id; made here for items never issued yet), and the items someone
had on a printout but no longer attends, or that were deleted, are handed to
the calendar as cancelled.

The revision rule (the event's SEQUENCE):

    sequence = (item row version − 1) + (trip row version − 1)

Every saved change of an item (time, title, venue, texts, who takes part)
raises its row version, and every saved change of the trip (its status
prints on every event) raises the trip's; both only ever grow, so the
sequence does too. A deleted item keeps its last row version on its key
(IssuedItem.final_version), and its cancellation gets one more than it last
had. LAST-MODIFIED is when the item was last saved (when it was deleted, for
a cancellation).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.issued import SnapshotItem
from planner.i18n import N_
from planner.services.base import get_or_fail, run
from planner.services.issued_history import read_contents
from planner.services.issuing import new_item_keys


@dataclass(frozen=True, slots=True)
class Revision:
    """An event's key (its UID), SEQUENCE and LAST-MODIFIED (None where unknown: saved before this was kept)."""

    key: int
    sequence: int
    modified_at: datetime | None


@dataclass(frozen=True, slots=True)
class GoneItem:
    """A deleted item as it was last printed, with the revision of its cancellation."""

    item: SnapshotItem
    revision: Revision


@dataclass(frozen=True, slots=True)
class CalendarRevisions:
    """Revisions of a trip's events: the live items by item id, deleted ones by key, and who held which keys.

    `gone` holds only deleted items that were on an issued printout: an item
    deleted before it was ever issued has nothing to say what it was.
    `held` gives, per person id, the keys of every item on any copy issued to
    them, so a personal calendar can cancel what they no longer attend.
    """

    trip_id: int
    live: Mapping[int, Revision]
    gone: Mapping[int, GoneItem]
    held: Mapping[int, frozenset[int]]

    def of(self, item_id: int | None) -> Revision:
        if item_id is None or item_id not in self.live:
            raise KeyError(f"no revision of item {item_id}: the trip changed after the revisions were read")
        return self.live[item_id]


def calendar_revisions(db: Database, trip_id: int) -> CalendarRevisions:
    """Read the revisions of the trip's events, giving items without a key one (a single transaction)."""

    def act(s: Session) -> CalendarRevisions:
        trip = get_or_fail(s, m.Trip, trip_id, N_("trip"))
        trip_part = trip.version - 1
        items = s.execute(
            select(m.ProgrammeItem.id, m.ProgrammeItem.version, m.ProgrammeItem.modified_at).where(m.ProgrammeItem.trip_id == trip_id)
        ).all()
        keys = {
            row.item_id: row.id
            for row in s.execute(select(m.IssuedItem.id, m.IssuedItem.item_id).where(m.IssuedItem.trip_id == trip_id, m.IssuedItem.item_id.is_not(None)))
        }
        keys.update(new_item_keys(s, trip_id, sorted(item_id for item_id, _v, _at in items if item_id not in keys)))
        live = {item_id: Revision(keys[item_id], version - 1 + trip_part, modified_at) for item_id, version, modified_at in items}
        deleted = {
            key: (final_version, deleted_at)
            for key, final_version, deleted_at in s.execute(
                select(m.IssuedItem.id, m.IssuedItem.final_version, m.IssuedItem.deleted_at)
                .where(m.IssuedItem.trip_id == trip_id, m.IssuedItem.item_id.is_(None))
            )
        }
        held: dict[int, set[int]] = {}
        last_seen: dict[int, int] = {}  # deleted key -> the version that last printed it
        numbers = dict(s.execute(select(m.IssuedVersion.id, m.IssuedVersion.number).where(m.IssuedVersion.trip_id == trip_id)).all())
        for version_id, person_id, item_keys in s.execute(
            select(m.IssuedCopy.issued_version_id, m.IssuedCopy.person_id, m.IssuedCopy.item_keys)
            .join(m.IssuedVersion).where(m.IssuedVersion.trip_id == trip_id)
        ):
            held.setdefault(person_id, set()).update(item_keys)
            for key in item_keys:
                if key in deleted and numbers[version_id] > numbers.get(last_seen.get(key, -1), 0):
                    last_seen[key] = version_id
        contents = read_contents(s, set(last_seen.values()))
        gone: dict[int, GoneItem] = {}
        for key, version_id in last_seen.items():
            final_version, deleted_at = deleted[key]
            # Deleted before the last version was kept (or outside the planner): one above the trip's part is all that is known.
            sequence = (final_version if final_version is not None else 1) + trip_part
            printed = next(i for i in contents[version_id].items if i.key == key)
            gone[key] = GoneItem(printed, Revision(key, sequence, deleted_at))
        return CalendarRevisions(trip_id, live, gone, {pid: frozenset(k) for pid, k in held.items()})

    return run(db, act)
