"""A trip's emergency contacts (embassy, consulate): reading them, saving the list, suggesting one.

The list is short and edited in one dialog, so it is saved as a whole: one
transaction per save, and the Change holds the list before and after, which is
all undo needs (save the list before again).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.enums import Role
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.missions import MAX_CONTACTS, EmergencyContactData, suggested_contacts
from planner.i18n import N_
from planner.services.base import Action, Change, get_or_fail, run

ENTITY = "emergency_contacts"


def contact_data(row: m.EmergencyContact) -> EmergencyContactData:
    return EmergencyContactData(
        id=row.id, version=row.version, trip_id=row.trip_id, name=row.name, address=row.address, phone=row.phone,
        to_verify=row.to_verify,
    )


def trip_emergency_contacts(db: Database, trip_id: int) -> tuple[EmergencyContactData, ...]:
    with db.reading() as s:
        return read_emergency_contacts(s, trip_id)


def read_emergency_contacts(session: Session, trip_id: int) -> tuple[EmergencyContactData, ...]:
    rows = session.scalars(
        select(m.EmergencyContact).where(m.EmergencyContact.trip_id == trip_id).order_by(m.EmergencyContact.position, m.EmergencyContact.id)
    )
    return tuple(contact_data(row) for row in rows)


def validated_contacts(contacts: Sequence[EmergencyContactData]) -> tuple[EmergencyContactData, ...]:
    """Each contact checked (every bad field of every row at once), and no more than MAX_CONTACTS."""
    if len(contacts) > MAX_CONTACTS:
        raise ValidationError(N_("A trip can have at most {limit} emergency contacts."), field="emergency_contacts", limit=MAX_CONTACTS)
    checked: list[EmergencyContactData] = []
    errors: list[ValidationError] = []
    for contact in contacts:
        try:
            checked.append(contact.validated())
        except ValidationErrors as many:
            errors += many.errors
        except ValidationError as one:
            errors.append(one)
    if errors:
        raise ValidationErrors(errors)
    return tuple(checked)


def save_emergency_contacts(db: Database, trip_id: int, contacts: Sequence[EmergencyContactData]) -> Change:
    """Replace the trip's emergency contacts by `contacts`, in this order (one user action)."""
    checked = validated_contacts(contacts)

    def act(s: Session) -> Change:
        get_or_fail(s, m.Trip, trip_id, N_("trip"))
        before = read_emergency_contacts(s, trip_id)
        write_emergency_contacts(s, trip_id, checked)
        s.flush()
        return Change(Action.UPDATED, ENTITY, trip_id, before=before, after=read_emergency_contacts(s, trip_id))

    return run(db, act)


def write_emergency_contacts(session: Session, trip_id: int, contacts: Sequence[EmergencyContactData]) -> None:
    """Inside a transaction: the trip's contacts become `contacts` (also used when a trip file is imported)."""
    session.execute(delete(m.EmergencyContact).where(m.EmergencyContact.trip_id == trip_id))
    for position, contact in enumerate(contacts):
        session.add(m.EmergencyContact(
            trip_id=trip_id, position=position, name=contact.name, address=contact.address, phone=contact.phone,
            to_verify=contact.to_verify,
        ))


def suggestions(db: Database, trip_id: int) -> tuple[EmergencyContactData, ...]:
    """Built-in missions for this trip: of the country most of the delegation comes from, where the trip goes."""
    with db.reading() as s:
        trip = get_or_fail(s, m.Trip, trip_id, N_("trip"))
        nationalities = Counter(
            ms.person.nationality.upper() for ms in trip.memberships if ms.role != Role.HOST.value and ms.person.nationality
        )
        if not nationalities:
            return ()
        visitors = nationalities.most_common(1)[0][0]
        return suggested_contacts(visitors, trip.destination_country, trip.destination_city)
