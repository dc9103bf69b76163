"""Dates, times, zones and numbers read as a German, Chinese and English reader expects."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from planner import formatting as f
from planner import i18n

DAY = date(2016, 10, 24)
MORNING = datetime(2016, 10, 24, 9, 30)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de", "Montag, 24. Oktober 2016"),
        ("zh_CN", "2016年10月24日星期一"),
        ("zh", "2016年10月24日星期一"),
        ("en", "Monday, 24 October 2016"),
    ],
)
def test_full_date_with_weekday(locale: str, expected: str) -> None:
    assert f.full_date(DAY, locale) == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de", "Montag, 24. Oktober 2016, 09:30"),
        ("zh_CN", "2016年10月24日星期一 09:30"),
        ("en", "Monday, 24 October 2016, 09:30"),
    ],
)
def test_date_time(locale: str, expected: str) -> None:
    assert f.date_time(MORNING, locale) == expected


def test_date_time_of_an_aware_moment_shows_its_own_wall_clock() -> None:
    moment = datetime(2016, 10, 24, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert f.date_time(moment, "en") == "Monday, 24 October 2016, 09:30"


def test_english_is_british_day_month_order_not_american() -> None:
    assert f.babel_locale("en").territory == "GB"
    assert f.full_date(DAY, "en_US") == "Monday, October 24, 2016"
    assert f.short_date(DAY, "en") == "24/10/2016"


@pytest.mark.parametrize(("locale", "expected"), [("de", "24.10.2016"), ("zh_CN", "2016/10/24"), ("en", "24/10/2016")])
def test_short_date_has_the_full_year(locale: str, expected: str) -> None:
    assert f.short_date(DAY, locale) == expected


@pytest.mark.parametrize(("locale", "expected"), [("de", "Mo., 24. Okt."), ("zh_CN", "10月24日周一"), ("en", "Mon 24 Oct")])
def test_day_heading(locale: str, expected: str) -> None:
    assert f.day_heading(DAY, locale) == expected


@pytest.mark.parametrize("locale", ["de", "zh_CN", "en", "en_US"])
def test_time_is_24_hour_in_every_language(locale: str) -> None:
    assert f.time_of_day(time(9, 30), locale) == "09:30"
    assert f.time_of_day(datetime(2016, 10, 24, 21, 5), locale) == "21:05"


@pytest.mark.parametrize(("locale", "expected"), [("de", "09:30–11:00 Uhr"), ("zh_CN", "09:30–11:00"), ("en", "09:30–11:00")])
def test_time_range_on_one_day(locale: str, expected: str) -> None:
    assert f.time_range(time(9, 30), time(11, 0), locale) == expected


def test_time_range_over_midnight_names_both_days() -> None:
    text = f.time_range(datetime(2016, 10, 24, 22, 0), datetime(2016, 10, 25, 6, 50), "en")
    assert text == "Mon 24 Oct, 22:00\u2009–\u2009Tue 25 Oct, 06:50"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de", "24.–27. Oktober 2016"),
        ("zh_CN", "2016年10月24日至27日"),
        ("en", "24–27 October 2016"),
    ],
)
def test_trip_date_range_within_a_month(locale: str, expected: str) -> None:
    assert f.date_range(DAY, date(2016, 10, 27), locale) == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de", "30. Dezember 2016\u2009–\u20092. Januar 2017"),
        ("zh_CN", "2016年12月30日至2017年1月2日"),
        ("en", "30 December 2016\u2009–\u20092 January 2017"),
    ],
)
def test_trip_date_range_across_years(locale: str, expected: str) -> None:
    assert f.date_range(date(2016, 12, 30), date(2017, 1, 2), locale) == expected


def test_trip_date_range_across_months_and_single_day() -> None:
    assert f.date_range(DAY, date(2016, 11, 2), "de") == "24. Oktober\u2009–\u20092. November 2016"
    assert f.date_range(DAY, date(2016, 11, 2), "zh_CN") == "2016年10月24日至11月2日"
    assert f.date_range(DAY, DAY, "de") == "24. Oktober 2016"
    assert f.date_range(date(2016, 10, 27), DAY, "en") == "24–27 October 2016"


def test_widening_leaves_quoted_text_and_full_months_alone() -> None:
    assert f._widen_month("d. MMM y") == "d. MMMM y"
    assert f._widen_month("MMMM d 'MMM'") == "MMMM d 'MMM'"
    assert f._widen_month("y年M月d日") == "y年M月d日"


def test_weekday_names() -> None:
    assert f.weekday_name(DAY, "de") == "Montag"
    assert f.weekday_name(DAY, "zh_CN") == "星期一"
    assert f.weekday_name(6, "en") == "Sunday"
    assert f.weekday_names("de", "abbreviated")[:2] == ["Mo.", "Di."]
    assert f.weekday_names("zh_CN")[6] == "星期日"
    assert len(f.weekday_names("en")) == 7


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("de", "Chinesische Normalzeit"), ("zh_CN", "中国标准时间"), ("en", "China Standard Time")],
)
def test_zone_name_on_a_day(locale: str, expected: str) -> None:
    assert f.zone_name("Asia/Shanghai", DAY, locale) == expected


def test_zone_name_follows_summer_time_and_has_a_generic_form() -> None:
    assert f.zone_name("Europe/Berlin", date(2016, 7, 1), "de") == "Mitteleuropäische Sommerzeit"
    assert f.zone_name("Europe/Berlin", date(2016, 12, 1), "en") == "Central European Standard Time"
    assert f.zone_name("Europe/Berlin", None, "en") == "Central European Time"
    assert f.zone_name(ZoneInfo("Europe/Berlin"), None, "zh_CN") == "中欧时间"


def test_short_gmt_offsets() -> None:
    assert f.gmt_offset("Asia/Shanghai", DAY, "de") == "GMT+8"
    assert f.gmt_offset("Asia/Kolkata", DAY, "en") == "GMT+5:30"
    assert f.gmt_offset("America/St_Johns", date(2016, 12, 1), "en") == "GMT-3:30"
    assert f.gmt_offset("Europe/London", date(2016, 12, 1), "zh_CN") == "GMT"
    assert f.gmt_offset("Europe/Berlin", date(2016, 7, 1), "en") == "GMT+2"


def test_local_time_with_zone_for_travel_days() -> None:
    landing = datetime(2016, 10, 24, 1, 30, tzinfo=UTC)
    assert f.local_time_with_zone(landing, "Asia/Shanghai", "de") == "09:30 Chinesische Normalzeit"
    assert f.local_time_with_zone(landing, "Asia/Shanghai", "zh_CN") == "中国标准时间 09:30"
    assert f.local_time_with_zone(landing, "Asia/Shanghai", "en") == "09:30 China Standard Time"
    assert f.local_time_with_zone(landing, "Europe/Berlin", "en", short=True) == "03:30 GMT+2"
    # A naive moment is UTC; without a zone the moment's own zone is used.
    assert f.local_time_with_zone(datetime(2016, 10, 24, 1, 30), "Asia/Shanghai", "en", short=True) == "09:30 GMT+8"
    assert f.local_time_with_zone(landing.astimezone(ZoneInfo("Asia/Shanghai")), None, "en", short=True) == "09:30 GMT+8"


def test_numbers() -> None:
    assert f.integer(1234567, "de") == "1.234.567"
    assert f.integer(1234567, "zh_CN") == "1,234,567"
    assert f.integer(1234567, "en") == "1,234,567"
    assert f.decimal(3.5, "de") == "3,5"
    assert f.decimal(1234.567, "en") == "1,234.57"
    assert f.decimal(2.0, "de", digits=1) == "2"


def test_first_day_of_week() -> None:
    assert f.first_day_of_week("de") == 0
    assert f.first_day_of_week("en") == 0  # British English: Monday
    assert f.first_day_of_week("en_US") == 6
    assert f.first_day_of_week("zh_CN") in (0, 6)
    assert f.first_day_of_week("zh_CN") == int(f.babel_locale("zh_CN").first_week_day)


def test_country_names_in_each_language() -> None:
    assert f.country_name("CN", "de") == "China"
    assert f.country_name("cn", "zh_CN") == "中国"
    assert f.country_name("DE", "en") == "Germany"
    assert f.country_name("", "en") == ""
    assert f.country_name("QQ", "en") == "QQ"
    names = [name for _, name in f.countries("de")]
    assert names.index("Ägypten") < names.index("Albanien")  # Ä sorts with A, not after Z
    assert ("CN", "China") in f.countries("en")


def test_sort_keys_ignore_case_and_accents_and_keep_cjk_by_code_point() -> None:
    words = ["Zebra", "äpfel", "Apfel", "Müller", "Muller", "Ärger", "深圳", "北京", "上海"]
    ordered = sorted(words, key=f.sort_key)
    assert ordered[:4] == ["Apfel", "äpfel", "Ärger", "Muller"]
    assert ordered.index("Müller") == ordered.index("Muller") + 1
    assert ordered.index("Zebra") < ordered.index("上海")
    assert ordered[-3:] == sorted(["深圳", "北京", "上海"])
    assert f.sort_key("Straße")[0] == f.sort_key("STRASSE")[0]


def test_fold_matches_across_case_accents_and_width() -> None:
    assert f.fold("MÜNCHEN") == f.fold("munchen")
    assert f.fold("ＡＢＣ") == "abc"
    assert f.fold("深圳") == "深圳"


def test_defaults_to_the_interface_language() -> None:
    i18n.set_language("de")
    assert f.full_date(DAY) == "Montag, 24. Oktober 2016"
    i18n.set_language("zh")
    assert f.full_date(DAY) == "2016年10月24日星期一"
    i18n.set_language("en")
    assert f.full_date(DAY) == "Monday, 24 October 2016"


def test_unknown_locale_falls_back_to_english() -> None:
    assert f.full_date(DAY, "xx_YY") == "Monday, 24 October 2016"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("de", "Shenzhen, China"), ("en", "Shenzhen, China"), ("zh", "中国深圳"), ("zh_CN", "中国深圳")],
)
def test_place_name_in_the_order_of_the_language(locale: str, expected: str) -> None:
    city = "深圳" if locale.startswith("zh") else "Shenzhen"
    assert f.place_name(city, "CN", locale) == expected


def test_join_fields_uses_the_chinese_comma_in_chinese() -> None:
    assert f.join_fields(["宋凯", "", "国际业务部总监", "+86 755 0000 341"], "zh") == "宋凯，国际业务部总监，+86 755 0000 341"
    assert f.join_fields(["Song Kai", "Director"], "de") == "Song Kai, Director"
