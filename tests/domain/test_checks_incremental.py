"""Checking again after a change: what the incremental run finds is exactly what a full run finds.

Random plans get random edits (items moved, re-ticked, moved to another venue
or zone, made a journey, untranslated, deleted, added; members, venues, the
trip and its logistics (seats in vehicles, drivers, travel legs, rooms) changed
now and then); after each, CheckRun.update must give the same list as
run_checks on the changed plan, in the same order.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.domain.checks import CHECKS, Participant, Problem, TripPlan, run_checks, start_checks
from planner.domain.checks.problem import ProblemKind
from planner.domain.accommodation import RoomAssignmentData, RoomBlockData
from planner.domain.checks.scope import Part
from planner.domain.checks.vehicles import DepartureRun
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind, Language
from planner.domain.localized import LocalizedText
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.domain.vehicles import ItemRides, Ride, VehicleData, VehicleKind
from tests.domain.checks_support import BERLIN, SHANGHAI, item, member, plan, sz, text, venue

ZONES = (SHANGHAI, SHANGHAI, SHANGHAI, BERLIN, "Asia/Chongqing")
KINDS = (ItemKind.MEETING, ItemKind.MEETING, ItemKind.SITE_VISIT, ItemKind.MEAL, ItemKind.TRAVEL)


def _members(rng: random.Random) -> list[Participant]:
    languages = (Language.DE, Language.ZH, Language.EN)
    found = []
    for mid in range(1, 9):
        arrival = date(2016, 10, rng.choice((24, 24, 25))) if rng.random() < 0.3 else None
        departure = date(2016, 10, rng.choice((26, 27, 27))) if rng.random() < 0.3 else None
        p = member(mid, f"Family{mid}", f"Given{mid}", language=rng.choice(languages))
        found.append(Participant(p.membership.evolve(arrival=arrival, departure=departure), p.person))
    return found


def _title(rng: random.Random, n: int) -> LocalizedText:
    if rng.random() < 0.15:
        return LocalizedText(de=f"Termin {n}", zh="", en=f"Item {n}")
    return text(f"Item {n}")


def _random_item(rng: random.Random, iid: int, members: list[Participant]) -> ItemData:
    day, hour, minute = rng.randint(23, 28), rng.randint(4, 23), rng.choice((0, 15, 30, 45))
    start = sz(min(day, 28), hour, minute)
    end = start + timedelta(minutes=rng.choice((0, 15, 30, 45, 60, 90, 120, 600)))
    everyone = rng.random() < 0.2
    ticked = None if everyone else sorted(rng.sample([m.id for m in members], rng.randint(0, 3)))
    kind = rng.choice(KINDS)
    tz = rng.choice(ZONES)
    return item(
        iid, start, end, participants=ticked, venue_id=rng.choice((None, 1, 2, 3, 4, 5, 6, 99)), tz=tz, kind=kind,
        host=rng.choice((1, None, 1)), title=_title(rng, iid),
        description=rng.choice((LocalizedText(), text(f"About {iid}"), LocalizedText(de="Nur deutsch"))),
        end_timezone=rng.choice((tz, tz, BERLIN)) if kind == ItemKind.TRAVEL else "",
    )


def _venues(rng: random.Random) -> list:
    return [
        venue(1, "Hotel", 22.54, 114.06),
        venue(2, "City hall", 22.55, 114.10),
        venue(3, "Factory", 22.70, 113.90, tz=rng.choice((SHANGHAI, BERLIN))),
        venue(4, "Museum", None, None, address=""),
        venue(5, LocalizedText(de="Werk", zh="", en="Works"), 52.37, 9.73, tz=BERLIN, country="DE"),
        venue(6, "Airport", 22.64, 113.81),
    ]


def _edit(rng: random.Random, p: TripPlan, next_id: list[int]) -> tuple[TripPlan, set[Part], set[int]]:
    """One random change of `p`: the new plan, the parts it touched and the items it changed."""
    items = list(p.items)
    choice = rng.random()
    if choice < 0.08:
        members = list(p.members)
        n = rng.randrange(len(members))
        m = members[n]
        members[n] = Participant(m.membership.evolve(protocol_order=rng.randint(0, 20)), m.person.evolve(passport_expiry=rng.choice((None, date(2016, 11, 1)))))
        return replace(p, members=tuple(members)), {Part.MEMBERS}, set()
    if choice < 0.12:
        venues = dict(p.venues)
        vid = rng.choice(list(venues))
        venues[vid] = venues[vid].evolve(latitude=rng.choice((None, 22.6)), address_local=rng.choice(("", "Street 2")))
        return replace(p, venues=venues), {Part.VENUES}, set()
    if choice < 0.15:
        return replace(p, trip=p.trip.evolve(buffer_minutes=rng.choice((0, 15, 30, 90)))), {Part.TRIP}, set()
    if choice < 0.19:
        return _logistics(rng, p, [i.id for i in items]), {Part.LOGISTICS}, set()
    if choice < 0.27 or not items:
        new = _random_item(rng, next_id[0], list(p.members))
        next_id[0] += 1
        items.append(new)
        changed = {new.id}
    elif choice < 0.32:
        gone = items.pop(rng.randrange(len(items)))
        changed = {gone.id}
    else:
        n = rng.randrange(len(items))
        old = items[n]
        way = rng.randrange(6)
        if way == 0:  # moved, as the programme page's drag does
            delta = timedelta(minutes=15 * rng.randint(-16, 16))
            new = old.evolve(start=old.start + delta, end=old.end + delta)
        elif way == 1:
            new = old.evolve(everyone=False, participant_ids=tuple(sorted(rng.sample([m.id for m in p.members], rng.randint(0, 4)))))
        elif way == 2:
            new = old.evolve(everyone=True, participant_ids=())
        elif way == 3:
            new = old.evolve(venue_id=rng.choice((None, 1, 2, 3, 4, 5, 6)), host_contact_id=rng.choice((None, 1)))
        elif way == 4:
            new = old.evolve(title=_title(rng, old.id), timezone=rng.choice(ZONES))
        else:
            new = old.evolve(end=old.start + timedelta(minutes=rng.choice((0, 30, 240))), kind=rng.choice(KINDS))
        items[n] = new
        changed = {old.id}
    return replace(p, items=tuple(items)), {Part.ITEMS}, changed


def _vehicles(rng: random.Random) -> dict[int, VehicleData]:
    """Cars and a coach; some share a driver (by phone, or by name), some have none."""
    drivers = (("Wang Jianguo", "+86 138 0000 0701"), ("Chen Guohua", "0138 0000 0701"), ("Li Ming", ""), ("li  ming", ""), ("", ""))
    found = {}
    for vid in range(1, 6):
        name, phone = rng.choice(drivers)
        kind = VehicleKind.COACH if vid == 5 else VehicleKind.CAR
        found[vid] = VehicleData(id=vid, label=f"Vehicle {vid}", kind=kind, seats=rng.choice((1, 2, 3, 40)), driver_name=name, driver_phone=phone)
    return found


def _rides(rng: random.Random, item_ids: list[int], members: list[Participant]) -> dict[int, ItemRides]:
    """Seats on about half the items, for some members (also for members not attending, and in a vehicle the trip lacks)."""
    found = {}
    for iid in item_ids:
        if rng.random() < 0.5:
            riders = rng.sample([m.id for m in members], rng.randint(1, len(members)))
            seats = tuple(sorted((Ride(mid, rng.choice((1, 2, 3, 4, 5, 5, 9))) for mid in riders), key=lambda r: r.membership_id))
            found[iid] = ItemRides(id=iid, seats=seats)
    return found


def _legs(rng: random.Random, members: list[Participant]) -> tuple[TravelLegData, ...]:
    """Arrivals (some picked up by a vehicle, two on the same flight) and departures of some members (some taken to
    the airport by a vehicle, with or without a pick-up time)."""
    legs = []
    # The departure runs' vehicles and pick-up times come from a generator of their own, seeded by `rng`'s state
    # without drawing from it: the plans of every seed stay as they were before departure runs were added.
    runs = random.Random(hash(rng.getstate()[1]))
    for m in members:
        if rng.random() < 0.5:
            landing = sz(rng.choice((24, 25)), rng.choice((8, 10, 14)))
            legs.append(TravelLegData(
                id=m.id * 10, membership_id=m.id, direction=LegDirection.ARRIVAL, number=rng.choice(("LH 722", "CA 931")),
                arrival=landing, arrival_timezone=SHANGHAI, vehicle_id=rng.choice((None, 1, 2, 5)),
            ))
        if rng.random() < 0.4:
            take_off = sz(rng.choice((27, 28)), rng.choice((9, 18)))
            # some taken from the hotel by a vehicle, most of those with the time it leaves (two on one flight share it)
            pickup = take_off - timedelta(hours=runs.choice((2, 3))) if runs.random() < 0.7 else None
            legs.append(TravelLegData(
                id=m.id * 10 + 1, membership_id=m.id, direction=LegDirection.DEPARTURE, number="LH 723",
                departure=take_off, departure_timezone=SHANGHAI, vehicle_id=runs.choice((None, 1, 2, 5)), pickup=pickup,
            ))
    return tuple(legs)


def _rooms(rng: random.Random, members: list[Participant]) -> tuple[tuple[RoomBlockData, ...], tuple[RoomAssignmentData, ...]]:
    blocks = (RoomBlockData(id=1, venue_id=1, room_type=text("Single"), rooms=rng.randint(2, 6), sleeps=1),
              RoomBlockData(id=2, venue_id=1, room_type=text("Double"), rooms=1, sleeps=2))
    rooms = tuple(
        RoomAssignmentData(id=m.id, membership_id=m.id, block_id=rng.choice((1, 2)),
                           first_night=date(2016, 10, rng.choice((23, 24))), last_night=date(2016, 10, rng.choice((26, 27))))
        for m in members if rng.random() < 0.7
    )
    return blocks, rooms


def _logistics(rng: random.Random, p: TripPlan, item_ids: list[int]) -> TripPlan:
    """`p` with vehicles, seats, legs and rooms made anew (some of them, at random)."""
    members = list(p.members)
    vehicles = _vehicles(rng) if rng.random() < 0.5 else p.vehicles
    rides = _rides(rng, item_ids, members) if rng.random() < 0.7 else p.rides
    legs = _legs(rng, members) if rng.random() < 0.5 else p.legs
    blocks, rooms = _rooms(rng, members) if rng.random() < 0.5 else (p.room_blocks, p.rooms)
    return replace(p, vehicles=vehicles, rides=rides, legs=legs, room_blocks=blocks, rooms=rooms)


def _first_plan(rng: random.Random, seed: int) -> TripPlan:
    """The random plan a seed starts from: with vehicles, seats, legs and rooms for odd seeds."""
    members = _members(rng)
    items = [_random_item(rng, n, members) for n in range(1, 41)]
    p = plan(items, members, _venues(rng))
    if seed % 2:  # with vehicles, seats on the items, travel legs and rooms
        blocks, rooms = _rooms(rng, members)
        p = replace(p, vehicles=_vehicles(rng), rides=_rides(rng, [i.id for i in items], members), legs=_legs(rng, members),
                    room_blocks=blocks, rooms=rooms)
    return p


def test_the_random_plans_hold_departure_runs_in_clashes_and_without_pick_up_time() -> None:
    """What the test below compares includes departure runs: busy vehicles and the hint for a missing pick-up time."""
    clashes = hints = 0
    for seed in range(1, 30, 2):
        problems = run_checks(_first_plan(random.Random(seed), seed))
        clashes += sum(isinstance(p.params.get(part), DepartureRun) for p in problems for part in ("first", "second"))
        hints += sum(p.kind is ProblemKind.NO_PICKUP_TIME for p in problems)
    assert clashes > 0 and hints > 0


@pytest.mark.parametrize("seed", range(30))
def test_random_edits_checked_incrementally_find_what_a_full_run_finds(seed: int) -> None:
    rng = random.Random(seed)
    p = _first_plan(rng, seed)
    run = start_checks(p)
    assert run.problems() == run_checks(p)
    next_id = [1000]
    kinds: set[ProblemKind] = set()
    partial = 0
    regrouped = 0
    for _step in range(40):
        p, parts, changed = _edit(rng, p, next_id)
        got = run.update(p, parts, changed)
        expected = run_checks(p)
        assert got == expected, _difference(got, expected)
        kinds.update(problem.kind for problem in got)
        partial += any(how != "full" for how in run.last_rerun.values())
        regrouped += run.last_rerun.get("vehicles_in_two_places") == "groups"
    assert partial > 10  # most edits were items' edits, checked where they happened
    assert {ProblemKind.PARTICIPANT_OVERLAP, ProblemKind.TIGHT_CONNECTION, ProblemKind.MISSING_TRANSLATION} <= kinds
    if seed % 2:
        assert regrouped > 10  # a vehicle's clashes looked at again only for the vehicles the item has seats in
        assert {ProblemKind.NO_SEAT, ProblemKind.VEHICLE_TWICE, ProblemKind.DRIVER_TWICE} <= kinds


def _difference(got: list[Problem], expected: list[Problem]) -> str:
    extra = [str(p) for p in got if p not in expected]
    missing = [str(p) for p in expected if p not in got]
    return f"only incremental: {extra}; only full: {missing}; same set, other order: {not extra and not missing}"


def test_an_item_edit_runs_again_only_what_reads_the_programme_and_only_where_it_happened() -> None:
    members = [member(1, "Wang"), member(2, "Schmidt")]
    items = [
        item(1, sz(25, 9), sz(25, 10), participants=[1], venue_id=1),
        item(2, sz(25, 10), sz(25, 11), participants=[1], venue_id=2),
    ]
    p = plan(items, members, [venue(1, "Hotel", 22.54, 114.06), venue(2, "Works", 22.80, 113.50)])
    run = start_checks(p)
    assert [problem.kind for problem in run.problems()] == [ProblemKind.TIGHT_CONNECTION]
    moved = items[1].evolve(start=sz(25, 14), end=sz(25, 15))
    p2 = TripPlan(p.trip, p.members, (items[0], moved), p.venues)
    assert run.update(p2, {Part.ITEMS}, {2}) == run_checks(p2) == []
    assert "passport_problems" not in run.last_rerun  # a member's passport does not depend on the programme
    assert run.last_rerun["tight_connections"] == "pairs"
    assert run.last_rerun["outside_trip"] == "items"


def test_a_check_declaring_nothing_runs_again_after_every_change() -> None:
    calls: list[int] = []

    def counting(index: object) -> list[Problem]:  # a colleague's new check, registered as a plain function
        calls.append(1)
        return []

    p = plan([item(1, sz(25, 9), sz(25, 10))], [member(1, "Wang")])
    run = start_checks(p, (*CHECKS, counting))
    run.update(TripPlan(p.trip.evolve(buffer_minutes=5), p.members, p.items, p.venues), {Part.TRIP})
    run.update(p, {Part.ITEMS}, {1})
    assert len(calls) == 3 and run.last_rerun["counting"] == "full"
