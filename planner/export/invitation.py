"""What an invitation letter says, decided apart from how it is printed.

The host writes the letter a consulate asks for: in the host country's
language and in English (Chinese and English for a trip to China, German and
English for a visit to Germany), naming the invited people with their passport
details, the purpose, the dates, the cities and sites, and who bears the costs.

The host is the first member with the role "host" in the order of precedence;
the invited are the other members who travel from abroad and may need a visa
(not the hosts, not those travelling to their own country, not those whose visa
is recorded as not needed). A letter for one person names only that person.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planner.domain.checks.passports import travels_abroad
from planner.domain.entities import VenueData
from planner.domain.enums import Language, Role, VenueKind, VisaStatus
from planner.domain.errors import PlannerError
from planner.export.language import DocumentLanguage, country_language, parse_language
from planner.export.tripview import TripView
from planner.i18n import N_
from planner.domain.members import Member

#: Venues that are no "site" of a visit: where the delegation sleeps, eats or changes planes.
NOT_SITES: frozenset[VenueKind] = frozenset({VenueKind.HOTEL, VenueKind.RESTAURANT, VenueKind.TRANSPORT_HUB})


class CostBearer(StrEnum):
    """Who pays, as the letter states it."""

    GUESTS = "guests"  # the delegation pays everything
    HOST_LOCAL = "host-local"  # the host pays the stay, the delegation its travel
    HOST_ALL = "host-all"


@dataclass(frozen=True, slots=True)
class Invitation:
    view: TripView
    host: Member
    head: Member | None
    invited: tuple[Member, ...]
    languages: tuple[DocumentLanguage, ...]
    costs: CostBearer
    one_person: bool

    def cities(self, lang: DocumentLanguage) -> list[str]:
        """The destination city, then the other cities of the sites, each once."""
        found: list[str] = []
        for text in [lang.text(self.view.trip.destination_city)] + [lang.text(v.city) for v in self.sites()]:
            if text and text not in found:
                found.append(text)
        return found

    def sites(self) -> tuple[VenueData, ...]:
        """The places the programme visits in the destination country, in the order of the visits."""
        country = self.view.trip.destination_country
        items = self.view.items if not self.one_person else self.view.items_for(self.invited[0].id)
        return tuple(
            v for v in self.view.venues_of(items) if v.kind not in NOT_SITES and (not country or not v.country or v.country == country)
        )


def letter_languages(country: str, language: Language | str | None = None, second: Language | str | None = "auto") -> tuple[DocumentLanguage, ...]:
    """The host country's language and English; `language` and `second` ("auto", a language or None) override."""
    local = country_language(country) or Language.EN
    first = parse_language(language, "language") if language else local
    if second == "auto":
        other: Language | None = Language.EN if first is not Language.EN else (local if local is not Language.EN else None)
    else:
        other = parse_language(second, "second") if second else None
    if other is None or other is first:
        return (DocumentLanguage(first),)
    return (DocumentLanguage(first), DocumentLanguage(other))


def needs_invitation(view: TripView, member: Member) -> bool:
    """Whether the member travels from abroad and may need a visa."""
    if member.role is Role.HOST:
        return False
    visa = next((v for v in view.bundle.visas if v.membership_id == member.id), None)
    if visa is not None and visa.status is VisaStatus.NOT_NEEDED:
        return False
    return travels_abroad(member.person.nationality, view.trip.destination_country)


def invitation(view: TripView, *, membership_id: int | None = None, costs: CostBearer | str = CostBearer.GUESTS,
               language: Language | str | None = None, second: Language | str | None = "auto") -> Invitation:
    """The content of the letter for the whole delegation, or for one member (`membership_id`)."""
    hosts = [m for m in view.members if m.role is Role.HOST]
    if not hosts:
        raise PlannerError(N_(
            "An invitation is written in the host's name: add the host to the delegation with the role “Host” first."
        ))
    try:
        bearer = CostBearer(costs)
    except ValueError:
        raise PlannerError(N_("“{value}” is not a choice for the costs; use guests, host-local or host-all."), value=costs) from None
    if membership_id is not None:
        member = view.member(membership_id)
        if member.role is Role.HOST:
            raise PlannerError(N_("{name} is a host, and hosts are not invited."), name=member.person.name)
        invited: tuple[Member, ...] = (member,)
    else:
        invited = tuple(m for m in view.members if needs_invitation(view, m))
        if not invited:
            raise PlannerError(N_("Nobody in the delegation travels from abroad, so nobody needs an invitation."))
    return Invitation(
        view=view, host=hosts[0], head=view.heads[0] if view.heads else None, invited=invited,
        languages=letter_languages(view.trip.destination_country, language, second), costs=bearer,
        one_person=membership_id is not None,
    )
