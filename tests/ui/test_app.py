"""Start-up: arguments, database choice, error handling, demo seeding, fonts and the crash reporter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from planner import paths
from planner.db.engine import open_database
from planner.db.engine import Database
from planner.services import trips
from planner.ui import app as app_module
from planner.ui import demo_loader
from planner.ui.errors import ErrorReporter
from planner.ui.fonts import CJK_FAMILY, install_application_font, register_cjk_font
from planner.ui.language import SETTINGS_KEY
from planner.ui.main_window import LAST_DATABASE_KEY, MainWindow

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[Path]:
    """Default QSettings and the user's data folder both inside tmp_path, restored afterwards."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    old_format = QSettings.defaultFormat()
    old_names = (qapp.organizationName(), qapp.applicationName())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path
    QSettings.setDefaultFormat(old_format)
    qapp.setOrganizationName(old_names[0])
    qapp.setApplicationName(old_names[1])
    qapp.setFont(QFont())


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the user is shown: error messages and the crash dialog's message (never left waiting for a click)."""
    from planner.ui.widgets.crash_dialog import CrashDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *_a: shown.append(text))
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.message.text()) or 0)
    return shown


def _run_main(isolated: Path, argv: list[str], scenario: str = "") -> dict[str, Any]:
    """Run main() in a process of its own (tests/ui/main_runner.py) and return what it saw there.

    Not in this process: main() runs and quits app.exec(), which left Qt's timers and queued
    signals stalled for the tests after it.
    """
    spec = {"home": str(isolated), "argv": argv, "scenario": scenario}
    out = subprocess.run(
        [sys.executable, "-m", "tests.ui.main_runner", json.dumps(spec)],
        capture_output=True, text=True, cwd=PROJECT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=180, check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_ui_import_stays_light() -> None:
    """Start-up must not pay for PDF output or migrations, nor for the database before the window is drawn."""
    code = (
        "import sys, planner.ui.app; "
        "print(sorted(m for m in ('reportlab', 'alembic', 'sqlalchemy', 'planner.services') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT, check=True)
    assert out.stdout.strip() == "[]"


def test_the_window_is_drawn_before_its_database_is_opened(tmp_path: Path, db: Database, qtbot: QtBot) -> None:
    """Start-up shows the frame saying what it opens; the database is opened once that has been painted."""
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    from planner.ui.language import LanguageController

    language = LanguageController(settings)
    language.set_language("en")
    window = MainWindow(None, language, settings, opening="trips.sqlite")
    qtbot.addWidget(window)
    painted: list[bool] = []

    class PaintSpy(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    spy = PaintSpy()
    window.centralWidget().installEventFilter(spy)
    opened_after_paint: list[bool] = []

    def opener() -> Database:
        opened_after_paint.append(bool(painted))
        return db

    window.open_when_drawn(opener)
    assert window.windowTitle() == "Delegation planner — trips.sqlite"
    assert window.centralWidget().text() == "Opening trips.sqlite…"
    assert not window.is_open
    window.show()
    qtbot.waitUntil(lambda: window.is_open, timeout=5000)
    assert opened_after_paint == [True]
    assert window.centralWidget().isAncestorOf(window.splitter)  # the pages, below the connection banner
    assert window.windowTitle() == f"Delegation planner — {db.label}"
    language.detach()


def test_the_trips_are_listed_before_the_database_is_opened_and_the_choice_is_kept(
    isolated: Path, errors: list[str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An existing file's trips show in the list at once; the pages say they are opening; the trip chosen meanwhile stays."""
    from planner.importing.demo import load_demo
    from planner.ui.language import LanguageController

    path = isolated / "trips.sqlite"
    db = open_database(path)
    load_demo(db)
    listed = trips.list_trips(db)
    db.close()
    settings = QSettings(str(isolated / "s.ini"), QSettings.Format.IniFormat)
    language = LanguageController(settings)
    language.set_language("en")
    opened_while_listed: list[bool] = []
    real_open = app_module.open_for_start

    def open_for_start(target: str, is_default: bool) -> Database | None:
        opened_while_listed.append(window.shows_trips and not window.is_open)
        return real_open(target, is_default)

    monkeypatch.setattr(app_module, "open_for_start", open_for_start)
    args, _rest = app_module.parse_arguments(["--db", str(path)])
    reporter = ErrorReporter(isolated / "logs")
    window = app_module.start(args, settings, language, reporter)
    qtbot.addWidget(window)
    try:
        assert window.shows_trips and not window.is_open
        model = window.model
        assert [model.summary(r) for r in range(model.rowCount())] == listed
        assert window.navigator.current_summary() is not None  # the first trip chosen, as after a full start
        assert not window.navigator.new_button.isEnabled() and not window.navigator.delete_button.isEnabled()
        assert f"Opening {path.name}…" in [label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window)]
        second = listed[-1].trip
        window.navigator.search.setText(second.title.text("en"))  # typed while it opens
        window.navigator.select_trip(second.id)
        window.show()
        qtbot.waitUntil(lambda: window.is_open, timeout=15000)
        assert opened_while_listed == [True]
        assert errors == []
        assert window.navigator.search.text() == second.title.text("en")
        assert window.navigator.current_summary().trip.id == second.id
        assert window.overview.title.text() == second.title.text("en")
        assert window.navigator.new_button.isEnabled() and window.navigator.delete_button.isEnabled()
    finally:
        window.close()
        if window.is_open:
            window.db.close()
        language.detach()


def test_the_database_is_opened_once_the_imports_in_the_worker_are_done(
    tmp_path: Path, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The imports run off the GUI thread after the first paint; not even the open-anyway timer opens before they end."""
    import threading

    from planner.ui import main_window as main_window_module
    from planner.ui.language import LanguageController

    monkeypatch.setattr(main_window_module, "OPEN_ANYWAY_MS", 50)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    language = LanguageController(settings)
    language.set_language("en")
    window = MainWindow(None, language, settings, opening="trips.sqlite")
    qtbot.addWidget(window)
    release = threading.Event()
    in_worker: list[bool] = []
    opened: list[bool] = []

    def prepare() -> None:
        in_worker.append(threading.current_thread() is not threading.main_thread())
        release.wait(20)

    window.open_when_drawn(lambda: opened.append(True) or db, prepare=prepare)
    window.show()
    qtbot.waitUntil(lambda: bool(in_worker), timeout=5000)
    qtbot.wait(300)  # the window repaints and the open-anyway timer fires meanwhile
    window.repaint()
    assert opened == [] and not window.is_open
    release.set()
    qtbot.waitUntil(lambda: window.is_open, timeout=5000)
    assert opened == [True] and in_worker == [True]
    language.detach()


def test_a_database_that_fails_to_open_ends_the_start_after_the_window_showed(isolated: Path) -> None:
    locked = isolated / "folder.sqlite"
    locked.mkdir()
    result = _run_main(isolated, ["--db", str(locked)])
    assert result["code"] == app_module.EXIT_DATABASE_ERROR
    assert result["errors"] == [f"{locked} is a folder, not a planner database."]


def test_arguments_keep_qt_options_for_qt() -> None:
    args, rest = app_module.parse_arguments(["--db", "/tmp/x.sqlite", "-platform", "offscreen"])
    assert args.db == "/tmp/x.sqlite"
    assert rest == ["-platform", "offscreen"]
    assert app_module.parse_arguments([])[0].db is None


def test_database_choice(tmp_path: Path, isolated: Path) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    default = paths.default_database_path()
    assert str(default).startswith(str(tmp_path))
    assert app_module.choose_database(None, store) == (str(default), True)
    assert app_module.choose_database(str(default), store) == (str(default), True)
    explicit = tmp_path / "x.sqlite"
    assert app_module.choose_database(str(explicit), store) == (str(explicit), False)
    store.setValue(LAST_DATABASE_KEY, str(tmp_path / "moved-away.sqlite"))
    assert app_module.choose_database(None, store) == (str(default), True)
    explicit.write_bytes(b"")
    store.setValue(LAST_DATABASE_KEY, str(explicit))
    assert app_module.choose_database(None, store) == (str(explicit), False)
    assert app_module.choose_database("postgresql://host/db", store) == ("postgresql://host/db", False)


def test_foreign_file_is_refused_with_a_message_and_non_zero_exit(isolated: Path) -> None:
    foreign = isolated / "letter.txt"
    foreign.write_text("Dear Sir or Madam", encoding="utf-8")
    result = _run_main(isolated, ["--db", str(foreign)])
    assert result["code"] == app_module.EXIT_DATABASE_ERROR
    assert result["errors"] == [f"{foreign} is not a planner database."]
    assert foreign.read_text(encoding="utf-8") == "Dear Sir or Madam"


def test_main_opens_the_window_in_the_saved_language(isolated: Path) -> None:
    db_path = isolated / "trips.sqlite"
    QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, app_module.ORGANIZATION, app_module.APPLICATION).setValue(
        SETTINGS_KEY, "de"
    )
    result = _run_main(isolated, ["--db", str(db_path)])
    assert result["code"] == 0
    assert result["errors"] == []
    assert result["seen"]["title"] == "Delegationsplaner — trips.sqlite"
    assert result["seen"]["language"] == "de"
    assert CJK_FAMILY in result["seen"]["font"]
    assert result["last_database"] == str(db_path)
    assert db_path.exists()


def test_demo_is_seeded_only_into_a_new_default_database(isolated: Path) -> None:
    first = _run_main(isolated, [], "record_demo")
    assert first["code"] == 0 and first["seen"] is not None
    assert first["seeded"] == [[str(paths.default_database_path().resolve()), True]]
    again = _run_main(isolated, [], "record_demo")  # second start: not new any more
    other = _run_main(isolated, ["--db", str(isolated / "other.sqlite")], "record_demo")  # new, but not the default
    assert again["code"] == other["code"] == 0
    assert again["seeded"] == other["seeded"] == []


def test_demo_loader_reports_whether_the_services_provide_it(db: Database) -> None:
    available = demo_loader.demo_available()
    assert demo_loader.load_demo(db) is available
    if available:
        assert trips.list_trips(db), "the demo loader ran but created no trip"
    else:
        assert trips.list_trips(db) == []


def test_cjk_font_is_registered_behind_the_system_family(qapp: QApplication) -> None:
    assert QFontDatabase.addApplicationFont(str(paths.CJK_FONT)) >= 0  # the bundled file itself loads
    assert CJK_FAMILY in register_cjk_font()
    old = qapp.font()
    try:
        font = install_application_font(qapp)
        assert font.families()[-1] == CJK_FAMILY
        # Latin text keeps the system face; the CJK font is only the fallback.
        if any(not family.startswith("WenQuanYi") for family in QFontDatabase.families()):
            assert QFontInfo(qapp.font()).family() != CJK_FAMILY
        assert QFontMetrics(QFont(CJK_FAMILY)).inFont("深")
    finally:
        qapp.setFont(old)


@pytest.mark.qt_no_exception_capture
def test_uncaught_exception_is_logged_and_shown_and_the_window_stays_usable(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.ui.widgets.crash_dialog import CrashDialog

    dialogs: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: dialogs.append(self) or 0)
    reporter = ErrorReporter(tmp_path / "logs")
    reporter.install()
    try:
        clicks: list[int] = []

        def explode() -> None:
            clicks.append(1)
            raise ZeroDivisionError("division by zero in a slot")

        button = QPushButton("Go")
        qtbot.addWidget(button)
        button.clicked.connect(explode)
        button.show()
        button.click()
        button.click()
        assert len(clicks) == 2  # still responding after the first failure
        assert button.isVisible()
        log = (tmp_path / "logs" / "planner.log").read_text(encoding="utf-8")
        assert log.count("ZeroDivisionError: division by zero in a slot") == 2
        assert "Traceback" in log and "in explode" in log
        errors = [d.message.text() for d in dialogs]
        assert len(errors) == 2
        assert str(tmp_path / "logs" / "planner.log") in errors[0]
        assert "ZeroDivisionError" in errors[0] and "Traceback" not in errors[0]
        crash = dialogs[0]
        assert crash.folder_button.isVisibleTo(crash) and crash.log_path == tmp_path / "logs" / "planner.log"
        qtbot.mouseClick(crash.copy_button, Qt.MouseButton.LeftButton)
        copied = QApplication.clipboard().text()
        assert copied.startswith("Delegation planner ") and "in explode" in copied and "Python 3." in copied
        assert "clipboard" in crash.copied.text()
    finally:
        reporter.uninstall()
    assert sys.excepthook is not reporter.handle


def test_a_failing_demo_loader_does_not_stop_the_start(isolated: Path) -> None:
    result = _run_main(isolated, [], "broken_demo")
    assert result["code"] == 0
    assert result["seen"]["title"] == "Delegation planner — planner.sqlite"
    errors = result["errors"]
    assert len(errors) == 1 and "KeyError" in errors[0] and "planner.log" in errors[0]
    log = (isolated / "data" / "DelegationPlanner" / "logs" / "planner.log").read_text(encoding="utf-8")
    assert "KeyError: 'trip'" in log


def test_a_damaged_database_at_start_is_offered_its_newest_good_backup(isolated: Path) -> None:
    from planner.db.backup import make_backup
    from planner.db.engine import open_database
    from planner.domain.entities import PersonData
    from planner.services import people

    path = isolated / "trips.sqlite"
    db = open_database(path)
    people.create_person(db, PersonData(family_name="From the backup"))
    db.close()
    make_backup(path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 2 : page * 2 + 64] = bytes(b ^ 0x5A for b in data[page * 2 : page * 2 + 64])
    path.write_bytes(bytes(data))
    result = _run_main(isolated, ["--db", str(path)], "restore_offered")
    assert result["code"] == 0
    assert result["errors"] == []
    assert "is damaged" in result["offered"][0]
    assert result["seen"]["people"] == ["From the backup"]
