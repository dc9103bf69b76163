"""Work that takes longer than a blink runs off the GUI thread, with progress and Cancel.

A task is a plain function `work(progress) -> result`; `progress(done, total)`
returns False once the user has pressed Cancel, and the work should then stop
at the next safe point (between two transactions, never inside one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner.domain.errors import PlannerError
from planner.i18n import _

Progress = Callable[[int, int], bool]


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        def progress(done: int, total: int) -> bool:
            self.progressed.emit(done, total)
            return not self.cancelled

        try:
            result = self._work(progress)
        except PlannerError as exc:
            self.failed.emit(exc)
            return
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
            self.failed.emit(exc)
            return
        self.finished.emit(result)


class BackgroundTask(QObject):
    """One run of `work` in a thread, shown in a progress dialog that can cancel it."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget, title: str, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self.dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self._thread = QThread(self)
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progressed)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._failed)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancelled = True
        self.dialog.setLabelText(_("Stopping after the current step…"))

    @property
    def cancelled(self) -> bool:
        return self._worker.cancelled

    def wait(self, ms: int = 60_000) -> bool:
        return self._thread.wait(ms)

    def _progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.hide()

    def _finished(self, result: object) -> None:
        self._stop()
        self.done.emit(result)

    def _failed(self, error: object) -> None:
        self._stop()
        self.failed.emit(error)
