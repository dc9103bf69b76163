"""A lost team database, shown calmly: a banner above the pages, reconnecting by itself.

When the server goes away every page that reloads, every save and the live
updates fail at once. A dialog for each of them would be a storm of pop-ups
every few seconds; instead everything that meets a lost connection tells the
window's ConnectionMonitor, which shows one non-modal banner ("Connection to
the team database lost — reconnecting…") and tries again with growing pauses
(1, 2, 3, then every 5 s), the banner saying when; "Reconnect now" tries at
once. Each attempt first asks the server on a fresh connection in a worker
thread (a network that swallows packets would otherwise freeze the window for
the connect timeout); only when it answers does the window reconnect, on the
GUI thread. The pauses stay short because a look that fails costs nothing: a
change another desktop makes after a restart shows within about 5 s. Once connected, the window reloads every page (notifications
sent while it was away are lost for good, so only a full reload is sure to
show what others changed) and the banner says so for a few seconds.
Forms whose save failed stay open with their input and a line saying so.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from planner.domain.errors import DatabaseError
from planner.i18n import _

#: Seconds between attempts: growing, then steady.
BACKOFF_S = (1, 2, 3, 5)
#: How long "Connected again" stays.
RESTORED_SHOWN_MS = 6000

log = logging.getLogger(__name__)


class ConnectionMonitor(QObject):
    """The window's one place for a lost connection: state, attempts with backoff, and the banner's text."""

    stateChanged = Signal()
    restored = Signal()
    _probed = Signal(str)  # from the worker thread: "" when the server answered, else why not

    def __init__(
        self, reconnect: Callable[[], None], parent: QObject | None = None, probe: Callable[[], None] | None = None
    ) -> None:
        super().__init__(parent)
        self._reconnect = reconnect
        self._probe = probe
        self.probing = False
        self._probed.connect(self._after_probe)
        self.down = False
        self.attempts = 0
        self.last_reason = ""
        self.just_restored = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.try_now)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self.stateChanged.emit)
        self._restored_timer = QTimer(self)
        self._restored_timer.setSingleShot(True)
        self._restored_timer.timeout.connect(self._forget_restored)

    def lost(self, reason: str = "") -> None:
        """Something met a lost connection: show the banner and start trying (once, however many report it)."""
        if reason:
            self.last_reason = reason
        if self.down:
            return
        log.info("connection to the team database lost; reconnecting in the background")
        self.down = True
        self.just_restored = False
        self._restored_timer.stop()
        self.attempts = 0
        self._schedule()
        self.stateChanged.emit()

    def seconds_to_next(self) -> int:
        return max(1, round(self._timer.remainingTime() / 1000)) if self._timer.isActive() else 0

    def try_now(self) -> bool | None:
        """One attempt to connect again: True once connected, False if not, None while the server is being asked."""
        if not self.down:
            return True
        if self.probing:
            return None
        self._timer.stop()
        if self._probe is None:
            return self._reconnect_now()
        self.probing = True
        self._countdown.stop()
        self.stateChanged.emit()
        threading.Thread(target=self._run_probe, args=(self._probe,), name="reconnect-probe", daemon=True).start()
        return None

    def _run_probe(self, probe: Callable[[], None]) -> None:
        """In the worker thread: ask the server, then hand the answer to the GUI thread (a queued signal)."""
        try:
            probe()
            answer = ""
        except DatabaseError as error:
            answer = error.message() or "?"
        except Exception as error:  # noqa: BLE001 - any failure to connect is "not yet"; its name is enough here
            answer = type(error).__name__
        try:
            self._probed.emit(answer)
        except RuntimeError:  # the window closed meanwhile
            pass

    def _after_probe(self, failure: str) -> None:
        self.probing = False
        if not self.down:
            return
        if failure:
            self.attempts += 1
            self.last_reason = failure
            self._schedule()
            self.stateChanged.emit()
            return
        self._reconnect_now()

    def _reconnect_now(self) -> bool:
        self.attempts += 1
        try:
            self._reconnect()
        except DatabaseError as error:
            self.last_reason = error.message()
            self._schedule()
            self.stateChanged.emit()
            return False
        log.info("connected to the team database again after %d attempt(s)", self.attempts)
        self.down = False
        self._countdown.stop()
        self.just_restored = True
        self._restored_timer.start(RESTORED_SHOWN_MS)
        self.stateChanged.emit()
        self.restored.emit()
        return True

    def stop(self) -> None:
        """Another database was opened: nothing to reconnect to any more."""
        self.probing = False
        self._timer.stop()
        self._countdown.stop()
        self._restored_timer.stop()
        self.down = False
        self.just_restored = False
        self.stateChanged.emit()

    def _schedule(self) -> None:
        delay = BACKOFF_S[min(self.attempts, len(BACKOFF_S) - 1)]
        self._timer.start(delay * 1000)
        self._countdown.start()

    def _forget_restored(self) -> None:
        self.just_restored = False
        self.stateChanged.emit()


class ConnectionBanner(QFrame):
    """The strip above the pages that shows the monitor's state; hidden while all is well."""

    def __init__(self, monitor: ConnectionMonitor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monitor = monitor
        self.setObjectName("connectionBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self)
        self.button.clicked.connect(monitor.try_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        monitor.stateChanged.connect(self.update_state)
        self.update_state()

    def update_state(self) -> None:
        monitor = self.monitor
        if monitor.down:
            self.setStyleSheet("#connectionBanner { background: #fff4ce; border: 1px solid #e0b400; }")
            seconds = monitor.seconds_to_next()
            if seconds:
                text = _("Connection to the team database lost — reconnecting in {seconds} s. Nothing you saved is lost.").format(
                    seconds=seconds
                )
            else:
                text = _("Connection to the team database lost — reconnecting…")
            self.text.setText(text)
            self.text.setToolTip(monitor.last_reason)
            self.button.setText(_("&Reconnect now"))
            self.button.show()
            self.show()
        elif monitor.just_restored:
            self.setStyleSheet("#connectionBanner { background: #dff6dd; border: 1px solid #6bb700; }")
            self.text.setText(_("Connected to the team database again; every page shows the latest data."))
            self.text.setToolTip("")
            self.button.hide()
            self.show()
        else:
            self.hide()

    def retranslate(self, _language: str = "") -> None:
        self.update_state()
