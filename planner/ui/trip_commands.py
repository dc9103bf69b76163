"""The window's trip commands: new, edit, duplicate, delete, import and export a trip; the demo; printing.

A mixin of MainWindow, kept apart (as planner.ui.database_commands is) so the
window's module stays about its layout, its start and the trip in front. Each
command changes data through a service via the window's undo history and
selects what it made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMessageBox

from planner.domain.errors import PlannerError
from planner.i18n import _
from planner.ui.errors import show_planner_error

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from planner.db.engine import Database
    from planner.ui.file_actions import TripFileTasks
    from planner.ui.language import LanguageController
    from planner.ui.pages.base import UiContext
    from planner.ui.undo import UndoHistory
    from planner.ui.widgets.trip_navigator import TripNavigator


class TripCommands(QMainWindow):
    """File › New trip, Import/Export trip file, Print and export; Edit › Trip details, Duplicate, Delete."""

    if TYPE_CHECKING:  # set by MainWindow._build
        db: Database
        settings: QSettings
        language: LanguageController
        history: UndoHistory
        navigator: TripNavigator
        trip_files: TripFileTasks
        ctx: UiContext

        def refresh(self, select_id: int | None = None) -> None: ...

    def new_trip(self) -> None:
        from planner.services import trips
        from planner.ui.widgets.trip_dialog import TripDialog

        dialog = TripDialog(lambda data: self.history.record(_("New trip"), trips.create_trip(self.db, data)), self)
        if dialog.exec() == TripDialog.DialogCode.Accepted and dialog.result_value is not None:
            self.navigator.search.clear()
            self.navigator.status.setCurrentIndex(0)
            self.refresh(getattr(dialog.result_value, "id", None))

    def edit_trip(self) -> None:
        """Edit › Trip details…: the selected trip's details dialog (one undoable step when saved)."""
        from planner.ui.trip_edit import edit_trip

        summary = self.navigator.current_summary()
        if summary is not None and summary.trip.id is not None:
            edit_trip(self.history, self, summary.trip.id)

    def duplicate_trip(self) -> None:
        """Copy the selected trip to new dates (one undoable step) and show the copy."""
        from planner.ui.widgets.duplicate_trip_dialog import duplicate_with_dialog

        summary = self.navigator.current_summary()
        new_id = duplicate_with_dialog(self, self.history, summary) if summary is not None else None
        if new_id is not None:
            self.navigator.search.clear()
            self.navigator.status.setCurrentIndex(0)
            self.refresh(new_id)

    def delete_trip(self) -> None:
        summary = self.navigator.current_summary()
        if summary is None or summary.trip.id is None:
            return
        title = summary.trip.title.text(self.language.language)
        answer = QMessageBox.question(
            self,
            _("Delete trip"),
            _("Delete the trip “{title}” with its delegation and programme? People and venues stay in the directories.").format(title=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        trip_id = summary.trip.id
        from planner.services import trips

        self.history.perform(_("Delete trip “{title}”").format(title=title), lambda: trips.delete_trip(self.db, trip_id))
        self.refresh()

    def load_demo(self) -> None:
        from planner.ui import demo_loader

        try:
            loaded = demo_loader.load_demo(self.db)
        except PlannerError as error:
            show_planner_error(self, error, _("The demo trips could not be loaded"))
            loaded = False
        if loaded:
            self.refresh()

    def import_trip_file(self) -> None:
        start = str(self.settings.value("files/trip_folder", "") or "")
        from planner.ui.file_actions import choose_trip_file_to_import

        path = choose_trip_file_to_import(self, start)
        if path is not None:
            self.settings.setValue("files/trip_folder", str(path.parent))
            self.trip_files.import_file(path)

    def _trip_imported(self, change: object) -> None:
        trip_id = getattr(change, "id", None)
        self.navigator.search.clear()
        self.navigator.status.setCurrentIndex(0)
        self.refresh(trip_id)

    def print_and_export(self) -> None:
        """The selected trip's programme, itineraries and calendars, printed or saved."""
        summary = self.navigator.current_summary()
        if summary is not None and summary.trip.id is not None:
            from planner.ui.file_actions import open_print_dialog

            open_print_dialog(self.ctx, summary.trip.id)

    def export_trip_file(self) -> None:
        summary = self.navigator.current_summary()
        if summary is None or summary.trip.id is None:
            return
        start = str(self.settings.value("files/trip_folder", "") or "")
        from planner.export.pdf.filenames import safe_filename
        from planner.ui.file_actions import choose_trip_file_to_export

        suggested = safe_filename(summary.trip.title.text(self.language.language), ".json")
        path = choose_trip_file_to_export(self, start, suggested)
        if path is not None:
            self.settings.setValue("files/trip_folder", str(path.parent))
            self.trip_files.export_file(summary.trip.id, path)
