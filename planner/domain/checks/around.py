"""The programme items that lie before someone is there or after they have left.

The day check (checks.delegation: before the arrival day, after the departure
day) and the leg check (checks.travel: before the landing, after the take-off)
ask the same two questions of the programme with different moments; both walk
only the items that can answer, found by bisecting the start times.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from datetime import datetime, timedelta

from planner.domain.checks.plan import PlanIndex
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind

#: Looked up once: asked about thousands of items, an enum member costs more to look up than to compare.
_TRAVEL = ItemKind.TRAVEL


def starting_before(index: PlanIndex, moment: datetime) -> Iterator[ItemData]:
    """The index's items that begin before `moment`, but a journey still under way then: that is the journey there,
    or the one it connects to."""
    items = index.items
    for n in range(bisect_left(items, moment, key=_start)):
        if not _under_way(items[n], moment):
            yield items[n]


def ending_after(index: PlanIndex, moment: datetime) -> Iterator[ItemData]:
    """The index's items that run past `moment`, a journey only when it starts then or later (the journey home may
    end after it); no item starting longer before `moment` than the longest item but a journey can."""
    items = index.items
    for n in range(bisect_left(items, moment - _longest_stay(index), key=_start), len(items)):
        if runs_past(items[n], moment):
            yield items[n]


def lies_before(item: ItemData, moment: datetime) -> bool:
    """Whether `item` starts before `moment` and is not a journey still under way then."""
    assert item.start is not None
    return item.start < moment and not _under_way(item, moment)


def runs_past(item: ItemData, moment: datetime) -> bool:
    """Whether `item` runs past `moment`; a journey only when it starts then or later."""
    assert item.start is not None and item.end is not None
    return item.start >= moment if item.kind == _TRAVEL else item.end > moment


def _start(item: ItemData) -> datetime:
    """An item's start, to bisect the index's items (in time order) by: no list of the starts to build after each edit."""
    assert item.start is not None
    return item.start


def _longest_stay(index: PlanIndex) -> timedelta:
    """The longest item but a journey, worked out once per index (and kept up to date between edits: see incremental.py)."""
    return index.memo(
        "longest_stay_item",
        lambda: max((i.end - i.start for i in index.items if i.kind != _TRAVEL), default=timedelta(0)),  # type: ignore[operator]
    )


def _under_way(item: ItemData, moment: datetime) -> bool:
    assert item.end is not None
    return item.kind == _TRAVEL and item.end > moment
