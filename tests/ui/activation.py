"""Making a widget the active window in a test, so its shortcuts and Tab work as for a user."""

from __future__ import annotations

import warnings

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Show `widget` and make it the active window.

    The offscreen platform may keep a window that an earlier test left behind
    active; then the (deprecated, still working) direct call takes over.
    """
    widget.show()
    widget.activateWindow()
    try:
        qtbot.waitUntil(widget.isActiveWindow, timeout=500)
    except WaitTimeout:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(widget)
    assert widget.isActiveWindow()
