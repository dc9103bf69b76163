"""Vehicle checks: over its seats, an attendee without a seat, a vehicle or a driver in two places at once (on items,
airport pickups and departure runs)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from planner.domain.checks import Participant, Problem, ProblemKind, TripPlan, run_checks
from planner.domain.entities import ItemData
from planner.domain.enums import Role
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.domain.vehicles import ItemRides, Ride, VehicleData, VehicleKind
from tests.domain.checks_support import item, member, sz, trip

MEMBERS = (member(1, "Eisenschmidt", "Peter"), member(2, "Vogt", "Martin"), member(3, "Albers", "Nina"), member(4, "Aydın", "Miriam"))
CAR = VehicleData(id=1, label="Car 1", kind=VehicleKind.CAR, seats=2, driver_name="Wang Jianguo", driver_phone="+86 138 0000 0701")
COACH = VehicleData(id=2, label="Coach", kind=VehicleKind.COACH, seats=45, driver_name="Chen Guohua", driver_phone="+86 138 0000 0703")


def _plan(
    items: Iterable[ItemData], rides: Iterable[ItemRides], vehicles: Iterable[VehicleData] = (CAR, COACH),
    members: tuple[Participant, ...] = MEMBERS,
) -> TripPlan:
    return TripPlan(trip=trip(), members=members, items=tuple(items), vehicles={v.id: v for v in vehicles},
                    rides={r.id: r for r in rides})


def _kinds(plan: TripPlan, *kinds: ProblemKind) -> list[Problem]:
    return [p for p in run_checks(plan) if p.kind in kinds]


def _ride(item_id: int, *seats: tuple[int, int]) -> ItemRides:
    return ItemRides(id=item_id, seats=tuple(Ride(m, v) for m, v in seats))


def test_a_vehicle_over_its_seats_is_an_error_naming_the_vehicle() -> None:
    transfer = item(1, sz(24, 15), sz(24, 16), "Transfer to the hotel")
    full = _plan([transfer], [_ride(1, (1, 1), (2, 1), (3, 1), (4, 2))])
    [problem] = _kinds(full, ProblemKind.VEHICLE_OVER_SEATS)
    assert problem.message().startswith("Car 1 carries 3 passengers on “Transfer to the hotel”")
    assert "but has 2 seats" in problem.message() and problem.membership_ids == (1, 2, 3)
    assert _kinds(_plan([transfer], [_ride(1, (1, 1), (2, 1), (3, 2), (4, 2))]), ProblemKind.VEHICLE_OVER_SEATS) == []


def test_attendees_without_a_seat_once_seats_are_given_hosts_excepted() -> None:
    host = member(5, "Chen", "Jing")
    host = replace(host, membership=host.membership.evolve(role=Role.HOST))
    transfer = item(1, sz(24, 15), sz(24, 16), "Transfer to the hotel")
    dinner = item(2, sz(24, 19), sz(24, 21), "Welcome dinner")
    plan = _plan([transfer, dinner], [_ride(1, (1, 1), (2, 2))], members=(*MEMBERS, host))
    [problem] = _kinds(plan, ProblemKind.NO_SEAT)
    assert problem.item_ids == (1,) and problem.membership_ids == (3, 4)  # not the host, not the dinner without seats
    assert " have no seat in a vehicle on “Transfer to the hotel” (" in problem.message()
    assert "Albers" in problem.message() and "Aydın" in problem.message()
    one = _plan([transfer], [_ride(1, (1, 1), (2, 2), (3, 2))])
    [single] = _kinds(one, ProblemKind.NO_SEAT)
    assert "has no seat in a vehicle on “Transfer to the hotel”" in single.message()


def test_a_vehicle_in_two_places_at_once() -> None:
    a = item(1, sz(25, 15), sz(25, 17), "Workshop", participants=[1, 2])
    b = item(2, sz(25, 16), sz(25, 18), "Round table", participants=[3, 4])
    c = item(3, sz(25, 18), sz(25, 19), "Dinner", participants=[3, 4])  # starts as b ends: no clash
    plan = _plan([a, b, c], [_ride(1, (1, 1)), _ride(2, (3, 1)), _ride(3, (3, 1))])
    [problem] = _kinds(plan, ProblemKind.VEHICLE_TWICE, ProblemKind.DRIVER_TWICE)
    assert problem.kind is ProblemKind.VEHICLE_TWICE and problem.item_ids == (1, 2)
    assert problem.message().startswith("Car 1 is needed for “Workshop” and “Round table” at the same time")


def test_one_driver_at_the_wheel_of_two_vehicles_at_once() -> None:
    other = COACH.evolve(driver_name="Wang", driver_phone="0138 0000 0701")  # the same line written otherwise
    a = item(1, sz(25, 15), sz(25, 17), "Workshop", participants=[1, 2])
    b = item(2, sz(25, 16), sz(25, 18), "Round table", participants=[3, 4])
    [problem] = _kinds(_plan([a, b], [_ride(1, (1, 1)), _ride(2, (3, 2))], vehicles=(CAR, other)), ProblemKind.DRIVER_TWICE)
    assert problem.message().startswith("Wang Jianguo drives Car 1 on “Workshop” and Coach on “Round table”")
    assert _kinds(_plan([a, b], [_ride(1, (1, 1)), _ride(2, (3, 2))]), ProblemKind.DRIVER_TWICE) == []


def test_the_checks_on_two_hundred_members_and_five_thousand_items_stay_quick() -> None:
    members = tuple(member(n, f"Member{n}") for n in range(1, 201))
    fleet = tuple(VehicleData(id=v, label=f"Car {v}", seats=4, driver_name=f"Driver {v}") for v in range(1, 51))
    items = [item(n, sz(1 + n // 200, 6 + (n % 200) // 12, (n % 12) * 5, month=11), sz(1 + n // 200, 6 + (n % 200) // 12, (n % 12) * 5 + 4, month=11))
             for n in range(5000)]
    rides = [_ride(n, *((m, 1 + (m + n) % 50) for m in range(1, 201))) for n in range(0, 5000, 10)]
    # everyone lands the evening before on one of forty flights, each met by a car: forty pickups in the sweep
    legs = tuple(_pickup(m, sz(31, 17 + f // 6, (f % 6) * 10), 1 + f, number=f"LH {700 + f}") for m, f in ((m, m % 40) for m in range(1, 201)))
    plan = replace(_plan(items, rides, vehicles=fleet, members=members), legs=legs)
    from planner.domain.checks import PlanIndex
    from planner.domain.checks.vehicles import attendees_without_seat, vehicles_in_two_places, vehicles_over_seats

    index = PlanIndex(plan)
    started = time.perf_counter()
    found = [p for check in (vehicles_over_seats, attendees_without_seat, vehicles_in_two_places) for p in check(index)]
    assert time.perf_counter() - started < 1.0
    assert found == []  # four to a car, everyone seated, the cars free again between the items


def _pickup(mid: int, at: datetime, vehicle_id: int, number: str = "LH 722", lid: int = 0) -> TravelLegData:
    return TravelLegData(id=lid or mid, membership_id=mid, direction=LegDirection.ARRIVAL, number=number, arrival=at,
                         arrival_timezone="Asia/Shanghai", vehicle_id=vehicle_id)


def test_a_pickup_keeps_its_vehicle_busy_for_an_hour_after_the_landing() -> None:
    transfer = item(1, sz(24, 15, 30), sz(24, 16, 30), "Transfer to the hotel", participants=[3, 4])
    later = item(2, sz(24, 16, 15), sz(24, 17), "Factory visit", participants=[3, 4])
    # two members on one flight in one car are one pickup, not a clash with each other
    legs = (_pickup(1, sz(24, 15, 10), 1), _pickup(2, sz(24, 15, 10), 1))
    plan = replace(_plan([transfer], [_ride(1, (3, 1))]), legs=legs)
    [problem] = _kinds(plan, ProblemKind.VEHICLE_TWICE, ProblemKind.DRIVER_TWICE)
    assert problem.item_ids == (1,) and set(problem.membership_ids) == {1, 2}
    assert problem.message().startswith(
        "Car 1 is needed for “pickup of Peter Eisenschmidt and Martin Vogt from LH 722” and “Transfer to the hotel” at the same time"
    )
    assert "15:30–16:10" in problem.message()  # until an hour after the landing
    free = replace(_plan([later], [_ride(2, (3, 1))]), legs=legs)  # the car is back by 16:10
    assert _kinds(free, ProblemKind.VEHICLE_TWICE) == []


def test_a_driver_sent_to_the_airport_while_driving_another_vehicle() -> None:
    other = COACH.evolve(driver_name="Wang", driver_phone="0138 0000 0701")  # Car 1's driver
    dinner = item(1, sz(24, 19), sz(24, 21), "Welcome dinner", participants=[3, 4])
    plan = replace(_plan([dinner], [_ride(1, (3, 2), (4, 2))], vehicles=(CAR, other)), legs=(_pickup(1, sz(24, 20), 1),))
    [problem] = _kinds(plan, ProblemKind.VEHICLE_TWICE, ProblemKind.DRIVER_TWICE)
    assert problem.kind is ProblemKind.DRIVER_TWICE
    assert problem.message().startswith("Wang drives Coach on “Welcome dinner” and Car 1 on “pickup of Peter Eisenschmidt from LH 722”")


def test_a_departure_or_a_vehicle_of_no_trip_makes_no_pickup() -> None:
    transfer = item(1, sz(24, 15), sz(24, 16), "Transfer to the hotel", participants=[3, 4])
    leaving = replace(_pickup(1, sz(24, 15, 10), 1), direction=LegDirection.DEPARTURE, departure=sz(24, 15, 10), departure_timezone="Asia/Shanghai")
    plan = replace(_plan([transfer], [_ride(1, (3, 1))]), legs=(leaving, _pickup(2, sz(24, 15, 10), 99)))
    assert _kinds(plan, ProblemKind.VEHICLE_TWICE, ProblemKind.DRIVER_TWICE) == []


def _run(mid: int, take_off: datetime, vehicle_id: int, pickup: datetime | None, number: str = "LH 723") -> TravelLegData:
    return TravelLegData(id=100 + mid, membership_id=mid, direction=LegDirection.DEPARTURE, number=number, departure=take_off,
                         departure_timezone="Asia/Shanghai", vehicle_id=vehicle_id, pickup=pickup)


def test_a_departure_run_keeps_its_vehicle_busy_from_the_pick_up_until_the_flight_leaves() -> None:
    lunch = item(1, sz(27, 12), sz(27, 13, 30), "Farewell lunch", participants=[3, 4])
    # two members on one flight fetched together are one run; the car is at the hotel at 11:00, the flight leaves at 14:05
    legs = (_run(1, sz(27, 14, 5), 1, sz(27, 11)), _run(2, sz(27, 14, 5), 1, sz(27, 11)))
    plan = replace(_plan([lunch], [_ride(1, (3, 1))]), legs=legs)
    [problem] = _kinds(plan, ProblemKind.VEHICLE_TWICE, ProblemKind.DRIVER_TWICE)
    assert problem.item_ids == (1,) and set(problem.membership_ids) == {1, 2}
    assert problem.message().startswith(
        "Car 1 is needed for “departure run of Peter Eisenschmidt and Martin Vogt to LH 723” and “Farewell lunch” at the same time"
    )
    assert "12:00–13:30" in problem.message()
    # without a pick-up time nobody knows when the car is busy: no clash (a hint asks for the time instead)
    unknown = replace(plan, legs=tuple(leg.evolve(pickup=None) for leg in legs))
    assert _kinds(unknown, ProblemKind.VEHICLE_TWICE, ProblemKind.DRIVER_TWICE) == []
    assert [p.kind for p in run_checks(unknown) if p.kind is ProblemKind.NO_PICKUP_TIME] == [ProblemKind.NO_PICKUP_TIME] * 2
    # a car back from the airport after the take-off is free for the evening
    evening = item(2, sz(27, 14, 5), sz(27, 16), "Factory visit", participants=[3, 4])
    assert _kinds(replace(_plan([evening], [_ride(2, (3, 1))]), legs=legs), ProblemKind.VEHICLE_TWICE) == []


def test_a_driver_sent_to_the_hotel_while_driving_another_vehicle_is_named_with_the_run() -> None:
    other = COACH.evolve(driver_name="Wang", driver_phone="0138 0000 0701")  # Car 1's driver
    visit = item(1, sz(27, 9), sz(27, 11), "Port visit", participants=[3, 4])
    plan = replace(_plan([visit], [_ride(1, (3, 2), (4, 2))], vehicles=(CAR, other)), legs=(_run(1, sz(27, 12), 1, sz(27, 10)),))
    [problem] = _kinds(plan, ProblemKind.VEHICLE_TWICE, ProblemKind.DRIVER_TWICE)
    assert problem.kind is ProblemKind.DRIVER_TWICE
    assert problem.message().startswith("Wang drives Coach on “Port visit” and Car 1 on “departure run of Peter Eisenschmidt to LH 723”")
