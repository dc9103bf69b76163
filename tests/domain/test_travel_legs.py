"""A departure's pick-up at the hotel: only for a departure, before it leaves and at most twelve hours before,
each refused with a one-line message naming the field; shown on the departure's clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from planner.domain.errors import ValidationErrors
from planner.domain.travel_legs import MAX_PICKUP_HOURS, LegDirection, TravelLegData

#: LH 723 (sample): Shenzhen 14:05 CST on 27 October.
TAKE_OFF = datetime(2016, 10, 27, 6, 5, tzinfo=UTC)


def _leaving(**changes: object) -> TravelLegData:
    return TravelLegData(membership_id=1, direction=LegDirection.DEPARTURE, number="LH 723", departure=TAKE_OFF,
                         departure_timezone="Asia/Shanghai", vehicle_id=2).evolve(**changes)


def _refused(leg: TravelLegData) -> list[tuple[str | None, str]]:
    with pytest.raises(ValidationErrors) as caught:
        leg.validated()
    return [(e.field, e.message()) for e in caught.value.errors]


def test_a_pick_up_before_the_departure_is_kept_and_shown_on_the_departures_clock() -> None:
    leg = _leaving(pickup=TAKE_OFF - timedelta(hours=3, minutes=5)).validated()
    assert leg.local_pickup() is not None and leg.local_pickup().isoformat() == "2016-10-27T11:00:00+08:00"
    assert _leaving().validated().local_pickup() is None  # not agreed yet
    earliest = _leaving(pickup=TAKE_OFF - timedelta(hours=MAX_PICKUP_HOURS)).validated()
    assert earliest.pickup == TAKE_OFF - timedelta(hours=12)


def test_a_pick_up_at_or_after_the_departure_or_long_before_it_is_refused_naming_the_field() -> None:
    assert _refused(_leaving(pickup=TAKE_OFF)) == [("pickup", "The pick-up at the hotel must be before the departure.")]
    assert _refused(_leaving(pickup=TAKE_OFF + timedelta(minutes=30))) == [
        ("pickup", "The pick-up at the hotel must be before the departure.")]
    assert _refused(_leaving(pickup=TAKE_OFF - timedelta(hours=12, minutes=1))) == [
        ("pickup", "The pick-up at the hotel is more than 12 hours before the departure.")]


def test_only_a_departure_has_a_pick_up_and_a_missing_departure_is_named_once() -> None:
    arriving = _leaving(direction=LegDirection.ARRIVAL, arrival=TAKE_OFF, arrival_timezone="Asia/Shanghai",
                        pickup=TAKE_OFF - timedelta(hours=2))
    assert _refused(arriving) == [("pickup", "Only a departure has a pick-up time at the hotel.")]
    assert _refused(_leaving(departure=None, pickup=TAKE_OFF)) == [("departure", "A departure needs the time it leaves.")]


def test_the_note_for_the_vehicle_is_named_as_the_form_names_it() -> None:
    [(field, message)] = _refused(_leaving(vehicle_note="x" * 300))
    assert field == "vehicle_note" and "Note for the driver" in message
    landing = _leaving(direction=LegDirection.ARRIVAL, arrival=TAKE_OFF, arrival_timezone="Asia/Shanghai", vehicle_note="x" * 300)
    [(field, message)] = _refused(landing)
    assert field == "vehicle_note" and "Note for the pickup" in message
