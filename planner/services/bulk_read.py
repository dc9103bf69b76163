"""Reading many records at once: plain rows straight into domain records.

A large trip has thousands of programme items and hundreds of members and
venues. Loading them as ORM objects (identity map, attribute instrumentation,
a collection per item for its participants) costs several times more than
the records themselves, and the checks, the programme page and the trip file
read a whole trip each time. So they read it here, a few plain queries per
trip: the records come out exactly as services.mapping makes them from ORM rows.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import Column, ColumnElement, Dialect, Select, String, Text, bindparam, cast, or_, select, type_coerce
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import Executable
from sqlalchemy.types import TypeEngine
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.domain.entities import ContactData, ItemData, MembershipData, PersonData, VenueData
from planner.domain.enums import ItemKind, Language, Role, Sex, VenueKind
from planner.domain.localized import LocalizedText

_ITEM = m.ProgrammeItem.__table__
_TICK = m.item_participant
_VENUE = m.Venue.__table__
_CONTACT = m.VenueContact.__table__
_PERSON = m.Person.__table__
_MEMBER = m.Membership.__table__
_KINDS: dict[str, ItemKind] = {kind.value: kind for kind in ItemKind}


@contextmanager
def no_collection() -> Iterator[None]:
    """No garbage collection while many records are built.

    The records hold no reference cycles, so a collection in the middle finds
    nothing to free; yet building tens of thousands of objects would start
    dozens of collections, which took a quarter of the reading time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_items(session: Session, trip_id: int) -> list[ItemData]:
    """The trip's programme in time order (start, then id), each item with its participants."""
    with no_collection():
        return _read_items(session, trip_id)


def raw_rows(session: Session, statement: Executable, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """All rows of `statement` as the database driver gives them: plain tuples, no SQLAlchemy rows.

    Only for selects whose columns need no conversion by their types (integers, strings, and the
    JSON and times read raw, see _RAW and _raw_text): the types' result processing is skipped.
    Fetched at once from the driver's cursor: building SQLAlchemy's rows added a fifth to the
    query of a large programme's columns (SQLite's Booleans then come as 0 and 1: callers use bool()).
    """
    result = session.execute(statement, params)
    assert isinstance(result, CursorResult)  # what a Core select gives
    dbapi = session.get_bind().dialect.loaded_dbapi
    try:
        rows: list[tuple[Any, ...]] = result.cursor.fetchall()
        return rows
    except dbapi.Error as error:
        # Wrapped as SQLAlchemy wraps what its own fetching meets (a damaged file's "database disk image is
        # malformed", a text that is no UTF-8), so that the callers' translated messages catch it.
        raise DBAPIError.instance(str(statement), params, error, dbapi.Error) from error
    finally:
        result.close()


def read_item(session: Session, trip_id: int, item_id: int) -> ItemData | None:
    """One item of the trip as read_items makes it; None if the trip has no such item (any longer)."""
    found = _read_items(session, trip_id, item_id)
    return found[0] if found else None


def _read_items(session: Session, trip_id: int, only: int | None = None) -> list[ItemData]:
    ticks, columns = _QUERIES[only is not None]
    params = {"trip_id": trip_id} if only is None else {"trip_id": trip_id, "item_id": only}
    ticked: dict[int, list[int]] = {}
    for item_id, membership_id in raw_rows(session, ticks, params):
        ticked.setdefault(item_id, []).append(membership_id)
    # The texts and times come raw (the JSON as text) and are decoded once per distinct value (see _Decoded).
    dialect = session.get_bind().dialect
    texts, moments = _Decoded(_ITEM.c.title.type, dialect), _Decoded(_ITEM.c.start_utc.type, dialect)
    rows = raw_rows(session, columns, params)
    items = []
    append = items.append
    for (item_id, version, kind, title, description, venue_id, start, end, timezone, end_timezone, host_contact_id,
         dress_code, transport, everyone, host_person_id) in rows:  # unpacked: by name, a row's fields cost ten times as much
        everyone = bool(everyone)
        # Positional, in ItemData's field order (keywords cost a third more for thousands of records;
        # tests/services/test_bulk_read.py compares every field with the ORM mapping).
        append(_item_data(
            item_id, version, trip_id, _KINDS.get(kind) or ItemKind(kind), texts[title], texts[description], venue_id,
            moments[start], moments[end], timezone, end_timezone, host_contact_id, texts[dress_code], texts[transport],
            everyone, () if everyone else tuple(sorted(ticked.get(item_id, ()))), host_person_id,
        ))
    # Sorted here rather than by the database: no index serves (trip, start), so SQLite sorted
    # all the trip's rows in a temporary B-tree, which took longer than sorting the records.
    items.sort(key=_start_then_id)
    return items


_ITEM_FIELDS = (
    "id", "version", "trip_id", "kind", "title", "description", "venue_id", "start", "end", "timezone", "end_timezone",
    "host_contact_id", "dress_code", "transport", "everyone", "participant_ids", "host_person_id",
)
if tuple(f.name for f in fields(ItemData)) != _ITEM_FIELDS or hasattr(ItemData, "__post_init__"):
    # Checked on import, also under python -O: _item_data must build what ItemData(...) builds.
    raise ImportError("ItemData's fields or construction changed: change _item_data in services/bulk_read.py too")
(_SET_ID, _SET_VERSION, _SET_TRIP_ID, _SET_KIND, _SET_TITLE, _SET_DESCRIPTION, _SET_VENUE_ID, _SET_START, _SET_END,
 _SET_TIMEZONE, _SET_END_TIMEZONE, _SET_HOST_CONTACT_ID, _SET_DRESS_CODE, _SET_TRANSPORT, _SET_EVERYONE,
 _SET_PARTICIPANT_IDS, _SET_HOST_PERSON_ID) = (getattr(ItemData, name).__set__ for name in _ITEM_FIELDS)
_new = object.__new__


def _item_data(
    id: int, version: int, trip_id: int, kind: ItemKind, title: LocalizedText, description: LocalizedText,
    venue_id: int | None, start: datetime, end: datetime, timezone: str, end_timezone: str, host_contact_id: int | None,
    dress_code: LocalizedText, transport: LocalizedText, everyone: bool, participant_ids: tuple[int, ...],
    host_person_id: int | None,
) -> ItemData:
    """ItemData(every field, in order), with each value set straight into its slot (as Record.evolve sets them).

    The frozen dataclass's __init__ sets each field through object.__setattr__, by name; for the
    5,000 items of a large programme that was a quarter of the reading. ItemData has no
    __post_init__ and checks nothing on construction, so the records are the same.
    """
    item = _new(ItemData)
    _SET_ID(item, id)
    _SET_VERSION(item, version)
    _SET_TRIP_ID(item, trip_id)
    _SET_KIND(item, kind)
    _SET_TITLE(item, title)
    _SET_DESCRIPTION(item, description)
    _SET_VENUE_ID(item, venue_id)
    _SET_START(item, start)
    _SET_END(item, end)
    _SET_TIMEZONE(item, timezone)
    _SET_END_TIMEZONE(item, end_timezone)
    _SET_HOST_CONTACT_ID(item, host_contact_id)
    _SET_DRESS_CODE(item, dress_code)
    _SET_TRANSPORT(item, transport)
    _SET_EVERYONE(item, everyone)
    _SET_PARTICIPANT_IDS(item, participant_ids)
    _SET_HOST_PERSON_ID(item, host_person_id)
    return item


def _item_queries(one: bool) -> tuple[Executable, Executable]:
    """The ticks and the columns of a trip's items (`one`: of one of them), by parameters trip_id (and item_id).

    Built once: building a select of fifteen columns took a third of reading one item after an edit.
    """
    where = [_ITEM.c.trip_id == bindparam("trip_id")] + ([_ITEM.c.id == bindparam("item_id")] if one else [])
    ticks: Executable = select(_TICK.c.item_id, _TICK.c.membership_id).join(_ITEM, _ITEM.c.id == _TICK.c.item_id).where(*where)
    columns: Executable = select(
        _ITEM.c.id, _ITEM.c.version, _ITEM.c.kind, _raw_text(_ITEM.c.title), _raw_text(_ITEM.c.description),
        _ITEM.c.venue_id, type_coerce(_ITEM.c.start_utc, _RAW), type_coerce(_ITEM.c.end_utc, _RAW),
        _ITEM.c.timezone, _ITEM.c.end_timezone, _ITEM.c.host_contact_id, _raw_text(_ITEM.c.dress_code),
        _raw_text(_ITEM.c.transport), _ITEM.c.everyone, _ITEM.c.host_person_id,
    ).where(*where)
    return ticks, columns


def _start_then_id(item: ItemData) -> tuple[Any, Any]:
    return item.start, item.id


#: A column read as the driver gives it, without the column type's processing.
_RAW = String()


def _raw_text(column: Column[Any]) -> ColumnElement[str]:
    """A JSON column as its text, on every database (PostgreSQL's driver would decode JSON into a dict)."""
    return cast(column, Text)


#: The queries of _read_items: [a whole trip's, one item's].
_QUERIES = (_item_queries(False), _item_queries(True))


class _Decoded(dict[Any, Any]):
    """Raw database values of one column type and what the type makes of them, each decoded once per read.

    A programme repeats its texts and times (items run in slots, and "{}" is
    every empty text); looking a value up costs a fraction of running the
    type's result processor on each of tens of thousands of cells.
    """

    def __init__(self, column_type: TypeEngine[Any], dialect: Dialect) -> None:
        super().__init__()
        self._process = column_type.result_processor(dialect, None)

    def __missing__(self, raw: Any) -> Any:
        value = self[raw] = raw if self._process is None else self._process(raw)
        return value


def read_members(session: Session, trip_id: int) -> list[tuple[MembershipData, PersonData]]:
    """The delegation in protocol order, each membership with its person."""
    member_names = [c.name for c in _MEMBER.c]
    person_names = [c.name for c in _PERSON.c]
    split = len(member_names)
    rows = session.execute(
        select(*_MEMBER.c, *_PERSON.c)
        .join(_PERSON, _PERSON.c.id == _MEMBER.c.person_id)
        .where(_MEMBER.c.trip_id == trip_id)
        .order_by(_MEMBER.c.protocol_order, _MEMBER.c.id)
    ).all()  # at once, and by position: row by row and by name took four times as long
    found = []
    for row in rows:
        person = dict(zip(person_names, row[split:], strict=True))
        person["preferred_language"] = Language(person["preferred_language"])
        person["sex"] = Sex(person["sex"] or "")
        member = dict(zip(member_names, row[:split], strict=True))
        member["role"] = Role(member["role"])
        found.append((MembershipData(**member), PersonData(**person)))
    return found


def read_people(session: Session) -> list[PersonData]:
    """The whole people directory, by family name, given name and id."""
    found = []
    names = [c.name for c in _PERSON.c]
    with no_collection():
        for row in session.execute(
            select(*_PERSON.c).order_by(_PERSON.c.family_name, _PERSON.c.given_name, _PERSON.c.id)
        ).all():
            fields = dict(zip(names, row, strict=True))
            fields["preferred_language"] = Language(fields["preferred_language"])
            fields["sex"] = Sex(fields["sex"] or "")
            found.append(PersonData(**fields))
    return found


def every_venue() -> Select[Any]:
    """The ids of all venues of the directory."""
    return select(_VENUE.c.id)


def venues_of_items(trip_id: int) -> Select[Any]:
    """The ids of the venues the trip's programme takes place at."""
    return select(_ITEM.c.venue_id).where(_ITEM.c.trip_id == trip_id, _ITEM.c.venue_id.is_not(None))


def venues_of_hosts(trip_id: int) -> Select[Any]:
    """The ids of the venues of the host contacts the trip's programme names."""
    return select(_CONTACT.c.venue_id).join(_ITEM, _ITEM.c.host_contact_id == _CONTACT.c.id).where(_ITEM.c.trip_id == trip_id)


def read_venues(session: Session, *chosen: Select[Any] | Iterable[int]) -> dict[int, VenueData]:
    """The venues whose ids any of `chosen` (queries or ids) gives, by id in id order, with their contacts in id order."""
    conditions: list[ColumnElement[bool]] = []
    for ids in chosen:
        conditions.append(_VENUE.c.id.in_(ids if isinstance(ids, Select) else list(ids)))
    if not conditions:
        return {}
    where = or_(*conditions)
    contacts: dict[int, list[ContactData]] = {}
    names = [c.name for c in _CONTACT.c]
    for row in session.execute(
        select(*_CONTACT.c).where(_CONTACT.c.venue_id.in_(select(_VENUE.c.id).where(where))).order_by(_CONTACT.c.id)
    ).all():
        contact = ContactData(**dict(zip(names, row, strict=True)))
        contacts.setdefault(contact.venue_id, []).append(contact)  # type: ignore[arg-type]
    venues: dict[int, VenueData] = {}
    names = [c.name for c in _VENUE.c]
    for row in session.execute(select(*_VENUE.c).where(where).order_by(_VENUE.c.id)).all():
        fields = dict(zip(names, row, strict=True))
        fields["kind"] = VenueKind(fields["kind"])
        venues[fields["id"]] = VenueData(**fields, contacts=tuple(contacts.get(fields["id"], ())))
    return venues

