"""Emergency contacts entered per trip: the embassy or consulate of the visitors' country where the trip goes.

The emergency page names the delegation's own people and the hosts from the
trip's data; what the data cannot know is which mission helps a citizen who
loses a passport or is taken to hospital. A planner enters it per trip, in
the languages of the documents; a small built-in list suggests the mission
for the demo pairs, marked "to be verified" until someone has checked the
address and number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.domain import validation as v
from planner.domain.entities import Record, _Collector, _localized_optional, _localized_required
from planner.domain.localized import LocalizedText
from planner.i18n import _

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
class _Suggestion:
    visitors: str  # ISO country of the delegation
    country: str  # ISO country the trip goes to
    cities: tuple[str, ...]  # destination cities (any language, case-blind) the mission's district covers
    contact: EmergencyContactData


#: Missions for the pairs of the demo trips. Addresses and numbers as published by the missions
#: when this list was made; they change, hence "to be verified".
SUGGESTIONS: tuple[_Suggestion, ...] = (
    _Suggestion("DE", "CN", ("shenzhen", "深圳", "guangzhou", "广州", "dongguan", "东莞", "foshan", "佛山"), EmergencyContactData(
        name=LocalizedText(
            de="Generalkonsulat der Bundesrepublik Deutschland Guangzhou",
            zh="德意志联邦共和国驻广州总领事馆",
            en="Consulate General of the Federal Republic of Germany Guangzhou",
        ),
        address=LocalizedText(
            de="14. Etage, Main Tower, Guangdong International Hotel, 339 Huanshi Dong Lu, 510098 Guangzhou",
            zh="广州市环市东路339号广东国际大厦主楼14楼，邮编510098",
            en="14th Floor, Main Tower, Guangdong International Hotel, 339 Huanshi Dong Lu, Guangzhou 510098",
        ),
        phone="+86 20 8313 0000",
        to_verify=True,
    )),
    _Suggestion("CN", "DE", ("hannover", "hanover", "汉诺威", "hamburg", "汉堡", "bremen", "不来梅"), EmergencyContactData(
        name=LocalizedText(
            de="Generalkonsulat der Volksrepublik China in Hamburg",
            zh="中华人民共和国驻汉堡总领事馆",
            en="Consulate General of the People's Republic of China in Hamburg",
        ),
        address=LocalizedText(
            de="Elbchaussee 268, 22605 Hamburg",
            zh="德国汉堡市Elbchaussee 268号，邮编22605",
            en="Elbchaussee 268, 22605 Hamburg, Germany",
        ),
        phone="+49 40 8227 6018",
        to_verify=True,
    )),
)


def suggested_contacts(visitors: str, country: str, city: LocalizedText) -> tuple[EmergencyContactData, ...]:
    """The built-in missions of `visitors`' country for a trip to `city` in `country`; () if none is known.

    Only a mission whose district covers the city is suggested: an embassy in the capital
    is no help to a planner who needs the consulate of the province.
    """
    names = {text.strip().casefold() for text in (city.de, city.zh, city.en) if text.strip()}
    return tuple(
        s.contact for s in SUGGESTIONS
        if s.visitors == visitors.upper() and s.country == country.upper() and names & set(s.cities)
    )
