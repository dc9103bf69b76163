"""Visa status per member, the gift register and seating plans: reading them and changing them.

Each change is one transaction returning a Change, as everywhere. A seating
plan is saved as a whole (the planner drags seats in a dialog, then saves);
its seats must be members of the item's trip who attend the item.
"""

from __future__ import annotations

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.enums import GiftDirection, ItemKind, Role, SeatingArrangement, SeatSide, VisaStatus
from planner.domain.errors import PlannerError
from planner.domain.protocol import GiftData, Seat, SeatingData, VisaData
from planner.domain.seating import DEFAULT_TABLE_SIZE, Candidate, default_arrangement, generate_seating
from planner.i18n import N_
from planner.services.base import Action, Change, bump_version, delete_record, get_or_fail, run
from planner.services.bulk_read import TableRecords
from planner.services.mapping import from_cents, person_data, to_cents
from planner.services.records import RecordService, existing_or_new

# --- mapping -------------------------------------------------------------------------------------


def visa_data(row: m.Visa) -> VisaData:
    return VisaData(
        id=row.membership_id, version=row.version, membership_id=row.membership_id, status=VisaStatus(row.status or ""),
        applied_on=row.applied_on, granted_on=row.granted_on, valid_until=row.valid_until,
    )


GIFT_FIELDS = ("description", "member_id", "counterpart", "currency", "notes")


def gift_data(row: m.Gift) -> GiftData:
    return GiftData(
        id=row.id, version=row.version, item_id=row.item_id, direction=GiftDirection(row.direction),
        value=from_cents(row.value_cents), **{f: getattr(row, f) for f in GIFT_FIELDS},
    )


def apply_gift(row: m.Gift, data: GiftData) -> None:
    row.direction = data.direction.value
    for f in GIFT_FIELDS:
        setattr(row, f, getattr(data, f))
    row.value_cents = to_cents(data.value)


GIFTS = RecordService("gift", m.Gift, N_("gift"), apply_gift, gift_data)


def seating_data(row: m.SeatingPlan) -> SeatingData:
    seats = tuple(Seat(s.membership_id, SeatSide(s.side), s.place, bool(s.behind)) for s in row.seats)
    return SeatingData(id=row.id, version=row.version, item_id=row.item_id, arrangement=SeatingArrangement(row.arrangement),
                       seats=seats).validated()


# --- visas ---------------------------------------------------------------------------------------


def trip_visas(db: Database, trip_id: int) -> dict[int, VisaData]:
    """The recorded visas of a trip's delegation, by membership id (members without a record are absent)."""
    with db.reading() as s:
        return read_visas(s, trip_id)


def read_visas(session: Session, trip_id: int) -> dict[int, VisaData]:
    """The trip's recorded visas by membership id, as plain rows (the planning checks read them every time)."""
    visas = _VISAS.read(session, _VISAS_OF_TRIP, {"trip_id": trip_id})
    return {visa.membership_id: visa for visa in visas}  # type: ignore[misc]  # read back: never None


_VISAS = TableRecords(
    VisaData, m.Visa.__table__, columns={"id": "membership_id"}, convert={"status": lambda status: VisaStatus(status or "")},
)
#: The visas of the trip's members (parameter trip_id), built once.
_VISAS_OF_TRIP = (
    select(*_VISAS.selected).join(m.Membership.__table__, m.Membership.__table__.c.id == m.Visa.__table__.c.membership_id)
    .where(m.Membership.__table__.c.trip_id == bindparam("trip_id"))
)


def save_visa(db: Database, data: VisaData) -> Change:
    """Record a member's visa status and dates (the first save creates the record)."""
    data = data.validated()

    def act(s: Session) -> Change:
        get_or_fail(s, m.Membership, data.membership_id, N_("delegation member"))
        row, before = existing_or_new(
            s, s.get(m.Visa, data.membership_id), lambda: m.Visa(membership_id=data.membership_id), data.version, visa_data,
        )
        row.status = data.status.value
        row.applied_on, row.granted_on, row.valid_until = data.applied_on, data.granted_on, data.valid_until
        s.flush()
        return Change(Action.CREATED if before is None else Action.UPDATED, "visa", row.membership_id, before=before, after=visa_data(row))

    return run(db, act)


def delete_visa(db: Database, membership_id: int) -> Change:
    """Forget a member's visa record (what undoing its first save does)."""

    return delete_record(db, m.Visa, membership_id, N_("visa"), "visa", visa_data)


def restore_visa(db: Database, change: Change) -> Change:
    """Record a deleted visa again, as it was."""
    return save_visa(db, change.before.evolve(version=None))


# --- gifts ---------------------------------------------------------------------------------------


def item_gifts(db: Database, item_id: int) -> list[GiftData]:
    with db.reading() as s:
        return [gift_data(r) for r in s.scalars(select(m.Gift).where(m.Gift.item_id == item_id).order_by(m.Gift.id))]


def trip_gifts(db: Database, trip_id: int) -> list[GiftData]:
    """Every gift of the trip, in programme order (then in the order entered)."""
    with db.reading() as s:
        return read_gifts(s, trip_id)


def read_gifts(session: Session, trip_id: int) -> list[GiftData]:
    rows = session.scalars(
        select(m.Gift).join(m.ProgrammeItem).where(m.ProgrammeItem.trip_id == trip_id)
        .order_by(m.ProgrammeItem.start_utc, m.ProgrammeItem.id, m.Gift.id)
    )
    return [gift_data(r) for r in rows]


def _check_gift_member(s: Session, data: GiftData) -> None:
    item = get_or_fail(s, m.ProgrammeItem, data.item_id, N_("programme item"))
    if data.member_id is not None:
        member = get_or_fail(s, m.Membership, data.member_id, N_("delegation member"))
        if member.trip_id != item.trip_id:
            raise PlannerError(N_("{name} is not in this trip's delegation."), name=person_data(member.person).name, field="member_id")


def add_gift(db: Database, data: GiftData) -> Change:
    return GIFTS.create(db, data, check=_check_gift_member, new_row=lambda valid: m.Gift(item_id=valid.item_id))


def update_gift(db: Database, data: GiftData) -> Change:
    return GIFTS.update(db, data, check=lambda s, row, valid: _check_gift_member(s, valid.evolve(item_id=row.item_id)))


def restore_gift(db: Database, data: GiftData) -> Change:
    """Put a deleted gift back with its old id (undo of a deletion, redo of an addition)."""
    return GIFTS.create(db, data, check=_check_gift_member, new_row=lambda valid: m.Gift(id=valid.id, item_id=valid.item_id))


def delete_gift(db: Database, gift_id: int) -> Change:
    return GIFTS.delete(db, gift_id)


# --- seating -------------------------------------------------------------------------------------


def item_seating(db: Database, item_id: int) -> SeatingData | None:
    """The item's saved seating plan, or None if it has none yet."""
    with db.reading() as s:
        row = s.scalar(select(m.SeatingPlan).where(m.SeatingPlan.item_id == item_id))
        return seating_data(row) if row is not None else None


def read_seatings(session: Session, trip_id: int) -> list[SeatingData]:
    rows = session.scalars(
        select(m.SeatingPlan).join(m.ProgrammeItem).where(m.ProgrammeItem.trip_id == trip_id)
        .order_by(m.ProgrammeItem.start_utc, m.ProgrammeItem.id)
    )
    return [seating_data(r) for r in rows]


def _attendees(s: Session, item: m.ProgrammeItem) -> list[m.Membership]:
    if item.everyone:
        return list(s.scalars(select(m.Membership).where(m.Membership.trip_id == item.trip_id)))
    return list(item.participants)


def proposed_seating(db: Database, item_id: int, arrangement: SeatingArrangement | None = None,
                     table_size: int = DEFAULT_TABLE_SIZE) -> SeatingData:
    """A new plan for the item from the order of precedence (not saved); round tables for a meal unless told otherwise."""
    with db.reading() as s:
        item = get_or_fail(s, m.ProgrammeItem, item_id, N_("programme item"))
        candidates = [Candidate(ms.id, Role(ms.role), ms.protocol_order) for ms in _attendees(s, item)]
        kind = ItemKind(item.kind) if item.kind else None
    return generate_seating(candidates, arrangement or default_arrangement(kind), item_id=item_id, table_size=table_size)


def save_seating(db: Database, data: SeatingData) -> Change:
    """Store the item's seating plan as given, replacing any earlier one."""
    data = data.validated()

    def act(s: Session) -> Change:
        item = get_or_fail(s, m.ProgrammeItem, data.item_id, N_("programme item"))
        attending = {ms.id for ms in _attendees(s, item)}
        strangers = [seat.membership_id for seat in data.seats if seat.membership_id not in attending]
        if strangers:
            raise PlannerError(N_("Only members who attend the item can have a seat at it."), field="seats")
        row, before = existing_or_new(
            s, s.scalar(select(m.SeatingPlan).where(m.SeatingPlan.item_id == item.id)), lambda: m.SeatingPlan(item_id=item.id),
            data.version, seating_data,
        )
        if before is not None:  # the earlier plan's seats make way for the new ones
            s.execute(delete(m.SeatAssignment).where(m.SeatAssignment.plan_id == row.id))
            s.expire(row, ["seats"])
            bump_version(row, "arrangement")
        row.arrangement = data.arrangement.value
        s.flush()
        for seat in data.seats:
            s.add(m.SeatAssignment(plan_id=row.id, membership_id=seat.membership_id, side=seat.side.value, place=seat.place,
                                   behind=seat.behind))
        s.flush()
        s.refresh(row)
        return Change(Action.CREATED if before is None else Action.UPDATED, "seating", row.id, before=before, after=seating_data(row))

    return run(db, act)


def delete_seating_plan(db: Database, plan_id: int) -> Change:
    return delete_record(db, m.SeatingPlan, plan_id, N_("seating plan"), "seating", seating_data)


def restore_seating(db: Database, change: Change) -> Change:
    """Put a deleted plan back with its old id (undo of a deletion, redo of a first save)."""
    data: SeatingData = change.before

    def act(s: Session) -> Change:
        item = get_or_fail(s, m.ProgrammeItem, data.item_id, N_("programme item"))
        attending = {ms.id for ms in _attendees(s, item)}
        row = m.SeatingPlan(id=data.id, item_id=item.id, arrangement=data.arrangement.value)
        row.seats = [
            m.SeatAssignment(membership_id=seat.membership_id, side=seat.side.value, place=seat.place, behind=seat.behind)
            for seat in data.seats if seat.membership_id in attending  # who left the item since keeps no seat
        ]
        s.add(row)
        s.flush()
        return Change(Action.CREATED, "seating", row.id, after=seating_data(row))

    return run(db, act)


def delete_seating(db: Database, item_id: int) -> Change | None:
    def act(s: Session) -> Change | None:
        row = s.scalar(select(m.SeatingPlan).where(m.SeatingPlan.item_id == item_id))
        if row is None:
            return None
        before = seating_data(row)
        s.delete(row)
        return Change(Action.DELETED, "seating", before.id or 0, before=before)

    return run(db, act)


# --- whole trips (trip files) --------------------------------------------------------------------


def validated_protocol(visas: tuple[VisaData, ...], gifts: tuple[GiftData, ...], seatings: tuple[SeatingData, ...]
                       ) -> tuple[list[VisaData], list[GiftData], list[SeatingData]]:
    return [v.validated() for v in visas], [g.validated() for g in gifts], [p.validated() for p in seatings]


def check_protocol_references(member_ids: set[int | None], item_ids: set[int | None], visas: tuple[VisaData, ...],
                              gifts: tuple[GiftData, ...], seatings: tuple[SeatingData, ...]) -> None:
    """Visas, gifts and seats of a bundle must name members and items of the same bundle."""
    if any(v.membership_id not in member_ids for v in visas) or len({v.membership_id for v in visas}) != len(visas):
        raise PlannerError(N_("The trip to import has a visa of someone who is not in its delegation, or two for one member."))
    if any(g.item_id not in item_ids or (g.member_id is not None and g.member_id not in member_ids) for g in gifts):
        raise PlannerError(N_("The trip to import has a gift at an item or of a member it does not contain."))
    planned = [p.item_id for p in seatings]
    if any(i not in item_ids for i in planned) or len(set(planned)) != len(planned):
        raise PlannerError(N_("The trip to import has a seating plan for an item it does not contain, or two for one item."))
    if any(seat.membership_id not in member_ids for p in seatings for seat in p.seats):
        raise PlannerError(N_("The trip to import has a seat for someone who is not in its delegation."))


def insert_protocol(s: Session, member_ids: dict[int | None, int], item_ids: dict[int | None, int], visas: list[VisaData],
                    gifts: list[GiftData], seatings: list[SeatingData]) -> None:
    """Write a bundle's visas, gifts and seating plans with the new ids of its members and items."""
    for visa in visas:
        if visa.status is VisaStatus.UNKNOWN and not (visa.applied_on or visa.granted_on or visa.valid_until):
            continue  # nothing recorded: no row, as for a member nobody has looked at yet
        s.add(m.Visa(membership_id=member_ids[visa.membership_id], status=visa.status.value, applied_on=visa.applied_on,
                     granted_on=visa.granted_on, valid_until=visa.valid_until))
    for gift in gifts:
        row = m.Gift(item_id=item_ids[gift.item_id])
        apply_gift(row, gift.evolve(member_id=member_ids[gift.member_id] if gift.member_id is not None else None))
        s.add(row)
    for plan in seatings:
        row = m.SeatingPlan(item_id=item_ids[plan.item_id], arrangement=plan.arrangement.value)
        row.seats = [
            m.SeatAssignment(membership_id=member_ids[seat.membership_id], side=seat.side.value, place=seat.place, behind=seat.behind)
            for seat in plan.seats
        ]
        s.add(row)
    s.flush()
