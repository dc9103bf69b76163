"""Seeing what another window or program wrote to the same SQLite file, without a restart.

A file on a shared drive is often opened by two desktops at once, and the
command line may write to it beside the window. Nobody announces those
commits, so the window asks the file (planner/db/file_changes.py) whenever it
is brought to the front and every few seconds while the application is in use;
never while it is in the background. A look costs a few microseconds on the
GUI thread. When another connection committed, the window's DataBus says
"anything may have changed" (EVERYTHING, of kind DataBus.ANY), the same signal an own edit sends,
so lists and pages reload as they do after an undo. Open forms keep what was
typed; saving a record changed meanwhile meets the usual conflict message.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from planner.db.engine import Database
from planner.db.file_changes import CommitWatch
from planner.ui.undo import DataBus

CHECK_MS = 3000


class FileUpdates(QObject):
    """Looks for other connections' commits when the window is activated and on a slow timer while active."""

    def __init__(self, bus: DataBus, parent: QObject | None = None, *, window: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._watch: CommitWatch | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state)
        if window is not None:
            window.installEventFilter(self)  # brought to the front, also from another of the planner's windows

    @property
    def watching(self) -> bool:
        return self._watch is not None and self._watch.watching

    def attach(self, db: Database) -> None:
        """Watch `db`'s file from now on (nothing, for a server database)."""
        self.stop()
        if db.path is None:
            return
        self._watch = CommitWatch(db)
        self._watch.start()
        if QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive:
            self._timer.start()

    def check(self) -> bool:
        """Reload what the pages show if another connection committed since the last look; True if so."""
        if self._watch is None or not self._watch.changed():
            return False
        self._bus.everything()
        return True

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if self._watch is None:
            return
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()
            self._timer.start()
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.WindowActivate and self._watch is not None:
            self.check()
        return super().eventFilter(watched, event)

    def stop(self) -> None:
        self._timer.stop()
        if self._watch is not None:
            self._watch.stop()
            self._watch = None
