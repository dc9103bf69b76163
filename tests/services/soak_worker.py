"""A planner that edits for a while, for tests/services/test_concurrent_edits.py.

`python -m tests.services.soak_worker URL TRIP_ID SECONDS SEED NAME` edits the
trip's notes, its items' times and their participants at random from fresh
reads until SECONDS are up, and prints one JSON line per committed edit:
the record, the version it got and what it now holds; refusals (conflicts,
a busy database) are counted, anything else ends the worker with exit 1.
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import timedelta

from planner.db.engine import open_database
from planner.domain.errors import ConflictError, DatabaseError
from planner.services import delegation, programme, trips


def main(url: str, trip_id: int, seconds: float, seed: int, name: str) -> int:
    rng = random.Random(seed)
    db = open_database(url)
    refused = edits = 0
    try:
        members = [m.id for m in delegation.list_members(db, trip_id)]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            choice = rng.random()
            try:
                if choice < 0.3:
                    trip = trips.get_trip(db, trip_id)
                    after = trips.update_trip(db, trip.evolve(notes=f"{name}-{edits}")).after
                    record = {"entity": "trip", "id": trip_id, "version": after.version, "notes": after.notes}
                else:
                    item = rng.choice(programme.list_items(db, trip_id))
                    if choice < 0.65:
                        moved = item.evolve(start=item.start + timedelta(minutes=5), end=item.end + timedelta(minutes=5))
                        after = programme.update_item(db, moved).after
                    else:
                        ticked = set(item.participant_ids) ^ {rng.choice(members)}
                        after = programme.update_item(db, item.evolve(everyone=False, participant_ids=tuple(ticked) or (members[0],))).after
                    if after.version == item.version:  # the tick undid itself (no one left: the first member again): nothing written
                        continue
                    record = {
                        "entity": "item", "id": after.id, "version": after.version, "start": after.start.isoformat(),
                        "participants": sorted(after.participant_ids),
                    }
            except (ConflictError, DatabaseError):  # the other planner was faster, or held the lock: refused, nothing written
                refused += 1
                continue
            edits += 1
            print(json.dumps(record), flush=True)
        print(json.dumps({"done": name, "edits": edits, "refused": refused}), flush=True)
        return 0
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]))
