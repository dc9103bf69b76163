"""Passports for a trip abroad: on file, valid until the return, and six months beyond."""

from __future__ import annotations

from datetime import date

import pytest

from planner.domain.checks import Participant, Problem, ProblemKind, Severity, run_checks
from planner.domain.checks.passports import add_months, travels_abroad
from tests.domain.checks_support import member, plan

KINDS = {
    ProblemKind.PASSPORT_MISSING, ProblemKind.PASSPORT_EXPIRED, ProblemKind.PASSPORT_EXPIRING,
    ProblemKind.PASSPORT_EXPIRY_UNKNOWN,
}


def passport_problems(*members: Participant, **trip: object) -> list[Problem]:
    return [p for p in run_checks(plan([], members, **trip)) if p.kind in KINDS]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2016, 10, 27), 6, date(2017, 4, 27)),
        (date(2016, 8, 31), 6, date(2017, 2, 28)),
        (date(2019, 8, 31), 6, date(2020, 2, 29)),
        (date(2016, 12, 15), 1, date(2017, 1, 15)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_who_travels_abroad() -> None:
    assert travels_abroad("DE", "CN")
    assert not travels_abroad("CN", "CN")
    assert not travels_abroad("cn", "CN")
    assert travels_abroad("", "CN")  # unknown nationality: better check once too often
    assert not travels_abroad("DE", "")  # no destination country: nothing to check


def test_a_missing_passport_is_an_error_naming_person_and_country() -> None:
    [problem] = passport_problems(member(1, "Schirmeyer", "Kai", passport="", expiry=None))
    assert problem.severity == Severity.ERROR
    assert problem.kind == ProblemKind.PASSPORT_MISSING
    assert problem.message() == "Kai Schirmeyer travels to China, but no passport is on file"
    assert problem.membership_ids == (1,)
    assert problem.person_ids == (101,)
    assert problem.when is None


def test_a_passport_expiring_during_the_trip_is_an_error() -> None:
    [problem] = passport_problems(member(1, "Schirmeyer", "Kai", expiry=date(2016, 10, 26)))
    assert problem.severity == Severity.ERROR
    assert problem.kind == ProblemKind.PASSPORT_EXPIRED
    assert problem.message() == "The passport of Kai Schirmeyer expires on 26 October 2016, before the trip ends (27 October 2016)"


def test_valid_on_the_last_day_but_not_six_months_more_is_a_warning() -> None:
    [problem] = passport_problems(member(1, "Wehrmann", "Jonas", expiry=date(2017, 2, 28)))
    assert problem.severity == Severity.WARNING
    assert problem.kind == ProblemKind.PASSPORT_EXPIRING
    assert problem.message().startswith("The passport of Jonas Wehrmann expires on 28 February 2017, less than six months")
    assert passport_problems(member(1, "Last", "Day", expiry=date(2016, 10, 27)))[0].kind == ProblemKind.PASSPORT_EXPIRING


def test_six_months_to_the_day_is_enough() -> None:
    assert passport_problems(member(1, "Schirmeyer", "Kai", expiry=date(2017, 4, 27))) == []
    assert len(passport_problems(member(1, "Schirmeyer", "Kai", expiry=date(2017, 4, 26)))) == 1


def test_an_unknown_expiry_date_is_a_warning() -> None:
    [problem] = passport_problems(member(1, "Schirmeyer", "Kai", expiry=None))
    assert (problem.severity, problem.kind) == (Severity.WARNING, ProblemKind.PASSPORT_EXPIRY_UNKNOWN)


def test_nobody_needs_a_passport_to_travel_home() -> None:
    assert passport_problems(member(1, "Zhou", "Wei", nationality="CN", passport="", expiry=None)) == []


def test_without_a_nationality_the_passport_is_checked() -> None:
    assert len(passport_problems(member(1, "Nobody", nationality="", passport=""))) == 1


def test_a_trip_without_destination_country_checks_no_passports() -> None:
    assert passport_problems(member(1, "Schirmeyer", "Kai", passport=""), destination_country="") == []


def test_every_member_is_checked_in_protocol_order() -> None:
    problems = passport_problems(
        member(1, "Schirmeyer", "Kai", order=2, passport=""), member(2, "Becker", "Anna", order=1, passport=""),
        member(3, "Fine", "Fred"),
    )
    assert [p.membership_ids for p in problems] == [(2,), (1,)]
