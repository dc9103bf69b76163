"""Protocol records: a member's visa, the gifts of a programme item, and its seating plan.

Kept apart from the trip's own records: a visa belongs to one membership and
is not copied with a trip; gifts and seats hang off one programme item. Each
record validates itself like the others (all bad fields at once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from planner.domain import validation as v
from planner.domain.entities import Record, _Collector, _enum, _localized_required
from planner.domain.enums import GiftDirection, SeatingArrangement, SeatSide, VisaStatus
from planner.domain.errors import ValidationError
from planner.domain.localized import LocalizedText
from planner.i18n import N_, _

_CURRENCY = re.compile(r"^[A-Z]{3}$")
#: Gifts worth more than this are not a courtesy any more, and a typo more likely than a present.
MAX_GIFT_VALUE = Decimal("1000000")


@dataclass(frozen=True, slots=True)
class VisaData(Record):
    """Where a member's visa stands, with the dates that matter to the consulate and the checks."""

    membership_id: int | None = None
    status: VisaStatus = VisaStatus.UNKNOWN
    applied_on: date | None = None
    granted_on: date | None = None
    valid_until: date | None = None

    def validated(self) -> VisaData:
        c = _Collector()
        status = c.run(lambda: _enum(VisaStatus, self.status, "status", _("visa status")), VisaStatus.UNKNOWN)
        if self.membership_id is None:
            c.errors.append(ValidationError(N_("A delegation member is required."), field="membership_id"))
        if self.applied_on and self.granted_on and self.granted_on < self.applied_on:
            c.errors.append(ValidationError(N_("A visa cannot be granted before it was applied for."), field="granted_on"))
        if self.granted_on and self.valid_until and self.valid_until < self.granted_on:
            c.errors.append(ValidationError(N_("A visa cannot expire before it was granted."), field="valid_until"))
        c.raise_if_any()
        return self.evolve(status=status)


@dataclass(frozen=True, slots=True)
class GiftData(Record):
    """A gift given or received at a programme item, for the register public officials must keep.

    `member_id` is the delegation member who gave or received it (None: the
    delegation as a whole); `counterpart` is the other side, as free text,
    since hosts are rarely in the planner's directory.
    """

    item_id: int | None = None
    direction: GiftDirection = GiftDirection.GIVEN
    description: LocalizedText = field(default_factory=LocalizedText)
    member_id: int | None = None
    counterpart: str = ""
    value: Decimal | None = None
    currency: str = "EUR"
    notes: str = ""

    def validated(self) -> GiftData:
        c = _Collector()
        direction = c.run(lambda: _enum(GiftDirection, self.direction, "direction", _("gift direction")), GiftDirection.GIVEN)
        description = c.run(lambda: _localized_required(self.description, "description", _("Gift")), self.description)
        counterpart = c.run(lambda: v.require_text(self.counterpart, "counterpart", _("From or to whom")), "")
        value = c.run(lambda: gift_value(self.value), None)
        currency = c.run(lambda: _currency(self.currency), "EUR")
        notes = c.run(lambda: v.optional_text(self.notes, "notes", _("Notes")), "")
        if self.item_id is None:
            c.errors.append(ValidationError(N_("A programme item is required."), field="item_id"))
        c.raise_if_any()
        return self.evolve(direction=direction, description=description, counterpart=counterpart, value=value,
                           currency=currency, notes=notes)


def gift_value(value: Any) -> Decimal | None:
    """An estimated value as a Decimal with cents, from a number or text ("35", "35,50"); None when not estimated."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(value.strip().replace(",", ".")) if isinstance(value, str) else Decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError(N_("“{value}” is not an amount of money."), field="value", value=value) from None
    if not amount.is_finite() or amount < 0 or amount >= MAX_GIFT_VALUE:
        raise ValidationError(N_("The estimated value must lie between 0 and 999,999.99."), field="value")
    return amount.quantize(Decimal("0.01"))


def _currency(value: str) -> str:
    code = (value or "").strip().upper()
    if not _CURRENCY.fullmatch(code):
        raise ValidationError(N_("“{value}” is not a currency code like EUR or CNY."), field="currency", value=value)
    return code


#: At round tables `place` is table × ROUND_STRIDE + chair, so plans keep one shape in the database and trip files.
ROUND_STRIDE = 100


@dataclass(frozen=True, slots=True)
class Seat:
    """Where one member sits: on the hosts' or the guests' side, at `place` counted from the principal
    (0 the principal, 1 on their right, 2 on their left, 3 second on the right …), or behind that place.

    At round tables (SeatingArrangement.ROUND) `side` is the member's party, not a side of the table,
    and `place` is `table * ROUND_STRIDE + chair`: chair 0 is the seat of honour facing the door, chair 1
    on its right, and so on round the table (each chair's right neighbour is the next number)."""

    membership_id: int
    side: SeatSide
    place: int
    behind: bool = False

    @property
    def spot(self) -> tuple[SeatSide, int, bool]:
        return (self.side, self.place, self.behind)

    @property
    def table(self) -> int:
        """The round table (0 the head table); meaningless for the other arrangements."""
        return self.place // ROUND_STRIDE

    @property
    def chair(self) -> int:
        """The chair at a round table, 0 the seat of honour."""
        return self.place % ROUND_STRIDE


@dataclass(frozen=True, slots=True)
class SeatingData(Record):
    item_id: int | None = None
    arrangement: SeatingArrangement = SeatingArrangement.FACING
    seats: tuple[Seat, ...] = ()

    def seat_of(self, membership_id: int) -> Seat | None:
        return next((s for s in self.seats if s.membership_id == membership_id), None)

    def at(self, side: SeatSide, place: int, behind: bool = False) -> Seat | None:
        """Who sits there; at round tables a chair is the same whichever party `side` names."""
        if self.arrangement is SeatingArrangement.ROUND:
            return next((s for s in self.seats if (s.place, s.behind) == (place, behind)), None)
        return next((s for s in self.seats if s.spot == (side, place, behind)), None)

    def validated(self) -> SeatingData:
        c = _Collector()
        arrangement = c.run(
            lambda: _enum(SeatingArrangement, self.arrangement, "arrangement", _("seating arrangement")), SeatingArrangement.FACING
        )
        if self.item_id is None:
            c.errors.append(ValidationError(N_("A programme item is required."), field="item_id"))
        seats: list[Seat] = []
        for seat in self.seats:
            side = c.run(lambda seat=seat: _enum(SeatSide, seat.side, "seats", _("side of the table")), SeatSide.GUEST)
            if isinstance(seat.place, bool) or not isinstance(seat.place, int) or seat.place < 0:
                c.errors.append(ValidationError(N_("A seat's place must be a whole number from 0."), field="seats"))
                continue
            seats.append(Seat(seat.membership_id, side, seat.place, bool(seat.behind)))
        people = [s.membership_id for s in seats]
        if len(set(people)) != len(people):
            c.errors.append(ValidationError(N_("Everyone can have only one seat."), field="seats"))
        spots: list[object] = [s.spot for s in seats]
        if arrangement is SeatingArrangement.ROUND:
            spots = [(s.place, s.behind) for s in seats]
        if len(set(spots)) != len(spots):
            c.errors.append(ValidationError(N_("Two people cannot share one seat."), field="seats"))
        c.raise_if_any()
        return self.evolve(arrangement=arrangement, seats=tuple(sorted(seats, key=_seat_order)))


def _seat_order(seat: Seat) -> tuple[int, bool, int]:
    return (0 if seat.side is SeatSide.HOST else 1, seat.behind, seat.place)
