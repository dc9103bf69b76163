"""Bringing a confirmed member list into a trip: every row or none.

The rows come from the member import preview (planner.importing.members),
where the user chose per row to import it as a new person, to merge it into
a person already in the directory, or to skip it; skipped rows never get
here. All rows are written in one transaction: a row that fails (a record
deleted meanwhile, a person changed elsewhere since the preview) rolls back
the rows before it too, so a list is never half imported.

Merging updates the person with what the row supplies and keeps the rest: a
list without e-mail addresses does not erase the addresses on file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import MembershipData, PersonData
from planner.domain.enums import Language, Role
from planner.domain.errors import PlannerError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.i18n import N_
from planner.services.base import Action, Change, check_version, get_or_fail, run
from planner.services.mapping import (
    PERSON_FIELDS,
    apply_membership,
    apply_person,
    membership_data,
    person_data,
)
from planner.services.records import add_row


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One confirmed row: a person to create, or to merge into person `merge_into`.

    `fields` names the person fields the row supplies; a merge changes only
    those (and only where the row's value is not empty). None means every
    field. `merge_version` is the version of the person the user saw in the
    preview; if the person changed since, the import is refused. `row_number`
    is the spreadsheet row, for messages.
    """

    person: PersonData
    role: Role = Role.MEMBER
    merge_into: int | None = None
    merge_version: int | None = None
    fields: frozenset[str] | None = None
    row_number: int | None = None


def import_members(db: Database, trip_id: int, rows: Sequence[ImportRow]) -> Change:
    """Add every row to the trip in one transaction, in the rows' order after the existing members.

    Returns an IMPORTED change of the trip's delegation whose `related`
    changes say what happened to each person and membership (for undo).
    """
    checked = [_checked(row, n) for n, row in enumerate(rows, start=1)]
    merged = [row.merge_into for row in checked if row.merge_into is not None]
    if len(merged) != len(set(merged)):
        raise PlannerError(N_("Two rows are merged into the same person; skip one of them."))

    def act(s: Session) -> Change:
        get_or_fail(s, m.Trip, trip_id, N_("trip"))
        last = s.scalar(select(func.max(m.Membership.protocol_order)).where(m.Membership.trip_id == trip_id)) or 0
        changes: list[Change] = []
        for row in checked:
            person, person_change = _person(s, row)
            changes.append(person_change)
            membership_change, placed = _membership(s, trip_id, person, row.role, last + 1)
            last += placed
            if membership_change is not None:
                changes.append(membership_change)
        return Change(Action.IMPORTED, "delegation", trip_id, related=tuple(changes))

    return run(db, act)


def _checked(row: ImportRow, position: int) -> ImportRow:
    number = row.row_number if row.row_number is not None else position
    try:
        role = Role(row.role)
    except ValueError as exc:
        raise PlannerError(N_("Row {row} cannot be imported: “{value}” is not a valid role."), row=number, value=str(row.role)) from exc
    if row.merge_into is not None:
        return replace(row, role=role)  # validated once merged with what is on file
    try:
        person = row.person.validated()
    except ValidationErrors as exc:
        raise PlannerError(N_("Row {row} cannot be imported: {reason}"), row=number, reason=exc.message()) from exc
    return replace(row, person=replace(person, id=None, version=None), role=role)


def _person(s: Session, row: ImportRow) -> tuple[m.Person, Change]:
    if row.merge_into is None:
        created = m.Person()
        apply_person(created, row.person)
        s.add(created)
        s.flush()
        return created, Change(Action.CREATED, "person", created.id, after=person_data(created))
    existing = get_or_fail(s, m.Person, row.merge_into, N_("person"))
    check_version(existing, row.merge_version)
    before = person_data(existing)
    try:
        merged = merge_person(before, row.person, row.fields).validated()
    except ValidationErrors as exc:
        raise PlannerError(
            N_("Row {row} cannot be merged into {name}: {reason}"), row=row.row_number or "?", name=before.name, reason=exc.message()
        ) from exc
    apply_person(existing, merged)
    s.flush()
    return existing, Change(Action.UPDATED, "person", existing.id, before=before, after=person_data(existing))


def merge_person(current: PersonData, incoming: PersonData, fields: frozenset[str] | None = None) -> PersonData:
    """`current` with every non-empty value of `incoming` among `fields` (None: all fields) taken over."""
    changes: dict[str, object] = {}
    for name in (*PERSON_FIELDS, "preferred_language"):
        if fields is not None and name not in fields:
            continue
        value = getattr(incoming, name)
        if isinstance(value, LocalizedText):
            mine = getattr(current, name)
            for lang in Language:
                if value.get(lang).strip():
                    mine = mine.replace(lang, value.get(lang))
            changes[name] = mine
        elif value is not None and value != "":
            changes[name] = value
    return replace(current, **changes)


def _membership(s: Session, trip_id: int, person: m.Person, role: Role, order: int) -> tuple[Change | None, int]:
    """The person's membership in the trip with `role`: a new one at `order`, or the existing one updated.

    Returns the change (None if nothing changed) and how many places in the order it took (0 or 1).
    """
    existing = s.scalar(select(m.Membership).where(m.Membership.trip_id == trip_id, m.Membership.person_id == person.id))
    if existing is not None:
        if existing.role == role.value:
            return None, 0
        before = membership_data(existing)
        apply_membership(existing, replace(before, role=role))
        s.flush()
        return Change(Action.UPDATED, "membership", existing.id, before=before, after=membership_data(existing)), 0
    data = MembershipData(trip_id=trip_id, person_id=person.id, role=role, protocol_order=order).validated()
    return add_row(s, "membership", m.Membership(trip_id=trip_id, person_id=person.id), apply_membership, data, membership_data), 1
