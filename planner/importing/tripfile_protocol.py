"""Reading the protocol parts of a trip file: a member's visa, an item's gifts and seating plan.

They refer to people by key like the programme's participants do; a gift's
member and a seat's person must be in the delegation. The domain checks the
rest (dates in order, a seat per person, no two people on one seat) and its
errors are placed at the JSON path of the field they name.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from planner.domain.enums import GiftDirection, SeatingArrangement, SeatSide, VisaStatus
from planner.domain.protocol import GiftData, Seat, SeatingData, VisaData
from planner.i18n import N_
from planner.importing.tripfile_errors import Location

if TYPE_CHECKING:
    from planner.importing.tripfile_reader import TripDocumentReader, _Keys


def read_visa(reader: TripDocumentReader, record: dict[str, Any], where: Location, membership_id: int) -> VisaData | None:
    """The member's visa as the file gives it; None when the file gives none."""
    value = reader.get(record, where, "visa", None)
    if not isinstance(value, dict):
        return None
    at = where + ("visa",)
    data = VisaData(
        id=membership_id, membership_id=membership_id, status=VisaStatus(reader.get(value, at, "status", "")),
        applied_on=reader.day(value, at, "applied_on"), granted_on=reader.day(value, at, "granted_on"),
        valid_until=reader.day(value, at, "valid_until"),
    )
    return reader.validated(at, data.validated)


def _member(reader: TripDocumentReader, key: Any, at: Location, member_of: dict[str, int], person_keys: _Keys,
            complete: bool) -> int | None:
    """The membership stand-in id of a person key, or None after reporting why there is none."""
    if key in member_of:
        return member_of[key]
    if person_keys.unknown(key):
        reader.problem(at, N_("No person in “people” has the key “{key}”."), key=key)
    elif key in person_keys and complete:
        reader.problem(at, N_("“{key}” is not in the delegation, so cannot take part."), key=key)
    else:
        reader._mark(at)  # follows from a problem reported elsewhere
    return None


def read_gifts(reader: TripDocumentReader, record: dict[str, Any], where: Location, item_id: int, member_of: dict[str, int],
               person_keys: _Keys, complete: bool) -> list[GiftData]:
    entries = reader.get(record, where, "gifts", [])
    gifts: list[GiftData] = []
    if not isinstance(entries, list):
        return gifts
    for n, entry in enumerate(entries):
        at = where + ("gifts", n)
        if not isinstance(entry, dict) or not reader.ok(at):
            continue
        member_key = reader.get(entry, at, "member", None)
        member_id = _member(reader, member_key, at + ("member",), member_of, person_keys, complete) if member_key is not None else None
        if member_key is not None and member_id is None:
            continue
        value = reader.get(entry, at, "value", None)
        data = GiftData(
            item_id=item_id, direction=GiftDirection(reader.get(entry, at, "direction", GiftDirection.GIVEN.value)),
            description=reader.text(entry, at, "description"), member_id=member_id,
            counterpart=reader.get(entry, at, "counterpart", ""),
            value=Decimal(str(value)) if value is not None else None,  # via str: 35.5 is 35.50, not a binary fraction
            currency=reader.get(entry, at, "currency", "EUR"), notes=reader.get(entry, at, "notes", ""),
        )
        gift = reader.validated(at, data.validated)
        if gift is not None:
            gifts.append(gift)
    return gifts


def read_seating(reader: TripDocumentReader, record: dict[str, Any], where: Location, item_id: int, member_of: dict[str, int],
                 person_keys: _Keys, complete: bool, attending: set[int] | None) -> SeatingData | None:
    """The item's seating plan; `attending` are the members at the item (None: everyone)."""
    value = reader.get(record, where, "seating", None)
    if not isinstance(value, dict):
        return None
    at = where + ("seating",)
    seats: list[Seat] = []
    for n, entry in enumerate(reader.get(value, at, "seats", [])):
        place_at = at + ("seats", n)
        if not isinstance(entry, dict) or not reader.ok(place_at):
            continue
        member_id = _member(reader, reader.get(entry, place_at, "person", None), place_at + ("person",), member_of, person_keys, complete)
        if member_id is None:
            continue
        if attending is not None and member_id not in attending:
            reader.problem(place_at + ("person",), N_("Only members who attend the item can have a seat at it."))
            continue
        seats.append(Seat(member_id, SeatSide(reader.get(entry, place_at, "side", SeatSide.GUEST.value)),
                          int(reader.get(entry, place_at, "place", 0)), bool(reader.get(entry, place_at, "behind", False))))
    data = SeatingData(
        item_id=item_id, arrangement=SeatingArrangement(reader.get(value, at, "arrangement", SeatingArrangement.FACING.value)),
        seats=tuple(seats),
    )
    return reader.validated(at, data.validated)
