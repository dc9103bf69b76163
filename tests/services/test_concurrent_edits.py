"""Two planners editing the same trip for a while over PostgreSQL: every committed edit is what the database holds.

Each worker logs the edits it committed, with the version each record got. A
lost update would show as a record whose final state is not the one its
highest committed version says; a refused edit is fine (the user is told).
The run is PLANNER_SOAK_SECONDS long (20 s by default; both workers at once).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from planner.db.engine import Database
from planner.services import programme, trips
from tests.services.conftest import MORNING, new_item, new_member, new_person, new_trip

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]

PROJECT = Path(__file__).resolve().parents[2]
SECONDS = float(os.environ.get("PLANNER_SOAK_SECONDS", "20"))


def test_two_planners_editing_at_once_lose_no_update(db: Database, db_target: str) -> None:
    trip = new_trip(db)
    members = [new_member(db, trip, new_person(db, f"Member{i}"), order=i) for i in range(4)]
    for i in range(3):
        new_item(db, trip, start=MORNING + timedelta(days=i), everyone=False, participant_ids=(members[0].id,))
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.services.soak_worker", db_target, str(trip.id), str(SECONDS), str(seed), name],
            cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for seed, name in ((1, "a"), (2, "b"))
    ]
    logs = []
    for worker in workers:
        out, err = worker.communicate(timeout=SECONDS + 120)
        assert worker.returncode == 0, err[-2000:]
        logs.extend(json.loads(line) for line in out.splitlines())
    done = [entry for entry in logs if "done" in entry]
    commits = [entry for entry in logs if "done" not in entry]
    assert len(done) == 2 and all(d["edits"] > 0 for d in done)
    last: dict[tuple[str, int], dict[str, object]] = {}
    for entry in commits:
        key = (entry["entity"], entry["id"])
        assert key not in last or last[key]["version"] != entry["version"], f"two commits made version {entry['version']} of {key}"
        if key not in last or entry["version"] > last[key]["version"]:
            last[key] = entry
    assert last[("trip", trip.id)]["notes"] == trips.get_trip(db, trip.id).notes
    for (entity, record_id), entry in last.items():
        if entity == "item":
            item = programme.get_item(db, record_id)
            assert (item.version, item.start.isoformat(), sorted(item.participant_ids)) == (entry["version"], entry["start"], entry["participants"])
    print(f"{len(commits)} edits committed, {sum(d['refused'] for d in done)} refused as conflicts")
