"""One function per figure of the benchmark; each returns the Figure for the results table.

Every time is the median of several runs. Figures that compare two things
(start-up against a bare window) measure both in the same run, alternating.
In-process figures that miss their target are run once more under
pyinstrument (when it is installed) and the profile is kept beside the results.
"""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import probes
from bench.harness import Figure, ProbeError, Timing, probe_environment, profile_call, profile_probe, run_probe, time_runs

PROGRAMME_PAGE_FILE = Path(__file__).resolve().parent.parent / "planner" / "ui" / "pages" / "programme.py"


@dataclass
class Bench:
    """What every figure works on: the generated database and a scratch folder."""

    db_path: Path
    big_trip_id: int
    work: Path  # scratch space, deleted at the end
    profiles: Path  # where profiles of missed targets go
    runs: int = 5  # runs of a quick figure
    heavy_runs: int = 3  # runs of a figure that takes seconds
    trip_file: Path | None = None  # the big trip's file, written by the export figure for the import figure

    def __post_init__(self) -> None:
        self._db: Any = None
        self._qt: Any = None

    @property
    def db(self) -> Any:
        """The big database, opened once for the in-process figures (without a backup: that is start-up's business)."""
        if self._db is None:
            from planner.db.engine import open_database

            self._db = open_database(self.db_path, backup=False)
        return self._db

    def scratch(self, name: str) -> Path:
        folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.work))
        return folder

    def close(self) -> None:
        """Take the pages down while Qt and Python are both still whole, then close the database.

        Left to the interpreter's exit, the widgets were destroyed during its
        final garbage collection, which can crash PySide.
        """
        if self._qt is not None:
            self._qt.close()
            self._qt = None
        if self._db is not None:
            self._db.close()
            self._db = None


def _profiled(bench: Bench, figure: Figure, name: str, action: Callable[[], object]) -> Figure:
    """The figure, with the path of a profile of `action` if it missed its target."""
    if figure.ok is not False:
        return figure
    path = profile_call(action, bench.profiles / f"{name}.txt")
    if not path:
        return figure
    return Figure(**{**_fields(figure), "profile": path})


def _fields(figure: Figure) -> dict[str, Any]:
    return {name: getattr(figure, name) for name in figure.__dataclass_fields__}


def _runs_ms(timing: Timing) -> str:
    return "runs: " + ", ".join(f"{s * 1000:.0f}" for s in timing.samples) + " ms"


def _runs_s(timing: Timing) -> str:
    return "runs: " + ", ".join(f"{s:.2f}" for s in timing.samples) + " s"


# --- the Qt side --------------------------------------------------------------------------------


class QtPages:
    """Pages built as the main window builds them (planner/ui/main_window.py), each in a shown tab widget."""

    def __init__(self, bench: Bench) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication, QTabWidget

        from planner.ui.fonts import register_cjk_font
        from planner.ui.language import LanguageController
        from planner.ui.pages.base import UiContext
        from planner.ui.undo import UndoHistory

        existing = QApplication.instance()
        self.app = existing if isinstance(existing, QApplication) else QApplication(["bench"])
        register_cjk_font()
        self.settings = QSettings(str(bench.work / "settings.ini"), QSettings.Format.IniFormat)
        self.language = LanguageController(self.settings)
        self.language.set_language("en")
        self.history = UndoHistory(bench.db, lambda: None)
        self.ctx = UiContext(self.history, self.language, self.settings, lambda: None)
        self.tabs = QTabWidget()
        self.tabs.resize(1280, 760)
        self.tabs.show()
        self.settle()

    def settle(self) -> None:
        """Let Qt carry out what was posted, as its event loop would: the layout first, then the paint of what changed.

        (Two rounds: the paint is requested while the layout is done. A forced
        repaint of the whole tab widget on top would paint what a user's screen
        does not redraw.)
        """
        self.app.processEvents()
        self.app.processEvents()

    def close(self) -> None:
        import gc

        self.tabs.close()
        self.tabs.deleteLater()
        self.app.processEvents()
        from PySide6.QtCore import QEvent

        self.app.sendPostedEvents(None, int(QEvent.Type.DeferredDelete))  # delete the tab widget and its pages now
        self.language.detach()
        self.settings.sync()
        del self.tabs, self.ctx, self.history
        gc.collect()

    def add(self, page_class: type) -> Any:
        page = page_class(self.ctx, self.tabs)
        self.tabs.addTab(page, page.page_title())
        self.tabs.setCurrentWidget(page)
        self.settle()
        return page


def _qt(bench: Bench) -> QtPages:
    if bench._qt is None:
        bench._qt = QtPages(bench)
    return bench._qt  # type: ignore[no-any-return]


def _page_opening(bench: Bench, name: str, page_class: type, key: str) -> Figure:
    qt = _qt(bench)
    page = qt.add(page_class)

    def open_trip() -> None:
        page.set_trip(bench.big_trip_id)
        qt.settle()

    def close_trip() -> None:
        page.set_trip(None)
        qt.settle()

    open_trip()  # once untimed: first-use costs (fonts, caches) are start-up's, not opening's
    timing = time_runs(open_trip, bench.runs, before=close_trip)
    figure = Figure(
        name, timing.median * 1000, "ms", 300, "< 300 ms",
        detail=f"set_trip(big trip) and paint, from no trip; {_runs_ms(timing)}",
    )
    figure = _profiled(bench, figure, key, lambda: (close_trip(), open_trip()))
    close_trip()
    return figure


def delegation_page(bench: Bench) -> Figure:
    from planner.ui.pages.delegation import DelegationPage

    return _page_opening(bench, "Open the big trip's delegation page (200 members)", DelegationPage, "delegation_page")


def programme_page(bench: Bench) -> Figure:
    name = "Open the big trip's programme page (5,000 items)"
    from planner.ui.pages import registry

    page_class = next((c for c in registry.PAGE_CLASSES if c.__name__ == "ProgrammePage"), None)
    note = ""
    if page_class is None and PROGRAMME_PAGE_FILE.is_file():
        try:
            from planner.ui.pages.programme import ProgrammePage
        except Exception as error:  # noqa: BLE001 - a page under construction must not stop the other figures
            return Figure(name, None, "ms", 300, "< 300 ms", detail=f"planner/ui/pages/programme.py does not import: {error}")
        page_class, note = ProgrammePage, " (page imported directly: not registered in registry.py yet)"
    if page_class is None:
        return Figure(name, None, "ms", 300, "< 300 ms", detail="there is no programme page yet (planner/ui/pages/programme.py)")
    figure = _page_opening(bench, name, page_class, "programme_page")
    return Figure(**{**_fields(figure), "detail": figure.detail + note})


def people_filter(bench: Bench) -> Figure:
    """Typing "Schm" into the People page's filter, one key at a time; the slowest keystroke counts."""
    from planner.ui.pages.people import PeoplePage

    qt = _qt(bench)
    page = qt.add(PeoplePage)
    word = "Schm"
    per_key: list[list[float]] = [[] for _ in word]
    cpu: list[float] = []  # the GUI thread's processor time per keystroke: what a busy machine adds is not in it

    def clear() -> None:
        page.search.setText("")
        qt.settle()

    def keystroke(text: str) -> Callable[[], None]:
        def press() -> None:
            started = time.thread_time()
            page.search.setText(text)  # what typing does: textChanged → the proxy's set_filter_text
            qt.settle()
            cpu.append(time.thread_time() - started)

        return press

    for _ in range(bench.runs):
        clear()
        for n in range(len(word)):
            per_key[n].extend(time_runs(keystroke(word[: n + 1]), 1).samples)
    first = per_key[0][0]  # the first keystroke after the page was opened: the rows' search keys are made then
    medians = [Timing(tuple(samples)).median for samples in per_key]
    shown = page.proxy.rowCount()
    clear()
    worst = max(medians)
    detail = "median per keystroke: " + ", ".join(f"“{word[: n + 1]}” {m * 1000:.0f} ms" for n, m in enumerate(medians))
    figure = Figure(
        "Filter the 2,000-person table, per keystroke", worst * 1000, "ms", 16, "≤ 16 ms (one frame)", strict=False,
        detail=f"{detail}; “{word}” leaves {shown} rows; the slowest keystroke counts (each: the filter and the "
        f"repaint of the table); the very first keystroke after the page was opened: {first * 1000:.0f} ms; processor "
        f"time of the GUI thread per keystroke: median {Timing(tuple(cpu[1:])).median * 1000:.1f} ms, "
        f"most {max(cpu[1:]) * 1000:.1f} ms",
    )

    def type_word() -> None:
        clear()
        for n in range(len(word)):
            keystroke(word[: n + 1])()

    return _profiled(bench, figure, "people_filter", type_word)


def overview_page(bench: Bench) -> Figure:
    """The big trip's Overview shown, the printout comparison included: the time it takes on the GUI thread.

    On a copy of the database (as the PDF figure), where version 1 has been
    issued to all 200 participants and an item for everyone (a briefing) moved
    since, so the comparison names all of them, each with what changed. The GUI thread's share is set_trip and the
    paint after it (the page saying "Comparing…") plus handling the result and
    the paint after that; the comparison itself runs in the panel's worker
    thread (its wall time, start to result shown, is reported beside).
    """
    from datetime import timedelta

    from planner.db.engine import open_database
    from planner.services import delegation, issuing, programme
    from planner.ui.pages.base import UiContext
    from planner.ui.pages.overview import OverviewPage
    from planner.ui.undo import UndoHistory

    name = "Show the big trip's Overview, printout comparison included, on the GUI thread"
    qt = _qt(bench)
    folder = bench.scratch("overview")
    db = open_database(_copy_database(bench.db_path, folder / "copy.sqlite"), backup=False)
    try:
        trip_id = bench.big_trip_id
        issuing.issue(db, trip_id, issuing.languages_for(delegation.list_members(db, trip_id)))
        item = next(i for i in programme.list_items(db, trip_id) if i.everyone)
        programme.move_item(db, item.id, None, item.start + timedelta(minutes=15))  # type: ignore[arg-type, operator]
        ctx = UiContext(UndoHistory(db, lambda: None), qt.language, qt.settings, lambda: None)
        page = OverviewPage(ctx, qt.tabs)
        qt.tabs.addTab(page, page.page_title())
        qt.tabs.setCurrentWidget(page)
        qt.settle()
        panel = page.printouts
        on_gui: list[float] = []
        whole: list[float] = []
        gui_cpu: list[float] = []  # the GUI thread's processor time for the same: what a busy machine does not inflate

        def show() -> None:
            started, cpu_started = time.perf_counter(), time.thread_time()
            page.set_trip(trip_id)
            qt.settle()
            shown, cpu_shown = time.perf_counter() - started, time.thread_time() - cpu_started
            panel.wait_for_comparison()  # the worker's time: the GUI thread is free meanwhile
            arrived, cpu_arrived = time.perf_counter(), time.thread_time()
            qt.settle()  # the result handled, the list filled in and painted
            while panel.comparing:  # (a result overtaken by another request is dropped; the next one follows)
                panel.wait_for_comparison()
                qt.settle()
            on_gui.append(shown + time.perf_counter() - arrived)
            gui_cpu.append(cpu_shown + time.thread_time() - cpu_arrived)
            whole.append(time.perf_counter() - started)

        def hide() -> None:
            page.set_trip(None)
            qt.settle()

        show()  # once untimed: first-use costs
        hide()
        on_gui.clear()
        whole.clear()
        gui_cpu.clear()
        time_runs(show, bench.runs, before=hide)
        needing = len(panel.people_needing())
        hide()
        qt.tabs.removeTab(qt.tabs.indexOf(page))
        page.deleteLater()
        qt.settle()
    finally:
        db.close()
        shutil.rmtree(folder, ignore_errors=True)
    gui, total = Timing(tuple(on_gui)), Timing(tuple(whole))
    return Figure(
        name, gui.median * 1000, "ms", 50, "≤ 50 ms on the GUI thread", strict=False,
        detail=f"set_trip and paint plus the result filled in and painted; {needing} of the 200 participants named as "
        f"needing a new printout, each with what changed; runs: {', '.join(f'{x * 1000:.0f}' for x in on_gui)} ms; the GUI "
        f"thread's processor time meanwhile {Timing(tuple(gui_cpu)).median * 1000:.0f} ms (median). The comparison in its worker, start to "
        f"result shown: {total.median * 1000:.0f} ms (runs: {', '.join(f'{x * 1000:.0f}' for x in whole)} ms)",
    )


def member_list(bench: Bench) -> Figure:
    """Reading a 2,000-row Excel member list for the import preview, as the Delegation page does: the GUI thread's
    longest stall meanwhile (a timer on it every millisecond; the gaps between its firings).

    The reading and checking run in a worker thread with a progress bar
    (planner.ui.widgets.member_import_dialog.read_member_list); its whole time,
    which the GUI thread used to spend blocked, is reported beside.
    """
    from PySide6.QtCore import QTimer

    from planner.ui.widgets.member_import_dialog import read_member_list

    qt = _qt(bench)
    folder = bench.scratch("members")
    path = folder / "members.xlsx"
    path.write_bytes(_member_workbook(2000))
    stalls: list[float] = []
    totals: list[float] = []
    rows = 0
    for _ in range(bench.runs + 1):  # the first run untimed: openpyxl's import
        fired: list[float] = []
        timer = QTimer()
        timer.setInterval(1)
        timer.timeout.connect(lambda: fired.append(time.perf_counter()))
        gc.collect()
        started = time.perf_counter()
        timer.start()
        preview = read_member_list(None, qt.history, path)
        timer.stop()
        ended = time.perf_counter()
        marks = [started, *fired, ended]
        stalls.append(max(b - a for a, b in zip(marks, marks[1:])))
        totals.append(ended - started)
        rows = len(preview.rows) if preview is not None else 0
    stalls, totals = stalls[1:], totals[1:]
    shutil.rmtree(folder, ignore_errors=True)
    stall, total = Timing(tuple(stalls)), Timing(tuple(totals))
    return Figure(
        "Read a 2,000-row Excel member list: the GUI thread's longest stall meanwhile", stall.median * 1000, "ms", 50,
        "≤ 50 ms (off the GUI thread, with progress)", strict=False,
        detail=f"{rows} rows previewed; longest stall per run: {', '.join(f'{x * 1000:.0f}' for x in stalls)} ms; the "
        f"reading and checking in the worker took {total.median * 1000:.0f} ms (runs: "
        f"{', '.join(f'{x * 1000:.0f}' for x in totals)} ms)",
    )


def _member_workbook(count: int) -> bytes:
    """A member list as a partner office sends it: German headers, dates as date cells, a third Chinese names."""
    import io
    from datetime import date, timedelta

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nachname", "Vorname", "Name (Originalschrift)", "Rolle", "Organisation", "Funktion", "E-Mail", "Pass-Nr.", "Pass gültig bis"])
    for n in range(count):
        chinese = n % 3 == 0
        sheet.append([
            f"Zhang{n}" if chinese else f"Schmidt{n}", f"Wei{n}" if chinese else f"Anna{n}", "张伟" if chinese else "",
            "Mitglied", f"Firma {n % 40}", "Geschäftsführerin", f"person{n}@example.org", f"C{n:08d}",
            date(2030, 1, 1) + timedelta(days=n % 700),
        ])
    for row in sheet.iter_rows(min_row=2, min_col=9, max_col=9):
        for cell in row:
            cell.number_format = "dd.mm.yyyy"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- services and exports -------------------------------------------------------------------------


def planning_checks(bench: Bench) -> Figure:
    """Every check on the big trip from scratch, reading included: what opening the trip costs the Problems panel."""
    from planner.domain.checks import run_checks
    from planner.services.bulk_read import no_collection
    from planner.services.checks import check_trip, load_plan

    found = check_trip(bench.db, bench.big_trip_id)  # once untimed: imports and caches
    cpu: list[float] = []

    def checked() -> None:
        started = time.process_time()
        check_trip(bench.db, bench.big_trip_id)
        cpu.append(time.process_time() - started)

    timing = time_runs(checked, max(bench.runs, 7))
    with bench.db.reading() as session:
        plan = load_plan(session, bench.big_trip_id)

    def checks_only() -> None:
        with no_collection():
            run_checks(plan)

    only = time_runs(checks_only, max(bench.runs, 7))
    floor, values, statements = _driver_floor(bench, lambda session: load_plan(session, bench.big_trip_id))
    figure = Figure(
        "All planning checks on the big trip", timing.median * 1000, "ms", 25, "≤ 25 ms", strict=False,
        detail=f"check_trip, reading included; {len(found)} problems; {_runs_ms(timing)}; the checks alone "
        f"(run_checks on the plan in memory) {only.median * 1000:.0f} ms, so reading takes "
        f"{(timing.median - only.median) * 1000:.0f} ms, of which the database driver alone, handing over the "
        f"{values:,} values of the {statements} queries without any record built, takes {floor * 1000:.1f} ms "
        f"(processor time); CPU time {Timing(tuple(cpu)).median * 1000:.0f} ms (median; "
        "on a shared machine the wall time waits for the others). The Problems panel pays this once per trip, after "
        "the window is painted; after an edit it checks incrementally (next figures)",
    )
    return _profiled(bench, figure, "planning_checks", lambda: check_trip(bench.db, bench.big_trip_id))


def full_check_stall(bench: Bench) -> Figure:
    """The Problems panel checks the big trip in full: the GUI thread's longest stall meanwhile (a timer on it every
    millisecond; the gaps between its firings), from the check's start to its result shown.

    The panel (open, in a shown window of its own) is given the big trip from no trip, as when the trip is chosen:
    the reading and the checks run in the panel's worker thread (planner/ui/widgets/problems_panel.py), the GUI
    thread starts it and shows the result. Beside it: the whole time, start to result shown, and the longest gap
    of the same timer over as long a time with no check running (what the machine's load alone makes of it).
    """
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    from planner.ui.widgets.problems_panel import ProblemsPanel

    qt = _qt(bench)
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    window.resize(1280, 760)
    panel = ProblemsPanel(qt.ctx, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
    window.show()
    panel.set_expanded(True)
    qt.settle()

    def gaps(run: Callable[[QEventLoop], None]) -> tuple[float, float]:
        """The longest gap between the timer's firings while `run` has the loop going, and the whole time."""
        fired: list[float] = []
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(1)
        timer.timeout.connect(lambda: fired.append(time.perf_counter()))
        loop = QEventLoop()
        gc.collect()
        started = time.perf_counter()
        timer.start()
        run(loop)
        ended = time.perf_counter()
        timer.stop()
        marks = [started, *fired, ended]
        return max(b - a for a, b in zip(marks, marks[1:])), ended - started

    def check(loop: QEventLoop) -> None:
        panel.checked.connect(loop.quit)
        panel.set_trip(bench.big_trip_id)
        if panel.checking:
            loop.exec()
        panel.checked.disconnect(loop.quit)

    stalls: list[float] = []
    totals: list[float] = []
    idle: list[float] = []
    for run in range(max(bench.runs, 7) + 1):  # the first untimed: the panel's first check waits for its paint
        panel.set_trip(None)
        qt.settle()
        stall, total = gaps(check)
        if run == 0:
            continue
        stalls.append(stall)
        totals.append(total)

        def quiet(loop: QEventLoop, ms: int = max(1, round(total * 1000))) -> None:
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        idle.append(gaps(quiet)[0])
    problems = panel.model.rowCount()
    panel.set_trip(None)
    window.close()
    window.deleteLater()
    qt.settle()
    stall_t, total_t, idle_t = Timing(tuple(stalls)), Timing(tuple(totals)), Timing(tuple(idle))
    return Figure(
        "The Problems panel checks the big trip in full: the GUI thread's longest stall meanwhile",
        stall_t.median * 1000, "ms", 16, "≤ 16 ms (one frame)", strict=False,
        detail=f"ProblemsPanel.set_trip(big trip) from no trip, open in a shown window, until the result is shown "
        f"({problems} problems); longest stall per run: {', '.join(f'{x * 1000:.1f}' for x in stalls)} ms; start to "
        f"result shown {total_t.median * 1000:.0f} ms (runs: {', '.join(f'{x * 1000:.0f}' for x in totals)} ms); the "
        f"same timer with no check running, as long: longest gap {idle_t.median * 1000:.1f} ms (median)",
    )


def _driver_floor(bench: Bench, read: Callable[[Any], object]) -> tuple[float, int, int]:
    """What the database driver alone takes for the queries `read` runs: the floor of any reading in Python.

    The statements are recorded as SQLAlchemy sends them, then run again on the
    driver's own connection and fetched into its plain tuples, nothing else:
    no SQLAlchemy, no record. Returns the median processor time of all of them
    together, the number of values fetched and of queries.
    """
    from sqlalchemy import event

    from planner.services.bulk_read import no_collection

    engine = bench.db.engine
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        with bench.db.reading() as session:
            read(session)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    raw = engine.raw_connection()
    try:
        values = 0
        for statement, parameters in sent:
            rows = raw.cursor().execute(statement, parameters).fetchall()
            values += len(rows) * (len(rows[0]) if rows else 0)
        times = []
        for _ in range(max(bench.runs, 7)):
            with no_collection():  # as the reading itself runs: 130,000 new objects would start collections
                started = time.process_time()
                for statement, parameters in sent:
                    raw.cursor().execute(statement, parameters).fetchall()
                times.append(time.process_time() - started)
    finally:
        raw.close()
    return Timing(tuple(times)).median, values, len(sent)


def _edit_copy(bench: Bench) -> tuple[Any, list[Any]]:
    """A copy of the big database to edit (the edits must not reach the data the later figures read), and the big trip's items."""
    from planner.db.engine import open_database
    from planner.services.programme import list_items

    folder = bench.scratch("edits")
    db = open_database(_copy_database(bench.db_path, folder / "edits.sqlite"), backup=False)
    return db, list_items(db, bench.big_trip_id)


def incremental_checks(bench: Bench) -> Figure:
    """After an item's move, the checks of the kept trip brought up to date: the one item read, checked where it happened."""
    import random
    from datetime import timedelta

    from planner.services import programme
    from planner.services.check_session import TripChecks
    from planner.services.checks import check_trip

    db, items = _edit_copy(bench)
    checks = TripChecks(db, bench.big_trip_id)
    rng = random.Random(22)
    teams = [i for i in items if not i.everyone]
    common = [i for i in items if i.everyone]
    samples: dict[str, list[float]] = {"team": [], "everyone": []}
    cpu: dict[str, list[float]] = {"team": [], "everyone": []}
    for kind, pool, runs in (("team", teams, max(bench.runs, 7) * 3), ("everyone", common, max(bench.runs, 7))):
        for _ in range(runs):
            item = pool[rng.randrange(len(pool))]
            delta = timedelta(minutes=15 * rng.choice((-2, -1, 1, 2)))
            programme.move_item(db, item.id, None, item.start + delta)  # untimed: the edit itself
            gc.collect()
            started, cpu_started = time.perf_counter(), time.process_time()
            checks.item_changed(item.id)
            samples[kind].append(time.perf_counter() - started)
            cpu[kind].append(time.process_time() - cpu_started)
    same = checks.problems() == check_trip(db, bench.big_trip_id)
    db.close()
    team, everyone = Timing(tuple(samples["team"])), Timing(tuple(samples["everyone"]))
    return Figure(
        "Planning checks after an item's move on the big trip (incremental)", team.median * 1000, "ms", 5, "≤ 5 ms",
        strict=False,
        detail=f"TripChecks.item_changed after programme.move_item of a random team item by ±15–30 min, reading the "
        f"item included; median of {len(team.samples)} moves (slowest {max(team.samples) * 1000:.1f} ms); an item "
        f"for everyone (on all 200 timelines): {everyone.median * 1000:.1f} ms; the result equal to a full "
        f"check_trip afterwards: {'yes' if same else 'NO'}; CPU time per team item's move "
        f"{Timing(tuple(cpu['team'])).median * 1000:.1f} ms (median)",
    )


def edit_latency(bench: Bench) -> Figure:
    """A move of an item through the window, until the Programme page and the Problems panel are repainted.

    The main window on a copy of the big database, the big trip selected,
    its Programme page in front and the Problems panel open; the move goes
    through the page's undoable edit (as a drag in the agenda does), and
    events are processed until both the page and the panel have painted.
    """
    import random
    from datetime import timedelta

    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from planner.ui.language import LanguageController
    from planner.ui.main_window import MainWindow
    from planner.ui.pages.programme import ProgrammePage

    qt = _qt(bench)
    db, items = _edit_copy(bench)
    settings = QSettings(str(bench.work / "edit-settings.ini"), QSettings.Format.IniFormat)
    language = LanguageController(settings)
    language.set_language("en")
    window = MainWindow(db, language, settings)
    window.resize(1400, 900)
    window.show()
    window.refresh(bench.big_trip_id)
    page = next(p for p in window.trip_pages if isinstance(p, ProgrammePage))
    window.trip_tabs.setCurrentWidget(page)
    window.problems.set_expanded(True)
    deadline = time.perf_counter() + 30
    while not (window.problems._checked_once and window.problems.view.isEnabled()) and time.perf_counter() < deadline:
        qt.app.processEvents()
        time.sleep(0.01)
    qt.settle()

    painted: dict[str, float] = {}

    def inside(widget: QWidget, ancestor: QWidget) -> bool:
        return widget is ancestor or ancestor.isAncestorOf(widget)

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                now = time.perf_counter()
                if "page" not in painted and inside(watched, page):
                    painted["page"] = now
                elif "problems" not in painted and inside(watched, window.problems):
                    painted["problems"] = now
            return False

    watch = Watch()
    QApplication.instance().installEventFilter(watch)  # type: ignore[union-attr]
    rng = random.Random(22)
    teams = [i for i in items if not i.everyone]
    samples: list[float] = []
    cpu: list[float] = []
    refused = 0
    for _ in range(max(bench.runs, 7) * 2):
        item = page.model.item_by_id(teams[rng.randrange(len(teams))].id)
        if item is None or item.start is None:
            continue
        delta = timedelta(minutes=15 * rng.choice((-2, -1, 1, 2)))
        gc.collect()
        painted.clear()
        started, cpu_started = time.perf_counter(), time.process_time()
        if page.move_item(item.id, item.start + delta) is None:
            refused += 1
            continue
        while len(painted) < 2 and time.perf_counter() - started < 5:
            qt.app.processEvents()
        if len(painted) == 2:
            samples.append(max(painted.values()) - started)
            cpu.append(time.process_time() - cpu_started)
    QApplication.instance().removeEventFilter(watch)  # type: ignore[union-attr]
    shown = window.problems.model.rowCount()
    window.close()
    window.deleteLater()
    qt.settle()
    language.detach()
    db.close()
    if not samples:
        return Figure("An item's move on the big trip until page and Problems panel are repainted", None, "ms", 50, "≤ 50 ms",
                      strict=False, detail=f"no move was painted ({refused} refused)")
    timing = Timing(tuple(samples))
    return Figure(
        "An item's move on the big trip until page and Problems panel are repainted", timing.median * 1000, "ms", 50,
        "≤ 50 ms", strict=False,
        detail=f"MainWindow on a copy of the big database, Programme page in front (agenda), Problems panel open "
        f"({shown} problems); ProgrammePage.move_item of a random team item by ±15–30 min (the agenda's drag, "
        f"undoable), timed until both have painted; {_runs_ms(timing)}; CPU time of this process per move "
        f"{Timing(tuple(cpu)).median * 1000:.0f} ms (median; on a shared machine the wall time waits for the others)",
    )


def personal_pdfs(bench: Bench) -> Figure:
    """The batch export as the Export dialog runs it, each run on its own copy of the database.

    An export issues a version of the itineraries and records it with the
    trip (planner.services.issuing): run on the shared database, the runs
    would pile issued versions into the data the later figures (trip file,
    memory) measure, which the benchmark's data does not have.
    """
    from planner.db.engine import open_database
    from planner.export.pdf.batch import export_personal_pdfs

    folders: list[Path] = []
    databases: list[Any] = []
    written: list[int] = []
    cpu: list[float] = []

    def fresh() -> None:
        folders.append(bench.scratch("pdfs"))
        databases.append(open_database(_copy_database(bench.db_path, folders[-1] / "copy.sqlite"), backup=False))

    def export() -> None:
        started = _cpu_with_children()
        written.append(len(export_personal_pdfs(databases[-1], bench.big_trip_id, folders[-1] / "out", workers=2, issue=True)))
        cpu.append(_cpu_with_children() - started)  # the workers are ended and waited for by now, so counted

    timing = time_runs(export, bench.heavy_runs, before=fresh)
    sizes = sorted(p.stat().st_size for p in (folders[-1] / "out").glob("*.pdf"))
    for db in databases:
        db.close()
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    figure = Figure(
        "200 personal PDF itineraries (2 worker processes)", timing.median, "s", 8, "≤ 8 s in all", strict=False,
        detail=f"{min(written)} files per run, {sizes[0] // 1024}–{sizes[-1] // 1024} KB each, the issued version "
        f"recorded (each run on a fresh copy of the database); {_runs_s(timing)}; processor time of this process "
        f"and its workers together {Timing(tuple(cpu)).median:.2f} s (median; runs: {', '.join(f'{c:.2f}' for c in cpu)} s), "
        f"what two cores must do whatever the machine's load",
    )
    return _profiled(bench, figure, "personal_pdfs", _some_itineraries(bench))


def _cpu_with_children() -> float:
    """Processor seconds (user and system) of this process and of its children that have ended."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of an SQLite database (through SQLite's backup, so the write-ahead log is included)."""
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def _some_itineraries(bench: Bench) -> Callable[[], object]:
    """Ten itineraries in this process, one after the other: what each worker does (the workers cannot be profiled here),
    given the QR codes as the batch hands them over."""
    from datetime import date

    from planner.export.pdf import qr
    from planner.export.pdf.fonts import register_fonts
    from planner.export.pdf.personal import map_codes, personal_document
    from planner.export.tripview import TripView

    def make() -> None:
        register_fonts()
        view = TripView.load(bench.db, bench.big_trip_id)
        for member in view.members[:10]:
            qr.share(map_codes(view, member.id))
            personal_document(view, member.id, issued=date.today())

    return make


def demo_pdf_size(bench: Bench) -> Figure:
    """The largest personal PDF of any participant of the demo trips (a stricter figure than one participant's)."""
    from planner.db.engine import open_database
    from planner.export.pdf.batch import export_personal_pdfs
    from planner.importing.demo import load_demo

    folder = bench.scratch("demo")
    db = open_database(folder / "demo.sqlite", backup=False)
    try:
        changes = load_demo(db)
        paths: list[Path] = []
        for change in changes:
            paths += export_personal_pdfs(db, change.id, folder / f"trip-{change.id}", workers=2, issue=True)
    finally:
        db.close()
    largest = max(paths, key=lambda p: p.stat().st_size)
    size_kb = largest.stat().st_size / 1024
    smallest = min(p.stat().st_size for p in paths) / 1024
    shutil.rmtree(folder, ignore_errors=True)
    return Figure(
        "Personal PDF of a demo participant", size_kb, "KB", 300, "< 300 KB",
        detail=f"the largest of {len(paths)} demo itineraries ({largest.name}); the smallest is {smallest:.0f} KB",
    )


def trip_export(bench: Bench) -> Figure:
    from planner.export.tripfile import write_trip_file

    folder = bench.scratch("export")
    target = folder / "big-trip.json"
    timing = time_runs(lambda: write_trip_file(bench.db, bench.big_trip_id, target), bench.runs)
    size_mb = target.stat().st_size / 1024 / 1024
    figure = Figure(
        "Export the big trip as a trip file", timing.median, "s", 2, "< 2 s",
        detail=f"{size_mb:.1f} MB; {_runs_s(timing)}",
    )
    figure = _profiled(bench, figure, "trip_export", lambda: write_trip_file(bench.db, bench.big_trip_id, target))
    bench.trip_file = target
    return figure


def trip_import(bench: Bench) -> Figure:
    from planner.db.engine import open_database
    from planner.export.tripfile import write_trip_file
    from planner.importing.tripfile import import_trip_file

    source = bench.trip_file
    if source is None or not source.is_file():
        source = bench.scratch("export") / "big-trip.json"
        write_trip_file(bench.db, bench.big_trip_id, source)
    databases: list[Any] = []
    folder = bench.scratch("import")

    def empty_database() -> None:
        databases.append(open_database(folder / f"empty-{len(databases)}.sqlite", backup=False))

    def import_once() -> None:
        import_trip_file(databases[-1], source)

    timing = time_runs(import_once, bench.heavy_runs, before=empty_database)
    figure = Figure(
        "Import the big trip's file into an empty database", timing.median, "s", 2, "< 2 s",
        detail=f"checked in full and written in one transaction; {_runs_s(timing)}",
    )

    def profile_once() -> None:
        empty_database()
        import_once()

    figure = _profiled(bench, figure, "trip_import", profile_once)
    for db in databases:
        db.close()
    shutil.rmtree(folder, ignore_errors=True)
    return figure


# --- child processes ------------------------------------------------------------------------------


def startup(bench: Bench) -> Figure:
    """The planner's start to its window showing the user's trips against a bare PySide6 window, alternating.

    The target is the window painted with the trip list filled from the
    database (planner.db.trip_list reads it for the first paint; the pages
    say they are opening). Measured in the same alternation and reported
    beside it: the first paint of the window at all, and the first paint with
    everything built (the database open through the services, the pages there).
    """
    home = bench.scratch("home")
    env = probe_environment(home)
    args = [str(bench.db_path)]
    name = "Start-up to the window showing the user's trips (list filled), against a bare PySide6 window"
    try:
        run_probe(probes.BARE_WINDOW, env=env)  # warm-up, untimed: disk caches, the daily backup, the bytecode cache
        run_probe(probes.PLANNER_READY, args, env=env)
        bare: list[float] = []
        first: list[float] = []
        filled: list[float] = []
        ready: list[float] = []
        for _ in range(bench.runs):
            bare.append(run_probe(probes.BARE_WINDOW, env=env).seconds)
            filled.append(run_probe(probes.PLANNER_FILLED, args, env=env).seconds)
            first.append(run_probe(probes.PLANNER_WINDOW, args, env=env).seconds)
            ready.append(run_probe(probes.PLANNER_READY, args, env=env).seconds)
    except ProbeError as error:
        return Figure(name, None, "×", 3, "≤ 3 × bare window", strict=False, detail=str(error))
    b, p, f, r = (Timing(tuple(x)).median for x in (bare, first, filled, ready))

    def runs(samples: list[float]) -> str:
        return ", ".join(f"{s * 1000:.0f}" for s in samples)

    figure = Figure(
        name, f / b, "×", 3, "≤ 3 × bare window", strict=False,
        detail=f"the trips listed after {f * 1000:.0f} ms, bare window {b * 1000:.0f} ms (medians of {bench.runs} "
        f"alternating runs; runs: {runs(filled)} ms; bare: {runs(bare)} ms). Beside it, no target: the window's first "
        f"paint at all {p * 1000:.0f} ms ({p / b:.2f} × bare); everything built (database open through the services, "
        f"pages there, first trip shown) {r * 1000:.0f} ms ({r / b:.2f} × bare; runs: {runs(ready)} ms)",
    )
    if figure.ok is False:
        profile = profile_probe(probes.PLANNER_FILLED, args, env, bench.profiles / "startup.txt")
        figure = Figure(**{**_fields(figure), "profile": profile})
    return figure


def peak_memory(bench: Bench) -> Figure:
    home = bench.scratch("memory-home")
    env = probe_environment(home)
    name = "Peak memory with the big trip open (programme page shown)"
    samples: list[float] = []
    payload: dict[str, Any] = {}
    try:
        for _ in range(bench.heavy_runs):
            result = run_probe(probes.PLANNER_MEMORY, [str(bench.db_path), str(bench.big_trip_id)], env=env)
            payload = result.payload
            samples.append(payload["peak_kb"] / 1024)
    except ProbeError as error:
        return Figure(name, None, "MB", 400, "< 400 MB", detail=str(error))
    if payload.get("trip") != bench.big_trip_id:
        return Figure(name, None, "MB", 400, "< 400 MB", detail=f"the window did not show the big trip: {payload}")
    if payload.get("programme_items") is None:
        how = "without a programme page (there is none yet)"
    else:
        how = f"programme page shown with {payload['programme_items']} items"
        if payload.get("programme_added"):
            how += " (page added by the probe: not registered yet)"
    return Figure(
        name, Timing(tuple(samples)).median, "MB", 400, "< 400 MB",
        detail=f"peak RSS of the app process (ru_maxrss), {how}; runs: {', '.join(f'{s:.0f}' for s in samples)} MB",
    )


def bundle(bench: Bench) -> Figure:
    """The installable bundle (`make dist`) beside the venv: its size on disk, and a whole start of each
    until the window shows the trip list (timed from outside, spawn to exit, alternating runs).

    Measured only where the bundle has been built (build/dist/delegation-planner); no target of its
    own: the figure says what an installed copy costs against `make run`.
    """
    folder = Path(__file__).resolve().parents[1] / "build" / "dist" / "delegation-planner"
    name = "Bundle: size on disk, and start to the filled window against the venv"
    if not (folder / "delegation-planner").exists():
        return Figure(name, None, "MB", 400, "(informational)", strict=False, detail="not built: run `make dist` first")
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1_000_000
    env = {**probe_environment(bench.scratch("bundle-home")), "PLANNER_QUIT_WHEN_FILLED": "1"}
    main_py = Path(__file__).resolve().parents[1] / "main.py"
    commands = {"venv": [sys.executable, str(main_py)], "bundle": [str(folder / "delegation-planner")]}
    times: dict[str, list[float]] = {"venv": [], "bundle": []}
    for run in range(bench.runs + 1):
        for kind, command in commands.items():
            started = time.perf_counter()
            subprocess.run([*command, "--db", str(bench.db_path)], env=env, capture_output=True, timeout=120, check=True)
            if run:  # the first round warms the disk caches
                times[kind].append(time.perf_counter() - started)
    venv, built = Timing(tuple(times["venv"])).median, Timing(tuple(times["bundle"])).median
    return Figure(
        name, size, "MB", 400, "(informational)", strict=False,
        detail=f"{size:.0f} MB on disk; start to the filled window, process spawn to exit: bundle {built * 1000:.0f} ms, "
        f"venv {venv * 1000:.0f} ms (medians of {bench.runs} alternating runs)",
    )


#: The figures in the order of the results table.
FIGURES: tuple[Callable[[Bench], Figure], ...] = (
    startup,
    programme_page,
    delegation_page,
    overview_page,
    people_filter,
    member_list,
    planning_checks,
    full_check_stall,
    incremental_checks,
    edit_latency,
    personal_pdfs,
    demo_pdf_size,
    trip_export,
    trip_import,
    peak_memory,
    bundle,
)

