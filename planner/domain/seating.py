"""A seating plan from the order of precedence, and where each seat is on paper or screen.

The rules a protocol office follows for a meeting or a banquet table:

- the host and the head of the guest delegation are the principals: facing
  each other across the middle of a long table, or side by side in one row
  (a sofa meeting, a signing), the guest of honour on the host's right;
- everyone else sits on their own party's side by rank, alternating: the
  second on the principal's right, the third on the left, and so on;
- interpreters sit behind the principals (the first behind the guest, the
  second behind the host), not at the table.

At a banquet's round tables (SeatingArrangement.ROUND) the host takes the seat
of honour facing the door, the head of the guests the chair on the host's right,
the host's deputy the chair opposite with the guests' deputy on the deputy's
right; the other chairs go from those four outwards, hosts and guests
alternating by rank while hosts remain. A party larger than a table sits at
several tables of even size, the head table first, each further table with a
host of its own while there are hosts.

Hosts are the members with the role "host"; everyone else but interpreters is
a guest. Ranks are the protocol order. Pure functions: no Qt, no database.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from planner.domain.enums import ItemKind, Role, SeatingArrangement, SeatSide
from planner.domain.errors import ValidationError
from planner.domain.protocol import ROUND_STRIDE, Seat, SeatingData
from planner.i18n import N_

#: Chairs at a round banquet table unless the planner says otherwise, and the sizes allowed.
DEFAULT_TABLE_SIZE, MIN_TABLE_SIZE, MAX_TABLE_SIZE = 10, 2, 24


@dataclass(frozen=True, slots=True)
class Candidate:
    """A member who attends the item: who, in which role, at which rank."""

    membership_id: int
    role: Role
    protocol_order: int


def default_arrangement(kind: ItemKind | None) -> SeatingArrangement:
    """Meals are served at round tables; meetings and ceremonies face each other across a long one."""
    return SeatingArrangement.ROUND if kind is ItemKind.MEAL else SeatingArrangement.FACING


def check_table_size(size: int) -> int:
    if isinstance(size, bool) or not isinstance(size, int) or not MIN_TABLE_SIZE <= size <= MAX_TABLE_SIZE:
        raise ValidationError(N_("A round table seats between {low} and {high} people."), field="table_size",
                              low=MIN_TABLE_SIZE, high=MAX_TABLE_SIZE)
    return size


def generate_seating(candidates: Iterable[Candidate], arrangement: SeatingArrangement = SeatingArrangement.FACING,
                     item_id: int | None = None, table_size: int = DEFAULT_TABLE_SIZE) -> SeatingData:
    """The plan precedence gives: each party by rank from its principal outwards, interpreters behind."""
    ranked = sorted(candidates, key=lambda c: (c.protocol_order, c.membership_id))
    hosts = [c for c in ranked if c.role is Role.HOST]
    interpreters = [c for c in ranked if c.role is Role.INTERPRETER]
    guests = [c for c in ranked if c.role not in (Role.HOST, Role.INTERPRETER)]
    if arrangement is SeatingArrangement.ROUND:
        seats = _round_seats(hosts, guests, interpreters, check_table_size(table_size))
        return SeatingData(item_id=item_id, arrangement=arrangement, seats=tuple(seats))
    seats = [Seat(c.membership_id, SeatSide.GUEST, n) for n, c in enumerate(guests)]
    seats += [Seat(c.membership_id, SeatSide.HOST, n) for n, c in enumerate(hosts)]
    behind = {SeatSide.GUEST: 0, SeatSide.HOST: 0}
    for n, interpreter in enumerate(interpreters):
        side = SeatSide.GUEST if n % 2 == 0 or not hosts else SeatSide.HOST
        seats.append(Seat(interpreter.membership_id, side, behind[side], behind=True))
        behind[side] += 1
    return SeatingData(item_id=item_id, arrangement=arrangement, seats=tuple(seats))


def table_sizes(people: int, size: int) -> list[int]:
    """How many sit at each table: as few tables as `size` allows, filled evenly, the head table first."""
    tables = max(1, math.ceil(people / size))
    return [people // tables + (1 if t < people % tables else 0) for t in range(tables)]


def honour_order(chairs: int) -> list[int]:
    """A round table's chairs from the most honoured down: host, host's right, opposite, opposite's right, then
    outwards from both, the left before the right (the right is taken by the first guest already)."""
    half = chairs // 2
    order = [0, 1, half, half + 1]
    for k in range(1, chairs):
        order += [-k % chairs, (half - k) % chairs, (1 + k) % chairs, (half + 1 + k) % chairs]
    return [c for c in dict.fromkeys(order) if c < chairs]


def _host_counts(sizes: list[int], hosts: int) -> list[int]:
    """Hosts per table: host and deputy at the head table, one host at each other table, the rest where fewest."""
    counts = [0] * len(sizes)
    for t in [0, 0, *range(1, len(sizes))]:
        if hosts and counts[t] < sizes[t]:
            counts[t] += 1
            hosts -= 1
    while hosts:
        t = min((t for t in range(len(sizes)) if counts[t] < sizes[t]), key=lambda t: (counts[t] / sizes[t], t))
        counts[t] += 1
        hosts -= 1
    return counts


def _fill_table(chairs: int, hosts: list[Candidate], guests: list[Candidate]) -> dict[int, tuple[SeatSide, Candidate]]:
    """One table: host, chief guest, deputy, guests' deputy at their chairs, then alternating by rank."""
    queues = {SeatSide.HOST: deque(hosts), SeatSide.GUEST: deque(guests)}
    taken: dict[int, tuple[SeatSide, Candidate]] = {}
    for n, chair in enumerate(honour_order(chairs)):
        if n < 4:
            want = SeatSide.HOST if n in (0, 2) else SeatSide.GUEST
        else:
            beside = {taken[c][0] for c in ((chair - 1) % chairs, (chair + 1) % chairs) if c in taken}
            if len(beside) == 1:
                want = SeatSide.GUEST if SeatSide.HOST in beside else SeatSide.HOST
            else:
                want = max(queues, key=lambda side: (len(queues[side]), side is SeatSide.GUEST))
        if not queues[want]:
            want = SeatSide.GUEST if want is SeatSide.HOST else SeatSide.HOST
        taken[chair] = (want, queues[want].popleft())
    return taken


def _round_seats(hosts: list[Candidate], guests: list[Candidate], interpreters: list[Candidate], size: int) -> list[Seat]:
    surplus = max(0, len(interpreters) - len(hosts) - len(guests)) if not (hosts or guests) else 0
    guests = guests + interpreters[:surplus]  # with nobody to interpret for, interpreters sit at the table
    interpreters = interpreters[surplus:]
    sizes = table_sizes(len(hosts) + len(guests), size) if hosts or guests else []
    host_counts = _host_counts(sizes, len(hosts))
    table_hosts: list[list[Candidate]] = [[] for _ in sizes]
    ranked_hosts = deque(hosts)
    for t in [0, 0, *range(1, len(sizes))]:  # principal and deputy first, then each table's own host
        if ranked_hosts and len(table_hosts[t]) < host_counts[t]:
            table_hosts[t].append(ranked_hosts.popleft())
    for t in range(len(sizes)):
        while len(table_hosts[t]) < host_counts[t]:
            table_hosts[t].append(ranked_hosts.popleft())
    seats: list[Seat] = []
    principals: list[tuple[int, SeatSide]] = []  # chairs to stand behind, the most important first
    ranked_guests = deque(guests)
    for t, chairs in enumerate(sizes):
        table_guests = [ranked_guests.popleft() for _ in range(chairs - host_counts[t])]
        filled = _fill_table(chairs, table_hosts[t], table_guests)
        for chair, (side, who) in filled.items():
            seats.append(Seat(who.membership_id, side, t * ROUND_STRIDE + chair))
        for chair in honour_order(chairs):
            principals.append((t * ROUND_STRIDE + chair, filled[chair][0]))
    # behind the chief guest first, then the host, then the guests' deputy and the host's deputy …
    order = sorted(range(len(principals)), key=lambda n: (n // 2, 0 if principals[n][1] is SeatSide.GUEST else 1))
    for interpreter, n in zip(interpreters, order, strict=False):
        place, side = principals[n]
        seats.append(Seat(interpreter.membership_id, side, place, behind=True))
    return seats


def chair_angle(chair: int, chairs: int) -> float:
    """Where a chair is round its table, in degrees counter-clockwise from the right (y upwards), seen from above
    with the door at the bottom: chair 0 at the top, each next chair on the previous one's right."""
    return 90.0 + 360.0 * chair / max(chairs, 1)


def round_tables(plan: SeatingData) -> dict[int, int]:
    """The chairs each round table of `plan` has: its highest chair in use plus one, by table."""
    tables: dict[int, int] = {}
    for seat in plan.seats:
        tables[seat.table] = max(tables.get(seat.table, 0), seat.chair + 1)
    return dict(sorted(tables.items()))


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
    keep = plan.arrangement is SeatingArrangement.ROUND  # at round tables the side is the party, which stays
    seats = []
    for seat in plan.seats:
        if seat.membership_id == first:
            seats.append(Seat(first, a.side if keep else b.side, b.place, b.behind))
        elif seat.membership_id == second:
            seats.append(Seat(second, b.side if keep else a.side, a.place, a.behind))
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
    if plan.arrangement is SeatingArrangement.ROUND:
        side = seat.side
    seats = tuple(Seat(membership_id, side, place, behind) if s.membership_id == membership_id else s for s in plan.seats)
    return plan.evolve(seats=seats)
