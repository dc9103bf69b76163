"""Double bookings: a person in two items at once, a venue hosting two items at once."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from planner.domain.checks.params import Span
from planner.domain.checks.plan import PlanIndex, item_key
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Pairs, Part, pairwise, reads
from planner.domain.checks.sweep import Pair, everyone_crossings, overlapping_pairs
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind
from planner.i18n import N_

ONE_PERSON_BOOKED_TWICE = N_("{person} is booked into “{first}” and “{second}” at the same time ({when})")
PEOPLE_BOOKED_TWICE = N_("{people} are booked into “{first}” and “{second}” at the same time ({when})")
EVERYONE_BOOKED_TWICE = N_("The whole delegation is booked into “{first}” and “{second}” at the same time ({when})")
VENUE_BOOKED_TWICE = N_("“{first}” and “{second}” are both at {venue} at the same time ({when})")


def overlap_span(index: PlanIndex, a: ItemData, b: ItemData) -> Span:
    """The time both items run, on the clock of the place where the later one starts."""
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    return Span(index.local(max(a.start, b.start), b.timezone), index.local(min(a.end, b.end), b.timezone))


def _participant_pairs(index: PlanIndex, pairs: Iterable[tuple[ItemData, ItemData, Any]]) -> list[Problem]:
    """The double bookings among overlapping `pairs`: whoever attends both items."""
    problems: list[Problem] = []
    for a, b, _who in pairs:
        who = index.attendees(a) & index.attendees(b)
        if who:
            problems.append(_double_booking(index, a, b, who))
    return problems


@reads(Part.TRIP, Part.MEMBERS, Part.ITEMS)
@pairwise(Pairs.OVERLAPPING, _participant_pairs)
def participant_overlaps(index: PlanIndex) -> list[Problem]:
    """Everyone who is in two overlapping items, one problem per pair of items.

    Each member's timeline is swept in time order. The items for everyone are
    common to all timelines, so they are swept once: among themselves (the whole
    delegation is double-booked) and against the ticked items (whoever is ticked
    is double-booked); only the ticked items are swept member by member (once
    for members who share the same ticked items).
    """
    if not index.all_ids:
        return []
    found: dict[tuple[int, int], tuple[ItemData, ItemData, set[int]]] = {}

    def add(pair: Pair, who: frozenset[int] | set[int]) -> None:
        slot = (id(pair[0]), id(pair[1]))
        if slot in found:
            found[slot][2].update(who)
        else:
            found[slot] = (pair[0], pair[1], set(who))

    for pair in overlapping_pairs(index.everyone_items):
        add(pair, index.all_ids)
    for a, b in everyone_crossings(index):  # the common programme against the ticked items
        who = index.attendees(b if a.everyone else a)
        if who:
            add((a, b), who)
    items = index.items
    for numbers, who in index.own_timelines:
        for pair in overlapping_pairs(map(items.__getitem__, numbers)):
            add(pair, who)
    in_order = sorted(found.values(), key=lambda found: (item_key(found[0]), item_key(found[1])))  # pairs in time order
    return [_double_booking(index, a, b, frozenset(who)) for a, b, who in in_order]


def _double_booking(index: PlanIndex, a: ItemData, b: ItemData, who: frozenset[int]) -> Problem:
    group = index.group(who)
    params: dict[str, object] = {"first": a.title, "second": b.title, "when": overlap_span(index, a, b)}
    msgid = EVERYONE_BOOKED_TWICE if group.everyone else group.named(params, ONE_PERSON_BOOKED_TWICE, PEOPLE_BOOKED_TWICE)
    assert a.start is not None and b.start is not None
    return Problem(
        Severity.ERROR, ProblemKind.PARTICIPANT_OVERLAP, msgid, params, when=max(a.start, b.start),
        item_ids=_ids(a, b), membership_ids=group.membership_ids, person_ids=group.person_ids,
    )


def _at_a_venue(index: PlanIndex, item: ItemData) -> bool:
    return item.venue_id is not None and item.kind != ItemKind.TRAVEL and item.venue_id in index.venues


def _venue_pairs(index: PlanIndex, pairs: Iterable[tuple[ItemData, ItemData, Any]]) -> list[Problem]:
    """The venues booked twice among overlapping `pairs`."""
    return [
        _venue_booked_twice(index, a, b)
        for a, b, _who in pairs
        if a.venue_id == b.venue_id and _at_a_venue(index, a) and _at_a_venue(index, b)
    ]


def _venue_booked_twice(index: PlanIndex, a: ItemData, b: ItemData) -> Problem:
    assert a.start is not None and b.start is not None and a.venue_id is not None
    return Problem(
        Severity.WARNING, ProblemKind.VENUE_OVERLAP, VENUE_BOOKED_TWICE,
        {"first": a.title, "second": b.title, "venue": index.venues[a.venue_id].name, "when": overlap_span(index, a, b)},
        when=max(a.start, b.start), item_ids=_ids(a, b), venue_ids=(a.venue_id,),
    )


@reads(Part.ITEMS, Part.VENUES)
@pairwise(Pairs.OVERLAPPING, _venue_pairs)
def venue_overlaps(index: PlanIndex) -> list[Problem]:
    """Two items at one venue at the same time: a room booked twice, or a typo in a time.

    Travel items are left out: a station or airport sees many departures at once.
    """
    travel = ItemKind.TRAVEL
    pairs = [
        pair for items in index.at_venues().values()  # in time order, so each list is too
        for pair in overlapping_pairs([i for i in items if i.kind != travel])
    ]
    pairs.sort(key=lambda pair: (item_key(pair[0]), item_key(pair[1])))  # in time order, as after an edit
    return [_venue_booked_twice(index, a, b) for a, b in pairs]


def _ids(*items: ItemData) -> tuple[int, ...]:
    return tuple(i.id for i in items if i.id is not None)
