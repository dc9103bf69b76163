"""When a row is a person the planner already knows, or a person an earlier row already brought.

A row matches a person in the directory when family and given name agree
(ignoring case, accents and spacing) and so does either the e-mail address
or the name in native script: two Wang Weis are common, two Wang Weis with
the same address or the same characters are one person. Within one file,
two rows with the same names and nothing that tells them apart (both without
address and native name) count as one person too.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from planner.domain.entities import PersonData

NameKey = tuple[str, str]


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_key(person: PersonData) -> NameKey:
    return (_folded(person.family_name), _folded(person.given_name))


def _email(person: PersonData) -> str:
    return person.email.strip().casefold()


def _native(person: PersonData) -> str:
    return unicodedata.normalize("NFKC", "".join(person.native_name.split()))


def same_person(a: PersonData, b: PersonData) -> bool:
    """Same names, and the same e-mail address or the same name in native script."""
    if not a.family_name.strip() or name_key(a) != name_key(b):
        return False
    return bool(_email(a) and _email(a) == _email(b)) or bool(_native(a) and _native(a) == _native(b))


def same_row_person(a: PersonData, b: PersonData) -> bool:
    """Within one file: `same_person`, or the same names with neither address nor native name to tell them apart."""
    if same_person(a, b):
        return True
    return (
        bool(a.family_name.strip()) and name_key(a) == name_key(b)
        and _email(a) == _email(b) and _native(a) == _native(b)
    )


class Directory:
    """The people directory, indexed by name for matching rows against it."""

    def __init__(self, people: Iterable[PersonData]) -> None:
        self.people: dict[int, PersonData] = {p.id: p for p in people if p.id is not None}
        self._by_name: dict[NameKey, list[PersonData]] = defaultdict(list)
        for person in self.people.values():
            self._by_name[name_key(person)].append(person)

    def matches(self, person: PersonData) -> tuple[PersonData, ...]:
        return tuple(p for p in self._by_name.get(name_key(person), ()) if same_person(person, p))

    def get(self, person_id: int) -> PersonData | None:
        return self.people.get(person_id)
