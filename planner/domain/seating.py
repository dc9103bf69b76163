"""A seating plan from the order of precedence, and where each seat is on paper or screen.

The rules a protocol office follows for a meeting or a banquet table:

- the host and the head of the guest delegation are the principals: facing
  each other across the middle of a long table, or side by side in one row
  (a sofa meeting, a signing), the guest of honour on the host's right;
- everyone else sits on their own party's side by rank, alternating: the
  second on the principal's right, the third on the left, and so on;
- interpreters sit behind the principals (the first behind the guest, the
  second behind the host), not at the table.

Hosts are the members with the role "host"; everyone else but interpreters is
a guest. Ranks are the protocol order. Pure functions: no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.domain.enums import Role, SeatingArrangement, SeatSide
from planner.domain.protocol import Seat, SeatingData


@dataclass(frozen=True, slots=True)
class Candidate:
    """A member who attends the item: who, in which role, at which rank."""

    membership_id: int
    role: Role
    protocol_order: int


def generate_seating(candidates: Iterable[Candidate], arrangement: SeatingArrangement = SeatingArrangement.FACING,
                     item_id: int | None = None) -> SeatingData:
    """The plan precedence gives: each party by rank from its principal outwards, interpreters behind."""
    ranked = sorted(candidates, key=lambda c: (c.protocol_order, c.membership_id))
    hosts = [c for c in ranked if c.role is Role.HOST]
    interpreters = [c for c in ranked if c.role is Role.INTERPRETER]
    guests = [c for c in ranked if c.role not in (Role.HOST, Role.INTERPRETER)]
    seats = [Seat(c.membership_id, SeatSide.GUEST, n) for n, c in enumerate(guests)]
    seats += [Seat(c.membership_id, SeatSide.HOST, n) for n, c in enumerate(hosts)]
    behind = {SeatSide.GUEST: 0, SeatSide.HOST: 0}
    for n, interpreter in enumerate(interpreters):
        side = SeatSide.GUEST if n % 2 == 0 or not hosts else SeatSide.HOST
        seats.append(Seat(interpreter.membership_id, side, behind[side], behind=True))
        behind[side] += 1
    return SeatingData(item_id=item_id, arrangement=arrangement, seats=tuple(seats))


def offset(place: int) -> int:
    """How far from the principal a place is, positive on the principal's right: 0, 1, -1, 2, -2 …"""
    return (place + 1) // 2 if place % 2 else -(place // 2)


@dataclass(frozen=True, slots=True)
class Spot:
    """A seat's position on a grid: `column` from left to right, `row` from top to bottom (both may be negative)."""

    column: int
    row: int


def spot(seat: Seat, arrangement: SeatingArrangement) -> Spot:
    """Where `seat` is drawn, seen from above with the hosts at the top (facing) or from the audience (side by side).

    Facing: the hosts' row looks down, so a host's right is the viewer's left;
    the guests' row looks up, their right is the viewer's right; those behind
    sit one row further out. Side by side: one row facing the viewer, the host
    at column 0, the guest of honour on the host's right (the viewer's left,
    column -1); each party extends outwards; those behind sit one row up.
    """
    if arrangement is SeatingArrangement.FACING:
        if seat.side is SeatSide.HOST:
            return Spot(-offset(seat.place), -1 if seat.behind else 0)
        return Spot(offset(seat.place), 2 if seat.behind else 1)
    row = 0 if seat.behind else 1
    if seat.side is SeatSide.HOST:
        return Spot(seat.place, row)
    return Spot(-1 - seat.place, row)


def spots(plan: SeatingData) -> dict[int, Spot]:
    """Every seated member's spot, by membership id."""
    return {seat.membership_id: spot(seat, plan.arrangement) for seat in plan.seats}


def swapped(plan: SeatingData, first: int, second: int) -> SeatingData:
    """The plan with two members' seats exchanged (what dragging one onto another does)."""
    a, b = plan.seat_of(first), plan.seat_of(second)
    if a is None or b is None or first == second:
        return plan
    seats = []
    for seat in plan.seats:
        if seat.membership_id == first:
            seats.append(Seat(first, b.side, b.place, b.behind))
        elif seat.membership_id == second:
            seats.append(Seat(second, a.side, a.place, a.behind))
        else:
            seats.append(seat)
    return plan.evolve(seats=tuple(seats))


def moved(plan: SeatingData, membership_id: int, side: SeatSide, place: int, behind: bool = False) -> SeatingData:
    """The plan with one member moved to a seat; whoever sat there takes the member's old seat."""
    seat = plan.seat_of(membership_id)
    if seat is None:
        return plan
    there = plan.at(side, place, behind)
    if there is not None:
        return swapped(plan, membership_id, there.membership_id)
    seats = tuple(Seat(membership_id, side, place, behind) if s.membership_id == membership_id else s for s in plan.seats)
    return plan.evolve(seats=seats)
