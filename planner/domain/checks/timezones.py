"""Time zones that do not fit the place: a venue on another country's clock, an item on another clock than its venue.

An item's times are stored in UTC and printed on its own zone's clock; a venue
in Hannover saved on Asia/Shanghai time, or a visit there entered on it, prints
six or seven hours off. Zones are compared after folding aliases
("Asia/Chongqing" is Asia/Shanghai), and a venue without a country is not
questioned.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from planner.domain.checks.params import Country
from planner.domain.checks.plan import PlanIndex
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Part, item_local, reads
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind
from planner.domain.zones import canonical_zone, default_zone, zone_fits_country
from planner.i18n import N_

#: The same venues are asked about after every edit of the programme.
_fits_country = lru_cache(maxsize=4096)(zone_fits_country)

VENUE_ZONE_NOT_COUNTRY = N_("{venue} is in {country}, but its time zone is {zone} (usually {usual}); times there print off")
ITEM_ZONE_NOT_VENUE = N_("“{item}” ({when}) is timed in {zone}, but {venue} keeps {venue_zone}")


@reads(Part.ITEMS, Part.VENUES)
def venue_zone_misfits(index: PlanIndex) -> list[Problem]:
    """Venues of the programme whose zone is not one of their country's; one problem per venue."""
    problems: list[Problem] = []
    for venue_id in index.at_venues():
        venue = index.venues[venue_id]
        if _fits_country(venue.timezone, venue.country):
            continue
        problems.append(
            Problem(
                Severity.WARNING, ProblemKind.VENUE_ZONE_NOT_COUNTRY, VENUE_ZONE_NOT_COUNTRY,
                {
                    "venue": venue.name, "country": Country(venue.country), "zone": venue.timezone,
                    "usual": default_zone(venue.country),
                },
                venue_ids=(venue_id,),
            )
        )
    return problems


def _item_zone_misfits(index: PlanIndex, items: Sequence[ItemData]) -> list[Problem]:
    same: dict[tuple[str, str], bool] = {}

    def fits(a: str, b: str) -> bool:
        found = same.get((a, b))
        if found is None:
            found = same[(a, b)] = canonical_zone(a) == canonical_zone(b)
        return found

    problems: list[Problem] = []
    venue_of = index.venues.get
    for item in items:
        venue = venue_of(item.venue_id)  # type: ignore[arg-type]  # None for an item without a venue
        # The same name is the usual case, answered without folding aliases.
        if venue is None or item.timezone == venue.timezone or fits(item.timezone, venue.timezone):
            continue
        if item.kind == ItemKind.TRAVEL and fits(item.arrival_timezone, venue.timezone):
            continue
        problems.append(_item_problem(index, item, venue.name, venue.timezone))
    return problems


@reads(Part.TRIP, Part.ITEMS, Part.VENUES)
@item_local(_item_zone_misfits)
def item_zone_misfits(index: PlanIndex) -> list[Problem]:
    """Items whose zone is not their venue's; a journey fits when it starts or ends on the venue's clock."""
    return _item_zone_misfits(index, index.items)


def _item_problem(index: PlanIndex, item: ItemData, venue_name: object, venue_zone: str) -> Problem:
    assert item.venue_id is not None
    return Problem(
        Severity.WARNING, ProblemKind.ITEM_ZONE_NOT_VENUE, ITEM_ZONE_NOT_VENUE,
        {"item": item.title, "when": index.span(item), "zone": item.timezone, "venue": venue_name, "venue_zone": venue_zone},
        when=item.start, item_ids=(item.id,) if item.id is not None else (), venue_ids=(item.venue_id,),
    )
