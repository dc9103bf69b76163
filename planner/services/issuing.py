"""Issued versions of a trip: who holds which printout, and what has changed for them since.

Issuing personal itineraries (an explicit act: `planner issue`, "Issue as
version N" in the window; a plain export issues nothing) makes version N of
the trip for the people issued to: their snapshots (planner.domain.issued) are
recorded with the language of their document (the first of a bilingual one),
which is the language their change notices are written in, the version's
items once and each copy as the keys of its items. A participant holds the latest version issued to
them; comparing it with today's programme says whether they need a new
printout and what their change notice must say. Reissuing records the next
version for the people reissued only.

A copy also records the reader's own travel as printed (their flights and
the hotel pick-up). Those lines are worded by the export layer, which this
layer cannot import, so the callers that print pass the wording in as
`travel` (planner.export.own_travel.travel_texts); without it a copy records
none and no travel is compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ItemData, TripData
from planner.domain.enums import Language
from planner.domain.errors import ConflictError, NotFoundError, PlannerError
from planner.domain.issued import (
    IssuedContent,
    ItemDiff,
    ParticipantSnapshot,
    TravelDiff,
    diff_snapshots,
    diff_travel,
    item_keys,
    participant_snapshot,
)
from planner.domain.names import full_name, name_for_language
from planner.i18n import N_
from planner.services.base import get_or_fail, run
from planner.domain.members import Member
from planner.services.issued_history import read_contents, read_copy, read_versions
from planner.domain.trip_bundle import TripBundle
from planner.services.transfer import load_trip_bundle

#: Each member's own travel lines as their itinerary prints them, by membership id, for the trip as `bundle` has it
#: and the members and document languages given (planner.export.own_travel.travel_texts).
TravelText = Callable[[TripBundle, Mapping[int, Language]], Mapping[int, tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class VersionSummary:
    """One issued version: its number, when, and to whom: (person id, full name), in protocol order."""

    number: int
    issued_at: datetime  # aware, UTC
    recipients: tuple[tuple[int, str], ...]

    @property
    def person_ids(self) -> tuple[int, ...]:
        return tuple(pid for pid, _name in self.recipients)


@dataclass(frozen=True, slots=True)
class HeldCopy:
    """The printout a participant holds: the version it belongs to and what it said."""

    number: int
    issued_at: datetime
    language: Language
    snapshot: ParticipantSnapshot


@dataclass(frozen=True, slots=True)
class MemberChanges:
    """What differs for one participant between two states of the trip.

    `before` is the copy they held at the earlier version (None if they had
    none); `after` the copy of the later version, or None when compared with
    the programme as it is now (`now`).
    """

    member: Member
    before: HeldCopy | None
    after: HeldCopy | None
    now: ParticipantSnapshot
    changes: tuple[ItemDiff, ...]
    travel: TravelDiff | None = None  # their own flights or pick-up read otherwise than printed

    @property
    def language(self) -> Language:
        return self.now.language


@dataclass(frozen=True, slots=True)
class TripChanges:
    """Where a trip's printouts stand: who needs a new one and why, who is up to date, who has none."""

    trip: TripData
    last_number: int  # 0 before the first version
    last_issued_at: datetime | None
    outdated: tuple[MemberChanges, ...]  # in protocol order
    up_to_date: tuple[Member, ...]
    never_issued: tuple[Member, ...]

    @property
    def needs_printout(self) -> tuple[Member, ...]:
        return tuple(c.member for c in self.outdated)


# --- current state -------------------------------------------------------------------------------


def _members(bundle: TripBundle) -> list[Member]:
    people = {p.id: p for p in bundle.people}
    ordered = sorted(bundle.members, key=lambda ms: (ms.protocol_order, ms.id or 0))
    return [Member(ms, people[ms.person_id]) for ms in ordered]


def current_snapshots(
    bundle: TripBundle, keys: Mapping[int, int], languages: Mapping[int, Language | str], travel: TravelText | None = None,
) -> dict[int, ParticipantSnapshot]:
    """What an itinerary made now would show each participant in `languages` (membership id -> language).

    `keys` are the item keys by item id; an item without one (never issued)
    is named by its id negated, which no key is. `travel` words each reader's
    own travel (None: it is not recorded).
    """
    own = travel(bundle, {mid: Language(lang) for mid, lang in languages.items()}) if travel is not None else {}
    members = _members(bundle)
    venues = {v.id: v.name for v in bundle.venues if v.id is not None}
    item_keys = {i.id: keys.get(i.id, -i.id) for i in bundle.items if i.id is not None}
    found: dict[int, ParticipantSnapshot] = {}
    delegations: dict[Language, list[tuple[int, int, str]]] = {}
    # Each reader's items picked in one pass over the programme, not one pass per reader.
    chosen: dict[int, list[ItemData]] = {mid: [] for mid in languages}
    for item in bundle.items:
        if item.everyone:
            for mid in chosen:
                chosen[mid].append(item)
        else:
            for mid in item.participant_ids:
                if mid in chosen:
                    chosen[mid].append(item)
    printed: dict[int, tuple[int, ...] | None] = {}
    for membership_id, language in languages.items():
        lang = Language(language)
        if lang not in delegations:
            delegations[lang] = [
                (mb.id, mb.person.id or 0, name_for_language(mb.person.family_name, mb.person.given_name, mb.person.native_name, lang.value))
                for mb in members
            ]
        found[membership_id] = participant_snapshot(
            membership_id, lang, chosen[membership_id], keys=item_keys, venues=venues, delegation=delegations[lang], printed=printed,
            travel=own.get(membership_id) if travel is not None else None,
        )
    return found


def _item_keys(s: Session, trip_id: int) -> dict[int, int]:
    rows = s.execute(
        select(m.IssuedItem.item_id, m.IssuedItem.id).where(m.IssuedItem.trip_id == trip_id, m.IssuedItem.item_id.is_not(None))
    )
    return {int(item_id): int(key) for item_id, key in rows}


# --- issuing -------------------------------------------------------------------------------------


def new_item_keys(s: Session, trip_id: int, item_ids: list[int]) -> dict[int, int]:
    """Keys for items issued for the first time, in one statement (a large programme has thousands); by item id."""
    if not item_ids:
        return {}
    table = m.IssuedItem.__table__
    rows = [{"version": 1, "trip_id": trip_id, "item_id": item_id} for item_id in item_ids]
    new = s.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).all()
    return dict(zip(item_ids, new, strict=True))


def next_number(db: Database, trip_id: int) -> int:
    """The number the next version of the trip will get (1 for the first)."""
    with db.reading() as s:
        get_or_fail(s, m.Trip, trip_id, N_("trip"))
        return _last_number(s, trip_id) + 1


def _last_number(s: Session, trip_id: int) -> int:
    return int(s.scalar(select(func.max(m.IssuedVersion.number)).where(m.IssuedVersion.trip_id == trip_id)) or 0)


def issue(
    db: Database, trip_id: int, languages: Mapping[int, Language | str], *, bundle: TripBundle | None = None,
    number: int | None = None, issued_at: datetime | None = None, travel: TravelText | None = None,
) -> VersionSummary:
    """Record that the people in `languages` (membership id -> document language) received the trip as it is.

    `bundle` is the trip the documents were made from (loaded here if not
    given), so the record says exactly what was printed. `number` is the
    version the documents already show; if another version was issued in the
    meantime, nothing is recorded and the user is asked to export again.
    `travel` words the readers' own travel as their documents print it, to
    be recorded with their copies.
    """
    if not languages:
        raise PlannerError(N_("Choose at least one participant."))
    if bundle is None:
        bundle = load_trip_bundle(db, trip_id)
    if bundle.trip.id != trip_id:
        raise PlannerError(N_("The documents were made for another trip."))
    known = {ms.id for ms in bundle.members}
    unknown = [mid for mid in languages if mid not in known]
    if unknown:
        raise NotFoundError(N_("There is no delegation member {member} in trip {trip}."), member=unknown[0], trip=trip_id)
    moment = (issued_at or datetime.now(UTC)).astimezone(UTC)

    def act(s: Session) -> VersionSummary:
        get_or_fail(s, m.Trip, trip_id, N_("trip"))
        last = _last_number(s, trip_id)
        if number is not None and number != last + 1:
            raise ConflictError(
                N_("Version {number} of this trip was issued elsewhere in the meantime; please export the itineraries again."),
                number=last + 1,
            )
        item_ids = [i.id for i in bundle.items if i.id is not None]
        present = set(s.scalars(select(m.ProgrammeItem.id).where(m.ProgrammeItem.trip_id == trip_id)))
        members_now = set(s.scalars(select(m.Membership.id).where(m.Membership.trip_id == trip_id)))
        if not set(item_ids) <= present or not set(languages) <= members_now:
            raise ConflictError(N_("The trip was changed while the documents were being made; please export them again."))
        keys = _item_keys(s, trip_id)
        keys.update(new_item_keys(s, trip_id, [i for i in item_ids if i is not None and i not in keys]))
        snapshots = current_snapshots(bundle, keys, languages, travel)
        recipients = [mb for mb in _members(bundle) if mb.id in languages]
        copies = [snapshots[member.id] for member in recipients]
        content = IssuedContent.of(copies).to_json()
        version = m.IssuedVersion(trip_id=trip_id, number=last + 1, issued_at=moment, content=content)
        for snapshot in copies:
            version.copies.append(
                m.IssuedCopy(person_id=snapshot.person_id, language=snapshot.language.value, item_keys=item_keys(snapshot))
            )
        s.add(version)
        s.flush()
        return VersionSummary(version.number, moment, tuple((mb.person.id or 0, mb.person.full_name) for mb in recipients))

    return run(db, act)


# --- reading what was issued ---------------------------------------------------------------------


def list_versions(db: Database, trip_id: int) -> list[VersionSummary]:
    """Every issued version of the trip, oldest first, with its recipients (people since taken off the delegation last)."""
    with db.reading() as s:
        get_or_fail(s, m.Trip, trip_id, N_("trip"))
        order = dict(s.execute(select(m.Membership.person_id, m.Membership.protocol_order).where(m.Membership.trip_id == trip_id)).all())
        versions = read_versions(s, trip_id)
        rows = s.execute(
            select(m.IssuedCopy.issued_version_id, m.Person.id, m.Person.family_name, m.Person.given_name, m.Person.native_name)
            .join(m.Person, m.Person.id == m.IssuedCopy.person_id)
            .join(m.IssuedVersion)
            .where(m.IssuedVersion.trip_id == trip_id)
        )
        by_version: dict[int, list[tuple[int, str]]] = {}
        for version_id, person_id, family, given, native in rows:
            by_version.setdefault(version_id, []).append((person_id, full_name(family, given, native)))
        big = 1 << 30
        return [
            VersionSummary(
                number, issued_at,
                tuple(sorted(by_version.get(version_id, []), key=lambda p: (order.get(p[0], big), p[0]))),
            )
            for version_id, number, issued_at in versions
        ]


def held_copies(s: Session, trip_id: int, as_of: int | None = None) -> dict[int, HeldCopy]:
    """The copy each person held after version `as_of` (None: the latest), by person id."""
    query = (
        select(m.IssuedCopy.id, m.IssuedCopy.person_id, m.IssuedVersion.number)
        .join(m.IssuedVersion)
        .where(m.IssuedVersion.trip_id == trip_id)
    )
    if as_of is not None:
        query = query.where(m.IssuedVersion.number <= as_of)
    latest: dict[int, tuple[int, int]] = {}
    for copy_id, person_id, number in s.execute(query):
        if person_id not in latest or number > latest[person_id][1]:
            latest[person_id] = (copy_id, number)
    if not latest:
        return {}
    chosen = [copy_id for copy_id, _n in latest.values()]
    rows = s.execute(
        select(m.IssuedCopy.person_id, m.IssuedCopy.language, m.IssuedCopy.item_keys, m.IssuedCopy.issued_version_id,
               m.IssuedVersion.number, m.IssuedVersion.issued_at)
        .join(m.IssuedVersion)
        .where(m.IssuedCopy.id.in_(chosen))
    ).all()
    contents = read_contents(s, {row.issued_version_id for row in rows})
    found: dict[int, HeldCopy] = {}
    for person_id, language, keys, version_id, number, issued_at in rows:
        found[person_id] = HeldCopy(number, issued_at, Language(language), read_copy(contents[version_id], person_id, language, keys))
    return found


def _check_number(s: Session, trip_id: int, number: int) -> None:
    exists = s.scalar(select(m.IssuedVersion.id).where(m.IssuedVersion.trip_id == trip_id, m.IssuedVersion.number == number))
    if exists is None:
        raise NotFoundError(N_("Trip {trip} has no version {number}."), trip=trip_id, number=number)


# --- what changed --------------------------------------------------------------------------------


def pending_changes(db: Database, trip_id: int, *, travel: TravelText | None = None) -> TripChanges:
    """For each participant: does the printout they hold still match the programme, and if not, what changed.

    With `travel`, a reader's own travel lines are compared too (where their copy recorded them).
    """
    bundle = load_trip_bundle(db, trip_id)
    with db.reading() as s:
        held = held_copies(s, trip_id)
        keys = _item_keys(s, trip_id)
        last = s.execute(
            select(m.IssuedVersion.number, m.IssuedVersion.issued_at)
            .where(m.IssuedVersion.trip_id == trip_id)
            .order_by(m.IssuedVersion.number.desc())
            .limit(1)
        ).first()
    members = _members(bundle)
    now = current_snapshots(bundle, keys, {mb.id: held[mb.person.id].language for mb in members if mb.person.id in held}, travel)
    outdated: list[MemberChanges] = []
    up_to_date: list[Member] = []
    never: list[Member] = []
    for member in members:
        copy = held.get(member.person.id)
        if copy is None:
            never.append(member)
            continue
        changes = diff_snapshots(copy.snapshot, now[member.id])
        moved = diff_travel(copy.snapshot, now[member.id])
        if changes or moved is not None:
            outdated.append(MemberChanges(member, copy, None, now[member.id], changes, moved))
        else:
            up_to_date.append(member)
    return TripChanges(
        trip=bundle.trip, last_number=int(last[0]) if last else 0, last_issued_at=last[1] if last else None,
        outdated=tuple(outdated), up_to_date=tuple(up_to_date), never_issued=tuple(never),
    )


def compare_versions(
    db: Database, trip_id: int, since: int, until: int | None = None, *, travel: TravelText | None = None,
) -> list[MemberChanges]:
    """What changed for each participant from version `since` to version `until` (None: to the programme as it is now).

    A participant's state at a version is the latest copy issued to them up to
    it. Only participants who held a copy at `since` are compared, and only
    those with a change are returned, in protocol order. `travel` as for
    `pending_changes` (needed only when comparing with the programme now).
    """
    bundle = load_trip_bundle(db, trip_id)
    with db.reading() as s:
        _check_number(s, trip_id, since)
        if until is not None:
            _check_number(s, trip_id, until)
        before = held_copies(s, trip_id, since)
        after = held_copies(s, trip_id, until) if until is not None else {}
        keys = _item_keys(s, trip_id)
    members = _members(bundle)
    languages = {mb.id: before[mb.person.id].language for mb in members if mb.person.id in before}
    now = current_snapshots(bundle, keys, languages, travel) if until is None else {}
    found: list[MemberChanges] = []
    for member in members:
        old = before.get(member.person.id)
        if old is None:
            continue
        later = after.get(member.person.id) if until is not None else None
        snapshot = later.snapshot if later is not None else now.get(member.id)
        if snapshot is None:
            continue
        changes = diff_snapshots(old.snapshot, snapshot)
        moved = diff_travel(old.snapshot, snapshot)
        if changes or moved is not None:
            found.append(MemberChanges(member, old, later, snapshot, changes, moved))
    return found


def members_needing(changes: TripChanges, *, include_new: bool = True) -> list[int]:
    """The membership ids to reissue to: those whose printout is outdated, and (with `include_new`) those who have none."""
    chosen = list(changes.needs_printout) + (list(changes.never_issued) if include_new else [])
    chosen.sort(key=lambda mb: (mb.membership.protocol_order, mb.id))
    return [mb.id for mb in chosen]


def languages_for(members: Iterable[Member], language: Language | str | None = None) -> dict[int, Language]:
    """Each member's document language: `language` for all, or (None) each person's own."""
    return {mb.id: Language(language) if language else mb.person.preferred_language for mb in members}
