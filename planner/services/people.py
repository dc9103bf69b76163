"""The people directory, reused across trips."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.names import display_name
from planner.i18n import N_, Nn_
from planner.services.base import Change, EntityKind, each, get_or_fail, refuse_while_used
from planner.domain.briefing import ProfileOwner
from planner.services.briefing import profile_changes, read_profile
from planner.services.bulk_read import read_people
from planner.services.mapping import apply_person, person_data
from planner.services.records import RecordService

PEOPLE = RecordService("person", m.Person, N_("person"), apply_person, person_data)


def list_people(db: Database) -> list[PersonData]:
    """The people directory by name (read in bulk: a directory has thousands)."""
    with db.reading() as s:
        return read_people(s)


def get_person(db: Database, person_id: int) -> PersonData:
    with db.reading() as s:
        return person_data(get_or_fail(s, m.Person, person_id, N_("person")))


def names(db: Database, person_ids: Iterable[int]) -> dict[int, str]:
    """The names (as PersonData.name words them) of these people still in the directory, read in one query.

    For a list that names a few people (who promised a follow-up): reading
    them whole, or the trip's delegation for them, took a good part of a frame.
    """
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    with db.reading() as s:
        rows = s.execute(
            select(m.Person.id, m.Person.family_name, m.Person.given_name, m.Person.native_name).where(m.Person.id.in_(ids))
        )
        return {person_id: display_name(family, given, native) for person_id, family, given, native in rows}


def create_person(db: Database, data: PersonData) -> Change:
    return PEOPLE.create(db, data)


def update_person(db: Database, data: PersonData) -> Change:
    return PEOPLE.update(db, data)


def delete_person(db: Database, person_id: int) -> Change:
    def going_with(s: Session, before: PersonData) -> tuple[Change, ...]:
        refuse_while_used(
            s, m.Membership, m.Membership.person_id == person_id,
            Nn_("{name} takes part in {count} trip; remove them from its delegation first.", "{name} takes part in {count} trips; remove them from those delegations first."),
            name=before.name,
        )
        # The profile goes with the person (ON DELETE CASCADE); the Change keeps it for undo.
        return profile_changes([read_profile(s, ProfileOwner.PERSON, person_id)])

    return PEOPLE.delete(db, person_id, going_with)


def delete_people(db: Database, person_ids: Sequence[int]) -> Change:
    """Delete several people in one transaction; one still on a trip (or gone meanwhile) is refused alone and stays."""
    return each(db, [lambda i=person_id: delete_person(db, i) for person_id in person_ids], entity=EntityKind.PERSON)
