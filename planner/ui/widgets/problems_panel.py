"""The Problems panel: what the planning checks find, kept current as the plan changes.

The panel keeps the trip's checks (services.check_session): the edit of a
programme item is checked at once, where it happened, in a few milliseconds
even on a 5,000-item trip, so the list is current when the page repaints.
Any other change is checked in full a short moment after the last one (edits
often come in bursts, e.g. undoing a macro); until then the list is greyed and
the strip says "Checking…", so an old list is never shown as current.
Double-clicking a problem asks the window to show what it is about.

A full check (reading the whole trip and running every check: 60–100 ms on a
5,000-item trip) runs in a worker thread, as the Overview's printout
comparison does (planner/ui/widgets/printouts_panel.py), so the window keeps
answering meanwhile. Each full check carries the generation it was started
for; anything the problems depend on (another trip, a change, an item's edit
while a check runs) raises the generation, and a result of an older one is
dropped, never shown, and one check of the latest state follows it: at most
one runs, and at most one more waits. A language switch only words the same
problems anew and does not make a result stale.

The panel starts as a slim strip with the counts ("2 errors, 5 warnings ▸"),
so the pages keep their room; clicking the counts (or Ctrl+6, or F6 into the
panel) opens the list, and the height it was given is remembered.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.changes import Change, EntityKind
from planner.domain.checks.problem import Problem, Severity
from planner.domain.errors import PlannerError
from planner.i18n import _, ngettext
from planner.services.check_session import TripChecks
from planner.ui.models import problem_table as pt
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.roles import KIND_ROLE, OBJECT_ROLE
from planner.ui.pages.base import UiContext
from planner.ui.keyboard import focus_into, tab_leaves

REFRESH_DELAY_MS = 250
#: At most this long the closing window waits for a running full check (it takes a fraction of a second; longer
#: means the database does not answer, and the worker is left to end on its own).
CLOSE_WAIT_S = 2.0
#: Changes the checks do not read: nothing to check again.
NOT_CHECKED = frozenset({
    "gift", "seating", "issued_version", "item_briefing", "person_profile", "contact_profile", "follow_up",
})
#: Up to this many items changed in one step are checked one by one; more are checked in full.
INCREMENTAL_ITEMS = 20
#: Settings: whether the list is open, and how tall the open panel is.
EXPANDED_KEY = "problems/expanded"
HEIGHT_KEY = "problems/height"
#: The open panel's height on first use: a handful of rows, not half the window.
DEFAULT_HEIGHT = 180


def counts_text(counts: dict[Severity, int]) -> str:
    """"2 errors, 5 warnings, 1 hint" or "No problems found." in the interface language."""
    parts = []
    if counts.get(Severity.ERROR):
        n = counts[Severity.ERROR]
        parts.append(ngettext("{n} error", "{n} errors", n).format(n=n))
    if counts.get(Severity.WARNING):
        n = counts[Severity.WARNING]
        parts.append(ngettext("{n} warning", "{n} warnings", n).format(n=n))
    if counts.get(Severity.HINT):
        n = counts[Severity.HINT]
        parts.append(ngettext("{n} hint", "{n} hints", n).format(n=n))
    return ", ".join(parts) if parts else _("No problems found.")


#: What a full check hands back: the trip's checks (kept for the item edits after it) and their problems.
Outcome = tuple[TripChecks, list[Problem]]


class _Messenger(QObject):
    """Carries a full check's result from the worker thread to the GUI thread: (generation, Outcome, error)."""

    arrived = Signal(int, object, object)


class ProblemsPanel(QDockWidget):
    """The trip's problems; `checking` is True while the list shown is not the current trip's (greyed, "Checking…").

    `checked` is emitted whenever a current list has been shown: a full check's result, an item's edit
    checked where it happened, or the empty list of no trip.
    """

    jumpRequested = Signal(object)  # the Problem double-clicked
    countsChanged = Signal(object)  # dict[Severity, int], after every check
    checked = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        self.ctx = ctx
        self.trip_id: int | None = None
        self._checks: TripChecks | None = None  # the trip's checks, kept so an item's edit is checked where it happened
        self.checking = False  # a full check is wanted or under way: what the list shows may be out of date
        self._generation = 0  # raised by all that makes a full check's result stale; only the latest one is shown
        self._running: tuple[int, threading.Thread] | None = None  # the full check whose result has not arrived yet
        self._stopped = False  # the window closed: no new check starts
        self._focus_when_checked = False  # the keyboard was asked into the list while it was greyed
        self._messenger = _Messenger(self)
        self._messenger.arrived.connect(self._arrived)
        self.model = pt.ProblemTableModel(ctx.language, self)
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.severity = QComboBox(self)
        self.severity.addItem("", None)
        for severity in Severity:
            self.severity.addItem("", severity.value)
        self.severity.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter_value(self.severity.currentData(), KIND_ROLE)
        )
        self.summary = QLabel(self)  # the counts, also shown on the strip's button
        self.summary.hide()
        self.toggle = QToolButton(self)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.toggle.clicked.connect(lambda: self.set_expanded(not self.expanded))
        self.view = tab_leaves(QTableView(self))
        self.view.setModel(self.proxy)
        self._check_after_paint = False
        self._checked_once = False
        self.expanded = False
        self.view.viewport().installEventFilter(self)
        self.toggle.installEventFilter(self)  # drawn even while the list is closed
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        # Severity and When are as wide as their longest text, measured here from the model's worded rows
        # (fit_columns): Qt's ResizeToContents asks every row for every role after each check, which took
        # a good part of a frame on a list of 200 problems.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(pt.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)

        # The strip is the dock's title bar: one line with the counts and the filter, never closed.
        strip = QWidget(self)
        top = QHBoxLayout(strip)
        top.setContentsMargins(4, 1, 6, 1)
        top.addWidget(self.toggle)
        top.addStretch(1)
        top.addWidget(self.severity)
        self.setTitleBarWidget(strip)
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.view, 1)
        self.body = body
        self.setWidget(body)
        self._show_expanded(False)  # folded until restore() reads how the user left it

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        ctx.history.bus.changed.connect(self._data_changed)
        ctx.language.follow(self.retranslate)

    def retranslate(self, _language: str = "") -> None:
        self.setWindowTitle(_("Problems"))
        self.severity.setItemText(0, _("All problems"))
        labels = {Severity.ERROR: _("Errors"), Severity.WARNING: _("Warnings"), Severity.HINT: _("Hints")}
        for index, severity in enumerate(Severity, start=1):
            self.severity.setItemText(index, labels[severity])
        self._update_summary()
        if self._checked_once:  # listeners (the Overview's count) hold text in the old language
            self.countsChanged.emit(self.model.counts())
        self.fit_columns()

    def set_trip(self, trip_id: int | None) -> None:
        """Show the problems of `trip_id`.

        The first check waits until the window has been drawn: checking a large
        trip takes a moment, and at start-up the window should appear first,
        the problems right after. The check then starts once the panel has been
        drawn, or after a short wait if it is not drawn (closed by the user).
        """
        self.trip_id = trip_id
        if trip_id is None or self._checked_once:
            self.refresh()
            return
        self._generation += 1
        self._checks = None
        self._set_refreshing()
        self._check_after_paint = True
        self._timer.start(REFRESH_DELAY_MS)

    # --- the strip and the open list ----------------------------------------------------------

    def set_expanded(self, expanded: bool) -> None:
        """Open the list (at its remembered height) or fold the panel to its strip, remembering the height."""
        window = self.parentWidget()
        settings = self.ctx.settings
        if self.expanded and not expanded and self.height() > self._strip_height():
            settings.setValue(HEIGHT_KEY, self.height())  # the height the user left it at
        self._show_expanded(expanded)
        settings.setValue(EXPANDED_KEY, expanded)
        if expanded and isinstance(window, QMainWindow):
            window.resizeDocks([self], [self.remembered_height()], Qt.Orientation.Vertical)

    def _show_expanded(self, expanded: bool) -> None:
        self.expanded = expanded
        self.body.setVisible(expanded)
        self.severity.setVisible(expanded)
        # Folded, the dock cannot be dragged taller than its strip (nor made so by a restored window state).
        self.setMaximumHeight(16777215 if expanded else self._strip_height())
        self._update_summary()

    def remembered_height(self) -> int:
        value = self.ctx.settings.value(HEIGHT_KEY, DEFAULT_HEIGHT)
        try:
            return max(int(value), self._strip_height() * 3)
        except (TypeError, ValueError):
            return DEFAULT_HEIGHT

    def _strip_height(self) -> int:
        strip = self.titleBarWidget()
        return strip.sizeHint().height() if strip is not None else self.toggle.sizeHint().height()

    def restore(self, settings: QSettings) -> None:
        """Open or folded as the user left it (folded on the first start)."""
        self.set_expanded(str(settings.value(EXPANDED_KEY, "false")).lower() == "true")

    def remember(self) -> None:
        """Keep the open panel's height for next time (the window calls this when it closes)."""
        if self.expanded and self.height() > self._strip_height():
            self.ctx.settings.setValue(HEIGHT_KEY, self.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self._check_after_paint and event.type() == QEvent.Type.Paint:
            self._check_after_paint = False
            self._timer.start(0)  # runs when this paint (and the window's around it) is done
        return super().eventFilter(watched, event)

    def _data_changed(self, change: Change) -> None:
        if self.trip_id is None or change.kinds <= NOT_CHECKED:
            return
        checks = self._checks
        items = change.ids(EntityKind.ITEM)
        # Only against checks that are current: while a full check is wanted or runs, the kept ones are older
        # than the data, and the edit makes that check's result stale instead (it is dropped and run again).
        if (change.kinds <= {EntityKind.ITEM} and 0 < len(items) <= INCREMENTAL_ITEMS and checks is not None
                and checks.trip_id == self.trip_id and not self.checking):
            try:
                for item_id in items:
                    problems = checks.item_changed(item_id)
            except PlannerError:
                pass  # e.g. the database went away: checked in full below
            else:
                self._show(problems, checks.timezone)
                return
        self._generation += 1  # a full check running now read the data before this change
        self._checks = None
        self._set_refreshing()
        self._timer.start(REFRESH_DELAY_MS)

    def _set_refreshing(self) -> None:
        """Grey the list and say the problems are being checked: what it shows may be out of date."""
        self.checking = True
        self.view.setEnabled(False)
        self._update_summary()

    def refresh(self) -> None:
        """Check the trip in full in the worker thread; the list is greyed and says "Checking…" until the result."""
        self._timer.stop()
        self._check_after_paint = False
        self._checked_once = self._checked_once or self.trip_id is not None
        self._generation += 1  # whatever runs now was started for an older state (or another trip)
        self._checks = None
        if self.trip_id is None:
            self._show([], "UTC")
            return
        self._set_refreshing()
        self._start_check()

    def _start_check(self) -> None:
        """Run the full check of the latest state in the worker, unless one runs (its result then starts it)."""
        if self._running is not None or self._stopped or self.trip_id is None:
            return
        generation, db, trip_id, messenger = self._generation, self.ctx.db, self.trip_id, self._messenger

        def work() -> None:  # in the worker thread: the services and the checks only, no widget
            outcome: Outcome | None = None
            error: BaseException | None = None
            try:
                checks = TripChecks(db, trip_id)
                outcome = (checks, checks.problems())
            except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which shows or reports it
                error = exc
            try:
                messenger.arrived.emit(generation, outcome, error)
            except RuntimeError:  # the panel is gone (its window closed without waiting for this check)
                pass

        thread = threading.Thread(target=work, name="problems-check", daemon=True)
        self._running = (generation, thread)
        thread.start()

    def _arrived(self, generation: int, outcome: Outcome | None, error: BaseException | None) -> None:
        self._running = None
        if generation != self._generation:  # started before the last change or for another trip: never shown
            if self.checking and not self._timer.isActive() and not self._check_after_paint:
                self._start_check()  # (a change waiting for its short delay starts the check itself)
            return
        if isinstance(error, PlannerError):  # the trip is gone (deleted here or elsewhere), or the database
            self._show([], "UTC")
            return
        if error is not None:
            raise error  # a bug: to the crash reporter, as if it had happened here
        assert outcome is not None
        self._checks, problems = outcome
        self._show(problems, self._checks.timezone)

    def shut_down(self, timeout_s: float | None = None) -> None:
        """The window closes: no check starts any more, and a running one is waited for (boundedly).

        So no worker still reads a database the window closes, or posts to a panel
        being deleted; a worker that does not end within `timeout_s` (CLOSE_WAIT_S:
        a server that does not answer) is left to end on its own: it is a daemon
        thread, and a panel that is gone is not told.
        """
        self._stopped = True
        self._timer.stop()
        self._check_after_paint = False
        if self._running is not None:
            self._running[1].join(CLOSE_WAIT_S if timeout_s is None else timeout_s)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stopped:  # the window shown again after it closed: checks go on
            self._stopped = False
            if self.checking and not self._timer.isActive() and not self._check_after_paint:
                self._start_check()

    def _show(self, problems: list[Problem], timezone: str) -> None:
        self.checking = False
        self.model.set_problems(problems, timezone)
        self.fit_columns()
        self.view.setEnabled(True)
        if self._focus_when_checked:
            self._focus_when_checked = False
            if self.toggle.hasFocus():  # still where focus_list put it: on into the list, as asked
                focus_into(self.view)
        self._update_summary()
        self.countsChanged.emit(self.model.counts())
        self.checked.emit()

    def fit_columns(self) -> None:
        """Severity and When as wide as their longest text (or heading), icon and cell margins included."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        margin = 2 * (self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1) + 8
        icon = self.view.iconSize().width() if self.view.iconSize().isValid() else metrics.height()
        for column, extra in ((pt.SEVERITY, icon + 4), (pt.WHEN, 0)):
            widest = max((metrics.horizontalAdvance(text) for text in self.model.column_texts(column)), default=0)
            header.resizeSection(column, max(widest + extra + margin, header.sectionSizeFromContents(column).width()))

    def _update_summary(self) -> None:
        if self.trip_id is None:
            text = _("No trip selected.")
        else:
            text = _("Checking…") if self.checking else counts_text(self.model.counts())
        self.summary.setText(text)
        arrow = "▾" if self.expanded else "▸"
        self.toggle.setText(_("Problems: {counts}").format(counts=text) + " " + arrow)
        errors = self.trip_id is not None and not self.checking and bool(self.model.counts().get(Severity.ERROR))
        style = "QToolButton { color: #b00020; font-weight: bold; }" if errors else ""  # seen while folded
        if self.toggle.styleSheet() != style:  # set again, the same sheet would polish the button again
            self.toggle.setStyleSheet(style)
        self.toggle.setToolTip(_("Hide the list of problems") if self.expanded else _("Show the list of problems"))

    def focus_list(self) -> None:
        """Put the keyboard in the list; while a check greys it (a disabled list takes no focus), on the strip's
        button, and in the list as soon as the result is shown."""
        if self.view.isEnabled():
            focus_into(self.view)
            return
        focus_into(self.toggle)
        self._focus_when_checked = True

    def _activated(self, index: QModelIndex) -> None:
        problem = index.data(OBJECT_ROLE)
        if isinstance(problem, Problem):
            self.jumpRequested.emit(problem)
