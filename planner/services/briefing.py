"""The briefing of programme items and the profiles (biography, portrait) of the people met.

One save per user action, each returning a Change whose `before` and `after`
hold the whole record, which is all undo needs: saving `before` again puts it
back. A briefing or profile that was never written reads as an empty one
(version None); once written, its row stays even when emptied, so its version
keeps counting and undo and redo can always name the version they expect.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, undefer

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.errors import ConflictError
from planner.domain.briefing import ItemBriefingData, ProfileData, ProfileOwner
from planner.domain.localized import LocalizedText
from planner.domain.portraits import Portrait, clean_portrait
from planner.i18n import N_
from planner.services.base import CHANGED_ELSEWHERE, Action, Change, check_version, get_or_fail, run

BRIEFING = "item_briefing"
#: The Change entity of a profile, by owner (the undo table has one entry each).
PROFILE_ENTITY = {ProfileOwner.PERSON: "person_profile", ProfileOwner.CONTACT: "contact_profile"}

_PROFILE_MODEL: dict[ProfileOwner, type[m.PersonProfile] | type[m.ContactProfile]] = {
    ProfileOwner.PERSON: m.PersonProfile, ProfileOwner.CONTACT: m.ContactProfile,
}
_OWNER_MODEL: dict[ProfileOwner, tuple[type[Any], str]] = {
    ProfileOwner.PERSON: (m.Person, N_("person")), ProfileOwner.CONTACT: (m.VenueContact, N_("venue contact")),
}


# --- item briefings --------------------------------------------------------------------------


def briefing_data(row: m.ItemBriefing) -> ItemBriefingData:
    return ItemBriefingData(
        id=row.item_id, version=row.version, objective=row.objective, talking_points=row.talking_points,
        background=row.background, avoid=row.avoid, minutes=row.minutes,
    )


def read_briefing(session: Session, item_id: int) -> ItemBriefingData:
    row = session.get(m.ItemBriefing, item_id)
    return briefing_data(row) if row is not None else ItemBriefingData(id=item_id)


def get_briefing(db: Database, item_id: int) -> ItemBriefingData:
    with db.reading() as s:
        get_or_fail(s, m.ProgrammeItem, item_id, N_("programme item"))
        return read_briefing(s, item_id)


def trip_briefings(db: Database, trip_id: int) -> dict[int, ItemBriefingData]:
    """The briefings of a trip's items that have one, by item id (one query)."""
    with db.reading() as s:
        return read_trip_briefings(s, trip_id)


def read_trip_briefings(session: Session, trip_id: int) -> dict[int, ItemBriefingData]:
    rows = session.scalars(
        select(m.ItemBriefing).join(m.ProgrammeItem, m.ProgrammeItem.id == m.ItemBriefing.item_id)
        .where(m.ProgrammeItem.trip_id == trip_id)
    )
    return {row.item_id: briefing_data(row) for row in rows}


def read_briefings_of(session: Session, item_ids: list[int]) -> dict[int, ItemBriefingData]:
    """The briefings of these items that have one, by item id."""
    if not item_ids:
        return {}
    rows = session.scalars(select(m.ItemBriefing).where(m.ItemBriefing.item_id.in_(item_ids)))
    return {row.item_id: briefing_data(row) for row in rows}


def save_briefing(db: Database, data: ItemBriefingData) -> Change:
    """Write the briefing of item `data.id` as a whole (one user action); `data.version` None means "there was none"."""
    checked = data.validated()

    def act(s: Session) -> Change:
        get_or_fail(s, m.ProgrammeItem, checked.id, N_("programme item"))
        row = s.get(m.ItemBriefing, checked.id)
        before = briefing_data(row) if row is not None else ItemBriefingData(id=checked.id)
        check_version_or_absent(row, checked.version)
        write_briefing(s, checked, row)
        s.flush()
        return Change(Action.UPDATED, BRIEFING, checked.id or 0, before=before, after=read_briefing(s, checked.id or 0))

    return run(db, act)


def write_briefing(session: Session, data: ItemBriefingData, row: m.ItemBriefing | None = None) -> None:
    """Inside a transaction: the item's briefing becomes `data` (no row is made for an empty one)."""
    if row is None:
        row = session.get(m.ItemBriefing, data.id)
    if row is None:
        if data.is_empty():
            return
        row = m.ItemBriefing(item_id=data.id)
        session.add(row)
    for name, _label in ItemBriefingData.FIELDS:
        setattr(row, name, getattr(data, name))


def check_version_or_absent(row: Any, version: int | None) -> None:
    """A save based on "there was none" is stale once someone else wrote one, and the other way round."""
    if (row is None) != (version is None):
        raise ConflictError(CHANGED_ELSEWHERE)
    if row is not None:
        check_version(row, version)


# --- profiles --------------------------------------------------------------------------------


def profile_data(owner: ProfileOwner, row: m.PersonProfile | m.ContactProfile, *, with_portrait: bool = True) -> ProfileData:
    portrait = None
    if with_portrait and row.portrait is not None and row.portrait_type:
        portrait = Portrait(bytes(row.portrait), row.portrait_type)
    owner_id = row.person_id if isinstance(row, m.PersonProfile) else row.contact_id
    return ProfileData(id=owner_id, version=row.version, owner=owner, biography=row.biography, portrait=portrait)


def read_profile(session: Session, owner: ProfileOwner, owner_id: int) -> ProfileData:
    model = _PROFILE_MODEL[owner]
    row = session.scalar(select(model).where(_key(model) == owner_id).options(undefer(model.portrait)))
    return profile_data(owner, row) if row is not None else ProfileData(id=owner_id, owner=owner)


def get_profile(db: Database, owner: ProfileOwner, owner_id: int) -> ProfileData:
    with db.reading() as s:
        model, what = _OWNER_MODEL[owner]
        get_or_fail(s, model, owner_id, what)
        return read_profile(s, owner, owner_id)


def read_profiles(session: Session, owner: ProfileOwner, owner_ids: Iterable[int], *, with_portraits: bool = False) -> dict[int, ProfileData]:
    """The profiles of these people or contacts that have one (portraits only when asked: they are large)."""
    wanted = sorted(set(owner_ids))
    if not wanted:
        return {}
    model = _PROFILE_MODEL[owner]
    query = select(model).where(_key(model).in_(wanted))
    if with_portraits:
        query = query.options(undefer(model.portrait))
    found = {}
    for row in session.scalars(query):
        data = profile_data(owner, row, with_portrait=with_portraits)
        assert data.id is not None
        found[data.id] = data
    return found


def save_profile(db: Database, data: ProfileData) -> Change:
    """Write a profile as a whole (biography and portrait)."""
    checked = data.validated()

    def act(s: Session) -> Change:
        model, what = _OWNER_MODEL[checked.owner]
        get_or_fail(s, model, checked.id, what)
        return _write_profile(s, checked)

    return run(db, act)


def set_biography(db: Database, owner: ProfileOwner, owner_id: int, biography: LocalizedText, version: int | None) -> Change:
    """The biography alone, keeping the portrait (the form's text field saved)."""
    def act(s: Session) -> Change:
        current = _current(s, owner, owner_id)
        return _write_profile(s, current.evolve(biography=biography, version=version).validated())

    return run(db, act)


def set_portrait(db: Database, owner: ProfileOwner, owner_id: int, image: bytes | None, version: int | None) -> Change:
    """A new portrait from the bytes of a JPEG or PNG file (cleaned of all metadata first), or None to remove it.

    A file over 2 MB or one that is no image is refused with a ValidationError
    on "portrait", before anything is written.
    """
    portrait = clean_portrait(image) if image is not None else None

    def act(s: Session) -> Change:
        current = _current(s, owner, owner_id)
        return _write_profile(s, current.evolve(portrait=portrait, version=version))

    return run(db, act)


def _current(s: Session, owner: ProfileOwner, owner_id: int) -> ProfileData:
    model, what = _OWNER_MODEL[owner]
    get_or_fail(s, model, owner_id, what)
    return read_profile(s, owner, owner_id)


def profile_changes(profiles: Iterable[ProfileData]) -> tuple[Change, ...]:
    """The profiles that go with a deleted person or venue, as related Changes, so undo can put them back."""
    return tuple(Change(Action.DELETED, PROFILE_ENTITY[p.owner], p.id or 0, before=p) for p in profiles if not p.is_empty())


def deleted_profiles(change: Change) -> list[ProfileData]:
    """The profiles a deletion's Change carries (see profile_changes)."""
    return [c.before for c in change.related if c.entity in PROFILE_ENTITY.values() and isinstance(c.before, ProfileData)]


def write_profile(session: Session, data: ProfileData) -> None:
    """Inside a transaction: a new profile for a person or contact that has none yet (trip-file import)."""
    if data.is_empty():
        return
    model = _PROFILE_MODEL[data.owner]
    row = model(person_id=data.id) if model is m.PersonProfile else model(contact_id=data.id)
    row.biography = data.biography
    row.portrait = data.portrait.data if data.portrait is not None else None
    row.portrait_type = data.portrait.mime if data.portrait is not None else ""
    session.add(row)


def _write_profile(s: Session, data: ProfileData) -> Change:
    model = _PROFILE_MODEL[data.owner]
    assert data.id is not None
    row = s.scalar(select(model).where(_key(model) == data.id).options(undefer(model.portrait)))
    before = profile_data(data.owner, row) if row is not None else ProfileData(id=data.id, owner=data.owner)
    check_version_or_absent(row, data.version)
    if row is None and not data.is_empty():
        row = model(person_id=data.id) if model is m.PersonProfile else model(contact_id=data.id)
        s.add(row)
    if row is not None:
        row.biography = data.biography
        row.portrait = data.portrait.data if data.portrait is not None else None
        row.portrait_type = data.portrait.mime if data.portrait is not None else ""
    s.flush()
    return Change(Action.UPDATED, PROFILE_ENTITY[data.owner], data.id, before=before, after=read_profile(s, data.owner, data.id))


def delete_profile(session: Session, owner: ProfileOwner, owner_id: int) -> None:
    """Inside a transaction: the profile goes (used when a person is erased)."""
    model = _PROFILE_MODEL[owner]
    session.execute(delete(model).where(_key(model) == owner_id))


def _key(model: type[m.PersonProfile] | type[m.ContactProfile]) -> Any:
    return model.person_id if model is m.PersonProfile else model.contact_id  # type: ignore[union-attr]


def clear_briefing(db: Database, item_id: int) -> Change:
    """Empty an item's briefing (every field at once), whatever its version."""
    current = get_briefing(db, item_id)
    return save_briefing(db, ItemBriefingData(id=item_id, version=current.version))


def clear_profile(db: Database, owner: ProfileOwner, owner_id: int) -> Change:
    """Remove a biography and portrait together, whatever their version."""
    current = get_profile(db, owner, owner_id)
    return save_profile(db, ProfileData(id=owner_id, version=current.version, owner=owner))


@dataclass(frozen=True, slots=True)
class EarlierMeeting:
    """A meeting on another, earlier trip with the same host, and what came of it (its minutes)."""

    trip_title: LocalizedText
    item_title: LocalizedText
    start: datetime
    timezone: str
    host_contact_id: int | None
    host_person_id: int | None
    minutes: LocalizedText


def earlier_meetings(db: Database, trip_id: int) -> list[EarlierMeeting]:
    """Meetings of earlier trips with a host this trip meets again, that have minutes: "last contacts" in the briefing.

    A host is the same when the item names the same venue contact or the same
    person, as a duplicated trip (a return visit, the next year's visit) does.
    """
    with db.reading() as s:
        trip = get_or_fail(s, m.Trip, trip_id, N_("trip"))
        items = s.execute(
            select(m.ProgrammeItem.host_contact_id, m.ProgrammeItem.host_person_id).where(m.ProgrammeItem.trip_id == trip_id)
        ).all()
        contacts = {c for c, _p in items if c is not None}
        persons = {p for _c, p in items if p is not None}
        if not contacts and not persons:
            return []
        same_host = []
        if contacts:
            same_host.append(m.ProgrammeItem.host_contact_id.in_(contacts))
        if persons:
            same_host.append(m.ProgrammeItem.host_person_id.in_(persons))
        rows = s.execute(
            select(m.ProgrammeItem, m.ItemBriefing.minutes, m.Trip.title)
            .join(m.ItemBriefing, m.ItemBriefing.item_id == m.ProgrammeItem.id)
            .join(m.Trip, m.Trip.id == m.ProgrammeItem.trip_id)
            .where(m.ProgrammeItem.trip_id != trip_id, m.Trip.first_day < trip.first_day, or_(*same_host))
            .order_by(m.ProgrammeItem.start_utc, m.ProgrammeItem.id)
        ).all()
        return [
            EarlierMeeting(title, item.title, item.start_utc, item.timezone, item.host_contact_id, item.host_person_id, minutes)
            for item, minutes, title in rows if not minutes.is_empty()
        ]
