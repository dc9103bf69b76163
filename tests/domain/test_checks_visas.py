"""Visas: applied for and granted in time before departure, valid until the return."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.domain.checks import Participant, ProblemKind, Severity, run_checks
from planner.domain.checks.visas import VISA_LEAD_DAYS, visa_problems
from planner.domain.entities import ItemData, MembershipData
from planner.domain.enums import Role, VisaStatus
from planner.domain.protocol import VisaData
from tests.domain.checks_support import item, member, plan, sz

KINDS = {ProblemKind.VISA_UNKNOWN, ProblemKind.VISA_NOT_APPLIED, ProblemKind.VISA_NOT_GRANTED, ProblemKind.VISA_EXPIRES}
FIRST_DAY = date(2016, 10, 24)


def visa_findings(members: list[Participant], visas: dict[int, VisaData], today: date, items: tuple[ItemData, ...] = ()) -> list[tuple[Severity, ProblemKind, str]]:
    checked = replace(plan(items, members), visas=visas, today=today)
    return [(p.severity, p.kind, p.message()) for p in run_checks(checked, (visa_problems,)) if p.kind in KINDS]


def visa(mid: int, status: VisaStatus, **dates: date) -> VisaData:
    return VisaData(membership_id=mid, status=status, **dates)


@pytest.mark.parametrize(
    ("status", "days_before", "expected"),
    [
        (VisaStatus.UNKNOWN, 60, None),
        (VisaStatus.UNKNOWN, 10, (Severity.WARNING, ProblemKind.VISA_UNKNOWN)),
        (VisaStatus.NEEDED, 60, (Severity.HINT, ProblemKind.VISA_NOT_APPLIED)),
        (VisaStatus.NEEDED, VISA_LEAD_DAYS, (Severity.ERROR, ProblemKind.VISA_NOT_APPLIED)),
        (VisaStatus.APPLIED, 60, None),
        (VisaStatus.APPLIED, 15, (Severity.WARNING, ProblemKind.VISA_NOT_GRANTED)),
        (VisaStatus.APPLIED, 3, (Severity.ERROR, ProblemKind.VISA_NOT_GRANTED)),
        (VisaStatus.GRANTED, 3, None),
        (VisaStatus.NOT_NEEDED, 3, None),
    ],
)
def test_status_and_time_left(status: VisaStatus, days_before: int, expected: tuple[Severity, ProblemKind] | None) -> None:
    weil = member(1, "Weil", "Stephan")
    found = visa_findings([weil], {1: visa(1, status, applied_on=date(2016, 9, 1))}, FIRST_DAY - timedelta(days=days_before))
    assert [(s, k) for s, k, _ in found] == ([expected] if expected else [])


def test_the_message_names_person_country_and_departure() -> None:
    found = visa_findings([member(1, "Weil", "Stephan")], {1: visa(1, VisaStatus.APPLIED, applied_on=date(2016, 9, 30))}, date(2016, 10, 10))
    assert found[0][2] == (
        "The visa of Stephan Weil for China was applied for on 30 September 2016 but is not granted yet; "
        "departure is on 24 October 2016, in 14 days"
    )


def test_departure_is_the_first_item_attended_when_it_is_earlier() -> None:
    flight = item(1, sz(23, 18), sz(24, 12), participants=[1])
    found = visa_findings([member(1, "Weil"), member(2, "Lies")], {1: visa(1, VisaStatus.NEEDED), 2: visa(2, VisaStatus.NEEDED)},
                          date(2016, 10, 2), items=(flight,))
    assert [s for s, _, _ in found] == [Severity.ERROR, Severity.HINT]
    assert found[0][2].endswith("departure is on 23 October 2016, in 21 days")
    assert "(departure on 24 October 2016)" in found[1][2]


def test_hosts_own_nationals_and_past_trips_are_not_checked() -> None:
    host = Participant(MembershipData(id=1, trip_id=1, person_id=101, role=Role.HOST, protocol_order=1), member(1, "Chen").person)
    local = member(2, "Zhou", nationality="CN")
    assert visa_findings([host, local], {}, date(2016, 10, 20)) == []
    assert visa_findings([member(3, "Weil")], {3: visa(3, VisaStatus.NEEDED)}, date(2016, 10, 28)) == []


def test_a_visa_that_ends_before_the_trip() -> None:
    found = visa_findings([member(1, "Weil", "Stephan")], {1: visa(1, VisaStatus.GRANTED, valid_until=date(2016, 10, 26))}, date(2016, 10, 1))
    assert found == [(Severity.ERROR, ProblemKind.VISA_EXPIRES,
                      "The visa of Stephan Weil for China is valid until 26 October 2016, before the trip ends (27 October 2016)")]


def test_the_checks_stay_quiet_for_the_old_demo_like_plans() -> None:
    # plan() runs with today's date: a 2016 trip is over and not checked.
    assert [p for p in run_checks(plan([], [member(1, "Weil")])) if p.kind in KINDS] == []
