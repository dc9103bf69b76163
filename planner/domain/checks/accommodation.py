"""A bed every night: members without a room on a night of their stay, and rooms holding more than they can.

Only trips whose planner keeps the accommodation here are checked (at least one
room block): a trip that never entered a hotel should not list every member as
homeless. A member's stay runs from their arrival to their departure (see
domain.accommodation.stay_nights: a member with neither day entered is not
known to stay), and they need a bed every night in between except the night
of departure. Hosts sleep at home.

A room is one assignment with those it names as sharing, together with any
other assignment in the same block with the same room number; it is over its
capacity on a night when more of its people sleep there than the room type
sleeps. A block is overbooked on a night when more of its rooms are in use than
the trip holds. Everything is a walk over the assignments sorted once
(O(n log n)); nights per assignment are a handful.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from planner.domain.accommodation import RoomAssignmentData, RoomBlockData, nights, shared_rooms, stay_nights
from planner.domain.checks.params import Count, DayRange, People
from planner.domain.checks.plan import Participant, PlanIndex
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Part, reads
from planner.domain.enums import Role
from planner.i18n import N_

NO_ROOM_AT_ALL = N_("{people} have no room for their stay ({nights})")
NO_ROOM_AT_ALL_ONE = N_("{person} has no room for their stay ({nights})")
NO_ROOM_FOR_NIGHTS = N_("{person} has no room for the nights {nights}")
NO_ROOM_FOR_NIGHT = N_("{person} has no room for the night of {nights}")
ROOM_OVER_CAPACITY = N_("{people} are in one “{room_type}” room at {hotel}, which sleeps {count}")
BLOCK_OVERBOOKED = N_("{hotel} holds {rooms} “{room_type}” rooms for the trip, but {needed} are in use on the nights {nights}")


@reads(Part.TRIP, Part.MEMBERS, Part.VENUES, Part.LOGISTICS)
def beds_every_night(index: PlanIndex) -> list[Problem]:
    """Members without a room on some night of their stay: those without any room together, gaps one by one."""
    if not index.plan.room_blocks:
        return []
    by_member = _rooms_by(index, "membership_id")
    homeless: dict[tuple[date, date], list[Participant]] = defaultdict(list)
    problems: list[Problem] = []
    for member in index.members:
        if member.membership.role is Role.HOST:
            continue
        stay = stay_nights(member.membership, index.trip.first_day, index.trip.last_day)
        if stay is None:
            continue
        rooms = by_member.get(member.id)
        if not rooms:
            homeless[stay].append(member)
            continue
        for gap in _gaps(stay, rooms):
            problems.append(_no_room(member, gap))
    for stay, members in homeless.items():
        if len(members) == 1:
            msgid, params = NO_ROOM_AT_ALL_ONE, {"person": members[0].name}
        else:
            msgid, params = NO_ROOM_AT_ALL, {"people": People(tuple(m.name for m in members))}
        problems.append(Problem(
            Severity.WARNING, ProblemKind.NO_BED, msgid, {**params, "nights": DayRange(*stay)},
            membership_ids=tuple(m.id for m in members), person_ids=tuple(m.person.id for m in members if m.person.id is not None),
        ))
    return problems


def _rooms_by(index: PlanIndex, key: str) -> dict[int, list[RoomAssignmentData]]:
    """The delegation's rooms with both nights given, by their `key` field (membership_id, block_id) where it is set."""
    found: dict[int, list[RoomAssignmentData]] = defaultdict(list)
    for room in index.plan.rooms:
        value = getattr(room, key)
        if value is not None and room.membership_id in index.member_by_id and room.first_night and room.last_night:
            found[value].append(room)
    return found


def _gaps(stay: tuple[date, date], rooms: list[RoomAssignmentData]) -> list[tuple[date, date]]:
    """The runs of nights in `stay` that none of `rooms` covers, by sorting the rooms by first night."""
    first, last = stay
    gaps: list[tuple[date, date]] = []
    night = first  # the first night not yet known to be covered
    for room in sorted(rooms, key=lambda r: r.first_night):  # type: ignore[arg-type, return-value]
        assert room.first_night is not None and room.last_night is not None
        if room.first_night > last:
            break
        if room.first_night > night:
            gaps.append((night, room.first_night - timedelta(days=1)))
        night = max(night, room.last_night + timedelta(days=1))
    if night <= last:
        gaps.append((night, last))
    return gaps


def _no_room(member: Participant, gap: tuple[date, date]) -> Problem:
    msgid = NO_ROOM_FOR_NIGHT if gap[0] == gap[1] else NO_ROOM_FOR_NIGHTS
    return Problem(
        Severity.WARNING, ProblemKind.NO_BED, msgid, {"person": member.name, "nights": DayRange(*gap)},
        membership_ids=(member.id,), person_ids=(member.person.id,) if member.person.id is not None else (),
    )


@reads(Part.TRIP, Part.MEMBERS, Part.VENUES, Part.LOGISTICS)
def rooms_over_capacity(index: PlanIndex) -> list[Problem]:
    """Rooms with more people on a night than their type sleeps, and blocks with more rooms in use than held."""
    if not index.plan.room_blocks:
        return []
    by_block = _rooms_by(index, "block_id")
    stays: dict[tuple[date, date], list[date]] = {}  # the nights of each stay: a delegation mostly shares a few
    problems: list[Problem] = []
    for block in index.plan.room_blocks:
        rooms = by_block.get(block.id or -1, [])
        if rooms:
            problems.extend(_block_problems(index, block, rooms, stays))
    return problems


def _block_problems(
    index: PlanIndex, block: RoomBlockData, rooms: list[RoomAssignmentData], stays: dict[tuple[date, date], list[date]],
) -> list[Problem]:
    hotel = index.venues[block.venue_id].name if block.venue_id in index.venues else ""
    problems: list[Problem] = []
    in_use: Counter[date] = Counter()  # rooms in use a night, as rooms_in_use counts them, from the rooms grouped here once
    for group in shared_rooms(rooms):
        per_night: Counter[date] = Counter()
        for room in group:
            assert room.first_night is not None and room.last_night is not None
            stay = (room.first_night, room.last_night)
            found = stays.get(stay)
            if found is None:
                found = stays[stay] = nights(*stay)
            per_night.update(found)
        in_use.update(per_night.keys())  # a shared room counts once
        if max(per_night.values()) > block.sleeps:
            who = index.group({room.membership_id for room in group})  # type: ignore[misc]
            problems.append(Problem(
                Severity.WARNING, ProblemKind.ROOM_OVER_CAPACITY, ROOM_OVER_CAPACITY,
                {"people": who.people, "room_type": block.room_type, "hotel": hotel, "count": Count(block.sleeps)},
                membership_ids=who.membership_ids, person_ids=who.person_ids,
                venue_ids=(block.venue_id,) if block.venue_id is not None else (),
            ))
    over = sorted(night for night, count in in_use.items() if count > block.rooms)
    if over:
        problems.append(Problem(
            Severity.WARNING, ProblemKind.BLOCK_OVERBOOKED, BLOCK_OVERBOOKED,
            {"hotel": hotel, "rooms": Count(block.rooms), "room_type": block.room_type,
             "needed": Count(max(in_use[night] for night in over)), "nights": DayRange(over[0], over[-1])},
            venue_ids=(block.venue_id,) if block.venue_id is not None else (),
        ))
    return problems
