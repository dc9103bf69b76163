"""A second planner in its own process, for tests/services/test_two_processes.py.

`python -m tests.services.edit_worker URL TRIP_ID NOTE` opens the database,
reads the trip, prints "read", waits for a line on stdin, saves the trip with
`NOTE` as its notes from what it read, and prints "saved" or "conflict: <message>".
"""

from __future__ import annotations

import sys

from planner.db.engine import open_database
from planner.domain.errors import ConflictError
from planner.services import trips


def main(url: str, trip_id: int, note: str) -> int:
    db = open_database(url)
    try:
        seen = trips.get_trip(db, trip_id)
        print("read", flush=True)
        sys.stdin.readline()
        try:
            trips.update_trip(db, seen.evolve(notes=note))
        except ConflictError as error:
            print(f"conflict: {error.message()}", flush=True)
            return 1
        print("saved", flush=True)
        return 0
    finally:
        db.close()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
