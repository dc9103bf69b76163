"""Reading the accommodation section of a trip file: room blocks at the trip's hotels, and who sleeps in them.

A block names its hotel by venue key (a venue of kind hotel) and lists its
guests by person key, as the programme names participants; the domain checks
the rest (counts, nights in order, a currency with a rate), its errors placed
at the JSON path of the field they name.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from planner.domain.accommodation import RoomAssignmentData, RoomBlockData
from planner.domain.entities import VenueData
from planner.domain.enums import VenueKind
from planner.i18n import N_
from planner.importing.tripfile_errors import Location
from planner.importing.tripfile_protocol import _member

if TYPE_CHECKING:
    from planner.importing.tripfile_reader import TripDocumentReader, _Keys


def read_accommodation(reader: TripDocumentReader, venues: list[VenueData], venue_keys: _Keys, member_of: dict[str, int],
                       person_keys: _Keys, complete: bool) -> tuple[list[RoomBlockData], list[RoomAssignmentData]]:
    """The blocks (stand-in ids numbered in file order) and their guests' rooms, each validated where it stands."""
    kinds = {v.id: v.kind for v in venues}
    blocks: list[RoomBlockData] = []
    rooms: list[RoomAssignmentData] = []
    next_room = 1
    for where, record in reader.records("accommodation"):
        block_id = int(where[1]) + 1
        hotel = reader.get(record, where, "hotel", None)
        venue_id = None
        if hotel in venue_keys:
            venue_id = venue_keys.index[hotel] + 1
            if venue_id in kinds and kinds[venue_id] is not VenueKind.HOTEL:
                reader.problem(where + ("hotel",), N_("“{key}” is not a hotel (a venue of kind hotel)."), key=hotel)
        elif venue_keys.unknown(hotel):
            reader.problem(where + ("hotel",), N_("No venue in “venues” has the key “{key}”."), key=hotel)
        rate = reader.get(record, where, "rate", None)
        data = RoomBlockData(
            id=block_id, trip_id=0, venue_id=venue_id or 0, room_type=reader.text(record, where, "room_type"),
            rooms=reader.get(record, where, "rooms", 1), sleeps=reader.get(record, where, "sleeps", 1),
            rate=Decimal(str(rate)) if rate is not None else None,  # via str: 680.5 is 680.50, not a binary fraction
            currency=reader.get(record, where, "currency", ""), notes=reader.get(record, where, "notes", ""),
        )
        block = reader.validated(where, data.validated)
        if block is not None and venue_id is not None:
            blocks.append(block.evolve(trip_id=None))
        for n, guest in enumerate(reader.get(record, where, "guests", [])):
            at = where + ("guests", n)
            if not isinstance(guest, dict) or not reader.ok(at):
                continue
            room = _room(reader, guest, at, block_id, member_of, person_keys, complete)
            if room is not None:
                rooms.append(room.evolve(id=next_room))
                next_room += 1
    _no_two_rooms_a_night(reader, rooms)
    return blocks, rooms


def _room(reader: TripDocumentReader, guest: dict[str, Any], at: Location, block_id: int, member_of: dict[str, int],
          person_keys: _Keys, complete: bool) -> RoomAssignmentData | None:
    member_id = _member(reader, reader.get(guest, at, "person", None), at + ("person",), member_of, person_keys, complete)
    sharers: list[int] = []
    for j, key in enumerate(reader.get(guest, at, "sharing_with", [])):
        sharer = _member(reader, key, at + ("sharing_with", j), member_of, person_keys, complete)
        if sharer is not None:
            sharers.append(sharer)
    if member_id is None:
        return None
    data = RoomAssignmentData(
        membership_id=member_id, block_id=block_id, room_label=reader.get(guest, at, "room", ""),
        first_night=reader.day(guest, at, "first_night"), last_night=reader.day(guest, at, "last_night"),
        sharing_with=tuple(sharers), requests=reader.get(guest, at, "requests", ""),
    )
    return reader.validated(at, data.validated)


def _no_two_rooms_a_night(reader: TripDocumentReader, rooms: list[RoomAssignmentData]) -> None:
    """A member in two rooms on one night is a slip in the file, refused as the window refuses it."""
    taken: dict[tuple[int | None, date], bool] = {}
    for room in rooms:
        assert room.first_night is not None and room.last_night is not None
        night = room.first_night
        while night <= room.last_night:
            if (room.membership_id, night) in taken:
                reader.problem(("accommodation",), N_("A member has two rooms for the night of {day}."), day=night.isoformat())
                return
            taken[(room.membership_id, night)] = True
            night = date.fromordinal(night.toordinal() + 1)
