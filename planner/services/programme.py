"""The programme of a trip: items at places and local times, and who attends them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ItemData, PersonData
from planner.domain.errors import PlannerError, ValidationError
from planner.domain.timing import as_utc
from planner.i18n import N_
from planner.services.base import Action, Change, EntityKind, check_version, delete_record, each, get_if_given, get_or_fail, run
from planner.services.bulk_read import read_items
from planner.services.mapping import apply_item, item_data, person_data
from planner.services.records import add_row, rewrite_row
from planner.services.vehicles import seats_taken_by


def list_items(db: Database, trip_id: int) -> list[ItemData]:
    """The programme in time order."""
    with db.reading() as s:
        return read_items(s, trip_id)


def host_people(db: Database, trip_id: int) -> dict[int, PersonData]:
    """The people hosting one of the trip's items (members or not), by id: one query for the programme's host column."""
    with db.reading() as s:
        hosting = select(m.ProgrammeItem.host_person_id).where(m.ProgrammeItem.trip_id == trip_id)
        return {row.id: person_data(row) for row in s.scalars(select(m.Person).where(m.Person.id.in_(hosting)))}


def get_item(db: Database, item_id: int) -> ItemData:
    with db.reading() as s:
        return item_data(get_or_fail(s, m.ProgrammeItem, item_id, N_("programme item")))


def _check_references(s: Session, data: ItemData) -> list[m.Membership]:
    """The item's venue, host and participants must belong to it; returns the participants."""
    get_if_given(s, m.Venue, data.venue_id, N_("venue"))
    if data.host_contact_id is not None:
        contact = get_or_fail(s, m.VenueContact, data.host_contact_id, N_("host contact"))
        if data.venue_id is not None and contact.venue_id != data.venue_id:
            raise ValidationError(N_("The host contact must be a contact at the item's venue."), field="host_contact_id")
    get_if_given(s, m.Person, data.host_person_id, N_("host"))
    if data.everyone:
        return []
    members = list(
        s.scalars(select(m.Membership).where(m.Membership.id.in_(data.participant_ids), m.Membership.trip_id == data.trip_id))
    )
    if len(members) != len(set(data.participant_ids)):
        raise PlannerError(N_("Some ticked participants are not members of this trip's delegation."))
    return members


def _with_participants(participants: list[m.Membership]) -> Callable[[m.ProgrammeItem, ItemData], None]:
    """Fill an item's row from its data, the participants (checked by _check_references) included."""

    def apply(row: m.ProgrammeItem, data: ItemData) -> None:
        apply_item(row, data)
        row.participants = participants

    return apply


def create_item(db: Database, data: ItemData) -> Change:
    data = data.validated()

    def act(s: Session) -> Change:
        get_or_fail(s, m.Trip, data.trip_id, N_("trip"))
        apply = _with_participants(_check_references(s, data))
        return add_row(s, "item", m.ProgrammeItem(trip_id=data.trip_id), apply, data, item_data)

    return run(db, act)


def update_item(db: Database, data: ItemData) -> Change:
    data = data.validated()

    def act(s: Session) -> Change:
        row = get_or_fail(s, m.ProgrammeItem, data.id, N_("programme item"))
        check_version(row, data.version)
        if row.trip_id != data.trip_id:
            raise PlannerError(N_("A programme item cannot move to another trip."))
        apply = _with_participants(_check_references(s, data))
        return rewrite_row(s, "item", row, lambda r: apply(r, data), item_data, children=(lambda i: i.participant_ids, "title"))

    return run(db, act)


def move_item(db: Database, item_id: int, version: int | None, new_start: datetime, new_end: datetime | None = None) -> Change:
    """Move (and with `new_end`, resize) an item; without `new_end` it keeps its duration.

    One transaction that reads the item and writes its times: the agenda's
    drag is the edit made most often, and reading the item in a transaction
    of its own first, then checking its venue, host and participants again as
    a whole update does, was most of the time it took.
    """

    def act(s: Session) -> Change:
        row = get_or_fail(s, m.ProgrammeItem, item_id, N_("programme item"))
        check_version(row, version)
        before = item_data(row)
        assert before.start is not None and before.end is not None
        start = as_utc(new_start)
        end = as_utc(new_end) if new_end is not None else start + (before.end - before.start)
        moved = before.evolve(start=start, end=end).validated()
        assert moved.start is not None and moved.end is not None
        row.start_utc, row.end_utc = moved.start, moved.end
        s.flush()
        return Change(Action.UPDATED, "item", row.id, before=before, after=item_data(row))

    return run(db, act)


def delete_item(db: Database, item_id: int) -> Change:
    """Delete an item; the seats in vehicles that go with it are kept in `related`, so undo seats everyone again."""
    return delete_record(db, m.ProgrammeItem, item_id, N_("programme item"), "item", item_data,
                         lambda s, _before: seats_taken_by(s, item_id=item_id))


def delete_items(db: Database, item_ids: Sequence[int]) -> Change:
    """Delete several items in one transaction (one user action); an item deleted elsewhere meanwhile is left out and named in `refused`."""
    return each(db, [lambda i=item_id: delete_item(db, i) for item_id in item_ids], entity=EntityKind.ITEM)


def shift(items: list[ItemData], delta: timedelta) -> list[ItemData]:
    return [i.evolve(start=i.start + delta, end=i.end + delta) for i in items]  # type: ignore[operator]
