"""Someone to receive the delegation, and an address for the driver."""

from __future__ import annotations

import pytest

from planner.domain.checks import ProblemKind, Severity
from planner.domain.enums import ItemKind
from tests.domain.checks_support import found, item, member, plan, sz, venue

KAI = member(1, "Schirmeyer", "Kai")


@pytest.mark.parametrize("kind", [ItemKind.SITE_VISIT, ItemKind.MEETING, ItemKind.MEAL, ItemKind.CEREMONY, ItemKind.PRESS])
def test_a_hosted_item_without_host_contact_is_a_hint(kind: ItemKind) -> None:
    p = plan([item(1, sz(26, 9, 30), sz(26, 11, 30), "Visit to EMAX", kind=kind, host=None, venue_id=7)], [KAI], [venue(7, "EMAX")])
    [problem] = found(p, ProblemKind.NO_HOST_CONTACT)
    assert problem.severity == Severity.HINT
    assert problem.message() == "“Visit to EMAX” (Wednesday, 26 October 2016, 09:30–11:30) has no host contact"
    assert problem.item_ids == (1,)
    assert problem.venue_ids == (7,)


@pytest.mark.parametrize("kind", [ItemKind.TRAVEL, ItemKind.CHECK_IN, ItemKind.FREE_TIME])
def test_items_nobody_hosts_need_no_contact(kind: ItemKind) -> None:
    assert found(plan([item(1, sz(26, 9), sz(26, 10), kind=kind, host=None)], [KAI]), ProblemKind.NO_HOST_CONTACT) == []


def test_an_item_with_its_host_is_fine() -> None:
    assert found(plan([item(1, sz(26, 9), sz(26, 10), host=70)], [KAI]), ProblemKind.NO_HOST_CONTACT) == []


def test_a_person_as_host_is_enough() -> None:
    """The mayor receiving the delegation is a person, not a venue contact."""
    hosted = item(1, sz(26, 9), sz(26, 10), host=None, host_person_id=101)
    assert found(plan([hosted], [KAI]), ProblemKind.NO_HOST_CONTACT) == []


def test_a_venue_without_address_is_a_warning_once_with_all_its_items() -> None:
    emax = venue(7, "EMAX", address="", address_romanised="")
    p = plan([item(1, sz(26, 9), sz(26, 10), venue_id=7), item(2, sz(27, 9), sz(27, 10), venue_id=7)], [KAI], [emax])
    [problem] = found(p, ProblemKind.VENUE_WITHOUT_ADDRESS)
    assert problem.severity == Severity.WARNING
    assert problem.message() == "EMAX has no address, but 2 programme items take place there"
    assert problem.venue_ids == (7,)
    assert problem.item_ids == (1, 2)
    assert problem.when == sz(26, 9)


def test_a_venue_used_once_names_the_item() -> None:
    p = plan([item(1, sz(26, 9), sz(26, 10), "Visit", venue_id=7)], [KAI], [venue(7, "EMAX", address="")])
    [problem] = found(p, ProblemKind.VENUE_WITHOUT_ADDRESS)
    assert problem.message() == "EMAX has no address, but “Visit” takes place there"


def test_either_address_is_enough() -> None:
    p = plan([item(1, sz(26, 9), sz(26, 10), venue_id=7)], [KAI], [venue(7, "EMAX", address="", address_romanised="Keyuan Rd 1")])
    assert found(p, ProblemKind.VENUE_WITHOUT_ADDRESS) == []


def test_a_venue_not_in_the_programme_is_not_checked() -> None:
    assert found(plan([], [KAI], [venue(7, "EMAX", address="")]), ProblemKind.VENUE_WITHOUT_ADDRESS) == []
