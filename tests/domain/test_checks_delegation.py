"""The delegation list's own slips: a unique role held twice, stays outside the trip, bookings outside a stay."""

from __future__ import annotations

from datetime import date

from planner.domain.checks import Participant, ProblemKind, Severity
from planner.domain.enums import ItemKind, Role
from tests.domain.checks_support import found, item, member, plan, sz


def staying(p: Participant, *, role: Role = Role.MEMBER, arrival: date | None = None, departure: date | None = None) -> Participant:
    return Participant(p.membership.evolve(role=role, arrival=arrival, departure=departure), p.person)


KAI = member(1, "Schirmeyer", "Kai")
XU = member(2, "Xu", "Qin", native_name="许勤")
ANNA = member(3, "Berg", "Anna")


def test_two_heads_of_delegation_are_a_warning_naming_both_in_protocol_order() -> None:
    p = plan([], [staying(XU, role=Role.HEAD), staying(KAI, role=Role.HEAD), ANNA])
    [problem] = found(p, ProblemKind.DUPLICATE_ROLE)
    assert problem.severity == Severity.WARNING
    assert problem.message() == "Kai Schirmeyer and Xu Qin are all entered as “Head of delegation”, a role only one member can hold"
    assert problem.membership_ids == (1, 2)
    assert problem.person_ids == (101, 102)
    assert problem.when is None


def test_one_head_and_several_hosts_are_fine() -> None:
    p = plan([], [staying(KAI, role=Role.HEAD), staying(XU, role=Role.HOST), staying(ANNA, role=Role.HOST)])
    assert found(p, ProblemKind.DUPLICATE_ROLE) == []


def test_arrival_and_departure_outside_the_trip_are_named_each() -> None:
    # The trip runs from 24 to 27 October 2016.
    p = plan([], [staying(KAI, arrival=date(2016, 10, 22), departure=date(2016, 10, 29)), staying(XU, arrival=date(2016, 10, 24), departure=date(2016, 10, 27))])
    problems = found(p, ProblemKind.STAY_OUTSIDE_TRIP)
    assert [x.message() for x in problems] == [
        "Kai Schirmeyer arrives on 22 October 2016, before the trip begins (24–27 October 2016)",
        "Kai Schirmeyer leaves on 29 October 2016, after the trip has ended (24–27 October 2016)",
    ]
    assert all(x.severity == Severity.WARNING and x.membership_ids == (1,) and x.person_ids == (101,) for x in problems)


def test_a_stay_is_not_judged_without_trip_days() -> None:
    p = plan([], [staying(KAI, arrival=date(2016, 10, 22))], first_day=None, last_day=None)
    assert found(p, ProblemKind.STAY_OUTSIDE_TRIP) == []


def test_an_item_ticked_before_arrival_or_after_departure_is_a_warning() -> None:
    late = staying(KAI, arrival=date(2016, 10, 25), departure=date(2016, 10, 26))
    items = [
        item(1, sz(24, 10), sz(24, 11), "Welcome", participants=[1, 2]),
        item(2, sz(25, 10), sz(25, 11), "Inside", participants=[1]),
        item(3, sz(27, 10), sz(27, 11), "Farewell", participants=[1]),
    ]
    problems = found(plan(items, [late, XU]), ProblemKind.BOOKED_OUTSIDE_STAY)
    assert [x.message() for x in problems] == [
        "“Welcome” (Monday, 24 October 2016, 10:00–11:00) lies before the arrival of Kai Schirmeyer on 25 October 2016",
        "“Farewell” (Thursday, 27 October 2016, 10:00–11:00) lies after the departure of Kai Schirmeyer on 26 October 2016",
    ]
    assert [x.item_ids for x in problems] == [(1,), (3,)]
    assert all(x.severity == Severity.WARNING and x.membership_ids == (1,) for x in problems)
    assert problems[0].when == sz(24, 10)


def test_an_item_for_everyone_before_arrival_is_a_hint_naming_those_not_there() -> None:
    p = plan(
        [item(1, sz(24, 10), sz(24, 11), "Welcome")],
        [staying(KAI, arrival=date(2016, 10, 25)), staying(XU, arrival=date(2016, 10, 25)), ANNA],
    )
    [problem] = found(p, ProblemKind.BOOKED_OUTSIDE_STAY)
    assert problem.severity == Severity.HINT
    assert problem.membership_ids == (1, 2)
    assert "Kai Schirmeyer and Xu Qin" in problem.message()


def test_the_journey_there_and_home_only_has_to_touch_the_stay() -> None:
    p = plan(
        [
            item(1, sz(24, 22), sz(25, 6), "Overnight flight there", kind=ItemKind.TRAVEL),
            item(2, sz(26, 22), sz(27, 6), "Overnight flight home", kind=ItemKind.TRAVEL),
            item(3, sz(26, 20), sz(27, 1), "Late banquet"),  # ends after the departure day
        ],
        [staying(KAI, arrival=date(2016, 10, 25), departure=date(2016, 10, 26))],
    )
    [problem] = found(p, ProblemKind.BOOKED_OUTSIDE_STAY)
    assert problem.item_ids == (3,)


def test_members_without_stay_dates_are_never_outside_it() -> None:
    assert found(plan([item(1, sz(24, 10), sz(24, 11))], [KAI, XU]), ProblemKind.BOOKED_OUTSIDE_STAY) == []
