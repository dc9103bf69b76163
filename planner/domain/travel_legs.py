"""A member's own journeys: the flight or train that brings one person to the trip or takes them home.

The delegation's shared flights are programme items (everyone on them sees
them in their itinerary). Members who travel on their own, arriving a day
early from another city or leaving for a conference elsewhere, have legs:
each with its number ("LH 722"), from and to, the departure and arrival times
on their own clocks, the terminal, and on arrival who meets them and in what
car (on departure who sees them off, and when the car fetches them from the
hotel). Hosts plan their airport runs from these (the arrivals list); the checks
compare a member's bookings with the moment they land or take off.

A leg is an individual booking, so it belongs to one membership: it is not
copied with a trip (next year's delegation books its own flights) and goes
when the person is erased.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from planner.domain import validation as v
from planner.domain.entities import Record, _Collector, _enum
from planner.domain.errors import ValidationError
from planner.domain.timing import utc_to_local
from planner.i18n import N_, _

#: Flight and train numbers are short ("LH 722", "ICE 1537"); anything longer is a slip.
MAX_NUMBER = 20
#: Terminals and booking references ("T3", "Terminal 1, Hall B"; "K7XQ2M").
MAX_SHORT = 60
#: A leg longer than this is almost certainly a wrong date or zone, not a journey.
MAX_JOURNEY_HOURS = 48
#: A departure run leaves the hotel at most this long before the flight or train: earlier is a wrong day or zone.
MAX_PICKUP_HOURS = 12


class LegKind(StrEnum):
    FLIGHT = "flight"
    TRAIN = "train"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(KIND_LABELS[self])


class LegDirection(StrEnum):
    """Whether the leg brings the member to the trip, takes them home, or moves them in between."""

    ARRIVAL = "arrival"
    DEPARTURE = "departure"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(DIRECTION_LABELS[self])


#: The labels (msgids), for documents that translate them into their own language.
KIND_LABELS: dict[LegKind, str] = {LegKind.FLIGHT: N_("Flight"), LegKind.TRAIN: N_("Train"), LegKind.OTHER: N_("Other")}
DIRECTION_LABELS: dict[LegDirection, str] = {
    LegDirection.ARRIVAL: N_("Arriving"), LegDirection.DEPARTURE: N_("Leaving"), LegDirection.OTHER: N_("Journey during the trip"),
}


@dataclass(frozen=True, slots=True)
class TravelLegData(Record):
    """One journey of one member; `departure` and `arrival` are aware UTC moments, shown on their own zones.

    The time that matters for the direction is required (an arrival's landing,
    a departure's take-off); the other may be unknown yet. `met_by_person_id`
    is who waits at the exit (a host or a member of the trip), or for a
    departure who sees them off; `vehicle_id` the trip's vehicle that picks them
    up (its driver's manifest lists the pickup) or takes them to the airport or
    station, and `vehicle_note` any words the driver needs besides ("sign at
    exit B"). `pickup` is a departure's moment the vehicle leaves the hotel (aware
    UTC, shown on the departure's zone): the driver's time, which the flight's
    own time is not; None while it is not agreed.
    """

    membership_id: int | None = None
    direction: LegDirection = LegDirection.ARRIVAL
    kind: LegKind = LegKind.FLIGHT
    number: str = ""
    origin: str = ""
    destination: str = ""
    departure: datetime | None = None
    departure_timezone: str = ""
    arrival: datetime | None = None
    arrival_timezone: str = ""
    terminal: str = ""
    booking_reference: str = ""
    met_by_person_id: int | None = None
    vehicle_id: int | None = None
    vehicle_note: str = ""
    notes: str = ""
    pickup: datetime | None = None

    def local_departure(self) -> datetime | None:
        return utc_to_local(self.departure, self.departure_timezone) if self.departure is not None else None

    def local_arrival(self) -> datetime | None:
        return utc_to_local(self.arrival, self.arrival_timezone) if self.arrival is not None else None

    def local_pickup(self) -> datetime | None:
        """When the vehicle leaves the hotel, on the departure's clock (the hotel is where the flight leaves from)."""
        return utc_to_local(self.pickup, self.departure_timezone) if self.pickup is not None and self.departure_timezone else None

    @property
    def moment(self) -> datetime | None:
        """When the leg matters to the hosts: an arrival when it lands, anything else when it leaves."""
        if self.direction is LegDirection.ARRIVAL:
            return self.arrival or self.departure
        return self.departure or self.arrival

    def validated(self) -> TravelLegData:
        c = _Collector()
        direction = c.run(lambda: _enum(LegDirection, self.direction, "direction", _("direction")), LegDirection.ARRIVAL)
        kind = c.run(lambda: _enum(LegKind, self.kind, "kind", _("kind of journey")), LegKind.FLIGHT)
        number = c.run(lambda: v.optional_text(self.number, "number", _("Flight or train number"), MAX_NUMBER), "")
        origin = c.run(lambda: v.optional_text(self.origin, "origin", _("Departs from"), v.MAX_NAME), "")
        destination = c.run(lambda: v.optional_text(self.destination, "destination", _("Arrives at"), v.MAX_NAME), "")
        terminal = c.run(lambda: v.optional_text(self.terminal, "terminal", _("Terminal"), MAX_SHORT), "")
        booking = c.run(lambda: v.optional_text(self.booking_reference, "booking_reference", _("Booking reference"), MAX_SHORT), "")
        note_label = _("Note for the driver") if self.direction == LegDirection.DEPARTURE else _("Note for the pickup")
        vehicle = c.run(lambda: v.optional_text(self.vehicle_note, "vehicle_note", note_label, v.MAX_NAME), "")
        notes = c.run(lambda: v.optional_text(self.notes, "notes", _("Notes")), "")
        dep_tz = c.run(lambda: v.timezone(self.departure_timezone, "departure_timezone"), "") if self.departure is not None else ""
        arr_tz = c.run(lambda: v.timezone(self.arrival_timezone, "arrival_timezone"), "") if self.arrival is not None else ""
        if self.membership_id is None:
            c.errors.append(ValidationError(N_("A delegation member is required."), field="membership_id"))
        if direction is LegDirection.ARRIVAL and self.arrival is None:
            c.errors.append(ValidationError(N_("An arrival needs the time it arrives."), field="arrival"))
        elif direction is LegDirection.DEPARTURE and self.departure is None:
            c.errors.append(ValidationError(N_("A departure needs the time it leaves."), field="departure"))
        elif self.departure is None and self.arrival is None:
            c.errors.append(ValidationError(N_("Give the time it leaves or the time it arrives."), field="departure"))
        if self.pickup is not None:
            c.errors += _pickup_errors(direction, self.pickup, self.departure)
        c.raise_if_any()
        return self.evolve(
            direction=direction, kind=kind, number=" ".join(number.split()).upper(), origin=origin, destination=destination,
            terminal=terminal, booking_reference=booking.upper(), vehicle_note=vehicle, notes=notes,
            departure_timezone=dep_tz, arrival_timezone=arr_tz,
        )


def _pickup_errors(direction: LegDirection, pickup: datetime, departure: datetime | None) -> list[ValidationError]:
    """A pick-up at the hotel belongs to a departure, before its flight or train and no more than MAX_PICKUP_HOURS before."""
    if direction is not LegDirection.DEPARTURE:
        return [ValidationError(N_("Only a departure has a pick-up time at the hotel."), field="pickup")]
    if departure is None:
        return []  # the departure's own error names the missing time
    if pickup >= departure:
        return [ValidationError(N_("The pick-up at the hotel must be before the departure."), field="pickup")]
    if departure - pickup > timedelta(hours=MAX_PICKUP_HOURS):
        return [ValidationError(N_("The pick-up at the hotel is more than {hours} hours before the departure."),
                                field="pickup", hours=MAX_PICKUP_HOURS)]
    return []


def leg_sort_key(leg: TravelLegData) -> tuple[datetime, int]:
    """Time order as the arrivals list reads: by the moment that matters to the hosts, then by id."""
    moment = leg.moment
    assert moment is not None
    return (moment, leg.id if leg.id is not None else -1)
