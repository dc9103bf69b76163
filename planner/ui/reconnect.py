"""A lost connection to the database server: say so, and offer to connect again.

Nothing the user typed is lost: a form whose save failed stays open with its
input (see RecordForm.submit), and after reconnecting the user saves again.
The window that can reconnect is found among the parents of the widget that
reports the failure (it has a `reconnect_database` method).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from planner.domain.errors import ConnectionLostError, DatabaseError
from planner.i18n import _


def find_reconnect(parent: QWidget | None) -> Callable[[], None] | None:
    widget = parent if parent is not None else QApplication.activeWindow()
    while widget is not None:
        method = getattr(widget, "reconnect_database", None)
        if callable(method):
            return method  # type: ignore[no-any-return]
        widget = widget.parentWidget()
    return None


def ask_to_reconnect(parent: QWidget | None, text: str) -> bool:
    """The modal question; True for Reconnect. (Tests replace it.)"""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Connection lost"), text, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(_("What you entered is still there. Reconnect, then save again."))
    again = box.addButton(_("&Reconnect"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(again)
    box.exec()
    return box.clickedButton() is again


def offer_reconnect(parent: QWidget | None, error: ConnectionLostError) -> bool:
    """Show the lost connection and reconnect for as long as the user asks; True once connected again."""
    reconnect = find_reconnect(parent)
    if reconnect is None:
        QMessageBox.critical(parent, _("Connection lost"), error.message())
        return False
    text = error.message()
    while ask_to_reconnect(parent, text):
        try:
            reconnect()
        except DatabaseError as again:
            text = again.message()
            continue
        return True
    return False
