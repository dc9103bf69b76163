"""The File menu's work with files: databases (new, open, recent), trip files, printing and exporting.

Kept apart from the main window so that the window stays about layout and
selection; this module knows dialogs, paths and the background tasks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from planner.domain.errors import PlannerError
from planner.i18n import _
from planner.services.base import Change
from planner.ui.errors import show_error, show_planner_error
from planner.ui.pages.base import UiContext
from planner.ui.tasks import BackgroundTask, Progress

RECENT_KEY = "database/recent"
RECENT_LIMIT = 8
TRIP_FILE_FILTER = "*.json"


def recent_databases(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def remember_database(settings: QSettings, path: str) -> None:
    entries = [p for p in recent_databases(settings) if p != path]
    settings.setValue(RECENT_KEY, [path, *entries][:RECENT_LIMIT])


class RecentMenu(QMenu):
    """Recently opened databases (files and team databases), newest first; a vanished file is left out."""

    def __init__(
        self, settings: QSettings, open_path: Callable[[Path], object], parent: QWidget,
        open_url: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._open = open_path
        self._open_url = open_url
        self.aboutToShow.connect(self.rebuild)

    def rebuild(self) -> None:
        self.clear()
        entries = [
            p for p in recent_databases(self._settings)
            if ("://" in p and self._open_url is not None) or ("://" not in p and Path(p).is_file())
        ]
        for path in entries:
            action = QAction(path, self)
            if "://" in path:  # a team database on a server (kept without its password)
                action.triggered.connect(lambda _checked=False, p=path: self._open_url(p))  # type: ignore[misc]
            else:
                action.triggered.connect(lambda _checked=False, p=path: self._open(Path(p)))
            self.addAction(action)
        if not entries:
            empty = QAction(_("No recent databases"), self)
            empty.setEnabled(False)
            self.addAction(empty)


def choose_new_database(parent: QWidget, start: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("New database"), start, _("Planner databases") + " (*.sqlite)"
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix == "":
        path = path.with_suffix(".sqlite")
    if path.exists():
        show_error(parent, _("New database"), _("{path} already exists; open it instead, or choose another name.").format(path=str(path)))
        return None
    return path


def choose_trip_file_to_import(parent: QWidget, start: str) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Import trip file"), start, _("Trip files") + f" ({TRIP_FILE_FILTER});;" + _("All files") + " (*)"
    )
    return Path(name) if name else None


def choose_trip_file_to_export(parent: QWidget, start: str, suggested: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Export trip file"), str(Path(start) / suggested), _("Trip files") + f" ({TRIP_FILE_FILTER})"
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".json")


def open_print_dialog(ctx: UiContext, trip_id: int, membership_ids: list[int] | None = None) -> int:
    """File ▸ Print and export…, or the Delegation page's itineraries for the chosen members.

    The dialog (and with it reportlab and pdfium) is imported on first use: the window opens faster without them.
    """
    from planner.ui.widgets.export_dialog import open_export_dialog

    return open_export_dialog(ctx, trip_id, membership_ids)


class TripFileTasks(QObject):
    """Import and export of trip files in the background, reporting back to the window."""

    def __init__(self, parent: QWidget, db: Callable[[], object], on_imported: Callable[[Change], None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._db = db
        self._on_imported = on_imported
        self.running: BackgroundTask | None = None

    def import_file(self, path: Path) -> BackgroundTask:
        from planner.importing.tripfile import import_trip_file

        db = self._db()

        def work(progress: Progress) -> Change:
            progress(0, 1)
            change = import_trip_file(db, path)  # type: ignore[arg-type]
            progress(1, 1)
            return change

        return self._start(_("Importing {name}…").format(name=path.name), work, self._on_imported, _("The trip file was not imported"))

    def export_file(self, trip_id: int, path: Path, include_private: bool = True) -> BackgroundTask:
        from planner.export.tripfile import write_trip_file

        db = self._db()

        def work(progress: Progress) -> Path:
            progress(0, 1)
            written = write_trip_file(db, trip_id, path, include_private=include_private)  # type: ignore[arg-type]
            progress(1, 1)
            return written

        return self._start(_("Exporting {name}…").format(name=path.name), work, lambda _p: None, _("The trip file was not written"))

    def _start(self, title: str, work: Callable[[Progress], object], done: Callable[..., None], failure_title: str) -> BackgroundTask:
        task = BackgroundTask(self._parent, title, work)
        task.done.connect(done)
        task.failed.connect(lambda error: self._report(error, failure_title))
        self.running = task
        task.start()
        return task

    def _report(self, error: object, title: str) -> None:
        if isinstance(error, PlannerError):
            show_planner_error(self._parent, error, title)
        elif isinstance(error, OSError):
            show_error(self._parent, title, _("{path}: {reason}").format(path=error.filename or "", reason=error.strerror or str(error)))
        else:
            raise error  # type: ignore[misc]  # the crash reporter shows it with the log path
