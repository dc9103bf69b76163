"""The venue directory with the contacts at each venue."""

from __future__ import annotations

from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import VenueData
from planner.i18n import N_, Nn_
from planner.services.base import Change, get_or_fail, refuse_while_used
from planner.services.bulk_read import every_venue, read_venues
from planner.domain.briefing import ProfileOwner
from planner.services.briefing import profile_changes, read_profile
from planner.services.mapping import apply_contact, apply_venue, venue_data
from planner.services.records import RecordService


def list_venues(db: Database) -> list[VenueData]:
    """The venue directory in id order, each venue with its contacts (read in bulk: a directory has hundreds)."""
    with db.reading() as s:
        return list(read_venues(s, every_venue()).values())


def get_venue(db: Database, venue_id: int) -> VenueData:
    with db.reading() as s:
        return venue_data(get_or_fail(s, m.Venue, venue_id, N_("venue")))


def _apply_with_contacts(row: m.Venue, data: VenueData) -> None:
    """Contacts are edited with their venue: update those kept, add new ones, drop the rest."""
    apply_venue(row, data)
    existing = {c.id: c for c in row.contacts}
    keep: list[m.VenueContact] = []
    for contact in data.contacts:
        target = existing.get(contact.id) if contact.id is not None else None
        if target is None:
            target = m.VenueContact()
        apply_contact(target, contact)
        keep.append(target)
    row.contacts = keep


VENUES = RecordService("venue", m.Venue, N_("venue"), _apply_with_contacts, venue_data)


def create_venue(db: Database, data: VenueData) -> Change:
    return VENUES.create(db, data)


def update_venue(db: Database, data: VenueData) -> Change:
    return VENUES.update(db, data, children=(lambda v: v.contacts, "name"))


def delete_venue(db: Database, venue_id: int) -> Change:
    def going_with(s: Session, before: VenueData) -> tuple[Change, ...]:
        refuse_while_used(
            s, m.ProgrammeItem, m.ProgrammeItem.venue_id == venue_id,
            Nn_("This venue is used by {count} programme item; change it first.", "This venue is used by {count} programme items; change those first."),
        )
        refuse_while_used(
            s, m.RoomBlock, m.RoomBlock.venue_id == venue_id,
            Nn_("A trip holds {count} room block at this hotel; remove it on the Logistics page first.",
                "Trips hold {count} room blocks at this hotel; remove them on the Logistics page first."),
        )
        # The contacts' profiles go with them (ON DELETE CASCADE); the Change keeps them for undo.
        return profile_changes([read_profile(s, ProfileOwner.CONTACT, c.id) for c in before.contacts if c.id is not None])

    return VENUES.delete(db, venue_id, going_with)
