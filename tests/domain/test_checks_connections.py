"""Getting from one item to the next: time to travel between venues, and time-zone jumps."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from planner.domain.checks import PlanIndex, ProblemKind, Severity
from planner.domain.checks.connections import _surely_enough
from planner.domain.checks.geo import EARTH_RADIUS_KM, haversine_km, point, point_distance_km, travel_minutes
from planner.domain.checks.plan import item_key
from planner.domain.checks.sweep import consecutive_pairs
from planner.domain.entities import VenueData
from planner.domain.enums import ItemKind
from planner.domain.localized import LocalizedText
from tests.domain.checks_support import BERLIN, SHANGHAI, found, item, local, member, plan, sz, venue

KAI = member(1, "Schirmeyer", "Kai")
ANNA = member(2, "Becker", "Anna")
TIGHT = ProblemKind.TIGHT_CONNECTION
ZONE = ProblemKind.ZONE_CHANGE

EMAX = venue(1, "EMAX")
OCAT = venue(2, "OCAT")
HOTEL = venue(3, "Hotel")


def test_haversine_knows_a_degree_of_latitude() -> None:
    assert haversine_km(22.0, 114.0, 23.0, 114.0) == pytest.approx(2 * 3.141592653589793 * EARTH_RADIUS_KM / 360, rel=1e-9)
    assert haversine_km(52.3754, 9.7405, 52.3754, 9.7405) == 0
    # Frankfurt to Shenzhen is a long-haul flight, about 9,200 km.
    assert 9000 < haversine_km(50.0507, 8.571, 22.6395, 113.8107) < 9400


def test_travel_time_is_urban_speed_plus_ten_minutes_rounded_up() -> None:
    assert travel_minutes(0) == 10
    assert travel_minutes(25) == 70
    assert travel_minutes(10.01) == 35  # 24.02 + 10 minutes, rounded up


def test_less_than_the_buffer_between_venues_is_a_warning() -> None:
    p = plan(
        [item(1, sz(26, 9), sz(26, 11), "Visit", venue_id=1), item(2, sz(26, 11, 15), sz(26, 12), "Lunch", venue_id=2)],
        [KAI, ANNA], [EMAX, OCAT],
    )
    [problem] = found(p, TIGHT)
    assert problem.severity == Severity.WARNING
    assert problem.message() == (
        "Only 15 min between “Visit” at EMAX and “Lunch” at OCAT (Wednesday, 26 October 2016, 11:00–11:15); "
        "the planned buffer is 30 min (for the whole delegation)"
    )
    assert problem.item_ids == (1, 2)
    assert problem.venue_ids == (1, 2)
    assert problem.membership_ids == (1, 2)
    assert problem.when == sz(26, 11, 15)


def test_exactly_the_buffer_is_enough() -> None:
    p = plan([item(1, sz(26, 9), sz(26, 11), venue_id=1), item(2, sz(26, 11, 30), sz(26, 12), venue_id=2)], [KAI], [EMAX, OCAT])
    assert found(p, TIGHT) == []


def test_the_trips_own_buffer_counts() -> None:
    items = [item(1, sz(26, 9), sz(26, 11), venue_id=1), item(2, sz(26, 11, 30), sz(26, 12), venue_id=2)]
    assert len(found(plan(items, [KAI], [EMAX, OCAT], buffer_minutes=45), TIGHT)) == 1
    assert found(plan(items, [KAI], [EMAX, OCAT], buffer_minutes=0), TIGHT) == []


def test_touching_items_at_the_same_venue_are_fine() -> None:
    p = plan([item(1, sz(26, 9), sz(26, 11), venue_id=1), item(2, sz(26, 11), sz(26, 12), venue_id=1)], [KAI], [EMAX])
    assert found(p, TIGHT) == []


def test_items_without_a_venue_are_not_checked() -> None:
    p = plan([item(1, sz(26, 9), sz(26, 11), venue_id=1), item(2, sz(26, 11), sz(26, 12))], [KAI], [EMAX])
    assert found(p, TIGHT) == []


def test_distance_decides_when_it_needs_longer_than_the_buffer() -> None:
    near = venue(1, "EMAX", 22.50, 113.94)
    far = venue(2, "Civic Center", 22.59, 113.94)  # 0.09° north: 10 km, 35 minutes
    p = plan(
        [item(1, sz(26, 9), sz(26, 11), "Visit", venue_id=1), item(2, sz(26, 11, 30), sz(26, 12), "Meeting", venue_id=2)],
        [KAI], [near, far],
    )
    [problem] = found(p, TIGHT)
    assert problem.message() == (
        "Only 30 min between “Visit” at EMAX and “Meeting” at Civic Center (Wednesday, 26 October 2016, 11:00–11:30); "
        "the 10 km between them take about 35 min (for Kai Schirmeyer)"
    )
    enough = p.items[1].evolve(start=sz(26, 11, 35))
    assert found(plan([p.items[0], enough], [KAI], [near, far]), TIGHT) == []


def test_a_short_distance_keeps_the_buffer() -> None:
    a, b = venue(1, "EMAX", 22.50, 113.94), venue(2, "Next door", 22.501, 113.94)
    p = plan([item(1, sz(26, 9), sz(26, 11), venue_id=1), item(2, sz(26, 11, 20), sz(26, 12), venue_id=2)], [KAI], [a, b])
    [problem] = found(p, TIGHT)
    assert "the planned buffer is 30 min" in problem.message()


def test_a_venue_without_coordinates_falls_back_to_the_buffer() -> None:
    a, b = venue(1, "EMAX", 22.50, 113.94), venue(2, "Unknown place")
    p = plan([item(1, sz(26, 9), sz(26, 11), venue_id=1), item(2, sz(26, 11, 30), sz(26, 12), venue_id=2)], [KAI], [a, b])
    assert found(p, TIGHT) == []


def test_the_venue_after_a_journey_is_not_checked() -> None:
    airport, hotel = venue(1, "Airport", 22.64, 113.81), venue(3, "Hotel", 22.54, 113.99)
    p = plan(
        [item(1, sz(24, 13), sz(24, 15), "Flight", kind=ItemKind.TRAVEL, venue_id=1),
         item(2, sz(24, 15), sz(24, 16), "Check-in", venue_id=3)],
        [KAI], [airport, hotel],
    )
    assert found(p, TIGHT) == []


def test_getting_to_a_journeys_start_is_checked() -> None:
    airport, hotel = venue(1, "Airport", 22.64, 113.81), venue(3, "Hotel", 22.54, 113.99)
    p = plan(
        [item(1, sz(27, 15), sz(27, 16), "Farewell", venue_id=3),
         item(2, sz(27, 16, 15), sz(27, 20), "Flight", kind=ItemKind.TRAVEL, venue_id=1)],
        [KAI], [airport, hotel],
    )
    [problem] = found(p, TIGHT)
    assert "“Farewell” at Hotel and “Flight” at Airport" in problem.message()


def test_overlapping_items_are_a_double_booking_not_a_tight_connection() -> None:
    p = plan([item(1, sz(26, 9), sz(26, 11), venue_id=1), item(2, sz(26, 10), sz(26, 12), venue_id=2)], [KAI], [EMAX, OCAT])
    assert found(p, TIGHT) == []
    assert len(found(p, ProblemKind.PARTICIPANT_OVERLAP)) == 1


def test_each_participant_has_their_own_next_item() -> None:
    # Kai goes EMAX -> OCAT (extra meeting) -> Hotel; Anna goes EMAX -> Hotel with 40 minutes to spare.
    p = plan(
        [item(1, sz(26, 9), sz(26, 10), "Visit", venue_id=1),
         item(2, sz(26, 10, 5), sz(26, 10, 30), "Extra", participants=[1], venue_id=2),
         item(3, sz(26, 10, 40), sz(26, 12), "Lunch", venue_id=3)],
        [KAI, ANNA], [EMAX, OCAT, HOTEL],
    )
    problems = found(p, TIGHT)
    assert [(pr.item_ids, pr.membership_ids) for pr in problems] == [((1, 2), (1,)), ((2, 3), (1,))]
    assert all(pr.message().endswith("(for Kai Schirmeyer)") for pr in problems)


def test_a_pair_one_member_skips_still_concerns_the_others() -> None:
    p = plan(
        [item(1, sz(26, 9), sz(26, 10), "Visit", venue_id=1),
         item(2, sz(26, 10, 5), sz(26, 10, 10), "Phone call", participants=[1]),
         item(3, sz(26, 10, 10), sz(26, 12), "Lunch", venue_id=3)],
        [KAI, ANNA], [EMAX, HOTEL],
    )
    [problem] = found(p, TIGHT)
    assert problem.item_ids == (1, 3)
    assert problem.membership_ids == (2,)
    assert problem.message().endswith("(for Anna Becker)")


def test_nobody_in_the_delegation_means_no_connections() -> None:
    p = plan([item(1, sz(26, 9), sz(26, 11), venue_id=1), item(2, sz(26, 11), sz(26, 12), venue_id=2)], [], [EMAX, OCAT])
    assert found(p, TIGHT) == []


# --- time zones ---------------------------------------------------------------------------------


def test_jumping_zones_without_a_journey_is_a_warning() -> None:
    p = plan(
        [item(1, local(BERLIN, 2016, 10, 23, 9), local(BERLIN, 2016, 10, 23, 10), "Briefing", tz=BERLIN),
         item(2, sz(24, 15), sz(24, 16), "Check-in")],
        [KAI, ANNA],
    )
    [problem] = found(p, ZONE)
    assert problem.severity == Severity.WARNING
    assert problem.message() == (
        "“Briefing” ends in Central European Summer Time and “Check-in” starts in China Standard Time "
        "(Monday, 24 October 2016, 15:00), but no travel item lies between them (for the whole delegation)"
    )
    assert problem.item_ids == (1, 2)
    assert problem.membership_ids == (1, 2)


def test_a_flight_between_them_is_the_journey() -> None:
    p = plan(
        [item(1, local(BERLIN, 2016, 10, 23, 9), local(BERLIN, 2016, 10, 23, 10), tz=BERLIN),
         item(2, local(BERLIN, 2016, 10, 23, 18, 30), sz(24, 14, 15), "Flight", kind=ItemKind.TRAVEL, tz=BERLIN,
              end_timezone=SHANGHAI),
         item(3, sz(24, 15), sz(24, 16))],
        [KAI, ANNA],
    )
    assert found(p, ZONE) == []


def test_only_those_without_the_flight_are_warned() -> None:
    p = plan(
        [item(1, local(BERLIN, 2016, 10, 23, 9), local(BERLIN, 2016, 10, 23, 10), tz=BERLIN),
         item(2, local(BERLIN, 2016, 10, 23, 18, 30), sz(24, 14, 15), kind=ItemKind.TRAVEL, participants=[1], tz=BERLIN,
              end_timezone=SHANGHAI),
         item(3, sz(24, 15), sz(24, 16))],
        [KAI, ANNA],
    )
    [problem] = found(p, ZONE)
    assert problem.membership_ids == (2,)
    assert problem.message().endswith("(for Anna Becker)")


def test_zones_with_the_same_clock_are_no_change() -> None:
    p = plan(
        [item(1, local(BERLIN, 2016, 9, 9, 9), local(BERLIN, 2016, 9, 9, 10), tz=BERLIN),
         item(2, local("Europe/Paris", 2016, 9, 9, 11), local("Europe/Paris", 2016, 9, 9, 12), tz="Europe/Paris")],
        [KAI], timezone=BERLIN,
    )
    assert found(p, ZONE) == []


def test_the_clocks_changing_in_one_zone_is_no_zone_change() -> None:
    p = plan(
        [item(1, local(BERLIN, 2016, 10, 29, 20), local(BERLIN, 2016, 10, 29, 22), tz=BERLIN),
         item(2, local(BERLIN, 2016, 10, 30, 9), local(BERLIN, 2016, 10, 30, 10), tz=BERLIN)],
        [KAI], timezone=BERLIN,
    )
    assert found(p, ZONE) == []


def test_a_flight_ending_in_the_next_zone_counts_with_its_arrival_zone() -> None:
    flight = item(1, local(BERLIN, 2016, 10, 23, 18, 30), sz(24, 14, 15), kind=ItemKind.TRAVEL, tz=BERLIN, end_timezone=SHANGHAI)
    after = item(2, sz(24, 15), sz(24, 16))
    assert found(plan([flight, after], [KAI]), ZONE) == []


# --- consecutive pairs agree with the obvious per-person walk ----------------------------------


def _brute_force(items: list, members: list) -> dict[tuple[int, int], set[int]]:
    result: dict[tuple[int, int], set[int]] = {}
    for m in members:
        mine = sorted((i for i in items if i.everyone or m.id in i.participant_ids), key=item_key)
        for a, b in zip(mine, mine[1:]):
            result.setdefault((a.id, b.id), set()).add(m.id)
    return result


@pytest.mark.parametrize("seed", range(40))
def test_consecutive_pairs_agree_with_walking_each_timeline(seed: int) -> None:
    rnd = random.Random(seed)
    members = [member(i, f"F{i}") for i in range(1, rnd.randint(2, 9))]
    groups = [rnd.sample([m.id for m in members], rnd.randint(1, len(members))) for _ in range(3)]
    items = []
    for n in range(1, rnd.randint(2, 50)):
        start = sz(25, 6) + timedelta(minutes=15 * rnd.randint(0, 60))
        end = start + timedelta(minutes=15 * rnd.randint(1, 8))
        roll = rnd.random()
        ticked = None if roll < 0.3 else rnd.choice(groups) if roll < 0.7 else rnd.sample([m.id for m in members], rnd.randint(1, len(members)))
        items.append(item(n, start, end, participants=ticked))
    got: dict[tuple[int, int], set[int]] = {}
    for a, b, who in consecutive_pairs(PlanIndex(plan(items, members))):
        assert (a.id, b.id) not in got, "each pair once"
        got[(a.id, b.id)] = set(who)
    assert got == _brute_force(items, members)


def test_the_quick_distance_bound_never_skips_a_connection_that_is_too_tight() -> None:
    """Pairs judged without trigonometry are only those the exact estimate would also let pass."""
    rnd = random.Random(11)
    skipped = 0
    for _ in range(20_000):
        lat, lon = rnd.uniform(-80, 80), rnd.uniform(-179, 179)
        spread = rnd.choice([0.001, 0.01, 0.05, 0.3, 3.0])
        a = point(VenueData(name=LocalizedText(en="A"), latitude=lat, longitude=lon))
        b = point(VenueData(
            name=LocalizedText(en="B"), latitude=max(-89.9, min(89.9, lat + rnd.uniform(-spread, spread))),
            longitude=lon + rnd.uniform(-spread, spread),
        ))
        assert a is not None and b is not None
        gap = rnd.uniform(0, 240)
        if _surely_enough(a, b, gap):
            skipped += 1
            assert travel_minutes(point_distance_km(a, b)) <= gap
    assert skipped > 1000  # the bound does spare the exact calculation for most short hops
