"""The programs the benchmark runs in child processes (`python -c …`), as source text.

Each prints harness.DONE_MARKER and a JSON payload when it reached the moment
being measured. "Painted" means: the first paint event of the window has been
handled (a zero-delay timer started from within it fires once the paint is
done). Both start-up probes watch with the same application-wide event filter,
so the comparison is fair.
"""

from __future__ import annotations

from bench.harness import DONE_MARKER

_WATCH_FIRST_PAINT = f'''
import json, sys, time
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([sys.argv[0]])


class FirstPaint(QObject):
    """Notes the moment the first paint of a top-level widget of `kind` is done; then calls `then` once.

    The paint of a window is one pass over its widgets; an event posted at its
    first paint event is handled right after that pass, before any timer. So
    timers the app started earlier (a check deferred until the window shows)
    do not count as start-up, and the whole paint does. With `ready`, only a
    paint of a window for which ready(window) holds counts (e.g. its trip list
    filled).
    """

    def __init__(self, kind, then, ready=None):
        super().__init__()
        self.kind, self.then, self.ready, self.seen, self.at = kind, then, ready, False, None

    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            kind = self.kind() if callable(self.kind) and not isinstance(self.kind, type) else self.kind
            window = watched.window()
            if kind is not None and isinstance(window, kind) and (self.ready is None or self.ready(window)):
                self.seen = True
                QCoreApplication.postEvent(self, QEvent(QEvent.Type.User), Qt.EventPriority.HighEventPriority.value)
        return False

    def customEvent(self, event):
        if event.type() == QEvent.Type.User and self.at is None:
            self.at = time.time()
            QTimer.singleShot(0, self.then)


def done(**payload):
    print({DONE_MARKER!r} + json.dumps(payload), flush=True)
'''

#: A bare PySide6 window: one label, shown, painted once, then quit.
BARE_WINDOW = _WATCH_FIRST_PAINT + '''
from PySide6.QtWidgets import QLabel

def finish():
    done(painted_at=watcher.at)
    app.quit()

watcher = FirstPaint(QLabel, finish)
app.installEventFilter(watcher)
label = QLabel("Delegation planner")
label.resize(400, 120)
label.show()
sys.exit(app.exec())
'''

_MAIN_WINDOW = '''
def main_window_class():
    module = sys.modules.get("planner.ui.main_window")
    return getattr(module, "MainWindow", None)

def filled(window):
    """The window shows the user's trips: the trip list has the database's rows (the pages may still be opening)."""
    shows = getattr(window, "shows_trips", None)
    if shows is None:  # a planner from before the list was shown first
        return getattr(window, "is_open", True) and window.model.rowCount() > 0
    return shows

def ready(window):
    """The window is all there: the database open through the services, the pages built, the trip list filled."""
    return getattr(window, "is_open", True) and filled(window)
'''

#: The planner as `delegation-planner --db PATH` starts it (planner.ui.app.main), quit after the first paint
#: of its main window (which at first says which database it is opening).
PLANNER_WINDOW = _WATCH_FIRST_PAINT + _MAIN_WINDOW + '''
def finish():
    done(painted_at=watcher.at)
    app.quit()

watcher = FirstPaint(main_window_class, finish)
app.installEventFilter(watcher)
from planner.ui.app import main
sys.exit(main(["--db", sys.argv[1]]))
'''

#: The same start, quit after the first paint of the main window showing the user's trips (the trip list filled
#: from the database; the pages may still say they are opening).
PLANNER_FILLED = _WATCH_FIRST_PAINT + _MAIN_WINDOW + '''
def finish():
    done(painted_at=watcher.at)
    app.quit()

watcher = FirstPaint(main_window_class, finish, ready=filled)
app.installEventFilter(watcher)
from planner.ui.app import main
sys.exit(main(["--db", sys.argv[1]]))
'''

#: The same start, quit after the first paint of the main window with everything built (database open, pages there).
PLANNER_READY = _WATCH_FIRST_PAINT + _MAIN_WINDOW + '''
def finish():
    done(painted_at=watcher.at)
    app.quit()

watcher = FirstPaint(main_window_class, finish, ready=ready)
app.installEventFilter(watcher)
from planner.ui.app import main
sys.exit(main(["--db", sys.argv[1]]))
'''

#: The planner on the big trip with its programme page in front; reports the process's peak memory.
#: If the programme page is not among the window's pages yet, it is added to them for this probe.
PLANNER_MEMORY = _WATCH_FIRST_PAINT + _MAIN_WINDOW + '''
import resource
from pathlib import Path

trip_id = int(sys.argv[2])
added = False
programme_file = Path(__import__("planner").__file__).parent / "ui" / "pages" / "programme.py"
if programme_file.is_file():
    from planner.ui.pages import registry
    from planner.ui.pages.programme import ProgrammePage
    if ProgrammePage not in registry.PAGE_CLASSES:
        registry.PAGE_CLASSES = (*registry.PAGE_CLASSES, ProgrammePage)
        added = True
else:
    ProgrammePage = None

def settle(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)

def finish():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, main_window_class()))
    window.navigator.search.clear()
    window.navigator.select_trip(trip_id)
    settle(0.5)
    shown = None
    if ProgrammePage is not None:
        page = next(p for p in window.trip_pages if isinstance(p, ProgrammePage))
        window.trip_tabs.setCurrentWidget(page)
        settle(0.5)
        page.repaint()
        shown = page.model.rowCount()
    settle(1.0)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    done(peak_kb=peak_kb, trip=window._current_trip_id, programme_items=shown, programme_added=added)
    app.quit()

watcher = FirstPaint(main_window_class, finish, ready=ready)  # the database open, the trip list filled
app.installEventFilter(watcher)
from planner.ui.app import main
sys.exit(main(["--db", sys.argv[1]]))
'''
