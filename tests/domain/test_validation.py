"""Single-value checks: each refusal names its field and says what is wrong."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from planner.domain import validation as v
from planner.domain.errors import ValidationError


def refused(check: Callable[..., object], *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        check(*args, **kwargs)
    return info.value


# --- e-mail ---------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["max.mustermann@hannover.de", "xu.qin@sz.gov.cn", "a+tag@sub.example.org", "li_wei@example.com.cn"]
)
def test_email_accepts_ordinary_addresses(value: str) -> None:
    assert v.email(value) == value


def test_email_strips_and_allows_empty() -> None:
    assert v.email("  a@b.de \n") == "a@b.de"
    assert v.email("") == ""
    assert v.email(None) == ""


@pytest.mark.parametrize(
    "value", ["no-at-sign", "two@@example.de", "a@b", "a b@c.de", "a@b.c", "<a@b.de>", "a@b,de.com", "@example.de", "a@"]
)
def test_email_refuses_typos_naming_field_and_value(value: str) -> None:
    err = refused(v.email, value)
    assert err.field == "email"
    assert value.strip() in err.message()
    assert "e-mail address" in err.message()


@pytest.mark.parametrize("value", ["mp@\x00example.de", "mp\x07@example.de", "mp@example.d\x7fe"])
def test_email_refuses_control_characters(value: str) -> None:
    """A NUL byte spliced into a trip file's address must be refused, not reach the database (PostgreSQL rejects it)."""
    assert refused(v.email, value).field == "email"


def test_url_refuses_control_characters() -> None:
    assert refused(v.url, "https://example.de/\x00").field == "website"


def test_email_field_name_is_passed_through() -> None:
    assert refused(v.email, "nope", "contacts.0.email").field == "contacts.0.email"


# --- phone ----------------------------------------------------------------


@pytest.mark.parametrize("value", ["+49 511 123-456", "(0511) 1234", "+86 755 8888 0000", "0511/12345", "+49.511.12345"])
def test_phone_accepts_numbers_as_people_write_them(value: str) -> None:
    assert v.phone(f"  {value} ") == value


@pytest.mark.parametrize("value", ["12", "1-2-3-4", "abc12345", "+49 511 123 ext 5", "+++++", "+49 511 1234567890123456789012345"])
def test_phone_refuses_non_numbers(value: str) -> None:
    err = refused(v.phone, value)
    assert err.field == "phone"
    assert value in err.message()
    assert "phone number" in err.message()


def test_phone_empty_is_fine() -> None:
    assert v.phone("") == ""
    assert v.phone(None) == ""


# --- URL ------------------------------------------------------------------


@pytest.mark.parametrize("value", ["https://www.emax.cn", "http://example.de/path?q=1#x", "HTTPS://EXAMPLE.ORG"])
def test_url_accepts_http_and_https(value: str) -> None:
    assert v.url(value) == value


@pytest.mark.parametrize("value", ["www.example.com", "ftp://example.com", "http://", "https:// space.de", "javascript:alert(1)", "https://exa mple.de"])
def test_url_refuses_other_schemes_and_spaces(value: str) -> None:
    err = refused(v.url, value)
    assert err.field == "website"
    assert "web address" in err.message()
    assert value.strip() in err.message()


def test_url_longer_than_its_column_is_refused() -> None:
    longest = "https://example.org/" + "a" * (v.MAX_URL - 20)
    assert v.url(longest) == longest
    err = refused(v.url, longest + "b")
    assert err.field == "website" and "at most 500 characters" in err.message()


# --- time zone ------------------------------------------------------------


@pytest.mark.parametrize("value", ["Asia/Shanghai", "Europe/Berlin", "UTC", "America/Argentina/Buenos_Aires"])
def test_timezone_accepts_iana_names(value: str) -> None:
    assert v.timezone(f" {value} ") == value


@pytest.mark.parametrize("value", ["Mars/Base", "asia/shanghai", "CEST", "UTC+8", "../../etc/passwd", "Europe/"])
def test_timezone_refuses_unknown_names(value: str) -> None:
    err = refused(v.timezone, value)
    assert err.field == "timezone"
    assert value in err.message()
    assert "not a known time zone" in err.message()


def test_timezone_is_required() -> None:
    for value in ("", "   ", None):
        err = refused(v.timezone, value, "end_timezone")
        assert err.field == "end_timezone"
        assert err.message() == "A time zone is required."


# --- country --------------------------------------------------------------


def test_country_is_normalised_to_upper_case() -> None:
    assert v.country(" cn ") == "CN"
    assert v.country("De") == "DE"
    assert v.country("") == ""


@pytest.mark.parametrize("value", ["DEU", "D", "1A", "C N", "中国"])
def test_country_refuses_anything_but_two_letters(value: str) -> None:
    err = refused(v.country, value, "nationality")
    assert err.field == "nationality"
    assert "two-letter country code" in err.message()
    assert value.strip().upper() in err.message()


# --- coordinates ----------------------------------------------------------


@pytest.mark.parametrize("value", [-90.0, 0.0, 22.5431, 90.0, None])
def test_latitude_in_range(value: float | None) -> None:
    assert v.latitude(value) == value


@pytest.mark.parametrize("value", [-90.0001, 90.0001, 180.0, math.nan, math.inf, -math.inf])
def test_latitude_out_of_range(value: float) -> None:
    err = refused(v.latitude, value)
    assert err.field == "latitude"
    assert "between -90 and 90" in err.message()


@pytest.mark.parametrize("value", [-180.0, 0.0, 114.0579, 180.0, None])
def test_longitude_in_range(value: float | None) -> None:
    assert v.longitude(value) == value


@pytest.mark.parametrize("value", [-180.5, 180.0001, 360.0, math.nan])
def test_longitude_out_of_range(value: float) -> None:
    err = refused(v.longitude, value)
    assert err.field == "longitude"
    assert "between -180 and 180" in err.message()


# --- day ranges -----------------------------------------------------------


def test_day_range_accepts_one_day_and_a_year() -> None:
    v.day_range(date(2016, 10, 24), date(2016, 10, 24))
    v.day_range(date(2016, 1, 1), date(2016, 1, 1) + timedelta(days=366))


@pytest.mark.parametrize(
    ("first", "last", "field", "words"),
    [
        (None, date(2016, 10, 30), "first_day", "first day is required"),
        (date(2016, 10, 24), None, "last_day", "last day is required"),
        (date(2016, 10, 24), date(2016, 10, 23), "last_day", "must not be before the first day"),
        (date(2016, 1, 1), date(2016, 1, 1) + timedelta(days=367), "last_day", "more than a year"),
    ],
)
def test_day_range_refusals(first: date | None, last: date | None, field: str, words: str) -> None:
    err = refused(v.day_range, first, last)
    assert err.field == field
    assert words in err.message()


# --- time ranges ----------------------------------------------------------

T0 = datetime(2016, 10, 24, 1, 30, tzinfo=UTC)


def test_time_range_accepts_up_to_fourteen_days() -> None:
    v.time_range(T0, T0 + timedelta(minutes=1))
    v.time_range(T0, T0 + timedelta(days=14))


def test_time_range_refuses_more_than_fourteen_days() -> None:
    for delta in (timedelta(days=14, minutes=1), timedelta(days=14, hours=23), timedelta(days=30)):
        err = refused(v.time_range, T0, T0 + delta)
        assert err.field == "end"
        assert "more than 14 days" in err.message()


def test_time_range_end_must_follow_start() -> None:
    for end in (T0, T0 - timedelta(minutes=5)):
        err = refused(v.time_range, T0, end)
        assert err.field == "end"
        assert err.message() == "The end must be after the start."


def test_time_range_refuses_naive_times() -> None:
    err = refused(v.time_range, T0.replace(tzinfo=None), T0 + timedelta(hours=1))
    assert err.field == "start"
    assert "time zone" in err.message()


# --- dates ----------------------------------------------------------------


def test_parse_date_reads_iso_dates() -> None:
    assert v.parse_date("2016-10-24", "first_day") == date(2016, 10, 24)
    assert v.parse_date(" 2016-02-29 ", "first_day") == date(2016, 2, 29)


@pytest.mark.parametrize("value", ["24.10.2016", "2016-02-30", "2015-02-29", "2016-13-01", "", "tomorrow", "20161024", "2016-W43-1", "2016-10-24T09:00"])
def test_parse_date_refuses_everything_else(value: str) -> None:
    err = refused(v.parse_date, value, "passport_expiry")
    assert err.field == "passport_expiry"
    assert "not a valid date (YYYY-MM-DD)" in err.message()
    assert f"“{value}”" in err.message()


# --- text: required, control characters, length ---------------------------


def test_require_text_strips_and_refuses_empty() -> None:
    assert v.require_text("  Xu  ", "family_name", "Family name") == "Xu"
    for value in ("", "   ", "\n\t", None):
        err = refused(v.require_text, value, "family_name", "Family name")
        assert err.field == "family_name"
        assert err.message() == "Family name must not be empty."


def test_require_text_strips_and_names_the_label() -> None:
    err = refused(v.require_text, "  ", "title", "Title")
    assert err.field == "title"
    assert err.message() == "Title must not be empty."
    assert v.require_text(" x ", "title", "Title") == "x"


def test_require_text_length_limit() -> None:
    assert v.require_text("x" * v.MAX_NAME, "family_name", "Family name") == "x" * v.MAX_NAME
    err = refused(v.require_text, "x" * (v.MAX_NAME + 1), "family_name", "Family name")
    assert err.field == "family_name"
    assert err.message() == f"Family name is too long (at most {v.MAX_NAME} characters)."


def test_optional_text_length_limit_counts_after_stripping() -> None:
    assert v.optional_text("  abc  ", "notes", "Notes", limit=3) == "abc"
    err = refused(v.optional_text, "abcd", "notes", "Notes", limit=3)
    assert err.field == "notes"
    assert err.message() == "Notes is too long (at most 3 characters)."
    assert v.optional_text(None, "notes", "Notes") == ""
    assert len(v.optional_text("y" * v.MAX_TEXT, "notes", "Notes")) == v.MAX_TEXT
    assert refused(v.optional_text, "y" * (v.MAX_TEXT + 1), "notes", "Notes").field == "notes"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\n", "\t", "\r"])
def test_names_refuse_control_characters_and_line_breaks(char: str) -> None:
    err = refused(v.require_text, f"Xu{char}Qin", "family_name", "Family name")
    assert err.field == "family_name"
    assert err.message() == "Family name contains an invalid control character."
    err = refused(v.optional_text, f"Xu{char}Qin", "given_name", "Given name", v.MAX_NAME)
    assert err.field == "given_name"


def test_long_texts_allow_line_breaks_and_tabs_but_no_other_control_characters() -> None:
    text = "Line one\n\tLine two\r\nLine three"
    assert v.optional_text(text, "notes", "Notes") == text
    err = refused(v.optional_text, "bell\x07", "notes", "Notes")
    assert err.field == "notes"
    assert "invalid control character" in err.message()


def test_non_latin_text_is_not_mistaken_for_control_characters() -> None:
    for text in ("许勤", "Müller-Lüdenscheidt", "Ǆemal", "\u00a0non-breaking", "emoji 🚄"):
        assert v.require_text(text, "family_name", "Family name") == text.strip()
