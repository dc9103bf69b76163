"""A trip's hotels and rooms: room blocks per hotel and each member's room, read and changed.

Each change is one transaction returning a Change, as everywhere; undo uses
the inverse (delete a created record, save the old values, restore a deleted
one with its id). Deleting a block takes the rooms assigned in it along; the
Change carries them as `related`, so restoring the block brings them back.
A room assignment is the member's own record: sharing is named on each
sharer's assignment, and a window that pairs two members saves both as one
undo step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from operator import itemgetter
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.accommodation import RoomAssignmentData, RoomBlockData
from planner.domain.entities import VenueData
from planner.domain.enums import VenueKind
from planner.domain.errors import PlannerError, ValidationErrors
from planner.i18n import N_, current_language
from planner.services.base import Action, Change, get_or_fail, run
from planner.services.bulk_read import records, transposed
from planner.services.mapping import from_cents, person_data, to_cents, venue_data
from planner.services.records import RecordService

BLOCK = "room_block"
ASSIGNMENT = "room_assignment"

# --- mapping -------------------------------------------------------------------------------------


BLOCK_FIELDS = ("venue_id", "room_type", "rooms", "sleeps", "currency", "notes")


def block_data(row: m.RoomBlock) -> RoomBlockData:
    return RoomBlockData(
        id=row.id, version=row.version, trip_id=row.trip_id, rate=from_cents(row.rate_cents),
        **{f: getattr(row, f) for f in BLOCK_FIELDS},
    )


def apply_block(row: m.RoomBlock, data: RoomBlockData) -> None:
    for f in BLOCK_FIELDS:
        setattr(row, f, getattr(data, f))
    row.rate_cents = to_cents(data.rate)


def assignment_data(row: m.RoomAssignment) -> RoomAssignmentData:
    return RoomAssignmentData(
        id=row.id, version=row.version, membership_id=row.membership_id, block_id=row.block_id, room_label=row.room_label,
        first_night=row.first_night, last_night=row.last_night, sharing_with=tuple(row.sharing_with or ()), requests=row.requests,
    )


def apply_assignment(row: m.RoomAssignment, data: RoomAssignmentData) -> None:
    row.membership_id = data.membership_id  # type: ignore[assignment]
    row.block_id = data.block_id  # type: ignore[assignment]
    row.room_label = data.room_label
    row.first_night = data.first_night  # type: ignore[assignment]
    row.last_night = data.last_night  # type: ignore[assignment]
    row.sharing_with = list(data.sharing_with)
    row.requests = data.requests


BLOCKS = RecordService(BLOCK, m.RoomBlock, N_("room block"), apply_block, block_data)
ROOMS = RecordService(ASSIGNMENT, m.RoomAssignment, N_("room"), apply_assignment, assignment_data)


# --- reading -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Accommodation:
    """A trip's room blocks (by hotel, then as entered) and its members' rooms (by member, then first night)."""

    blocks: tuple[RoomBlockData, ...] = ()
    assignments: tuple[RoomAssignmentData, ...] = ()

    def block(self, block_id: int | None) -> RoomBlockData | None:
        return next((b for b in self.blocks if b.id == block_id), None)

    def hotel_ids(self) -> list[int]:
        """The trip's hotels in the order their first block was entered."""
        return list(dict.fromkeys(b.venue_id for b in self.blocks if b.venue_id is not None))

    def rooms_of(self, membership_id: int) -> list[RoomAssignmentData]:
        return [a for a in self.assignments if a.membership_id == membership_id]


def trip_accommodation(db: Database, trip_id: int) -> Accommodation:
    with db.reading() as s:
        return read_accommodation(s, trip_id)


_BLOCK = m.RoomBlock.__table__
_ROOM = m.RoomAssignment.__table__
_MEMBER = m.Membership.__table__


def read_accommodation(session: Session, trip_id: int) -> Accommodation:
    """Blocks and rooms of one trip in one query (blocks joined with their rooms), as plain rows.

    One query of plain columns, not ORM objects: the checks read a whole trip in a handful of
    queries, and two hundred rooms as ORM objects cost more than all the accommodation checks.
    The records are built column by column (bulk_read.records), in their fields' order.
    `sharing_with` may still name a member who has left the delegation since; readers skip ids
    they do not know, and the next save of the room drops them.
    """
    rows = session.execute(_ACCOMMODATION_OF_TRIP, {"trip_id": trip_id}).all()
    first_rows: dict[int, Any] = {}  # of each block, in the query's order (by hotel, then as entered)
    for row in rows:
        first_rows.setdefault(row[0], row)
    blocks = transposed(list(first_rows.values()), _ROOM_AT)[:_ROOM_AT]
    blocks[_RATE] = tuple(map(from_cents, blocks[_RATE]))
    # By member (in protocol order), then first night (see _ROOM_ORDER).
    rooms = sorted((row for row in rows if row[_ROOM_AT] is not None), key=_ROOM_ORDER)
    room_values = transposed(rooms, len(_ACCOMMODATION_OF_TRIP.selected_columns))[_ROOM_AT:-1]
    room_values[_SHARING] = tuple(tuple(sharing or ()) for sharing in room_values[_SHARING])
    return Accommodation(
        tuple(records(RoomBlockData, len(first_rows), blocks)), tuple(records(RoomAssignmentData, len(rooms), room_values)),
    )


#: The trip's blocks (parameter trip_id), each with its rooms and their members' places in the protocol order,
#: the columns in RoomBlockData's and RoomAssignmentData's field order (the rate as stored, in cents); built once.
_ACCOMMODATION_OF_TRIP = (
    select(
        *(_BLOCK.c["rate_cents" if f.name == "rate" else f.name] for f in fields(RoomBlockData)),
        *(_ROOM.c[f.name] for f in fields(RoomAssignmentData)),
        _MEMBER.c.protocol_order,
    )
    .select_from(_BLOCK)
    .outerjoin(_ROOM, _ROOM.c.block_id == _BLOCK.c.id)
    .outerjoin(_MEMBER, _MEMBER.c.id == _ROOM.c.membership_id)
    .where(_BLOCK.c.trip_id == bindparam("trip_id"))
    .order_by(_BLOCK.c.venue_id, _BLOCK.c.id)
)
_ROOM_AT = len(fields(RoomBlockData))  # where a row's room begins
_RATE = [f.name for f in fields(RoomBlockData)].index("rate")
_ROOM_FIELDS = [f.name for f in fields(RoomAssignmentData)]
_SHARING = _ROOM_FIELDS.index("sharing_with")
#: A room's row's place among the rooms: the member's in the protocol order, the membership, the first night, the id.
_ROOM_ORDER = itemgetter(-1, *(_ROOM_AT + _ROOM_FIELDS.index(name) for name in ("membership_id", "first_night", "id")))


def hotels(db: Database) -> list[VenueData]:
    """The directory's hotels (venues of kind hotel) in id order, for choosing one."""
    with db.reading() as s:
        rows = s.scalars(select(m.Venue).where(m.Venue.kind == VenueKind.HOTEL.value).order_by(m.Venue.id))
        return [venue_data(row) for row in rows]


# --- room blocks ---------------------------------------------------------------------------------


def _check_block(s: Session, data: RoomBlockData) -> None:
    get_or_fail(s, m.Trip, data.trip_id, N_("trip"))
    venue = get_or_fail(s, m.Venue, data.venue_id, N_("venue"))
    if venue.kind != VenueKind.HOTEL.value:
        raise PlannerError(N_("{venue} is not a hotel; set its kind to Hotel first."), venue=venue_data(venue).name.text(current_language()), field="venue_id")


def create_block(db: Database, data: RoomBlockData) -> Change:
    return BLOCKS.create(db, data, check=_check_block, new_row=lambda valid: m.RoomBlock(trip_id=valid.trip_id))


def update_block(db: Database, data: RoomBlockData) -> Change:
    return BLOCKS.update(db, data, check=lambda s, row, valid: _check_block(s, valid.evolve(trip_id=row.trip_id)))


def delete_block(db: Database, block_id: int) -> Change:
    """Delete a block and the rooms assigned in it (kept in the Change, for undo)."""

    def act(s: Session) -> Change:
        row = get_or_fail(s, m.RoomBlock, block_id, N_("room block"))
        before = block_data(row)
        rooms = list(s.scalars(select(m.RoomAssignment).where(m.RoomAssignment.block_id == block_id).order_by(m.RoomAssignment.id)))
        related = tuple(Change(Action.DELETED, ASSIGNMENT, r.id, before=assignment_data(r)) for r in rooms)
        for room in rooms:
            s.delete(room)
        s.flush()
        s.delete(row)
        return Change(Action.DELETED, BLOCK, block_id, before=before, related=related)

    return run(db, act)


def restore_block(db: Database, change: Change) -> Change:
    """Put a deleted block back with its id, and the rooms that went with it (those whose member is still on the trip)."""
    data: RoomBlockData = change.before.validated()

    def act(s: Session) -> Change:
        _check_block(s, data)
        row = m.RoomBlock(id=data.id, trip_id=data.trip_id)
        apply_block(row, data)
        s.add(row)
        s.flush()
        related = []
        for gone in change.related:
            room: RoomAssignmentData = gone.before
            if s.get(m.Membership, room.membership_id) is None:
                continue
            restored = m.RoomAssignment(id=room.id)
            apply_assignment(restored, room)
            s.add(restored)
            s.flush()
            related.append(Change(Action.CREATED, ASSIGNMENT, restored.id, after=assignment_data(restored)))
        return Change(Action.CREATED, BLOCK, row.id, after=block_data(row), related=tuple(related))

    return run(db, act)


# --- room assignments ----------------------------------------------------------------------------


def _check_assignment(s: Session, data: RoomAssignmentData) -> RoomAssignmentData:
    """`data` without sharers who have left the trip; refused unless the member, the block and the sharers
    belong to one trip and the member has no other room on these nights."""
    member = get_or_fail(s, m.Membership, data.membership_id, N_("delegation member"))
    block = get_or_fail(s, m.RoomBlock, data.block_id, N_("room block"))
    if block.trip_id != member.trip_id:
        raise PlannerError(N_("This room block belongs to another trip."), field="block_id")
    sharers = []
    for other_id in data.sharing_with:
        other = s.get(m.Membership, other_id)
        if other is None:
            continue  # left the delegation since (their own rooms went with them)
        sharers.append(other_id)
        if other.trip_id != member.trip_id:
            raise PlannerError(N_("{name} is not in this trip's delegation."), name=person_data(other.person).name, field="sharing_with")
    assert data.first_night is not None and data.last_night is not None
    clash = s.scalar(
        select(m.RoomAssignment).where(
            m.RoomAssignment.membership_id == member.id, m.RoomAssignment.id != (data.id or -1),
            m.RoomAssignment.first_night <= data.last_night, m.RoomAssignment.last_night >= data.first_night,
        ).order_by(m.RoomAssignment.first_night)
    )
    if clash is not None:
        night = max(clash.first_night, data.first_night)
        raise PlannerError(
            N_("{name} already has a room for the night of {day}."), name=person_data(member.person).name, day=_Day(night),
            field="first_night",
        )
    return data.evolve(sharing_with=tuple(sharers))


class _Day:
    """A date in a message, worded in the reader's locale when shown."""

    def __init__(self, day: date) -> None:
        self.day = day

    @property
    def label(self) -> str:
        from planner import formatting

        return formatting.long_date(self.day)


def assign_room(db: Database, data: RoomAssignmentData) -> Change:
    """Give a member a room in a block for a run of nights (one user action)."""
    return ROOMS.create(db, data, check=_check_assignment)


def update_assignment(db: Database, data: RoomAssignmentData) -> Change:
    return ROOMS.update(db, data, check=lambda s, _row, valid: _check_assignment(s, valid))


def delete_assignment(db: Database, assignment_id: int) -> Change:
    return ROOMS.delete(db, assignment_id)


def restore_assignment(db: Database, change: Change) -> Change:
    """Put a deleted room assignment back with its old id (undo of a deletion, redo of an assignment)."""
    data: RoomAssignmentData = change.before.validated()

    def act(s: Session) -> Change:
        checked = _check_assignment(s, data)
        row = m.RoomAssignment(id=data.id)
        apply_assignment(row, checked)
        s.add(row)
        s.flush()
        return Change(Action.CREATED, ASSIGNMENT, row.id, after=assignment_data(row))

    return run(db, act)


# --- whole trips (trip files, copies) ------------------------------------------------------------


def validated_accommodation(blocks: Iterable[RoomBlockData], rooms: Iterable[RoomAssignmentData]
                            ) -> tuple[list[RoomBlockData], list[RoomAssignmentData]]:
    """Every block and room checked; all bad fields at once."""
    errors: list[PlannerError] = []
    checked_blocks: list[RoomBlockData] = []
    checked_rooms: list[RoomAssignmentData] = []
    for block in blocks:
        try:
            checked_blocks.append(block.evolve(trip_id=block.trip_id or 0).validated().evolve(trip_id=block.trip_id))
        except ValidationErrors as many:
            errors.extend(many.errors)
    for room in rooms:
        try:
            checked_rooms.append(room.validated())
        except ValidationErrors as many:
            errors.extend(many.errors)
    if errors:
        raise ValidationErrors(errors)  # type: ignore[arg-type]
    return checked_blocks, checked_rooms


def check_accommodation_references(member_ids: set[int | None], venue_ids: set[int | None], blocks: Sequence[RoomBlockData],
                                   rooms: Sequence[RoomAssignmentData]) -> None:
    """Blocks and rooms of a bundle must name hotels, members and blocks of the same bundle."""
    block_ids = {b.id for b in blocks}
    if any(b.venue_id not in venue_ids for b in blocks):
        raise PlannerError(N_("The trip to import has a room block at a hotel it does not contain."))
    if any(r.block_id not in block_ids or r.membership_id not in member_ids or not set(r.sharing_with) <= member_ids for r in rooms):
        raise PlannerError(N_("The trip to import has a room for someone who is not in its delegation, or in a block it does not contain."))


def insert_accommodation(s: Session, trip_id: int, venue_ids: Mapping[int | None, int], member_ids: Mapping[int | None, int],
                         blocks: Sequence[RoomBlockData], rooms: Sequence[RoomAssignmentData], days: int = 0) -> None:
    """Write blocks and rooms under the new ids of their hotels and members, nights moved by `days` (a trip copy)."""
    shift = timedelta(days=days)
    block_ids: dict[int | None, int] = {}
    for block in blocks:
        row = m.RoomBlock(trip_id=trip_id)
        apply_block(row, block.evolve(venue_id=venue_ids[block.venue_id]))
        s.add(row)
        s.flush()
        block_ids[block.id] = row.id
    for room in rooms:
        assert room.first_night is not None and room.last_night is not None
        row = m.RoomAssignment()
        apply_assignment(row, room.evolve(
            membership_id=member_ids[room.membership_id], block_id=block_ids[room.block_id],
            first_night=room.first_night + shift, last_night=room.last_night + shift,
            sharing_with=tuple(sorted(member_ids[i] for i in room.sharing_with if i in member_ids)),
        ))
        s.add(row)
    s.flush()
