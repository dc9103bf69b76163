"""Double bookings: a person in two items at once (error), a venue hosting two at once (warning)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from planner.domain.checks import PlanIndex, ProblemKind, Severity
from planner.domain.checks.overlaps import participant_overlaps
from planner.domain.checks.plan import item_key
from planner.domain.checks.sweep import everyone_crossings, overlapping_pairs
from planner.domain.enums import ItemKind
from tests.domain.checks_support import BERLIN, SHANGHAI, found, item, local, member, plan, sz, venue

KAI = member(1, "Schirmeyer", "Kai")
ANNA = member(2, "Becker", "Anna")
XU = member(3, "Xu", "Qin", native_name="许勤", nationality="CN")

OVERLAP = ProblemKind.PARTICIPANT_OVERLAP


def test_the_message_names_the_person_the_items_and_the_local_time() -> None:
    p = plan(
        [item(1, sz(25, 9), sz(25, 11), "Visit to EMAX", participants=[1]), item(2, sz(25, 10), sz(25, 12), "Workshop", participants=[1])],
        [KAI, ANNA],
    )
    [problem] = found(p, OVERLAP)
    assert problem.severity == Severity.ERROR
    assert problem.message() == (
        "Kai Schirmeyer is booked into “Visit to EMAX” and “Workshop” at the same time (Tuesday, 25 October 2016, 10:00–11:00)"
    )
    assert problem.item_ids == (1, 2)
    assert problem.membership_ids == (1,)
    assert problem.person_ids == (101,)
    assert problem.when == sz(25, 10)


def test_touching_items_do_not_overlap() -> None:
    p = plan([item(1, sz(25, 9), sz(25, 10)), item(2, sz(25, 10), sz(25, 11))], [KAI])
    assert found(p, OVERLAP) == []


def test_one_minute_of_overlap_is_enough() -> None:
    p = plan([item(1, sz(25, 9), sz(25, 10, 1)), item(2, sz(25, 10), sz(25, 11))], [KAI])
    [problem] = found(p, OVERLAP)
    assert "10:00–10:01" in problem.message()


def test_items_for_everyone_count_for_every_member() -> None:
    p = plan([item(1, sz(25, 9), sz(25, 11)), item(2, sz(25, 10), sz(25, 12))], [KAI, ANNA, XU])
    [problem] = found(p, OVERLAP)
    assert problem.message().startswith("The whole delegation is booked into “Item 1” and “Item 2”")
    assert problem.membership_ids == (1, 2, 3)
    assert problem.person_ids == (101, 102, 103)


def test_an_everyone_item_against_a_ticked_item_names_only_those_ticked() -> None:
    p = plan([item(1, sz(25, 9), sz(25, 11)), item(2, sz(25, 10), sz(25, 12), participants=[3, 1])], [KAI, ANNA, XU])
    [problem] = found(p, OVERLAP)
    assert problem.membership_ids == (1, 3)  # protocol order
    assert problem.message().startswith("Kai Schirmeyer and Xu Qin are booked into “Item 1” and “Item 2”")


def test_ticked_items_with_different_people_do_not_clash() -> None:
    p = plan(
        [item(1, sz(25, 9), sz(25, 11), participants=[1]), item(2, sz(25, 9), sz(25, 11), participants=[2, 3])],
        [KAI, ANNA, XU],
    )
    assert found(p, OVERLAP) == []


def test_only_the_people_in_both_items_are_named() -> None:
    p = plan(
        [item(1, sz(25, 9), sz(25, 11), participants=[1, 2]), item(2, sz(25, 10), sz(25, 11), participants=[2, 3])],
        [KAI, ANNA, XU],
    )
    [problem] = found(p, OVERLAP)
    assert problem.membership_ids == (2,)
    assert problem.message().startswith("Anna Becker is booked")


def test_a_long_list_of_people_is_cut_short() -> None:
    people = [member(i, f"Family{i}", "Given") for i in range(1, 8)]
    p = plan(
        [item(1, sz(25, 9), sz(25, 11), participants=range(1, 7)), item(2, sz(25, 10), sz(25, 12))],
        [*people, member(8, "Absent", "Ada")],
    )
    [problem] = found(p, OVERLAP)
    assert problem.message().startswith("Given Family1, Given Family2, Given Family3 and 3 others are booked")
    assert problem.membership_ids == (1, 2, 3, 4, 5, 6)


def test_chinese_readers_see_the_native_name() -> None:
    from planner import i18n

    p = plan([item(1, sz(25, 9), sz(25, 11), participants=[3]), item(2, sz(25, 10), sz(25, 12), participants=[3])], [XU, KAI])
    [problem] = found(p, OVERLAP)
    i18n.set_language("zh")
    assert "许勤" in problem.message()
    assert "2016年10月25日" in problem.message()


def test_a_single_member_is_named_not_called_the_whole_delegation() -> None:
    p = plan([item(1, sz(25, 9), sz(25, 11)), item(2, sz(25, 10), sz(25, 12))], [KAI])
    [problem] = found(p, OVERLAP)
    assert problem.message().startswith("Kai Schirmeyer is booked")


def test_no_members_means_nobody_is_double_booked() -> None:
    p = plan([item(1, sz(25, 9), sz(25, 11)), item(2, sz(25, 10), sz(25, 12))], [])
    assert found(p, OVERLAP) == []


def test_an_empty_trip_has_no_problems() -> None:
    assert participant_overlaps(PlanIndex(plan())) == []


def test_ids_of_people_no_longer_in_the_delegation_are_ignored() -> None:
    p = plan([item(1, sz(25, 9), sz(25, 11), participants=[1, 99]), item(2, sz(25, 10), sz(25, 12), participants=[99])], [KAI])
    assert found(p, OVERLAP) == []


def test_overlaps_are_found_across_zones_in_utc() -> None:
    # 09:00–10:00 in Berlin is 15:00–16:00 in Shenzhen (summer time): it overlaps 15:30 there.
    p = plan(
        [
            item(1, local(BERLIN, 2016, 9, 9, 9), local(BERLIN, 2016, 9, 9, 10), "Call from Berlin", tz=BERLIN),
            item(2, local(SHANGHAI, 2016, 9, 9, 15, 30), local(SHANGHAI, 2016, 9, 9, 17), "Visit"),
        ],
        [KAI],
    )
    [problem] = found(p, OVERLAP)
    # Shown on the clock of the place where the later item starts.
    assert "15:30–16:00" in problem.message()


def test_same_wall_clock_in_different_zones_is_not_an_overlap() -> None:
    p = plan(
        [
            item(1, local(BERLIN, 2016, 9, 9, 9), local(BERLIN, 2016, 9, 9, 10), tz=BERLIN),
            item(2, local(SHANGHAI, 2016, 9, 9, 9), local(SHANGHAI, 2016, 9, 9, 10)),
        ],
        [KAI],
    )
    assert found(p, OVERLAP) == []


def test_an_item_across_midnight_overlaps_the_next_morning() -> None:
    p = plan([item(1, sz(25, 22), sz(26, 1)), item(2, sz(26, 0, 30), sz(26, 2))], [KAI])
    [problem] = found(p, OVERLAP)
    assert "Wednesday, 26 October 2016, 00:30–01:00" in problem.message()


def test_the_repeated_hour_of_a_dst_night_is_told_apart() -> None:
    # Berlin, 30 October 2016: 02:00–03:00 happens twice. The first 02:30 and the second do not overlap.
    first = item(1, local(BERLIN, 2016, 10, 30, 2, 0), local(BERLIN, 2016, 10, 30, 2, 30), tz=BERLIN)
    second = item(2, local(BERLIN, 2016, 10, 30, 2, 30, fold=1), local(BERLIN, 2016, 10, 30, 2, 50, fold=1), tz=BERLIN)
    assert second.start is not None and first.end is not None and second.start - first.end == timedelta(hours=1)
    assert found(plan([first, second], [KAI], timezone=BERLIN), OVERLAP) == []
    longer = first.evolve(end=local(BERLIN, 2016, 10, 30, 2, 40, fold=1))  # 02:00 (CEST) to 02:40 (CET) is 100 minutes
    assert len(found(plan([longer, second], [KAI], timezone=BERLIN), OVERLAP)) == 1


def test_three_items_at_once_give_each_pair_once() -> None:
    p = plan([item(1, sz(25, 9), sz(25, 12)), item(2, sz(25, 10), sz(25, 11)), item(3, sz(25, 10, 30), sz(25, 13))], [KAI])
    assert sorted(pr.item_ids for pr in found(p, OVERLAP)) == [(1, 2), (1, 3), (2, 3)]


def test_a_long_item_overlaps_everything_inside_it() -> None:
    inside = [item(i, sz(25, 8 + i), sz(25, 9 + i), participants=[1]) for i in range(2, 6)]
    p = plan([item(1, sz(25, 9), sz(25, 18), "All-day fair"), *inside], [KAI, ANNA])
    assert sorted(pr.item_ids for pr in found(p, OVERLAP)) == [(1, 2), (1, 3), (1, 4), (1, 5)]


def _brute_force(p_items: list, members: list) -> dict[tuple[int, int], set[int]]:
    """Every pair of every member's timeline compared: the slow, obvious answer."""
    result: dict[tuple[int, int], set[int]] = {}
    for m in members:
        mine = sorted((i for i in p_items if i.everyone or m.id in i.participant_ids), key=item_key)
        for x in range(len(mine)):
            for y in range(x + 1, len(mine)):
                a, b = mine[x], mine[y]
                if a.end > b.start and b.end > a.start:
                    result.setdefault((a.id, b.id), set()).add(m.id)
    return result


@pytest.mark.parametrize("seed", range(30))
def test_the_sweep_agrees_with_comparing_every_pair(seed: int) -> None:
    rnd = random.Random(seed)
    members = [member(i, f"F{i}") for i in range(1, rnd.randint(2, 9))]
    items = []
    for n in range(1, rnd.randint(2, 40)):
        start = sz(25, 6) + timedelta(minutes=15 * rnd.randint(0, 60))
        end = start + timedelta(minutes=15 * rnd.randint(1, 12))
        ticked = None if rnd.random() < 0.3 else rnd.sample([m.id for m in members], rnd.randint(1, len(members)))
        items.append(item(n, start, end, participants=ticked))
    expected = _brute_force(items, members)
    got = {pr.item_ids: set(pr.membership_ids) for pr in participant_overlaps(PlanIndex(plan(items, members)))}
    assert got == expected


def _overlapping_by_definition(items: list) -> set[tuple[int, int]]:
    """In time order, an item overlaps a later one when it ends after that one starts (half-open, empty items too)."""
    ordered = sorted(items, key=item_key)
    return {(a.id, b.id) for x, a in enumerate(ordered) for b in ordered[x + 1:] if a.end > b.start}


@pytest.mark.parametrize("seed", range(30))
def test_the_sweeps_agree_with_the_definition_for_touching_empty_and_long_items(seed: int) -> None:
    rnd = random.Random(seed)
    items = []
    for n in range(1, rnd.randint(2, 60)):
        start = sz(25, 6) + timedelta(minutes=30 * rnd.randint(0, 20))
        end = start + timedelta(minutes=30 * rnd.choice((0, 0, 1, 2, 3, 12)))
        items.append(item(n, start, end, participants=None if rnd.random() < 0.25 else [1]))
    index = PlanIndex(plan(items, [KAI]))
    expected = _overlapping_by_definition(items)
    swept = [(a.id, b.id) for a, b in overlapping_pairs(index.items)]
    assert len(swept) == len(set(swept)) and set(swept) == expected
    everyone = {i.id for i in items if i.everyone}
    crossing = [(a.id, b.id) for a, b in everyone_crossings(index)]
    assert len(crossing) == len(set(crossing))
    assert set(crossing) == {(x, y) for x, y in expected if (x in everyone) != (y in everyone)}


# --- venues -----------------------------------------------------------------------------------


def test_a_venue_booked_twice_is_a_warning_naming_the_venue() -> None:
    emax = venue(7, "EMAX")
    p = plan(
        [item(1, sz(26, 9), sz(26, 11), "Visit", participants=[1], venue_id=7),
         item(2, sz(26, 10), sz(26, 12), "Workshop", participants=[2], venue_id=7)],
        [KAI, ANNA], [emax],
    )
    [problem] = found(p, ProblemKind.VENUE_OVERLAP)
    assert problem.severity == Severity.WARNING
    assert problem.message() == "“Visit” and “Workshop” are both at EMAX at the same time (Wednesday, 26 October 2016, 10:00–11:00)"
    assert problem.venue_ids == (7,)
    assert problem.item_ids == (1, 2)
    assert found(p, OVERLAP) == []  # different people: no double booking


def test_a_venue_used_back_to_back_is_fine() -> None:
    p = plan([item(1, sz(26, 9), sz(26, 10), venue_id=7), item(2, sz(26, 10), sz(26, 11), venue_id=7)], [KAI], [venue(7, "EMAX")])
    assert found(p, ProblemKind.VENUE_OVERLAP) == []


def test_different_venues_at_the_same_time_are_fine() -> None:
    p = plan(
        [item(1, sz(26, 9), sz(26, 10), participants=[1], venue_id=7), item(2, sz(26, 9), sz(26, 10), participants=[2], venue_id=8)],
        [KAI, ANNA], [venue(7, "EMAX"), venue(8, "OCAT")],
    )
    assert found(p, ProblemKind.VENUE_OVERLAP) == []


def test_departures_from_one_airport_do_not_clash() -> None:
    p = plan(
        [item(1, sz(27, 20), sz(27, 23), kind=ItemKind.TRAVEL, participants=[1], venue_id=9),
         item(2, sz(27, 21), sz(27, 23), kind=ItemKind.TRAVEL, participants=[2], venue_id=9)],
        [KAI, ANNA], [venue(9, "Airport")],
    )
    assert found(p, ProblemKind.VENUE_OVERLAP) == []
