"""Issued versions as plain data, out of the database and into it: the trip file's "issued" part.

A trip file names items by their place in the programme and people by their
keys, so the history is handed over in the bundle's terms (see
planner.domain.issued.IssuedRecord): what a trip file can carry, it carries,
and an imported trip knows who holds which printout, as the original did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.errors import PlannerError
from planner.domain.issued import IssuedContent, IssuedRecord, ParticipantSnapshot
from planner.i18n import N_


def read_versions(s: Session, trip_id: int) -> list[tuple[int, int, datetime]]:
    """(id, number, issued_at) of each issued version of the trip, oldest first."""
    rows = s.execute(
        select(m.IssuedVersion.id, m.IssuedVersion.number, m.IssuedVersion.issued_at)
        .where(m.IssuedVersion.trip_id == trip_id)
        .order_by(m.IssuedVersion.number)
    )
    return [(version_id, number, issued_at) for version_id, number, issued_at in rows]


def load_issued(db: Database, trip_id: int) -> tuple[IssuedRecord, ...]:
    """The trip's issued versions in bundle terms: keys of items still there are their ids, of deleted ones negative.

    Copies of people no longer in the delegation are left out (a trip file has
    no record of them); in the snapshots they are named by their person id negated.
    """
    with db.reading() as s:
        members = set(s.scalars(select(m.Membership.person_id).where(m.Membership.trip_id == trip_id)))
        live = dict(s.execute(select(m.IssuedItem.id, m.IssuedItem.item_id).where(m.IssuedItem.trip_id == trip_id)).all())
        versions = read_versions(s, trip_id)
        rows = s.execute(
            select(m.IssuedCopy.issued_version_id, m.IssuedCopy.person_id, m.IssuedCopy.language, m.IssuedCopy.item_keys)
            .join(m.IssuedVersion)
            .where(m.IssuedVersion.trip_id == trip_id)
            .order_by(m.IssuedCopy.id)
        ).all()
        contents = read_contents(s, [version_id for version_id, _n, _at in versions])
    # Each version's content is put in bundle terms once; its copies are then made from it.
    in_bundle: dict[int, tuple[IssuedContent, dict[int, int]]] = {}
    for version_id, content in contents.items():
        keys = {i.key: (live.get(i.key) or -i.key) for i in content.items}
        people = {pid: _former(pid, members) for pid in content.person_ids()}
        in_bundle[version_id] = (content.rekeyed(keys=keys, people=people), keys)
    copies: dict[int, list[ParticipantSnapshot]] = {}
    for version_id, person_id, language, stored_keys in rows:
        if person_id not in members:
            continue
        content, keys = in_bundle[version_id]
        try:
            bundle_keys = [keys[k] for k in stored_keys]
        except (KeyError, TypeError) as exc:
            raise PlannerError(N_("A recorded printout of this trip cannot be read: {reason}"), reason=f"item {exc}") from exc
        copies.setdefault(version_id, []).append(read_copy(content, person_id, language, bundle_keys))
    return tuple(IssuedRecord(number, issued_at, tuple(copies.get(version_id, []))) for version_id, number, issued_at in versions)


def read_contents(s: Session, version_ids: Iterable[int]) -> dict[int, IssuedContent]:
    """The content of each of the issued versions, read once however many copies it has; by version id."""
    found: dict[int, IssuedContent] = {}
    for version_id, data in s.execute(select(m.IssuedVersion.id, m.IssuedVersion.content).where(m.IssuedVersion.id.in_(list(version_ids)))):
        try:
            found[version_id] = IssuedContent.from_json(data)
        except ValueError as exc:
            raise PlannerError(N_("A recorded printout of this trip cannot be read: {reason}"), reason=str(exc)) from exc
    return found


def read_copy(content: IssuedContent, person_id: int, language: str, keys: object) -> ParticipantSnapshot:
    """The snapshot of one stored copy (`keys` as stored); a clear message if the record is damaged."""
    try:
        if not isinstance(keys, list):
            raise ValueError(f"not a list of items: {keys!r}")
        return content.snapshot(person_id, language, keys)
    except (ValueError, TypeError) as exc:
        raise PlannerError(N_("A recorded printout of this trip cannot be read: {reason}"), reason=str(exc)) from exc


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
        seen: set[int] = set()
        for copy in record.copies:
            if copy.person_id not in person_ids or copy.person_id in seen:
                raise PlannerError(N_("The trip to import has a printout for somebody who is not in its delegation, or two for one person."))
            seen.add(copy.person_id)
        try:
            shared = IssuedContent.of(record.copies)
        except ValueError as exc:  # a trip file names each item of a version once, so only a programming error gets here
            raise PlannerError(N_("A recorded printout of this trip cannot be read: {reason}"), reason=str(exc)) from exc
        content = shared.rekeyed(keys=keys, people={pid: person_ids.get(pid, _gone(pid)) for pid in shared.person_ids()})
        version = m.IssuedVersion(trip_id=trip_id, number=record.number, issued_at=record.issued_at, content=content.to_json())
        for copy in record.copies:
            version.copies.append(
                m.IssuedCopy(person_id=person_ids[copy.person_id], language=copy.language.value, item_keys=[keys[i.key] for i in copy.items])
            )
        s.add(version)
    s.flush()


def forget_name(s: Session, person_id: int, name: str) -> None:
    """Replace a person's name in every recorded printout (their own and others'), for erasing a person's data.

    Names are in the versions' delegations, which name everyone on the trip at
    the time, so every version is looked at, not only those the person received.
    """
    for row in s.scalars(select(m.IssuedVersion)):
        try:
            content = IssuedContent.from_json(row.content)
        except ValueError as exc:
            raise PlannerError(N_("A recorded printout of this trip cannot be read: {reason}"), reason=str(exc)) from exc
        renamed = content.renamed(person_id, name)
        if renamed.delegations != content.delegations or renamed.travel != content.travel:
            row.content = renamed.to_json()
