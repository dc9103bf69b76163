"""A window never lower than its wrapped lines need at its current width.

Qt's minimum size of a window counts each word-wrapped label on one line, so
a dialog dragged to its smallest (or opened there) squeezed its explanations:
in German the export dialog's "All / None" row slid over the list of people
and the seating plan's key help hid behind the plan. RecordForm has done this
for the record forms; dialogs built on plain QDialog call it from resizeEvent.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def hold_wrapped_lines(window: QWidget) -> None:
    """Raise `window`'s minimum height to what its layout needs at its width (wrapped text on all its lines)."""
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = max(layout.totalMinimumSize().height(), layout.minimumHeightForWidth(window.width()))
    if needed != window.minimumHeight():
        window.setMinimumHeight(needed)
