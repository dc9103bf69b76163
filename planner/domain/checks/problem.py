"""A problem the checks found: how bad it is, what it says, and what it is about.

The message is kept as an English msgid with its parameters and only worded
when shown, so the list reads right after a language switch and dates come
out in the reader's locale. The ids let the GUI jump to the items, people and
venues concerned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from planner.domain.checks.params import display
from planner.i18n import N_, _


class Severity(StrEnum):
    """Error: the delegation would be embarrassed; warning: probably wrong; hint: worth a look."""

    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def label(self) -> str:
        return _(_SEVERITY_LABELS[self])


_RANKS: dict[Severity, int] = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.HINT: 2}
_SEVERITY_LABELS: dict[Severity, str] = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.HINT: N_("hint"),
}


class ProblemKind(StrEnum):
    """What a problem is about; stable values, so the GUI can filter and group by them."""

    PARTICIPANT_OVERLAP = "participant_overlap"
    VENUE_OVERLAP = "venue_overlap"
    TIGHT_CONNECTION = "tight_connection"
    OUTSIDE_TRIP = "outside_trip"
    UNUSUAL_HOUR = "unusual_hour"
    ZONE_CHANGE = "zone_change"
    PASSPORT_MISSING = "passport_missing"
    PASSPORT_EXPIRED = "passport_expired"
    PASSPORT_EXPIRING = "passport_expiring"
    PASSPORT_EXPIRY_UNKNOWN = "passport_expiry_unknown"
    MISSING_TRANSLATION = "missing_translation"
    NO_HOST_CONTACT = "no_host_contact"
    VENUE_WITHOUT_ADDRESS = "venue_without_address"
    VISA_UNKNOWN = "visa_unknown"
    VISA_NOT_APPLIED = "visa_not_applied"
    VISA_NOT_GRANTED = "visa_not_granted"
    VISA_EXPIRES = "visa_expires"
    DUPLICATE_ROLE = "duplicate_role"
    STAY_OUTSIDE_TRIP = "stay_outside_trip"
    BOOKED_OUTSIDE_STAY = "booked_outside_stay"
    VENUE_ZONE_NOT_COUNTRY = "venue_zone_not_country"
    ITEM_ZONE_NOT_VENUE = "item_zone_not_venue"
    UNMET_ARRIVAL = "unmet_arrival"
    NO_PICKUP_TIME = "no_pickup_time"
    LEG_TIMES = "leg_times"
    VEHICLE_OVER_SEATS = "vehicle_over_seats"
    NO_SEAT = "no_seat"
    VEHICLE_TWICE = "vehicle_twice"
    DRIVER_TWICE = "driver_twice"
    NO_BED = "no_bed"
    ROOM_OVER_CAPACITY = "room_over_capacity"
    BLOCK_OVERBOOKED = "block_overbooked"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding; `when` (UTC) orders problems in time, None for those about the whole trip."""

    severity: Severity
    kind: ProblemKind
    msgid: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    when: datetime | None = None
    item_ids: tuple[int, ...] = ()
    membership_ids: tuple[int, ...] = ()
    person_ids: tuple[int, ...] = ()
    venue_ids: tuple[int, ...] = ()

    def message(self) -> str:
        """The message in the active interface language, dates in its locale."""
        values = {name: display(value) for name, value in self.params.items()}
        for text in (_(self.msgid), self.msgid):
            try:
                return text.format(**values)
            except (KeyError, IndexError, ValueError):
                continue  # a translation with a broken placeholder must not hide the problem itself
        return self.msgid

    def __str__(self) -> str:
        return self.message()

    def when_zone(self) -> str:
        """The zone whose clock the message gives times on ("" if it gives none): `when` is shown on it too."""
        for value in self.params.values():
            moment = getattr(value, "start", None) or getattr(value, "at", None)
            if isinstance(moment, datetime) and isinstance(moment.tzinfo, ZoneInfo):
                return moment.tzinfo.key
        return ""

    def sort_key(self) -> tuple[int, int, datetime]:
        """Severity first, then problems about the whole trip, then by time.

        Sorting is stable, so problems at the same time keep the order the
        checks gave them (people in protocol order, items in time order).
        """
        if self.when is None:
            return (self.severity.rank, 0, _NO_TIME)
        return (self.severity.rank, 1, self.when)


_NO_TIME = datetime.min.replace(tzinfo=UTC)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)
