"""Local wall-clock times and UTC, across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from planner.domain.errors import ValidationError
from planner.domain.timing import as_utc, day_bounds_utc, local_to_utc, utc_to_local

BERLIN = "Europe/Berlin"
SHANGHAI = "Asia/Shanghai"


def test_winter_and_summer_offsets_in_berlin() -> None:
    assert local_to_utc(datetime(2016, 1, 15, 12, 0), BERLIN) == datetime(2016, 1, 15, 11, 0, tzinfo=UTC)
    assert local_to_utc(datetime(2016, 7, 15, 12, 0), BERLIN) == datetime(2016, 7, 15, 10, 0, tzinfo=UTC)


def test_result_is_aware_utc() -> None:
    result = local_to_utc(datetime(2016, 10, 24, 9, 30), SHANGHAI)
    assert result.tzinfo is not None
    assert result.utcoffset() == timedelta(0)
    assert result == datetime(2016, 10, 24, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize("minute", [0, 1, 30, 59])
def test_spring_forward_gap_is_refused(minute: int) -> None:
    with pytest.raises(ValidationError) as info:
        local_to_utc(datetime(2016, 3, 27, 2, minute), BERLIN)
    err = info.value
    assert err.field == "start"
    assert f"2016-03-27 02:{minute:02d}" in err.message()
    assert BERLIN in err.message()
    assert "does not exist" in err.message()


def test_gap_refusal_names_the_given_field() -> None:
    with pytest.raises(ValidationError) as info:
        local_to_utc(datetime(2016, 3, 27, 2, 30), BERLIN, field="end")
    assert info.value.field == "end"


def test_times_around_the_gap_exist() -> None:
    assert local_to_utc(datetime(2016, 3, 27, 1, 59), BERLIN) == datetime(2016, 3, 27, 0, 59, tzinfo=UTC)
    assert local_to_utc(datetime(2016, 3, 27, 3, 0), BERLIN) == datetime(2016, 3, 27, 1, 0, tzinfo=UTC)


def test_ambiguous_fall_back_time_takes_the_first_occurrence() -> None:
    # 02:30 happens twice on 2016-10-30: first in summer time (00:30 UTC), then
    # in winter time (01:30 UTC). The planner takes the first, every time.
    local = datetime(2016, 10, 30, 2, 30)
    results = {local_to_utc(local, BERLIN) for _ in range(3)}
    assert results == {datetime(2016, 10, 30, 0, 30, tzinfo=UTC)}


def test_times_around_the_fall_back_hour() -> None:
    assert local_to_utc(datetime(2016, 10, 30, 1, 59), BERLIN) == datetime(2016, 10, 29, 23, 59, tzinfo=UTC)
    assert local_to_utc(datetime(2016, 10, 30, 3, 0), BERLIN) == datetime(2016, 10, 30, 2, 0, tzinfo=UTC)


def test_aware_input_is_only_converted() -> None:
    aware = datetime(2016, 10, 24, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    assert local_to_utc(aware, BERLIN) == datetime(2016, 10, 24, 1, 30, tzinfo=UTC)


def test_shanghai_has_no_daylight_saving() -> None:
    day = date(2016, 1, 1)
    while day.year == 2016:
        local = utc_to_local(datetime.combine(day, datetime.min.time(), tzinfo=UTC), SHANGHAI)
        assert local.utcoffset() == timedelta(hours=8), day
        day += timedelta(days=1)
    # Berlin's transition nights are ordinary nights in Shanghai.
    assert local_to_utc(datetime(2016, 3, 27, 2, 30), SHANGHAI) == datetime(2016, 3, 26, 18, 30, tzinfo=UTC)
    assert local_to_utc(datetime(2016, 10, 30, 2, 30), SHANGHAI) == datetime(2016, 10, 29, 18, 30, tzinfo=UTC)


def test_utc_to_local_shows_both_fall_back_occurrences() -> None:
    first = utc_to_local(datetime(2016, 10, 30, 0, 30, tzinfo=UTC), BERLIN)
    second = utc_to_local(datetime(2016, 10, 30, 1, 30, tzinfo=UTC), BERLIN)
    assert first.replace(tzinfo=None) == second.replace(tzinfo=None) == datetime(2016, 10, 30, 2, 30)
    assert first.utcoffset() == timedelta(hours=2)
    assert second.utcoffset() == timedelta(hours=1)
    assert second.fold == 1


def test_utc_to_local_treats_naive_as_utc() -> None:
    local = utc_to_local(datetime(2016, 10, 24, 1, 30), SHANGHAI)
    assert local.replace(tzinfo=None) == datetime(2016, 10, 24, 9, 30)
    assert local.utcoffset() == timedelta(hours=8)


@pytest.mark.parametrize("day", [date(2016, 3, 27), date(2016, 10, 30), date(2016, 6, 1)])
def test_round_trip_every_quarter_hour_of_a_transition_day(day: date) -> None:
    moment = datetime.combine(day, datetime.min.time())
    while moment.date() == day:
        if day == date(2016, 3, 27) and moment.hour == 2:
            moment += timedelta(minutes=15)
            continue
        utc = local_to_utc(moment, BERLIN)
        assert utc_to_local(utc, BERLIN).replace(tzinfo=None) == moment
        moment += timedelta(minutes=15)


def test_day_bounds_of_ordinary_and_transition_days() -> None:
    start, end = day_bounds_utc(date(2016, 6, 1), BERLIN)
    assert (start, end) == (datetime(2016, 5, 31, 22, 0, tzinfo=UTC), datetime(2016, 6, 1, 22, 0, tzinfo=UTC))
    start, end = day_bounds_utc(date(2016, 3, 27), BERLIN)
    assert start == datetime(2016, 3, 26, 23, 0, tzinfo=UTC)
    assert end - start == timedelta(hours=23)
    start, end = day_bounds_utc(date(2016, 10, 30), BERLIN)
    assert start == datetime(2016, 10, 29, 22, 0, tzinfo=UTC)
    assert end - start == timedelta(hours=25)


def test_day_bounds_in_shanghai() -> None:
    start, end = day_bounds_utc(date(2016, 10, 24), SHANGHAI)
    assert start == datetime(2016, 10, 23, 16, 0, tzinfo=UTC)
    assert end == datetime(2016, 10, 24, 16, 0, tzinfo=UTC)


def test_consecutive_day_bounds_tile_the_timeline() -> None:
    day = date(2016, 10, 28)
    previous_end = None
    for _ in range(5):
        start, end = day_bounds_utc(day, BERLIN)
        if previous_end is not None:
            assert start == previous_end
        previous_end = end
        day += timedelta(days=1)


def test_as_utc() -> None:
    assert as_utc(datetime(2016, 1, 1, 12)) == datetime(2016, 1, 1, 12, tzinfo=UTC)
    eight = timezone(timedelta(hours=8))
    assert as_utc(datetime(2016, 1, 1, 12, tzinfo=eight)) == datetime(2016, 1, 1, 4, tzinfo=UTC)
    assert as_utc(datetime(2016, 1, 1, 12, tzinfo=eight)).tzinfo == UTC


@pytest.mark.parametrize("zone", ["Mars/Base", "", "not a zone"])
def test_unknown_zone_is_a_validation_error_not_a_crash(zone: str) -> None:
    for call in (
        lambda: local_to_utc(datetime(2016, 1, 1, 12), zone),
        lambda: utc_to_local(datetime(2016, 1, 1, 12, tzinfo=UTC), zone),
        lambda: day_bounds_utc(date(2016, 1, 1), zone),
    ):
        with pytest.raises(ValidationError) as info:
            call()
        assert info.value.field == "timezone"
        assert "time zone" in info.value.message()
