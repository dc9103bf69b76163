"""Working on a team database: the connection dialog, a lost connection with reconnect, the others' changes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.engine import make_url

from planner.db.credentials import PasswordStore
from planner.db.engine import CONNECTION_LOST, Database, open_database
from planner.domain.entities import TripData
from planner.domain.errors import ConnectionLostError, DatabaseError
from planner.i18n import set_language
from planner.services import trips
from planner.ui import main_window as mw
from planner.ui.file_actions import RECENT_KEY, RecentMenu
from planner.ui.live_updates import LiveUpdates
from planner.ui.main_window import MainWindow
from planner.ui.undo import DataBus
from planner.ui.widgets.connection_dialog import ConnectionDialog
from planner.ui.widgets.trip_dialog import TripDialog
from tests.db.test_credentials import MemoryKeyring
from tests.services.conftest import new_trip
from tests.ui.conftest import MakeTrip


class Opener:
    """Stands in for open_database: remembers the targets, fails while told to."""

    def __init__(self, db: Database | None = None, failure: DatabaseError | None = None) -> None:
        self.db, self.failure = db, failure
        self.targets: list[str] = []

    def __call__(self, target: str) -> Database:
        self.targets.append(target)
        if self.failure is not None:
            raise self.failure
        assert self.db is not None
        return self.db


def fill(dialog: ConnectionDialog, host: str = "db.agency.example", port: int = 5433, database: str = "planner",
         user: str = "anna", password: str = "p@ss:w/rd") -> None:
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database_name.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


# --- the connection dialog --------------------------------------------------------------------------


def test_the_fields_become_a_url_and_the_password_goes_to_the_keyring(db: Database, qtbot: QtBot) -> None:
    keyring = MemoryKeyring()
    opener = Opener(db)
    dialog = ConnectionDialog(opener, PasswordStore(keyring))
    qtbot.addWidget(dialog)
    assert dialog.remember.isChecked() and dialog.remember.isEnabled() and dialog.keyring_note.isHidden()
    fill(dialog)
    dialog.try_connect()
    assert dialog.result() == ConnectionDialog.DialogCode.Accepted and dialog.database is db
    url = make_url(opener.targets[0])
    assert (url.host, url.port, url.database, url.username, url.password) == ("db.agency.example", 5433, "planner", "anna", "p@ss:w/rd")
    assert keyring.entries == {("delegation-planner", "anna@db.agency.example:5433/planner"): "p@ss:w/rd"}
    assert dialog.password_stored


def test_a_failed_connection_keeps_the_dialog_open_with_the_reason_and_the_input(qtbot: QtBot) -> None:
    refused = DatabaseError("The database cannot be opened: {reason}", reason="password authentication failed")
    keyring = MemoryKeyring()
    dialog = ConnectionDialog(Opener(failure=refused), PasswordStore(keyring))
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog)
    dialog.try_connect()
    assert dialog.isVisible() and dialog.result() != ConnectionDialog.DialogCode.Accepted
    assert dialog.error.isVisible() and "password authentication failed" in dialog.error.text()
    assert dialog.password.text() == "p@ss:w/rd" and dialog.host.text() == "db.agency.example"
    assert keyring.entries == {}  # a password that did not work is not kept


def test_a_full_url_wins_and_anything_else_is_refused(db: Database, qtbot: QtBot) -> None:
    opener = Opener(db)
    dialog = ConnectionDialog(opener, PasswordStore(MemoryKeyring()))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url.setText("/home/anna/planner.sqlite")
    assert not dialog.host.isEnabled()
    dialog.try_connect()
    assert "is not a PostgreSQL URL" in dialog.error.text() and opener.targets == []
    dialog.url.setText("postgres://anna@db.agency.example/planner")
    dialog.password.setText("secret")
    dialog.try_connect()
    assert make_url(opener.targets[0]).password == "secret"
    assert make_url(opener.targets[0]).drivername == "postgresql+psycopg"


def test_missing_fields_are_named(qtbot: QtBot) -> None:
    dialog = ConnectionDialog(Opener(), PasswordStore(MemoryKeyring()))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.try_connect()
    assert "fill in the server, the database and the user name" in dialog.error.text()


def test_without_a_keyring_the_dialog_says_the_password_is_not_stored(db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    dialog = ConnectionDialog(Opener(db), PasswordStore())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.keyring_note.isVisible() and "cannot be stored" in dialog.keyring_note.text()
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    fill(dialog)
    dialog.try_connect()
    assert dialog.result() == ConnectionDialog.DialogCode.Accepted and not dialog.password_stored


def test_a_known_server_is_filled_in_without_its_password(qtbot: QtBot) -> None:
    dialog = ConnectionDialog(Opener(), PasswordStore(MemoryKeyring()), known="postgresql+psycopg://anna:secret@db:6543/trips")
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value(), dialog.database_name.text(), dialog.user.text()) == ("db", 6543, "trips", "anna")
    assert dialog.password.text() == ""


@pytest.mark.parametrize("language", ["en", "de", "zh"])
def test_the_dialog_in_each_language(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    set_language(language)
    dialog = ConnectionDialog(Opener(), PasswordStore(MemoryKeyring()))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.grab().isNull()
    assert dialog.windowTitle()


# --- a lost connection -----------------------------------------------------------------------------


def test_a_form_keeps_its_input_when_the_connection_is_lost_and_the_banner_reconnects(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window.show()
    reconnected: list[bool] = []
    monkeypatch.setattr(window.connection_monitor, "_reconnect", lambda: reconnected.append(True))
    monkeypatch.setattr(window.connection_monitor, "_probe", None)  # no worker thread: the attempt runs at once
    boxes: list[object] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes.append(self))
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: boxes.append(args))
    calls: list[TripData] = []

    def save(data: TripData) -> object:
        calls.append(data)
        if len(calls) == 1:
            raise ConnectionLostError(CONNECTION_LOST)
        return trips.create_trip(window.db, data)

    dialog = TripDialog(save, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_localized.edits[next(iter(dialog.title_localized.edits))].setText("Visit to Shenzhen")
    dialog.submit()
    assert dialog.isVisible() and "connection to the database server was lost" in dialog.error_text("")
    assert boxes == []  # no dialog: one calm banner above the pages
    assert window.connection_banner.isVisible() and "reconnecting" in window.connection_banner.text.text()
    assert dialog.title_localized.value() == calls[0].title  # the input is all still there
    heard: list[str] = []
    window.history.bus.changed.connect(lambda change: heard.append(change.entity))
    qtbot.mouseClick(window.connection_banner.button, Qt.MouseButton.LeftButton)  # "Reconnect now"
    assert reconnected == [True] and not window.connection_monitor.down
    assert DataBus.ANY in heard  # every page reads again after an outage
    assert "again" in window.connection_banner.text.text() and window.connection_banner.button.isHidden()
    dialog.submit()  # saving again after the reconnect works
    assert dialog.result() == TripDialog.DialogCode.Accepted
    assert [t.trip.title for t in trips.list_trips(window.db)] == [calls[0].title]


def test_reconnect_attempts_back_off_and_many_reports_make_one_banner(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.ui.connection_banner import BACKOFF_S
    from planner.ui.reconnect import report_lost

    attempts: list[int] = []

    def flaky() -> None:
        attempts.append(1)
        if len(attempts) < 3:
            raise DatabaseError("The server is still away.")

    monitor = window.connection_monitor
    monkeypatch.setattr(monitor, "_reconnect", flaky)
    monkeypatch.setattr(monitor, "_probe", None)
    for _ in range(5):  # pages, the trip list and the live updates all meet the same outage
        report_lost(window.navigator, ConnectionLostError(CONNECTION_LOST))  # found through the parents
    assert monitor.down and monitor.attempts == 0 and 0 < monitor.seconds_to_next() <= BACKOFF_S[0]
    assert not monitor.try_now()
    assert monitor.last_reason == "The server is still away." and monitor.seconds_to_next() > BACKOFF_S[0]
    assert not monitor.try_now()
    assert monitor.seconds_to_next() > BACKOFF_S[1]
    assert monitor.try_now() and len(attempts) == 3 and not monitor.down


def test_the_server_is_asked_in_a_worker_thread_before_the_window_reconnects(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from planner.ui.reconnect import report_lost

    asked_in: list[str] = []
    answers = [DatabaseError("The server is still away."), None]

    def probe() -> None:
        asked_in.append(threading.current_thread().name)
        answer = answers.pop(0)
        if answer is not None:
            raise answer

    reconnected: list[str] = []
    monitor = window.connection_monitor
    monkeypatch.setattr(monitor, "_probe", probe)
    monkeypatch.setattr(monitor, "_reconnect", lambda: reconnected.append(threading.current_thread().name))
    report_lost(window, ConnectionLostError(CONNECTION_LOST))
    assert monitor.try_now() is None  # asked in the background; the window goes on
    qtbot.waitUntil(lambda: not monitor.probing, timeout=2000)
    assert monitor.down and monitor.last_reason == "The server is still away." and reconnected == []
    monitor.try_now()
    qtbot.waitUntil(lambda: not monitor.down, timeout=2000)
    assert asked_in == ["reconnect-probe", "reconnect-probe"]
    assert reconnected == [threading.current_thread().name]  # the reconnect itself on the GUI thread


def test_a_lost_connection_reaching_the_crash_reporter_shows_the_banner_and_writes_no_log(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.ui.errors import ErrorReporter

    monkeypatch.setattr(window.connection_monitor, "_reconnect", lambda: None)
    reporter = ErrorReporter(tmp_path / "logs", lambda: window)
    reporter.install()
    try:
        for _ in range(3):
            reporter.handle(ConnectionLostError, ConnectionLostError(CONNECTION_LOST), None)
    finally:
        reporter.uninstall()
    assert window.connection_monitor.down and "was lost" in window.connection_monitor.last_reason
    assert not (tmp_path / "logs" / "planner.log").exists() or "Uncaught" not in (tmp_path / "logs" / "planner.log").read_text()


def test_reconnecting_the_window_reads_again(window: MainWindow, make_trip: MakeTrip) -> None:
    make_trip("Visit")
    window.reconnect_database()
    assert window.model.rowCount() == 1


# --- the others' changes, and switching to a team database -------------------------------------------


def test_live_updates_do_nothing_on_a_file(tmp_path: Path, qtbot: QtBot) -> None:
    db = open_database(tmp_path / "own.sqlite")
    live = LiveUpdates(DataBus())
    try:
        live.attach(db)
        assert not live.listening and live.poll() == 0
    finally:
        live.stop()
        db.close()


def test_a_server_url_in_the_recent_list_is_offered(settings: QSettings, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[str] = []
    settings.setValue(RECENT_KEY, ["postgresql+psycopg://anna@db/planner", "/gone/away.sqlite"])
    menu = RecentMenu(settings, lambda p: None, parent, open_url=opened.append)
    menu.rebuild()
    actions = [a for a in menu.actions() if a.isEnabled()]
    assert [a.text() for a in actions] == ["postgresql+psycopg://anna@db/planner"]
    actions[0].trigger()
    assert opened == ["postgresql+psycopg://anna@db/planner"]


@pytest.mark.postgresql
def test_the_window_hears_of_another_planners_change(window: MainWindow, db_target: str, qtbot: QtBot) -> None:
    assert window.live.listening
    notifier = window.live._notifier  # noqa: SLF001 - the wiring: a read notifier on the listening socket
    assert notifier is not None and notifier.isEnabled() and int(notifier.socket()) == window.live._listener.socket()  # noqa: SLF001
    other = open_database(db_target)
    try:
        heard: list[tuple[str, int]] = []
        window.history.bus.changed.connect(lambda change: heard.append((change.entity, change.id)))
        trip = new_trip(other, "Made in the other office")
        # The socket notifier reads as soon as data arrives; polling here as well keeps the test independent
        # of earlier tests that leave Qt's timers and notifiers stalled (after an app.exec() and quit()).
        qtbot.waitUntil(lambda: bool(heard) or bool(window.live.poll() and heard), timeout=5000)
        assert heard == [("trip", trip.id)]
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)
        own = new_trip(window.db, "Own").id
        time.sleep(0.3)
        assert own and window.live.poll() == 0  # our own change is not heard back
    finally:
        other.close()


@pytest.mark.postgresql
def test_connecting_to_a_team_database_from_the_file_menu(window: MainWindow, db_target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = make_url(db_target)
    keyring = MemoryKeyring()
    window.passwords = PasswordStore(keyring)
    local = open_database(tmp_path / "local.sqlite")
    window._switch_database(local, str(tmp_path / "local.sqlite"))  # noqa: SLF001 - start from a file

    def run_dialog(dialog: ConnectionDialog) -> int:
        fill(dialog, url.host or "", url.port or 5432, url.database or "", url.username or "", url.password or "")
        dialog.try_connect()
        return dialog.result()

    monkeypatch.setattr(ConnectionDialog, "exec", run_dialog)
    assert window.connect_team_database()
    assert not window.db.is_sqlite and window.live.listening
    assert window.windowTitle().endswith(f"{url.database} @ {url.host}")
    remembered = window.settings.value(mw.LAST_DATABASE_KEY)
    assert make_url(remembered).password is None and make_url(remembered).database == url.database
    assert window.settings.value(RECENT_KEY)[0] == remembered
    if url.password:
        assert list(keyring.entries.values()) == [url.password]
        assert window.open_database_target(remembered)  # from the recent list, with the stored password
    with window.db.engine.connect() as conn:
        assert conn.execute(text("SELECT current_database()")).scalar() == url.database


def test_a_team_database_that_cannot_be_reached_at_start_opens_the_dialog_with_the_reason(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.ui import app as app_module

    seen: list[tuple[str, str]] = []

    def cancel(dialog: ConnectionDialog) -> int:
        seen.append((dialog.error.text(), dialog.host.text()))
        return ConnectionDialog.DialogCode.Rejected

    monkeypatch.setattr(ConnectionDialog, "exec", cancel)
    assert app_module.open_server_or_ask("postgresql://anna@127.0.0.1:1/planner", PasswordStore(MemoryKeyring())) is None
    assert "127.0.0.1:1 cannot be reached" in seen[0][0] and seen[0][1] == "127.0.0.1"


@pytest.mark.postgresql
def test_at_start_the_password_comes_from_the_keyring(db_target: str) -> None:
    from planner.db.credentials import public_url
    from planner.ui import app as app_module

    url = make_url(db_target)
    keyring = MemoryKeyring()
    store = PasswordStore(keyring)
    if url.password:
        store.save(url, url.password)
    opened = app_module.open_server_or_ask(public_url(db_target), store)
    assert opened is not None
    opened.close()


def test_a_lost_connection_met_while_no_window_is_active_still_goes_to_the_banner(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from planner.ui.reconnect import report_lost

    window.show()
    boxes: list[object] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: boxes.append(args))
    monkeypatch.setattr(QApplication, "activeWindow", staticmethod(lambda: None))  # the user works in another program
    monkeypatch.setattr(window.connection_monitor, "_probe", None)
    monkeypatch.setattr(window.connection_monitor, "_reconnect", lambda: None)
    report_lost(None, ConnectionLostError(CONNECTION_LOST))
    assert window.connection_monitor.down and boxes == []


@pytest.mark.parametrize("model_name", ["trip", "person", "venue", "member", "item"])
def test_a_reload_that_fails_leaves_every_model_as_it_was(db: Database, db_target: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, model_name: str) -> None:
    """The server going away mid-reload must not leave a model half reset (beginResetModel without its end)."""
    from contextlib import contextmanager

    from planner.ui.models.item_table import ItemTableModel
    from planner.ui.models.member_table import MemberTableModel
    from planner.ui.models.person_table import PersonTableModel
    from planner.ui.models.trip_table import TripTableModel
    from planner.ui.models.venue_table import VenueTableModel

    trip = new_trip(db, "Visit")
    own = open_database(db_target)  # the models' own connection: only it loses the server below
    try:
        model = {"trip": TripTableModel, "person": PersonTableModel, "venue": VenueTableModel, "member": MemberTableModel,
                 "item": ItemTableModel}[model_name](own)
        if hasattr(model, "set_trip"):
            model.set_trip(trip.id)
        model.reload()
        rows = model.rowCount()
        resets: list[str] = []
        model.modelAboutToBeReset.connect(lambda: resets.append("begin"))
        model.modelReset.connect(lambda: resets.append("end"))

        @contextmanager
        def gone() -> Iterator[None]:
            raise ConnectionLostError(CONNECTION_LOST)
            yield

        monkeypatch.setattr(own, "reading", gone)
        with pytest.raises(ConnectionLostError):
            model.reload()
        assert resets == [] and model.rowCount() == rows
    finally:
        own.close()