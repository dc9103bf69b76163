"""A row (or column) of buttons under or beside a table, pushed to its start.

Why one place: the record buttons of the trip list, the venue and room tables and the
venue form's contacts sit the same way — side by side (or one above the other) from the
start, with the free room after them, so they stay where the eye expects them when the
window grows. Built here, every such row behaves alike.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget


def button_row(*buttons: QWidget, vertical: bool = False) -> QBoxLayout:
    """The buttons side by side (one above the other if `vertical`), then a stretch."""
    row: QBoxLayout = QVBoxLayout() if vertical else QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
