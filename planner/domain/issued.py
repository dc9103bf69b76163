"""What one participant received on paper, and what has changed for them since.

When personal itineraries are handed out, each participant's copy is recorded
as a snapshot: the items printed for them with their titles in every language,
local start and end, venue and who else takes part. Comparing that snapshot
with today's programme tells exactly what their printout gets wrong, so a
change notice says only what concerns them and nobody holds a stale programme
without the planner knowing.

Items are named by a key that is never reused (see planner.db.models.IssuedItem),
not by their database id. Snapshots are plain data and JSON, so they can live
in the database and in a trip file alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind, Language
from planner.domain.localized import LocalizedText
from planner.domain.timing import as_utc, utc_to_local

T = TypeVar("T")

#: The layout of a snapshot as JSON; a snapshot of another layout is refused when read.
SNAPSHOT_FORMAT = 1

#: (person id, name as a reader of the snapshot's language reads it)
Person = tuple[int, str]


@dataclass(frozen=True, slots=True)
class SnapshotItem:
    """One programme item as it was printed for one participant.

    `start` and `end` are aware local times of `timezone` and of the arrival
    zone; `participants` are the person ids printed as taking part, or None
    where the itinerary names nobody because the whole delegation comes.
    """

    key: int
    kind: ItemKind
    title: LocalizedText
    start: datetime
    end: datetime
    timezone: str
    end_timezone: str
    venue: LocalizedText
    participants: tuple[int, ...] | None

    @property
    def arrival_timezone(self) -> str:
        return self.end_timezone or self.timezone


@dataclass(frozen=True, slots=True)
class ParticipantSnapshot:
    """Everything a participant's itinerary said that a change can make wrong.

    `delegation` is everyone on the trip at the time, in protocol order, with
    names in `language`: it resolves an item for the whole delegation into
    people, and names whoever left an item since. People are named by their
    person id, which stays when someone is taken off the delegation and put
    back (a membership would be new).
    """

    person_id: int
    language: Language
    delegation: tuple[Person, ...]
    items: tuple[SnapshotItem, ...]

    def attendees(self, item: SnapshotItem) -> frozenset[int]:
        if item.participants is None:
            return frozenset(pid for pid, _name in self.delegation)
        return frozenset(item.participants)

    def name_of(self, person_id: int) -> str:
        for pid, name in self.delegation:
            if pid == person_id:
                return name
        return ""


# --- making a snapshot -------------------------------------------------------------------------


def participant_snapshot(
    membership_id: int, language: Language | str, items: Iterable[ItemData], *, keys: Mapping[int, int],
    venues: Mapping[int, LocalizedText], delegation: Sequence[tuple[int, int, str]],
    printed: dict[int, tuple[int, ...] | None] | None = None,
) -> ParticipantSnapshot:
    """The snapshot of what the itinerary of `membership_id` shows of `items`.

    `keys` gives each item's key by its id, `venues` the venue names by id,
    `delegation` every member in protocol order as (membership id, person id,
    name in `language`). Participants are recorded as the itinerary prints
    them: nobody where no member of the delegation is left out. `printed`
    keeps them by item id between calls for the same delegation (they are the
    same for every reader).
    """
    person_of = {mid: pid for mid, pid, _name in delegation}
    everyone = [mid for mid, _pid, _name in delegation]
    chosen: list[SnapshotItem] = []
    for item in items:
        if item.id is None or item.start is None or item.end is None or not item.attended_by(membership_id):
            continue
        participants: tuple[int, ...] | None = None
        if not item.everyone:
            if printed is not None and item.id in printed:
                participants = printed[item.id]
            else:
                ticked = set(item.participant_ids)
                attending = [mid for mid in everyone if mid in ticked]
                participants = None if len(attending) == len(everyone) else tuple(person_of[mid] for mid in attending)
                if printed is not None:
                    printed[item.id] = participants
        chosen.append(
            SnapshotItem(
                key=keys[item.id], kind=ItemKind(item.kind), title=item.title,
                start=item.local_start(), end=item.local_end(), timezone=item.timezone, end_timezone=item.end_timezone,
                venue=venues.get(item.venue_id, LocalizedText()) if item.venue_id is not None else LocalizedText(),
                participants=participants,
            )
        )
    chosen.sort(key=lambda i: (as_utc(i.start), i.key))
    people = tuple((pid, name) for _mid, pid, name in delegation)
    return ParticipantSnapshot(person_of[membership_id], Language(language), people, tuple(chosen))


# --- comparing two snapshots -------------------------------------------------------------------


class ChangeKind(StrEnum):
    ADDED = "added"
    CANCELLED = "cancelled"
    MOVED = "moved"
    RENAMED = "renamed"
    VENUE = "venue"
    PARTICIPANTS = "participants"


@dataclass(frozen=True, slots=True)
class ItemDiff:
    """How one item differs for one reader between what they hold (`before`) and what is true now (`after`)."""

    key: int
    before: SnapshotItem | None
    after: SnapshotItem | None
    kinds: tuple[ChangeKind, ...]
    joined: tuple[Person, ...] = ()  # now also taking part (not the reader)
    left: tuple[Person, ...] = ()  # no longer taking part (not the reader)

    @property
    def item(self) -> SnapshotItem:
        """The item as it is now, or as it was if it is cancelled."""
        found = self.after or self.before
        assert found is not None
        return found

    def signature(self) -> tuple[Any, ...]:
        """What this change is, apart from whom it concerns: equal for everyone the same change touches alike."""
        return (
            self.key, self.kinds, self.before, self.after,
            tuple(pid for pid, _n in self.joined), tuple(pid for pid, _n in self.left),
        )


def _moved(before: SnapshotItem, after: SnapshotItem) -> bool:
    return (before.start, before.end, before.timezone, before.arrival_timezone) != (
        after.start, after.end, after.timezone, after.arrival_timezone
    )


def _compare(before: ParticipantSnapshot, after: ParticipantSnapshot, was: SnapshotItem, now: SnapshotItem) -> ItemDiff | None:
    kinds: list[ChangeKind] = []
    if _moved(was, now):
        kinds.append(ChangeKind.MOVED)
    if was.title != now.title:
        kinds.append(ChangeKind.RENAMED)
    if was.venue != now.venue:
        kinds.append(ChangeKind.VENUE)
    joined: tuple[Person, ...] = ()
    left: tuple[Person, ...] = ()
    if was.participants != now.participants:
        then_ids, now_ids = before.attendees(was), after.attendees(now)
        if then_ids != now_ids:
            gained, lost = now_ids - then_ids - {after.person_id}, then_ids - now_ids - {after.person_id}
            joined = tuple((pid, name) for pid, name in after.delegation if pid in gained)
            left = tuple((pid, name) for pid, name in before.delegation if pid in lost)
            if joined or left:
                kinds.append(ChangeKind.PARTICIPANTS)
    if not kinds:
        return None
    return ItemDiff(now.key, was, now, tuple(kinds), joined, left)


def diff_snapshots(before: ParticipantSnapshot | None, after: ParticipantSnapshot | None) -> tuple[ItemDiff, ...]:
    """What differs for the reader between two of their snapshots, in the order of the programme.

    A missing snapshot counts as one without items. Time, title, venue and
    participants are compared as the itinerary prints them; a change that was
    made and undone leaves nothing. An item that was deleted and put back
    (undo) has a new key; it is taken for the old one where nothing else
    about it differs.
    """
    reader = after if after is not None else before
    if reader is None:
        return ()
    old_snapshot = before if before is not None else ParticipantSnapshot(reader.person_id, reader.language, (), ())
    new_snapshot = after if after is not None else ParticipantSnapshot(reader.person_id, reader.language, (), ())
    old = {i.key: i for i in old_snapshot.items}
    new = {i.key: i for i in new_snapshot.items}
    found: list[ItemDiff] = []
    for key in old.keys() & new.keys():
        change = _compare(old_snapshot, new_snapshot, old[key], new[key])
        if change is not None:
            found.append(change)
    gone = [old[k] for k in sorted(old.keys() - new.keys())]
    came = [new[k] for k in sorted(new.keys() - old.keys())]
    for was in list(gone):
        twin = next((now for now in came if _compare(old_snapshot, new_snapshot, was, now) is None), None)
        if twin is not None:
            gone.remove(was)
            came.remove(twin)
    found += [ItemDiff(i.key, i, None, (ChangeKind.CANCELLED,)) for i in gone]
    found += [ItemDiff(i.key, None, i, (ChangeKind.ADDED,)) for i in came]
    found.sort(key=lambda d: (as_utc(d.item.start), d.key))
    return tuple(found)


# --- JSON --------------------------------------------------------------------------------------


def snapshot_to_json(snapshot: ParticipantSnapshot) -> dict[str, Any]:
    """The snapshot as JSON-ready data (keys and ids as numbers, times as local ISO 8601 with offset)."""
    return {
        "format": SNAPSHOT_FORMAT,
        "language": snapshot.language.value,
        "delegation": [[pid, name] for pid, name in snapshot.delegation],
        "items": [_item_to_json(i) for i in snapshot.items],
    }


def _item_to_json(item: SnapshotItem) -> dict[str, Any]:
    return {
        "key": item.key,
        "kind": item.kind.value,
        "title": item.title.to_mapping(),
        "start": item.start.isoformat(),
        "end": item.end.isoformat(),
        "timezone": item.timezone,
        "end_timezone": item.end_timezone,
        "venue": item.venue.to_mapping(),
        "participants": list(item.participants) if item.participants is not None else None,
    }


def snapshot_from_json(person_id: int, data: Mapping[str, Any]) -> ParticipantSnapshot:
    """A snapshot read back from `snapshot_to_json`'s data; ValueError if it is not one."""
    try:
        if data.get("format") != SNAPSHOT_FORMAT:
            raise ValueError(f"unknown snapshot format {data.get('format')!r}")
        delegation = tuple((int(pid), str(name)) for pid, name in data["delegation"])
        items = tuple(_item_from_json(raw) for raw in data["items"])
        return ParticipantSnapshot(person_id, Language(data["language"]), delegation, items)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a snapshot: {exc}") from exc


def _item_from_json(raw: Mapping[str, Any]) -> SnapshotItem:
    timezone = str(raw["timezone"])
    end_timezone = str(raw.get("end_timezone") or "")
    participants = raw.get("participants")
    return SnapshotItem(
        key=int(raw["key"]),
        kind=ItemKind(raw["kind"]),
        title=LocalizedText.from_mapping(raw.get("title")),
        start=utc_to_local(_aware(raw["start"]), timezone),
        end=utc_to_local(_aware(raw["end"]), end_timezone or timezone),
        timezone=timezone,
        end_timezone=end_timezone,
        venue=LocalizedText.from_mapping(raw.get("venue")),
        participants=tuple(int(p) for p in participants) if participants is not None else None,
    )


def _aware(text: str) -> datetime:
    moment = datetime.fromisoformat(str(text))
    if moment.tzinfo is None:
        raise ValueError(f"time without offset: {text!r}")
    return moment


def rekeyed(snapshot: ParticipantSnapshot, *, keys: Mapping[int, int], people: Mapping[int, int]) -> ParticipantSnapshot:
    """The snapshot with item keys and person ids replaced (for a trip file's stand-ins and back)."""
    items = tuple(
        SnapshotItem(
            key=keys[i.key], kind=i.kind, title=i.title, start=i.start, end=i.end, timezone=i.timezone,
            end_timezone=i.end_timezone, venue=i.venue,
            participants=tuple(people[p] for p in i.participants) if i.participants is not None else None,
        )
        for i in snapshot.items
    )
    delegation = tuple((people[pid], name) for pid, name in snapshot.delegation)
    return ParticipantSnapshot(people[snapshot.person_id], snapshot.language, delegation, items)


def group_changes(per_reader: Iterable[tuple[T, Sequence[ItemDiff]]]) -> list[tuple[ItemDiff, list[T]]]:
    """The same change seen by several readers, once, with everyone it concerns; in the order of the programme.

    For a trip-wide view ("the EMAX visit moved: 23 people"); readers are
    whatever the caller passes (members, names).
    """
    groups: dict[tuple[Any, ...], tuple[ItemDiff, list[T]]] = {}
    for reader, changes in per_reader:
        for change in changes:
            groups.setdefault(change.signature(), (change, []))[1].append(reader)
    return sorted(groups.values(), key=lambda group: (as_utc(group[0].item.start), group[0].key, group[0].kinds))


def with_names(change: ItemDiff, names: Mapping[int, str]) -> ItemDiff:
    """The change with people named as in `names` (person id -> name) where it has them, e.g. in the language of a screen."""
    return replace(
        change,
        joined=tuple((pid, names.get(pid, name)) for pid, name in change.joined),
        left=tuple((pid, names.get(pid, name)) for pid, name in change.left),
    )


@dataclass(frozen=True, slots=True)
class IssuedRecord:
    """One issued version as plain data, for a trip file and back.

    Its snapshots name items and people as a TripBundle does: a positive key
    is the id of an item in the bundle, a negative one an item deleted since
    (the same number for the same item); a positive person id is a person of
    the bundle, a negative one somebody no longer in the delegation.
    """

    number: int
    issued_at: datetime  # aware
    copies: tuple[ParticipantSnapshot, ...]
