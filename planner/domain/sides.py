"""Which side of a trip a new person is on, and the language and nationality that side suggests.

A trip has two sides: the hosts, at home in the destination country, and the
delegation, which comes from elsewhere. The trip records only the destination
(`TripData.destination_country`); the delegation's home is read from the
delegation itself (the nationality most of its guests hold), and, while the
delegation is still empty, from the planner's own home country (the office
that plans the trip) if that is not the destination: a planner in Germany
planning a trip to China sends a German delegation, while for a visit to
Germany the guests' home is not known until the first of them is entered.

The result is only a default for a new person's form or a pasted list: the
planner can change both fields, and nothing here is checked or enforced.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from planner.domain.entities import PersonData, TripData
from planner.domain.enums import Language, Role

#: The planner's language for the people of a country; English where neither German nor Chinese is spoken.
_COUNTRY_LANGUAGES: dict[str, Language] = {
    "DE": Language.DE, "AT": Language.DE, "CH": Language.DE, "LI": Language.DE,
    "CN": Language.ZH, "TW": Language.ZH, "HK": Language.ZH, "MO": Language.ZH, "SG": Language.ZH,
}

#: The home country of a planner who works in this interface language (English says nothing about where).
_HOME_BY_INTERFACE: dict[str, str] = {"de": "DE", "zh": "CN"}

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SideDefaults:
    """What a new person on one side of a trip most likely has; empty nationality: not known."""

    language: Language = Language.EN
    nationality: str = ""

    def apply_to(self, person: PersonData) -> PersonData:
        """`person` with these defaults (only the nationality if it is known)."""
        if self.nationality:
            return person.evolve(preferred_language=self.language, nationality=self.nationality)
        return person.evolve(preferred_language=self.language)


def country_language(country: str) -> Language:
    """The planner's language for a person of `country` (German, Chinese, else English)."""
    return _COUNTRY_LANGUAGES.get(country.upper(), Language.EN)


def home_country_for_interface(language: str) -> str:
    """The country of a planner who uses this interface language, or "" when the language does not tell."""
    return _HOME_BY_INTERFACE.get(language, "")


def is_host_side(role: Role | str) -> bool:
    return Role(role) is Role.HOST


def side_defaults(
    trip: TripData, role: Role | str, members: Iterable[tuple[Role | str, PersonData]] = (), home_country: str = "",
) -> SideDefaults:
    """The language and nationality a new person with `role` on `trip` most likely has.

    Hosts are of the destination country. Guests (every other role) are of the
    nationality most of the trip's guests in `members` hold (the language most
    of them prefer); with no guest of known nationality yet, of `home_country`
    (the planner's) unless that is the destination, else unknown.
    """
    destination = trip.destination_country.upper()
    if is_host_side(role):
        if not destination:
            return SideDefaults()
        return SideDefaults(country_language(destination), destination)
    guests = [person for member_role, person in members if not is_host_side(member_role)]
    nationalities = Counter(p.nationality for p in guests if p.nationality and p.nationality.upper() != destination)
    if nationalities:
        nationality = _most_common(nationalities, [p.nationality for p in guests])
        speakers = Counter(Language(p.preferred_language) for p in guests if p.nationality == nationality)
        language = _most_common(speakers, [Language(p.preferred_language) for p in guests]) if speakers else country_language(nationality)
        return SideDefaults(language, nationality)
    home = home_country.upper()
    if home and home != destination:
        return SideDefaults(country_language(home), home)
    languages = Counter(Language(p.preferred_language) for p in guests)
    if languages:  # no nationality recorded, but the guests' language is a hint all the same
        return SideDefaults(_most_common(languages, [Language(p.preferred_language) for p in guests]))
    return SideDefaults()


def _most_common(counts: Counter[T], order: list[T]) -> T:
    """The most frequent value; on a tie the one met first (the higher in the order of precedence)."""
    best = max(counts.values())
    return next(value for value in order if counts.get(value) == best)
