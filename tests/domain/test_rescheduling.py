"""Moving a programme with its trip: which zone an item ends up in, and what lies outside the days."""

from __future__ import annotations

from datetime import UTC, date, datetime

from planner.domain.entities import ItemData, MembershipData, TripData
from planner.domain.enums import ItemKind
from planner.domain.localized import LocalizedText
from planner.domain.rescheduling import ItemPolicy, TripMove, moved_item, moved_member, outside_days

MOVE = TripMove(date(2016, 10, 24), date(2016, 10, 31), "Europe/Berlin", "Asia/Shanghai")
TRIP = TripData(title=LocalizedText(en="Visit"), timezone="Asia/Shanghai", first_day=date(2016, 10, 31), last_day=date(2016, 11, 3))


def _item(start: datetime, end: datetime, zone: str = "Europe/Berlin", end_zone: str = "", kind: ItemKind = ItemKind.MEETING) -> ItemData:
    return ItemData(trip_id=1, kind=kind, title=LocalizedText(en="Item"), start=start, end=end, timezone=zone, end_timezone=end_zone)


def test_the_trips_zone_follows_the_trip_and_another_zone_stays() -> None:
    assert MOVE.days == 7 and MOVE.moves_items
    assert MOVE.zone_after("Europe/Berlin") == "Asia/Shanghai"
    assert MOVE.zone_after("Europe/London") == "Europe/London"
    assert not TripMove(date(2016, 10, 24), date(2016, 10, 24), "Asia/Shanghai", "Asia/Shanghai").moves_items


def test_a_flight_into_the_trips_zone_keeps_each_ends_local_time() -> None:
    # London 2016-10-23 17:30 (BST, UTC+1) → 2016-10-24 12:15 in the trip's zone, Berlin (UTC+2).
    flight = _item(datetime(2016, 10, 23, 16, 30, tzinfo=UTC), datetime(2016, 10, 24, 10, 15, tzinfo=UTC),
                   zone="Europe/London", end_zone="Europe/Berlin", kind=ItemKind.TRAVEL)
    moved = moved_item(flight, MOVE, ItemPolicy.KEEP_LOCAL_TIMES)
    assert (moved.timezone, moved.end_timezone) == ("Europe/London", "Asia/Shanghai")
    assert moved.start == datetime(2016, 10, 30, 17, 30, tzinfo=UTC)  # still 17:30 in London, now on winter time (UTC+0)
    assert moved.end == datetime(2016, 10, 31, 4, 15, tzinfo=UTC)  # 12:15 in Shanghai
    kept = moved_item(flight, MOVE, ItemPolicy.KEEP_MOMENTS)
    assert (kept.start, kept.end, kept.end_timezone) == (flight.start, flight.end, "Asia/Shanghai")


def test_arrival_and_departure_follow_only_local_times() -> None:
    member = MembershipData(trip_id=1, person_id=1, arrival=date(2016, 10, 24), departure=None)
    assert moved_member(member, MOVE, ItemPolicy.KEEP_LOCAL_TIMES).arrival == date(2016, 10, 31)
    assert moved_member(member, MOVE, ItemPolicy.KEEP_MOMENTS) == member


def test_a_journey_only_has_to_touch_the_trips_days() -> None:
    # Shanghai midnight starting the first day is 2016-10-30 16:00 UTC.
    overnight = _item(datetime(2016, 10, 30, 14, 0, tzinfo=UTC), datetime(2016, 10, 31, 2, 0, tzinfo=UTC), kind=ItemKind.TRAVEL)
    assert not outside_days(overnight, TRIP)
    meeting = overnight.evolve(kind=ItemKind.MEETING)
    assert outside_days(meeting, TRIP)
