"""The set-up that the read-only tables of records share (venues, people, members, rooms, vehicles, seats).

Why one place: these tables behave alike for the user — a click selects the whole row, nothing
is edited in a cell (Enter or a double-click opens the record's form), a row is one line, rows
alternate in colour, there are no row numbers, and Tab leaves the table for the next widget.
Set up in one place, they stay alike; each page adds what is its own (sorting, column sizes,
drag and drop).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView

from planner.ui.keyboard import tab_leaves

V = TypeVar("V", bound=QTableView)

SINGLE = QAbstractItemView.SelectionMode.SingleSelection
#: Several rows at once (Shift and Ctrl with a click or the arrow keys), for actions on many records.
EXTENDED = QAbstractItemView.SelectionMode.ExtendedSelection


def record_view(view: V, model: QAbstractItemModel, selection: QAbstractItemView.SelectionMode = SINGLE) -> V:
    """`view` showing `model` as a read-only table of records, one row a record."""
    tab_leaves(view)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    return view
