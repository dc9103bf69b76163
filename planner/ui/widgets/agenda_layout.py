"""The agenda's geometry without widgets: day columns, blocks, lanes, hour marks, moves.

The vertical axis of a day column is the time elapsed since local midnight in
the trip's zone, so an hour is always the same height and a block is exactly as
tall as its item lasts, also across a daylight-saving change: the spring-forward
day is 23 hours long and its column ends an hour early, the fall-back day has
25. Hour marks sit where the local clock shows each hour, so the ruler stays
right on such days. An item that runs past midnight (a night flight) is cut
into one block per day it touches. Kept free of Qt so the layout can be tested
and timed on its own.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol

from planner.domain.timing import day_bounds_utc, zone

MINUTE = timedelta(minutes=1)
#: Moves, resizes and new items land on quarter hours.
SNAP_MINUTES = 15
#: The shortest block drawn (and laid out), so a 5-minute item can still be seen and grabbed.
MIN_BLOCK_MINUTES = 15


class Timed(Protocol):
    """What the layout needs of an item: ItemData fits."""

    @property
    def id(self) -> int | None: ...
    @property
    def start(self) -> datetime | None: ...
    @property
    def end(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class DaySpan:
    """One local calendar day of the trip as a UTC interval."""

    day: date
    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        """The day's length: 1440, or 1380 / 1500 on daylight-saving days."""
        return int((self.end - self.start) / MINUTE)

    def at(self, minutes: float) -> datetime:
        """The UTC moment `minutes` after this day's local midnight."""
        return self.start + timedelta(minutes=minutes)

    def minutes_of(self, moment: datetime) -> float:
        return (moment - self.start) / MINUTE


def day_spans(days: Sequence[date], tz: str) -> list[DaySpan]:
    return [DaySpan(day, *day_bounds_utc(day, tz)) for day in days]


def hour_marks(span: DaySpan, tz: str) -> list[tuple[float, int]]:
    """(minutes since midnight, local hour) for every hour the clock shows that day.

    A skipped hour (spring forward) has no mark; a repeated one (fall back) has two.
    """
    z = zone(tz)
    marks: set[tuple[float, int]] = set()
    for hour in range(24):
        local = datetime.combine(span.day, time(hour))
        for fold in (0, 1):
            moment = local.replace(tzinfo=z, fold=fold)
            if moment.astimezone(UTC).astimezone(z).replace(tzinfo=None) != local:
                continue  # does not exist
            minutes = span.minutes_of(moment.astimezone(UTC))
            if 0 <= minutes < span.minutes:
                marks.add((minutes, hour))
    return sorted(marks)


def clock_change(marks: Sequence[tuple[float, int]]) -> float | None:
    """Minutes after midnight at which the clocks change that day, or None on an ordinary day."""
    previous: float | None = None
    for minutes, hour in marks:
        shift = minutes - hour * 60
        if (previous is None and shift != 0) or (previous is not None and shift != previous):
            return minutes  # at midnight in zones whose clocks change then
        previous = shift
    return None


def snap(minutes: float, step: int = SNAP_MINUTES) -> int:
    """The nearest multiple of `step` minutes (for drags)."""
    return int(round(minutes / step)) * step


def snap_down(minutes: float, step: int = SNAP_MINUTES) -> int:
    """The start of the `step`-minute slot that holds `minutes` (for a double-click into a slot)."""
    return int(minutes // step) * step


@dataclass(slots=True)
class Block:
    """The part of one item that falls on one day column, in minutes since local midnight."""

    item_id: int
    column: int
    top: float
    bottom: float
    starts_here: bool
    ends_here: bool
    lane: int = 0
    lanes: int = 1

    @property
    def visual_bottom(self) -> float:
        return max(self.bottom, self.top + MIN_BLOCK_MINUTES)


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.x + self.width and self.y <= y < self.y + self.height

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True, slots=True)
class Geometry:
    """Content coordinates of the day area: x from the first column, y from local midnight."""

    column_width: float
    minute_height: float
    gap: float = 2.0

    def y_of(self, minutes: float) -> float:
        return minutes * self.minute_height

    def minutes_at(self, y: float) -> float:
        return y / self.minute_height

    def column_at(self, x: float) -> int:
        """The column under x; may lie outside the trip's columns (callers check)."""
        return int(x // self.column_width)

    def rect(self, block: Block) -> Rect:
        return Rect(*self.box(block))

    def box(self, block: Block) -> tuple[float, float, float, float]:
        """(x, y, width, height) of a block: its lane's share of the column, a hair apart from its neighbours."""
        lane_width = self.column_width / block.lanes
        x = block.column * self.column_width + block.lane * lane_width + self.gap / 2
        y = block.top * self.minute_height
        bottom = max(block.bottom, block.top + MIN_BLOCK_MINUTES) * self.minute_height
        return x, y, max(lane_width - self.gap, 1.0), max(bottom - y - 1, 1.0)


@dataclass
class AgendaLayout:
    """Every item's blocks on the trip's day columns, with lanes for items that overlap."""

    days: list[DaySpan]
    columns: list[list[Block]] = field(default_factory=list)
    blocks: dict[int, list[Block]] = field(default_factory=dict)
    starts: dict[int, datetime] = field(default_factory=dict)
    ends: dict[int, datetime] = field(default_factory=dict)
    #: Items that fall on none of the trip's days (shown in the table only).
    outside: list[int] = field(default_factory=list)
    _tops: list[list[float]] = field(default_factory=list)
    _longest: list[float] = field(default_factory=list)
    #: The columns the last `updated` laid out again (what needs repainting).
    touched: set[int] = field(default_factory=set)

    @classmethod
    def build(cls, days: list[DaySpan], items: Iterable[Timed]) -> AgendaLayout:
        layout = cls(days, [[] for _ in days])
        day_starts = [d.start for d in days]
        for item in items:
            if item.id is None or item.start is None or item.end is None:
                continue
            layout.starts[item.id] = item.start
            layout.ends[item.id] = item.end
            pieces = layout._cut(item.id, item.start, item.end, day_starts)
            if not pieces:
                layout.outside.append(item.id)
                continue
            layout.blocks[item.id] = pieces
            for piece in pieces:
                layout.columns[piece.column].append(piece)
        for blocks in layout.columns:
            assign_lanes(blocks)
        layout._tops = [[b.top for b in blocks] for blocks in layout.columns]
        layout._longest = [max((b.visual_bottom - b.top for b in blocks), default=0.0) for blocks in layout.columns]
        return layout

    def updated(self, items: Mapping[int, Timed], changed: Collection[int]) -> AgendaLayout:
        """The layout of `items` (by id, the programme after an edit), given that only the `changed` ids differ.

        Only the day columns the changed items were or are on are laid out
        again: on a 5,000-item trip that is a fifth of the work or less. Gives
        exactly what `build` gives (tests/ui/test_agenda_layout_update.py).
        This layout is given up: its columns and blocks are taken over.
        """
        day_starts = [d.start for d in self.days]
        touched: set[int] = set()
        outside = set(self.outside)
        for item_id in changed:
            for block in self.blocks.pop(item_id, ()):
                self.columns[block.column].remove(block)
                touched.add(block.column)
            self.starts.pop(item_id, None)
            self.ends.pop(item_id, None)
            outside.discard(item_id)
            item = items.get(item_id)
            if item is None or item.start is None or item.end is None:
                continue
            self.starts[item_id] = item.start
            self.ends[item_id] = item.end
            pieces = self._cut(item_id, item.start, item.end, day_starts)
            if not pieces:
                outside.add(item_id)
                continue
            self.blocks[item_id] = pieces
            for piece in pieces:
                self.columns[piece.column].append(piece)
                touched.add(piece.column)
        for column in touched:
            blocks = self.columns[column]
            assign_lanes(blocks)
            self._tops[column] = [b.top for b in blocks]
            self._longest[column] = max((b.visual_bottom - b.top for b in blocks), default=0.0)
        if outside != set(self.outside):
            self.outside = [i for i in items if i in outside]  # in the order build lists them
        self.touched = touched
        return self

    def _cut(self, item_id: int, start: datetime, end: datetime, day_starts: list[datetime]) -> list[Block]:
        first = max(bisect.bisect_right(day_starts, start) - 1, 0)
        pieces: list[Block] = []
        for column in range(first, len(self.days)):
            span = self.days[column]
            if span.start >= end:
                break
            if span.end <= start:
                continue
            top = span.minutes_of(max(start, span.start))
            bottom = span.minutes_of(min(end, span.end))
            pieces.append(Block(item_id, column, top, bottom, start >= span.start, end <= span.end))
        return pieces

    # --- questions the view asks --------------------------------------------------------

    @property
    def longest_day(self) -> int:
        """Minutes of the longest day column (the content height)."""
        return max((d.minutes for d in self.days), default=24 * 60)

    def blocks_between(self, column: int, top: float, bottom: float) -> list[Block]:
        """The blocks of `column` that reach into [top, bottom) minutes: what a paint needs."""
        if not 0 <= column < len(self.columns):
            return []
        tops, blocks = self._tops[column], self.columns[column]
        first = bisect.bisect_left(tops, top - self._longest[column])
        last = bisect.bisect_left(tops, bottom)
        return [b for b in blocks[first:last] if b.visual_bottom > top]

    def block_at(self, geometry: Geometry, x: float, y: float) -> Block | None:
        column = geometry.column_at(x)
        minutes = geometry.minutes_at(y)
        for block in self.blocks_between(column, minutes, minutes + 1e-6):
            left, top, width, height = geometry.box(block)
            if left <= x < left + width and top <= y < top + height:
                return block
        return None

    def first_block(self, item_id: int) -> Block | None:
        pieces = self.blocks.get(item_id)
        return pieces[0] if pieces else None

    def first_from(self, column: int, minutes: float) -> Block | None:
        """The first block at or after `minutes` in `column`, or on a later day: where keyboard selection starts."""
        for blocks in self.columns[max(column, 0):]:
            found = next((b for b in blocks if b.top >= minutes), blocks[0] if blocks else None)
            if found is not None:
                return found
        return None

    def neighbour(self, block: Block, direction: str) -> Block | None:
        """The block an arrow key goes to: up/down within the day, left/right to the nearest time on the next day with items."""
        if direction in ("up", "down"):
            blocks = self.columns[block.column]
            index = blocks.index(block) + (1 if direction == "down" else -1)
            return blocks[index] if 0 <= index < len(blocks) else None
        step = 1 if direction == "right" else -1
        column = block.column + step
        while 0 <= column < len(self.columns) and not self.columns[column]:
            column += step
        if not 0 <= column < len(self.columns):
            return None
        return min(self.columns[column], key=lambda b: (abs(b.top - block.top), b.top))

    def moment(self, column: int, minutes: float) -> datetime:
        return self.days[column].at(minutes)

    # --- moves --------------------------------------------------------------------------

    def moved_start(self, block: Block, column: int, top: float) -> datetime:
        """The item's new start when `block` is dropped with its top at `top` minutes of `column`.

        A later block of a long item carries the part of the item before it along.
        """
        offset = self.days[block.column].at(block.top) - self.starts[block.item_id]
        return self.days[column].at(top) - offset

    def resized_end(self, block: Block, bottom: float) -> datetime:
        """The item's new end when the bottom edge of `block` is dropped at `bottom` minutes.

        Never earlier than one snap step after the start, so a resize cannot invert the item.
        """
        end = self.days[block.column].at(bottom)
        return max(end, self.starts[block.item_id] + timedelta(minutes=SNAP_MINUTES))


def assign_lanes(blocks: list[Block]) -> None:
    """Sort `blocks` by time and put overlapping ones side by side.

    Blocks that overlap, directly or through others, form a cluster sharing the
    column's width: each takes the leftmost lane free at its top, and every
    block of the cluster is as wide as the cluster has lanes.
    """
    blocks.sort(key=lambda b: (b.top, -b.bottom, b.item_id))
    cluster: list[Block] = []
    lane_ends: list[float] = []
    cluster_end = float("-inf")

    def close() -> None:
        for member in cluster:
            member.lanes = len(lane_ends)

    for block in blocks:
        if cluster and block.top >= cluster_end:
            close()
            cluster, lane_ends, cluster_end = [], [], float("-inf")
        bottom = block.visual_bottom
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= block.top:
                lane_ends[lane] = bottom
                block.lane = lane
                break
        else:
            block.lane = len(lane_ends)
            lane_ends.append(bottom)
        cluster.append(block)
        cluster_end = max(cluster_end, bottom)
    if cluster:
        close()
