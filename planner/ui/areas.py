"""Keys to the window's areas: the trip list, each trip page, the Problems panel, and F6 round them.

A mixin of MainWindow (a plain class: the window is the QMainWindow). Every
area can be reached without the mouse; the View menu lists the keys, with Alt
letters chosen per language (planner.ui.mnemonics).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from planner.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QStackedWidget, QTabWidget

    from planner.ui.pages.base import TripPage
    from planner.ui.widgets.problems_panel import ProblemsPanel
    from planner.ui.widgets.trip_navigator import TripNavigator
    from planner.ui.widgets.trip_overview import EmptyState


class AreaKeys:
    """Ctrl+0 trip list, Ctrl+1… pages, then the Problems panel; F6 and Shift+F6 round them."""

    if TYPE_CHECKING:  # the window's parts (MainWindow._build)
        navigator: TripNavigator
        pages: QStackedWidget
        trip_tabs: QTabWidget
        trip_pages: list[TripPage]
        problems: ProblemsPanel
        empty_state: EmptyState
        view_menu: QMenu

        def addAction(self, action: QAction) -> None: ...  # noqa: N802 - Qt's
        def _focus_filter(self) -> None: ...

    def _build_area_actions(self) -> None:
        """Keys to the window's areas: Ctrl+0 the trip list, Ctrl+1… the pages, then the Problems panel; F6 goes round."""
        ctrl = Qt.Modifier.CTRL
        digits = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8]
        self.trip_list_action = self._keyed([QKeySequence(ctrl | Qt.Key.Key_0)], self.focus_trip_list)
        self.page_actions = [
            self._keyed([QKeySequence(ctrl | digits[index])], lambda _checked=False, i=index: self.go_to_page(i))
            for index in range(len(self.trip_pages))
        ]
        self.problems_action = self._keyed([QKeySequence(ctrl | digits[len(self.trip_pages)])], self.focus_problems)
        self.next_area_action = self._keyed([QKeySequence(Qt.Key.Key_F6)], lambda: self.cycle_area(1))
        self.previous_area_action = self._keyed([QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F6)], lambda: self.cycle_area(-1))

    def _keyed(self, keys: list[QKeySequence], slot: Callable[..., None]) -> QAction:
        """An action with its own keys, working anywhere in the window (also with the menu bar hidden)."""
        action = QAction(self)
        action.setShortcuts(keys)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _retranslate_view_menu(self) -> None:
        """Captions of the View menu, their Alt letters chosen for this language (see planner.ui.mnemonics)."""
        from planner.ui.mnemonics import assign_mnemonics

        self.view_menu.setTitle(_("&View"))
        actions = [self.trip_list_action, *self.page_actions, self.problems_action, self.next_area_action, self.previous_area_action]
        texts = [_("Trip list"), *(page.page_title() for page in self.trip_pages), _("Problems"), _("Next area"), _("Previous area")]
        hints = ["list", *(type(page).__name__.removesuffix("Page") for page in self.trip_pages), "problems", "next", "area"]
        for action, text in zip(actions, assign_mnemonics(texts, hints=hints), strict=True):
            action.setText(text)

    # --- moving between areas ---------------------------------------------------------------

    def focus_trip_list(self) -> None:
        from planner.ui.keyboard import focus_into

        focus_into(self.navigator.view)

    def go_to_page(self, index: int) -> None:
        """Bring the trip's page `index` to the front with the keyboard in its table (or agenda)."""
        from planner.ui.keyboard import focus_into

        self.trip_tabs.setCurrentIndex(index)
        if self.pages.currentWidget() is self.trip_tabs:
            focus_into(self.trip_pages[index].main_view())
        else:  # no trip to show: the page stays hidden, the keyboard goes where the user can act
            self._focus_area(self.pages)

    def focus_problems(self) -> None:
        if not self.problems.expanded:
            self.problems.set_expanded(True)
        self.problems.focus_list()

    def cycle_area(self, step: int) -> None:
        """F6 (step 1) and Shift+F6 (-1): trip list → the page in front → Problems panel → trip list."""
        from PySide6.QtWidgets import QApplication

        areas: list[QWidget] = [self.navigator, self.pages, self.problems]
        focus = QApplication.focusWidget()
        current = next((i for i, area in enumerate(areas) if focus is not None and (area is focus or area.isAncestorOf(focus))), None)
        if current is None:
            current = -1 if step > 0 else 0
        self._focus_area(areas[(current + step) % len(areas)])

    def _focus_area(self, area: QWidget) -> None:
        from planner.ui.keyboard import focus_into
        from planner.ui.pages.base import TripPage

        if area is self.navigator:
            focus_into(self.navigator.view)
        elif area is self.problems:
            self.focus_problems()
        elif self.pages.currentWidget() is self.trip_tabs:
            page = self.trip_tabs.currentWidget()
            focus_into(page.main_view() if isinstance(page, TripPage) else page)
        elif self.pages.currentWidget() is self.empty_state:
            focus_into(self.empty_state.new_button)
        else:  # "no trip matches the filter": the filter is where to act
            self._focus_filter()
