"""A printed document seen inside the app before it goes to paper or to someone's inbox.

The preview shows the very file that would be printed or saved (pdfium renders
the PDF reportlab wrote), so what the user checks is what they get. Printing
renders each page to an image at a resolution the printer can use but capped,
because a 1200-dpi A4 page would be half a gigabyte of pixels.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPageLayout, QPageSize, QPainter, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.formatting import integer
from planner.i18n import _
from planner.ui.errors import show_error
from planner.ui.widgets.pdf_pages import ZOOM_STEP, PdfFile, PdfPagesView, ZoomMode

#: Pages are rendered for the printer at most this fine; more only costs memory.
MAX_PRINT_DPI = 300

Shortcuts = QKeySequence.StandardKey | list[QKeySequence] | None


class PdfPreview(QDialog):
    """One PDF with page navigation, zoom, Print… and Save as…."""

    def __init__(self, path: str | Path, parent: QWidget | None = None, *, title: str | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._closed_by_done = False
        self.setWindowTitle(title or self.path.name)
        self.setSizeGripEnabled(True)
        self.resize(760, 900)
        self.view = PdfPagesView(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()
        self.previous_action = self._action(
            _("Previous page"), self.previous_page, QKeySequence.StandardKey.MoveToPreviousPage, style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp)
        )
        self.next_action = self._action(
            _("Next page"), self.next_page, QKeySequence.StandardKey.MoveToNextPage, style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        )
        self.page_box = QSpinBox(self)
        self.page_box.setMinimum(1)
        self.page_box.setAccessibleName(_("Page"))
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.page_prefix = QLabel(self)
        self.page_label = QLabel(self)
        ctrl = Qt.Modifier.CTRL
        self.zoom_out_action = self._action(
            _("Zoom out"), self.zoom_out, [*QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut), QKeySequence(ctrl | Qt.Key.Key_Minus)]
        )
        self.zoom_in_action = self._action(
            _("Zoom in"), self.zoom_in, [*QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn), QKeySequence(ctrl | Qt.Key.Key_Equal)]
        )
        self.fit_width_action = self._action(_("Fit width"), self.fit_width, [QKeySequence(ctrl | Qt.Key.Key_0)])
        self.fit_page_action = self._action(_("Whole page"), self.fit_page)
        self.print_action = self._action(_("Print…"), self.print_document, QKeySequence.StandardKey.Print)
        self.save_action = self._action(_("Save as…"), self.save_as, QKeySequence.StandardKey.Save)
        for action in (
            self.previous_action, self.next_action, self.zoom_out_action, self.zoom_in_action, self.fit_width_action,
            self.print_action, self.save_action,
        ):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text()} ({keys})")
        for action in (self.previous_action, self.next_action):
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # arrows say it; the tooltip names it
        self.toolbar.addWidget(self.page_prefix)
        self.toolbar.addWidget(self.page_box)
        self.toolbar.addWidget(self.page_label)
        self.toolbar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_width_action, self.fit_page_action):
            self.toolbar.addAction(action)

        # Print… and Save as… are what the preview is for: buttons at the bottom, beside Close
        # (the toolbar has no room for them in German either).
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = self._button(self.print_action)
        self.save_button = self._button(self.save_action)
        self.print_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.buttons)
        self.view.currentPageChanged.connect(lambda _page: self._update_page())
        self.load(self.path)
        self.view.setFocus()

    def _action(self, text: str, slot: object, shortcut: Shortcuts = None, icon: QIcon | None = None) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(icon)
        if isinstance(shortcut, list):
            unique = {key.toString(): key for key in shortcut}  # a key twice would be ambiguous: Qt ignores it then
            action.setShortcuts(list(unique.values()))
        elif shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        if shortcut is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)
        return action

    def _button(self, action: QAction) -> QPushButton:
        button = self.buttons.addButton(action.text(), QDialogButtonBox.ButtonRole.ActionRole)
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        return button

    # --- the document -------------------------------------------------------------------------

    def load(self, path: str | Path) -> bool:
        """Show `path`; a file that cannot be read gives a message in place of the pages."""
        self.path = Path(path)
        try:
            file: PdfFile | None = PdfFile(self.path)
        except PlannerError as error:
            file = None
            self.message.setText(error.message())
        self.view.set_file(file)
        ok = file is not None
        self.view.setVisible(ok)
        self.message.setVisible(not ok)
        for action in (self.print_action, self.save_action, self.zoom_in_action, self.zoom_out_action, self.fit_width_action, self.fit_page_action):
            action.setEnabled(ok)
        self.page_box.setEnabled(ok)
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, self.page_count()))
        self.page_box.blockSignals(False)
        self._update_page()
        return ok

    def page_count(self) -> int:
        return self.view.page_count()

    def done(self, result: int) -> None:
        """Closing the preview lets go of the file (pdfium keeps it open), e.g. so its folder can be removed."""
        self._closed_by_done = self.view.file is not None
        self.view.close_document()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._closed_by_done and self.view.file is None:
            self._closed_by_done = False
            self.load(self.path)  # shown again after it was closed
        super().showEvent(event)

    # --- navigation ---------------------------------------------------------------------------

    def current_page(self) -> int:
        """The page shown, counted from 0."""
        return self.view.current_page()

    def go_to(self, page: int) -> None:
        if 0 <= page < self.page_count() and page != self.current_page():
            self.view.go_to(page)
        self._update_page()

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def _update_page(self) -> None:
        count = self.page_count()
        page = self.current_page()
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        # One message with the box in it, so that each language puts the number where it belongs
        before, _box, after = _("Page {box} of {pages}").partition("{box}")
        self.page_prefix.setText(before.strip())
        self.page_prefix.setVisible(bool(before.strip()))
        self.page_label.setText(after.format(pages=integer(count)).strip() + " ")
        self.previous_action.setEnabled(count > 0 and page > 0)
        self.next_action.setEnabled(page + 1 < count)

    # --- zoom ---------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        if self.page_count():
            self.view.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        if self.page_count():
            self.view.zoom_by(1 / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.set_zoom_mode(ZoomMode.FIT_WIDTH)

    def fit_page(self) -> None:
        self.view.set_zoom_mode(ZoomMode.FIT_PAGE)

    # --- print and save -----------------------------------------------------------------------

    def print_document(self) -> None:
        file = self.view.file
        if file is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = file.sizes[0]
        landscape = size.width() > size.height()
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))  # the layout turns it
        printer.setPageSize(QPageSize(portrait, QPageSize.Unit.Point))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print {name}").format(name=self.path.name))
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the pages the printer asks for (all, or its page range); returns how many were printed."""
        file = self.view.file
        count = self.page_count()
        if file is None or count == 0:
            return 0
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = min(count, printer.fromPage()) - 1
            last = min(count, max(printer.fromPage(), printer.toPage())) - 1
        printer.setFullPage(True)  # the PDF brings its own margins
        scale = min(printer.resolution(), MAX_PRINT_DPI) / 72
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, _("Printing failed"), _("The printer could not be started."))
            return 0
        failed_page: int | None = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a page at printer resolution takes a moment
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for page in range(first, last + 1):
                if page > first:
                    printer.newPage()
                try:
                    image = file.render(page, scale, printing=True)
                except PlannerError:
                    failed_page = page
                    printer.abort()  # no half a document
                    break
                area = QRectF(painter.viewport())
                fitted = QSizeF(file.sizes[page])
                fitted.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                x, y = area.x() + (area.width() - fitted.width()) / 2, area.y() + (area.height() - fitted.height()) / 2
                painter.drawImage(QRectF(x, y, fitted.width(), fitted.height()), image)
        finally:
            painter.end()
            QApplication.restoreOverrideCursor()
        if failed_page is not None:
            if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
                with contextlib.suppress(OSError):  # "printed" to a file: no half a file either
                    Path(printer.outputFileName()).unlink(missing_ok=True)
            text = _("Page {page} of {name} cannot be read, so nothing was printed. The file may be damaged.")
            show_error(self, _("Printing failed"), text.format(page=failed_page + 1, name=self.path.name))
            return 0
        return last - first + 1

    def save_as(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save as"), str(Path.home() / self.path.name), _("PDF documents") + " (*.pdf)"
        )
        if name:
            target = Path(name)
            self.save_to(target if target.suffix else target.with_suffix(".pdf"))

    def save_to(self, target: Path) -> bool:
        """A copy of the shown file at `target`; a folder that cannot be written gives a message."""
        try:
            if target.resolve() != self.path.resolve():
                shutil.copyfile(self.path, target)
        except OSError as exc:
            show_error(
                self, _("The file was not saved"),
                _("{path} could not be written: {reason}").format(path=str(target), reason=exc.strerror or str(exc)),
            )
            return False
        return True
