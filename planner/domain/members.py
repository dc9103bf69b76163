"""A delegation member with the person behind the membership: the one shape lists, checks and documents share.

The services read it (services.delegation.list_members), the checks look at
it (domain.checks, where it is called a Participant), the documents print it
and the pages show it; being plain data it lives here, below all of them, so
that no layer imports another one's for a data shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.domain.entities import MembershipData, PersonData
from planner.domain.enums import Role

if TYPE_CHECKING:
    from planner.domain.checks.params import PersonName


@dataclass(frozen=True, slots=True)
class Member:
    """A membership together with the person it is about."""

    membership: MembershipData
    person: PersonData

    @property
    def id(self) -> int:
        assert self.membership.id is not None
        return self.membership.id

    @property
    def role(self) -> Role:
        return self.membership.role

    @property
    def name(self) -> PersonName:
        """The name as a check's message shows it (in the reader's script)."""
        from planner.domain.checks.params import PersonName  # the checks package imports this module

        p = self.person
        return PersonName(p.family_name, p.given_name, p.native_name)
