"""Layouts the pages build alike: a row of record buttons, a part of a splitter.

Why one place: the record buttons of the trip list, the venue and room tables and the
venue form's contacts sit the same way — side by side (or one above the other) from the
start, with the free room after them, so they stay where the eye expects them when the
window grows; and the parts of the Logistics tabs' splitters take no margins of their own,
so their tables line up with the page's edge. Built here, every such layout behaves alike.
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


def splitter_pane(parent: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """A part of a splitter and its layout, which adds no margins to the page's own."""
    pane = QWidget(parent)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    return pane, layout
