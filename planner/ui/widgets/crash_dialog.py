"""What an unexpected error shows: what happened, where the log is, and the details to copy for a report.

The window stays usable (Qt goes on with the event loop after the hook); the
dialog says the saved data is safe, names the log file, copies the details
(version, platform, traceback) to the clipboard for a support mail, and opens
the log's folder. Nothing is sent anywhere by the planner itself.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QStyle, QVBoxLayout, QHBoxLayout, QWidget

from planner.i18n import _
from planner.licences import planner_version
from planner.ui.widgets.wrapped_height import hold_wrapped_lines


def crash_details(trace: str) -> str:
    """The text a support person needs: versions, platform, the traceback."""
    return (
        f"Delegation planner {planner_version()}\n"
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}\n"
        f"{platform.platform()}\n\n{trace}"
    )


class CrashDialog(QDialog):
    def __init__(self, message: str, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.log_path = log_path
        self.setWindowTitle(_("Something went wrong"))
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(self.message.textInteractionFlags() | self.message.textInteractionFlags().TextSelectableByMouse)
        self.message.setMinimumWidth(420)
        self.copied = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(_("&Copy details"), self)
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = QPushButton(_("Open the &log folder"), self)
        self.folder_button.clicked.connect(self.open_log_folder)
        self.folder_button.setVisible(log_path is not None)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.copied)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Never lower than the message's wrapped lines (the log's path was cut off at the smallest size)."""
        super().resizeEvent(event)
        hold_wrapped_lines(self)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copied.setText(_("The details are on the clipboard; paste them into your message to support."))

    def open_log_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))
