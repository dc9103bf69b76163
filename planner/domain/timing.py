"""Moments in time as the planner keeps them: UTC plus the IANA zone they were planned in.

Users think in the local time of the place; the database stores UTC so that
sorting, overlaps and daylight-saving changes are right. Local wall-clock times
that do not exist (spring-forward gaps) are refused rather than guessed, so a
printout never shows a time nobody meant. A time that exists twice (the hour the
clocks go back) always means its first occurrence, still in summer time, so the
same input gives the same moment every time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.domain import validation
from planner.domain.errors import ValidationError
from planner.i18n import N_


def zone(name: str, field: str = "timezone") -> ZoneInfo:
    """The IANA zone `name`; an unknown name is a ValidationError, not a crash."""
    return ZoneInfo(validation.timezone(name, field))


def local_to_utc(local: datetime, tz: str, field: str = "start") -> datetime:
    """A naive local wall-clock time in `tz` as an aware UTC datetime.

    An ambiguous time (fall back) is taken at its first occurrence (fold=0),
    whatever fold the caller set; a non-existent one is refused.
    """
    if local.tzinfo is not None:
        return local.astimezone(UTC)
    z = zone(tz)
    first = local.replace(tzinfo=z, fold=0)
    second = local.replace(tzinfo=z, fold=1)
    if first.utcoffset() != second.utcoffset():
        # Ambiguous (fall back) or non-existent (spring forward): round trip tells which.
        if first.astimezone(UTC).astimezone(z).replace(tzinfo=None) != local:
            raise ValidationError(
                N_("{time} does not exist in {zone} (clocks change that night)."),
                field=field, time=local.strftime("%Y-%m-%d %H:%M"), zone=tz,
            )
    return first.astimezone(UTC)


def utc_to_local(moment: datetime, tz: str) -> datetime:
    """An aware (or naive-UTC) datetime as aware local time in `tz`."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone(tz))


def same_local_time(moment: datetime, tz: str, days: int, new_tz: str | None = None, field: str = "start") -> datetime:
    """The wall-clock time `moment` shows in `tz`, `days` later (or earlier), read in `new_tz` (default: `tz`).

    What moving a trip to new dates or to another zone does to an item planned
    for 09:30 on its second day: it stays at 09:30 on the second day, whatever
    daylight saving or the zone's offset does meanwhile. A time that does not
    exist on the new day is refused (ValidationError), as everywhere.
    """
    local = utc_to_local(moment, tz).replace(tzinfo=None) + timedelta(days=days)
    return local_to_utc(local, new_tz or tz, field)


def day_bounds_utc(day: date, tz: str) -> tuple[datetime, datetime]:
    """The UTC interval of one local calendar day in `tz`."""
    z = zone(tz)
    start = datetime.combine(day, time(0), tzinfo=z).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=z).astimezone(UTC)
    return start, end


def as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
