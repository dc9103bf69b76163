"""The driver's manifest: one vehicle, one day, every ride with time, pickup, destination and passengers.

The driver reads it, so it is in the local language (Chinese in Shenzhen,
German in Hannover), every label with the English one small beside it for
the delegation's staff; addresses are in local script, as on the taxi cards.
Passengers are listed in precedence order by name only (no phone of theirs);
the one number printed besides the driver's is the delegation's contact.
A pickup of members arriving on their own flight reads like a ride: the
landing time, the flight to look for, where to wait (airport and terminal),
whom to meet and where to take them; taking members to their own flight, the
time to be at their hotel, the flight and the time it leaves, where to fetch
them and to which airport and terminal. A run without its pick-up time stands
at the flight's time and says in bold that the pick-up time is not set yet.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from planner import formatting
from planner.db.engine import Database
from planner.domain.entities import VenueData
from planner.domain.enums import Language
from planner.domain.errors import PlannerError
from planner.domain.names import display_name, is_cjk, name_for_language
from planner.export.language import DocumentLanguage, country_language
from planner.export.arrivals import TERMINAL
from planner.export.manifest import Manifest, Pickup, Stop, manifests, vehicle_name
from planner.export.pdf.filenames import FileNamer, output_folder
from planner.export.pdf.flowables import esc, para, ruled_table, strong
from planner.export.pdf.fonts import register_fonts
from planner.export.pdf.layout import Metadata
from planner.export.pdf.programme import PAGE_OF
from planner.export.pdf.sheets import PageNumbers, footer, frame, render_sheets
from planner.export.pdf.styles import FAINT, MUTED, STYLES
from planner.export.tripfile import write_atomically
from planner.export.tripview import TripView
from planner.i18n import N_
from planner.services.delegation import Member

MANIFEST = N_("Vehicle manifest")
DRIVER = N_("Driver")
PLATE = N_("Number plate")
OPERATOR = N_("Operator")
DEPARTURE = N_("Leave at")  # the time the vehicle sets off (not "Departure", which is the day a guest leaves)
ARRIVAL = N_("Arrive by")
PICKUP = N_("Pick up at")
DESTINATION = N_("Drive to")
MOTORCADE = N_("Motorcade: vehicle {place} of {count}")
PASSENGERS = N_("Passengers")
NAME = N_("Name")
NUMBER = N_("No.")
FUNCTION = N_("Function")
CONTACT = N_("Delegation contact")
LANDING = N_("Landing")
FLIGHT_FROM = N_("{flight} from {origin}")
WAIT_AT = N_("Wait at")
#: A member leaving on their own flight or train: the time it leaves, and which one where to.
OWN_DEPARTURE = N_("Their flight or train leaves")
FLIGHT_TO = N_("{flight} to {destination}")
#: A departure run at its pick-up time: the time at the hotel, then the flight with the time it leaves.
PICKUP_AT_HOTEL = N_("Pick-up at the hotel")
FLIGHT_TO_DEPARTS = N_("{flight} to {destination}, departs {time}")
FLIGHT_DEPARTS = N_("{flight}, departs {time}")
#: A departure run whose pick-up time nobody has entered: listed at the flight's time, which is not the driver's.
PICKUP_NOT_SET = N_("Pick-up time at the hotel not set yet: ask the delegation contact when to be there.")
NO_RIDES = N_("No vehicle has passengers on this trip yet; seat them on the Logistics page first.")
NO_RIDES_ON = N_("No vehicle has passengers on {day}.")

PAGE = A4
MARGIN = 16 * mm


def manifest_pdfs(
    db: Database, trip_id: int, out_dir: str | os.PathLike[str], *, day: date | None = None, language: Language | str | None = None,
) -> list[Path]:
    """Write one PDF per vehicle and day into `out_dir` (created if missing), named by day and vehicle."""
    view = TripView.load(db, trip_id)
    found = manifests(view, day)
    if not found:
        raise PlannerError(NO_RIDES_ON, day=day.isoformat()) if day is not None else PlannerError(NO_RIDES)
    folder = output_folder(out_dir)
    namer = FileNamer(p.name for p in folder.iterdir())
    paths: list[Path] = []
    for manifest in found:
        target = folder / namer.name(f"{manifest.day.isoformat()} {manifest.vehicle.label}", ".pdf")
        write_atomically(target, manifest_document(view, manifest, language=language), private=True)
        paths.append(target)
    return paths


def languages(view: TripView, language: Language | str | None) -> tuple[DocumentLanguage, DocumentLanguage | None]:
    """The driver's language (given, else the trip's country's, else English) and English beside it unless that is the first."""
    chosen = Language(language) if language else country_language(view.trip.destination_country) or Language.EN
    first = DocumentLanguage(chosen)
    return first, None if chosen is Language.EN else DocumentLanguage(Language.EN)


def manifest_document(view: TripView, manifest: Manifest, *, language: Language | str | None = None) -> bytes:
    register_fonts()
    local, second = languages(view, language)
    width = PAGE[0] - 2 * MARGIN
    story = _story(view, manifest, local, second, width)
    title = f"{local.t(MANIFEST)} – {manifest.vehicle.label} – {formatting.long_date(manifest.day, local.locale)}"
    metadata = Metadata(title=title, author=local.text(view.trip.organiser) or title, subject=local.t(MANIFEST), language_tag=local.tag)
    on_page = footer(f"{local.text(view.trip.title)}  ·  {title}", MARGIN, 9 * mm, 7.2)
    numbers = PageNumbers(lambda page, pages: local.t(PAGE_OF, page=formatting.integer(page, local.locale),
                                                     pages=formatting.integer(pages, local.locale)),
                          right=PAGE[0] - MARGIN, baseline=9 * mm, size=7.2)
    frames = [frame(MARGIN, MARGIN + 4 * mm, width, PAGE[1] - 2 * MARGIN - 4 * mm, "manifest")]
    return render_sheets(story, page_size=PAGE, frames=frames, metadata=metadata, on_page=on_page, numbers=numbers)


def _label(local: DocumentLanguage, second: DocumentLanguage | None, msgid: str, **params: object) -> str:
    """The label in the driver's language, the English one small and grey beside it (markup)."""
    first = esc(local.t(msgid, **params))
    if second is None:
        return first
    return f'{first}  <font color="{FAINT.hexval()}" size="7">{esc(second.t(msgid, **params))}</font>'


def _story(view: TripView, manifest: Manifest, local: DocumentLanguage, second: DocumentLanguage | None, width: float) -> list[Flowable]:
    vehicle = manifest.vehicle
    colon = local.marks.colon
    story: list[Flowable] = [
        para(_label(local, second, MANIFEST), STYLES.kicker),
        strong(vehicle_name(vehicle, local.t), STYLES.section),
        para(esc(formatting.full_date(manifest.day, local.locale)), STYLES.day),
    ]
    facts = []
    if vehicle.driver_name or vehicle.driver_phone:
        facts.append(f"{_label(local, second, DRIVER)}{colon}<b>{esc(vehicle.driver_name)}</b> {esc(vehicle.driver_phone)}")
    if vehicle.plate:
        facts.append(f"{_label(local, second, PLATE)}{colon}{esc(vehicle.plate)}")
    if vehicle.operator:
        facts.append(f"{_label(local, second, OPERATOR)}{colon}{esc(vehicle.operator)}")
    contact = manifest.contact
    if contact is not None:
        facts.append(f"{_label(local, second, CONTACT)}{colon}<b>{esc(_name(contact, local))}</b> {esc(contact.person.phone)}")
    story += [para(line, STYLES.body) for line in facts]
    story.append(Spacer(1, 4 * mm))
    for n, stop in enumerate(manifest.stops):
        if n:
            story.append(Spacer(1, 5 * mm))
        story.append(_pickup(stop, local, second, width) if isinstance(stop, Pickup) else _stop(view, stop, local, second, width))
    return story


def _stop(view: TripView, stop: Stop, local: DocumentLanguage, second: DocumentLanguage | None, width: float) -> Flowable:
    item = stop.item
    moment = item.local_start()
    time_label = DEPARTURE if stop.departs else ARRIVAL
    head = f'<b><font size="13">{esc(formatting.time_of_day(moment, local.locale))}</font></b>  {_label(local, second, time_label)}'
    block: list[Flowable] = [para(head, STYLES.item_title), strong(local.text(item.title), STYLES.item_title)]
    if second is not None and second.own(item.title) and second.own(item.title) != local.text(item.title):
        block.append(para(esc(second.own(item.title)), STYLES.item_second))
    for msgid, venue in ((PICKUP, stop.pickup), (DESTINATION, stop.destination)):
        if venue is None:
            continue
        block.append(para(f"{_label(local, second, msgid)}{local.marks.colon}<b>{esc(_place_name(venue, local))}</b>", STYLES.body))
        address = venue.address_local or venue.address_romanised
        if address:
            block.append(para(esc(address), STYLES.local))
        if venue.address_romanised and venue.address_romanised != address and is_cjk(address):  # for the delegation's staff
            block.append(para(esc(venue.address_romanised), STYLES.small))
    transport = local.own(item.transport) or (second.own(item.transport) if second is not None else "")
    if transport:
        block.append(para(esc(transport), STYLES.small))
    if stop.of > 1:
        block.append(para(_label(local, second, MOTORCADE, place=formatting.integer(stop.place, local.locale),
                                 count=formatting.integer(stop.of, local.locale)), STYLES.small))
    block += _passengers(stop.passengers, local, second, width)
    return KeepTogether(block)


def _pickup(pickup: Pickup, local: DocumentLanguage, second: DocumentLanguage | None, width: float) -> Flowable:
    """Meeting members off their own flight: when it lands, which flight, where to wait, whom, and where to."""
    if pickup.leaving:
        return _drop_off(pickup, local, second, width)
    head = f'<b><font size="13">{esc(formatting.time_of_day(pickup.at, local.locale))}</font></b>  {_label(local, second, LANDING)}'
    flight = local.t(pickup.flight) if not pickup.number else pickup.number
    title = local.t(FLIGHT_FROM, flight=flight, origin=pickup.origin) if pickup.origin else flight
    block: list[Flowable] = [para(head, STYLES.item_title), strong(title, STYLES.item_title)]
    block += _terminal(pickup, WAIT_AT, local, second)
    block += [para(esc(note), STYLES.small) for note in pickup.notes]
    block += _venue(pickup, DESTINATION, local, second)
    block += _passengers(pickup.passengers, local, second, width)
    return KeepTogether(block)


def _drop_off(pickup: Pickup, local: DocumentLanguage, second: DocumentLanguage | None, width: float) -> Flowable:
    """Taking members to their own flight or train: when to be at the hotel, which one and when it leaves, from where
    to fetch them, where to; without a pick-up time, at the time it leaves and saying the pick-up time is missing."""
    flight = local.t(pickup.flight) if not pickup.number else pickup.number
    if pickup.timed and pickup.departs is not None:
        head_label = PICKUP_AT_HOTEL
        departs = formatting.time_of_day(pickup.departs, local.locale)
        title = (local.t(FLIGHT_TO_DEPARTS, flight=flight, destination=pickup.origin, time=departs) if pickup.origin
                 else local.t(FLIGHT_DEPARTS, flight=flight, time=departs))
    else:
        head_label = OWN_DEPARTURE
        title = local.t(FLIGHT_TO, flight=flight, destination=pickup.origin) if pickup.origin else flight
    head = f'<b><font size="13">{esc(formatting.time_of_day(pickup.at, local.locale))}</font></b>  {_label(local, second, head_label)}'
    block: list[Flowable] = [para(head, STYLES.item_title), strong(title, STYLES.item_title)]
    if not pickup.timed:
        block.append(para(f"<b>{_label(local, second, PICKUP_NOT_SET)}</b>", STYLES.body))
    block += _venue(pickup, PICKUP, local, second)
    block += _terminal(pickup, DESTINATION, local, second)
    block += [para(esc(note), STYLES.small) for note in pickup.notes]
    block += _passengers(pickup.passengers, local, second, width)
    return KeepTogether(block)


def _terminal(pickup: Pickup, label: str, local: DocumentLanguage, second: DocumentLanguage | None) -> list[Flowable]:
    """Where at the airport or station: the place and the terminal, under `label` (wait at, or destination)."""
    where = ", ".join(t for t in (pickup.place, local.t(TERMINAL, terminal=pickup.terminal) if pickup.terminal else "") if t)
    return [para(f"{_label(local, second, label)}{local.marks.colon}<b>{esc(where)}</b>", STYLES.body)] if where else []


def _venue(pickup: Pickup, label: str, local: DocumentLanguage, second: DocumentLanguage | None) -> list[Flowable]:
    """The trip's end of the run (the hotel): its name under `label`, and its address as the driver reads it."""
    venue = pickup.destination
    if venue is None:
        return []
    lines = [para(f"{_label(local, second, label)}{local.marks.colon}<b>{esc(_place_name(venue, local))}</b>", STYLES.body)]
    address = venue.address_local or venue.address_romanised
    return lines + [para(esc(address), STYLES.local)] if address else lines


def _passengers(passengers: tuple[Member, ...], local: DocumentLanguage, second: DocumentLanguage | None, width: float) -> list[Flowable]:
    """Whom the driver takes, in precedence order, by name in both scripts and function."""
    rows: list[list[object]] = [[para(esc(local.t(NUMBER)), STYLES.cell_head), para(_label(local, second, NAME), STYLES.cell_head),
                                 para(_label(local, second, FUNCTION), STYLES.cell_head)]]
    for number, member in enumerate(passengers, start=1):
        other = _other_name(member, local)
        name = esc(_name(member, local)) + (f' <font color="{MUTED.hexval()}" size="7.5">{esc(other)}</font>' if other else "")
        function = local.text(member.person.function) or local.t(member.role.msgid)
        rows.append([para(formatting.integer(number, local.locale), STYLES.cell), para(name, STYLES.cell), para(esc(function), STYLES.cell)])
    return [
        Spacer(1, 2 * mm),
        para(_label(local, second, PASSENGERS) + f"  ({formatting.integer(len(passengers), local.locale)})", STYLES.label),
        ruled_table(rows, [10 * mm, width * 0.45, width - 10 * mm - width * 0.45], compact=True),
    ]


def _place_name(venue: VenueData, local: DocumentLanguage) -> str:
    return venue.name.get(local.language) or local.text(venue.name)


def _name(member: Member, local: DocumentLanguage) -> str:
    p = member.person
    return name_for_language(p.family_name, p.given_name, p.native_name, local.language.value)


def _other_name(member: Member, local: DocumentLanguage) -> str:
    """The name in the other script, so driver and delegation both can read it."""
    p = member.person
    latin = display_name(p.family_name, p.given_name, p.native_name)
    shown = _name(member, local)
    if shown != latin:
        return latin
    native = p.native_name.strip()
    return native if native and native != shown else ""

