"""Flowables side by side: the time column beside an item, a label beside its value.

A one-row reportlab Table does the same, but measures every paragraph in it
again when it draws, and tables nest here (an item holds its particulars);
for a batch of hundreds of itineraries that was most of the time. Columns
draws with the measurements of its last wrap. An item's Columns may split at
a page break by splitting its main cell, so a long item flows onto the next
page; label-and-value rows never split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable


@dataclass(frozen=True, slots=True)
class Cell:
    width: float
    content: Sequence[Flowable]
    padding: tuple[float, float, float, float] = (0, 0, 0, 0)  # left, right, top, bottom
    background: Color | None = None


class Columns(Flowable):
    """Cells of fixed width next to each other, each a stack of flowables, top-aligned.

    `split_by` names the cell whose content may continue on the next page (the
    others keep what fits); None keeps the whole row together, and so does a
    row lower than `keep_below` points: a short item moves to the next page whole.
    """

    def __init__(
        self, cells: Sequence[Cell], space_after: float = 0, split_by: int | None = None, keep_below: float = 0
    ) -> None:
        super().__init__()
        self.cells = list(cells)
        self.spaceAfter = space_after
        self.split_by = split_by
        self.keep_below = keep_below
        self.width = sum(cell.width for cell in self.cells)
        self._layout: list[list[tuple[Flowable, float, float]]] = []  # per cell: (flowable, space before, height)
        self._heights: list[float] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Measured afresh each time: a failed split of a paragraph discards its line breaks.
        self._layout, self._heights = [], []
        for cell in self.cells:
            left, right, top, bottom = cell.padding
            inner = cell.width - left - right
            placed: list[tuple[Flowable, float, float]] = []
            height = top + bottom
            for index, flowable in enumerate(cell.content):
                before = flowable.getSpaceBefore() if index else 0
                _w, h = flowable.wrap(inner, available_height)
                after = flowable.getSpaceAfter() if index < len(cell.content) - 1 else 0
                placed.append((flowable, before, h))
                height += before + h + after
            self._layout.append(placed)
            self._heights.append(height)
        self.height = max(self._heights, default=0)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        x = 0.0
        for cell, placed in zip(self.cells, self._layout, strict=True):
            left, _right, top, _bottom = cell.padding
            if cell.background is not None and placed:
                canvas.saveState()
                canvas.setFillColor(cell.background)
                canvas.rect(x, 0, cell.width, self.height, stroke=0, fill=1)  # the whole row's height, like a table cell
                canvas.restoreState()
            y = self.height - top
            for index, (flowable, before, h) in enumerate(placed):
                y -= before + h
                flowable.drawOn(canvas, x + left, y)
                if index < len(placed) - 1:
                    y -= flowable.getSpaceAfter()
            x += cell.width

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """What fits of every cell, and the rest of the main cell below the page break; [] if the main cell cannot start here."""
        if self.split_by is None or self.wrap(available_width, available_height)[1] < self.keep_below:
            return []
        first: list[Cell] = []
        rest: list[Cell] = []
        for cell in self.cells:
            head, tail = _fill(cell, available_height)
            first.append(Cell(cell.width, head, cell.padding, cell.background))
            rest.append(Cell(cell.width, tail, cell.padding, cell.background))
        if not first[self.split_by].content or not rest[self.split_by].content:
            return []
        for index, cell in enumerate(rest):
            if index != self.split_by and cell.content:  # a side cell (the time) stays whole on the first page
                return []
        return [Columns(first), Columns(rest, self.spaceAfter, self.split_by, self.keep_below)]


def _fill(cell: Cell, available_height: float) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables of `cell` that fit into `available_height` (splitting one if it can), and the rest."""
    left, right, top, bottom = cell.padding
    inner = cell.width - left - right
    room = available_height - top - bottom
    head: list[Flowable] = []
    tail: list[Flowable] = list(cell.content)
    while tail:
        flowable = tail[0]
        before = flowable.getSpaceBefore() if head else 0
        _w, h = flowable.wrap(inner, room)
        if before + h <= room:
            head.append(tail.pop(0))
            room -= before + h + flowable.getSpaceAfter()
            continue
        parts = flowable.split(inner, room - before) if room - before > 0 else []
        if len(parts) >= 2:
            head.append(parts[0])
            tail = [*parts[1:], *tail[1:]]
        break
    return head, tail
