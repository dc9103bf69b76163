"""The planning checks of one trip, kept between edits so that an edit is answered at once.

Checking a 5,000-item trip from scratch means reading it (most of the time)
and running every check: several frames. After the edit of one programme item
nothing else has changed, so `TripChecks.item_changed` reads just that item
(and a venue it newly uses) and lets the checks look again only where the
item was and is (planner.domain.checks.incremental): a fraction of a frame.
What it then gives is exactly what check_trip would give.

Anything but an item's edit (a member, a venue, the trip, an import) is
answered by `reload`, which reads and checks the whole trip again.
"""

from __future__ import annotations

from dataclasses import replace

from planner.db.engine import Database
from planner.domain.checks import CheckRun, Problem, TripPlan, start_checks
from planner.domain.checks.scope import Part
from planner.domain.entities import ItemData
from planner.services.bulk_read import no_collection, read_item, read_venues
from planner.services.checks import load_plan


class TripChecks:
    """The problems of one trip, with what they were found in."""

    def __init__(self, db: Database, trip_id: int) -> None:
        self.db = db
        self.trip_id = trip_id
        self._run: CheckRun
        self._position: dict[int, int] = {}  # item id -> its place in the plan's items
        self.reload()

    @property
    def plan(self) -> TripPlan:
        return self._run.plan

    @property
    def timezone(self) -> str:
        """The trip's zone, which the problems' times are shown on."""
        return self.plan.trip.timezone

    def problems(self) -> list[Problem]:
        """Every problem of the trip, most serious first, then in time order."""
        return self._run.problems()

    def reload(self) -> list[Problem]:
        """Read the whole trip and check it from scratch (raises NotFoundError if the trip is gone)."""
        with no_collection():
            with self.db.reading() as s:
                plan = load_plan(s, self.trip_id)
            self._run = start_checks(plan)
        self._position = {item.id: n for n, item in enumerate(plan.items) if item.id is not None}
        return self._run.problems()

    def item_changed(self, item_id: int) -> list[Problem]:
        """The problems after programme item `item_id` was created, changed or deleted (here or elsewhere)."""
        plan = self.plan
        with no_collection():
            with self.db.reading() as s:
                now = read_item(s, self.trip_id, item_id)
                before = plan.items[self._position[item_id]] if item_id in self._position else None
                if now is None and before is None:
                    return self._run.problems()  # another trip's item: nothing here changed
                parts = {Part.ITEMS}
                venues = plan.venues
                if now is not None and now.venue_id is not None and now.venue_id not in venues:
                    venues = {**venues, **read_venues(s, [now.venue_id])}
                    parts.add(Part.VENUES)
            items = list(plan.items)
            if before is None:
                assert now is not None
                self._position[item_id] = len(items)
                items.append(now)
            elif now is None:
                items.pop(self._position.pop(item_id))
                self._position = {item.id: n for n, item in enumerate(items) if item.id is not None}
            else:
                items[self._position[item_id]] = now
            if before is not None and before.venue_id is not None and before.venue_id != (now.venue_id if now else None):
                hotels = {b.venue_id for b in plan.room_blocks}  # as load_plan reads them: the venues in use and the hotels
                if not _uses_venue(items, before.venue_id) and before.venue_id not in hotels:
                    venues = {vid: v for vid, v in venues.items() if vid != before.venue_id}
                    parts.add(Part.VENUES)
            changed = replace(plan, items=tuple(items), venues=venues)  # legs, vehicles and rides as they were
            return self._run.update(changed, parts, {item_id})

    @property
    def last_rerun(self) -> dict[str, str]:
        """What the last update ran again, by check ("full", "items", "pairs")."""
        return self._run.last_rerun


def _uses_venue(items: list[ItemData], venue_id: int) -> bool:
    return any(item.venue_id == venue_id for item in items)
