"""What one user action changed: the Change every service returns and every page hears of.

Plain data (no Qt, no database), so that the services build it, the undo
history keeps it, the bus carries it and the pages read it without importing
one another; planner.services.base re-exports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from planner.domain.errors import PlannerError


class Action(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"
    IMPORTED = "imported"
    #: Several changes made as one user action, in one transaction: they are the Change's `related`.
    BATCH = "batch"
    #: The Change in `before` was taken back (an import undone); doing it again re-applies that Change.
    REVERTED = "reverted"


class EntityKind(StrEnum):
    """The kinds of record a Change is about; pages and models listen for the kinds they show.

    A StrEnum, so that `change.entity == "item"` holds; a kind not listed here
    (a new page's records) may still be given as a plain string.
    """

    #: Anything may have changed (another program wrote to the file, a database was opened): everything reloads.
    ANY = "*"
    TRIP = "trip"
    PERSON = "person"
    MEMBERSHIP = "membership"
    #: A trip's delegation as a whole (a member import); the id is the trip's.
    DELEGATION = "delegation"
    #: The order of precedence of a trip's delegation; the id is the trip's.
    DELEGATION_ORDER = "delegation_order"
    VENUE = "venue"
    ITEM = "item"
    VISA = "visa"
    GIFT = "gift"
    SEATING = "seating"
    EMERGENCY_CONTACTS = "emergency_contacts"
    ISSUED_VERSION = "issued_version"


def entity_kind(entity: str) -> EntityKind | str:
    """`entity` as an EntityKind where it names one, else the string as given."""
    try:
        return EntityKind(entity)
    except ValueError:
        return entity


@dataclass(frozen=True, slots=True)
class Change:
    """What one user action changed; `before`/`after` are records for undo.

    `related` are the changes that went with it (the items a removed member
    was ticked on; every change of a BATCH). `refused` holds what a batch left
    alone and why (a record deleted elsewhere meanwhile), for the caller to tell.
    """

    action: Action
    entity: EntityKind | str
    id: int
    before: Any = None
    after: Any = None
    related: tuple[Change, ...] = field(default=())
    refused: tuple[PlannerError, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entity", entity_kind(self.entity))

    def walk(self) -> Iterator[Change]:
        """This change and every related one, depth first."""
        yield self
        for related in self.related:
            yield from related.walk()

    @property
    def kinds(self) -> frozenset[str]:
        """Every kind of record this change touched, its related changes' included."""
        return frozenset(c.entity for c in self.walk())

    def touches(self, *kinds: str) -> bool:
        """True if the change is about one of `kinds`, or anything may have changed (ANY)."""
        mine = self.kinds
        return EntityKind.ANY in mine or any(kind in mine for kind in kinds)

    def ids(self, kind: str) -> list[int]:
        """The ids of the records of `kind` this change touched, each once, in order."""
        return list(dict.fromkeys(c.id for c in self.walk() if c.entity == kind and c.action is not Action.BATCH))


#: The Change the bus carries when anything may have changed.
EVERYTHING = Change(Action.UPDATED, EntityKind.ANY, 0)


def batch_of(entity: EntityKind | str, record_id: int, changes: Sequence[Change], refused: Iterable[PlannerError] = ()) -> Change:
    """Several changes as one: a BATCH Change whose related are `changes` (about `entity`, e.g. the trip's items)."""
    return Change(Action.BATCH, entity, record_id, related=tuple(changes), refused=tuple(refused))
