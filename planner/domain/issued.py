"""What one participant received on paper, and what has changed for them since.

When personal itineraries are handed out, each participant's copy is recorded
as a snapshot: the items printed for them with their titles in every language,
local start and end, venue and who else takes part. Comparing that snapshot
with today's programme tells exactly what their printout gets wrong, so a
change notice says only what concerns them and nobody holds a stale programme
without the planner knowing.

A copy also keeps the lines of "Your own travel" as printed (the reader's
flights and trains, and when the car fetches them from the hotel), so a
changed flight or pick-up time makes the printout outdated too. The text is
made by the export layer (planner.export.own_travel) and only stored and
compared here; copies recorded before it was kept have None, which never
counts as a change.

Items are named by a key that is never reused (see planner.db.models.IssuedItem),
not by their database id. Snapshots are plain data; a version's copies are
stored as JSON of their shared content (IssuedContent: each item once) and each
copy's item keys, so they can live in the database and in a trip file alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeVar

from planner.domain.entities import ItemData
from planner.domain.enums import ChangeKind, ItemKind, Language
from planner.domain.localized import LocalizedText
from planner.domain.timing import as_utc, utc_to_local

T = TypeVar("T")

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
    #: The lines of "Your own travel" exactly as printed in `language` (() when it printed none); None where the
    #: copy was recorded before this was kept, or by a caller that did not say.
    travel: tuple[str, ...] | None = None

    def attendees(self, item: SnapshotItem) -> frozenset[int]:
        if item.participants is None:
            return frozenset(pid for pid, _name in self.delegation)
        return frozenset(item.participants)


# --- making a snapshot -------------------------------------------------------------------------


def participant_snapshot(
    membership_id: int, language: Language | str, items: Iterable[ItemData], *, keys: Mapping[int, int],
    venues: Mapping[int, LocalizedText], delegation: Sequence[tuple[int, int, str]],
    printed: dict[int, tuple[int, ...] | None] | None = None, travel: Sequence[str] | None = None,
) -> ParticipantSnapshot:
    """The snapshot of what the itinerary of `membership_id` shows of `items`.

    `keys` gives each item's key by its id, `venues` the venue names by id,
    `delegation` every member in protocol order as (membership id, person id,
    name in `language`). Participants are recorded as the itinerary prints
    them: nobody where no member of the delegation is left out. `printed`
    keeps them by item id between calls for the same delegation (they are the
    same for every reader). `travel` is the reader's own travel as the
    itinerary prints it (None: not known, never compared).
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
    return ParticipantSnapshot(
        person_of[membership_id], Language(language), people, tuple(chosen), tuple(travel) if travel is not None else None
    )


# --- comparing two snapshots -------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class TravelDiff:
    """How the reader's own travel reads now against their printout: the lines as printed and as they would print now.

    Kept as whole lines, not as fields: the reader holds those lines, and the
    notice shows the new ones to replace them. `dropped` and `added` are the
    lines that differ, in order, for a short summary.
    """

    before: tuple[str, ...]
    after: tuple[str, ...]

    @property
    def dropped(self) -> tuple[str, ...]:
        """Lines on the printout that are no longer true."""
        return tuple(line for line in self.before if line not in self.after)

    @property
    def added(self) -> tuple[str, ...]:
        """Lines that would print now and are not on the printout."""
        return tuple(line for line in self.after if line not in self.before)


def diff_travel(before: ParticipantSnapshot | None, after: ParticipantSnapshot | None) -> TravelDiff | None:
    """The change to the reader's own travel lines, or None when they read alike or either side was not recorded.

    A copy recorded before travel was kept (None) says nothing about it, so it
    never makes a printout outdated; an empty tuple (no travel printed) does
    compare. Copies in two languages are not compared (their words differ, not their travel).
    """
    if before is None or after is None or before.travel is None or after.travel is None:
        return None
    if before.language != after.language:  # the same flight worded in two languages is no change
        return None
    if before.travel == after.travel:
        return None
    return TravelDiff(before.travel, after.travel)


# --- one version's copies, stored without repeating an item --------------------------------------


#: The layout of an issued version's content as JSON; content of another layout is refused when read.
CONTENT_FORMAT = 2


@dataclass(frozen=True, slots=True)
class IssuedContent:
    """What one issued version printed, each item once and each language's delegation once.

    A version hands the same items to many people: a briefing is on every
    copy, and an item reads alike on all (titles and venues are kept in every
    language). So a version is stored as its items and, per document
    language, the delegation as named there; a copy is its holder, its
    language and the keys of its items (see `snapshot`). On a 200-person
    trip this is a small fraction of storing every copy in full.

    `items` are in the order of the programme (items at the same time in the
    order the copies first name them), which depends on the copies alone, so
    a trip file written, read and written again is the same.
    """

    items: tuple[SnapshotItem, ...]
    delegations: Mapping[Language, tuple[Person, ...]]
    #: Each copy's own travel lines by its holder's person id; a holder not named here has None (not recorded).
    travel: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    _by_key: dict[int, SnapshotItem] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {i.key: i for i in self.items})  # one lookup table for all its copies

    @classmethod
    def of(cls, snapshots: Iterable[ParticipantSnapshot]) -> IssuedContent:
        """The content the snapshots of one version share; ValueError if two disagree on an item or on a delegation."""
        items: dict[int, SnapshotItem] = {}
        delegations: dict[Language, tuple[Person, ...]] = {}
        travel: dict[int, tuple[str, ...]] = {}
        for snapshot in snapshots:
            if snapshot.travel is not None:
                travel[snapshot.person_id] = snapshot.travel
            if delegations.setdefault(snapshot.language, snapshot.delegation) != snapshot.delegation:
                raise ValueError(f"two delegations in {snapshot.language.value} in one version")
            for item in snapshot.items:
                if items.setdefault(item.key, item) != item:
                    raise ValueError(f"item {item.key} printed in two ways in one version")
        first = {key: n for n, key in enumerate(items)}
        ordered = sorted(items.values(), key=lambda i: (as_utc(i.start), first[i.key]))
        return cls(tuple(ordered), {lang: delegations[lang] for lang in Language if lang in delegations}, travel)

    def snapshot(self, person_id: int, language: Language | str, keys: Iterable[int]) -> ParticipantSnapshot:
        """The copy of `person_id`: the items named by `keys`, in that order; ValueError if one is not in this version."""
        lang = Language(language)
        try:
            items = tuple(self._by_key[key] for key in keys)
        except KeyError as exc:
            raise ValueError(f"item {exc.args[0]} is not in this version") from exc
        return ParticipantSnapshot(person_id, lang, self.delegations.get(lang, ()), items, self.travel.get(person_id))

    def to_json(self) -> dict[str, Any]:
        """The content as JSON-ready data (keys and ids as numbers, times as local ISO 8601 with offset)."""
        data: dict[str, Any] = {
            "format": CONTENT_FORMAT,
            "delegations": {lang.value: [[pid, name] for pid, name in people] for lang, people in self.delegations.items()},
            "items": [_item_to_json(i) for i in self.items],
        }
        if self.travel:  # only then: content recorded without it reads as before (the key is optional in this format)
            data["travel"] = {str(pid): list(lines) for pid, lines in self.travel.items()}
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> IssuedContent:
        """Content read back from `to_json`'s data; ValueError if it is not such content."""
        try:
            if data.get("format") != CONTENT_FORMAT:
                raise ValueError(f"unknown format {data.get('format')!r} of an issued version")
            delegations = {
                Language(lang): tuple((int(pid), str(name)) for pid, name in people) for lang, people in data["delegations"].items()
            }
            travel = {int(pid): tuple(str(line) for line in lines) for pid, lines in (data.get("travel") or {}).items()}
            return cls(tuple(_item_from_json(raw) for raw in data["items"]), delegations, travel)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not an issued version: {exc}") from exc

    def rekeyed(self, *, keys: Mapping[int, int], people: Mapping[int, int]) -> IssuedContent:
        """The content with item keys and person ids replaced, as `rekeyed` does for each of its copies."""
        return IssuedContent(
            tuple(_rekeyed_item(i, keys, people) for i in self.items),
            {lang: tuple((people[pid], name) for pid, name in group) for lang, group in self.delegations.items()},
            {people[pid]: lines for pid, lines in self.travel.items()},
        )

    def person_ids(self) -> set[int]:
        """Everyone the content names: in a delegation or among an item's participants."""
        found = {pid for group in self.delegations.values() for pid, _name in group} | set(self.travel)
        for item in self.items:
            found.update(item.participants or ())
        return found

    def renamed(self, person_id: int, name: str) -> IssuedContent:
        """The content with `person_id` named `name` in every delegation (for erasing a person's data).

        Their own travel lines (flights, booking references) are dropped, so
        their copy no longer compares its travel; where another reader's lines
        name them (met by …), the name is replaced as in the delegations.
        """
        former = sorted({old for people in self.delegations.values() for pid, old in people if pid == person_id and old}, key=len, reverse=True)

        def unnamed(line: str) -> str:
            for old in former:
                line = line.replace(old, name)
            return line

        return replace(
            self,
            delegations={
                lang: tuple((pid, name if pid == person_id else old) for pid, old in people) for lang, people in self.delegations.items()
            },
            travel={pid: tuple(unnamed(line) for line in lines) for pid, lines in self.travel.items() if pid != person_id},
        )


def item_keys(snapshot: ParticipantSnapshot) -> list[int]:
    """What a copy stores besides its holder and language: the keys of its items, in order (see IssuedContent)."""
    return [i.key for i in snapshot.items]


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
    items = tuple(_rekeyed_item(i, keys, people) for i in snapshot.items)
    delegation = tuple((people[pid], name) for pid, name in snapshot.delegation)
    return ParticipantSnapshot(people[snapshot.person_id], snapshot.language, delegation, items, snapshot.travel)


def _rekeyed_item(item: SnapshotItem, keys: Mapping[int, int], people: Mapping[int, int]) -> SnapshotItem:
    return replace(
        item, key=keys[item.key],
        participants=tuple(people[p] for p in item.participants) if item.participants is not None else None,
    )


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
