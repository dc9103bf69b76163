"""Issued versions as plain data, out of the database and into it: the trip file's "issued" part.

A trip file names items by their place in the programme and people by their
keys, so the history is handed over in the bundle's terms (see
planner.domain.issued.IssuedRecord): what a trip file can carry, it carries,
and an imported trip knows who holds which printout, as the original did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.errors import PlannerError
from planner.domain.issued import IssuedRecord, ParticipantSnapshot, rekeyed, snapshot_from_json, snapshot_to_json
from planner.i18n import N_


def load_issued(db: Database, trip_id: int) -> tuple[IssuedRecord, ...]:
    """The trip's issued versions in bundle terms: keys of items still there are their ids, of deleted ones negative.

    Copies of people no longer in the delegation are left out (a trip file has
    no record of them); in the snapshots they are named by their person id negated.
    """
    with db.reading() as s:
        members = set(s.scalars(select(m.Membership.person_id).where(m.Membership.trip_id == trip_id)))
        live = dict(s.execute(select(m.IssuedItem.id, m.IssuedItem.item_id).where(m.IssuedItem.trip_id == trip_id)).all())
        versions = s.execute(
            select(m.IssuedVersion.id, m.IssuedVersion.number, m.IssuedVersion.issued_at)
            .where(m.IssuedVersion.trip_id == trip_id)
            .order_by(m.IssuedVersion.number)
        ).all()
        rows = s.execute(
            select(m.IssuedCopy.issued_version_id, m.IssuedCopy.person_id, m.IssuedCopy.snapshot)
            .join(m.IssuedVersion)
            .where(m.IssuedVersion.trip_id == trip_id)
            .order_by(m.IssuedCopy.id)
        ).all()
    copies: dict[int, list[ParticipantSnapshot]] = {}
    for version_id, person_id, data in rows:
        if person_id not in members:
            continue
        try:
            snapshot = snapshot_from_json(person_id, data)
        except ValueError as exc:
            raise PlannerError(N_("A recorded printout of this trip cannot be read: {reason}"), reason=str(exc)) from exc
        keys = {i.key: (live.get(i.key) or -i.key) for i in snapshot.items}
        people = {pid: _former(pid, members) for pid, _name in snapshot.delegation}
        people[person_id] = person_id
        for item in snapshot.items:
            for pid in item.participants or ():
                people.setdefault(pid, _former(pid, members))
        copies.setdefault(version_id, []).append(rekeyed(snapshot, keys=keys, people=people))
    return tuple(IssuedRecord(number, issued_at, tuple(copies.get(version_id, []))) for version_id, number, issued_at in versions)


def _former(person_id: int, members: set[int]) -> int:
    """A person in bundle terms: their id while on the trip, a negative number once gone (imported ones already are)."""
    return person_id if person_id in members or person_id < 0 else -person_id


#: Imported people no longer on the trip are stored below this, apart from this database's own (their person id negated).
_IMPORTED_GONE = -1_000_000_000


def _gone(person_id: int) -> int:
    return _IMPORTED_GONE + person_id if person_id < 0 else -person_id


def insert_issued(
    s: Session, trip_id: int, records: Iterable[IssuedRecord], item_ids: Mapping[int, int], person_ids: Mapping[int, int],
) -> None:
    """Write a bundle's issued versions for the trip just imported; `item_ids` and `person_ids` map the bundle's ids to the new ones."""
    records = list(records)
    if not records:
        return
    numbers = [r.number for r in records]
    if len(set(numbers)) != len(numbers) or any(n < 1 for n in numbers):
        raise PlannerError(N_("The trip to import has two issued versions with the same number."))
    named = list(dict.fromkeys(item.key for record in records for copy in record.copies for item in copy.items))
    if any(key > 0 and key not in item_ids for key in named):
        raise PlannerError(N_("The trip to import has a printout of a programme item it does not contain."))
    table = m.IssuedItem.__table__
    rows = [{"version": 1, "trip_id": trip_id, "item_id": item_ids[key] if key > 0 else None} for key in named]
    new = s.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).all() if rows else []
    keys = dict(zip(named, new, strict=True))
    for record in sorted(records, key=lambda r: r.number):
        version = m.IssuedVersion(trip_id=trip_id, number=record.number, issued_at=record.issued_at)
        seen: set[int] = set()
        for copy in record.copies:
            if copy.person_id not in person_ids or copy.person_id in seen:
                raise PlannerError(N_("The trip to import has a printout for somebody who is not in its delegation, or two for one person."))
            seen.add(copy.person_id)
            people = {pid: person_ids.get(pid, _gone(pid)) for pid, _n in copy.delegation}
            people[copy.person_id] = person_ids[copy.person_id]
            for item in copy.items:
                for pid in item.participants or ():
                    people.setdefault(pid, person_ids.get(pid, _gone(pid)))
            snapshot = rekeyed(copy, keys=keys, people=people)
            version.copies.append(
                m.IssuedCopy(person_id=snapshot.person_id, language=snapshot.language.value, snapshot=snapshot_to_json(snapshot))
            )
        s.add(version)
    s.flush()


def forget_name(s: Session, person_id: int, name: str) -> None:
    """Replace a person's name in every recorded printout (their own and others'), for erasing a person's data."""
    rows = s.scalars(select(m.IssuedCopy))
    for row in rows:
        data = row.snapshot
        entries = data.get("delegation", []) if isinstance(data, dict) else []
        if any(isinstance(e, list) and len(e) == 2 and e[0] == person_id and e[1] != name for e in entries):
            row.snapshot = {**data, "delegation": [[pid, name if pid == person_id else n] for pid, n in entries]}
