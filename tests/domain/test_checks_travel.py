"""Members' own flights and trains: an arrival nobody meets, a departure run without its pick-up time,
bookings before a landing or after a take-off (without repeating what the day check says), and leg times that cannot be true."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from planner.domain.checks import Participant, ProblemKind, Severity, TripPlan, run_checks
from planner.domain.enums import ItemKind
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.domain.vehicles import VehicleData
from tests.domain.checks_support import BERLIN, SHANGHAI, found, item, local, member, plan, sz

KAI = member(1, "Schirmeyer", "Kai")
XU = member(2, "Xu", "Qin", native_name="许勤")
ANNA = member(3, "Berg", "Anna")


def landing(mid: int, at: datetime, *, met_by: int | None = None, vehicle: str = "", number: str = "LH 722", lid: int = 0,
            departure: datetime | None = None) -> TravelLegData:
    return TravelLegData(
        id=lid or mid * 10, membership_id=mid, direction=LegDirection.ARRIVAL, number=number, arrival=at, arrival_timezone=SHANGHAI,
        departure=departure, departure_timezone=BERLIN if departure is not None else "", met_by_person_id=met_by, vehicle_note=vehicle,
    )


def take_off(mid: int, at: datetime, number: str = "LH 723") -> TravelLegData:
    return TravelLegData(id=mid * 10 + 1, membership_id=mid, direction=LegDirection.DEPARTURE, number=number, departure=at,
                         departure_timezone=SHANGHAI)


def with_legs(p: TripPlan, *legs: TravelLegData) -> TripPlan:
    return replace(p, legs=legs)


def staying(p: Participant, arrival: date | None = None, departure: date | None = None) -> Participant:
    return Participant(p.membership.evolve(arrival=arrival, departure=departure), p.person)


def test_an_arrival_nobody_meets_is_a_warning_and_a_hint_when_a_car_is_arranged() -> None:
    p = with_legs(
        plan([], [KAI, XU, ANNA]),
        landing(1, sz(24, 15, 10)), landing(2, sz(24, 7, 40), vehicle="City car 2"), landing(3, sz(24, 9), met_by=900),
    )
    problems = found(p, ProblemKind.UNMET_ARRIVAL)
    assert [(x.severity, x.membership_ids) for x in problems] == [(Severity.WARNING, (1,)), (Severity.HINT, (2,))]
    assert problems[0].message() == "Nobody is entered to meet Kai Schirmeyer arriving on LH 722 (Monday, 24 October 2016, 15:10)"
    assert "City car 2" in problems[1].message() and problems[1].person_ids == (102,)
    assert problems[0].when == sz(24, 15, 10)


def test_departures_need_nobody_to_meet_them() -> None:
    assert found(with_legs(plan([], [KAI]), take_off(1, sz(27, 20))), ProblemKind.UNMET_ARRIVAL) == []


def test_an_item_before_the_landing_on_the_arrival_day_is_reported_with_the_flight() -> None:
    p = with_legs(
        plan(
            [
                item(1, sz(24, 10), sz(24, 11), "Breakfast briefing", participants=[1, 2]),
                item(2, sz(24, 16), sz(24, 17), "Welcome"),  # after the landing
                item(3, sz(24, 12), sz(24, 16), "The group's flight", kind=ItemKind.TRAVEL, participants=[1]),  # lands after
            ],
            [staying(KAI, arrival=date(2016, 10, 24)), XU],
        ),
        landing(1, sz(24, 15, 10)),
    )
    [problem] = found(p, ProblemKind.BOOKED_OUTSIDE_STAY)
    assert problem.severity == Severity.WARNING and problem.item_ids == (1,) and problem.membership_ids == (1,)
    assert problem.message() == (
        "“Breakfast briefing” (Monday, 24 October 2016, 10:00–11:00) lies before the arrival of Kai Schirmeyer on LH 722 "
        "(Monday, 24 October 2016, 15:10)"
    )


def test_an_item_on_a_day_before_the_arrival_day_is_left_to_the_day_check() -> None:
    p = with_legs(
        plan([item(1, sz(23, 10), sz(23, 11), "Early dinner", participants=[1])], [staying(KAI, arrival=date(2016, 10, 24))]),
        landing(1, sz(24, 15, 10)),
    )
    [problem] = found(p, ProblemKind.BOOKED_OUTSIDE_STAY)
    assert "LH 722" not in problem.message() and "before the arrival of Kai Schirmeyer on 24 October 2016" in problem.message()


def test_an_item_for_everyone_after_a_take_off_is_a_hint_naming_both_on_the_flight() -> None:
    p = with_legs(
        plan([item(1, sz(27, 19), sz(27, 22), "Farewell banquet")], [KAI, XU, ANNA]),
        take_off(1, sz(27, 20, 30)), take_off(2, sz(27, 20, 30)),
    )
    [problem] = found(p, ProblemKind.BOOKED_OUTSIDE_STAY)
    assert problem.severity == Severity.HINT and problem.membership_ids == (1, 2)
    assert "after the departure of Kai Schirmeyer and Xu Qin on LH 723 (Thursday, 27 October 2016, 20:30)" in problem.message()


def test_a_connection_counts_its_last_landing_and_the_way_home_its_first_take_off() -> None:
    p = with_legs(
        plan([item(1, sz(24, 9), sz(24, 10), "Morning visit", participants=[1]),
              item(2, sz(26, 20), sz(26, 22), "Late talk", participants=[1])], [KAI]),
        landing(1, sz(24, 6), number="LH 796", lid=1), landing(1, sz(24, 11), number="CX 903", lid=2),
        take_off(1, sz(26, 21)),
    )
    problems = found(p, ProblemKind.BOOKED_OUTSIDE_STAY)
    assert [x.item_ids for x in problems] == [(1,), (2,)]
    assert "CX 903" in problems[0].message() and "LH 723" in problems[1].message()


def test_a_leg_that_lands_before_it_leaves_or_takes_days_is_a_warning() -> None:
    leaves = local(BERLIN, 2016, 10, 23, 21, 50)
    backwards = landing(1, sz(23, 15, 10), departure=leaves)  # typed the 23rd for the 24th
    endless = landing(2, sz(27, 15, 10), departure=leaves)
    fine = landing(3, sz(24, 15, 10), departure=leaves)
    problems = found(with_legs(plan([], [KAI, XU, ANNA]), backwards, endless, fine), ProblemKind.LEG_TIMES)
    assert [(x.severity, x.membership_ids) for x in problems] == [(Severity.WARNING, (1,)), (Severity.WARNING, (2,))]
    assert problems[0].message() == (
        "LH 722 of Kai Schirmeyer arrives (Sunday, 23 October 2016, 15:10) before it leaves (Sunday, 23 October 2016, 21:50); check the times and their zones"
    )
    assert "more than 48 hours" in problems[1].message()


def test_legs_of_people_no_longer_in_the_delegation_are_not_judged() -> None:
    p = with_legs(plan([item(1, sz(24, 10), sz(24, 11))], [KAI]), landing(9, sz(24, 15)), take_off(9, sz(24, 9)))
    assert [x for x in run_checks(p) if x.kind in (ProblemKind.UNMET_ARRIVAL, ProblemKind.LEG_TIMES, ProblemKind.BOOKED_OUTSIDE_STAY)] == []


def test_an_arrival_picked_up_by_one_of_the_trips_vehicles_is_met() -> None:
    picked = replace(landing(1, sz(24, 15, 10)), vehicle_id=7)
    noted = landing(2, sz(24, 7, 40), vehicle="Sign at exit B")
    problems = found(with_legs(plan([], [KAI, XU]), picked, noted), ProblemKind.UNMET_ARRIVAL)
    assert [(x.severity, x.membership_ids) for x in problems] == [(Severity.HINT, (2,))]  # words alone stay a hint


def test_a_departure_run_without_a_pick_up_time_is_a_hint_naming_car_member_and_flight() -> None:
    car = VehicleData(id=7, label="Car 2")
    leaving = take_off(1, sz(27, 14, 5)).evolve(vehicle_id=7)
    p = replace(with_legs(plan([], [KAI, XU]), leaving, take_off(2, sz(27, 18))), vehicles={7: car})
    [hint] = found(p, ProblemKind.NO_PICKUP_TIME)
    assert hint.severity is Severity.HINT and hint.membership_ids == (1,)  # Xu Qin's flight has no car: nothing to time
    assert hint.message().startswith("Car 2 takes Kai Schirmeyer to LH 723 (") and "14:05" in hint.message()
    assert hint.message().endswith("but no pick-up time at the hotel is entered")
    timed = replace(p, legs=(leaving.evolve(pickup=sz(27, 11)),))
    assert found(timed, ProblemKind.NO_PICKUP_TIME) == []
