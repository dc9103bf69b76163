"""Seeing the other planners' changes without a restart (PostgreSQL only).

The services send a NOTIFY with every commit (planner/db/notify.py); this
object listens on a connection of its own, reads what arrives as soon as the
socket has data, and puts each changed kind of record on the window's
DataBus, the same signal an own edit sends, so pages and lists reload as they
do after an undo. A burst (an import of fifty people) becomes one signal per
kind of record. If the listening connection breaks, `connectionLost` tells the
window (which shows its banner and reconnects, planner/ui/connection_banner.py);
once attached again, everything is reloaded, because what was announced while
nobody listened is gone for good.
An SQLite file has no server to listen to: there the file is asked whether
another window or program committed (planner/ui/file_updates.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from planner.db.engine import Database
from planner.db.notify import ChangeListener
from planner.domain.errors import DatabaseError
from planner.domain.changes import Action, Change
from planner.ui.file_updates import FileUpdates
from planner.ui.undo import DataBus

POLL_MS = 3000  # also how often a broken listening connection is tried again

log = logging.getLogger(__name__)


class LiveUpdates(QObject):
    #: The listening connection broke (the server went away); the message says so.
    connectionLost = Signal(str)

    def __init__(self, bus: DataBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._missed = False  # the listening connection was down: what others announced meanwhile was not heard
        self._bus = bus
        self._db: Database | None = None
        self._listener: ChangeListener | None = None
        self._notifier: QSocketNotifier | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self.file = FileUpdates(bus, self, window=parent)  # the same for an SQLite file, which nobody announces changes to

    @property
    def listening(self) -> bool:
        return self._listener is not None and self._listener.listening

    def attach(self, db: Database) -> None:
        """Listen to `db` from now on (for a file: watch it for other connections' commits)."""
        missed = self._missed
        self.stop()
        self._db = db
        self._missed = missed
        if db.is_sqlite:
            self.file.attach(db)
            return
        self._listener = ChangeListener(db)
        self._listen()
        self._timer.start()

    def _listen(self) -> None:
        assert self._listener is not None
        try:
            self._listener.start()
        except DatabaseError as error:
            log.info("cannot listen for changes on %s; trying again later", self._db.url if self._db else "?")
            self._lost(error.message())
            return
        self._notifier = QSocketNotifier(self._listener.socket(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.poll)
        if self._missed:  # listening again after an outage: catch up on everything
            self._missed = False
            self._bus.everything()

    def _lost(self, message: str) -> None:
        self._missed = True
        self.connectionLost.emit(message)

    def poll(self) -> int:
        """Hand on what arrived (for a file: what others committed); returns how many signals went out."""
        if self._listener is None:
            return int(self.file.check())
        if not self._listener.listening:
            self._drop_notifier()
            if not self._missed:  # after a reported outage the window's monitor reconnects, with backoff
                self._listen()
            return 0
        try:
            changes = self._listener.poll()
        except DatabaseError as error:
            self._drop_notifier()
            self._lost(error.message())
            return 0
        sent: dict[str, int] = {}
        for entity, record_id in changes:
            sent.setdefault(entity, record_id)  # one reload per kind of record is enough
        for entity, record_id in sent.items():
            self._bus.changed.emit(Change(Action.UPDATED, entity, record_id))  # what: not known here, only which record
        return len(sent)

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None

    def stop(self) -> None:
        self._timer.stop()
        self.file.stop()
        self._drop_notifier()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self._db = None
        self._missed = False
