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
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from itertools import repeat
from operator import attrgetter
from types import MemberDescriptorType
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    Boolean, ColumnElement, Date, Dialect, FromClause, Select, String, Text, bindparam, cast, or_, select, type_coerce,
)
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import Executable
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.types import LocalizedTextType, UTCDateTime
from planner.domain.entities import ContactData, ItemData, MembershipData, PersonData, VenueData
from planner.domain.enums import ItemKind, Language, Role, Sex, VenueKind

_ITEM = m.ProgrammeItem.__table__
_TICK = m.item_participant
_VENUE = m.Venue.__table__
_CONTACT = m.VenueContact.__table__
_PERSON = m.Person.__table__
_MEMBER = m.Membership.__table__


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
    for item_id, membership_id in raw_rows(session, ticks, params):  # by item, each item's in order
        found = ticked.get(item_id)
        if found is None:
            ticked[item_id] = [membership_id]
        else:
            found.append(membership_id)
    rows = raw_rows(session, columns, params)
    (ids, versions, kinds, titles, descriptions, venue_ids, starts, ends, timezones, end_timezones, host_contact_ids,
     dress_codes, transports, everyones, host_person_ids) = transposed(rows, len(_ITEM_FIELDS) - 2)
    # The texts, times and flags come raw (the JSON as text) and are decoded once per distinct value (see Decoded).
    dialect = session.get_bind().dialect
    texts, moments = Decoded.of(_ITEM.c.title, dialect), Decoded.of(_ITEM.c.start_utc, dialect)
    flags = Decoded.of(_ITEM.c.everyone, dialect)
    for_everyone = list(map(flags.__getitem__, everyones))
    participants = [() if everyone else tuple(ticked.get(item_id, ())) for item_id, everyone in zip(ids, for_everyone)]
    # In ItemData's field order (checked on import, see _ITEM_FIELDS; tests/services/test_bulk_read.py compares
    # every field with the ORM mapping).
    items = records(ItemData, len(rows), (
        ids, versions, repeat(trip_id), map(Decoded(ItemKind).__getitem__, kinds), map(texts.__getitem__, titles),
        map(texts.__getitem__, descriptions), venue_ids, map(moments.__getitem__, starts), map(moments.__getitem__, ends),
        timezones, end_timezones, host_contact_ids, map(texts.__getitem__, dress_codes), map(texts.__getitem__, transports),
        for_everyone, participants, host_person_ids,
    ))
    # Sorted here rather than by the database: no index serves (trip, start), so SQLite sorted
    # all the trip's rows in a temporary B-tree, which took longer than sorting the records.
    in_time_order(items)
    return items


def in_time_order(items: list[ItemData]) -> None:
    """Sorts saved items in place by start, then id (read_items' order).

    By id, then by start: both sorts are stable, so this is (start, id) order; two sorts on a single
    field took two thirds of one on a (start, id) tuple made per item (the first finds SQLite's rows
    in id order already, as its index on the trip gives them).
    """
    items.sort(key=_ID)
    items.sort(key=_START)


_ITEM_FIELDS = (
    "id", "version", "trip_id", "kind", "title", "description", "venue_id", "start", "end", "timezone", "end_timezone",
    "host_contact_id", "dress_code", "transport", "everyone", "participant_ids", "host_person_id",
)
if tuple(f.name for f in fields(ItemData)) != _ITEM_FIELDS:
    # Checked on import, also under python -O: _read_items gives records() the columns in this order.
    raise ImportError("ItemData's fields changed: change _read_items in services/bulk_read.py too")
_ID, _START = attrgetter("id"), attrgetter("start")


def _item_queries(one: bool) -> tuple[Executable, Executable]:
    """The ticks and the columns of a trip's items (`one`: of one of them), by parameters trip_id (and item_id).

    Built once: building a select of fifteen columns took a third of reading one item after an edit.
    """
    where = [_ITEM.c.trip_id == bindparam("trip_id")] + ([_ITEM.c.id == bindparam("item_id")] if one else [])
    # In item order, each item's participants in id order: on SQLite the order the index search gives anyway (no sort).
    ticks: Executable = (
        select(_TICK.c.item_id, _TICK.c.membership_id).join(_ITEM, _ITEM.c.id == _TICK.c.item_id).where(*where)
        .order_by(_ITEM.c.id, _TICK.c.membership_id)
    )
    columns: Executable = select(
        _ITEM.c.id, _ITEM.c.version, _ITEM.c.kind, _raw_text(_ITEM.c.title), _raw_text(_ITEM.c.description),
        _ITEM.c.venue_id, type_coerce(_ITEM.c.start_utc, _RAW), type_coerce(_ITEM.c.end_utc, _RAW),
        _ITEM.c.timezone, _ITEM.c.end_timezone, _ITEM.c.host_contact_id, _raw_text(_ITEM.c.dress_code),
        _raw_text(_ITEM.c.transport), _ITEM.c.everyone, _ITEM.c.host_person_id,
    ).where(*where)
    return ticks, columns


#: A column read as the driver gives it, without the column type's processing.
_RAW = String()


def _raw_text(column: ColumnElement[Any]) -> ColumnElement[str]:
    """A JSON column as its text, on every database (PostgreSQL's driver would decode JSON into a dict)."""
    return cast(column, Text)


#: The queries of _read_items: [a whole trip's, one item's].
_QUERIES = (_item_queries(False), _item_queries(True))


class Decoded(dict[Any, Any]):
    """Raw database values and what they decode to, each distinct value decoded once per read.

    A trip repeats its values (items run in slots, "{}" is every empty text, a role or a
    date recurs for many members); looking a value up costs a fraction of running the
    type's result processor on each of tens of thousands of cells, and
    `map(decoded.__getitem__, column)` decodes a whole column without a Python step per cell.
    `decode` is any function of one raw value (an enum: an unknown value raises as the enum
    itself does), or None to keep the values as they are.
    """

    def __init__(self, decode: Callable[[Any], Any] | None) -> None:
        super().__init__()
        self._decode = decode

    @classmethod
    def of(cls, column: ColumnElement[Any], dialect: Dialect) -> Decoded:
        """The column's values as its type makes them on this database (Date, UTCDateTime, Boolean, and a
        LocalizedTextType read as its JSON text: see _raw).

        The dialect's own variant of the type decides, as in SQLAlchemy's result processing: a Date is text to
        parse on SQLite and a date already on PostgreSQL. Not for a Float or Numeric: their processors on
        PostgreSQL need the driver's type code.
        """
        return cls(column.type.dialect_impl(dialect).result_processor(dialect, None))

    @property
    def keeps_values(self) -> bool:
        """Whether every value decodes to itself (no decoding to do)."""
        return self._decode is None

    def __missing__(self, raw: Any) -> Any:
        value = self[raw] = raw if self._decode is None else self._decode(raw)
        return value


R = TypeVar("R")
_new = object.__new__
#: The slot setters of each record class's fields, in field order (see records).
_SETTERS: dict[type, tuple[Callable[[Any, Any], None], ...]] = {}


def records(cls: type[R], count: int, columns: Iterable[Iterable[Any]]) -> list[R]:
    """`count` records of `cls`, whose fields take their values, in field order, from `columns` (one per field).

    The same records as [cls(*values) for values in zip(*columns)]: each column's values are set
    straight into the field's slot (its member descriptor's __set__), in loops that run in C (map,
    consumed by a deque of length 0) rather than a Python step per record and field. A frozen
    dataclass's __init__ sets each field through object.__setattr__ by name, and keywords
    (cls(**row)) cost more still: for the 5,000 items of a large programme that was a quarter of
    their reading. Only for classes whose __init__ does nothing else (checked, see _field_setters).
    Each column must give at least `count` values (itertools.repeat for a value they all share).
    """
    setters = _SETTERS.get(cls)
    if setters is None:
        setters = _SETTERS[cls] = _field_setters(cls)
    made = list(map(_new, repeat(cls, count)))
    for set_field, values in zip(setters, columns, strict=True):  # strict: a field without its column is an error
        deque(map(set_field, made, values), maxlen=0)
    return made


def _field_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of `cls`'s fields' slots; refused for a class whose construction does more than set its fields."""
    found = fields(cls) if is_dataclass(cls) else ()
    slots = [getattr(cls, f.name, None) for f in found]
    if not found or hasattr(cls, "__post_init__") or any(not f.init for f in found) or not all(
        isinstance(slot, MemberDescriptorType) for slot in slots
    ):
        raise TypeError(f"records() builds only slotted dataclasses whose __init__ sets every field, not {cls.__name__}")
    return tuple(slot.__set__ for slot in slots)  # type: ignore[union-attr]


def _raw(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """A column as the driver gives it (a multilingual text as its JSON text), for raw_rows and Decoded.of.

    Not for a plain JSON column: PostgreSQL's driver decodes those itself, and their type leaves the text as it is.
    """
    if isinstance(column.type, LocalizedTextType):
        return _raw_text(column)
    return type_coerce(column, _RAW)


class TableRecords(Generic[R]):
    """How one record class is read from plain rows: a column per field, each value decoded once.

    The columns are those named as the fields (or as `columns` says), selected raw (see _raw) for
    raw_rows; `build` makes the records from their values as services.mapping makes them from ORM
    rows: each value decoded as its column's type decodes it (dates, times, booleans, multilingual
    texts) or by `convert` for its field (an enum for the stored text), each distinct value once
    (see Decoded), the records built column by column (see records). Fields after the read ones
    (a venue's contacts) are given to `build` by the caller.
    """

    def __init__(
        self, cls: type[R], table: FromClause, *, columns: Mapping[str, str] | None = None,
        convert: Mapping[str, Callable[[Any], Any]] | None = None, given: int = 0,
    ) -> None:
        names = [f.name for f in fields(cls)]  # type: ignore[arg-type]  # a dataclass: records() checks
        read = names[:len(names) - given]
        self.cls = cls
        self.columns = tuple(table.c[(columns or {}).get(name, name)] for name in read)
        self.selected = tuple(_raw(column) for column in self.columns)
        self._convert = tuple((convert or {}).get(name) for name in read)
        unknown = set(convert or {}) - {name for name, column in zip(read, self.columns) if not _decoded(column)}
        if unknown:
            raise ValueError(f"{cls.__name__}: no field {', '.join(sorted(unknown))} of a column read as it comes to convert")

    def build(self, dialect: Dialect, values: Sequence[Sequence[Any]], *given: Iterable[Any]) -> list[R]:
        """The records whose read fields hold `values` (the selected columns' raw values, column by column)."""
        count = len(values[0]) if values else 0
        columns: list[Iterable[Any]] = []
        for column, raw, convert in zip(self.columns, values, self._convert, strict=True):
            decoded = Decoded.of(column, dialect) if _decoded(column) else Decoded(convert)
            columns.append(raw if decoded.keeps_values else map(decoded.__getitem__, raw))
        return records(self.cls, count, (*columns, *given))

    def read(self, session: Session, statement: Executable, params: dict[str, Any]) -> list[R]:
        """The records of the rows of `statement`, a select of `selected` (and nothing else)."""
        values = transposed(raw_rows(session, statement, params), len(self.columns))
        return self.build(session.get_bind().dialect, values)


def _decoded(column: ColumnElement[Any]) -> bool:
    """Whether a column's raw values need its type's decoding (see Decoded.of; other types are read as they come)."""
    return isinstance(column.type, (LocalizedTextType, UTCDateTime, Date, Boolean))


def transposed(rows: Sequence[tuple[Any, ...]], width: int) -> list[tuple[Any, ...]]:
    """The values of `rows` column by column; `width` empty columns for no rows."""
    return list(zip(*rows)) if rows else [()] * width


_MEMBERSHIPS = TableRecords(MembershipData, _MEMBER, convert={"role": Role})
_PEOPLE = TableRecords(PersonData, _PERSON, convert={"preferred_language": Language, "sex": lambda sex: Sex(sex or "")})
#: The delegation with its persons (parameter trip_id), built once.
_MEMBERS_OF_TRIP = (
    select(*_MEMBERSHIPS.selected, *_PEOPLE.selected)
    .join(_PERSON, _PERSON.c.id == _MEMBER.c.person_id)
    .where(_MEMBER.c.trip_id == bindparam("trip_id"))
    .order_by(_MEMBER.c.protocol_order, _MEMBER.c.id)
)


def read_members(session: Session, trip_id: int) -> list[tuple[MembershipData, PersonData]]:
    """The delegation in protocol order, each membership with its person."""
    rows = raw_rows(session, _MEMBERS_OF_TRIP, {"trip_id": trip_id})
    split = len(_MEMBERSHIPS.columns)
    values = transposed(rows, split + len(_PEOPLE.columns))
    dialect = session.get_bind().dialect
    return list(zip(_MEMBERSHIPS.build(dialect, values[:split]), _PEOPLE.build(dialect, values[split:])))


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


_CONTACTS = TableRecords(ContactData, _CONTACT)
_VENUES = TableRecords(VenueData, _VENUE, convert={"kind": VenueKind}, given=1)  # given: the contacts


def _venue_queries(chosen: ColumnElement[bool]) -> tuple[Select[Any], Select[Any]]:
    """The contacts (in id order) and the venues (in id order) whose venue ids meet `chosen`."""
    return (
        select(*_CONTACTS.selected).where(_CONTACT.c.venue_id.in_(select(_VENUE.c.id).where(chosen))).order_by(_CONTACT.c.id),
        select(*_VENUES.selected).where(chosen).order_by(_VENUE.c.id),
    )


#: The contacts and venues of the ids given as the parameter ids (a list), built once.
_VENUES_BY_ID = _venue_queries(_VENUE.c.id.in_(bindparam("ids", expanding=True)))


def read_venues(session: Session, *chosen: Select[Any] | Iterable[int]) -> dict[int, VenueData]:
    """The venues whose ids any of `chosen` (queries or ids) gives, by id in id order, with their contacts in id order."""
    if not chosen:
        return {}
    if len(chosen) == 1 and not isinstance(chosen[0], Select):  # the checks' case: the statements built once
        params: dict[str, Any] | None = {"ids": list(chosen[0])}
        contact_query, venue_query = _VENUES_BY_ID
    else:
        params = None
        contact_query, venue_query = _venue_queries(
            or_(*(_VENUE.c.id.in_(ids if isinstance(ids, Select) else list(ids)) for ids in chosen))
        )
    dialect = session.get_bind().dialect
    contacts: dict[int, list[ContactData]] = {}
    for contact in _CONTACTS.build(dialect, transposed(raw_rows(session, contact_query, params), len(_CONTACTS.columns))):
        found = contacts.get(contact.venue_id)  # type: ignore[arg-type]
        if found is None:
            contacts[contact.venue_id] = [contact]  # type: ignore[index]
        else:
            found.append(contact)
    values = transposed(raw_rows(session, venue_query, params), len(_VENUES.columns))
    ids = values[0]
    made = _VENUES.build(dialect, values, (tuple(contacts.get(venue_id, ())) for venue_id in ids))
    return dict(zip(ids, made))
