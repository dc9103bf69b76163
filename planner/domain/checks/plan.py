"""What the checks look at: one trip with its delegation, programme and venues.

`PlanIndex` prepares, once per run, what several checks need: the programme in
time order, who attends which item, and each participant's own timeline. Items
for everyone are on every member's timeline; they are kept once, shared, and a
member's own list holds only the items they were ticked for, so a trip with
200 members does not copy its common programme 200 times. Members ticked for
the same items (a group on its own track) share one own list, so each distinct
timeline is walked once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime
from itertools import chain
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from planner.domain.accommodation import RoomAssignmentData, RoomBlockData
from planner.domain.checks.params import People, PersonName, Span, Who
from planner.domain.entities import ItemData, TripData, VenueData
from planner.domain.members import Member
from planner.domain.protocol import VisaData
from planner.domain.travel_legs import TravelLegData
from planner.domain.vehicles import ItemRides, VehicleData
from planner.domain.enums import Language
from planner.domain.timing import zone
from planner.domain.zones import canonical_zone


#: A delegation member with the person behind the membership (the checks' name for planner.domain.members.Member).
Participant = Member


@dataclass(frozen=True, slots=True)
class TripPlan:
    trip: TripData
    members: tuple[Participant, ...] = ()
    items: tuple[ItemData, ...] = ()
    venues: Mapping[int, VenueData] = field(default_factory=dict)
    visas: Mapping[int, VisaData] = field(default_factory=dict)  # by membership id; absent: not recorded
    legs: tuple[TravelLegData, ...] = ()  # members' own flights and trains (by membership id)
    today: date | None = None  # the day the checks run on; None: today (tests pass one)
    vehicles: Mapping[int, VehicleData] = field(default_factory=dict)  # by id
    rides: Mapping[int, ItemRides] = field(default_factory=dict)  # by item id; items nobody rides on are absent
    room_blocks: tuple[RoomBlockData, ...] = ()  # the trip's rooms at its hotels (venues holds the hotels)
    rooms: tuple[RoomAssignmentData, ...] = ()  # the members' rooms


SortKey = tuple[datetime, datetime, int]
T = TypeVar("T")


def item_key(item: ItemData) -> SortKey:
    """Time order: start, then end, then id so equal times still sort the same way every run."""
    assert item.start is not None and item.end is not None
    return (item.start, item.end, item.id if item.id is not None else -1)


@dataclass(frozen=True, slots=True)
class Group:
    """Some members of the delegation, as a problem names and links them."""

    members: tuple[Participant, ...]
    membership_ids: tuple[int, ...]
    person_ids: tuple[int, ...]
    everyone: bool  # the whole delegation (of more than one person)
    people: People
    languages: frozenset[Language]

    @property
    def who(self) -> Who:
        return Who(None if self.everyone else self.people)

    def named(self, params: dict[str, object], one: str, several: str) -> str:
        """Message `one` naming the single member as {person}, else `several` naming them as {people}: the name or
        names are added to `params`, so that every check words a member and a group the same way."""
        if len(self.members) == 1:
            params["person"] = self.members[0].name
            return one
        params["people"] = self.people
        return several


#: The fields of a TripPlan that are not its programme (see PlanIndex.take_lasting).
_NOT_PROGRAMME = tuple(name for name in TripPlan.__dataclass_fields__ if name != "items")

#: What PlanIndex works out from the trip and the delegation alone (see its `same_people`).
_PEOPLE_AND_CLOCKS = (
    "members", "member_by_id", "rank", "all_ids", "_name", "_person_id", "_language", "_groups", "_attendees",
    "_zones", "_local", "_foreign",
)


class PlanIndex:
    """The plan prepared for the checks; build it once and hand it to each check."""

    def __init__(self, plan: TripPlan, ordered: list[ItemData] | None = None, same_people: PlanIndex | None = None) -> None:
        """`ordered`: the plan's checkable items already in time order (as CheckRun keeps them), not sorted again.

        `same_people`: an index of a plan with the same trip and delegation (only the programme differs):
        what it worked out about the members, groups and clocks is taken over rather than worked out again.
        """
        self.plan = plan
        self.trip = plan.trip
        self.venues = plan.venues
        self._memo: dict[str, Any] = {}
        self._lasting: set[str] = set()
        #: Items with both times, in time order (an unsaved item without times cannot be checked).
        self.items: list[ItemData] = ordered if ordered is not None else sorted(
            (i for i in plan.items if i.start is not None and i.end is not None), key=item_key
        )
        if same_people is not None:
            self.__dict__.update({name: same_people.__dict__[name] for name in _PEOPLE_AND_CLOCKS})
            return
        # Members in protocol order, so every list of names follows precedence.
        self.members: tuple[Participant, ...] = tuple(
            sorted((p for p in plan.members if p.membership.id is not None), key=lambda p: (p.membership.protocol_order, p.id))
        )
        self.member_by_id: dict[int, Participant] = {p.id: p for p in self.members}
        self.rank: dict[int, int] = {p.id: n for n, p in enumerate(self.members)}
        self.all_ids: frozenset[int] = frozenset(self.member_by_id)
        self._name: dict[int, PersonName] = {p.id: p.name for p in self.members}
        self._person_id: dict[int, int | None] = {p.id: p.person.id for p in self.members}
        self._language: dict[int, Language] = {p.id: p.person.preferred_language for p in self.members}
        self._groups: dict[frozenset[int], Group] = {}
        self._attendees: dict[tuple[int, ...], frozenset[int]] = {}
        self._zones: dict[str, ZoneInfo] = {}
        self._local: dict[tuple[datetime, str], datetime] = {}
        self._foreign: dict[str, bool] = {}
        # The rest is worked out when a check first asks: checking one edited item needs little of it.

    @cached_property
    def everyone_items(self) -> list[ItemData]:
        return [i for i in self.items if i.everyone]

    @cached_property
    def explicit_items(self) -> list[ItemData]:
        return [i for i in self.items if not i.everyone]

    @cached_property
    def everyone_numbers(self) -> list[int]:
        """The positions in `items` of the items for everyone."""
        return [n for n, i in enumerate(self.items) if i.everyone]

    @cached_property
    def _classes(self) -> tuple[list[list[int]], dict[int, tuple[int, ...]]]:
        """Items ticking the same people (a group on its own track) form a class: their positions, and each member's classes."""
        classes: dict[tuple[int, ...], list[int]] = {}
        for n, item in enumerate(self.items):
            if not item.everyone:
                classes.setdefault(item.participant_ids, []).append(n)
        member_classes: dict[int, list[int]] = {}
        for c, ids in enumerate(classes):
            for mid in set(ids):
                if mid in self.member_by_id:
                    member_classes.setdefault(mid, []).append(c)
        return list(classes.values()), {mid: tuple(cs) for mid, cs in member_classes.items()}

    @property
    def _class_lists(self) -> list[list[int]]:
        return self._classes[0]

    @property
    def _member_classes(self) -> dict[int, tuple[int, ...]]:
        return self._classes[1]

    @cached_property
    def own_timelines(self) -> list[tuple[list[int], frozenset[int]]]:
        return self._own_timelines()

    def _own_timelines(self) -> list[tuple[list[int], frozenset[int]]]:
        """The distinct own timelines (positions of ticked items, in time order) with the members who have each.

        Members in the same classes have the same timeline, built and walked once.
        """
        sharing: dict[tuple[int, ...], set[int]] = {}
        for mid, cs in self._member_classes.items():
            sharing.setdefault(cs, set()).add(mid)
        return [(self._merged(cs), frozenset(who)) for cs, who in sharing.items()]

    def _merged(self, classes: tuple[int, ...], *more: list[int]) -> list[int]:
        lists = [self._class_lists[c] for c in classes] + list(more)
        return lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))

    def timeline(self, membership_id: int) -> list[int]:
        """One member's whole timeline: the positions in `items` of what they attend, in time order."""
        if membership_id not in self.member_by_id:
            return []
        own = [self._class_lists[c] for c in self._member_classes.get(membership_id, ())]
        return sorted(chain(self.everyone_numbers, *own))

    def attendees(self, item: ItemData) -> frozenset[int]:
        """Membership ids attending `item`; ids of people no longer in the delegation are ignored."""
        if item.everyone:
            return self.all_ids
        found = self._attendees.get(item.participant_ids)
        if found is None:
            found = frozenset(m for m in item.participant_ids if m in self.member_by_id)
            self._attendees[item.participant_ids] = found
        return found

    def at_venues(self) -> dict[int, list[ItemData]]:
        """The items at each venue of the plan, in time order; venues by their first item (shared by several checks)."""
        return self.memo("at_venues", self._at_venues)

    def _at_venues(self) -> dict[int, list[ItemData]]:
        found: dict[int, list[ItemData]] = {}
        venues = self.venues
        for item in self.items:
            vid = item.venue_id
            if vid is not None and vid in venues:
                at = found.get(vid)
                if at is None:
                    found[vid] = [item]
                else:
                    at.append(item)
        return found

    def memo(self, key: str, compute: Callable[[], T], *, lasting: bool = False) -> T:
        """What `compute` returns, worked out once per index: for results several checks share.

        `lasting`: it does not depend on the programme (vehicles by driver,
        pickups from the travel legs), so an index built after an edit of items
        alone takes it over (incremental.py) instead of working it out again.
        """
        if key not in self._memo:
            self._memo[key] = compute()
            if lasting:
                self._lasting.add(key)
        return self._memo[key]  # type: ignore[no-any-return]

    def take_lasting(self, other: PlanIndex) -> None:
        """Take over what `other`, an index of the same plan but for the programme, worked out with `memo(..., lasting=True)`.

        Only when every part but the programme is the very same object in both plans (as after an item's edit).
        """
        if any(getattr(self.plan, name) is not getattr(other.plan, name) for name in _NOT_PROGRAMME):
            return
        for key in other._lasting:
            self._memo[key] = other._memo[key]
        self._lasting |= other._lasting

    def by_id(self) -> dict[int, ItemData]:
        """The checkable items by id (kept up to date between edits by incremental.py)."""
        return self.memo("items_by_id", lambda: {i.id: i for i in self.items if i.id is not None})

    def zone(self, name: str) -> ZoneInfo:
        """The zone by name, looked up (and checked) once per run."""
        found = self._zones.get(name)
        if found is None:
            found = self._zones[name] = zone(name)
        return found

    def local(self, moment: datetime, tz: str) -> datetime:
        """A UTC moment on the wall clock of `tz`, worked out once per moment and zone.

        Items share their start and end times (a programme runs in slots), and
        several checks ask for the same local times: looking one up costs a
        quarter of converting it.
        """
        key = (moment, tz)
        found = self._local.get(key)
        if found is None:
            found = self._local[key] = moment.astimezone(self.zone(tz))
        return found

    def span(self, item: ItemData) -> Span:
        """The item on the local clocks: its start where it starts, its end where it ends.

        The offset is named when either clock is not the trip's, so a message
        never gives a Berlin time where the reader expects Shenzhen's.
        """
        assert item.start is not None and item.end is not None
        named = self.foreign_zone(item.timezone) or self.foreign_zone(item.arrival_timezone)
        return Span(self.local(item.start, item.timezone), self.local(item.end, item.arrival_timezone), named)

    def foreign_zone(self, tz: str) -> bool:
        """Whether `tz` is another clock than the trip's (aliases folded; asked once per zone)."""
        found = self._foreign.get(tz)
        if found is None:
            found = self._foreign[tz] = canonical_zone(tz) != canonical_zone(self.trip.timezone)
        return found

    def name(self, membership_id: int) -> PersonName:
        """A member's name as a message shows it, made once per index rather than each time a member is named."""
        return self._name[membership_id]

    def group(self, membership_ids: frozenset[int] | set[int]) -> Group:
        """The members named by `membership_ids`, in protocol order (kept: the same groups recur)."""
        key = membership_ids if isinstance(membership_ids, frozenset) else frozenset(membership_ids)
        found = self._groups.get(key)
        if found is None:
            ids = tuple(sorted(key, key=self.rank.__getitem__))
            found = Group(
                members=tuple(map(self.member_by_id.__getitem__, ids)),
                membership_ids=ids,
                person_ids=tuple(pid for pid in map(self._person_id.__getitem__, ids) if pid is not None),
                everyone=len(self.all_ids) > 1 and key == self.all_ids,
                people=People(tuple(map(self._name.__getitem__, ids))),
                languages=frozenset(map(self._language.__getitem__, ids)),
            )
            self._groups[key] = found
        return found
