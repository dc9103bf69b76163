"""Two planners in two OS processes edit the same trip over PostgreSQL: the second gets the conflict message.

Each worker (tests/services/edit_worker.py) reads the trip, then waits to be
told to save; so both hold the same, soon stale, version as two desktops do.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planner.db.engine import Database
from planner.services import trips
from tests.services.conftest import new_trip

pytestmark = pytest.mark.postgresql

PROJECT = Path(__file__).resolve().parents[2]
CONFLICT = "conflict: This record was changed elsewhere in the meantime; please reload it and try again."


def start_worker(url: str, trip_id: int, note: str) -> subprocess.Popen[str]:
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.services.edit_worker", url, str(trip_id), note],
        cwd=PROJECT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert worker.stdout is not None
    line = worker.stdout.readline().strip()
    if line != "read":
        worker.kill()
        raise AssertionError(f"worker did not start: {line!r} {worker.communicate()[1]}")
    return worker


def go(worker: subprocess.Popen[str], told: bool = False) -> tuple[int, str]:
    """Tell the worker to save (unless it was told already) and wait for its answer."""
    out, err = worker.communicate(None if told else "go\n", timeout=60)
    assert "Traceback" not in err, err
    return worker.returncode, out.strip()


def test_the_second_save_gets_the_conflict_message_and_the_first_edit_is_kept(db: Database, db_target: str) -> None:
    trip = new_trip(db)
    first = start_worker(db_target, trip.id, "edited in the first office")
    second = start_worker(db_target, trip.id, "edited in the second office")
    assert go(first) == (0, "saved")
    assert go(second) == (1, CONFLICT)
    saved = trips.get_trip(db, trip.id)
    assert saved.notes == "edited in the first office"
    assert saved.version == trip.version + 1


def test_saving_at_the_same_moment_keeps_exactly_one_edit(db: Database, db_target: str) -> None:
    trip = new_trip(db)
    workers = [start_worker(db_target, trip.id, f"edit {n}") for n in (1, 2)]
    for worker in workers:  # both are told at once; the server decides who was first
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    results = sorted(go(w, told=True) for w in workers)
    assert results == [(0, "saved"), (1, CONFLICT)]
    saved = trips.get_trip(db, trip.id)
    assert saved.notes in ("edit 1", "edit 2")
    assert saved.version == trip.version + 1
