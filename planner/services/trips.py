"""Trips: create, edit, list with the figures the navigator shows, delete.

Editing a trip's first day or time zone can take its programme along (see
planner.domain.rescheduling): the trip and every moved item and member are
written in one transaction and come back as one Change, the moved records as
its `related`, so that one undo puts all of them back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.cascade import read_deleted_rows
from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, TripData
from planner.domain.enums import Role, TripStatus
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.names import display_name
from planner.domain.rescheduling import ItemPolicy, TripMove, items_outside, moved_item, moved_member
from planner.domain.summaries import TripSummary
from planner.i18n import N_, current_language
from planner.services.base import Action, Change, check_version, get_or_fail, run
from planner.services.mapping import apply_item, apply_membership, apply_trip, item_data, membership_data, trip_data
from planner.services.records import insert_record

__all__ = [
    "TRIP_ROWS", "ItemPolicy", "MovePreview", "TripSummary", "create_trip", "delete_trip", "get_summary", "get_trip", "list_trips",
    "preview_item_moves", "restore_trip_edit", "update_trip",
]

#: The kind of a trip deletion's related Change that holds the rows it removed (planner.db.cascade.DeletedRows).
TRIP_ROWS = "trip_rows"
#: Why an item cannot follow the trip: its local time does not exist on the new day, or its end comes before its start.
CANNOT_MOVE = N_("“{item}” cannot be moved with the trip: {reason}")


def list_trips(db: Database, status: TripStatus | None = None) -> list[TripSummary]:
    with db.reading() as s:
        query = select(m.Trip).order_by(m.Trip.first_day.desc(), m.Trip.id)
        if status is not None:
            query = query.where(m.Trip.status == status.value)
        trips = list(s.scalars(query))
        members = dict(
            s.execute(select(m.Membership.trip_id, func.count()).group_by(m.Membership.trip_id)).all()
        )
        items = dict(
            s.execute(select(m.ProgrammeItem.trip_id, func.count()).group_by(m.ProgrammeItem.trip_id)).all()
        )
        heads: dict[int, str] = {}
        rows = s.execute(
            select(m.Membership.trip_id, m.Person.family_name, m.Person.given_name, m.Person.native_name)
            .join(m.Person)
            .where(m.Membership.role == Role.HEAD.value)
            .order_by(m.Membership.protocol_order, m.Membership.id)
        )
        for trip_id, family, given, native in rows:
            heads.setdefault(trip_id, display_name(family, given, native))
        return [TripSummary(trip_data(t), members.get(t.id, 0), items.get(t.id, 0), heads.get(t.id, "")) for t in trips]


def get_summary(db: Database, trip_id: int) -> TripSummary | None:
    """One trip's row of list_trips, read for that trip alone (the Overview shows it after every change); None if gone."""
    with db.reading() as s:
        trip = s.get(m.Trip, trip_id)
        if trip is None:
            return None
        members = s.scalar(select(func.count()).select_from(m.Membership).where(m.Membership.trip_id == trip_id))
        items = s.scalar(select(func.count()).select_from(m.ProgrammeItem).where(m.ProgrammeItem.trip_id == trip_id))
        head = s.execute(
            select(m.Person.family_name, m.Person.given_name, m.Person.native_name)
            .join(m.Membership, m.Membership.person_id == m.Person.id)
            .where(m.Membership.trip_id == trip_id, m.Membership.role == Role.HEAD.value)
            .order_by(m.Membership.protocol_order, m.Membership.id)
            .limit(1)
        ).first()
        return TripSummary(trip_data(trip), members or 0, items or 0, display_name(*head) if head is not None else "")


def get_trip(db: Database, trip_id: int) -> TripData:
    with db.reading() as s:
        return trip_data(get_or_fail(s, m.Trip, trip_id, N_("trip")))


def create_trip(db: Database, data: TripData) -> Change:
    return insert_record(db, "trip", data.validated(), m.Trip, apply_trip, trip_data)


#: A record the edit moves: its row, its values before and after.
_Moved = tuple[m.ProgrammeItem | m.Membership, ItemData | MembershipData, ItemData | MembershipData]


def update_trip(db: Database, data: TripData, items: ItemPolicy | None = None) -> Change:
    """Save the trip's fields; with `items`, move its programme (and arrival/departure days) as that policy says.

    Without `items` the programme is left untouched. A programme item that cannot
    follow (a local time that does not exist on its new day) refuses the whole
    edit with a ValidationErrors naming the item on "first_day".
    """
    data = data.validated()

    def act(s: Session) -> Change:
        row = get_or_fail(s, m.Trip, data.id, N_("trip"))
        check_version(row, data.version)
        before = trip_data(row)
        moved: list[_Moved] = []
        if items is not None:
            move = TripMove.between(before, data)
            if move.moves_items:
                moved = _moves(row, move, items)
        apply_trip(row, data)
        for target, _old, new in moved:
            _apply(target, new)
        s.flush()
        return Change(Action.UPDATED, "trip", row.id, before=before, after=trip_data(row), related=_changes(moved))

    return run(db, act)


def _moves(
    row: m.Trip, move: TripMove, policy: ItemPolicy,
) -> list[_Moved]:
    """Every item and member that `move` changes under `policy`, with its new values; refused items raise together."""
    moved: list[_Moved] = []
    errors: list[ValidationError] = []
    for it in sorted(row.items, key=lambda r: (r.start_utc, r.id)):
        old = item_data(it)
        try:
            new = moved_item(old, move, policy).validated()
        except (ValidationError, ValidationErrors) as error:
            errors.append(_cannot_move(old, error))
            continue
        if new != old:
            moved.append((it, old, new))
    if errors:
        raise ValidationErrors(errors)
    for ms in row.memberships:
        old_member = membership_data(ms)
        new_member = moved_member(old_member, move, policy)
        if new_member != old_member:
            moved.append((ms, old_member, new_member))
    return moved


def _cannot_move(item: ItemData, error: ValidationError | ValidationErrors) -> ValidationError:
    reason = error.errors[0].message() if isinstance(error, ValidationErrors) else error.message()
    return ValidationError(CANNOT_MOVE, field="first_day", item=_Title(item), reason=reason)


class _Title:
    """An item's title in the language of whoever reads the message (a language switch included)."""

    def __init__(self, item: ItemData) -> None:
        self._title = item.title

    @property
    def label(self) -> str:
        return self._title.text(current_language())


def _apply(target: m.ProgrammeItem | m.Membership, value: ItemData | MembershipData) -> None:
    if isinstance(target, m.ProgrammeItem):
        assert isinstance(value, ItemData)
        apply_item(target, value)
    else:
        assert isinstance(value, MembershipData)
        apply_membership(target, value)


def _changes(moved: Sequence[_Moved]) -> tuple[Change, ...]:
    """The moved records as Changes (call after the flush, so that `after` carries the new versions)."""
    changes: list[Change] = []
    for target, old, _new in moved:
        if isinstance(target, m.ProgrammeItem):
            changes.append(Change(Action.UPDATED, "item", target.id, before=old, after=item_data(target)))
        else:
            changes.append(Change(Action.UPDATED, "membership", target.id, before=old, after=membership_data(target)))
    return tuple(changes)


def delete_trip(db: Database, trip_id: int) -> Change:
    """Delete a trip with everything that hangs off it (people and venues stay in their directories).

    Its Change keeps, as one related Change of kind TRIP_ROWS, every row the
    deletion removed and every reference it emptied (planner.db.cascade), so
    that undo (restore.restore_trip) brings all of it back with the same ids.
    """

    def act(s: Session) -> Change:
        row = get_or_fail(s, m.Trip, trip_id, N_("trip"))
        before = trip_data(row)
        rows = read_deleted_rows(s, "trip", trip_id)
        s.delete(row)
        return Change(Action.DELETED, "trip", trip_id, before=before, related=(Change(Action.DELETED, TRIP_ROWS, trip_id, before=rows),))

    return run(db, act)


@dataclass(frozen=True, slots=True)
class MovePreview:
    """What saving an edited trip would do to its programme, for the question asked before saving.

    `moves` says whether the first day or the zone changes, `items` how many
    programme items the trip has (only with both do the policies differ, and
    with none the delegation's days simply follow); `outside` names, per policy, the
    items that would lie outside the new days although they lie within the
    current ones; `refused` the items that could not follow under that policy.
    """

    moves: bool
    items: int
    outside: dict[ItemPolicy, list[ItemData]]
    refused: dict[ItemPolicy, list[ValidationError]]


def preview_item_moves(db: Database, data: TripData) -> MovePreview:
    """Work out, without writing anything, where the programme would be after saving `data` under each policy."""
    data = data.validated()
    with db.reading() as s:
        row = get_or_fail(s, m.Trip, data.id, N_("trip"))
        before = trip_data(row)
        items = [item_data(it) for it in row.items]
    move = TripMove.between(before, data)
    already_outside = {it.id for it in items_outside(items, before)}  # asked about before, or never in the days
    outside: dict[ItemPolicy, list[ItemData]] = {}
    refused: dict[ItemPolicy, list[ValidationError]] = {}
    for policy in ItemPolicy:
        placed: list[ItemData] = []
        refused[policy] = []
        for item in items:
            if not move.moves_items:
                placed.append(item)
                continue
            try:
                placed.append(moved_item(item, move, policy).validated())
            except (ValidationError, ValidationErrors) as error:
                refused[policy].append(_cannot_move(item, error))
        outside[policy] = [it for it in items_outside(placed, data) if it.id not in already_outside]
    return MovePreview(move.moves_items, len(items), outside, refused)


def restore_trip_edit(db: Database, trip: TripData, related: Sequence[ItemData | MembershipData]) -> Change:
    """Put a trip and the items and members an edit moved back to `trip` and `related` (undo and redo of that edit).

    Each record must still be at the version given (else ConflictError: it was
    changed elsewhere); all of it is written in one transaction.
    """
    trip = trip.validated()

    def act(s: Session) -> Change:
        row = get_or_fail(s, m.Trip, trip.id, N_("trip"))
        check_version(row, trip.version)
        before = trip_data(row)
        apply_trip(row, trip)
        moved: list[_Moved] = []
        for value in related:
            target: m.ProgrammeItem | m.Membership
            if isinstance(value, ItemData):
                target = get_or_fail(s, m.ProgrammeItem, value.id, N_("programme item"))
                old: ItemData | MembershipData = item_data(target)
            else:
                target = get_or_fail(s, m.Membership, value.id, N_("delegation member"))
                old = membership_data(target)
            check_version(target, value.version)
            _apply(target, value)
            moved.append((target, old, value))
        s.flush()
        return Change(Action.UPDATED, "trip", row.id, before=before, after=trip_data(row), related=_changes(moved))

    return run(db, act)
