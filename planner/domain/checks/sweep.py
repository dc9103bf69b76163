"""Walking timelines in time order: which items overlap, and which follow each other.

Both walks are sweeps over intervals sorted by start, keeping only the items
still running (a heap ordered by end); their cost grows with the programme and
with the overlaps actually found, not with every pair of items. Intervals are
half-open: an item ending at 11:00 and one starting at 11:00 do not overlap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from heapq import heappop, heappush

from planner.domain.checks.plan import PlanIndex
from planner.domain.entities import ItemData

Pair = tuple[ItemData, ItemData]
_Running = list[tuple[datetime, int, ItemData]]


def _drop_ended(running: _Running, moment: datetime) -> None:
    while running and running[0][0] <= moment:
        heappop(running)


def overlapping_pairs(items: Sequence[ItemData]) -> Iterator[Pair]:
    """Each pair of overlapping items once, the earlier first; `items` must be in time order."""
    running: _Running = []
    for n, item in enumerate(items):
        start = item.start
        assert start is not None and item.end is not None
        while running and running[0][0] <= start:
            heappop(running)
        for _end, _n, other in running:
            yield other, item
        heappush(running, (item.end, n, item))


def crossing_pairs(items: Sequence[ItemData], side: Callable[[ItemData], object]) -> Iterator[Pair]:
    """Overlapping pairs of `items` (in time order) with one item on each side, the earlier first.

    `side(item)` tells the sides apart (true or false); pairs within one side
    are not looked at, so they cost nothing.
    """
    running: tuple[_Running, _Running] = ([], [])
    for count, item in enumerate(items):
        assert item.start is not None and item.end is not None
        this = 1 if side(item) else 0
        other_side = running[1 - this]
        _drop_ended(other_side, item.start)
        for _end, _c, other in other_side:
            yield other, item
        _drop_ended(running[this], item.start)
        heappush(running[this], (item.end, count, item))


def consecutive_pairs(index: PlanIndex) -> list[tuple[ItemData, ItemData, frozenset[int]]]:
    """Pairs of items that follow each other on some participant's timeline, with who has them.

    Each layer's shared timeline (see PlanIndex.layers) is paired up once for
    all its members; an extra item of some members sits between two shared
    items and breaks that pair for them alone. Worked out once per PlanIndex
    and shared by the checks that need it.
    """
    return index.memo("consecutive_pairs", lambda: _consecutive_pairs(index))


def _consecutive_pairs(index: PlanIndex) -> list[tuple[ItemData, ItemData, frozenset[int]]]:
    items = index.items
    width = len(items)  # the pair (a, b) of positions in `items` is the number a * width + b
    found: dict[int, list[frozenset[int]]] = defaultdict(list)  # pair -> the groups of members who have it
    for layer in index.layers():
        shared = layer.base
        n_shared = len(shared)
        breaks: dict[int, list[frozenset[int]]] = defaultdict(list)  # gap before shared[pos] -> who has extras there
        for numbers, who in layer.extras:
            places = [bisect_left(shared, n) for n in numbers]
            places.append(-1)  # a sentinel: the last extra item is followed by the shared item after it
            previous, before = -1, -1
            for j, number in enumerate(numbers):
                pos = places[j]
                if pos != previous:  # the first extra item in this gap follows a shared item
                    breaks[pos].append(who)
                    if pos > 0:
                        found[shared[pos - 1] * width + number].append(who)
                else:  # a later one follows the previous extra item
                    found[before * width + number].append(who)
                # The last extra item in a gap is followed by the shared item after the gap.
                if places[j + 1] != pos and pos < n_shared:
                    found[number * width + shared[pos]].append(who)
                previous, before = pos, number
        members = layer.members
        for pos in range(1, n_shared):
            who = members.difference(*breaks[pos]) if pos in breaks else members
            if who:
                found[shared[pos - 1] * width + shared[pos]].append(who)
    pairs: list[tuple[ItemData, ItemData, frozenset[int]]] = []
    for pair, groups in found.items():
        a, b = divmod(pair, width)
        pairs.append((items[a], items[b], groups[0] if len(groups) == 1 else frozenset().union(*groups)))
    return pairs
