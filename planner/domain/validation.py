"""Checks on single values, each raising a ValidationError that names the field.

The GUI calls the same checks to show a message next to the field, the
services call them before anything is written, and the importers call them
per row; so the rules and their wording live here once.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from planner.domain.errors import ValidationError
from planner.i18n import N_

# A pragmatic address check: one @, a dot in the domain, no spaces. RFC 5322
# allows more, but what users type into a delegation list is this or a typo.
# No control character anywhere (a NUL byte is refused by PostgreSQL's text columns, and belongs in no address).
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]\x00-\x1f\x7f]+@[^@\s<>(),;:\"\[\]\x00-\x1f\x7f]+\.[^@\s<>(),;:\"\[\]\x00-\x1f\x7f]{2,}$")
# International phone numbers as people write them: +49 511 123-456, (0511) 1234, +86 755 8888 0000
_PHONE = re.compile(r"^\+?[0-9 ()./\-]{5,30}$")
_URL = re.compile(r"^https?://[^\s/$.?#\x00-\x1f\x7f][^\s\x00-\x1f\x7f]*$", re.IGNORECASE)
_COUNTRY = re.compile(r"^[A-Z]{2}$")
# Only the plain calendar date: date.fromisoformat also takes 20161024 and 2016-W43-1.
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

MAX_NAME = 200
MAX_TEXT = 20_000
MAX_URL = 500


def require_text(value: str | None, field: str, label: str) -> str:
    """`value` stripped; an empty value is refused with a message naming `label`."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(N_("{label} must not be empty."), field=field, label=label)
    if len(text) > MAX_NAME:
        raise ValidationError(
            N_("{label} is too long (at most {limit} characters)."), field=field, label=label, limit=MAX_NAME
        )
    _no_control_characters(text, field, label)
    return text


def optional_text(value: str | None, field: str, label: str, limit: int = MAX_TEXT) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise ValidationError(
            N_("{label} is too long (at most {limit} characters)."), field=field, label=label, limit=limit
        )
    _no_control_characters(text, field, label, allow_newlines=limit > MAX_NAME)
    return text


# C0 and C1 control characters; the second leaves tab, line feed and carriage return alone.
# A regular expression, not a loop over the characters: imports check every text of thousands of records.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_NEWLINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_control_characters(text: str, field: str, label: str, allow_newlines: bool = False) -> None:
    if (_CONTROL_BUT_NEWLINES if allow_newlines else _CONTROL).search(text):
        raise ValidationError(N_("{label} contains an invalid control character."), field=field, label=label)


def email(value: str | None, field: str = "email") -> str:
    text = (value or "").strip()
    if len(text) > 254:  # RFC 5321's limit, and the column's
        raise ValidationError(N_("The e-mail address is too long (at most 254 characters)."), field=field)
    if text and not _EMAIL.match(text):
        raise ValidationError(N_("“{value}” is not a valid e-mail address."), field=field, value=text)
    return text


def phone(value: str | None, field: str = "phone") -> str:
    text = (value or "").strip()
    if text and (not _PHONE.match(text) or sum(c.isdigit() for c in text) < 5):
        raise ValidationError(N_("“{value}” is not a valid phone number."), field=field, value=text)
    return text


def url(value: str | None, field: str = "website") -> str:
    text = (value or "").strip()
    if len(text) > MAX_URL:  # the column's limit, which PostgreSQL enforces
        raise ValidationError(N_("The web address is too long (at most {limit} characters)."), field=field, limit=MAX_URL)
    if text and not _URL.match(text):
        raise ValidationError(N_("“{value}” is not a valid web address (http:// or https://)."), field=field, value=text)
    return text


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def timezone(value: str | None, field: str = "timezone") -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(N_("A time zone is required."), field=field)
    if text not in _zones():
        raise ValidationError(N_("“{value}” is not a known time zone (e.g. Asia/Shanghai)."), field=field, value=text)
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(N_("“{value}” is not a known time zone (e.g. Asia/Shanghai)."), field=field, value=text) from exc
    return text


def country(value: str | None, field: str = "country") -> str:
    text = (value or "").strip().upper()
    if text and not _COUNTRY.match(text):
        raise ValidationError(N_("“{value}” is not a two-letter country code (e.g. CN, DE)."), field=field, value=text)
    return text


def latitude(value: float | None, field: str = "latitude") -> float | None:
    if value is not None and not -90.0 <= value <= 90.0:
        raise ValidationError(N_("The latitude must lie between -90 and 90."), field=field)
    return value


def longitude(value: float | None, field: str = "longitude") -> float | None:
    if value is not None and not -180.0 <= value <= 180.0:
        raise ValidationError(N_("The longitude must lie between -180 and 180."), field=field)
    return value


def day_range(first: date | None, last: date | None) -> None:
    if first is None:
        raise ValidationError(N_("The first day is required."), field="first_day")
    if last is None:
        raise ValidationError(N_("The last day is required."), field="last_day")
    if last < first:
        raise ValidationError(N_("The last day must not be before the first day."), field="last_day")
    if (last - first).days > 366:
        raise ValidationError(N_("A trip cannot last more than a year."), field="last_day")


def time_range(start: datetime, end: datetime) -> None:
    """Both aware datetimes; end strictly after start."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValidationError(N_("Start and end need a time zone."), field="start")
    if end <= start:
        raise ValidationError(N_("The end must be after the start."), field="end")
    if end - start > timedelta(days=14):
        raise ValidationError(N_("A programme item cannot last more than 14 days."), field="end")


def parse_date(value: str, field: str) -> date:
    """An ISO date (YYYY-MM-DD) as typed or imported; anything else is refused by name."""
    try:
        text = value.strip()
        if not _ISO_DATE.match(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except (ValueError, AttributeError) as exc:
        raise ValidationError(N_("“{value}” is not a valid date (YYYY-MM-DD)."), field=field, value=value) from exc
