"""One trip, loaded once, with the look-ups every document needs.

Documents are made from a TripBundle (plain records, one database read), so a
batch of itineraries reads the database once and worker processes receive
picklable data instead of a connection.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from planner.db.engine import Database
from planner.domain.accommodation import RoomAssignmentData, RoomBlockData
from planner.domain.entities import ContactData, ItemData, TripData, VenueData
from planner.domain.enums import ItemKind, Role, VenueKind
from planner.domain.errors import NotFoundError
from planner.domain.hosts import item_host
from planner.domain.vehicles import ItemRides, VehicleData
from planner.i18n import N_
from planner.domain.members import Member
from planner.domain.trip_bundle import TripBundle
from planner.services.transfer import load_trip_bundle

#: Roles named on the emergency page beside the head: the people who organise on site.
STAFF_ROLES: tuple[Role, ...] = (Role.STAFF, Role.INTERPRETER)


@dataclass(frozen=True, slots=True)
class Day:
    """One calendar day of the programme (in the local time of its items) and its items."""

    day: date
    items: tuple[ItemData, ...]


class TripView:
    """Read-only questions about one trip's bundle: who attends what, where, with whom."""

    def __init__(self, bundle: TripBundle) -> None:
        self.bundle = bundle
        self.trip: TripData = bundle.trip
        people = {p.id: p for p in bundle.people}
        self._people = {pid: p for pid, p in people.items() if pid is not None}
        self.members: tuple[Member, ...] = tuple(
            Member(ms, people[ms.person_id]) for ms in sorted(bundle.members, key=lambda ms: (ms.protocol_order, ms.id or 0))
        )
        self._members = {m.id: m for m in self.members}
        self._venues = {v.id: v for v in bundle.venues}
        self._contacts = {c.id: c for v in bundle.venues for c in v.contacts}
        self.items: tuple[ItemData, ...] = tuple(sorted(bundle.items, key=lambda i: (i.start, i.id or 0)))
        # Answers asked again by every document of a batch (each item's people, each member's items), kept once found.
        self._chosen: dict[tuple[int, ...], tuple[tuple[Member, ...], tuple[Member, ...]]] = {}
        self._items_for: dict[int, tuple[ItemData, ...]] = {}

    @classmethod
    def load(cls, db: Database, trip_id: int, *, portraits: bool = False) -> TripView:
        """The trip's view; `portraits` also reads the stored portraits (large, and only for the hosts' documents)."""
        try:
            return cls(load_trip_bundle(db, trip_id, portraits=portraits))
        except NotFoundError:
            raise NotFoundError(N_("There is no trip {trip}."), trip=trip_id) from None

    # --- people ------------------------------------------------------------------------

    def member(self, membership_id: int) -> Member:
        try:
            return self._members[membership_id]
        except KeyError:
            raise NotFoundError(
                N_("There is no delegation member {member} in trip {trip}."), member=membership_id, trip=self.trip.id
            ) from None

    def attendees(self, item: ItemData) -> tuple[Member, ...]:
        """Who takes part, in protocol order."""
        if item.everyone:
            return self.members
        return self._split(item.participant_ids)[0]

    def absent(self, item: ItemData) -> tuple[Member, ...]:
        """Who does not take part, in protocol order."""
        if item.everyone:
            return ()
        return self._split(item.participant_ids)[1]

    def _split(self, participant_ids: tuple[int, ...]) -> tuple[tuple[Member, ...], tuple[Member, ...]]:
        """The members ticked and those not, in protocol order (per set of ticks: a team's items share it)."""
        found = self._chosen.get(participant_ids)
        if found is None:
            chosen = set(participant_ids)
            found = self._chosen[participant_ids] = (
                tuple(m for m in self.members if m.id in chosen), tuple(m for m in self.members if m.id not in chosen)
            )
        return found

    def items_for(self, membership_id: int) -> tuple[ItemData, ...]:
        found = self._items_for.get(membership_id)
        if found is None:
            found = self._items_for[membership_id] = tuple(i for i in self.items if i.attended_by(membership_id))
        return found

    def ride(self, item: ItemData) -> ItemRides | None:
        """Who rides in which vehicle to `item`; None when nobody has a seat."""
        return self._rides.get(item.id) if item.id is not None else None

    def vehicle(self, vehicle_id: int) -> VehicleData | None:
        return self._vehicles.get(vehicle_id)

    @cached_property
    def _rides(self) -> dict[int, ItemRides]:
        found: dict[int, ItemRides] = {}
        for ride in self.bundle.rides:  # the first of an item's, as a search from the front finds it
            if ride.id is not None:
                found.setdefault(ride.id, ride)
        return found

    @cached_property
    def _vehicles(self) -> dict[int, VehicleData]:
        found: dict[int, VehicleData] = {}
        for vehicle in self.bundle.vehicles:
            if vehicle.id is not None:
                found.setdefault(vehicle.id, vehicle)
        return found

    @cached_property
    def heads(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.role is Role.HEAD)

    @cached_property
    def delegation(self) -> tuple[Member, ...]:
        """The delegation's participants: everyone on the list but the hosts, who are there to receive them."""
        return tuple(m for m in self.members if m.role is not Role.HOST)

    @cached_property
    def staff(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.role in STAFF_ROLES)

    # --- places ------------------------------------------------------------------------

    def venue(self, item: ItemData) -> VenueData | None:
        return self._venues.get(item.venue_id) if item.venue_id is not None else None

    def host(self, item: ItemData) -> ContactData | None:
        """The venue contact or the person receiving the delegation, printed alike (name, function, phone)."""
        return item_host(item, self._contacts, self._people)

    def venues_of(self, items: tuple[ItemData, ...]) -> tuple[VenueData, ...]:
        """The venues of `items`, in the order they are first visited."""
        if items is self.items:
            return self._all_venues
        return self._venues_of(items)

    @cached_property
    def _all_venues(self) -> tuple[VenueData, ...]:
        """Every venue of the programme (each document's emergency page asks, for their countries)."""
        return self._venues_of(self.items)

    def _venues_of(self, items: tuple[ItemData, ...]) -> tuple[VenueData, ...]:
        seen: dict[int, VenueData] = {}
        for item in items:
            venue = self.venue(item)
            if venue is not None and venue.id is not None:
                seen.setdefault(venue.id, venue)
        return tuple(seen.values())

    def hotels(self, items: tuple[ItemData, ...] | None = None) -> tuple[VenueData, ...]:
        return tuple(v for v in self.venues_of(self.items if items is None else items) if v.kind is VenueKind.HOTEL)

    def rooms_of(self, membership_id: int) -> list[tuple[RoomAssignmentData, RoomBlockData, VenueData]]:
        """The member's rooms in the order of their nights, each with its block and hotel."""
        blocks = {b.id: b for b in self.bundle.room_blocks}
        found = []
        for room in sorted((r for r in self.bundle.rooms if r.membership_id == membership_id), key=lambda r: r.first_night or date.min):
            block = blocks.get(room.block_id)
            hotel = self._venues.get(block.venue_id) if block is not None else None
            if block is not None and hotel is not None:
                found.append((room, block, hotel))
        return found

    def lodging(self, membership_id: int | None = None) -> tuple[VenueData, ...]:
        """Where the delegation (or one member) sleeps: their rooms' hotels, else the venues of the check-in items they attend.

        A guest house that only hosts a banquet is a hotel-kind venue but nobody's
        lodging; only a trip without any check-in falls back to the hotels visited.
        """
        if membership_id is not None:
            hotels = {hotel.id: hotel for _room, _block, hotel in self.rooms_of(membership_id)}
            if hotels:
                return tuple(hotels.values())
        items = self.items if membership_id is None else self.items_for(membership_id)
        check_ins = tuple(i for i in items if i.kind is ItemKind.CHECK_IN)
        if any(i.kind is ItemKind.CHECK_IN for i in self.items):
            return self.venues_of(check_ins)
        return self.hotels(items)

    # --- time --------------------------------------------------------------------------

    def days(self, items: tuple[ItemData, ...] | None = None) -> tuple[Day, ...]:
        """Every day of the trip, and any other day an item starts on, with the items starting then (local time)."""
        chosen = self.items if items is None else items
        by_day: dict[date, list[ItemData]] = defaultdict(list)
        for item in chosen:
            by_day[item.local_start().date()].append(item)
        every = set(self.trip.days) | set(by_day)
        return tuple(Day(d, tuple(by_day.get(d, ()))) for d in sorted(every))
