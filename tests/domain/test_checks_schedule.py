"""Items at probable typo times: outside the trip's days, or in the middle of the night."""

from __future__ import annotations

from datetime import date

from planner.domain.checks import ProblemKind, Severity
from planner.domain.enums import ItemKind
from tests.domain.checks_support import BERLIN, SHANGHAI, found, item, local, member, plan, sz

KAI = member(1, "Schirmeyer", "Kai")
OUTSIDE = ProblemKind.OUTSIDE_TRIP
HOUR = ProblemKind.UNUSUAL_HOUR


def test_an_item_after_the_last_day_is_a_warning() -> None:
    p = plan([item(1, sz(28, 10), sz(28, 11), "Museum visit", venue_id=None)], [KAI])
    [problem] = found(p, OUTSIDE)
    assert problem.severity == Severity.WARNING
    assert problem.message() == (
        "“Museum visit” (Friday, 28 October 2016, 10:00–11:00) lies outside the days of the trip (24–27 October 2016)"
    )
    assert problem.item_ids == (1,)
    assert problem.when == sz(28, 10)


def test_the_first_and_last_day_count_in_full() -> None:
    p = plan([item(1, sz(24, 0), sz(24, 1)), item(2, sz(27, 23), sz(28, 0))], [KAI])
    assert found(p, OUTSIDE) == []


def test_a_minute_before_the_first_day_is_outside() -> None:
    p = plan([item(1, sz(23, 23, 59), sz(24, 1))], [KAI])
    assert [pr.item_ids for pr in found(p, OUTSIDE)] == [(1,)]


def test_the_days_are_counted_on_the_destinations_clock() -> None:
    # 18:30 in Berlin on the 23rd is already 00:30 on the 24th in Shenzhen.
    inside = item(1, local(BERLIN, 2016, 10, 23, 18, 30), local(BERLIN, 2016, 10, 23, 20), tz=BERLIN)
    outside = item(2, local(BERLIN, 2016, 10, 23, 17, 30), local(BERLIN, 2016, 10, 23, 17, 45), tz=BERLIN)
    assert [pr.item_ids for pr in found(plan([inside, outside], [KAI]), OUTSIDE)] == [(2,)]


def test_a_journey_only_has_to_touch_the_trip() -> None:
    home = item(1, sz(27, 20, 30), local(BERLIN, 2016, 10, 28, 6, 15), "Return flight", kind=ItemKind.TRAVEL, end_timezone=BERLIN)
    out = item(2, local(BERLIN, 2016, 10, 22, 18, 30), sz(23, 14), "Early flight", kind=ItemKind.TRAVEL, tz=BERLIN,
               end_timezone=SHANGHAI)
    assert [pr.item_ids for pr in found(plan([home, out], [KAI]), OUTSIDE)] == [(2,)]


def test_a_dst_night_on_the_last_day_still_ends_at_midnight() -> None:
    # Berlin, Sunday 30 October 2016 has 25 hours; an item until 23:59 that day is inside.
    p = plan(
        [item(1, local(BERLIN, 2016, 10, 30, 22), local(BERLIN, 2016, 10, 30, 23, 59), tz=BERLIN),
         item(2, local(BERLIN, 2016, 10, 31, 0, 0), local(BERLIN, 2016, 10, 31, 0, 30), tz=BERLIN)],
        [KAI], timezone=BERLIN, first_day=date(2016, 10, 28), last_day=date(2016, 10, 30),
    )
    assert [pr.item_ids for pr in found(p, OUTSIDE)] == [(2,)]


def test_a_trip_without_days_has_nothing_outside() -> None:
    assert found(plan([item(1, sz(28, 10), sz(28, 11))], [KAI], first_day=None, last_day=None), OUTSIDE) == []


def test_an_early_start_is_a_hint_with_the_local_time() -> None:
    p = plan([item(1, sz(25, 5, 30), sz(25, 7), "Breakfast")], [KAI])
    [problem] = found(p, HOUR)
    assert problem.severity == Severity.HINT
    assert problem.message() == "“Breakfast” starts at 05:30, before 06:00 local time (Tuesday, 25 October 2016, 05:30–07:00)"
    assert problem.item_ids == (1,)


def test_a_late_end_is_a_hint() -> None:
    p = plan([item(1, sz(25, 21), sz(25, 23, 30), "Karaoke")], [KAI])
    [problem] = found(p, HOUR)
    assert problem.message() == "“Karaoke” ends at 23:30, after 23:00 local time (Tuesday, 25 October 2016, 21:00–23:30)"


def test_six_to_eleven_is_the_usual_day() -> None:
    assert found(plan([item(1, sz(25, 6), sz(25, 23))], [KAI]), HOUR) == []


def test_an_item_across_midnight_ends_late() -> None:
    p = plan([item(1, sz(25, 22), sz(26, 1), "Night market")], [KAI])
    [problem] = found(p, HOUR)
    assert "ends at 01:00" in problem.message()
    assert "(Tue 25 Oct, 22:00\u2009–\u2009Wed 26 Oct, 01:00)" in problem.message()  # CLDR puts thin spaces round the dash


def test_ending_at_midnight_is_late() -> None:
    assert len(found(plan([item(1, sz(25, 21), sz(26, 0))], [KAI]), HOUR)) == 1


def test_an_overnight_flight_landing_in_the_day_is_not_late() -> None:
    flight = item(1, sz(27, 20, 30), local(BERLIN, 2016, 10, 28, 6, 15), kind=ItemKind.TRAVEL, end_timezone=BERLIN)
    assert found(plan([flight], [KAI]), HOUR) == []


def test_both_early_and_late_is_one_hint() -> None:
    p = plan([item(1, sz(25, 5), sz(25, 23, 30), "Marathon day")], [KAI])
    [problem] = found(p, HOUR)
    assert problem.message().startswith("“Marathon day” starts before 06:00 and ends after 23:00 local time")


def test_hours_are_judged_on_the_items_own_clock() -> None:
    # 08:00 in Berlin is 14:00 in Shenzhen: fine there, whatever the trip's zone.
    early_berlin = item(1, local(BERLIN, 2016, 10, 25, 5), local(BERLIN, 2016, 10, 25, 7), tz=BERLIN)
    fine_berlin = item(2, local(BERLIN, 2016, 10, 25, 8), local(BERLIN, 2016, 10, 25, 9), tz=BERLIN)
    assert [pr.item_ids for pr in found(plan([early_berlin, fine_berlin], [KAI]), HOUR)] == [(1,)]


def test_local_hours_follow_the_clock_change() -> None:
    # 04:30 UTC is 06:30 in Berlin in summer but 05:30 after the clocks went back.
    summer = item(1, local(BERLIN, 2016, 10, 29, 6, 30), local(BERLIN, 2016, 10, 29, 8), tz=BERLIN)
    winter = item(2, local(BERLIN, 2016, 10, 31, 5, 30), local(BERLIN, 2016, 10, 31, 8), tz=BERLIN)
    assert summer.start is not None and winter.start is not None
    assert summer.start.time() == winter.start.time()
    p = plan([summer, winter], [KAI], timezone=BERLIN, first_day=date(2016, 10, 29), last_day=date(2016, 10, 31))
    assert [pr.item_ids for pr in found(p, HOUR)] == [(2,)]
