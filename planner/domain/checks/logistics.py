"""What the delegation needs on the day: someone to meet them, and an address to drive to."""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.checks.params import Count
from planner.domain.checks.plan import PlanIndex
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Part, item_local, reads
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind
from planner.i18n import N_

#: Items where the delegation is received by someone and should know whom to ask for.
HOSTED_KINDS = frozenset({ItemKind.SITE_VISIT, ItemKind.MEETING, ItemKind.MEAL, ItemKind.CEREMONY, ItemKind.PRESS})

NO_HOST_CONTACT = N_("“{item}” ({when}) has no host contact")  # a venue contact or a person (ItemData.has_host)
VENUE_WITHOUT_ADDRESS = N_("{venue} has no address, but {count} programme items take place there")
VENUE_WITHOUT_ADDRESS_ONE = N_("{venue} has no address, but “{item}” takes place there")


def _missing_hosts(index: PlanIndex, items: Sequence[ItemData]) -> list[Problem]:
    return [
        Problem(
            Severity.HINT, ProblemKind.NO_HOST_CONTACT, NO_HOST_CONTACT,
            {"item": item.title, "when": index.span(item)}, when=item.start,
            item_ids=(item.id,) if item.id is not None else (),
            venue_ids=(item.venue_id,) if item.venue_id is not None else (),
        )
        for item in items
        if item.kind in HOSTED_KINDS and not item.has_host
    ]


@reads(Part.TRIP, Part.ITEMS)
@item_local(_missing_hosts)
def missing_hosts(index: PlanIndex) -> list[Problem]:
    return _missing_hosts(index, index.items)


@reads(Part.ITEMS, Part.VENUES)
def venues_without_address(index: PlanIndex) -> list[Problem]:
    """A driver needs an address; one problem per venue, linking every item held there."""
    problems: list[Problem] = []
    for venue_id, items in index.at_venues().items():
        venue = index.venues[venue_id]
        if venue.address_local.strip() or venue.address_romanised.strip():
            continue
        params: dict[str, object] = {"venue": venue.name}
        if len(items) == 1:
            msgid = VENUE_WITHOUT_ADDRESS_ONE
            params["item"] = items[0].title
        else:
            msgid = VENUE_WITHOUT_ADDRESS
            params["count"] = Count(len(items))
        problems.append(
            Problem(
                Severity.WARNING, ProblemKind.VENUE_WITHOUT_ADDRESS, msgid, params, when=items[0].start,
                item_ids=tuple(i.id for i in items if i.id is not None), venue_ids=(venue_id,),
            )
        )
    return problems
