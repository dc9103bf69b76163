"""What the kitchen and the hosts need to know for an item: dietary and accessibility needs, counted.

Needs are free text per person ("vegetarian; nut allergy"), possibly in several
languages at once ("vegetarisch · 素食 · vegetarian", see needs_vocabulary for the
convention). A summary reads the variant in its own language, splits it on commas,
semicolons and line breaks (not inside brackets; in Chinese only on semicolons and
line breaks, since a Chinese sentence lists its details with ，and 、), and counts
each need once per person. Common needs (vegetarian, halal, wheelchair, ...) are
recognised in German, English and Chinese and counted together under a translated
label; anything else is compared case-insensitively as written. So the restaurant
reads "3 vegetarian, 1 halal, 1 nut allergy" instead of a list of names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from babel.lists import format_list

from planner import formatting
from planner.domain.checks.needs_vocabulary import recognise, variant_for
from planner.domain.checks.plan import PlanIndex
from planner.domain.entities import ItemData, PersonData
from planner.domain.names import is_cjk
from planner.i18n import _, current_language

_SEPARATORS = frozenset(",;，；、\n")
_CJK_SEPARATORS = frozenset(";；\n")
_OPENING = frozenset("([{（［【")
_CLOSING = frozenset(")]}）］】")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class NeedCount:
    """One need with how many attendees have it (and who).

    `need` is the N_ label of a known need when `known`, else the need as first written.
    """

    need: str
    count: int
    person_ids: tuple[int, ...] = ()
    known: bool = False

    def label(self, translate: Callable[[str], str]) -> str:
        """The need for a reader: a known need translated by `translate`, any other as written."""
        return translate(self.need) if self.known else self.need


@dataclass(frozen=True, slots=True)
class NeedsSummary:
    attendees: int
    dietary: tuple[NeedCount, ...] = ()
    accessibility: tuple[NeedCount, ...] = ()

    def is_empty(self) -> bool:
        return not (self.dietary or self.accessibility)


def split_needs(text: str) -> list[str]:
    """The separate needs in one variant of a person's free text, spaces tidied, duplicates dropped.

    Commas and semicolons (also the Chinese ones) separate needs, except inside
    brackets: "halal (no pork, no alcohol)" is one need. Text in Chinese script is
    split only on semicolons and line breaks: "行动不便：需乘电梯、尽量缩短步行距离" is one need.
    """
    separators = _CJK_SEPARATORS if is_cjk(text or "") else _SEPARATORS
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text or "":
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
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


def count_needs(texts: Iterable[tuple[int | None, str]], language: str | None = None) -> tuple[NeedCount, ...]:
    """Counts of the same needs over (person id, free text) pairs; most frequent first.

    Each text is read in its variant for `language` (de, en, zh; default the
    interface language); known needs count together whatever language they were
    written in, each need at most once per person.
    """
    language = language or current_language()
    spelling: dict[tuple[bool, str], str] = {}  # (known, key) -> label or need as first written
    counts: dict[tuple[bool, str], int] = {}
    people: dict[tuple[bool, str], list[int]] = {}
    for person_id, text in texts:
        keys: list[tuple[bool, str]] = []
        for need in split_needs(variant_for(text, language)):
            labels = recognise(need)
            found = [(True, label) for label in labels] if labels else [(False, need.casefold())]
            for key in found:
                if key not in keys:
                    keys.append(key)
                    spelling.setdefault(key, key[1] if key[0] else need)
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
            if person_id is not None:
                people.setdefault(key, []).append(person_id)
    result = [NeedCount(spelling[key], counts[key], tuple(people.get(key, ())), key[0]) for key in counts]
    return tuple(sorted(result, key=lambda n: (-n.count, not n.known, n.need.casefold())))


def summarise_needs(people: Iterable[PersonData], language: str | None = None) -> NeedsSummary:
    """The needs of `people`, each text read in its variant for `language` (default the interface language)."""
    group = list(people)
    return NeedsSummary(
        attendees=len(group),
        dietary=count_needs(((p.id, p.dietary_needs) for p in group), language),
        accessibility=count_needs(((p.id, p.accessibility_needs) for p in group), language),
    )


def needs_for_item(index: PlanIndex, item: ItemData, language: str | None = None) -> NeedsSummary:
    """The needs of the members attending `item`, in protocol order."""
    return summarise_needs((p.person for p in index.group(index.attendees(item)).members), language)


def needs_text(counts: Iterable[NeedCount]) -> str:
    """"3 vegetarian, 1 halal and 1 nut allergy" in the active language; "" when nobody has a need."""
    parts = [_("{count} {need}").format(count=formatting.integer(n.count), need=n.label(_)) for n in counts]
    return format_list(parts, locale=formatting.babel_locale()) if parts else ""
