"""Walking timelines in time order: which items overlap, and which follow each other.

Both walks keep only what can still matter: the overlap walk the items still
running (an item ending at or before the next start is dropped for good), the
pair walk the places of a member's own items among the items for everyone.
Their cost grows with the programme and with the overlaps actually found, not
with every pair of items. Intervals are half-open: an item ending at 11:00 and
one starting at 11:00 do not overlap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import islice

from planner.domain.checks.plan import PlanIndex
from planner.domain.entities import ItemData

Pair = tuple[ItemData, ItemData]


def overlapping_pairs(items: Iterable[ItemData]) -> Iterator[Pair]:
    """Each pair of overlapping items once, the earlier first; `items` must be in time order.

    The items still running are kept in a plain list with the latest end
    among them: a timeline without overlaps (the usual one) starts each item
    after that end, so the list is simply begun anew, with no heap to keep in
    order. Otherwise the list is filtered, and each item kept is an overlap to
    report, each item dropped is dropped once: the cost stays the number of
    items plus the overlaps found.
    """
    running: list[ItemData] = []
    latest = None  # the latest end among `running`
    for item in items:
        start, end = item.start, item.end
        assert start is not None and end is not None
        if latest is None or start >= latest:  # everything before has ended
            running = [item]
            latest = end
            continue
        running = [other for other in running if other.end > start]  # type: ignore[operator]
        for other in running:
            yield other, item
        running.append(item)
        if end > latest:
            latest = end


def everyone_crossings(index: PlanIndex) -> Iterator[Pair]:
    """Each overlapping pair of an item for everyone and a ticked item, the earlier first.

    Walked from the items for everyone, usually a few among thousands of
    ticked items: the ticked items after one in time order that start before
    it ends are a stretch of the programme found by bisecting; those before it
    that still run when it starts are the ticked items since the previous item
    for everyone, and those that still ran then. So each ticked item is looked
    at once, and again only for each item for everyone it overlaps.
    """
    items = index.items
    running: list[ItemData] = []  # ticked items before the current item for everyone that may still run
    seen = 0  # the ticked items before this position are in `running` or have ended
    for number in index.everyone_numbers:
        common = items[number]
        start, end = common.start, common.end
        assert start is not None and end is not None
        # Between two items for everyone all items are ticked ones.
        running = [other for other in (*running, *islice(items, seen, number)) if other.end > start]  # type: ignore[operator]
        for other in running:
            yield other, common
        for other in islice(items, number + 1, bisect_left(items, end, lo=number + 1, key=_start)):
            if not other.everyone:
                yield common, other
        seen = number + 1


def _start(item: ItemData) -> object:
    return item.start


def consecutive_pairs(index: PlanIndex) -> list[tuple[ItemData, ItemData, frozenset[int]]]:
    """Pairs of items that follow each other on some participant's timeline, with who has them.

    Worked out once per PlanIndex and shared by the checks that need it.
    Every member's timeline is the items for everyone with their own items
    (PlanIndex.own_timelines: members ticked for the same items share one)
    placed in between. So the items for everyone are paired up once for all
    members, and each distinct own timeline is walked once: an own item
    follows the item for everyone before its place or the own item before it,
    the last own item in a gap is followed by the item for everyone after
    it, and the pair of items for everyone around that gap is broken for
    those members alone. A pair on several timelines (two members on the
    same visit, on different tracks the rest of the day) is found once per
    timeline and kept once, with everyone who has it.
    """
    return index.memo("consecutive_pairs", lambda: _consecutive_pairs(index))


def _consecutive_pairs(index: PlanIndex) -> list[tuple[ItemData, ItemData, frozenset[int]]]:
    items = index.items
    common = index.everyone_numbers
    n_common = len(common)
    width = len(items)  # the pair (a, b) of positions in `items` is the number a * width + b
    found: dict[int, tuple[ItemData, ItemData, frozenset[int]]] = {}
    breaks: dict[int, list[frozenset[int]]] = {}  # gap before common[place] -> who has own items there

    def add(first: int, second: int, who: frozenset[int]) -> None:
        pair = first * width + second
        known = found.get(pair)  # found before on another timeline: those who have it are joined
        found[pair] = (items[first], items[second], who) if known is None else (known[0], known[1], known[2] | who)

    for numbers, who in index.own_timelines:
        before = last = -1  # the previous own item, and its place among the items for everyone
        for number, place in zip(numbers, [bisect_left(common, n) for n in numbers]):
            if place == last:  # in the same gap as the own item before
                add(before, number, who)
            else:
                if before >= 0 and last < n_common:  # the own item before is followed by the next common item
                    add(before, common[last], who)
                if place > 0:
                    add(common[place - 1], number, who)
                    if place < n_common:
                        breaks.setdefault(place, []).append(who)
                last = place
            before = number
        if before >= 0 and last < n_common:
            add(before, common[last], who)
    everyone = index.all_ids
    for place in range(1, n_common):
        who = everyone.difference(*breaks[place]) if place in breaks else everyone
        if who:
            add(common[place - 1], common[place], who)
    return list(found.values())
