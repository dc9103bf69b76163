"""Waiting for the Problems panel's full check, which runs in a worker thread, and holding one back on purpose."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.services.check_session import TripChecks
from planner.ui.widgets import problems_panel
from planner.ui.widgets.problems_panel import ProblemsPanel


def wait_checked(panel: ProblemsPanel, qtbot: QtBot, timeout: int = 10_000) -> None:
    """Until the panel shows the result of its full check (the list enabled, the counts on the strip)."""
    qtbot.waitUntil(lambda: not panel.checking, timeout=timeout)


class CheckGate:
    """Holds the panel's first full check in its worker after it has read the trip, until `release()`.

    The held check has read the data as it was: a change made meanwhile must
    make its result stale. Later checks run straight through. `trips` lists
    the trip of every full check started.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read = threading.Event()  # the held check has read the trip and waits
        self._released = threading.Event()
        self.trips: list[int] = []
        self._lock = threading.Lock()
        monkeypatch.setattr(problems_panel, "TripChecks", self._checks)

    def _checks(self, db: Database, trip_id: int) -> TripChecks:
        checks = TripChecks(db, trip_id)
        with self._lock:
            self.trips.append(trip_id)
            first = len(self.trips) == 1
        if first:
            self.read.set()
            if not self._released.wait(30):
                raise AssertionError("the held check was never released")
        return checks

    def wait_read(self, qtbot: QtBot) -> None:
        qtbot.waitUntil(self.read.is_set, timeout=10_000)

    def release(self) -> None:
        self._released.set()
