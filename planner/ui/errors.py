"""What the user sees when something fails: a clear message, never a traceback.

Expected failures (PlannerError) are shown with their translated message. An
unexpected exception in a slot goes to sys.excepthook: the reporter writes the
traceback to the log file and shows where it is, and the window stays usable
because Qt keeps running the event loop after the hook returns.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner import logs
from planner.domain.errors import ConnectionLostError, PlannerError
from planner.i18n import _

LOG_FILE = "planner.log"
log = logging.getLogger("planner")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A modal error message; the one place the UI shows failures."""
    QMessageBox.critical(parent, title, text)


def show_planner_error(parent: QWidget | None, error: PlannerError, title: str | None = None) -> None:
    if isinstance(error, ConnectionLostError):  # not a dead end: the window reconnects by itself
        from planner.ui.reconnect import report_lost

        report_lost(parent, error)
        return
    if error.details:
        box = QMessageBox(QMessageBox.Icon.Critical, title or _("The action could not be completed"), error.message(),
                          QMessageBox.StandardButton.Ok, parent)
        box.setDetailedText(error.details)  # e.g. the database server's own words, for the administrator
        box.exec()
        return
    show_error(parent, title or _("The action could not be completed"), error.message())


class ErrorReporter:
    """Logs uncaught exceptions to a file in `log_dir` and tells the user where it is."""

    def __init__(self, log_dir: Path, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self.log_dir = log_dir
        self.log_path = log_dir / LOG_FILE
        self._parent = parent
        self._previous: ExceptHook | None = None
        self._handler: logging.Handler | None = None
        self._showing = False

    def install(self) -> None:
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._handler = logs.install(self.log_path)  # one rotating, owner-only log for every logger
        except OSError:
            self._handler = None  # no log file: the dialog still tells what happened
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if sys.excepthook == self.handle and self._previous is not None:
            sys.excepthook = self._previous
        if self._handler is not None:
            logs.uninstall(self._handler)
            self._handler = None

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, ConnectionLostError) and QApplication.instance() is not None:
            # A read that found the server gone (e.g. a page reloading): no bug, so no log; the banner says it.
            from planner.ui.reconnect import report_lost

            report_lost(self._parent(), exc)
            return
        log.error("Uncaught exception\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if QApplication.instance() is None or self._showing:
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._showing = True
        try:
            self.show_crash(exc, "".join(traceback.format_exception(exc_type, exc, tb)))
        finally:
            self._showing = False

    def show_crash(self, exc: BaseException, trace: str) -> None:
        """The crash dialog: the message, the log's path, "Copy details". (Tests replace it.)"""
        from planner.ui.widgets.crash_dialog import CrashDialog, crash_details

        CrashDialog(self.message_for(exc), crash_details(trace), self.log_path if self._handler else None, self._parent()).exec()

    def message_for(self, exc: BaseException) -> str:
        if isinstance(exc, PlannerError):
            return exc.message()
        if self._handler is None:
            return _(
                "An unexpected error occurred ({error}). Your saved data is not affected; "
                "you can go on working. No log file could be written."
            ).format(error=type(exc).__name__)
        return _(
            "An unexpected error occurred ({error}). Your saved data is not affected; "
            "you can go on working. The details were written to {path}."
        ).format(error=type(exc).__name__, path=str(self.log_path))
