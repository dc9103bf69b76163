"""What the planner holds about one person: exporting it, and erasing it.

Erasing keeps the person's id (so trips, items and undo history stay whole)
but replaces every personal detail with a neutral placeholder. SQLite is told
to overwrite freed content (secure_delete) and the write-ahead log is
checkpointed, so backups made from then on no longer hold the old details.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, inspect, select, update
from sqlalchemy.orm import Session

from planner import __version__
from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.issued import IssuedContent
from planner.domain.localized import LocalizedText
from planner.i18n import N_
from planner.domain.briefing import ProfileOwner
from planner.services.base import Action, Change, get_or_fail, run
from planner.services.briefing import delete_profile, read_profile
from planner.services.issued_history import forget_name
from planner.services.mapping import apply_person, item_data, person_data

#: The family name an erased person is listed under (translated where shown).
ERASED_NAME = N_("Erased participant")


def _plain(value: Any) -> Any:
    if isinstance(value, LocalizedText):
        return value.to_mapping()
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value.value if hasattr(value, "value") else value


def person_report(db: Database, person_id: int) -> dict[str, Any]:
    """Everything held about one person, as a JSON-ready document (a data subject's copy)."""
    with db.reading() as s:
        row = get_or_fail(s, m.Person, person_id, N_("person"))
        data = person_data(row)
        profile = read_profile(s, ProfileOwner.PERSON, person_id)
        trips = []
        for ms in s.scalars(select(m.Membership).where(m.Membership.person_id == person_id).order_by(m.Membership.trip_id)):
            items = [
                item_data(it)
                for it in ms.trip.items
                if it.everyone or any(p.id == ms.id for p in it.participants)
            ]
            trips.append(
                {
                    "trip": ms.trip.title.to_mapping(),
                    "first_day": ms.trip.first_day.isoformat(),
                    "last_day": ms.trip.last_day.isoformat(),
                    "role": ms.role,
                    "protocol_order": ms.protocol_order,
                    "arrival": ms.arrival.isoformat() if ms.arrival else None,
                    "departure": ms.departure.isoformat() if ms.departure else None,
                    "programme": [
                        {"title": i.title.to_mapping(), "start": i.start.isoformat(), "end": i.end.isoformat(), "timezone": i.timezone}
                        for i in items
                        if i.start is not None and i.end is not None
                    ],
                    "visa": _visa(s.get(m.Visa, ms.id)),
                    "travel_legs": [_leg(leg) for leg in s.scalars(
                        select(m.TravelLeg).where(m.TravelLeg.membership_id == ms.id).order_by(m.TravelLeg.id)
                    )],
                    "gifts": [
                        {
                            "item": gift_item.title.to_mapping(), "direction": gift.direction,
                            "description": gift.description.to_mapping(), "counterpart": gift.counterpart,
                            "value_cents": gift.value_cents, "currency": gift.currency, "notes": gift.notes,
                        }
                        for gift, gift_item in s.execute(
                            select(m.Gift, m.ProgrammeItem).join(m.ProgrammeItem, m.ProgrammeItem.id == m.Gift.item_id)
                            .where(m.Gift.member_id == ms.id).order_by(m.Gift.id)
                        )
                    ],
                    "rooms": [
                        {
                            "hotel": hotel.to_mapping(), "room_type": block.room_type.to_mapping(), "room": room.room_label,
                            "first_night": room.first_night.isoformat(), "last_night": room.last_night.isoformat(),
                            "requests": room.requests,
                        }
                        for room, block, hotel in s.execute(
                            select(m.RoomAssignment, m.RoomBlock, m.Venue.name)
                            .join(m.RoomBlock, m.RoomBlock.id == m.RoomAssignment.block_id)
                            .join(m.Venue, m.Venue.id == m.RoomBlock.venue_id)
                            .where(m.RoomAssignment.membership_id == ms.id).order_by(m.RoomAssignment.first_night)
                        )
                    ],
                }
            )
        printouts = []
        for title, number, issued_at, language, content in s.execute(
            select(m.Trip.title, m.IssuedVersion.number, m.IssuedVersion.issued_at, m.IssuedCopy.language, m.IssuedVersion.content)
            .join(m.IssuedVersion, m.IssuedVersion.id == m.IssuedCopy.issued_version_id)
            .join(m.Trip, m.Trip.id == m.IssuedVersion.trip_id)
            .where(m.IssuedCopy.person_id == person_id)
            .order_by(m.Trip.id, m.IssuedVersion.number)
        ):
            printout: dict[str, Any] = {
                "trip": title.to_mapping(), "version": number, "issued_at": issued_at.isoformat(), "language": language,
            }
            # Their own travel as the copy printed it (flights, booking references, the pick-up): data held about them.
            travel = IssuedContent.from_json(content).travel.get(person_id)
            if travel is not None:
                printout["own_travel"] = list(travel)
            printouts.append(printout)
    return {
        "generator": f"delegation-planner {__version__}",
        "person": {f.name: _plain(getattr(data, f.name)) for f in fields(data) if f.name not in ("version",)},
        "profile": {  # the portrait by its type only: the image is theirs, shown in the planner
            "biography": profile.biography.to_mapping(),
            "portrait": profile.portrait.mime if profile.portrait is not None else None,
        },
        "trips": trips,
        "printouts": printouts,  # the itineraries issued to them (planner.services.issuing)
    }


def _visa(row: m.Visa | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "status": row.status,
        "applied_on": row.applied_on.isoformat() if row.applied_on else None,
        "granted_on": row.granted_on.isoformat() if row.granted_on else None,
        "valid_until": row.valid_until.isoformat() if row.valid_until else None,
    }


def _leg(row: m.TravelLeg) -> dict[str, Any]:
    """One of their own journeys, booking reference included (it is theirs)."""
    return {
        "direction": row.direction, "kind": row.kind, "number": row.number, "from": row.origin, "to": row.destination,
        "departure": row.departure_utc.isoformat() if row.departure_utc else None, "departure_timezone": row.departure_timezone,
        "arrival": row.arrival_utc.isoformat() if row.arrival_utc else None, "arrival_timezone": row.arrival_timezone,
        "terminal": row.terminal, "booking_reference": row.booking_reference,
        "pickup": row.pickup_utc.isoformat() if row.pickup_utc else None, "notes": row.notes,
    }


def erase_person(db: Database, person_id: int, *, checkpoint_wal: bool = True) -> Change:
    """Replace every personal detail by a placeholder; the trips keep an anonymous participant.

    Not undoable on purpose: the returned Change holds no `before`. The WAL is
    checkpointed (bounded wait) unless the caller does it itself; erasing in
    the backups and listing free-text mentions is services.erasure's part.
    """

    def act(s: Session) -> Change:
        row = get_or_fail(s, m.Person, person_id, N_("person"))
        before = person_data(row)
        placeholder = PersonData(family_name=ERASED_NAME, preferred_language=before.preferred_language)
        apply_person(row, placeholder)
        forget_name(s, person_id, placeholder.name)  # recorded printouts name them too
        memberships = select(m.Membership.id).where(m.Membership.person_id == person_id)
        s.execute(delete(m.Visa).where(m.Visa.membership_id.in_(memberships)))  # visa dates are theirs, not the trip's
        tables = inspect(s.connection())  # a backup made before a table came has none to clean
        if tables.has_table("room_assignment"):
            # The anonymous participant keeps the bed the trip booked; their requests to the hotel (an allergy) go.
            s.execute(
                update(m.RoomAssignment).where(m.RoomAssignment.membership_id.in_(memberships))
                .values(requests="", version=m.RoomAssignment.version + 1)
                .execution_options(synchronize_session=False)
            )
        if tables.has_table("travel_leg"):
            s.execute(delete(m.TravelLeg).where(m.TravelLeg.membership_id.in_(memberships)))  # their own flights and bookings
            # Nobody is waiting for anyone in their name any more: those arrivals have no one meeting them until one is chosen.
            s.execute(
                update(m.TravelLeg).where(m.TravelLeg.met_by_person_id == person_id)
                .values(met_by_person_id=None, version=m.TravelLeg.version + 1)
                .execution_options(synchronize_session=False)
            )
        if tables.has_table("person_profile"):
            delete_profile(s, ProfileOwner.PERSON, person_id)  # biography and portrait are theirs alone
        # An anonymous placeholder hosts nothing: the items they hosted have no host until one is chosen.
        s.execute(
            update(m.ProgrammeItem).where(m.ProgrammeItem.host_person_id == person_id)
            .values(host_person_id=None, version=m.ProgrammeItem.version + 1)
            .execution_options(synchronize_session=False)
        )
        s.flush()
        return Change(Action.UPDATED, "person", person_id, before=None, after=person_data(row))

    change = run(db, act)
    if checkpoint_wal:
        from planner.services.erasure import checkpoint

        checkpoint(db)  # outside any transaction: a checkpoint cannot run inside one
    return change


def is_erased(person: PersonData) -> bool:
    return person.family_name == ERASED_NAME and not person.given_name and not person.email
