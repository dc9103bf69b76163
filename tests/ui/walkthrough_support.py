"""A user at the window, counted: every click, key chord and typed field is one action.

The walkthrough tests (test_walkthrough.py) drive the real MainWindow the way
a planner does, and this driver keeps the count that issue 15 measures: each
click (a double-click too), each key chord (Tab, Return, Ctrl+V …) and each
field typed as a whole counts one. What happens outside the planner (copying
names in a mail program) is counted with `outside`.

Modal dialogs run their own event loop, which a test cannot step through, so
the driver replaces QDialog.exec and QMessageBox.exec: a dialog the window
opens is shown and handed to the script the test registered for it with
`expect`, which works it with the same counted actions; exec then returns as
the real one would (after waiting, if the script started something that
finishes later, such as writing PDFs in the background).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QMessageBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QTimeEdit,
    QWidget,
)

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
Script = Callable[[Any], None]


@dataclass
class Step:
    what: str
    actions: int


@dataclass
class Walkthrough:
    """Counts the user's actions while driving the window; `log` says what each was."""

    qtbot: Any
    keyboard_only: bool = False
    actions: int = 0
    log: list[Step] = field(default_factory=list)
    _expected: list[tuple[type, Script, int]] = field(default_factory=list)
    #: What went wrong inside a dialog's script: raised at the next action, since Qt swallows it in the slot.
    failure: BaseException | None = None

    def install(self, monkeypatch: pytest.MonkeyPatch) -> Walkthrough:
        """Route every modal dialog through `expect`ed scripts (see the module docstring)."""
        def exec_(dialog: QDialog) -> int:  # a plain function: Qt calls it as the dialog's method
            return self._exec(dialog)

        monkeypatch.setattr(QDialog, "exec", exec_)
        monkeypatch.setattr(QMessageBox, "exec", exec_)
        return self

    # --- counting ----------------------------------------------------------------------------

    def count(self, what: str, actions: int = 1) -> None:
        QApplication.processEvents()  # what the action queued happens before the user's next one, as it would
        self.check()
        self.actions += actions
        self.log.append(Step(what, actions))

    def outside(self, what: str, actions: int = 1) -> None:
        """Something the user does in another program (copying names from a mail)."""
        self.count(what, actions)

    def check(self) -> None:
        if self.failure is not None:
            failure, self.failure = self.failure, None
            raise failure

    def report(self) -> str:
        lines = [f"{step.actions:3d}  {step.what}" for step in self.log]
        return "\n".join([*lines, f"{self.actions:3d}  in all"])

    # --- mouse -------------------------------------------------------------------------------

    def click(self, widget: QWidget, what: str = "", pos: QPoint | None = None) -> None:
        assert not self.keyboard_only, f"a mouse click on {what or widget} in a keyboard-only walk"
        assert widget.isVisible() and widget.isEnabled(), f"{what or widget} cannot be clicked"
        self.count(f"click {what or _name(widget)}")  # noted first: a dialog it opens logs its own steps after it
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, NO_MODIFIER, pos if pos is not None else _aim(widget))
        QApplication.processEvents()

    def button(self, button: QAbstractButton, what: str = "") -> None:
        self.click(button, what or button.text().replace("&", ""))

    def tab(self, bar: QTabBar, title: str) -> None:
        """Click the tab captioned `title`."""
        index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == title)
        self.click(bar, f"tab {title}", bar.tabRect(index).center())

    def double_click_row(self, view: QAbstractItemView, row: int, what: str) -> None:
        assert not self.keyboard_only
        index = view.model().index(row, 0)
        view.scrollTo(index)
        point = view.visualRect(index).center()
        # A double-click is a press and release, then a second press as a double-click, as the window system sends it.
        self.count(f"double-click {what}")
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NO_MODIFIER, point)
        self.qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, NO_MODIFIER, point)
        QApplication.processEvents()

    def click_row(self, view: QAbstractItemView, row: int, what: str, column: int = 0) -> None:
        index = view.model().index(row, column)
        view.scrollTo(index)
        self.click(view.viewport(), what, view.visualRect(index).center())

    def tick(self, view: QAbstractItemView, row: int, what: str) -> None:
        """Click the check box of a list row (its indicator, left in the row)."""
        index = view.model().index(row, 0)
        view.scrollTo(index)
        rect = view.visualRect(index)
        self.click(view.viewport(), f"tick {what}", QPoint(rect.left() + rect.height() // 2, rect.center().y()))

    def choose(self, combo: QComboBox, text: str, what: str = "") -> None:
        """Open the list (one click on the arrow) and click the entry that contains `text` (one more)."""
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        arrow = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, combo)
        self.click(combo, f"open {what or 'list'}", arrow.center())
        view = combo.view()
        self.qtbot.waitUntil(view.isVisible, timeout=2000)
        # The open list ignores a release within a double-click's time of opening (a press-drag-release choice).
        self.qtbot.wait(QApplication.doubleClickInterval() + 20)
        row = next((i for i in range(combo.count()) if text in combo.itemText(i)), -1)
        assert row >= 0, f"no “{text}” in {[combo.itemText(i) for i in range(combo.count())]}"
        index = view.model().index(row, combo.modelColumn())
        view.scrollTo(index)
        point = view.visualRect(index).center()
        self.qtbot.mouseMove(view.viewport(), point)  # the list follows the pointer; the release picks what is under it
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NO_MODIFIER, point)
        self.count(f"choose {text}")
        assert combo.currentIndex() == row, f"“{text}” was not chosen"

    # --- keyboard ----------------------------------------------------------------------------

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER, what: str = "", widget: QWidget | None = None) -> None:
        """One key chord, sent where the focus is (or to `widget`)."""
        target = widget or QApplication.focusWidget()
        assert target is not None, "no widget has the focus"
        self.count(what or f"key {_chord(key, modifier)}")
        self.qtbot.keyClick(target, key, modifier)
        QApplication.processEvents()

    def type(self, text: str, what: str = "", widget: QWidget | None = None, *, replacing: bool = False) -> None:
        """Type a whole field where the focus is (or into `widget`, clicked first if it has not the focus).

        `replacing`: the field holds text already, which the click selects (a
        triple-click, one gesture) so that the typing replaces it.
        """
        if widget is not None and not widget.hasFocus():
            self.click(widget, f"into {what or _name(widget)}" + (" (selecting its text)" if replacing else ""))
        if replacing and isinstance(widget, QLineEdit):
            widget.selectAll()
        target = QApplication.focusWidget()
        assert target is not None, "no widget has the focus"
        type_text(self.qtbot, target, text)
        self.count(f"type {what or repr(text)}")

    def type_date(self, edit: QDateEdit, day: date, what: str) -> None:
        """Type a date into a date field (clicked first if it has not the focus); see `_enter`."""
        self._enter(edit, what, lambda: edit.setDate(QDate(day.year, day.month, day.day)))
        assert edit.date().toPython() == day

    def type_time(self, edit: QTimeEdit, hh_mm: str, what: str) -> None:
        hours, minutes = (int(part) for part in hh_mm.split(":"))
        self._enter(edit, what, lambda: edit.setTime(QTime(hours, minutes)))

    def _enter(self, edit: QAbstractSpinBox, what: str, value: Callable[[], None]) -> None:
        """One typed date or time field.

        QTest cannot type across the sections of a date or time field (on the
        offscreen platform a typed separator does not move on to the next
        section), so the value is put in as the field reads typed text, and
        counted as the one typed field it is for the user. Typing leaves the
        cursor in the last section (the year, the minutes), so Tab goes on to
        the next field from there, as it does after real typing.
        """
        if not edit.hasFocus():
            self.click(edit, f"into {what}")
        assert QApplication.focusWidget() is edit
        value()
        if isinstance(edit, QDateTimeEdit):
            edit.setCurrentSectionIndex(edit.sectionCount() - 1)
        self.count(f"type {what}")

    # --- dialogs -----------------------------------------------------------------------------

    def expect(self, kind: type, script: Script, wait_ms: int = 3000) -> None:
        """The next dialog the window opens is a `kind`; `script` works it (and closes it, or starts what does, within `wait_ms`)."""
        self._expected.append((kind, script, wait_ms))

    def _exec(self, dialog: QDialog) -> int:
        assert self._expected, f"unexpected dialog {type(dialog).__name__}: {dialog.windowTitle()}"
        kind, script, wait_ms = self._expected.pop(0)
        assert isinstance(dialog, kind), f"expected a {kind.__name__}, got {type(dialog).__name__}"
        before = QApplication.activeWindow()
        dialog.show()
        activate(self.qtbot, dialog)
        try:
            script(dialog)
        except BaseException as error:  # noqa: BLE001 - handed to the test at its next step
            self.failure = self.failure or error
            dialog.reject()
        if dialog.isVisible():
            try:
                self.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=wait_ms)
            except Exception as error:  # noqa: BLE001 - handed to the test at its next step
                self.failure = self.failure or AssertionError(f"{type(dialog).__name__} “{dialog.windowTitle()}” did not close: {error}")
                dialog.reject()
        if before is not None:  # as the window system does when a dialog closes
            activate(self.qtbot, before)
        return dialog.result()

    def done(self) -> None:
        QApplication.processEvents()
        self.check()
        assert not self._expected, f"dialogs that never opened: {[k.__name__ for k, _s, _w in self._expected]}"


def activate(qtbot: Any, widget: QWidget) -> None:
    """Make `widget`'s window the active one, so its shortcuts work as for a user (see test_delegation_page._activate)."""
    window = widget.window()
    window.activateWindow()
    try:
        qtbot.waitUntil(window.isActiveWindow, timeout=300)
    except Exception:  # the offscreen platform may keep another window active
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(window)


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Key presses for `text`; characters QTest cannot name (ü, 汉) come as an input method sends them, as text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, NO_MODIFIER, char))


def _aim(widget: QWidget) -> QPoint:
    """Where a user clicks `widget`: its middle, but a check box on its box and caption.

    A check box laid out wider than its caption (as in a form's column) reacts
    only to clicks on the box and the caption, not on the empty rest of its row.
    """
    if isinstance(widget, QCheckBox):
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        return widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxClickRect, option, widget).center()
    return widget.rect().center()


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _chord(key: Qt.Key, modifier: Qt.KeyboardModifier) -> str:
    names = [name for flag, name in ((Qt.KeyboardModifier.ControlModifier, "Ctrl"), (Qt.KeyboardModifier.ShiftModifier, "Shift"),
                                     (Qt.KeyboardModifier.AltModifier, "Alt")) if modifier & flag]
    return "+".join([*names, key.name.removeprefix("Key_")])
