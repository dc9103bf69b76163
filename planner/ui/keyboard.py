"""Keyboard behaviour shared by every view and window: Tab leaves tables, keys name the areas.

A table that keeps Tab for moving between its cells is a trap for someone who
works from the keyboard: the rest of the window cannot be reached. Arrow keys
move between cells; Tab and Shift+Tab go on to the next and previous widget,
as in every other part of a form.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QWidget

V = TypeVar("V", bound=QAbstractItemView)


def tab_leaves(view: V) -> V:
    """Let Tab and Shift+Tab move the focus out of `view` (the arrow keys still move between its cells)."""
    view.setTabKeyNavigation(False)
    return view


def shortcut_hint(keys: QKeySequence) -> str:
    """The key as the user reads it ("Ctrl+Shift+N", "Strg+Umschalt+N" in German), for tooltips."""
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut(text: str, keys: QKeySequence) -> str:
    """A tooltip that names its key: "Add a programme item (Ctrl+Shift+N)"."""
    hint = shortcut_hint(keys)
    return f"{text} ({hint})" if hint else text


def focus_into(widget: QWidget) -> None:
    """Give `widget` the keyboard focus as if the user had tabbed to it (a focus frame shows)."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)


# --- the "new" keys of the pages ---------------------------------------------------------------
#
# One scheme on every page: Ctrl+Shift+N makes a new one of what the page lists (programme
# item, person, venue), from anywhere in the window while the page is in front; Insert does
# the same while the keyboard is in the page. The Delegation page adds people from the
# directory with Ctrl+Shift+A and imports a member list with Ctrl+Shift+I.

NEW_KEYS = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_N)
ADD_KEYS = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_A)
IMPORT_KEYS = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_I)
INSERT_KEYS = QKeySequence(Qt.Key.Key_Insert)


def page_shortcut(page: QWidget, action: QAction, keys: QKeySequence, in_page: QKeySequence | None = None) -> QAction:
    """Give `action` its key for while `page` is in front, and optionally a second one inside the page.

    The action is added to the page: a hidden page's keys are inactive, so each
    page can use the same key for its own "new". The keys show in context menus.
    """
    action.setShortcut(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setShortcutVisibleInContextMenu(True)
    page.addAction(action)
    if in_page is not None:
        shortcut = QShortcut(in_page, page, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: action.trigger() if action.isEnabled() else None)
    return action
