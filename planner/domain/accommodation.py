"""Accommodation: the rooms a trip holds at its hotels, and who sleeps in which for which nights.

A trip's hotels are venues of kind hotel; what the trip holds there is a room
block per room type (how many rooms, for how many people each, at what rate if
known). A member's room assignment puts them in a block for a run of nights,
optionally in a numbered room and sharing it with other members. Nights are
named by the day of check-in: the nights 24–26 October mean arriving on the
24th and leaving on the 27th. Sharing is recorded on each sharer's own
assignment (each names the others), so every record stays the member's own
and undo never has to touch someone else's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from planner.domain import validation as v
from planner.domain.entities import MembershipData, Record, _Collector, _localized_required
from planner.domain.errors import ValidationError
from planner.domain.localized import LocalizedText
from planner.i18n import N_, _

_CURRENCY = re.compile(r"^[A-Z]{3}$")
#: More rooms of one type than a delegation ever books is a typo.
MAX_ROOMS = 999
#: A family room sleeps a few; a dormitory is not a delegation's room.
MAX_SLEEPS = 8
#: A nightly rate beyond this is a typo rather than a presidential suite.
MAX_RATE = Decimal("1000000")


@dataclass(frozen=True, slots=True)
class RoomBlockData(Record):
    """Rooms of one type held at a hotel for the trip: `rooms` of them, each for `sleeps` people."""

    trip_id: int | None = None
    venue_id: int | None = None
    room_type: LocalizedText = field(default_factory=LocalizedText)
    rooms: int = 1
    sleeps: int = 1
    rate: Decimal | None = None  # per room and night; None: not known or not the planner's business
    currency: str = ""
    notes: str = ""

    def validated(self) -> RoomBlockData:
        c = _Collector()
        room_type = c.run(lambda: _localized_required(self.room_type, "room_type", _("Room type")), self.room_type)
        rooms = c.run(lambda: _whole(self.rooms, "rooms", 1, MAX_ROOMS, N_("The number of rooms must lie between 1 and {limit}.")), 1)
        sleeps = c.run(lambda: _whole(self.sleeps, "sleeps", 1, MAX_SLEEPS, N_("A room sleeps between 1 and {limit} people.")), 1)
        rate = c.run(lambda: room_rate(self.rate), None)
        currency = c.run(lambda: _currency(self.currency, rate is not None), "")
        notes = c.run(lambda: v.optional_text(self.notes, "notes", _("Notes")), "")
        if self.trip_id is None:
            c.errors.append(ValidationError(N_("A trip is required."), field="trip_id"))
        if self.venue_id is None:
            c.errors.append(ValidationError(N_("Choose the hotel."), field="venue_id"))
        c.raise_if_any()
        return self.evolve(room_type=room_type, rooms=rooms, sleeps=sleeps, rate=rate, currency=currency, notes=notes)


def _whole(value: Any, field_name: str, low: int, high: int, message: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(message, field=field_name, limit=high)
    return value


def room_rate(value: Any) -> Decimal | None:
    """A nightly rate as a Decimal with cents, from a number or text ("680", "680,50"); None when not given."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(value.strip().replace(",", ".")) if isinstance(value, str) else Decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError(N_("“{value}” is not an amount of money."), field="rate", value=value) from None
    if not amount.is_finite() or amount < 0 or amount >= MAX_RATE:
        raise ValidationError(N_("The rate must lie between 0 and 999,999.99."), field="rate")
    return amount.quantize(Decimal("0.01"))


def _currency(value: str, needed: bool) -> str:
    code = (value or "").strip().upper()
    if not code and not needed:
        return ""
    if not _CURRENCY.fullmatch(code):
        raise ValidationError(N_("“{value}” is not a currency code like EUR or CNY."), field="currency", value=value)
    return code


@dataclass(frozen=True, slots=True)
class RoomAssignmentData(Record):
    """A member's room: in block `block_id` for the nights `first_night`–`last_night` (check-in days).

    `sharing_with` are the membership ids of the members sharing the room; `room_label`
    is the room number once the hotel has given one ("" until then).
    """

    membership_id: int | None = None
    block_id: int | None = None
    room_label: str = ""
    first_night: date | None = None
    last_night: date | None = None
    sharing_with: tuple[int, ...] = ()
    requests: str = ""

    @property
    def check_out(self) -> date | None:
        """The day the member leaves the room: the morning after the last night."""
        return self.last_night + timedelta(days=1) if self.last_night is not None else None

    def covers(self, night: date) -> bool:
        return self.first_night is not None and self.last_night is not None and self.first_night <= night <= self.last_night

    def validated(self) -> RoomAssignmentData:
        c = _Collector()
        label = c.run(lambda: v.optional_text(self.room_label, "room_label", _("Room number"), 40), "")
        requests = c.run(lambda: v.optional_text(self.requests, "requests", _("Special requests"), 2000), "")
        if self.membership_id is None:
            c.errors.append(ValidationError(N_("A delegation member is required."), field="membership_id"))
        if self.block_id is None:
            c.errors.append(ValidationError(N_("Choose the hotel and room type."), field="block_id"))
        if self.first_night is None:
            c.errors.append(ValidationError(N_("The first night is required."), field="first_night"))
        if self.last_night is None:
            c.errors.append(ValidationError(N_("The last night is required."), field="last_night"))
        if self.first_night and self.last_night and self.last_night < self.first_night:
            c.errors.append(ValidationError(N_("The last night must not be before the first."), field="last_night"))
        if self.membership_id is not None and self.membership_id in self.sharing_with:
            c.errors.append(ValidationError(N_("A member cannot share a room with themselves."), field="sharing_with"))
        c.raise_if_any()
        return self.evolve(room_label=label, requests=requests, sharing_with=tuple(sorted(set(self.sharing_with))))


def stay_nights(membership: MembershipData, trip_first: date | None, trip_last: date | None) -> tuple[date, date] | None:
    """The first and last night a member needs a bed (check-in days), or None when they stay no night.

    The stay runs from the member's arrival to their departure. A member with
    neither day entered is not known to stay (an interpreter or driver from the
    place itself); with one of them, the other falls back to the trip's first
    or last day. The night of the departure day is spent elsewhere (on the way home).
    """
    if membership.arrival is None and membership.departure is None:
        return None
    arrival = membership.arrival or trip_first
    departure = membership.departure or trip_last
    if arrival is None or departure is None or departure <= arrival:
        return None
    return arrival, departure - timedelta(days=1)


def nights(first: date, last: date) -> list[date]:
    """Every night from `first` to `last`, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def shared_rooms(assignments: list[RoomAssignmentData]) -> list[list[RoomAssignmentData]]:
    """One block's assignments grouped into the rooms they fill.

    Assignments end up in one room when one names the other's member as sharing
    (either way round) or when both carry the same room number; union-find,
    so a block of n assignments is grouped in about n steps.
    """
    parent = list(range(len(assignments)))

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def join(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    position: dict[int | None, list[int]] = {}
    labelled: dict[str, int] = {}
    for n, room in enumerate(assignments):
        position.setdefault(room.membership_id, []).append(n)
        label = room.room_label.strip().casefold()
        if label:
            if label in labelled:
                join(n, labelled[label])
            else:
                labelled[label] = n
    for n, room in enumerate(assignments):
        for other in room.sharing_with:
            for k in position.get(other, ()):
                join(n, k)
    groups: dict[int, list[RoomAssignmentData]] = {}
    for n, room in enumerate(assignments):
        groups.setdefault(find(n), []).append(room)
    return list(groups.values())


def rooms_in_use(assignments: list[RoomAssignmentData]) -> dict[date, int]:
    """How many rooms of one block are in use each night (a shared room counts once)."""
    in_use: dict[date, int] = {}
    for group in shared_rooms(assignments):
        taken: set[date] = set()
        for room in group:
            if room.first_night is not None and room.last_night is not None:
                taken.update(nights(room.first_night, room.last_night))
        for night in taken:
            in_use[night] = in_use.get(night, 0) + 1
    return in_use
