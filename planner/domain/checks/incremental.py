"""Checking a plan again after a change, looking only at what the change touches.

`CheckRun` keeps each check's problems. Given the changed plan and what
changed (the parts of the plan, and which items), it runs again:

- a check that declared nothing (see planner.domain.checks.scope): always, in full;
- a check whose declared parts did not change: not at all, its problems stand;
- an item-local check after an edit of items: on the changed items only;
- a pairwise check after an edit of items: on the pairs the changed items are
  in (overlapping items, found by bisecting the programme in time order), or,
  for items following each other, on the timelines of the members the items
  concern, before and after;
- a grouped check after an edit of items: on the groups (a vehicle, a driver)
  the changed items were or are in;
- any other check whose parts changed: in full.

The result is exactly what a full run gives (tests/domain/test_checks_incremental.py
edits a plan at random and compares): each check's problems come out in the
order the check itself gives them, and the checks in the order of CHECKS, so
the stable sort leaves ties as a full run does.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Collection, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain
from typing import Any

from planner.domain.checks.plan import PlanIndex, SortKey, TripPlan, item_key
from planner.domain.checks.problem import Problem, sort_problems
from planner.domain.checks.scope import Pairs, Part, parts_read
from planner.domain.checks.sweep import consecutive_pairs
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind

Check = Callable[[PlanIndex], list[Problem]]
#: The problems of one item or one pair, by the ids the problems name, with the time order of the item or pair
#: (or of one group of a grouped check, by the group, with its place in the check's order).
_Keyed = dict[Hashable, tuple[Any, list[Problem]]]
_EVERY_PART = frozenset(Part)


@dataclass
class _Result:
    check: Check
    problems: list[Problem] = field(default_factory=list)
    keyed: _Keyed | None = None  # for item-local and pairwise checks, kept by item or pair

    def listed(self) -> list[Problem]:
        if self.keyed is None:
            return self.problems
        return [p for _key, found in sorted(self.keyed.values(), key=_first) for p in found]


def _first(entry: tuple[tuple[SortKey, ...], list[Problem]]) -> tuple[SortKey, ...]:
    return entry[0]


class CheckRun:
    """The problems of a plan, kept check by check so that a change is checked where it happened."""

    def __init__(self, plan: TripPlan, checks: tuple[Check, ...]) -> None:
        self.checks = checks
        self.index = PlanIndex(plan)
        # Keeping problems by item needs every item's id (a plan from the database has them).
        self._ids_known = all(i.id is not None for i in plan.items)
        self._results = [self._full(check, self.index) for check in checks]
        self._who: dict[tuple[int, int], set[int]] | None = None  # consecutive pairs, by item ids -> who has them
        self._timelines: dict[int, list[ItemData]] = {}  # members' timelines in time order, as far as looked at
        self._problems: list[Problem] | None = None
        #: What the last update ran again, by check name ("full", "items", "pairs"): for tests and the benchmark.
        self.last_rerun: dict[str, str] = {}

    @property
    def plan(self) -> TripPlan:
        return self.index.plan

    def problems(self) -> list[Problem]:
        """Every problem, most serious first, then in time order: what run_checks gives for this plan."""
        if self._problems is None:
            self._problems = sort_problems(list(chain.from_iterable(r.listed() for r in self._results)))
        return self._problems

    def update(self, plan: TripPlan, parts: Collection[Part], item_ids: Collection[int] = ()) -> list[Problem]:
        """The problems of `plan`, which differs from the last plan in `parts` (and, among the items, in `item_ids`).

        `item_ids` names the items added, changed or removed; when the
        programme changed in a way not told item by item, leave it empty and
        include Part.ITEMS in `parts`.
        """
        old = self.index
        parts = frozenset(parts)
        changed = frozenset(item_ids)
        items_only = parts == {Part.ITEMS} and bool(changed) and self._ids_known
        if items_only:  # the programme as before but for the changed items: kept in order, not sorted again
            now = [i for i in plan.items if i.id in changed]
            self._ids_known = all(i.id is not None for i in now)
            items_only = self._ids_known
            ordered = list(old.items)  # a copy, the changed items' old versions found by bisecting and taken out
            old_by_id = _items_by_id(old)
            for item in sorted((old_by_id[i] for i in changed if i in old_by_id), key=item_key, reverse=True):
                del ordered[bisect_left(ordered, item_key(item), key=item_key)]
            for item in now:
                if item.start is not None and item.end is not None:
                    insort(ordered, item, key=item_key)
            index = PlanIndex(plan, ordered, same_people=old)
            _carry_over(old, index, changed)
        else:
            self._ids_known = all(i.id is not None for i in plan.items)
            index = PlanIndex(plan)
        rerun: dict[str, str] = {}
        need_who = items_only and any(getattr(r.check, "pairs", None) == Pairs.CONSECUTIVE and r.keyed is not None for r in self._results)
        touched_pairs: dict[tuple[int, int], frozenset[int]] | None = None
        if need_who:
            touched_pairs = self._update_consecutive(old, index, changed)
        else:
            self._who = None
            self._timelines = {}
        for n, result in enumerate(self._results):
            check = result.check
            declared = parts_read(check)
            name = getattr(check, "__name__", repr(check))
            if declared is not None and not (declared & parts):
                continue
            if not items_only or result.keyed is None:
                self._results[n] = self._full(check, index)
                rerun[name] = "full"
            elif hasattr(check, "for_items"):
                self._items_again(result, index, changed)
                rerun[name] = "items"
            elif hasattr(check, "for_groups"):
                self._groups_again(result, old, index, changed)
                rerun[name] = "groups"
            elif getattr(check, "pairs", None) == Pairs.OVERLAPPING:
                self._overlaps_again(result, index, changed)
                rerun[name] = "pairs"
            elif getattr(check, "pairs", None) == Pairs.CONSECUTIVE and touched_pairs is not None:
                self._consecutive_again(result, index, changed, touched_pairs)
                rerun[name] = "pairs"
            else:
                self._results[n] = self._full(check, index)
                rerun[name] = "full"
        self.index = index
        self._problems = None
        self.last_rerun = rerun
        return self.problems()

    # --- a check in full ------------------------------------------------------------------------

    def _full(self, check: Check, index: PlanIndex) -> _Result:
        if self._ids_known and hasattr(check, "for_groups"):
            return _Result(check, keyed={group: (order, found) for group, order, found in check.for_groups(index, None)})
        problems = check(index)
        if not self._ids_known or not (hasattr(check, "for_items") or hasattr(check, "pairs")):
            return _Result(check, problems)
        keyed: _Keyed = {}
        by_id = _items_by_id(index)
        for problem in problems:
            _keep(keyed, problem, by_id)
        return _Result(check, keyed=keyed)

    # --- item-local checks ------------------------------------------------------------------------

    def _items_again(self, result: _Result, index: PlanIndex, changed: frozenset[int]) -> None:
        keyed = result.keyed
        assert keyed is not None
        for item_id in changed:
            keyed.pop((item_id,), None)
        by_id = _items_by_id(index)
        items = sorted((by_id[i] for i in changed if i in by_id), key=item_key)
        for problem in result.check.for_items(index, items):  # type: ignore[attr-defined]
            _keep(keyed, problem, by_id)

    # --- groups (a vehicle's uses, a driver's) ---------------------------------------------------------

    def _groups_again(self, result: _Result, old: PlanIndex, index: PlanIndex, changed: frozenset[int]) -> None:
        keyed = result.keyed
        assert keyed is not None
        check: Any = result.check
        groups: set[Hashable] = set()
        for at in (old, index):
            by_id = _items_by_id(at)
            groups |= check.groups_of(at, [by_id[i] for i in changed if i in by_id])
        for group in groups:
            keyed.pop(group, None)
        for group, order, found in check.for_groups(index, groups):
            keyed[group] = (order, found)

    # --- pairs of overlapping items ---------------------------------------------------------------

    def _overlaps_again(self, result: _Result, index: PlanIndex, changed: frozenset[int]) -> None:
        keyed = result.keyed
        assert keyed is not None
        for key in [k for k in keyed if not changed.isdisjoint(k)]:  # type: ignore[arg-type]
            del keyed[key]
        by_id = _items_by_id(index)
        pairs = _overlapping_with(index, [by_id[i] for i in changed if i in by_id])
        for problem in result.check.for_pairs(index, pairs):  # type: ignore[attr-defined]
            _keep(keyed, problem, by_id)

    # --- pairs of consecutive items ---------------------------------------------------------------

    def _update_consecutive(self, old: PlanIndex, new: PlanIndex, changed: frozenset[int]) -> dict[tuple[int, int], frozenset[int]]:
        """Bring who-has-which-consecutive-pair up to date; the pairs whose holders (or items) may have changed.

        Only the timelines of the members at a changed item (before or after
        the change) can have changed; each is walked in the old and the new plan.
        """
        if self._who is None:
            self._who = {(a.id, b.id): set(who) for a, b, who in consecutive_pairs(old)}  # type: ignore[misc]
        who_map = self._who
        old_by_id, new_by_id = _items_by_id(old), _items_by_id(new)
        concerned: set[int] = set()
        for item_id in changed:
            for index, by_id in ((old, old_by_id), (new, new_by_id)):
                item = by_id.get(item_id)
                if item is not None:
                    concerned.update(index.attendees(item))
        touched: set[tuple[int, int]] = set()
        now = sorted((new_by_id[i] for i in changed if i in new_by_id), key=item_key)
        if not self._timelines:  # everyone's at once, from one pass over the programme; then kept up to date
            items = old.items
            self._timelines = {member: [items[n] for n in old.timeline(member)] for member in old.member_by_id}
        for member in concerned:
            before = self._timelines.get(member)
            if before is None:
                before = [old.items[n] for n in old.timeline(member)]
            after = [i for i in before if i.id not in changed]
            if member in new.member_by_id:
                for item in now:
                    if member in new.attendees(item):
                        insort(after, item, key=item_key)
            self._timelines[member] = after
            for pair in _pairs(before):
                holders = who_map.get(pair)
                if holders is not None:
                    holders.discard(member)
                touched.add(pair)
            for pair in _pairs(after):
                who_map.setdefault(pair, set()).add(member)
                touched.add(pair)
        found: dict[tuple[int, int], frozenset[int]] = {}
        for pair in touched:
            holders = who_map.get(pair)
            if not holders:
                who_map.pop(pair, None)
                found[pair] = frozenset()
            else:
                found[pair] = frozenset(holders)
        return found

    def _consecutive_again(
        self, result: _Result, index: PlanIndex, changed: frozenset[int], touched: dict[tuple[int, int], frozenset[int]]
    ) -> None:
        keyed = result.keyed
        assert keyed is not None
        for key in [k for k in keyed if k in touched or not changed.isdisjoint(k)]:  # type: ignore[arg-type]
            del keyed[key]
        by_id = _items_by_id(index)
        pairs = [(by_id[a], by_id[b], who) for (a, b), who in touched.items() if who]  # kept by pair: no order needed
        for problem in result.check.for_pairs(index, pairs):  # type: ignore[attr-defined]
            _keep(keyed, problem, by_id)


def _items_by_id(index: PlanIndex) -> dict[int, ItemData]:
    return index.by_id()


def _keep(keyed: _Keyed, problem: Problem, by_id: dict[int, ItemData]) -> None:
    key = problem.item_ids
    entry = keyed.get(key)
    if entry is None:
        keyed[key] = (tuple(item_key(by_id[i]) for i in key), [problem])
    else:
        entry[1].append(problem)


def _longest(index: PlanIndex) -> timedelta:
    return index.memo("longest_item", lambda: max((i.end - i.start for i in index.items), default=timedelta(0)))  # type: ignore[operator]


def _start(item: ItemData) -> datetime:
    return item.start  # type: ignore[return-value]


def _overlapping_with(index: PlanIndex, items: Iterable[ItemData]) -> list[tuple[ItemData, ItemData, Any]]:
    """Each pair of overlapping items one of `items` is in, the earlier first, as sweep.overlapping_pairs gives them.

    In time order an earlier item `a` overlaps a later `b` when `a` ends after
    `b` starts (half-open intervals); only items starting within the longest
    item's length before the changed one can reach it.
    """
    all_items, longest = index.items, _longest(index)
    pairs: dict[tuple[int, int], tuple[ItemData, ItemData, Any]] = {}
    for item in items:
        assert item.start is not None and item.end is not None
        mine = item_key(item)
        first = bisect_left(all_items, item.start - longest, key=_start)
        for n in range(first, bisect_left(all_items, item.end, lo=first, key=_start)):
            other = all_items[n]
            if other is item or (other.end <= item.start and item.end <= other.start):  # type: ignore[operator]
                continue  # overlapping in neither order (most of the window): no need to order them
            a, b = (other, item) if item_key(other) < mine else (item, other)
            if a.end > b.start:  # type: ignore[operator]
                pairs[(a.id, b.id)] = (a, b, None)  # type: ignore[index]
    return sorted(pairs.values(), key=lambda pair: (item_key(pair[0]), item_key(pair[1])))


def _pairs(timeline: list[ItemData]) -> list[tuple[int, int]]:
    """The pairs of items following each other on a timeline, by item ids."""
    ids = [i.id for i in timeline]
    return list(zip(ids, ids[1:]))  # type: ignore[arg-type]


def _carry_over(old: PlanIndex, new: PlanIndex, changed: frozenset[int]) -> None:
    """Give `new` what `old` had worked out that several checks share, brought up to date for the changed items.

    `old` is given up: its lists are taken over, not copied.
    """
    new.take_lasting(old)  # not about the programme: as it was
    old_by_id = old._memo.get("items_by_id")
    if old_by_id is None:
        return
    by_id = dict(old_by_id)
    gone = [by_id.pop(i) for i in changed if i in by_id]
    now = [i for i in new.plan.items if i.id in changed and i.start is not None and i.end is not None]
    for item in now:
        by_id[item.id] = item  # type: ignore[index]
    new._memo["items_by_id"] = by_id
    # Bounds for searches by time (an item given up may have been the longest; a bound too long only looks further).
    for key, counted in (("longest_item", now), ("longest_stay_item", [i for i in now if i.kind != ItemKind.TRAVEL])):
        longest = old._memo.get(key)
        if longest is not None:
            new._memo[key] = max([longest, *(i.end - i.start for i in counted)])  # type: ignore[operator]
    at = old._memo.get("at_venues")
    if at is not None and new.venues is old.venues:
        for item in gone:
            if item.venue_id in at:
                at[item.venue_id].remove(item)
        for item in now:
            if item.venue_id is not None and item.venue_id in new.venues:
                insort(at.setdefault(item.venue_id, []), item, key=item_key)
        # By their first item, as PlanIndex.at_venues lists them.
        new._memo["at_venues"] = dict(sorted(((v, i) for v, i in at.items() if i), key=lambda entry: item_key(entry[1][0])))


__all__ = ["CheckRun"]
