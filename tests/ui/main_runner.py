"""Runs the app's main() in a process of its own, for tests/ui/test_app.py.

Why a process: main() runs app.exec() and quits it; in the test process that
left Qt's quit flag and timers stalled for every later test (timed QTimers did
not fire, queued signals of worker threads were not delivered). Here the event
loop runs and ends in a child; the test reads what it saw as one line of JSON.

    python -m tests.ui.main_runner '{"home": ..., "argv": [...], "scenario": ...}'

`home` holds the user's data folder (XDG_DATA_HOME, set by the caller) and the
settings (`home`/config, INI); `scenario` names the stand-ins for the dialogs a
user would answer and the records the test looks at.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from planner import i18n  # noqa: E402
from planner.ui import app as app_module  # noqa: E402
from planner.ui import demo_loader  # noqa: E402
from planner.ui.main_window import LAST_DATABASE_KEY, MainWindow  # noqa: E402
from planner.ui.widgets.crash_dialog import CrashDialog  # noqa: E402


def run(spec: dict[str, Any]) -> dict[str, Any]:
    home = Path(spec["home"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))
    result: dict[str, Any] = {"errors": [], "seen": None, "seeded": []}
    # What the user is shown: error messages and the crash dialog's message (never left waiting for a click).
    setattr(QMessageBox, "critical", lambda _parent, _title, text, *_a: result["errors"].append(text))
    setattr(CrashDialog, "exec", lambda self: result["errors"].append(self.message.text()) or 0)
    scenario = spec.get("scenario", "")
    if scenario == "record_demo":
        def record(db: Any) -> bool:
            result["seeded"].append([str(db.path), db.created])
            return True

        setattr(demo_loader, "load_demo", record)
    elif scenario == "broken_demo":
        def broken(_db: Any) -> bool:
            raise KeyError("trip")

        setattr(demo_loader, "load_demo", broken)
    elif scenario == "restore_offered":
        offered: list[str] = result.setdefault("offered", [])

        def restore_clicked(box: QMessageBox) -> int:
            offered.append(box.text())
            next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
            return 0

        setattr(QMessageBox, "exec", restore_clicked)

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and not windows[0].is_open:
            QTimer.singleShot(10, look)  # drawn, still opening: the database is opened right after the first paint
            return
        if windows:
            window = windows[0]
            from planner.services import people

            result["seen"] = {
                "title": window.windowTitle(),
                "language": i18n.current_language(),
                "font": QApplication.font().families(),
                "people": [p.family_name for p in people.list_people(window.db)],
            }
            window.close()
        QApplication.quit()

    QTimer.singleShot(0, look)
    result["code"] = app_module.main(spec["argv"])
    result["last_database"] = QSettings().value(LAST_DATABASE_KEY)
    return result


if __name__ == "__main__":
    outcome = run(json.loads(sys.argv[1]))
    sys.stdout.write("\n" + json.dumps(outcome) + "\n")
    sys.stdout.flush()
    os._exit(0)  # the verdict is written; nothing in Qt's teardown may change it
