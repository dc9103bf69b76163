"""Whether a trip is ready to have its itineraries issued: not a draft, no open errors.

Issuing hands paper to officials, and a printout made from a draft or from a
programme with a double booking is worse than none: every recipient then needs
a change notice. Nothing here forbids it (a deadline may force it); the window
asks first and the command line wants --force, both naming what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.db.engine import Database
from planner.domain.checks import Problem
from planner.domain.checks.problem import Severity
from planner.domain.enums import TripStatus
from planner.i18n import _, current_language, ngettext
from planner.services.checks import check_trip
from planner.services.trips import get_trip

#: How many error messages a question or a refusal quotes; the Problems panel has them all.
QUOTED_ERRORS = 3


@dataclass(frozen=True, slots=True)
class IssueReadiness:
    """What speaks against issuing now: the trip is a draft, and the planning errors still open (most serious first)."""

    draft: bool
    errors: tuple[Problem, ...]

    @property
    def ready(self) -> bool:
        return not self.draft and not self.errors

    def quoted_errors(self) -> list[str]:
        """The first few error messages in the interface language, for a question or a refusal."""
        return [problem.message() for problem in self.errors[:QUOTED_ERRORS]]

    def reasons(self, *, bullets: bool = False) -> list[str]:
        """One sentence per reason, in the interface language: "The trip is still a draft.", "2 errors are open: …".

        The errors quoted follow each other on one line (for the command
        line), or with `bullets` each on a line of its own (for a window).
        """
        found: list[str] = []
        if self.draft:
            found.append(_("The trip is still a draft."))
        if self.errors:
            count = len(self.errors)
            if bullets:
                quoted = "".join(f"\n• {message}" for message in self.quoted_errors())
            else:
                quoted = ("；" if current_language() == "zh" else "; ").join(self.quoted_errors())
            if count > QUOTED_ERRORS:
                found.append(_("{count} errors are open, the first {shown}: {messages}.").format(
                    count=count, shown=QUOTED_ERRORS, messages=quoted,
                ))
            else:
                found.append(ngettext("{count} error is open: {messages}.", "{count} errors are open: {messages}.", count).format(
                    count=count, messages=quoted,
                ))
        return found


def issue_readiness(db: Database, trip_id: int) -> IssueReadiness:
    """Read the trip's status and run the planning checks (read only)."""
    trip = get_trip(db, trip_id)
    errors = tuple(p for p in check_trip(db, trip_id) if p.severity is Severity.ERROR)
    return IssueReadiness(draft=TripStatus(trip.status) is TripStatus.DRAFT, errors=errors)
