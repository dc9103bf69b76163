"""Screenshots of every page and the main dialogs, per language and window size, for looking at layouts.

Clipped or overlapping text only shows when someone looks, and it differs per
language (German is long, Chinese is tall). This opens the main window offscreen
on a throw-away database with the demo trips, visits every page, opens the main
dialogs the way the user does (their `exec` is replaced by "show, grab, cancel"),
and saves PNGs named `<what>-<lang>-<size>.png`.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/grab_screens.py --out /tmp/shots
    ... --langs de --sizes min --only page-  (a subset)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget  # noqa: E402

DEFAULT_SIZE = QSize(1280, 760)
LANGUAGES = ("de", "zh", "en")


def settle(app: QApplication, rounds: int = 3) -> None:
    """Let layouts, deferred reads and the first paints happen, and the Overview's comparison and the Problems
    panel's check arrive from their workers."""
    import time

    from planner.ui.widgets.printouts_panel import PrintoutsPanel
    from planner.ui.widgets.problems_panel import ProblemsPanel

    for _round in range(rounds):
        app.processEvents()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (
        any(p.comparing for w in app.topLevelWidgets() for p in w.findChildren(PrintoutsPanel))
        or any(p.checking and p.trip_id is not None for w in app.topLevelWidgets() for p in w.findChildren(ProblemsPanel))
    ):
        time.sleep(0.01)
        app.processEvents()
    app.processEvents()


class Grabber:
    """Saves widgets as PNGs and stands in for modal dialogs' `exec`."""

    def __init__(self, app: QApplication, out: Path, only: str) -> None:
        self.app, self.out, self.only = app, out, only
        self.lang = ""  # the language of what is grabbed now
        self.size = ""  # "default" or "min": the window's size for pages, the dialog's for dialogs
        self.dialog_name = ""
        self.saved: list[Path] = []

    def wanted(self, name: str) -> bool:
        return not self.only or name.startswith(self.only)

    def save(self, widget: QWidget, name: str, size: str = "") -> None:
        settle(self.app)
        path = self.out / f"{name}-{self.lang}-{size or self.size}.png"
        widget.grab().save(str(path))
        self.saved.append(path)

    def exec_dialog(self, dialog: QDialog) -> int:
        """In place of QDialog.exec: show the dialog at its own size and at its minimum, grab both, cancel."""
        name = self.dialog_name or type(dialog).__name__
        self.dialog_name = ""  # a dialog opened from this one is named by its class
        dialog.show()
        settle(self.app)
        self.save(dialog, f"dialog-{name}", "default")
        dialog.resize(dialog.minimumSizeHint().expandedTo(dialog.minimumSize()))
        self.save(dialog, f"dialog-{name}", "min")
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "planner-shots")
    parser.add_argument("--langs", nargs="+", default=list(LANGUAGES), choices=LANGUAGES)
    parser.add_argument("--sizes", nargs="+", default=["default", "min"], choices=["default", "min"])
    parser.add_argument("--only", default="", help="grab only what starts with this (page-, dialog-, window)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from planner.db.engine import open_database
    from planner.importing import demo
    from planner.ui.app import configure_application
    from planner.ui.language import LanguageController
    from planner.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    configure_application(app)
    work = Path(tempfile.mkdtemp(prefix="planner-shots-"))
    db = open_database(work / "shots.sqlite")
    demo.load_demo(db)
    from planner.db.backup import BackupKind, make_backup

    for kind in (BackupKind.DAILY, BackupKind.BEFORE_UPGRADE):  # rows for the backup dialog
        make_backup(work / "shots.sqlite", kind.value)
    grabber = Grabber(app, args.out, args.only)
    QDialog.exec = lambda dialog: grabber.exec_dialog(dialog)  # type: ignore[method-assign]
    QMessageBox.exec = lambda box: grabber.exec_dialog(box)  # type: ignore[method-assign]
    for lang in args.langs:
        settings = QSettings(str(work / f"settings-{lang}.ini"), QSettings.Format.IniFormat)
        language = LanguageController(settings)
        language.set_language(lang)
        window = MainWindow(db, language, settings)
        window.show()
        settle(app)
        for size_name in args.sizes:
            size = DEFAULT_SIZE if size_name == "default" else window.minimumSizeHint().expandedTo(window.minimumSize())
            window.resize(size)
            grabber.lang, grabber.size = lang, size_name
            _grab_window(grabber, window, with_dialogs=size_name == args.sizes[0])
        if grabber.wanted("window-connection-lost"):
            _connection_lost(grabber, window, args.sizes)
        window.close()
        window.deleteLater()
        language.detach()
        settle(app)
    db.close()
    print(f"{len(grabber.saved)} screenshots in {args.out}")
    return 0


def _grab_window(grabber: Grabber, window: object, with_dialogs: bool) -> None:
    """Every page of the first trip, then (once per language) the dialogs the pages open."""
    from planner.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.navigator.select_trip(None)
    for index, page in enumerate(window.trip_pages):
        window.trip_tabs.setCurrentIndex(index)
        name = f"page-{index + 1}-{type(page).__name__.removesuffix('Page').lower()}"
        if grabber.wanted(name):
            grabber.save(window, name)
    pages = {type(page).__name__: page for page in window.trip_pages}
    programme, delegation = pages["ProgrammePage"], pages["DelegationPage"]
    logistics = pages["LogisticsPage"]
    for tab, sub in enumerate(logistics.pages):  # the Logistics page's own tabs: Rooms, Vehicles, Arrivals
        name = f"page-logistics-{tab + 1}-{type(sub).__name__.removesuffix('Page').lower()}"
        if grabber.wanted(name):
            window.trip_tabs.setCurrentWidget(logistics)
            logistics.tabs.setCurrentIndex(tab)
            grabber.save(window, name)
    logistics.tabs.setCurrentIndex(0)
    if grabber.wanted("page-3-programme-table"):
        window.trip_tabs.setCurrentWidget(programme)
        programme.show_view(1)
        grabber.save(window, "page-3-programme-table")
        programme.show_view(0)
    if grabber.wanted("window-problems-open"):
        window.trip_tabs.setCurrentIndex(0)
        window.problems.set_expanded(True)
        grabber.save(window, "window-problems-open")
        window.problems.set_expanded(False)
    if not with_dialogs:
        return
    rooms, cars, arrivals = logistics.pages  # the Rooms, Vehicles and Arrivals tabs
    first_item = programme.model.items[0].id if programme.model.items else None
    # The seating plan of an item everyone attends: the largest plan.
    long_item = next((i for i in programme.model.items if i.everyone), None)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("new-trip", window.new_trip),
        ("duplicate-trip", window.duplicate_trip),
        ("print-export", window.print_and_export),
        ("new-item", lambda: programme.new_item()),
        ("edit-item", lambda: programme.edit_item(first_item)),
        ("new-member", delegation.new_person),
        ("add-from-directory", delegation.add_from_directory),
        ("edit-member", lambda: (delegation.view.selectRow(0), delegation.edit_member())),
        ("visa", lambda: (delegation.view.selectRow(0), delegation.edit_visa())),
        ("new-person", pages["PeoplePage"].new_person),
        ("new-venue", pages["VenuesPage"].new_venue),
        ("edit-venue", lambda: (pages["VenuesPage"].view.selectRow(0), pages["VenuesPage"].edit_venue())),
        ("room-block", lambda: (rooms.block_view.selectRow(0), rooms.edit_block())),
        ("assign-room", lambda: (rooms.view.selectRow(0), rooms.assign_room())),
        ("new-room-block", rooms.new_block),
        ("new-vehicle", cars.new_vehicle),
        ("edit-vehicle", lambda: (cars.view.selectRow(0), cars.edit_vehicle())),
        ("new-leg", arrivals.new_leg),
        ("edit-leg", lambda: arrivals.edit_leg(arrivals.model.leg(0).id if arrivals.model.rowCount() else None)),
    ]
    if first_item is not None and long_item is not None:
        steps.append(("seating", lambda: _seating(window, programme, long_item.id)))
    steps += [
        ("edit-trip", pages["OverviewPage"].edit_details),
        ("move-programme", lambda: _move_programme(window)),
        ("status-menu", lambda: _status_menu(grabber, window, pages["OverviewPage"])),
        ("other-person", lambda: _other_person(window)),
        ("paste-names", lambda: delegation.paste_names(_PASTED)),
        ("about", window.about),
        ("crash", lambda: _crash(window)),
        ("backup", window.restore_from_backup),
        ("issue-export", lambda: pages["OverviewPage"].reprint([m.id for m in delegation.model.members()])),
        ("briefing", lambda: programme.edit_briefing(first_item)),
        ("profile", lambda: (pages["PeoplePage"].view.selectRow(0), pages["PeoplePage"].edit_profile())),
        ("follow-up", pages["OverviewPage"].follow_ups.new),
    ]
    for name, open_it in steps:
        if not grabber.wanted(f"dialog-{name}"):
            continue
        grabber.dialog_name = name
        open_it()


#: Names as a planner pastes them from an e-mail: one with a role, one in Chinese, one already in the directory.
_PASTED = "Dr. Anna Meier, Stadtwerke Hannover\n张伟 (Zhang Wei), 深圳市外事办\nPeter Eisenschmidt\n"


def _move_programme(window: object) -> None:
    """The question "keep local times or moments" that a new first day and zone asks."""
    from datetime import timedelta

    from planner.services import trips
    from planner.ui.trip_edit import _choose_policy
    from planner.ui.widgets.trip_dialog import Cancelled

    summary = window.navigator.current_summary() if hasattr(window.navigator, "current_summary") else None  # type: ignore[attr-defined]
    trip = summary.trip if summary is not None else trips.list_trips(window.db)[0].trip  # type: ignore[attr-defined]
    assert trip.first_day is not None and trip.last_day is not None
    moved = trip.evolve(
        first_day=trip.first_day + timedelta(days=1), last_day=trip.last_day + timedelta(days=1), timezone="Europe/Berlin",
    )
    try:
        _choose_policy(window, trips.preview_item_moves(window.db, moved))  # type: ignore[arg-type, attr-defined]
    except Cancelled:
        pass


def _status_menu(grabber: Grabber, window: object, overview: object) -> None:
    """The Overview's "Change status" menu, open."""
    window.trip_tabs.setCurrentWidget(overview)  # type: ignore[attr-defined]
    button = overview.overview.status_button  # type: ignore[attr-defined]
    menu = button.menu()
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    grabber.save(menu, "dialog-status-menu", "default")
    menu.hide()


def _other_person(window: object) -> None:
    """The host picker's "Other person…" list of the people directory."""
    from planner.i18n import current_language
    from planner.services import people
    from planner.ui.widgets.host_picker import PersonPicker

    PersonPicker(people.list_people(window.db), current_language(), window).exec()  # type: ignore[arg-type, attr-defined]


def _crash(window: object) -> None:
    from planner.ui.widgets.crash_dialog import CrashDialog, crash_details

    try:
        raise RuntimeError("grab_screens: an example error")
    except RuntimeError as error:
        import traceback

        from planner.ui.errors import ErrorReporter

        reporter = ErrorReporter(Path(tempfile.mkdtemp(prefix="planner-shots-logs-")))
        reporter.install()  # as the app does: the message names the log file, "Open the log folder" is offered
        try:
            CrashDialog(reporter.message_for(error), crash_details(traceback.format_exc()), reporter.log_path, window).exec()  # type: ignore[arg-type]
        finally:
            reporter.uninstall()


def _connection_lost(grabber: Grabber, window: object, sizes: list[str]) -> None:
    """The banner of a lost team database, at each window size (no probe: nothing is retried meanwhile)."""
    monitor = window.connection_monitor  # type: ignore[attr-defined]
    monitor._probe = None  # noqa: SLF001 - the shots must not reach for a server
    monitor.lost("x")
    for size_name in sizes:
        size = DEFAULT_SIZE if size_name == "default" else window.minimumSizeHint().expandedTo(window.minimumSize())  # type: ignore[attr-defined]
        window.resize(size)  # type: ignore[attr-defined]
        grabber.size = size_name
        grabber.save(window, "window-connection-lost")  # type: ignore[arg-type]
    monitor.stop()


def _seating(window: object, programme: object, item_id: int) -> None:
    from planner.ui.widgets.protocol_panel import ProtocolPanel

    item = programme.model.item_by_id(item_id)  # type: ignore[attr-defined]
    panel = ProtocolPanel(window.ctx, item, programme.model.members, window)  # type: ignore[attr-defined]
    panel.seating_dialog().exec()
    panel.deleteLater()


if __name__ == "__main__":
    raise SystemExit(main())
