"""The arrivals list for the hosts: who comes and goes when, on what, and who meets them.

Hosts plan their airport runs from one list in time order: each member's own
legs (planner.domain.travel_legs), one line per member and leg, and the
delegation's shared journeys (programme items of kind travel), one line per
item naming how many travel on it. Each line gives the local time with its
zone (a flight leaves on Frankfurt's clock and lands on Shenzhen's), the
member with their place in the order of precedence and their function, the
flight or train, from and to, the terminal, and who meets them with which
vehicle (its plate, driver and driver's phone, so those waiting find each other); for a member leaving,
when that vehicle fetches them from the hotel, or that the time is not set yet. As PDF (planner.export.pdf.arrivals) in the hosts' language, or as
an Excel sheet (cells guarded against formulas like the member list).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from planner import formatting
from planner.db.engine import Database
from planner.domain.entities import ItemData, PersonData
from planner.domain.enums import ItemKind, Language, Role
from planner.domain.errors import PlannerError
from planner.domain.names import is_cjk
from planner.domain.timing import utc_to_local
from planner.domain.timing import day_bounds_utc
from planner.domain.travel_legs import DIRECTION_LABELS, KIND_LABELS, LegDirection, TravelLegData
from planner.domain.vehicles import VehicleData
from planner.export.language import DocumentLanguage, country_language
from planner.export.member_list import Cell, render_xlsx
from planner.export.tripfile import write_atomically
from planner.export.tripview import TripView
from planner.domain.members import Member
from planner.i18n import N_

ARRIVALS_LIST = N_("Arrivals and departures")
GROUP_JOURNEY = N_("Delegation journey")
TRAVELLERS = N_("{count} travellers")
DEPARTS = N_("departs {time}")
ARRIVES = N_("arrives {time}")
TERMINAL = N_("Terminal {terminal}")
BOOKING = N_("booking {reference}")
MET_BY = N_("met by {person}")
IN_VEHICLE = N_("in {vehicle}")
DRIVER = N_("driver {name}")
#: A departure's vehicle in the hosts' list: when it leaves the hotel, or that nobody has said yet.
PICKUP_AT = N_("pick-up at the hotel {time}")
PICKUP_NOT_SET = N_("pick-up time at the hotel not set")
#: The traveller's own line about their departure run: when to be at the hotel, or that the time follows.
YOUR_PICKUP_AT = N_("Pick-up at the hotel {time}")
YOUR_PICKUP_TO_FOLLOW = N_("Pick-up at the hotel: time to follow")
HEADERS = (
    N_("Date"), N_("Time"), N_("Time zone"), N_("Arriving or leaving"), N_("Precedence"), N_("Name"), N_("Function"),
    N_("Flight or train"), N_("Departs from"), N_("Arrives at"), N_("Departure time"), N_("Arrival time"), N_("Terminal"), N_("Met by"),
    N_("Vehicle"), N_("Notes"),
)


@dataclass(frozen=True, slots=True)
class ArrivalLine:
    """One line of the list, worded in one language; `at` is the moment that matters, on its own clock."""

    at: datetime
    direction: str
    rank: int | None  # place in the order of precedence (1 = the head), None for a group journey
    who: str
    function: str
    number: str
    origin: str
    destination: str
    departure: datetime | None
    arrival: datetime | None
    terminal: str = ""
    met_by: str = ""
    vehicle: str = ""
    notes: str = ""
    group: bool = False
    leg: TravelLegData | None = field(default=None, compare=False)


def default_language(view: TripView) -> Language:
    """The hosts' language: the one spoken where the trip goes (English when the planner does not know it)."""
    return country_language(view.trip.destination_country) or Language.EN


def person_name(person: PersonData, lang: DocumentLanguage) -> str:
    """A name as the list's reader reads it: native script for Chinese readers, "Xu Qin (许勤)" for the others."""
    latin = person.name
    native = person.native_name.strip()
    if lang.language is Language.ZH and native and is_cjk(native):
        return native
    return f"{latin} ({native})" if native and native != latin and is_cjk(native) else latin


def arrival_lines(view: TripView, lang: DocumentLanguage) -> list[ArrivalLine]:
    """Every leg of the trip's members and every shared journey of the programme, by the moment that matters."""
    ranks = {m.id: n for n, m in enumerate(view.delegation, start=1)}
    people = {p.id: p for p in view.bundle.people}
    members = {m.id: m for m in view.members}
    fleet = {v.id: v for v in view.bundle.vehicles}
    lines: list[ArrivalLine] = []
    for leg in view.bundle.travel_legs:
        member = members.get(leg.membership_id)  # type: ignore[arg-type]
        if member is None or leg.moment is None:
            continue
        zone = leg.arrival_timezone if leg.direction is LegDirection.ARRIVAL and leg.arrival is not None else leg.departure_timezone
        meeter = people.get(leg.met_by_person_id) if leg.met_by_person_id is not None else None
        lines.append(ArrivalLine(
            at=utc_to_local(leg.moment, zone or view.trip.timezone), direction=lang.t(DIRECTION_LABELS[leg.direction]),
            rank=ranks.get(member.id), who=person_name(member.person, lang), function=lang.text(member.person.function),
            number=leg.number or lang.t(KIND_LABELS[leg.kind]),
            origin=leg.origin, destination=leg.destination, departure=leg.local_departure(), arrival=leg.local_arrival(),
            terminal=leg.terminal, met_by=_meeter(meeter, lang), vehicle=pickup_text(leg, fleet.get(leg.vehicle_id), lang),
            notes=leg.notes, leg=leg,
        ))
    travellers = {m.id for m in view.delegation}
    first_day_end = _first_day_end(view)
    for item in view.items:
        if item.kind is not ItemKind.TRAVEL or item.start is None or item.end is None:
            continue
        going = [m for m in view.attendees(item) if m.id in travellers]
        if not going:
            continue
        host = view.host(item)
        # Without a host of its own, those of the hosts' side who go along are the ones who meet them.
        receiving = [_meeter(m.person, lang) for m in view.attendees(item) if m.role is Role.HOST]
        venue = view.venue(item)
        moment = item.end if first_day_end is not None and item.end <= first_day_end else item.start
        zone = item.arrival_timezone if moment == item.end else item.timezone
        lines.append(ArrivalLine(
            at=utc_to_local(moment, zone), direction=lang.t(GROUP_JOURNEY), rank=None,
            who=_group(going, lang), function="", number=lang.text(item.title),
            origin=lang.text(venue.name) if venue is not None else "", destination="",
            departure=item.local_start(), arrival=item.local_end(),
            met_by=_contact(host, lang) if host is not None else ("；" if lang.language is Language.ZH else "; ").join(receiving), vehicle=lang.text(item.transport), group=True,
        ))
    return sorted(lines, key=lambda line: (line.at, line.group, line.rank if line.rank is not None else 0, line.who))


def vehicle_text(vehicle: VehicleData, lang: DocumentLanguage) -> str:
    """The vehicle as those waiting look for it and call it: "Car 2, 粤B·A0002, driver 李志强 +86 138 0000 0702"."""
    driver = " ".join(t for t in (vehicle.driver_name, vehicle.driver_phone) if t)
    parts = [vehicle.label, vehicle.plate, lang.t(DRIVER, name=driver) if driver else ""]
    return lang.marks.comma.join(p for p in parts if p)


def pickup_text(leg: TravelLegData, vehicle: VehicleData | None, lang: DocumentLanguage) -> str:
    """The vehicle that picks them up with its plate and driver, then the words besides ("sign at exit B").

    A departure's vehicle also says when it leaves the hotel, or that this is not set: the hosts who arrange the
    run read the flight's time in the same line and must not take it for the driver's.
    """
    parts = [vehicle_text(vehicle, lang) if vehicle is not None else "", _hotel_pickup(leg, vehicle, lang), leg.vehicle_note]
    return "; ".join(p for p in parts if p) if lang.language is not Language.ZH else "；".join(p for p in parts if p)


def _hotel_pickup(leg: TravelLegData, vehicle: VehicleData | None, lang: DocumentLanguage) -> str:
    """"pick-up at the hotel 15:30 GMT+8" for a departure taken to the airport by a vehicle, or that the time is not
    set; "" for any other leg."""
    if vehicle is None or leg.direction is not LegDirection.DEPARTURE:
        return ""
    fetched = _pickup_clock(leg, lang)
    return lang.t(PICKUP_AT, time=fetched) if fetched else lang.t(PICKUP_NOT_SET)


def your_pickup(leg: TravelLegData, view: TripView, lang: DocumentLanguage) -> tuple[str, str] | None:
    """The traveller's own departure run, for a line of its own under the leg: ("Pick-up at the hotel 15:30 GMT+8",
    "Car 2, 粤B·A0002, driver 李志强 +86 138 0000 0702 · note for the driver"); None for an arrival or a leg without
    a vehicle.

    The first part is what the traveller acts on (be in the lobby then), so the itinerary sets it apart; with no
    time agreed yet it says the time follows, so the vehicle named is not read as "no pick-up".
    """
    vehicle = _leg_vehicle(leg, view)
    if vehicle is None or leg.direction is not LegDirection.DEPARTURE:
        return None
    fetched = _pickup_clock(leg, lang)
    when = lang.t(YOUR_PICKUP_AT, time=fetched) if fetched else lang.t(YOUR_PICKUP_TO_FOLLOW)
    return when, " · ".join(t for t in (vehicle_text(vehicle, lang), leg.vehicle_note) if t)


def _pickup_clock(leg: TravelLegData, lang: DocumentLanguage) -> str:
    """The pick-up time on the departure's clock with its zone, as the flight's own time beside it is printed, and
    with the date when the car comes the day before a night flight; "" while it is not set."""
    fetched, departs = leg.local_pickup(), leg.local_departure()
    if fetched is None:
        return ""
    return clock(fetched, lang, day_of=departs.date() if departs is not None else None)


def _leg_vehicle(leg: TravelLegData, view: TripView) -> VehicleData | None:
    return next((v for v in view.bundle.vehicles if v.id == leg.vehicle_id), None) if leg.vehicle_id is not None else None


def _first_day_end(view: TripView) -> datetime | None:
    """The end of the trip's first day on its clock: journeys ending by then bring the delegation (sorted by landing)."""
    if view.trip.first_day is None:
        return None
    return day_bounds_utc(view.trip.first_day, view.trip.timezone)[1]


def _meeter(person: PersonData | None, lang: DocumentLanguage) -> str:
    if person is None:
        return ""
    function = lang.text(person.function)
    name = person_name(person, lang)
    if not function:
        return name
    return f"{name}（{function}）" if lang.language is Language.ZH else f"{name}, {function}"


def _contact(contact: object, lang: DocumentLanguage) -> str:
    name = getattr(contact, "display", "") or ""
    native = getattr(contact, "native_name", "") or ""
    if lang.language is Language.ZH and native and is_cjk(native):
        name = native
    function = lang.text(getattr(contact, "function"))
    if not function:
        return name
    return f"{name}（{function}）" if lang.language is Language.ZH else f"{name}, {function}"


def _group(going: list[Member], lang: DocumentLanguage) -> str:
    """Who travels on a shared journey: the head first, then how many in all."""
    head = next((m for m in going if m.role is Role.HEAD), going[0])
    count = lang.t(TRAVELLERS, count=formatting.integer(len(going), lang.locale))
    return f"{person_name(head.person, lang)} · {count}"


def clock(moment: datetime | None, lang: DocumentLanguage, *, day_of: date | None = None) -> str:
    """"15:10 GMT+8", with the date when it is another day than `day_of`."""
    if moment is None:
        return "–"
    text = formatting.local_time_with_zone(moment, locale=lang.locale, short=True)
    if day_of is not None and moment.date() != day_of:
        text = f"{formatting.short_date(moment.date(), lang.locale)} {text}"
    return text


def leg_summary(leg: TravelLegData, view: TripView, lang: DocumentLanguage) -> str:
    """One leg on one line for its traveller: "Arriving: ZZ 9731 London (LHR) → Shenzhen (SZX), departs …, arrives …, met by …".

    The booking reference is printed: the personal itinerary is the traveller's own document. A departure taken to
    the airport by one of the trip's vehicles names the vehicle on its pick-up line instead (`your_pickup`).
    """
    parts = [leg.number or lang.t(KIND_LABELS[leg.kind])]
    route = " → ".join(p for p in (leg.origin, leg.destination) if p)
    if route:
        parts.append(route)
    text = f"{lang.t(DIRECTION_LABELS[leg.direction])}{lang.marks.colon}{' '.join(parts)}"
    details: list[str] = []
    departure, arrival = leg.local_departure(), leg.local_arrival()
    if departure is not None:
        details.append(lang.t(DEPARTS, time=_stamp(departure, lang)))
    if arrival is not None:
        details.append(lang.t(ARRIVES, time=_stamp(arrival, lang)))
    if leg.terminal:
        details.append(lang.t(TERMINAL, terminal=leg.terminal))
    if leg.booking_reference:
        details.append(lang.t(BOOKING, reference=leg.booking_reference))
    meeter = next((p for p in view.bundle.people if p.id == leg.met_by_person_id), None) if leg.met_by_person_id is not None else None
    if meeter is not None:
        details.append(lang.t(MET_BY, person=_meeter(meeter, lang)))
    if your_pickup(leg, view, lang) is None:  # a departure run has the vehicle and its note on the pick-up line
        vehicle = _leg_vehicle(leg, view)
        if vehicle is not None:
            details.append(lang.t(IN_VEHICLE, vehicle=vehicle_text(vehicle, lang)))
        if leg.vehicle_note:
            details.append(leg.vehicle_note)
    return text + (" · " + " · ".join(details) if details else "")


def arrivals_table(view: TripView, lang: DocumentLanguage) -> tuple[list[str], list[list[Cell]]]:
    """The header and rows of the spreadsheet: dates as dates, times as text on their own clocks."""
    headers = [lang.t(h) for h in HEADERS]
    rows: list[list[Cell]] = []
    for line in arrival_lines(view, lang):
        rows.append([
            line.at.date(), formatting.time_of_day(line.at, lang.locale), formatting.gmt_offset(line.at.tzinfo, line.at, lang.locale),  # type: ignore[arg-type]
            line.direction, line.rank, line.who, line.function, line.number, line.origin, line.destination,
            _stamp(line.departure, lang), _stamp(line.arrival, lang), line.terminal, line.met_by, line.vehicle, line.notes,
        ])
    return headers, rows


def _stamp(moment: datetime | None, lang: DocumentLanguage) -> str:
    if moment is None:
        return ""
    return f"{formatting.short_date(moment.date(), lang.locale)} {formatting.local_time_with_zone(moment, locale=lang.locale, short=True)}"


def write_arrivals(db: Database, trip_id: int, path: str | os.PathLike[str], *, language: Language | str | None = None) -> Path:
    """Write the trip's arrivals list to `path`, .pdf or .xlsx, in `language` (default: the hosts')."""
    target = Path(path).expanduser()
    view = TripView.load(db, trip_id)
    lang = DocumentLanguage.of(language or default_language(view))
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        from planner.export.pdf.arrivals import arrivals_document

        data = arrivals_document(view, language=lang.language)
    elif suffix == ".xlsx":
        headers, rows = arrivals_table(view, lang)
        data = render_xlsx(headers, rows, title=lang.t(ARRIVALS_LIST))
    else:
        raise PlannerError(N_("Please name the arrivals list .pdf or .xlsx, not “{name}”."), name=target.name)
    write_atomically(target, data, private=True)  # who travels when, and booking details
    return target

