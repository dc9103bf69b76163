"""Turning a schema-checked trip document into a TripBundle, checking what the schema cannot.

The schema sees one value at a time; here the rules that need several are
checked (keys and what refers to them, offsets against time zones, a host at
the item's own venue) and each record goes through the domain's validation,
whose errors are put back at the JSON path of the field they name.

Parts of the document the schema already rejected are left out rather than
guessed at, and follow-up errors about them (a reference to a person whose
key was mistyped, "title must not be empty" after a bad title) are not
reported a second time, so one slip does not bury the user under messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from planner.domain import validation as v
from planner.domain.entities import ContactData, ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.enums import ItemKind, Language, Role, Sex, TripStatus, VenueKind
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.domain.missions import MAX_CONTACTS, EmergencyContactData
from planner.domain.travel_legs import LegDirection, LegKind, TravelLegData
from planner.i18n import N_
from planner.domain.protocol import GiftData, SeatingData, VisaData
from planner.importing.tripfile_accommodation import read_accommodation
from planner.importing.tripfile_errors import Location, TripFileProblem, json_path, shown
from planner.importing.tripfile_protocol import read_gifts, read_seating, read_visa
from planner.importing.tripfile_issued import read_issued
from planner.importing.tripfile_vehicles import fleet_keys, read_vehicles
from planner.importing.tripfile_briefing import read_briefing, read_follow_ups, read_profile
from planner.domain.briefing import ItemBriefingData, ProfileData, ProfileOwner
from planner.domain.trip_bundle import TripBundle

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?")
# Domain field names that the file calls differently.
_FILE_FIELD = {
    "person_id": "person", "venue_id": "venue", "host_contact_id": "host_contact", "host_person_id": "host_person",
    "participant_ids": "participants", "membership_id": "person", "met_by_person_id": "met_by", "origin": "from",
    "destination": "to", "room_label": "room",
}

T = TypeVar("T")


class _Keys:
    """The keys of one kind (people, venues, contacts): where each is defined, and whether all could be read.

    When a record's key could not be read, a reference to an unknown key may
    well mean that record, so it is not reported as unknown.
    """

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.complete = True

    def __contains__(self, key: object) -> bool:
        return key in self.index

    def unknown(self, key: object) -> bool:
        return self.complete and key not in self.index


class TripDocumentReader:
    """Reads one trip document that has passed the schema check except at the `unreadable` places."""

    def __init__(self, document: dict[str, Any], unreadable: Collection[Location]) -> None:
        self.doc = document
        self.bad: set[Location] = set()
        self._tainted: set[Location] = set()  # every place at or above a bad one
        self.problems: list[TripFileProblem] = []
        # The protocol parts, collected while the delegation and the programme are read.
        self.visas: list[VisaData] = []
        self.gifts: list[GiftData] = []
        self.seatings: list[SeatingData] = []
        # The briefing parts, collected alongside (planner.importing.tripfile_briefing).
        self.briefings: list[ItemBriefingData] = []
        self.profiles: list[ProfileData] = []
        for where in unreadable:
            self._mark(where)

    # --- helpers ----------------------------------------------------------------------------

    def problem(self, where: Location, msgid: str, **params: Any) -> None:
        self.problems.append(TripFileProblem.at(where, msgid, **params))
        self._mark(where)

    def _mark(self, where: Location) -> None:
        self.bad.add(where)
        self._tainted.update(where[:n] for n in range(len(where) + 1))

    def ok(self, where: Location) -> bool:
        """Nothing at or below `where` has been found wrong yet."""
        return where not in self._tainted

    def get(self, record: dict[str, Any], where: Location, name: str, default: Any) -> Any:
        """A field's value, or `default` when it is absent or already reported as wrong."""
        if name in record and self.ok(where + (name,)):
            return record[name]
        return default

    def person_ref(self, record: dict[str, Any], where: Location, name: str, person_keys: _Keys) -> tuple[int | None, bool]:
        """The stand-in id of the person field `name` names by key (the n-th in "people" is n), None for nobody;
        and False when the key names no person, which is reported here (every reference says it the same way)."""
        key = self.get(record, where, name, None)
        if key in person_keys:
            return person_keys.index[key] + 1, True
        if key is not None and person_keys.unknown(key):
            self.problem(where + (name,), N_("No person in “people” has the key “{key}”."), key=key)
            return None, False
        return None, True

    def text(self, record: dict[str, Any], where: Location, name: str) -> LocalizedText:
        return LocalizedText.from_mapping(self.get(record, where, name, {}))

    def records(self, name: str) -> list[tuple[Location, dict[str, Any]]]:
        """The objects of a top-level list; entries that are no objects were reported by the schema."""
        value = self.doc.get(name)
        if not isinstance(value, list):
            return []
        return [((name, n), r) for n, r in enumerate(value) if isinstance(r, dict)]

    def list_readable(self, name: str) -> bool:
        value = self.doc.get(name)
        return isinstance(value, list) and all(isinstance(r, dict) for r in value)

    def validated(self, where: Location, check: Callable[[], T]) -> T | None:
        """Run a domain validation; its errors become problems at the fields they name."""
        try:
            return check()
        except ValidationErrors as many:
            errors = many.errors
        except ValidationError as one:
            errors = [one]
        for error in errors:
            name = _FILE_FIELD.get(error.field or "", error.field)
            at = where + ((name,) if name else ())
            if self.ok(at):  # otherwise it is a consequence of a problem already reported
                self.problem(at, error.msgid, **error.params)
        return None

    def day(self, record: dict[str, Any], where: Location, name: str) -> date | None:
        value = self.get(record, where, name, None)
        if value is None:
            return None
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(where + (name,), N_("“{value}” is not a valid date (YYYY-MM-DD)."), value=shown(value))
        return None

    def zone(self, record: dict[str, Any], where: Location, name: str) -> ZoneInfo | None:
        value = self.get(record, where, name, None)
        if value is None:
            return None
        try:
            return ZoneInfo(v.timezone(value, name))
        except ValidationError as exc:
            self.problem(where + (name,), exc.msgid, **exc.params)
        except (ValueError, OSError):
            self.problem(where + (name,), N_("“{value}” is not a known time zone (e.g. Asia/Shanghai)."), value=shown(value))
        return None

    def moment(self, record: dict[str, Any], where: Location, name: str, zone: ZoneInfo | None, zone_name: str) -> datetime | None:
        """A local time with offset, as UTC; the offset must be the zone's at that moment."""
        value = self.get(record, where, name, None)
        if value is None:
            return None
        at = where + (name,)
        moment = None
        if isinstance(value, str) and _MOMENT.fullmatch(value):
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                moment = None
        if moment is None or moment.utcoffset() is None:
            self.problem(at, N_("“{value}” is not a valid local time with UTC offset (like 2016-10-24T09:30:00+08:00)."), value=shown(value))
            return None
        try:
            utc = moment.astimezone(UTC)
            local = utc.astimezone(zone) if zone is not None else None
        except (OverflowError, ValueError):
            self.problem(at, N_("“{value}” lies outside the dates the planner can handle."), value=shown(value))
            return None
        if local is not None and local.utcoffset() != moment.utcoffset():
            self.problem(
                at, N_("The offset of {value} does not match {zone}, which is at {expected} then."),
                value=value, zone=zone_name, expected=_offset(local.utcoffset()),
            )
            return None
        return utc

    def keys(self, entries: list[tuple[Location, dict[str, Any]]], complete: bool) -> _Keys:
        """The keys of `entries`, reporting one used twice."""
        keys = _Keys()
        keys.complete = complete
        for n, (where, record) in enumerate(entries):
            key = self.get(record, where, "key", None)
            if not isinstance(key, str):
                keys.complete = False
                continue
            if key in keys.index:
                other = json_path(entries[keys.index[key]][0])
                self.problem(where + ("key",), N_("The key “{key}” is already used by {other}."), key=key, other=other)
                keys.complete = False  # which key this record was meant to have is anybody's guess
                continue
            keys.index[key] = n
        return keys

    # --- the document -----------------------------------------------------------------------

    def read(self) -> TripBundle | None:
        """The bundle, or None when anything is wrong (then `problems` says what, unless the schema did)."""
        trip = self.read_trip()
        people, person_keys = self.read_people()
        members, member_of, delegation_complete = self.read_delegation(person_keys)
        venues, venue_keys, contacts, contact_venue = self.read_venues(trip)
        items = self.read_programme(person_keys, member_of, delegation_complete, venue_keys, contacts, contact_venue)
        programme = self.doc.get("programme")
        issued = read_issued(self, person_keys, member_of, len(programme) if isinstance(programme, list) else 0)
        missions = self.read_emergency_contacts()
        vehicles, rides = read_vehicles(self, member_of, [i for _, i in items])
        legs = self.read_travel_legs(person_keys, member_of, delegation_complete, fleet_keys(self.doc))  # legs name vehicles
        follow_ups = read_follow_ups(self, person_keys, len(programme) if isinstance(programme, list) else 0)
        blocks, rooms = read_accommodation(self, venues, venue_keys, member_of, person_keys, delegation_complete)
        if trip is None or self.bad:
            return None
        members.sort(key=lambda ms: (ms.protocol_order, ms.id or 0))
        items.sort(key=lambda pair: pair[0])
        return TripBundle(
            trip=trip, people=tuple(people), members=tuple(members), venues=tuple(venues), items=tuple(i for _, i in items),
            visas=tuple(self.visas), gifts=tuple(self.gifts), seatings=tuple(self.seatings), issued=tuple(issued),
            emergency_contacts=tuple(missions), travel_legs=tuple(legs), vehicles=tuple(vehicles), rides=tuple(rides),
            room_blocks=tuple(blocks), rooms=tuple(rooms),
            briefings=tuple(self.briefings), profiles=tuple(self.profiles), follow_ups=tuple(follow_ups),
        )

    def read_travel_legs(self, person_keys: _Keys, member_of: dict[str, int], delegation_complete: bool,
                         vehicle_keys: dict[str, int]) -> list[TravelLegData]:
        """Members' own flights and trains: each by a member's key, met by anyone among the people, picked up by a vehicle of the fleet."""
        legs: list[TravelLegData] = []
        for where, record in self.records("travel_legs"):
            person = self.get(record, where, "person", None)
            membership_id = None
            if person in member_of:
                membership_id = member_of[person]
            elif person is not None and person_keys.unknown(person):
                self.problem(where + ("person",), N_("No person in “people” has the key “{key}”."), key=person)
            elif person in person_keys and delegation_complete:
                self.problem(where + ("person",), N_("“{key}” is not in the delegation, so cannot have a travel leg."), key=person)
            else:
                self._mark(where + ("person",))
            met_by_id, _ = self.person_ref(record, where, "met_by", person_keys)
            vehicle = self.get(record, where, "vehicle", None)
            if vehicle is not None and vehicle not in vehicle_keys:
                self.problem(where + ("vehicle",), N_("No vehicle in “fleet” has the key “{key}”."), key=vehicle)
            times: dict[str, Any] = {}
            for name in ("departure", "arrival"):
                zone_name = self.get(record, where, f"{name}_timezone", "")
                zone = self.zone(record, where, f"{name}_timezone") if zone_name else None
                if zone_name and zone is None:
                    zone_name = ""
                moment = self.moment(record, where, name, zone, zone_name)
                if moment is not None and not zone_name:
                    self.problem(where + (f"{name}_timezone",), N_("A time needs its time zone (e.g. Asia/Shanghai)."))
                times[name], times[f"{name}_timezone"] = moment, zone_name
            # A departure's pick-up at the hotel is on the departure's clock (absent in files before it existed).
            departure_zone = self.zone(record, where, "departure_timezone") if times["departure_timezone"] else None
            times["pickup"] = self.moment(record, where, "pickup", departure_zone, times["departure_timezone"])
            if times["pickup"] is not None and departure_zone is None:
                self.problem(where + ("pickup",), N_("A pick-up time needs the departure's time zone (departure_timezone)."))
            data = TravelLegData(
                membership_id=membership_id,
                direction=LegDirection(self.get(record, where, "direction", LegDirection.ARRIVAL.value)),
                kind=LegKind(self.get(record, where, "kind", LegKind.FLIGHT.value)),
                number=self.get(record, where, "number", ""),
                origin=self.get(record, where, "from", ""),
                destination=self.get(record, where, "to", ""),
                terminal=self.get(record, where, "terminal", ""),
                booking_reference=self.get(record, where, "booking_reference", ""),
                met_by_person_id=met_by_id,
                vehicle_id=vehicle_keys.get(vehicle) if isinstance(vehicle, str) else None,
                vehicle_note=self.get(record, where, "vehicle_note", ""),
                notes=self.get(record, where, "notes", ""),
                **times,
            )
            leg = self.validated(where, data.validated)
            if leg is not None:
                legs.append(leg.evolve(id=int(where[1]) + 1))
        return legs

    def read_emergency_contacts(self) -> list[EmergencyContactData]:
        """The trip's embassy or consulate entries, each validated where it stands in the file."""
        contacts: list[EmergencyContactData] = []
        entries = self.records("emergency_contacts")
        if len(entries) > MAX_CONTACTS:
            self.problem(("emergency_contacts",), N_("A trip can have at most {limit} emergency contacts."), limit=MAX_CONTACTS)
            return []
        for where, record in entries:
            data = EmergencyContactData(
                name=self.text(record, where, "name"), address=self.text(record, where, "address"),
                phone=self.get(record, where, "phone", ""), to_verify=bool(self.get(record, where, "to_verify", False)),
            )
            checked = self.validated(where, data.validated)
            if checked is not None:
                contacts.append(checked)
        return contacts

    def read_trip(self) -> TripData | None:
        where: Location = ("trip",)
        record = self.doc.get("trip")
        if not isinstance(record, dict):
            return None
        zone = self.zone(record, where, "timezone")
        data = TripData(
            title=self.text(record, where, "title"),
            purpose=self.text(record, where, "purpose"),
            destination_city=self.text(record, where, "destination_city"),
            organiser=self.text(record, where, "organiser"),
            destination_country=self.get(record, where, "destination_country", ""),
            timezone=self.get(record, where, "timezone", "") if zone is not None else "UTC",
            first_day=self.day(record, where, "first_day"),
            last_day=self.day(record, where, "last_day"),
            status=TripStatus(self.get(record, where, "status", TripStatus.DRAFT.value)),
            buffer_minutes=int(self.get(record, where, "buffer_minutes", 30)),
            notes=self.get(record, where, "notes", ""),
        )
        trip = self.validated(where, data.validated)
        return trip if zone is not None else None

    def read_people(self) -> tuple[list[PersonData], _Keys]:
        entries = self.records("people")
        keys = self.keys(entries, self.list_readable("people"))
        people: list[PersonData] = []
        for where, record in entries:
            data = PersonData(
                id=int(where[1]) + 1,
                family_name=self.get(record, where, "family_name", ""),
                given_name=self.get(record, where, "given_name", ""),
                native_name=self.get(record, where, "native_name", ""),
                honorific=self.text(record, where, "honorific"),
                organisation=self.text(record, where, "organisation"),
                function=self.text(record, where, "function"),
                email=self.get(record, where, "email", ""),
                phone=self.get(record, where, "phone", ""),
                preferred_language=Language(self.get(record, where, "preferred_language", Language.EN.value)),
                dietary_needs=self.get(record, where, "dietary_needs", ""),
                accessibility_needs=self.get(record, where, "accessibility_needs", ""),
                passport_number=self.get(record, where, "passport_number", ""),
                nationality=self.get(record, where, "nationality", ""),
                passport_expiry=self.day(record, where, "passport_expiry"),
                notes=self.get(record, where, "notes", ""),
                sex=Sex(self.get(record, where, "sex", "")),
                birth_date=self.day(record, where, "birth_date"),
                birth_place=self.get(record, where, "birth_place", ""),
                passport_issued=self.day(record, where, "passport_issued"),
            )
            person = self.validated(where, data.validated)
            profile = read_profile(self, record, where, ProfileOwner.PERSON, int(where[1]) + 1)
            if person is not None:
                people.append(person)
                if profile is not None:
                    self.profiles.append(profile)
        return people, keys

    def read_delegation(self, person_keys: _Keys) -> tuple[list[MembershipData], dict[str, int], bool]:
        """The memberships, and each member's person key to the membership's stand-in id."""
        members: list[MembershipData] = []
        member_of: dict[str, int] = {}
        orders: dict[int, Location] = {}
        complete = self.list_readable("delegation")
        for where, record in self.records("delegation"):
            person = self.get(record, where, "person", None)
            person_id = None
            if not isinstance(person, str):
                complete = False
            elif person in member_of:
                other = json_path(("delegation", member_of[person] - 1))
                self.problem(where + ("person",), N_("“{key}” is already in the delegation ({other})."), key=person, other=other)
                complete = False  # probably meant someone else, who now seems missing
            else:
                member_of[person] = int(where[1]) + 1
                if person in person_keys:
                    person_id = person_keys.index[person] + 1
                elif person_keys.unknown(person):
                    self.problem(where + ("person",), N_("No person in “people” has the key “{key}”."), key=person)
                    complete = False
            order = self.get(record, where, "protocol_order", None)
            if order is not None:
                if order in orders:
                    other = json_path(orders[order])
                    self.problem(where + ("protocol_order",), N_("Protocol order {order} is already given to {other}."), order=order, other=other)
                else:
                    orders[order] = where
            data = MembershipData(
                id=int(where[1]) + 1,
                trip_id=0,
                person_id=person_id or 0,
                role=Role(self.get(record, where, "role", Role.MEMBER.value)),
                protocol_order=int(order or 0),
                arrival=self.day(record, where, "arrival"),
                departure=self.day(record, where, "departure"),
            )
            member = self.validated(where, data.validated)
            visa = read_visa(self, record, where, data.id or 0)
            if member is not None and person_id is not None:
                members.append(member.evolve(trip_id=None))
                if visa is not None:
                    self.visas.append(visa)
        return members, member_of, complete

    def read_venues(self, trip: TripData | None) -> tuple[list[VenueData], _Keys, _Keys, dict[str, str]]:
        """The venues with their contacts; also each contact's key to its venue's key."""
        entries = self.records("venues")
        venue_keys = self.keys(entries, self.list_readable("venues"))
        contact_entries: list[tuple[Location, dict[str, Any]]] = []
        owners: list[int] = []  # for each contact entry, its venue's index
        contacts_readable = True
        for where, record in entries:
            contacts = record.get("contacts", [])
            if not isinstance(contacts, list):
                contacts_readable = False
                continue
            for j, contact in enumerate(contacts):
                if isinstance(contact, dict):
                    contact_entries.append((where + ("contacts", j), contact))
                    owners.append(int(where[1]))
                else:
                    contacts_readable = False
        contact_keys = self.keys(contact_entries, contacts_readable and venue_keys.complete)
        contact_venue: dict[str, str] = {}
        for key, n in contact_keys.index.items():
            venue_key = self.get(self.doc["venues"][owners[n]], ("venues", owners[n]), "key", None)
            if isinstance(venue_key, str):
                contact_venue[key] = venue_key

        by_venue: dict[int, list[int]] = {}
        for n, owner in enumerate(owners):
            by_venue.setdefault(owner, []).append(n)

        venues: list[VenueData] = []
        for where, record in entries:
            contacts_of: list[ContactData] = []
            for n in by_venue.get(int(where[1]), []):
                at, contact = contact_entries[n]
                data = ContactData(
                    id=n + 1,
                    venue_id=int(where[1]) + 1,
                    name=self.get(contact, at, "name", ""),
                    native_name=self.get(contact, at, "native_name", ""),
                    function=self.text(contact, at, "function"),
                    phone=self.get(contact, at, "phone", ""),
                    email=self.get(contact, at, "email", ""),
                )
                checked = self.validated(at, data.validated)
                profile = read_profile(self, contact, at, ProfileOwner.CONTACT, n + 1)
                if checked is not None:
                    contacts_of.append(checked)
                    if profile is not None:
                        self.profiles.append(profile)
            # A venue without a zone is in the trip's; if that is unknown, the trip reports it.
            default_zone = trip.timezone if trip is not None else "UTC"
            latitude = self.get(record, where, "latitude", None)
            longitude = self.get(record, where, "longitude", None)
            data = VenueData(
                id=int(where[1]) + 1,
                name=self.text(record, where, "name"),
                kind=VenueKind(self.get(record, where, "kind", VenueKind.OTHER.value)),
                address_local=self.get(record, where, "address_local", ""),
                address_romanised=self.get(record, where, "address_romanised", ""),
                city=self.text(record, where, "city"),
                country=self.get(record, where, "country", ""),
                timezone=self.get(record, where, "timezone", default_zone),
                latitude=float(latitude) if latitude is not None else None,
                longitude=float(longitude) if longitude is not None else None,
                website=self.get(record, where, "website", ""),
                notes=self.get(record, where, "notes", ""),
            )
            venue = self.validated(where, data.validated)
            if venue is not None:
                venues.append(venue.evolve(contacts=tuple(contacts_of)))
        return venues, venue_keys, contact_keys, contact_venue

    def read_programme(
        self,
        person_keys: _Keys,
        member_of: dict[str, int],
        delegation_complete: bool,
        venue_keys: _Keys,
        contact_keys: _Keys,
        contact_venue: dict[str, str],
    ) -> list[tuple[tuple[datetime, int], ItemData]]:
        items: list[tuple[tuple[datetime, int], ItemData]] = []
        for where, record in self.records("programme"):
            zone_name = self.get(record, where, "timezone", "")
            zone = self.zone(record, where, "timezone")
            end_zone_name = self.get(record, where, "end_timezone", "")
            end_zone = self.zone(record, where, "end_timezone") if end_zone_name else zone
            start = self.moment(record, where, "start", zone, zone_name)
            end = self.moment(record, where, "end", end_zone, end_zone_name or zone_name)

            venue = self.get(record, where, "venue", None)
            venue_id = None
            if venue in venue_keys:
                venue_id = venue_keys.index[venue] + 1
            elif venue is not None and venue_keys.unknown(venue):
                self.problem(where + ("venue",), N_("No venue in “venues” has the key “{key}”."), key=venue)
            host = self.get(record, where, "host_contact", None)
            host_id = None
            if host in contact_keys:
                host_id = contact_keys.index[host] + 1
                if venue_id is not None and contact_venue.get(host) != venue:
                    self.problem(where + ("host_contact",), N_("“{key}” is not a contact at the item's venue “{venue}”."), key=host, venue=venue)
            elif host is not None and contact_keys.unknown(host):
                self.problem(where + ("host_contact",), N_("No venue contact has the key “{key}”."), key=host)
            host_person_id, _ = self.person_ref(record, where, "host_person", person_keys)

            participants = self.get(record, where, "participants", "all")
            participant_ids: list[int] = []
            if isinstance(participants, list):
                for j, key in enumerate(participants):
                    if key in member_of:
                        participant_ids.append(member_of[key])
                    elif person_keys.unknown(key):
                        self.problem(where + ("participants", j), N_("No person in “people” has the key “{key}”."), key=key)
                    elif key in person_keys and delegation_complete:
                        self.problem(where + ("participants", j), N_("“{key}” is not in the delegation, so cannot take part."), key=key)
                    else:  # follows from a problem reported elsewhere; keep the domain from calling the list empty
                        self._mark(where + ("participants", j))

            data = ItemData(
                id=int(where[1]) + 1,
                trip_id=0,
                kind=ItemKind(self.get(record, where, "kind", ItemKind.MEETING.value)),
                title=self.text(record, where, "title"),
                description=self.text(record, where, "description"),
                venue_id=venue_id,
                start=start,
                end=end,
                timezone=zone_name if zone is not None else "UTC",
                end_timezone=end_zone_name if end_zone is not None else "",
                host_contact_id=host_id,
                host_person_id=host_person_id,
                dress_code=self.text(record, where, "dress_code"),
                transport=self.text(record, where, "transport"),
                everyone=participants == "all",
                participant_ids=tuple(participant_ids),
            )
            item = self.validated(where, data.validated)  # a missing time was reported above
            item_id = int(where[1]) + 1
            self.gifts += read_gifts(self, record, where, item_id, member_of, person_keys, delegation_complete)
            attending = None if participants == "all" else set(participant_ids)
            seating = read_seating(self, record, where, item_id, member_of, person_keys, delegation_complete, attending)
            if seating is not None:
                self.seatings.append(seating)
            item_briefing = read_briefing(self, record, where, item_id)
            if item_briefing is not None:
                self.briefings.append(item_briefing)
            if item is not None and start is not None:
                items.append(((start, int(where[1])), item.evolve(trip_id=None)))
        return items


def _offset(offset: timedelta | None) -> str:
    seconds = int((offset or timedelta()).total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")
