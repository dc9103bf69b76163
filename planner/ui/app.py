"""Starting the desktop app: `delegation-planner [--db PATH_OR_URL]`.

Start-up stays quick: the main window is shown before anything heavy is
imported. For an SQLite file at this version's schema it already lists the
user's trips, read with the sqlite3 module alone (planner.db.trip_list), and
says that the pages are opening; otherwise it says which database it opens.
Right after that first paint SQLAlchemy and the services are imported in a
worker thread (they take several times as long to import as the window takes
to appear), and then the database is opened and the pages are built on the GUI
thread. Nothing here imports reportlab or alembic (open_database loads alembic
only when a schema must be migrated). A database that cannot be opened ends the start with a translated
message and a non-zero exit code, never with a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from planner import paths
from planner.db.trip_list import peek_trip_list
from planner.domain.errors import DatabaseError, PlannerError
from planner.i18n import _
from planner.ui.errors import ErrorReporter, show_error, show_planner_error
from planner.ui.fonts import install_application_font
from planner.ui.language import LanguageController, saved_language
from planner.ui.main_window import LAST_DATABASE_KEY, MainWindow

if TYPE_CHECKING:  # imported when the database is opened, after the window is drawn
    from planner.db.credentials import PasswordStore
    from planner.db.engine import Database

ORGANIZATION = paths.APP_AUTHOR
APPLICATION = paths.APP_NAME
EXIT_DATABASE_ERROR = 2



def parse_arguments(argv: Sequence[str] | None) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest for Qt (e.g. -platform offscreen)."""
    parser = argparse.ArgumentParser(prog="delegation-planner", description=_("Plan official delegation trips."))
    parser.add_argument("--db", metavar="PATH_OR_URL", help=_("the planner database to open (default: your own)"))
    return parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])


def choose_database(requested: str | None, settings: QSettings) -> tuple[str, bool]:
    """The database to open and whether it is the user's default one.

    An explicit --db wins; otherwise the last database opened, as long as the
    file still exists (a moved file must not be re-created empty); otherwise
    the default database in the user's data folder.
    """
    default = paths.default_database_path()
    if requested:
        return requested, _same_file(requested, default)
    last = settings.value(LAST_DATABASE_KEY)
    if isinstance(last, str) and last and ("://" in last or Path(last).is_file()):
        return last, _same_file(last, default)
    return str(default), True


def _same_file(target: str, default: Path) -> bool:
    if "://" in target:
        return False
    try:
        return Path(target).expanduser().resolve() == default.resolve()
    except OSError:
        return False


def configure_application(app: QApplication) -> None:
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    install_application_font(app)
    from planner.ui.icons import icon

    app.setWindowIcon(icon("app"))


def database_label(target: str) -> str:
    """What the window calls the database it is opening: the file's name, or the database and its server."""
    if "://" not in target:
        return Path(target).name
    parts = urlsplit(target)
    return f"{parts.path.lstrip('/')} @ {parts.hostname or 'localhost'}"  # never the password


def open_or_report(target: str) -> Database | None:
    """The open database, or None after telling the user why it cannot be opened."""
    from planner.db.engine import open_database
    from planner.db.integrity import DamagedDatabaseError

    try:
        return open_database(target)
    except DamagedDatabaseError as error:  # offered its newest good backup, then opened again
        from planner.ui.recovery import offer_good_backup

        return open_database(target) if offer_good_backup(None, error) else None
    except DatabaseError as error:
        show_planner_error(None, error, _("The database cannot be opened"))
        return None


def open_server_or_ask(target: str, passwords: PasswordStore) -> Database | None:
    """A team database, with the password from the keyring; if that fails, the connection dialog says why and asks."""
    from planner.db.engine import open_database

    try:
        return open_database(passwords.complete(target))
    except DatabaseError as error:
        from planner.ui.widgets.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(open_database, passwords, None, known=target)
        dialog.error.setText(error.message())
        dialog.error.show()
        if dialog.exec() != ConnectionDialog.DialogCode.Accepted:
            return None
        return dialog.database


def seed_demo(db: Database) -> bool:
    """Fill a brand-new default database with the demo trips so the first start is not empty."""
    from planner.ui import demo_loader

    try:
        return demo_loader.load_demo(db)
    except PlannerError as error:
        show_planner_error(None, error, _("The demo trips could not be loaded"))
    except Exception:  # noqa: BLE001 - the demo is optional: a bug in it must not keep the planner from starting
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    return False


def open_for_start(target: str, is_default: bool) -> Database | None:
    """The database to start with (a new default one gets the demo trips), or None after saying why not."""
    from planner.db.credentials import PasswordStore, is_server_url

    db = open_server_or_ask(target, PasswordStore()) if is_server_url(target) else open_or_report(target)
    if db is not None and db.created and is_default:
        seed_demo(db)
    return db


def start(args: argparse.Namespace, settings: QSettings, language: LanguageController, reporter: ErrorReporter) -> MainWindow:
    """The main window, to be shown at once; it opens its database as soon as it has been drawn.

    If the database cannot be opened, the event loop ends with
    EXIT_DATABASE_ERROR (1 for anything else that stops the start).
    """
    target, is_default = choose_database(args.db, settings)
    window = MainWindow(None, language, settings, opening=database_label(target), trips=peek_trip_list(target))

    def open_now() -> Database | None:
        try:
            db = open_for_start(target, is_default)
        except PlannerError as error:  # anything the user can act on, e.g. an unreadable data folder
            show_error(None, _("The planner cannot start"), error.message())
            QApplication.exit(1)
            return None
        except Exception:  # noqa: BLE001 - logged with its traceback and shown with the log's path
            reporter.handle(*sys.exc_info())  # type: ignore[arg-type]
            QApplication.exit(1)
            return None
        if db is None:
            QApplication.exit(EXIT_DATABASE_ERROR)
        return db

    window.open_when_drawn(open_now, prepare=import_for_opening)
    return window


#: What opening the database and building the window's pages import that has nothing to do with Qt (SQLAlchemy
#: above all): imported in a worker thread after the first paint, so the window stays responsive meanwhile.
OPENING_IMPORTS = (
    "planner.db.credentials", "planner.db.engine", "planner.db.models", "planner.services.trips",
    "planner.services.delegation", "planner.services.checks", "planner.services.issuing", "planner.services.transfer",
    "planner.export.notices",
)


def import_for_opening() -> None:
    """Import OPENING_IMPORTS (run in a worker thread: no Qt here)."""
    import importlib

    for name in OPENING_IMPORTS:
        importlib.import_module(name)


#: Set by `make bench` to time a whole start (of the venv or the bundle) from outside: the program quits
#: right after the window has been painted with its database open (all pages built) and the trip list filled.
QUIT_WHEN_FILLED = "PLANNER_QUIT_WHEN_FILLED"


class _FilledWatch(QObject):
    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self.app, self.window = app, window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self.window.is_open and self.window.shows_trips:
            QTimer.singleShot(0, self.app.quit)  # once this paint is done
        return False


def _quit_when_filled(app: QApplication, window: MainWindow) -> None:
    app.installEventFilter(_FilledWatch(app, window))


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_arguments(argv)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    configure_application(app)
    settings = QSettings()
    language = LanguageController(settings)
    language.set_language(saved_language(settings))
    reporter = ErrorReporter(paths.user_data_dir() / "logs", parent=QApplication.activeWindow)
    reporter.install()
    window: MainWindow | None = None
    try:
        window = start(args, settings, language, reporter)
        window.show()
        if os.environ.get(QUIT_WHEN_FILLED):
            _quit_when_filled(app, window)
        return int(app.exec())
    except PlannerError as error:  # anything the user can act on, e.g. an unreadable data folder
        show_error(None, _("The planner cannot start"), error.message())
        return 1
    except Exception:  # noqa: BLE001 - logged with its traceback and shown with the log's path
        reporter.handle(*sys.exc_info())  # type: ignore[arg-type]
        return 1
    finally:
        if window is not None:
            if window.is_open:
                window.db.close()
            window.deleteLater()
        reporter.uninstall()
        language.detach()
        settings.sync()


if __name__ == "__main__":
    raise SystemExit(main())
