"""Writing one trip as a trip file (docs/trip-file.md), the same bytes every time.

The document depends only on the trip's content, never on database ids or on
when it was written: keys are numbered in a fixed order (people in protocol
order, venues by id, contacts per venue), every field is written even when
empty, and fields keep one order. So an export followed by an import and
another export gives the very same file, and two exports can be diffed.
"""

from __future__ import annotations

import base64
import errno
import json
import os
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.db.engine import Database
from planner.db.integrity import DISK_FULL
from planner.domain.briefing import FollowUpData, ItemBriefingData, ProfileData, ProfileOwner
from planner.domain.accommodation import RoomAssignmentData
from planner.domain.entities import ItemData, PersonData
from planner.domain.errors import PlannerError
from planner.domain.localized import LocalizedText
from planner.domain.protocol import GiftData, SeatingData, VisaData
from planner.domain.issued import IssuedContent, IssuedRecord, ParticipantSnapshot, SnapshotItem
from planner.domain.timing import as_utc
from planner.domain.travel_legs import TravelLegData
from planner.i18n import N_
from planner.private_files import write_private
from planner.domain.trip_bundle import TripBundle
from planner.services.issued_history import load_issued
from planner.services.transfer import (
    PRIVATE_PERSON_FIELDS,
    TRIP_FILE_FORMAT,
    TRIP_FILE_VERSION,
    load_trip_bundle,
)

_EARLIEST = datetime.min.replace(tzinfo=UTC)


def trip_document(db: Database, trip_id: int, *, include_private: bool = True) -> dict[str, Any]:
    """The trip file of one trip as a JSON-ready dict, with the versions of its itineraries issued so far."""
    # Portraits are personal data: only in a file that keeps private details.
    bundle = replace(load_trip_bundle(db, trip_id, portraits=include_private), issued=load_issued(db, trip_id))
    return bundle_document(bundle, include_private=include_private)


def render_trip_document(document: dict[str, Any]) -> str:
    """The text of a trip file: readable UTF-8 (no \\u escapes for Chinese), ending in a newline."""
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_trip_file(db: Database, trip_id: int, path: str | os.PathLike[str], *, include_private: bool = True) -> Path:
    """Write the trip file of one trip to `path`, replacing it only once the new file is complete."""
    text = render_trip_document(trip_document(db, trip_id, include_private=include_private))
    return write_file(path, text.encode("utf-8"), private=include_private)


def write_file(out_path: str | os.PathLike[str], data: bytes, *, private: bool) -> Path:
    """Write a finished document to `out_path` (a leading ~ expanded) at once, as write_atomically does; returns the
    path, which the export dialogs show and open."""
    target = Path(out_path).expanduser()
    write_atomically(target, data, private=private)
    return target


def write_atomically(target: Path, data: bytes, *, private: bool) -> None:
    """Write `data` to a temporary file beside `target`, then rename it over `target`.

    The rename is atomic, so a crash or a full disk leaves either the old file
    or the new one, never half of one. A file with passport numbers stays
    readable by its owner only, like the database.
    """
    if target.is_dir():
        raise PlannerError(N_("{path} is a folder; please choose a file name."), path=str(target))
    folder = target.parent
    if not folder.is_dir():
        raise PlannerError(N_("The folder {path} does not exist."), path=str(folder))
    try:
        write_private(target, data, private=private)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise PlannerError(DISK_FULL, path=str(target)) from exc
        raise PlannerError(N_("{path} cannot be written: {reason}"), path=str(target), reason=exc.strerror or str(exc)) from exc


def bundle_document(bundle: TripBundle, *, include_private: bool = True) -> dict[str, Any]:
    """The trip file of a bundle, whether loaded from the database or read from a file.

    Only the delegation's people, the people hosting an item and the venues
    the programme uses are written; the rest of a bundle (people or venues
    that a read file merely listed) is not part of the trip. Hosts who are not
    in the delegation follow its people, in the order they first host.
    """
    members = sorted(bundle.members, key=lambda ms: (ms.protocol_order, ms.id or 0))
    people = {p.id: p for p in bundle.people}
    person_key = {ms.person_id: f"p{n}" for n, ms in enumerate(members, start=1)}
    items = sorted(bundle.items, key=lambda i: as_utc(i.start) if i.start is not None else _EARLIEST)
    hosts: list[int] = []
    for i in items:
        if i.host_person_id is not None and i.host_person_id in people and i.host_person_id not in person_key:
            person_key[i.host_person_id] = f"p{len(person_key) + 1}"
            hosts.append(i.host_person_id)
    member_rank = {ms.id: n for n, ms in enumerate(members)}
    legs = sorted(  # in time order, then precedence: the same legs always write the same file, whatever their ids
        (leg for leg in bundle.travel_legs if leg.membership_id in member_rank),
        key=lambda leg: (as_utc(leg.moment) if leg.moment is not None else _EARLIEST, member_rank[leg.membership_id], leg.number),
    )
    for leg in legs:  # then those meeting an arrival, in the order of the legs
        pid = leg.met_by_person_id
        if pid is not None and pid in people and pid not in person_key:
            person_key[pid] = f"p{len(person_key) + 1}"
            hosts.append(pid)
    member_key = {ms.id: person_key[ms.person_id] for ms in members}

    contact_venue = {c.id: v.id for v in bundle.venues for c in v.contacts}
    used = {i.venue_id for i in bundle.items if i.venue_id is not None}
    used |= {contact_venue[i.host_contact_id] for i in bundle.items if i.host_contact_id in contact_venue}
    used |= {b.venue_id for b in bundle.room_blocks}
    venues = sorted((v for v in bundle.venues if v.id in used), key=lambda v: v.id or 0)
    venue_key = {v.id: f"v{n}" for n, v in enumerate(venues, start=1)}
    contact_key = {c.id: f"c{n}" for n, c in enumerate((c for v in venues for c in v.contacts), start=1)}

    trip = bundle.trip
    visas = {v.membership_id: v for v in bundle.visas}
    gifts: dict[int | None, list[GiftData]] = {}
    for gift in bundle.gifts:
        gifts.setdefault(gift.item_id, []).append(gift)
    seatings = {p.item_id: p for p in bundle.seatings}
    briefings = {b.id: b for b in bundle.briefings if not b.is_empty()}
    profiles = {(p.owner, p.id): p for p in bundle.profiles}
    document: dict[str, Any] = {
        "format": TRIP_FILE_FORMAT,
        "format_version": TRIP_FILE_VERSION,
        "trip": {
            "title": _text(trip.title),
            "purpose": _text(trip.purpose),
            "destination_city": _text(trip.destination_city),
            "organiser": _text(trip.organiser),
            "destination_country": trip.destination_country,
            "timezone": trip.timezone,
            "first_day": _day(trip.first_day),
            "last_day": _day(trip.last_day),
            "status": trip.status.value,
            "buffer_minutes": trip.buffer_minutes,
            "notes": trip.notes,
        },
        "people": [
            _person(person_key[ms.person_id], people[ms.person_id], include_private) | _profile(profiles.get((ProfileOwner.PERSON, ms.person_id)), include_private)
            for ms in members
        ] + [
            _person(person_key[pid], people[pid], include_private) | _profile(profiles.get((ProfileOwner.PERSON, pid)), include_private)
            for pid in hosts
        ],
        "delegation": [
            {
                "person": person_key[ms.person_id],
                "role": ms.role.value,
                "protocol_order": n,
                "arrival": _day(ms.arrival),
                "departure": _day(ms.departure),
                **({"visa": _visa(visas.get(ms.id))} if include_private else {}),
            }
            for n, ms in enumerate(members, start=1)
        ],
        "venues": [
            {
                "key": venue_key[v.id],
                "name": _text(v.name),
                "kind": v.kind.value,
                "address_local": v.address_local,
                "address_romanised": v.address_romanised,
                "city": _text(v.city),
                "country": v.country,
                "timezone": v.timezone,
                "latitude": v.latitude,
                "longitude": v.longitude,
                "website": v.website,
                "notes": v.notes,
                "contacts": [
                    {
                        "key": contact_key[c.id],
                        "name": c.name,
                        "native_name": c.native_name,
                        "function": _text(c.function),
                        "phone": c.phone,
                        "email": c.email,
                        **_profile(profiles.get((ProfileOwner.CONTACT, c.id)), include_private),
                    }
                    for c in v.contacts
                ],
            }
            for v in venues
        ],
        "programme": [
            {
                **_item(i, venue_key, contact_key, member_key, member_rank, person_key),
                "gifts": [_gift(g, member_key) for g in gifts.get(i.id, [])] if i.id is not None else [],
                "seating": _seating(seatings.get(i.id), member_key) if i.id is not None else None,
                **({"briefing": _briefing(briefings[i.id])} if i.id in briefings else {}),
            }
            for i in items
        ],
    }
    if bundle.emergency_contacts:  # only then, like "issued": a trip without any keeps the file it always had
        document["emergency_contacts"] = [
            {"name": _text(c.name), "address": _text(c.address), "phone": c.phone, "to_verify": c.to_verify}
            for c in bundle.emergency_contacts
        ]
    item_ref = {i.id: f"i{n}" for n, i in enumerate(items, start=1)}
    if legs:  # only then, like "issued": a trip without any keeps the file it always had
        vehicle_key = {v.id: f"t{n}" for n, v in enumerate(bundle.vehicles, start=1)}  # as _vehicles numbers the fleet
        document["travel_legs"] = [_leg(leg, member_key, person_key, vehicle_key, include_private) for leg in legs]
    if bundle.vehicles:  # only then: a trip without vehicles keeps the file it always had
        document["vehicles"] = _vehicles(bundle, member_key, member_rank, item_ref)
    if bundle.room_blocks:  # only then, like "emergency_contacts": a trip without hotels keeps the file it always had
        document["accommodation"] = _accommodation(bundle, venue_key, member_key)
    if bundle.issued:  # only then: a trip never issued keeps the file it always had
        document["issued"] = _issued(bundle.issued, person_key, item_ref)
    if bundle.follow_ups:  # only then, like "issued"
        document["follow_ups"] = [_follow_up(f, person_key, people, item_ref) for f in bundle.follow_ups]
    return document


def _profile(profile: ProfileData | None, include_private: bool) -> dict[str, Any]:
    """A person's or contact's biography, and their portrait in a file with private details; nothing when they have none."""
    if profile is None:
        return {}
    found: dict[str, Any] = {}
    if not profile.biography.is_empty():
        found["biography"] = _text(profile.biography)
    if include_private and profile.portrait is not None:
        found["portrait"] = {"type": profile.portrait.mime, "data": base64.b64encode(profile.portrait.data).decode("ascii")}
    return found


def _briefing(briefing: ItemBriefingData) -> dict[str, Any]:
    return {name: _text(getattr(briefing, name)) for name, _label in ItemBriefingData.FIELDS}


def _follow_up(f: FollowUpData, person_key: dict[int | None, str], people: dict[int | None, PersonData],
               item_ref: dict[int | None, str]) -> dict[str, Any]:
    """One follow-up; a person who is not among the file's people is named in words instead."""
    who_key = person_key.get(f.who_person_id) if f.who_person_id is not None else None
    who = f.who
    if f.who_person_id is not None and who_key is None:
        known = people.get(f.who_person_id)
        who = known.name if known is not None else who
    return {
        "what": _text(f.what),
        "who_person": who_key,
        "who": who,
        "due": _day(f.due),
        "status": f.status.value,
        "item": item_ref.get(f.item_id) if f.item_id is not None else None,
        "origin": _text(f.origin),
        "agreed_on": _day(f.agreed_on),
    }
def _accommodation(bundle: TripBundle, venue_key: dict[int | None, str], member_key: dict[int | None, str]) -> list[dict[str, Any]]:
    """The room blocks, each with its guests in protocol order (as the bundle has them), sharers by person key."""
    guests: dict[int | None, list[RoomAssignmentData]] = {}
    for room in bundle.rooms:
        if room.membership_id in member_key:
            guests.setdefault(room.block_id, []).append(room)
    return [
        {
            "hotel": venue_key[block.venue_id],
            "room_type": _text(block.room_type),
            "rooms": block.rooms,
            "sleeps": block.sleeps,
            "rate": _amount(block.rate),
            "currency": block.currency,
            "notes": block.notes,
            "guests": [
                {
                    "person": member_key[room.membership_id],
                    "room": room.room_label,
                    "first_night": _day(room.first_night),
                    "last_night": _day(room.last_night),
                    "sharing_with": [member_key[i] for i in room.sharing_with if i in member_key],
                    "requests": room.requests,
                }
                for room in guests.get(block.id, [])
            ],
        }
        for block in bundle.room_blocks
    ]


def _amount(value: Decimal | None) -> int | float | None:
    """A whole amount as an integer, cents as a short decimal (35.5, not 35.50000001)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _person(key: str, p: PersonData, include_private: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "key": key,
        "family_name": p.family_name,
        "given_name": p.given_name,
        "native_name": p.native_name,
        "honorific": _text(p.honorific),
        "organisation": _text(p.organisation),
        "function": _text(p.function),
        "email": p.email,
        "phone": p.phone,
        "preferred_language": p.preferred_language.value,
        "dietary_needs": p.dietary_needs,
        "accessibility_needs": p.accessibility_needs,
        "passport_number": p.passport_number,
        "nationality": p.nationality,
        "passport_expiry": _day(p.passport_expiry),
        "notes": p.notes,
        "sex": p.sex.value,
        "birth_date": _day(p.birth_date),
        "birth_place": p.birth_place,
        "passport_issued": _day(p.passport_issued),
    }
    if not include_private:
        for name in PRIVATE_PERSON_FIELDS:
            del record[name]
    return record


def _item(
    item: ItemData,
    venue_key: dict[int | None, str],
    contact_key: dict[int | None, str],
    member_key: dict[int | None, str],
    member_rank: dict[int | None, int],
    person_key: dict[int | None, str],
) -> dict[str, Any]:
    participants: str | list[str]
    if item.everyone:
        participants = "all"
    else:
        attending = sorted((i for i in item.participant_ids if i in member_key), key=member_rank.__getitem__)
        if not attending:
            # Reachable when every ticked participant has left the delegation since.
            raise PlannerError(
                N_("Nobody takes part in the programme item “{title}” any more; tick its participants or choose everyone, then export again."),
                title=item.title,
            )
        participants = [member_key[i] for i in attending]
    return {
        "kind": item.kind.value,
        "title": _text(item.title),
        "description": _text(item.description),
        "venue": venue_key[item.venue_id] if item.venue_id is not None else None,
        "start": item.local_start().isoformat(),
        "end": item.local_end().isoformat(),
        "timezone": item.timezone,
        "end_timezone": item.end_timezone,
        "host_contact": contact_key[item.host_contact_id] if item.host_contact_id is not None else None,
        # Only when set: a file without person hosts stays as it always was.
        **({"host_person": person_key[item.host_person_id]} if item.host_person_id in person_key else {}),
        "dress_code": _text(item.dress_code),
        "transport": _text(item.transport),
        "participants": participants,
    }


def _leg(leg: TravelLegData, member_key: dict[int | None, str], person_key: dict[int | None, str],
         vehicle_key: dict[int | None, str], include_private: bool) -> dict[str, Any]:
    """One member's own journey, its times on their own clocks; the booking reference is theirs (private).

    `vehicle` (the key of the fleet's vehicle picking them up) is written only when there is one, and a
    departure's `pickup` at the hotel (on the departure's clock) only when it is set, so a file without
    pickups stays as it was.
    """
    departure, arrival, pickup = leg.local_departure(), leg.local_arrival(), leg.local_pickup()
    record: dict[str, Any] = {
        "person": member_key[leg.membership_id],
        "direction": leg.direction.value,
        "kind": leg.kind.value,
        "number": leg.number,
        "from": leg.origin,
        "to": leg.destination,
        "departure": departure.isoformat() if departure is not None else None,
        "departure_timezone": leg.departure_timezone,
        "arrival": arrival.isoformat() if arrival is not None else None,
        "arrival_timezone": leg.arrival_timezone,
        "terminal": leg.terminal,
        "booking_reference": leg.booking_reference,
        "met_by": person_key.get(leg.met_by_person_id) if leg.met_by_person_id is not None else None,
        **({"vehicle": vehicle_key[leg.vehicle_id]} if leg.vehicle_id in vehicle_key else {}),
        "vehicle_note": leg.vehicle_note,
        **({"pickup": pickup.isoformat()} if pickup is not None else {}),
        "notes": leg.notes,
    }
    if not include_private:
        del record["booking_reference"]
    return record


def _visa(visa: VisaData | None) -> dict[str, Any]:
    visa = visa or VisaData()
    return {
        "status": visa.status.value, "applied_on": _day(visa.applied_on), "granted_on": _day(visa.granted_on),
        "valid_until": _day(visa.valid_until),
    }


def _gift(gift: GiftData, member_key: dict[int | None, str]) -> dict[str, Any]:
    value: int | float | None = None
    if gift.value is not None:  # a whole amount as an integer, cents as a short decimal (35.5, not 35.50000001)
        value = int(gift.value) if gift.value == gift.value.to_integral_value() else float(gift.value)
    return {
        "direction": gift.direction.value,
        "description": _text(gift.description),
        "member": member_key.get(gift.member_id) if gift.member_id is not None else None,
        "counterpart": gift.counterpart,
        "value": value,
        "currency": gift.currency,
        "notes": gift.notes,
    }


def _seating(plan: SeatingData | None, member_key: dict[int | None, str]) -> dict[str, Any] | None:
    if plan is None:
        return None
    return {
        "arrangement": plan.arrangement.value,
        "seats": [
            {"person": member_key[seat.membership_id], "side": seat.side.value, "place": seat.place, "behind": seat.behind}
            # In seat order, not in the order the rows were stored: the same plan always writes the same file.
            for seat in sorted(plan.seats, key=lambda s: (s.place, s.behind, s.side.value, member_key.get(s.membership_id, "")))
            if seat.membership_id in member_key
        ],
    }


def _vehicles(
    bundle: TripBundle, member_key: dict[int | None, str], member_rank: dict[int | None, int], item_ref: dict[int | None, str],
) -> dict[str, Any]:
    """The fleet as "t<n>" in the planner's order, and per item who rides in which (people in precedence order)."""
    vehicle_key = {v.id: f"t{n}" for n, v in enumerate(bundle.vehicles, start=1)}
    rides: list[tuple[str, dict[str, Any]]] = []
    for ride in bundle.rides:
        item = item_ref.get(ride.id)
        if item is None:
            continue
        seats = []
        for vehicle in bundle.vehicles:
            people = sorted((m for m in ride.riders(vehicle.id or 0) if m in member_key), key=member_rank.__getitem__)
            if people:
                seats.append({"vehicle": vehicle_key[vehicle.id], "people": [member_key[m] for m in people]})
        motorcade = [vehicle_key[v] for v in ride.order if v in vehicle_key]
        if seats or motorcade:
            rides.append((item, {"item": item, "motorcade": motorcade, "seats": seats}))
    return {
        "fleet": [
            {
                "key": vehicle_key[v.id], "label": v.label, "kind": v.kind.value, "seats": v.seats, "plate": v.plate,
                "operator": v.operator, "driver_name": v.driver_name, "driver_phone": v.driver_phone, "notes": v.notes,
            }
            for v in bundle.vehicles
        ],
        "rides": [record for _item, record in sorted(rides, key=lambda pair: int(pair[0][1:]))],
    }


def _issued(records: tuple[IssuedRecord, ...], person_key: dict[int | None, str], item_ref: dict[int | None, str]) -> list[dict[str, Any]]:
    """The issued versions: items by "i<n>" (the n-th programme entry) or "x<n>" (deleted since), people by key or "r<n>" (no longer on the trip).

    Each version lists its items once and its delegation once per language;
    a copy names its items (see planner.domain.issued.IssuedContent).
    """
    gone_items: dict[int, str] = {}
    gone_people: dict[int, str] = {}

    def item(key: int) -> str:
        if key > 0 and key in item_ref:
            return item_ref[key]
        return gone_items.setdefault(key, f"x{len(gone_items) + 1}")

    def person(pid: int) -> str:
        if pid > 0 and pid in person_key:
            return person_key[pid]
        return gone_people.setdefault(pid, f"r{len(gone_people) + 1}")

    def snapshot_item(i: SnapshotItem) -> dict[str, Any]:
        return {
            "item": item(i.key), "kind": i.kind.value, "title": _text(i.title), "start": i.start.isoformat(), "end": i.end.isoformat(),
            "timezone": i.timezone, "end_timezone": i.end_timezone, "venue": _text(i.venue),
            "participants": [person(p) for p in i.participants] if i.participants is not None else None,
        }

    versions: list[dict[str, Any]] = []
    for record in records:
        copies = [copy for copy in record.copies if copy.person_id in person_key]
        content = IssuedContent.of(copies)
        versions.append({
            "number": record.number,
            "issued_at": as_utc(record.issued_at).isoformat(),
            "delegation": {
                lang.value: [{"person": person(pid), "name": name} for pid, name in group] for lang, group in content.delegations.items()
            },
            "items": [snapshot_item(i) for i in content.items],
            "copies": [_copy(copy, person_key[copy.person_id], [item(i.key) for i in copy.items]) for copy in copies],
        })
    return versions


def _copy(copy: ParticipantSnapshot, holder: str, items: list[str]) -> dict[str, Any]:
    """One printout: its holder, language and items, and its own travel lines where they were recorded (not before they were)."""
    found: dict[str, Any] = {"person": holder, "language": copy.language.value, "items": items}
    if copy.travel is not None:
        found["travel"] = list(copy.travel)
    return found


def _text(value: LocalizedText) -> dict[str, str]:
    return value.to_mapping()


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
