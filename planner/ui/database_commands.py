"""The window's database commands: open, create, restore, connect to a team database, reconnect.

A mixin of MainWindow, kept apart so the window's module stays about its
layout and the trip in front. Each command switches the whole window to the
new database (`_switch_database`): history, trip list, pages and live updates.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMainWindow

from planner.domain.errors import DatabaseError
from planner.i18n import _
from planner.ui.errors import show_error, show_planner_error

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from planner.db.credentials import PasswordStore
    from planner.db.engine import Database
    from planner.ui.connection_banner import ConnectionMonitor
    from planner.ui.live_updates import LiveUpdates
    from planner.ui.models.trip_table import TripTableModel
    from planner.ui.pages.base import TripPage
    from planner.ui.undo import UndoHistory

LAST_DATABASE_KEY = "database/last"
DATABASE_FILTER_EXTENSIONS = "*.sqlite *.sqlite3 *.db"


class DatabaseCommands(QMainWindow):
    """File › Open, New database, Restore from backup, Connect to a team database…, and reconnecting."""

    if TYPE_CHECKING:  # set by MainWindow._build
        db: Database
        settings: QSettings
        passwords: PasswordStore
        history: UndoHistory
        model: TripTableModel
        live: LiveUpdates
        connection_monitor: ConnectionMonitor
        trip_pages: list[TripPage]
        _current_trip_id: int | None

        def refresh(self, select_id: int | None = None) -> None: ...
        def _update_title(self) -> None: ...

    def choose_database(self) -> None:
        start = str(self.db.path.parent) if self.db.path else ""
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Open database"), start, _("Planner databases") + f" ({DATABASE_FILTER_EXTENSIONS});;" + _("All files") + " (*)"
        )
        if name:
            self.open_database_file(Path(name))

    def new_database(self) -> None:
        start = str(self.db.path.parent) if self.db.path else ""
        from planner.ui.file_actions import choose_new_database

        path = choose_new_database(self, start)
        if path is not None:
            self.open_database_file(path, create=True)

    def restore_from_backup(self) -> None:
        """Go back to a backup: close the database, copy the backup in (online API), open it again."""
        path = self.db.path
        if path is None:
            return
        from planner.ui.widgets.backup_dialog import BackupDialog

        dialog = BackupDialog(path, self)
        if dialog.exec() != BackupDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        assert chosen is not None
        from planner.ui.recovery import restore_with_progress

        self.live.stop()  # its watch on the file is a connection too
        self.db.close()
        try:
            restore_with_progress(self, chosen.path, path)  # waits for another window's lock, boundedly
        except DatabaseError as error:
            show_planner_error(self, error, _("The backup was not restored"))
        self.open_database_file(path)

    def open_database_file(self, path: Path, create: bool = False) -> bool:
        """Switch to the database at `path`; a missing or foreign file is refused with a message."""
        if not create and not path.is_file():
            show_error(self, _("The database cannot be opened"), _("{path} does not exist.").format(path=str(path)))
            return False
        from planner.db.engine import open_database

        from planner.db.integrity import DamagedDatabaseError

        try:
            new_db = open_database(path)
        except DamagedDatabaseError as error:
            from planner.ui.recovery import offer_good_backup

            if not offer_good_backup(self, error):
                return False
            return self.open_database_file(path)
        except DatabaseError as error:
            show_planner_error(self, error, _("The database cannot be opened"))
            return False
        self._switch_database(new_db, str(path))
        return True

    def _switch_database(self, new_db: Database, remembered: str) -> None:
        """Work on `new_db` from now on; `remembered` (never with a password) goes to the settings."""
        from planner.ui.file_actions import remember_database

        old, self.db = self.db, new_db
        self.connection_monitor.stop()
        self.live.stop()
        old.close()
        self.history.set_database(new_db)
        self.model.set_database(new_db)
        self._current_trip_id = None
        for page in self.trip_pages:
            page.database_changed()
        self.settings.setValue(LAST_DATABASE_KEY, remembered)
        remember_database(self.settings, remembered)
        self.live.attach(new_db)
        self._update_title()
        self.refresh()

    def connect_team_database(self, known: str = "") -> bool:
        """File > Connect to a team database…: ask for the server login and switch to it."""
        from planner.db.credentials import public_url
        from planner.db.engine import open_database
        from planner.ui.widgets.connection_dialog import ConnectionDialog

        current = "" if self.db.is_sqlite else public_url(self.db.engine.url)
        dialog = ConnectionDialog(open_database, self.passwords, self, known=known or current)
        if dialog.exec() != ConnectionDialog.DialogCode.Accepted or dialog.database is None:
            return False
        self._switch_database(dialog.database, public_url(dialog.target))
        return True

    def open_database_target(self, target: str) -> bool:
        """Open a server database from the recent list; without a stored password, ask for the login."""
        from planner.db.credentials import public_url
        from planner.db.engine import open_database

        try:
            new_db = open_database(self.passwords.complete(target))
        except DatabaseError:
            return self.connect_team_database(known=target)
        self._switch_database(new_db, public_url(target))
        return True

    def reconnect_database(self) -> None:
        """After a lost connection: connect anew and listen again (DatabaseError while the server stays away)."""
        from planner.db.server_errors import CONNECTION_LOST
        from planner.domain.errors import ConnectionLostError

        self.db.reconnect()
        self.live.attach(self.db)
        if not self.db.is_sqlite and not self.live.listening:
            raise ConnectionLostError(CONNECTION_LOST, server=self.db.server)
        self.refresh()

    def _reconnected(self) -> None:
        """Connected again: every page reads anew, since what others changed meanwhile was never announced to us."""
        self.history.bus.everything()
