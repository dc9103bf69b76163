"""Every date, time, number and zone the user reads, formatted in one place through CLDR (babel).

The GUI, the printouts and the CLI all call these functions so a date reads the
same everywhere. `locale` is a babel locale code or one of the interface
languages (de, zh, en); it defaults to the active interface language.

Decisions worth knowing:

* English means British English (en_GB): an official programme from Europe reads
  "Monday, 24 October 2016, 09:30", day before month and a 24-hour clock.
* Times are always 24-hour ("09:30"), whatever the locale's habit, because a
  programme mixes times of several zones and "9:30 PM" is misread across cultures.
* A date range names the month in full ("24.–27. Oktober 2016"): CLDR only has
  interval patterns with abbreviated months, so the month field is widened as
  the CLDR spec allows; Chinese patterns use numeric months and stay as they are.
* Sorting is done without an ICU collator (that lives in Qt, which this module
  must not import): Latin text sorts case- and accent-insensitively (ä with a,
  ß as ss), CJK text by code point, which roughly follows radical and stroke
  order for common characters but is NOT pinyin order. The GUI may use QCollator
  where it needs exact locale collation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import (
    format_date,
    format_interval,
    format_skeleton,
    format_time,
    get_day_names,
    get_timezone_name,
    parse_pattern,
)
from babel.numbers import format_currency, format_decimal

from planner.i18n import current_locale

#: The babel locale used for each interface language; see the module docstring for en_GB.
LANGUAGE_LOCALES: dict[str, str] = {"de": "de", "zh": "zh_CN", "en": "en_GB", "zh_CN": "zh_CN"}
FALLBACK_LOCALE = "en_GB"
TIME_PATTERN = "HH:mm"

_QUOTED_OR_MONTH = re.compile(r"'[^']*'|(?<!M)MMM(?!M)")


def babel_locale(locale: str | None = None) -> Locale:
    """The babel Locale for a language (de, zh, en) or locale code (zh_CN); English is en_GB."""
    code = locale or current_locale()
    return _parse_locale(LANGUAGE_LOCALES.get(code, code))


@lru_cache(maxsize=32)
def _parse_locale(code: str) -> Locale:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(FALLBACK_LOCALE)


# --- dates -----------------------------------------------------------------------------


def full_date(day: date, locale: str | None = None) -> str:
    """The date with its weekday as written in letters: "Montag, 24. Oktober 2016", "2016年10月24日星期一"."""
    return format_date(_as_date(day), "full", locale=babel_locale(locale))


def long_date(day: date, locale: str | None = None) -> str:
    """The date without weekday, month in full: "24. Oktober 2016", "24 October 2016"."""
    return format_date(_as_date(day), "long", locale=babel_locale(locale))


def short_date(day: date, locale: str | None = None) -> str:
    """A compact numeric date with the full year for tables: "24.10.2016", "24/10/2016", "2016/10/24"."""
    return format_skeleton("yMd", _as_datetime(day), locale=babel_locale(locale))


def day_heading(day: date, locale: str | None = None) -> str:
    """A short weekday and date for day columns: "Mo., 24. Okt.", "Mon 24 Oct", "10月24日周一"."""
    return format_skeleton("MMMEd", _as_datetime(day), locale=babel_locale(locale))


def weekday_and_day(day: date, locale: str | None = None) -> str:
    """The weekday and date in words without the year, for a line in a message: "Dienstag, 25. Oktober", "10月25日星期二"."""
    loc = babel_locale(locale)
    return parse_pattern(_without_year(str(loc.date_formats["full"].pattern))).apply(_as_datetime(day), loc)


def _without_year(pattern: str) -> str:
    """A full date pattern without its year field ("EEEE, d. MMMM y" -> "EEEE, d. MMMM", "y年M月d日EEEE" -> "M月d日EEEE")."""
    pattern = re.sub(r"y+年", "", pattern)
    pattern = re.sub(r"[\s,]*\by+\b[\s,.]*$", "", pattern)
    return re.sub(r"^y+[\s,./-]*", "", pattern).strip()


def date_time(moment: datetime, locale: str | None = None) -> str:
    """Full date with weekday and the 24-hour time, joined the locale's way.

    An aware datetime is shown in its own wall-clock time; convert it to the
    place's zone first (planner.domain.timing.utc_to_local).
    """
    loc = babel_locale(locale)
    glue = str(loc.datetime_formats["full"])
    return glue.replace("{1}", full_date(moment.date(), locale)).replace("{0}", time_of_day(moment, locale))


def date_range(first: date, last: date, locale: str | None = None) -> str:
    """The days of a trip as one range: "24.–27. Oktober 2016", "24–27 October 2016", "2016年10月24日至27日"."""
    loc = babel_locale(locale)
    first, last = _as_date(first), _as_date(last)
    if last < first:
        first, last = last, first
    if first == last:
        return long_date(first, locale)
    parts = loc.interval_formats.get("yMMMd", {})
    field = "y" if first.year != last.year else "M" if first.month != last.month else "d"
    if field not in parts:  # pragma: no cover - every CLDR locale has these; keep babel's own fallback
        return format_interval(first, last, "yMMMd", locale=loc)
    start_pattern, end_pattern = (_widen_month(str(p)) for p in parts[field])
    return parse_pattern(start_pattern).apply(_as_datetime(first), loc) + parse_pattern(end_pattern).apply(
        _as_datetime(last), loc
    )


def _widen_month(pattern: str) -> str:
    """Turn an abbreviated month field (MMM) into the full month name (MMMM), leaving quoted text alone."""
    return _QUOTED_OR_MONTH.sub(lambda m: m.group(0) if m.group(0).startswith("'") else "MMMM", pattern)


def weekday_name(day: date | int, locale: str | None = None, width: str = "wide") -> str:
    """The weekday of a date, or of an index 0=Monday…6=Sunday; width wide/abbreviated/short/narrow."""
    index = day if isinstance(day, int) else day.weekday()
    return str(get_day_names(width, locale=babel_locale(locale))[index % 7])


def weekday_names(locale: str | None = None, width: str = "wide") -> list[str]:
    """The seven weekday names, Monday first (the locale's week start is first_day_of_week)."""
    names = get_day_names(width, locale=babel_locale(locale))
    return [str(names[i]) for i in range(7)]


def first_day_of_week(locale: str | None = None) -> int:
    """The day the locale's calendar weeks begin with, 0=Monday…6=Sunday."""
    return int(babel_locale(locale).first_week_day)


# --- times -----------------------------------------------------------------------------


def time_of_day(moment: time | datetime, locale: str | None = None) -> str:
    """The 24-hour wall-clock time, "09:30", in every language."""
    return format_time(_wall_time(moment), TIME_PATTERN, locale=babel_locale(locale))


def time_range(start: time | datetime, end: time | datetime, locale: str | None = None) -> str:
    """From–to on one day as the locale writes it ("09:30–11:00 Uhr"); across days with both dates."""
    loc = babel_locale(locale)
    if isinstance(start, datetime) and isinstance(end, datetime) and start.date() != end.date():
        fallback = str(loc.interval_formats.get(None, "{0} – {1}"))
        glue = str(loc.datetime_formats["medium"])

        def side(moment: datetime) -> str:
            return glue.replace("{1}", day_heading(moment.date(), locale)).replace("{0}", time_of_day(moment, locale))

        return fallback.replace("{0}", side(start)).replace("{1}", side(end))
    return _clock_range(_wall_time(start), _wall_time(end), loc)


@lru_cache(maxsize=4096)
def _clock_range(start: time, end: time, loc: Locale) -> str:
    """From–to on one day; kept, as the same few slots recur on every page of a trip (babel takes 0.1 ms each)."""
    base = date(2000, 1, 3)
    return format_interval(datetime.combine(base, start), datetime.combine(base, end), "Hm", locale=loc)


# --- time zones ------------------------------------------------------------------------


def zone_name(zone: str | tzinfo, at: date | datetime | None = None, locale: str | None = None) -> str:
    """The zone's name in words.

    With `at` (a day or a moment) the name in force then: "China Standard Time",
    "Mitteleuropäische Sommerzeit". Without it the generic name ("Central
    European Time"), which is right all year round.
    """
    loc = babel_locale(locale)
    tz = _zone(zone)
    if at is None:
        return str(get_timezone_name(tz, "long", locale=loc))
    return str(get_timezone_name(_moment_in(tz, at), "long", locale=loc))


def gmt_offset(zone: str | tzinfo, at: date | datetime, locale: str | None = None) -> str:
    """The short localized GMT offset at a moment: "GMT+8", "GMT+5:30", "GMT-3:30", "GMT"."""
    loc = babel_locale(locale)
    offset = _moment_in(_zone(zone), at).utcoffset() or timedelta(0)
    pattern = str(loc.zone_formats.get("gmt", "GMT%s"))
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return pattern.replace("%s", "")
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return pattern.replace("%s", f"{sign}{hours}" + (f":{rest:02d}" if rest else ""))


def local_time_with_zone(moment: datetime, zone: str | tzinfo | None = None, locale: str | None = None, *, short: bool = False) -> str:
    """A moment as the local time of `zone` with the zone named, for travel days.

    "09:30 Chinesische Normalzeit", "中国标准时间 09:30" (the locale decides the
    order); `short` gives "09:30 GMT+8". A naive moment is taken as UTC.
    """
    loc = babel_locale(locale)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    tz = _zone(zone) if zone is not None else moment.tzinfo
    local = moment.astimezone(tz)
    if short:
        return f"{time_of_day(local, locale)} {gmt_offset(tz, local, locale)}"
    clock, zone_words = time_of_day(local, locale), zone_name(tz, local, locale)
    full = str(loc.time_formats["full"].pattern)
    hour = min((full.find(ch) for ch in "Hhk" if ch in full), default=0)
    return f"{zone_words} {clock}" if 0 <= full.find("z") < hour else f"{clock} {zone_words}"


# --- numbers and names -----------------------------------------------------------------


def integer(value: int, locale: str | None = None) -> str:
    """A whole number with the locale's grouping: 1.234 / 1,234."""
    return format_decimal(int(value), locale=babel_locale(locale))


def decimal(value: float, locale: str | None = None, digits: int = 2) -> str:
    """A decimal number with at most `digits` fraction digits: 3,5 / 3.5."""
    pattern = "#,##0." + "#" * digits if digits > 0 else "#,##0"
    return format_decimal(value, format=pattern, locale=babel_locale(locale))


def money(value: Decimal | float, currency: str, locale: str | None = None) -> str:
    """An amount with its currency the locale's way: "39,90 €", "€39.90", "CN¥480.00"."""
    return format_currency(value, currency, locale=babel_locale(locale))


def country_name(code: str, locale: str | None = None) -> str:
    """The name of an ISO 3166 country in the locale ("China", "中国"); the code itself if unknown."""
    code = (code or "").strip().upper()
    if not code:
        return ""
    return str(babel_locale(locale).territories.get(code, code))


def place_name(city: str, country_code: str, locale: str | None = None) -> str:
    """A city and its country as the language writes them: "Shenzhen, China", "Shenzhen, China" in German, "中国深圳"."""
    country = country_name(country_code, locale)
    if babel_locale(locale).language == "zh":
        return country + city if country != city else city
    return ", ".join(p for p in (city, country) if p)


def join_fields(parts: Iterable[str], locale: str | None = None) -> str:
    """Separate pieces of one line (name, function, phone) as the language does: ", " or Chinese "，"."""
    glue = "，" if babel_locale(locale).language == "zh" else ", "
    return glue.join(p for p in parts if p)


def countries(locale: str | None = None) -> list[tuple[str, str]]:
    """Every two-letter country as (code, name), sorted by name for the locale."""
    loc = babel_locale(locale)
    pairs = [(code, str(name)) for code, name in loc.territories.items() if len(code) == 2 and code.isalpha()]
    return sorted(pairs, key=lambda pair: sort_key(pair[1], locale))


# --- sorting and matching --------------------------------------------------------------


def fold(text: str) -> str:
    """Text reduced for matching and primary sorting: case folded, accents removed, width unified."""
    if text.isascii():  # most names and words: nothing to decompose (the same result, many times quicker)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sort_key(text: str, locale: str | None = None) -> tuple[str, str]:
    """A key that sorts names the way a reader of `locale` roughly expects (see the module docstring).

    The first part ignores case and accents, the second breaks ties so that
    "Müller" and "Muller" keep a stable order. The locale does not change the
    order yet; it is accepted so callers need not change when a collator comes.
    """
    del locale
    stripped = text.strip()
    return fold(stripped), unicodedata.normalize("NFC", stripped)


# --- helpers ---------------------------------------------------------------------------


def _as_date(day: date | datetime) -> date:
    return day.date() if isinstance(day, datetime) else day


def _as_datetime(day: date | datetime) -> datetime:
    if isinstance(day, datetime):
        return day.replace(tzinfo=None)
    return datetime.combine(day, time(12))


def _wall_time(moment: time | datetime) -> time:
    return moment.time() if isinstance(moment, datetime) else moment.replace(tzinfo=None)


def _zone(zone: str | tzinfo) -> tzinfo:
    return ZoneInfo(zone) if isinstance(zone, str) else zone


def _moment_in(tz: tzinfo, at: date | datetime) -> datetime:
    if isinstance(at, datetime):
        return at.astimezone(tz) if at.tzinfo is not None else at.replace(tzinfo=tz)
    return datetime.combine(at, time(12), tzinfo=tz)
