"""Follow-ups: what was promised at or after a visit, by whom and until when.

Each trip has its own list. Duplicating a trip for the return visit carries
the open ones along (`carry_open`), marked with where they were agreed, so
the next briefing book starts from what is still owed. Every function that
writes is one user action and returns a Change (create, update, delete, and
restore with the same id for undo).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.briefing import FollowUpData, FollowUpStatus
from planner.domain.errors import ValidationError
from planner.i18n import N_
from planner.services.base import Change, get_if_given, get_or_fail, refuse_other_trip, run
from planner.services.records import RecordService, add_row

ENTITY = "follow_up"


def follow_up_data(row: m.FollowUp) -> FollowUpData:
    return FollowUpData(
        id=row.id, version=row.version, trip_id=row.trip_id, what=row.what, who_person_id=row.who_person_id, who=row.who,
        due=row.due, status=FollowUpStatus(row.status), item_id=row.item_id, origin_trip_id=row.origin_trip_id,
        origin=row.origin, agreed_on=row.agreed_on,
    )


def apply_follow_up(row: m.FollowUp, data: FollowUpData) -> None:
    row.trip_id = data.trip_id  # type: ignore[assignment]
    row.what = data.what
    row.who_person_id = data.who_person_id
    row.who = data.who
    row.due = data.due
    row.status = FollowUpStatus(data.status).value
    row.item_id = data.item_id
    row.origin_trip_id = data.origin_trip_id
    row.origin = data.origin
    row.agreed_on = data.agreed_on


FOLLOW_UPS = RecordService(ENTITY, m.FollowUp, N_("follow-up"), apply_follow_up, follow_up_data)


def sort_key(f: FollowUpData) -> tuple[int, date, int]:
    """Open ones first, then by due date (none last), then in the order they were entered."""
    return (0 if f.is_open else 1, f.due or date.max, f.id or 0)


def read_follow_ups(session: Session, trip_id: int) -> list[FollowUpData]:
    rows = session.scalars(select(m.FollowUp).where(m.FollowUp.trip_id == trip_id))
    return sorted((follow_up_data(r) for r in rows), key=sort_key)


def list_follow_ups(db: Database, trip_id: int) -> list[FollowUpData]:
    """The trip's follow-ups: open ones first, by due date."""
    with db.reading() as s:
        get_or_fail(s, m.Trip, trip_id, N_("trip"))
        return read_follow_ups(s, trip_id)


def get_follow_up(db: Database, follow_up_id: int) -> FollowUpData:
    with db.reading() as s:
        return follow_up_data(get_or_fail(s, m.FollowUp, follow_up_id, N_("follow-up")))


def _check_references(s: Session, data: FollowUpData) -> None:
    """The item must be one of the trip's own, and the person and trip must exist."""
    get_or_fail(s, m.Trip, data.trip_id, N_("trip"))
    get_if_given(s, m.Person, data.who_person_id, N_("person"))
    refuse_other_trip(s, m.ProgrammeItem, data.item_id, N_("programme item"), data.trip_id,
                      N_("The programme item belongs to another trip."), "item_id")
    if data.origin_trip_id is not None and s.get(m.Trip, data.origin_trip_id) is None:
        raise ValidationError(N_("The trip it was agreed on no longer exists."), field="origin_trip_id")


def create_follow_up(db: Database, data: FollowUpData) -> Change:
    return FOLLOW_UPS.create(db, data, check=_check_references)


def update_follow_up(db: Database, data: FollowUpData) -> Change:
    def check(s: Session, row: m.FollowUp, checked: FollowUpData) -> None:
        if checked.trip_id != row.trip_id:
            raise ValidationError(N_("A follow-up cannot move to another trip."), field="trip_id")
        _check_references(s, checked)

    return FOLLOW_UPS.update(db, data, check=check)


def set_status(db: Database, follow_up_id: int, status: FollowUpStatus, version: int | None) -> Change:
    """Mark one done, dropped or open again (the panel's one-click action)."""
    current = get_follow_up(db, follow_up_id)
    return update_follow_up(db, current.evolve(status=status, version=version if version is not None else current.version))


def delete_follow_up(db: Database, follow_up_id: int) -> Change:
    return FOLLOW_UPS.delete(db, follow_up_id)


def restore_follow_up(db: Database, before: FollowUpData) -> Change:
    """Put a deleted follow-up back with its old id (undo of a deletion, redo of a creation)."""

    def act(s: Session) -> Change:
        if before.item_id is not None and s.get(m.ProgrammeItem, before.item_id) is None:
            data = before.evolve(item_id=None)  # its item went meanwhile; the task itself stays
        else:
            data = before
        if data.who_person_id is not None and s.get(m.Person, data.who_person_id) is None:
            data = data.evolve(who_person_id=None)
        if data.origin_trip_id is not None and s.get(m.Trip, data.origin_trip_id) is None:
            data = data.evolve(origin_trip_id=None)  # its words in `origin` still say where it was agreed
        get_or_fail(s, m.Trip, data.trip_id, N_("trip"))
        return add_row(s, ENTITY, m.FollowUp(id=before.id), apply_follow_up, data, follow_up_data)

    return run(db, act)


def insert_follow_ups(session: Session, trip_id: int, follow_ups: list[FollowUpData], item_ids: Mapping[int | None, int],
                      person_ids: Mapping[int | None, int]) -> None:
    """Inside a transaction: `follow_ups` added to trip `trip_id`, their item and person ids mapped to new ones (trip-file import)."""
    for f in follow_ups:
        row = m.FollowUp()
        apply_follow_up(row, f.evolve(
            trip_id=trip_id, item_id=item_ids.get(f.item_id) if f.item_id is not None else None,
            who_person_id=person_ids.get(f.who_person_id) if f.who_person_id is not None else None, origin_trip_id=None,
        ))
        session.add(row)


def carry_open(session: Session, source: m.Trip, trip_id: int, item_ids: Mapping[int, int]) -> list[m.FollowUp]:
    """Inside a transaction: the source trip's OPEN follow-ups copied to trip `trip_id` (a return visit's duplicate).

    Each copy remembers where it was agreed: the trip it came from (by id while
    that trip exists, and by title and day in words that stay) unless it had
    already been carried along from an earlier one. Its item becomes the copy
    of its item, since the duplicate's programme is the same meetings again.
    """
    copies: list[m.FollowUp] = []
    for f in read_follow_ups(session, source.id):
        if not f.is_open:
            continue
        carried = f.carried_over
        row = m.FollowUp()
        apply_follow_up(row, f.evolve(
            id=None, version=None, trip_id=trip_id,
            item_id=item_ids.get(f.item_id) if f.item_id is not None else None,
            origin_trip_id=f.origin_trip_id if carried else source.id,
            origin=f.origin if carried else source.title,
            agreed_on=f.agreed_on or (None if carried else source.first_day),
        ))
        session.add(row)
        copies.append(row)
    session.flush()
    return copies
