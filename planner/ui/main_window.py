"""The main window: trips on the left, the selected trip on the right, menus on top.

It changes data only through planner.services, shows every PlannerError as a
message, and keeps its geometry and the last database in the QSettings it is
given (tests give it a throw-away one).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel, QMainWindow, QMenu, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from planner.i18n import _
from planner.domain.changes import Action, Change, EntityKind
from planner.ui.areas import AreaKeys
from planner.ui.database_commands import LAST_DATABASE_KEY, DatabaseCommands
from planner.ui.language import LANGUAGE_NAMES, LanguageController
from planner.ui.trip_commands import TripCommands

if TYPE_CHECKING:  # the window's contents import SQLAlchemy and the services: not before the window is drawn (see _build)
    from planner.db.engine import Database
    from planner.domain.summaries import TripSummary
    from planner.ui.pages.base import TripPage
    from planner.ui.widgets.trip_overview import TripOverview


GEOMETRY_KEY = "window/geometry"
SPLITTER_KEY = "window/splitter"
STATE_KEY = "window/state"
#: Edit › Trip details… (Ctrl+Shift+E: E for edit; no standard key means "properties" on every platform).
EDIT_TRIP_SHORTCUT = "Ctrl+Shift+E"
#: A window that is never drawn (started minimised) opens its database after this long all the same.
OPEN_ANYWAY_MS = 1000
#: The smallest window every page and panel is laid out for (an 800×600 screen, less the task bar).
MINIMUM_SIZE = (800, 560)


class _Prepared(QObject):
    """Tells the GUI thread that the imports for opening the database are done (emitted from the worker thread)."""

    done = Signal()


#: What the trip list shows (titles, dates, counts of members and items): it reads the trips again when one of these changes.
TRIP_LIST_KINDS = (
    EntityKind.TRIP, EntityKind.MEMBERSHIP, EntityKind.DELEGATION, EntityKind.ITEM, EntityKind.PERSON, EntityKind.DELEGATION_ORDER,
)
#: What an item's change must have done for the trip list to change with it: its count of items.
ITEM_COUNT_ACTIONS = frozenset({Action.CREATED, Action.DELETED, Action.IMPORTED, Action.REVERTED})


class MainWindow(DatabaseCommands, TripCommands, AreaKeys):
    """The window; its contents are built on an open database.

    Given no database, it is at first only its frame saying which database it
    opens: start-up shows it that way at once, and `open_when_drawn` opens the
    database and builds the contents right after the frame has been drawn.
    Opening imports SQLAlchemy and the services and may migrate or back up the
    file, which takes several times as long as drawing the window. Given the
    file's `trips` (read without SQLAlchemy, planner.db.trip_list), the frame
    already shows them in the trip list, the pages saying they are opening;
    `_build` then takes over that list, keeping the trip chosen and the filter.
    """

    def __init__(
        self, db: Database | None, language: LanguageController, settings: QSettings, parent: QWidget | None = None, *,
        opening: str = "", trips: Sequence[TripSummary] | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.settings = settings
        self._built = False
        self._opener: Callable[[], Database | None] | None = None
        self._prepare: Callable[[], object] | None = None
        self._preparing = False  # the worker's imports are under way; it calls _prepared when done
        self._opening = QLabel(_("Opening {database}…").format(database=opening) if opening else _("Opening…"), self)
        self._opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._opening.installEventFilter(self)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.setWindowTitle(_("Delegation planner") + (" — " + opening if opening else ""))
        self._restore_geometry()
        if db is None and trips is not None:
            self._show_list_first(trips)
        else:
            self.setCentralWidget(self._opening)
        if db is not None:
            self._build(db)

    def _show_list_first(self, trips: Sequence[TripSummary]) -> None:
        """The trip list on the left at once, "Opening…" where the pages will be; nothing in it acts until `_build`."""
        from planner.ui.models.trip_table import TripTableModel
        from planner.ui.widgets.trip_navigator import TripNavigator

        self.model = TripTableModel(None, self.language, self, rows=trips)
        self.navigator = TripNavigator(self.model, self)
        self.navigator.set_commands_enabled(False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigator)
        splitter.addWidget(self._opening)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self._size_splitter(splitter)
        self.setCentralWidget(splitter)
        self.navigator.select_trip(None)
        # The menus' titles, greyed until _build_actions puts the real menus in their place: the window does not
        # shift down when they come.
        for title in (_("&File"), _("&Edit"), _("&View"), _("&Protocol"), _("&Language"), _("&Help")):
            self.menuBar().addMenu(title).setEnabled(False)

    def open_when_drawn(self, opener: Callable[[], Database | None], prepare: Callable[[], object] | None = None) -> None:
        """Once the frame has been drawn, call `opener` and build the contents on the database it returns (if any).

        `prepare` (imports, no Qt) runs first in a worker thread, so the window
        stays responsive meanwhile; `opener` and the build then run on the GUI thread.
        """
        self._opener = opener
        self._prepare = prepare
        QTimer.singleShot(OPEN_ANYWAY_MS, self, self._open_now)  # with the window as context: not after it is gone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._opening and event.type() == QEvent.Type.Paint and self._opener is not None and not self._preparing:
            if self._prepare is not None:
                self._start_preparing()
            else:
                QTimer.singleShot(0, self, self._open_now)  # runs once this paint, the window's first, is done
        return super().eventFilter(watched, event)

    def _start_preparing(self) -> None:
        prepare, self._prepare = self._prepare, None
        self._preparing = True
        signal = _Prepared(self)
        signal.done.connect(self._prepared)

        def work() -> None:
            try:
                assert prepare is not None
                prepare()
            except Exception:  # noqa: BLE001 - the opener imports again on the GUI thread and reports what fails
                pass
            try:
                signal.done.emit()
            except RuntimeError:  # the window was closed meanwhile
                pass

        threading.Thread(target=work, name="open-database-imports", daemon=True).start()

    def _prepared(self) -> None:
        self._preparing = False
        self._open_now()

    def _open_now(self) -> None:
        if self._preparing:
            return  # drawn, and the imports are under way in the worker: it calls _prepared when they are done
        opener, self._opener = self._opener, None
        if opener is None or self._built:
            return
        db = opener()
        if db is not None:
            self._build(db)

    @property
    def is_open(self) -> bool:
        """Whether the window shows a database (not only "Opening…")."""
        return self._built

    @property
    def shows_trips(self) -> bool:
        """Whether the trip list shows trips of the database (at start-up possibly before `is_open`)."""
        model = getattr(self, "model", None)
        return model is not None and model.rowCount() > 0

    def _build(self, db: Database) -> None:
        """The contents: the trip list, the trip's pages, the problems, the menus."""
        from planner.db.credentials import PasswordStore, public_url
        from planner.ui import demo_loader
        from planner.ui.live_updates import LiveUpdates
        from planner.ui.models.trip_table import TripTableModel
        from planner.ui.pages.base import UiContext
        from planner.ui.pages.registry import PAGE_CLASSES
        from planner.ui.undo import UndoHistory
        from planner.ui.widgets.problems_panel import ProblemsPanel, counts_text
        from planner.ui.widgets.trip_navigator import TripNavigator
        from planner.ui.widgets.trip_overview import EmptyState

        self._opening.removeEventFilter(self)
        self.db = db
        language, settings = self.language, self.settings
        listed = getattr(self, "navigator", None)  # the list shown first (see _show_list_first), kept with its choice
        chosen = listed.current_summary() if listed is not None else None
        self.history = UndoHistory(db, lambda: self, self)
        self.passwords = PasswordStore()
        self.live = LiveUpdates(self.history.bus, self)  # the other planners' changes on a shared server
        self.ctx = UiContext(self.history, language, settings, lambda: self)
        if listed is None:
            self.model = TripTableModel(db, language, self)
            self.navigator = TripNavigator(self.model, self)
        else:
            self.model.set_database(db)
            self.navigator.set_commands_enabled(True)
        self.trip_tabs = QTabWidget(self)
        self.trip_tabs.setDocumentMode(True)
        self.trip_pages: list[TripPage] = [cls(self.ctx, self.trip_tabs) for cls in PAGE_CLASSES]
        for page in self.trip_pages:
            self.trip_tabs.addTab(page, page.page_title())
        self._current_trip_id: int | None = None
        self._list_pending = False  # the trip list's counts are to be read again after an item's edit
        self.trip_tabs.currentChanged.connect(self._tab_changed)
        self.problems = ProblemsPanel(self.ctx, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.problems.countsChanged.connect(lambda counts: self.overview.show_problems(counts_text(counts)))
        self.problems.jumpRequested.connect(self.show_problem)
        self.empty_state = EmptyState(demo_loader.demo_available(), self)
        self.no_selection = QLabel(self)
        self.no_selection.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_selection.setWordWrap(True)
        self.pages = QStackedWidget(self)
        for page in (self.empty_state, self.no_selection, self.trip_tabs):
            self.pages.addWidget(page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.pages)
        # The trip list is a navigator; the trip's pages get the room.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        from planner.ui.connection_banner import ConnectionBanner, ConnectionMonitor

        # A lost team database is shown by one banner above the pages, never a dialog per attempt.
        self.connection_monitor = ConnectionMonitor(self.reconnect_database, self, probe=lambda: self.db.probe())
        self.connection_banner = ConnectionBanner(self.connection_monitor, self)
        self.live.connectionLost.connect(self.connection_monitor.lost)
        self.connection_monitor.restored.connect(self._reconnected)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.connection_banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)  # in place of "Opening…"
        self._built = True

        self._build_actions()
        self.navigator.currentChanged.connect(self._show_trip)
        self.navigator.newRequested.connect(self.new_trip)
        self.navigator.editRequested.connect(self.edit_trip)
        self.navigator.duplicateRequested.connect(self.duplicate_trip)
        self.navigator.deleteRequested.connect(self.delete_trip)
        self.empty_state.newRequested.connect(self.new_trip)
        self.empty_state.demoRequested.connect(self.load_demo)
        self.history.bus.changed.connect(self._data_changed)
        self.live.attach(db)

        language.follow(self.retranslate)
        self._restore_state()
        self.settings.setValue(LAST_DATABASE_KEY, str(db.path) if db.path else public_url(db.engine.url))
        self.navigator.select_trip(chosen.trip.id if chosen is not None else None)
        self._update_pages()

    # --- actions and menus ---------------------------------------------------------------

    def _action(self, shortcut: QKeySequence.StandardKey | None = None, slot: object = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        from planner.ui import demo_loader
        from planner.ui.file_actions import RecentMenu, TripFileTasks
        from planner.ui.protocol_menu import ProtocolMenu

        key = QKeySequence.StandardKey
        self.new_action = self._action(key.New, self.new_trip)
        self.duplicate_action = self._action(None, self.duplicate_trip)
        self.edit_trip_action = self._action(None, self.edit_trip)
        self.edit_trip_action.setShortcut(QKeySequence(EDIT_TRIP_SHORTCUT))
        self.delete_action = self._action(key.Delete, self.delete_trip)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.navigator.view.addAction(self.delete_action)
        self.open_action = self._action(key.Open, self.choose_database)
        self.connect_action = self._action(None, self.connect_team_database)
        self.new_database_action = self._action(None, self.new_database)
        self.recent_menu = RecentMenu(self.settings, self.open_database_file, self, open_url=self.open_database_target)
        self.restore_action = self._action(None, self.restore_from_backup)
        self.import_action = self._action(None, self.import_trip_file)
        self.export_action = self._action(key.SaveAs, self.export_trip_file)
        self.print_action = self._action(key.Print, self.print_and_export)
        self.trip_files = TripFileTasks(self, lambda: self.db, self._trip_imported)
        self.demo_action = self._action(None, self.load_demo)
        self.demo_action.setVisible(demo_loader.demo_available())
        self.find_action = self._action(key.Find, self._focus_filter)
        self.quit_action = self._action(key.Quit, self.close)
        if not self.quit_action.shortcuts():  # some platforms define no standard Quit key
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        stack = self.history.stack
        self.undo_action = self._action(key.Undo, stack.undo)
        self.redo_action = self._action(key.Redo, stack.redo)
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(self._update_undo_actions)  # a bound slot: disconnected when the window goes
        self._build_area_actions()
        self.about_action = self._action(None, self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.addAction(self.find_action)

        self.file_menu = QMenu(self)
        for item in (
            self.new_action, self.duplicate_action, self.delete_action, None, self.new_database_action, self.open_action, self.connect_action, self.recent_menu,
            self.restore_action, None, self.import_action, self.export_action, self.print_action, None, self.demo_action, None,
            self.quit_action,
        ):
            if item is None:
                self.file_menu.addSeparator()
            elif isinstance(item, QMenu):
                self.file_menu.addMenu(item)
            else:
                self.file_menu.addAction(item)
        self.edit_menu = QMenu(self)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.edit_trip_action)
        self.language_menu = QMenu(self)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self.language_group)  # each language in its own script, never translated
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.language.set_language(c))
            self.language_actions[code] = action
            self.language_menu.addAction(action)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.about_action)
        self.protocol_menu = ProtocolMenu(self.ctx, lambda: self._current_trip_id, self)
        self.view_menu = QMenu(self)
        for item in (self.trip_list_action, *self.page_actions, self.problems_action, None, self.next_area_action, self.previous_area_action):
            if item is None:
                self.view_menu.addSeparator()
            else:
                self.view_menu.addAction(item)
        self.menuBar().clear()  # the titles shown while the database was opening (see _show_list_first)
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.protocol_menu, self.language_menu, self.help_menu):
            self.menuBar().addMenu(menu)

    def retranslate(self, _language: str = "") -> None:
        if not self._built:
            return
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.language_menu.setTitle(_("&Language"))
        self._update_undo_actions()
        self.help_menu.setTitle(_("&Help"))
        self._retranslate_view_menu()
        self.new_action.setText(_("&New trip…"))
        self.duplicate_action.setText(_("D&uplicate trip…"))
        self.edit_trip_action.setText(_("Trip &details…"))
        self.delete_action.setText(_("&Delete trip…"))
        self.open_action.setText(_("&Open database…"))
        self.connect_action.setText(_("Connect to a &team database…"))
        self.new_database_action.setText(_("New data&base…"))
        self.recent_menu.setTitle(_("Recent databases"))
        self.import_action.setText(_("&Import trip file…"))
        self.restore_action.setText(_("Restore from &backup…"))
        self.export_action.setText(_("&Export trip file…"))
        self.print_action.setText(_("&Print and export…"))
        self.demo_action.setText(_("Load the &demo trips"))
        self.find_action.setText(_("Find a trip"))
        self.quit_action.setText(_("&Quit"))
        self.about_action.setText(_("&About the delegation planner"))
        self.language_actions[self.language.language].setChecked(True)
        self.no_selection.setText(_("No trip matches the filter."))
        self.connection_banner.retranslate()
        self.navigator.retranslate()
        for index, page in enumerate(self.trip_pages):
            self.trip_tabs.setTabText(index, page.page_title())
        self.empty_state.retranslate()
        self._update_title()

    @property
    def overview(self) -> TripOverview:
        """The Overview page's facts panel (the first tab)."""
        from planner.ui.pages.overview import OverviewPage

        return next(p for p in self.trip_pages if isinstance(p, OverviewPage)).overview

    def _update_undo_actions(self, *_args: object) -> None:
        """Undo/Redo name the step they take, in the current language."""
        stack = self.history.stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo, redo = stack.undoText(), stack.redoText()
        self.undo_action.setText(_("&Undo: {action}").format(action=undo) if undo else _("&Undo"))
        self.redo_action.setText(_("&Redo: {action}").format(action=redo) if redo else _("&Redo"))

    def _update_title(self) -> None:
        self.restore_action.setEnabled(self.db.path is not None)  # backups are of database files
        where = self.db.label
        self.setWindowTitle(_("Delegation planner") + " — " + where)

    def _focus_filter(self) -> None:
        self.navigator.search.setFocus()
        self.navigator.search.selectAll()

    # --- the current trip ----------------------------------------------------------------

    def _show_trip(self, summary: TripSummary | None) -> None:
        trip_id = summary.trip.id if summary is not None else None
        changed, self._current_trip_id = trip_id != self._current_trip_id, trip_id
        self._update_pages()  # first: the trip's tabs in sight, so that the page in front reads the trip now
        if changed:
            # Only the page in front reads the trip now; the others when their tab is chosen.
            # A large trip takes a moment per page, and start-up selects a trip too.
            for page in self.trip_pages:
                page.set_trip_when_seen(trip_id)
            self.problems.set_trip(trip_id)
        self.delete_action.setEnabled(summary is not None)
        self.duplicate_action.setEnabled(summary is not None)
        self.edit_trip_action.setEnabled(summary is not None)
        self.export_action.setEnabled(summary is not None)
        self.print_action.setEnabled(summary is not None)

    def _tab_changed(self, _index: int) -> None:
        """The page brought to the front reads what waited: the trip, or changes made while it was behind."""
        from planner.ui.pages.base import TripPage

        page = self.trip_tabs.currentWidget()
        if isinstance(page, TripPage):
            page.bring_up_to_date()

    def _update_pages(self) -> None:
        if self.model.rowCount() == 0:
            self.pages.setCurrentWidget(self.empty_state)
        elif self._current_trip_id is None:
            self.pages.setCurrentWidget(self.no_selection)
        else:
            self.pages.setCurrentWidget(self.trip_tabs)

    def show_problem(self, problem: object) -> None:
        """Bring up what a problem is about: the item, else the member, venue or person."""
        targets = (
            ("select_items", getattr(problem, "item_ids", ())),
            ("select_members", getattr(problem, "membership_ids", ())),
            ("select_venue", getattr(problem, "venue_ids", ())[:1]),
            ("select_people", getattr(problem, "person_ids", ())),
        )
        for method, ids in targets:
            if not ids:
                continue
            for index, page in enumerate(self.trip_pages):
                select = getattr(page, method, None)
                if select is not None:
                    self.trip_tabs.setCurrentIndex(index)
                    select(ids[0]) if method == "select_venue" else select(list(ids))
                    return

    def _data_changed(self, change: Change) -> None:
        """Counts and titles in the trip list follow every change (including undo)."""
        if not change.touches(*TRIP_LIST_KINDS):
            return
        if change.kinds <= {EntityKind.ITEM} and not any(c.action in ITEM_COUNT_ACTIONS for c in change.walk()):
            return  # items moved or edited: the list shows their count, which is the same
        if change.kinds <= {EntityKind.ITEM}:  # at most the list's count of items: read once the edit is painted
            if not self._list_pending:
                self._list_pending = True
                QTimer.singleShot(0, self._refresh_after_edits)
            return
        self.refresh()

    def _refresh_after_edits(self) -> None:
        self._list_pending = False
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Read the trips again and select `select_id` (or keep the current trip)."""
        current = self.navigator.current_summary()
        keep = select_id if select_id is not None else (current.trip.id if current else None)
        # Reloading the list passes through "no trip selected": not a change of trip, so the pages and
        # the Problems panel are told only where the selection ends up (else every edit reloaded them all).
        blocker = QSignalBlocker(self.navigator)
        self.model.reload()
        self.navigator.select_trip(keep)
        blocker.unblock()
        self._show_trip(self.navigator.current_summary())

    def about(self) -> None:
        """Help › About: version, database, and every bundled component with its licence."""
        from planner.ui.widgets.about_dialog import AboutDialog

        AboutDialog(str(self.db.path or self.db.url), self).exec()

    # --- state ---------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def _restore_state(self) -> None:
        state = self.settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.problems.restore(self.settings)  # a strip with the counts until opened; then at the height it had
        self._size_splitter(self.splitter)

    def _size_splitter(self, splitter: QSplitter) -> None:
        """The list and the pages as wide as the user left them (the list shown first gets the same)."""
        geometry = self.settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and not geometry.isEmpty()):
            splitter.setSizes([380, 900])
        saved = self.settings.value(SPLITTER_KEY)
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            splitter.restoreState(saved)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        if not self._built:  # closed while still opening
            self.settings.sync()
            super().closeEvent(event)
            return
        self.live.stop()
        self.problems.shut_down()  # a full check in its worker: waited for, so it reads no database being closed
        self.problems.remember()
        self.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self.settings.setValue(STATE_KEY, self.saveState())
        self.settings.sync()
        super().closeEvent(event)

