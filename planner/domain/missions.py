"""Emergency contacts entered per trip: the embassy or consulate of the visitors' country where the trip goes.

The emergency page names the delegation's own people and the hosts from the
trip's data; what the data cannot know is which mission helps a citizen who
loses a passport or is taken to hospital. A planner enters it per trip, in
the languages of the documents; a small built-in list (resources/missions.json)
suggests the mission for the demo pairs, marked "to be verified" until someone
has checked the address and number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from planner.domain import validation as v
from planner.domain.entities import Record, _Collector, _localized_optional, _localized_required
from planner.domain.errors import PlannerError
from planner.domain.localized import LocalizedText
from planner.i18n import _
from planner.paths import MISSIONS

#: At most this many per trip: an embassy, a consulate or two, a honorary consul.
MAX_CONTACTS = 10


@dataclass(frozen=True, slots=True)
class EmergencyContactData(Record):
    """One mission (or other emergency contact) of a trip, printed on the emergency page of every document."""

    trip_id: int | None = None
    name: LocalizedText = field(default_factory=LocalizedText)
    address: LocalizedText = field(default_factory=LocalizedText)
    phone: str = ""
    #: A suggestion nobody has checked yet: printed, but flagged in the editor until confirmed.
    to_verify: bool = False

    def validated(self) -> EmergencyContactData:
        c = _Collector()
        name = c.run(lambda: _localized_required(self.name, "name", _("Name")), self.name)
        address = c.run(lambda: _localized_optional(self.address, "address", _("Address"), v.MAX_NAME * 3), self.address)
        phone = c.run(lambda: v.phone(self.phone), "")
        c.raise_if_any()
        return self.evolve(name=name, address=address, phone=phone, to_verify=bool(self.to_verify))


@dataclass(frozen=True, slots=True)
class MissionSuggestion:
    """A built-in mission and where it helps: delegations from `visitors` on a trip to `cities` in `country`."""

    visitors: str  # ISO country of the delegation
    country: str  # ISO country the trip goes to
    cities: frozenset[str]  # destination cities (any language, folded) the mission's district covers
    contact: EmergencyContactData


def read_suggestions(path: Path = MISSIONS) -> tuple[MissionSuggestion, ...]:
    """The missions listed in `path` (resources/missions.json), each checked as a planner's entry would be.

    The list is data, not code: addresses and numbers change, and a correction should
    not mean editing Python. A record that does not validate is a fault of the shipped
    file, so it fails loudly (ValueError naming the record) rather than being skipped.
    """
    records = json.loads(path.read_text(encoding="utf-8"))["missions"]
    found: list[MissionSuggestion] = []
    for number, record in enumerate(records, start=1):
        try:
            contact = EmergencyContactData(
                name=LocalizedText.from_mapping(record["name"]), address=LocalizedText.from_mapping(record.get("address")),
                phone=record.get("phone", ""), to_verify=True,
            ).validated()
            visitors, country = v.country(record["visitors"], "visitors"), v.country(record["country"], "country")
            cities = frozenset(city.strip().casefold() for city in record["cities"] if city.strip())
        except (KeyError, TypeError, AttributeError, PlannerError) as exc:
            raise ValueError(f"{path}: mission {number} is not valid: {exc!r}") from exc
        if not (visitors and country and cities):
            raise ValueError(f"{path}: mission {number} lacks the visitors' country, the country or the cities")
        found.append(MissionSuggestion(visitors, country, cities, contact))
    return tuple(found)


@cache
def _suggestions() -> tuple[MissionSuggestion, ...]:
    return read_suggestions()


def suggested_contacts(visitors: str, country: str, city: LocalizedText) -> tuple[EmergencyContactData, ...]:
    """The built-in missions of `visitors`' country for a trip to `city` in `country`; () if none is known.

    Only a mission whose district covers the city is suggested: an embassy in the capital
    is no help to a planner who needs the consulate of the province.
    """
    names = {text.strip().casefold() for text in (city.de, city.zh, city.en) if text.strip()}
    return tuple(
        s.contact for s in _suggestions()
        if s.visitors == visitors.upper() and s.country == country.upper() and names & s.cities
    )
