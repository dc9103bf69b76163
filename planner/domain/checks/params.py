"""The values a problem message names, kept raw and worded only when shown.

A problem found while the interface is in German may be read after a switch to
Chinese; so a time stays an aware datetime, a title stays a LocalizedText and a
name keeps its native script until `display` turns it into text in the active
language and locale (dates through planner.formatting).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from babel.lists import format_list

from planner import formatting
from planner.domain.enums import Language
from planner.domain.localized import LocalizedText
from planner.domain.names import name_for_language
from planner.i18n import _, current_language

#: A longer list of people is cut after this many names, "… and 7 others".
MAX_NAMES = 3


@dataclass(frozen=True, slots=True)
class Span:
    """From–to as the local wall clock of one place shows it (aware datetimes in that zone).

    `zone_named`: the place keeps another clock than the trip's, so the offset
    is added ("09:30–11:30 GMT+2"), as the Problems panel's "When" column shows it.
    """

    start: datetime
    end: datetime
    zone_named: bool = False

    def display(self) -> str:
        if self.start.date() == self.end.date():
            glue = str(formatting.babel_locale().datetime_formats["full"])
            text = glue.replace("{1}", formatting.full_date(self.start.date())).replace(
                "{0}", formatting.time_range(self.start, self.end)
            )
        else:
            text = formatting.time_range(self.start, self.end)
        if not self.zone_named:
            return text
        first = formatting.gmt_offset(self.start.tzinfo or UTC, self.start)
        last = formatting.gmt_offset(self.end.tzinfo or UTC, self.end)
        return f"{text} {first}" if first == last else f"{text} {first} → {last}"


@dataclass(frozen=True, slots=True)
class Moment:
    """One local time with its date (an aware datetime in the place's zone)."""

    at: datetime

    def display(self) -> str:
        return formatting.date_time(self.at)


@dataclass(frozen=True, slots=True)
class Clock:
    """A local wall-clock time without its date, e.g. the 05:30 of an early start."""

    at: datetime | time

    def display(self) -> str:
        return formatting.time_of_day(self.at)


@dataclass(frozen=True, slots=True)
class Day:
    day: date

    def display(self) -> str:
        return formatting.long_date(self.day)


@dataclass(frozen=True, slots=True)
class DayRange:
    first: date
    last: date

    def display(self) -> str:
        return formatting.date_range(self.first, self.last)


@dataclass(frozen=True, slots=True)
class Count:
    value: int

    def display(self) -> str:
        return formatting.integer(self.value)


@dataclass(frozen=True, slots=True)
class Kilometres:
    value: float

    def display(self) -> str:
        return formatting.decimal(self.value, digits=1)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name as the reader's language writes it: Chinese readers see 许勤, others Xu Qin."""

    family: str
    given: str = ""
    native: str = ""

    def display(self) -> str:
        return name_for_language(self.family, self.given, self.native, current_language())


@dataclass(frozen=True, slots=True)
class People:
    """Several people; a long list names the first few and counts the rest."""

    names: tuple[PersonName, ...]

    def display(self) -> str:
        shown = [n.display() for n in self.names]
        if len(shown) > MAX_NAMES + 1:
            others = _("{count} others").format(count=formatting.integer(len(shown) - MAX_NAMES))
            shown = shown[:MAX_NAMES] + [others]
        return format_list(shown, locale=formatting.babel_locale())


@dataclass(frozen=True, slots=True)
class Who:
    """Whom a problem concerns: the whole delegation, or the people named."""

    people: People | None  # None: the whole delegation

    def display(self) -> str:
        return _("the whole delegation") if self.people is None else self.people.display()


@dataclass(frozen=True, slots=True)
class Zone:
    """A time zone by its name in words at a moment ("China Standard Time")."""

    name: str
    at: datetime

    def display(self) -> str:
        return formatting.zone_name(self.name, self.at)


@dataclass(frozen=True, slots=True)
class Languages:
    languages: tuple[Language, ...]

    def display(self) -> str:
        return format_list([lang.label for lang in self.languages], locale=formatting.babel_locale())


@dataclass(frozen=True, slots=True)
class Country:
    """An ISO 3166 code shown as the country's name in the reader's language."""

    code: str

    def display(self) -> str:
        return formatting.country_name(self.code)


def display(value: Any) -> Any:
    """The text for one message parameter in the active language; plain values pass through."""
    show = getattr(value, "display", None)
    if callable(show):
        return show()
    if isinstance(value, LocalizedText):
        return value.text(current_language())
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    return value

