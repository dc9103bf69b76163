"""One trip and everything it refers to, as plain records: what documents are made from and trip files carry.

Loaded by services.transfer (one read), read from a trip file by
planner.importing, printed by planner.export: plain data that all of them
share, so it lives in the domain and the PDF code needs no service for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.accommodation import RoomAssignmentData, RoomBlockData
from planner.domain.briefing import FollowUpData, ItemBriefingData, ProfileData
from planner.domain.entities import ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.issued import IssuedRecord
from planner.domain.missions import EmergencyContactData
from planner.domain.protocol import GiftData, SeatingData, VisaData
from planner.domain.travel_legs import TravelLegData
from planner.domain.vehicles import ItemRides, VehicleData


@dataclass(frozen=True, slots=True)
class TripBundle:
    """One trip and everything it refers to, as plain records.

    The records refer to each other by id: `members[].person_id` to `people`,
    `items[].venue_id` and `host_contact_id` to `venues` and their contacts,
    `items[].host_person_id` to `people` (a host who is not in the delegation
    is among the people all the same), `items[].participant_ids` to `members`. Loaded from the database these are
    the database's ids; read from a trip file they are stand-ins numbered in
    file order, which `import_trip_bundle` replaces with new ids.
    """

    trip: TripData
    people: tuple[PersonData, ...]
    members: tuple[MembershipData, ...]  # in protocol order
    venues: tuple[VenueData, ...]  # by id, each with its contacts
    items: tuple[ItemData, ...]  # in start order
    visas: tuple[VisaData, ...] = ()  # by members[].id; a member without one has none recorded
    gifts: tuple[GiftData, ...] = ()  # by items[].id and members[].id
    seatings: tuple[SeatingData, ...] = ()  # by items[].id, seats by members[].id
    #: Issued versions (planner.domain.issued.IssuedRecord), by items[].id and people[].id; only trip files
    #: carry them (load_trip_bundle leaves them out: documents and copies of a trip do not need them).
    issued: tuple[IssuedRecord, ...] = ()
    #: The embassy or consulate (planner.domain.missions), in the order the planner gave them.
    emergency_contacts: tuple[EmergencyContactData, ...] = ()
    #: Members' own flights and trains (planner.domain.travel_legs), by members[].id; who meets them by people[].id.
    travel_legs: tuple[TravelLegData, ...] = ()
    #: The vehicles (planner.domain.vehicles) in the planner's order, and who rides in which on each item:
    #: rides by items[].id, seats by members[].id and vehicles[].id.
    vehicles: tuple[VehicleData, ...] = ()
    rides: tuple[ItemRides, ...] = ()
    #: The briefing side (planner.domain.briefing): item briefings by items[].id, profiles by people[].id or a
    #: contact's id, follow-ups by items[].id and people[].id; portraits only when asked for (load_trip_bundle).
    briefings: tuple[ItemBriefingData, ...] = ()
    profiles: tuple[ProfileData, ...] = ()
    follow_ups: tuple[FollowUpData, ...] = ()
    #: Room blocks (planner.domain.accommodation) by venues[].id, and the members' rooms in them by members[].id.
    room_blocks: tuple[RoomBlockData, ...] = ()
    rooms: tuple[RoomAssignmentData, ...] = ()

    def person(self, person_id: int | None) -> PersonData:
        for person in self.people:
            if person.id == person_id:
                return person
        raise KeyError(person_id)
