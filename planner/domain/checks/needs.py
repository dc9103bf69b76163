"""What the kitchen and the hosts need to know for an item: dietary and accessibility needs, counted.

Needs are free text per person ("vegetarian; nut allergy"). Split on commas,
semicolons and line breaks (not inside brackets) and compared case-insensitively,
the same need written by several people is counted once per person, so the
restaurant reads "3 vegetarian, 1 halal, 1 nut allergy" instead of a list of names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from babel.lists import format_list

from planner import formatting
from planner.domain.checks.plan import PlanIndex
from planner.domain.entities import ItemData, PersonData
from planner.i18n import _

_SEPARATORS = frozenset(",;，；、\n")
_OPENING = frozenset("([{（［【")
_CLOSING = frozenset(")]}）］】")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class NeedCount:
    """One need, as first written, with how many attendees have it (and who)."""

    need: str
    count: int
    person_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class NeedsSummary:
    attendees: int
    dietary: tuple[NeedCount, ...] = ()
    accessibility: tuple[NeedCount, ...] = ()

    def is_empty(self) -> bool:
        return not (self.dietary or self.accessibility)


def split_needs(text: str) -> list[str]:
    """The separate needs in one person's free text, spaces tidied, duplicates dropped.

    Commas and semicolons (also the Chinese ones) separate needs, except inside
    brackets: "halal (no pork, no alcohol)" is one need.
    """
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text or "":
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _SEPARATORS:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    seen: set[str] = set()
    needs: list[str] = []
    for part in parts:
        need = _SPACES.sub(" ", part).strip().rstrip(".。")
        key = need.casefold()
        if need and key not in seen:
            seen.add(key)
            needs.append(need)
    return needs


def count_needs(texts: Iterable[tuple[int | None, str]]) -> tuple[NeedCount, ...]:
    """Counts of identical needs over (person id, free text) pairs; most frequent first."""
    spelling: dict[str, str] = {}  # casefolded need -> as first written
    counts: dict[str, int] = {}
    people: dict[str, list[int]] = {}
    for person_id, text in texts:
        for need in split_needs(text):
            key = need.casefold()
            spelling.setdefault(key, need)
            counts[key] = counts.get(key, 0) + 1
            if person_id is not None:
                people.setdefault(key, []).append(person_id)
    result = [NeedCount(spelling[key], counts[key], tuple(people.get(key, ()))) for key in counts]
    return tuple(sorted(result, key=lambda n: (-n.count, n.need.casefold())))


def summarise_needs(people: Iterable[PersonData]) -> NeedsSummary:
    group = list(people)
    return NeedsSummary(
        attendees=len(group),
        dietary=count_needs((p.id, p.dietary_needs) for p in group),
        accessibility=count_needs((p.id, p.accessibility_needs) for p in group),
    )


def needs_for_item(index: PlanIndex, item: ItemData) -> NeedsSummary:
    """The needs of the members attending `item`, in protocol order."""
    return summarise_needs(p.person for p in index.group(index.attendees(item)).members)


def needs_text(counts: Iterable[NeedCount]) -> str:
    """"3 vegetarian, 1 halal and 1 nut allergy" in the active language; "" when nobody has a need."""
    parts = [_("{count} {need}").format(count=formatting.integer(n.count), need=n.need) for n in counts]
    return format_list(parts, locale=formatting.babel_locale()) if parts else ""
