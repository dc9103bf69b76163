"""The New…, Edit… and Delete actions of a page that lists records (programme items, travel legs), and its toolbar.

Why one place: each such page needs the same three actions with the same keys — New on Ctrl+Shift+N
while the page is in front and on Insert inside it, Delete on the platform's delete keys only inside
the page (so a text field elsewhere keeps its own Delete) — and the same icons; built in one place,
a change to those keys holds for every such page. The texts stay with each page, which says what it lists.
The toolbar above the records is alike on such pages too (the actions with their texts, the page's
filters, a filter-as-you-type field last), so it is built here as well.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QToolBar, QWidget

from planner.ui.icons import icon
from planner.ui.keyboard import INSERT_KEYS, NEW_KEYS, page_shortcut


class RecordActions(NamedTuple):
    new: QAction
    edit: QAction
    delete: QAction


def record_actions(
    page: QWidget, on_new: Callable[[], object], on_edit: Callable[[], object], on_delete: Callable[[], object]
) -> RecordActions:
    """The page's three actions, without text (the page sets it in its `retranslate`)."""
    new = QAction(icon("actions/add"), "", page)
    new.triggered.connect(lambda: on_new())
    page_shortcut(page, new, NEW_KEYS, INSERT_KEYS)
    edit = QAction(icon("actions/edit"), "", page)
    edit.triggered.connect(lambda: on_edit())
    delete = QAction(icon("actions/delete"), "", page)
    delete.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Delete))
    delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    delete.triggered.connect(lambda: on_delete())
    return RecordActions(new, edit, delete)


def record_toolbar(page: QWidget, actions: Iterable[QAction]) -> QToolBar:
    """The toolbar above the page's records: its actions with their texts beside the icons, then a separator.

    The page adds its own filters after the separator, and `add_search_field` last.
    """
    toolbar = QToolBar(page)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in actions:
        toolbar.addAction(action)
    toolbar.addSeparator()
    return toolbar


def add_search_field(toolbar: QToolBar) -> QLineEdit:
    """The filter-as-you-type field at the end of the toolbar, wide enough for a name (the page connects it)."""
    search = QLineEdit(toolbar.parentWidget())
    search.setClearButtonEnabled(True)
    search.setMinimumWidth(180)
    toolbar.addWidget(search)
    return search
