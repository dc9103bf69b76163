"""Clocks that do not fit the place: a venue on another country's zone, an item on another zone than its venue."""

from __future__ import annotations

from planner.domain.checks import ProblemKind, Severity
from planner.domain.enums import ItemKind
from tests.domain.checks_support import BERLIN, SHANGHAI, found, item, local, member, plan, sz, venue

KAI = member(1, "Schirmeyer", "Kai")


def test_a_venue_in_germany_on_shanghai_time_is_a_warning() -> None:
    rathaus = venue(7, "Neues Rathaus", country="DE", tz=SHANGHAI)
    p = plan([item(1, sz(26, 9), sz(26, 10), venue_id=7)], [KAI], [rathaus])
    [problem] = found(p, ProblemKind.VENUE_ZONE_NOT_COUNTRY)
    assert problem.severity == Severity.WARNING
    assert problem.message() == (
        "Neues Rathaus is in Germany, but its time zone is Asia/Shanghai (usually Europe/Berlin); times there print off"
    )
    assert problem.venue_ids == (7,)
    assert problem.item_ids == ()  # "jump to" selects the venue, where the fix is


def test_aliases_and_venues_without_country_are_not_questioned() -> None:
    p = plan(
        [item(1, sz(26, 9), sz(26, 10), venue_id=7), item(2, sz(26, 11), sz(26, 12), venue_id=8)],
        [KAI],
        [venue(7, "Chongqing office", country="CN", tz="Asia/Chongqing"), venue(8, "Somewhere", country="", tz=BERLIN)],
    )
    assert found(p, ProblemKind.VENUE_ZONE_NOT_COUNTRY) == []


def test_an_item_on_another_clock_than_its_venue_is_a_warning_with_the_zone_named() -> None:
    rathaus = venue(7, "Neues Rathaus", country="DE", tz=BERLIN)
    visit = item(1, local(SHANGHAI, 2016, 10, 26, 9), local(SHANGHAI, 2016, 10, 26, 10), "Visit", venue_id=7, tz=SHANGHAI)
    [problem] = found(plan([visit], [KAI], [rathaus]), ProblemKind.ITEM_ZONE_NOT_VENUE)
    assert problem.severity == Severity.WARNING
    assert problem.message() == (
        "“Visit” (Wednesday, 26 October 2016, 09:00–10:00) is timed in Asia/Shanghai, but Neues Rathaus keeps Europe/Berlin"
    )
    assert (problem.item_ids, problem.venue_ids) == ((1,), (7,))


def test_an_item_on_its_venues_clock_in_another_zone_than_the_trips_names_the_offset() -> None:
    rathaus = venue(7, "Neues Rathaus", country="DE", tz=BERLIN)
    visit = item(1, local(BERLIN, 2016, 10, 26, 9), local(BERLIN, 2016, 10, 26, 10), "Visit", venue_id=7, tz=BERLIN, host=None)
    p = plan([visit], [KAI], [rathaus])
    assert found(p, ProblemKind.ITEM_ZONE_NOT_VENUE) == []
    [hint] = found(p, ProblemKind.NO_HOST_CONTACT)
    assert hint.message() == "“Visit” (Wednesday, 26 October 2016, 09:00–10:00 GMT+2) has no host contact"
    assert hint.when_zone() == BERLIN


def test_a_journey_fits_when_it_ends_on_its_venues_clock() -> None:
    airport = venue(7, "Shenzhen airport", country="CN", tz=SHANGHAI)
    flight = item(
        1, local(BERLIN, 2016, 10, 23, 12), local(SHANGHAI, 2016, 10, 24, 6), "Flight", venue_id=7, tz=BERLIN,
        end_timezone=SHANGHAI, kind=ItemKind.TRAVEL,
    )
    assert found(plan([flight], [KAI], [airport]), ProblemKind.ITEM_ZONE_NOT_VENUE) == []
