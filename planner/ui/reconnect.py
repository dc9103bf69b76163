"""A lost connection to the database server: tell the window, which reconnects by itself.

Nothing the user typed is lost: a form whose save failed stays open with its
input (see RecordForm.submit), and after the connection is back the user
saves again. The window's ConnectionMonitor (planner/ui/connection_banner.py)
is found among the parents of the widget that met the failure; it shows one
calm banner and retries with backoff, however many parts of the window report
the same outage. A widget with no such window (a dialog opened before any
database) gets the message once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner.domain.errors import ConnectionLostError
from planner.i18n import _
from planner.ui.connection_banner import ConnectionMonitor


def find_monitor(parent: QWidget | None) -> ConnectionMonitor | None:
    """The ConnectionMonitor of the window `parent` belongs to (or of the active or any main window)."""
    # The window of the widget, else the active window, else any main window: a page reloading while the
    # user works in another program has no active window, and must not fall back to a dialog.
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for start in (parent, QApplication.activeWindow(), *shown):
        widget = start
        while widget is not None:
            monitor = getattr(widget, "connection_monitor", None)
            if isinstance(monitor, ConnectionMonitor):
                return monitor
            widget = widget.parentWidget()
    return None


def report_lost(parent: QWidget | None, error: ConnectionLostError) -> None:
    """Hand a lost connection to the window's monitor (a banner, no dialog); without one, say it once."""
    monitor = find_monitor(parent)
    if monitor is None:
        QMessageBox.critical(parent, _("Connection lost"), error.message())
        return
    monitor.lost(error.message())
