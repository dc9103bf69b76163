"""What a check reads, so that after a change only what the change touches is checked again.

A check stays a plain function of the PlanIndex, registered in CHECKS; these
decorators only annotate it. A check without annotations is simply run again
after every change (always correct, never stale). With `reads`, it is run again
only when a part of the plan it reads has changed. Checks whose problems are
each about one item (`item_local`) or about a pair of items (`pairwise`) are,
after an edit of some items, run on just those items or the pairs they are in;
checks whose problems fall into groups (`grouped`: a vehicle's, a driver's) on
just the groups the edited items are in (see planner.domain.checks.incremental).

The promise a decorator makes is checked by tests/domain/test_checks_incremental.py:
random edits, checked incrementally, give exactly what a full run gives.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from planner.domain.checks.plan import PlanIndex
    from planner.domain.checks.problem import Problem
    from planner.domain.entities import ItemData


class Part(StrEnum):
    """The parts of a TripPlan a change can touch."""

    TRIP = "trip"  # the trip's own record (days, zone, buffer, destination) and the day the checks run on
    MEMBERS = "members"  # the delegation: who is in it, in which order, their names, languages, papers, stays
    ITEMS = "items"  # the programme
    VENUES = "venues"  # the venues the programme uses, with their contacts
    VISAS = "visas"
    LOGISTICS = "logistics"  # vehicles, seats in them, members' travel legs, rooms


class Pairs(StrEnum):
    """Which pairs of items a pairwise check looks at."""

    OVERLAPPING = "overlapping"  # items running at the same time (the check decides who or what they share)
    CONSECUTIVE = "consecutive"  # items following each other on someone's timeline (sweep.consecutive_pairs)


F = TypeVar("F", bound=Callable[..., Any])
ForItems = Callable[["PlanIndex", Sequence["ItemData"]], list["Problem"]]
ForPairs = Callable[["PlanIndex", Iterable[tuple["ItemData", "ItemData", Any]]], list["Problem"]]
GroupsOf = Callable[["PlanIndex", Iterable["ItemData"]], set[Hashable]]
#: (group, its place in the check's order, its problems) for each group asked that has problems.
ForGroups = Callable[["PlanIndex", Collection[Hashable] | None], list[tuple[Hashable, Any, list["Problem"]]]]


def reads(*parts: Part) -> Callable[[F], F]:
    """Declare the parts of the plan a check looks at: it runs again only when one of them changed."""

    def mark(check: F) -> F:
        check.reads = frozenset(parts)  # type: ignore[attr-defined]
        return check

    return mark


def item_local(for_items: ForItems) -> Callable[[F], F]:
    """Declare a check whose every problem is about one item and depends on no other item.

    `for_items(index, items)` gives the problems of exactly `items` (in time
    order), in the order the check gives them; the check itself must give its
    problems item by item in time order, with `item_ids` naming that one item.
    """

    def mark(check: F) -> F:
        check.for_items = for_items  # type: ignore[attr-defined]
        return check

    return mark


def pairwise(kind: Pairs, for_pairs: ForPairs) -> Callable[[F], F]:
    """Declare a check whose every problem is about one pair of items, `item_ids` naming both, earlier first.

    `for_pairs(index, pairs)` gives the problems of exactly those pairs: for
    OVERLAPPING, `(a, b, None)` for overlapping items (the check filters); for
    CONSECUTIVE, `(a, b, who)` as sweep.consecutive_pairs gives them. The check
    gives its problems in the time order of the pairs (first item, then second).
    """

    def mark(check: F) -> F:
        check.pairs = kind  # type: ignore[attr-defined]
        check.for_pairs = for_pairs  # type: ignore[attr-defined]
        return check

    return mark


def grouped(groups_of: GroupsOf, for_groups: ForGroups) -> Callable[[F], F]:
    """Declare a check whose problems fall into groups that an item's edit touches few of (a vehicle's uses, a driver's).

    `groups_of(index, items)` names every group whose problems may involve
    `items` (more is harmless); `for_groups(index, groups)` gives, for each of
    `groups` (None: all) that has problems, `(group, order, problems)`: the
    check lists the groups by `order`, each group's problems in its own order,
    and its result must be exactly that.
    """

    def mark(check: F) -> F:
        check.groups_of = groups_of  # type: ignore[attr-defined]
        check.for_groups = for_groups  # type: ignore[attr-defined]
        return check

    return mark


def in_order(found: list[tuple[Hashable, Any, list[Problem]]]) -> list[Problem]:
    """The problems of a grouped check's groups, the groups in their order: the check's result."""
    return [problem for _group, _order, problems in sorted(found, key=_order) for problem in problems]


def _order(entry: tuple[Hashable, Any, list[Problem]]) -> Any:
    return entry[1]


def parts_read(check: Callable[..., Any]) -> frozenset[Part] | None:
    """What `check` declared it reads; None: undeclared, so it runs again after every change."""
    found = getattr(check, "reads", None)
    return found if isinstance(found, frozenset) else None
