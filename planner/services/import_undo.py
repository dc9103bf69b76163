"""Taking back a member import, and doing it again: each in one transaction, like the import itself.

An import (services.member_import) returns a Change whose `related` changes
say what it did to each person and membership: created, or updated by a
merge. `undo_import` reverses them in reverse order (memberships off the
trip, new people out of the directory, merged people and changed roles back
to what they were); `redo_import` does them again, re-creating records with
their old ids so that later undo steps that name them stay valid.

A record changed elsewhere since (another window, another process) makes the
whole step refused with the usual "changed elsewhere" message rather than
overwritten; so does a new person who has since joined another trip. Both
functions take and return the versions this history last wrote, keyed by
(entity, id), so that the next step knows which versions are its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.errors import PlannerError
from planner.i18n import N_
from planner.services.base import Action, Change, check_version, get_or_fail, run
from planner.services.mapping import apply_membership, apply_person, person_data

Versions = dict[tuple[str, int], int]

#: The records an import updates (a merged person, a member's changed role): table, name in messages, mapping.
_UPDATED: dict[str, tuple[type[Any], str, Callable[[Any, Any], None]]] = {
    "person": (m.Person, N_("person"), apply_person),
    "membership": (m.Membership, N_("delegation member"), apply_membership),
}


def _write_over(s: Session, step: Change, data: Any, version: int | None) -> int:
    """Write `data` over the record `step` updated, if it is still at `version` (undo and redo differ only in
    which side they write and which version they expect); returns its new version."""
    model, label, apply = _UPDATED[step.entity]
    row = get_or_fail(s, model, step.id, label)
    check_version(row, version)
    apply(row, data)
    s.flush()
    return int(row.version)


def undo_import(db: Database, change: Change, versions: Mapping[tuple[str, int], int] | None = None) -> Versions:
    """Reverse the import `change`; returns the versions of the records it left (those updated back)."""
    known = dict(versions or {})

    def act(s: Session) -> Versions:
        written: Versions = {}
        removed_memberships = {c.id for c in change.related if c.entity == "membership" and c.action is Action.CREATED}
        for step in reversed(change.related):
            key = (step.entity, step.id)
            if step.action is Action.CREATED and step.entity == "membership":
                s.delete(get_or_fail(s, m.Membership, step.id, N_("delegation member")))
            elif step.action is Action.CREATED and step.entity == "person":
                row = get_or_fail(s, m.Person, step.id, N_("person"))
                _only_on_this_import(s, row, removed_memberships)
                s.delete(row)
            elif step.action is Action.UPDATED and step.entity in _UPDATED:
                written[key] = _write_over(s, step, step.before, known.get(key, step.after.version))
            else:
                raise ValueError(f"an import does not {step.action} a {step.entity}")
            s.flush()
        return written

    return run(db, act)


def redo_import(db: Database, change: Change, versions: Mapping[tuple[str, int], int] | None = None) -> Versions:
    """Carry out the import `change` again after `undo_import`; returns the versions of every record it wrote."""
    known = dict(versions or {})

    def act(s: Session) -> Versions:
        written: Versions = {}
        for step in change.related:
            key = (step.entity, step.id)
            if step.action is Action.CREATED and step.entity == "person":
                _free(s, m.Person, step.id)
                row = m.Person(id=step.id)
                apply_person(row, step.after)
                s.add(row)
                s.flush()
                written[key] = row.version
            elif step.action is Action.CREATED and step.entity == "membership":
                _free(s, m.Membership, step.id)
                data = step.after
                get_or_fail(s, m.Trip, data.trip_id, N_("trip"))
                member = m.Membership(id=step.id, trip_id=data.trip_id, person_id=data.person_id)
                apply_membership(member, data)
                s.add(member)
                s.flush()
                written[key] = member.version
            elif step.action is Action.UPDATED and step.entity in _UPDATED:
                written[key] = _write_over(s, step, step.after, known.get(key))
            else:
                raise ValueError(f"an import does not {step.action} a {step.entity}")
        return written

    return run(db, act)


def _only_on_this_import(s: Session, person: m.Person, removed: set[int]) -> None:
    """A person the import created may go only if they have joined no other trip since."""
    s.flush()  # the memberships deleted above are gone from the count
    others = s.scalar(select(func.count()).select_from(m.Membership).where(
        m.Membership.person_id == person.id, m.Membership.id.not_in(removed),
    ))
    if others:
        raise PlannerError(
            N_("{name} has joined another trip since the import, so the import cannot be taken back."), name=person_data(person).name,
        )


def _free(s: Session, model: type, record_id: int) -> None:
    if s.get(model, record_id) is not None:
        raise PlannerError(N_("The deleted record cannot be restored: it exists again or has no id."))
