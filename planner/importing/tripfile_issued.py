"""Reading the "issued" part of a trip file: the versions of the itineraries handed out, and what each said.

Each version lists the items printed once; a copy names its items among
them. Items are named "i<n>" (the n-th programme entry) or, deleted since, by
any other text; people by their key or, no longer on the trip, by any other
text. A printout's holder must be in the delegation. A copy's "travel" (its
holder's own flights and pick-up as printed) is optional: older files lack it. Times are checked like the
programme's (their offset must be the zone's at that moment).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from planner.domain.enums import ItemKind, Language
from planner.domain.issued import IssuedRecord, ParticipantSnapshot, SnapshotItem
from planner.domain.localized import LocalizedText
from planner.domain.timing import utc_to_local
from planner.i18n import N_
from planner.importing.tripfile_errors import Location

if TYPE_CHECKING:
    from planner.importing.tripfile_reader import TripDocumentReader, _Keys

_LIVE = re.compile(r"i([0-9]{1,9})")
_LANGUAGES = {language.value for language in Language}


class _Refs:
    """Stand-in numbers for the things a file names that are no longer there: -1, -2, … in order of appearance."""

    def __init__(self) -> None:
        self.gone: dict[str, int] = {}

    def of(self, name: str) -> int:
        return self.gone.setdefault(name, -(len(self.gone) + 1))


def read_issued(reader: TripDocumentReader, person_keys: _Keys, member_of: dict[str, int], programme: int) -> list[IssuedRecord]:
    """The issued versions in bundle terms (see IssuedRecord); `programme` is the number of programme entries."""
    entries = reader.doc.get("issued")
    if not isinstance(entries, list):
        return []
    items, people = _Refs(), _Refs()

    def person(name: Any) -> int:
        if isinstance(name, str) and name in person_keys.index:
            return person_keys.index[name] + 1
        return people.of(str(name))

    records: list[IssuedRecord] = []
    numbers: dict[int, int] = {}
    for v, entry in enumerate(entries):
        where: Location = ("issued", v)
        if not isinstance(entry, dict) or not reader.ok(where):
            continue
        number = reader.get(entry, where, "number", None)
        if isinstance(number, int) and number in numbers:
            reader.problem(where + ("number",), N_("Version {number} is given twice."), number=number)
        elif isinstance(number, int):
            numbers[number] = v
        issued_at = reader.moment(entry, where, "issued_at", None, "")
        delegations: dict[Language, tuple[tuple[int, str], ...]] = {}
        raw_delegations = reader.get(entry, where, "delegation", {})
        for language, group in (raw_delegations.items() if isinstance(raw_delegations, dict) else ()):
            if language in _LANGUAGES and isinstance(group, list):
                delegations[Language(language)] = tuple(
                    (person(d.get("person")), str(d.get("name", ""))) for d in group if isinstance(d, dict)
                )
        printed: dict[str, SnapshotItem] = {}
        raw_items = reader.get(entry, where, "items", [])
        raw_items = raw_items if isinstance(raw_items, list) else []
        listed = {raw.get("item") for raw in raw_items if isinstance(raw, dict)}
        for i, raw in enumerate(raw_items):
            at = where + ("items", i)
            if not isinstance(raw, dict) or not reader.ok(at):
                continue
            name = raw.get("item")
            if isinstance(name, str) and name in printed:
                reader.problem(at + ("item",), N_("“{key}” is listed twice in this version's items."), key=name)
                continue
            found = _item(reader, raw, at, programme, items, person)
            if found is not None:
                printed[name] = found  # _item found a name, so it is a text
        copies: list[ParticipantSnapshot] = []
        holders: set[str] = set()
        raw_copies = reader.get(entry, where, "copies", [])
        for c, copy in enumerate(raw_copies if isinstance(raw_copies, list) else []):
            at = where + ("copies", c)
            if not isinstance(copy, dict) or not reader.ok(at):
                continue
            holder = reader.get(copy, at, "person", None)
            if holder not in member_of:
                if isinstance(holder, str):
                    reader.problem(at + ("person",), N_("“{key}” is not in the delegation, so cannot hold a printout."), key=holder)
                continue
            if holder in holders:
                reader.problem(at + ("person",), N_("“{key}” holds two printouts of the same version."), key=holder)
                continue
            holders.add(holder)
            snapshot_items: list[SnapshotItem] = []
            for n, name in enumerate(reader.get(copy, at, "items", [])):
                if name in printed:
                    snapshot_items.append(printed[name])
                elif isinstance(name, str) and name not in listed:  # one listed but wrong is reported there
                    reader.problem(at + ("items", n), N_("“{key}” is not among the items of this version."), key=name)
            language = Language(reader.get(copy, at, "language", Language.EN.value))
            travel = reader.get(copy, at, "travel", None)  # absent in files written before it was recorded: never compared
            copies.append(ParticipantSnapshot(
                person(holder), language, delegations.get(language, ()), tuple(snapshot_items),
                tuple(str(line) for line in travel) if isinstance(travel, list) else None,
            ))
        if isinstance(number, int) and issued_at is not None:
            records.append(IssuedRecord(number, issued_at, tuple(copies)))
    return sorted(records, key=lambda r: r.number)


def _item(reader: TripDocumentReader, raw: dict[str, Any], at: Location, programme: int, items: _Refs, person: Any) -> SnapshotItem | None:
    name = reader.get(raw, at, "item", None)
    if not isinstance(name, str):
        return None
    live = _LIVE.fullmatch(name)
    if live is not None:
        key = int(live.group(1))
        if not 1 <= key <= programme:
            reader.problem(at + ("item",), N_("There is no programme entry {number}; “i{number}” names the n-th entry of “programme”."), number=key)
            return None
    else:
        key = items.of(name)
    zone = reader.zone(raw, at, "timezone")
    end_name = reader.get(raw, at, "end_timezone", "") or ""
    end_zone = reader.zone(raw, at, "end_timezone") if end_name else zone
    start = reader.moment(raw, at, "start", zone, str(raw.get("timezone", "")))
    end = reader.moment(raw, at, "end", end_zone, end_name or str(raw.get("timezone", "")))
    if zone is None or end_zone is None or start is None or end is None:
        return None
    participants = reader.get(raw, at, "participants", None)
    return SnapshotItem(
        key=key, kind=ItemKind(reader.get(raw, at, "kind", ItemKind.MEETING.value)), title=LocalizedText.from_mapping(reader.get(raw, at, "title", {})),
        start=utc_to_local(start, str(raw["timezone"])), end=utc_to_local(end, end_name or str(raw["timezone"])),
        timezone=str(raw["timezone"]), end_timezone=end_name, venue=LocalizedText.from_mapping(reader.get(raw, at, "venue", {})),
        participants=tuple(person(p) for p in participants) if isinstance(participants, list) else None,
    )
