"""What happens to a trip's programme when the trip's days or its time zone change.

A planner who moves a visit by a week means the programme to come along: the
visit at 09:30 on the second day is still at 09:30 on the second day
(ItemPolicy.KEEP_LOCAL_TIMES, the way a duplicated trip keeps its programme). A
planner who corrects a wrongly entered zone may instead have entered the times
from a timetable in UTC or in the home zone, and wants the moments kept
(ItemPolicy.KEEP_MOMENTS): the items stay where they are in absolute time and
are shown in the new zone.

Either way an item planned in the trip's zone moves to the trip's new zone;
an item in another zone (the departure of the outbound flight from Frankfurt)
keeps its own. Nothing here touches a database: the services apply the result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from planner.domain.entities import ItemData, MembershipData, TripData
from planner.domain.enums import ItemKind
from planner.domain.enums import ItemPolicy as ItemPolicy  # re-exported: the services name the policy with the move
from planner.domain.timing import day_bounds_utc, same_local_time


@dataclass(frozen=True, slots=True)
class TripMove:
    """A trip's first day and zone before and after an edit."""

    old_first: date
    new_first: date
    old_zone: str
    new_zone: str

    @classmethod
    def between(cls, before: TripData, after: TripData) -> TripMove:
        assert before.first_day is not None and after.first_day is not None
        return cls(before.first_day, after.first_day, before.timezone, after.timezone)

    @property
    def days(self) -> int:
        """How many days each item moves when its local time is kept."""
        return (self.new_first - self.old_first).days

    @property
    def moves_items(self) -> bool:
        """Whether the programme can change at all (a new last day alone leaves every item where it is)."""
        return self.days != 0 or self.old_zone != self.new_zone

    def zone_after(self, zone: str) -> str:
        """An item's zone after the move: the trip's zone follows the trip, any other stays."""
        return self.new_zone if zone == self.old_zone else zone


def moved_item(item: ItemData, move: TripMove, policy: ItemPolicy) -> ItemData:
    """`item` as it is after `move` under `policy`; a local time that does not exist is a ValidationError."""
    assert item.start is not None and item.end is not None
    start_zone = move.zone_after(item.timezone)
    end_zone = move.zone_after(item.end_timezone) if item.end_timezone else ""
    if policy is ItemPolicy.KEEP_MOMENTS:
        return item.evolve(timezone=start_zone, end_timezone=end_zone)
    start = same_local_time(item.start, item.timezone, move.days, start_zone, "start")
    end = same_local_time(item.end, item.arrival_timezone, move.days, end_zone or start_zone, "end")
    return item.evolve(start=start, end=end, timezone=start_zone, end_timezone=end_zone)


def moved_member(member: MembershipData, move: TripMove, policy: ItemPolicy) -> MembershipData:
    """Arrival and departure days move with the programme when local times are kept; otherwise they stay."""
    if policy is ItemPolicy.KEEP_MOMENTS or move.days == 0:
        return member

    def shift(day: date | None) -> date | None:
        return date.fromordinal(day.toordinal() + move.days) if day is not None else None

    return member.evolve(arrival=shift(member.arrival), departure=shift(member.departure))


def outside_days(item: ItemData, trip: TripData) -> bool:
    """Whether `item` lies outside the trip's days as the destination's clock counts them.

    The same rule as the planning check: a journey only has to touch the
    trip's days (the overnight flight home lands the day after the last).
    """
    assert item.start is not None and item.end is not None
    if trip.first_day is None or trip.last_day is None:
        return False
    begin = day_bounds_utc(trip.first_day, trip.timezone)[0]
    finish = day_bounds_utc(trip.last_day, trip.timezone)[1]
    if item.kind == ItemKind.TRAVEL:
        return item.end <= begin or item.start >= finish
    return item.start < begin or item.end > finish


def items_outside(items: Iterable[ItemData], trip: TripData) -> list[ItemData]:
    """The items of `items` that lie outside `trip`'s days, in time order."""
    def start(item: ItemData) -> datetime:
        assert item.start is not None
        return item.start

    return sorted((it for it in items if outside_days(it, trip)), key=start)
