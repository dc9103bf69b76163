"""Running every check: order of the result, messages worded at display time, empty plans."""

from __future__ import annotations

import gettext
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from planner import i18n
from planner.domain.checks import CHECKS, Problem, ProblemKind, Severity, run_checks
from planner.domain.checks.params import Count, Languages, People, PersonName, Span, display
from planner.domain.enums import Language, Role
from planner.domain.localized import LocalizedText
from tests.domain.checks_support import item, member, plan, sz, venue


def test_an_empty_trip_has_no_problems() -> None:
    assert run_checks(plan()) == []


def test_a_trip_without_members_still_checks_its_programme() -> None:
    problems = run_checks(plan([item(1, sz(25, 9), sz(25, 10), venue_id=7, host=None)], [], [venue(7, "EMAX", address="")]))
    assert {p.kind for p in problems} == {ProblemKind.NO_HOST_CONTACT, ProblemKind.VENUE_WITHOUT_ADDRESS}


def test_a_clean_plan_has_no_problems() -> None:
    members = [member(1, "Schirmeyer", "Kai"), member(2, "Xu", "Qin", nationality="CN", language=Language.ZH)]
    items = [item(1, sz(25, 9), sz(25, 10), venue_id=7), item(2, sz(25, 10, 30), sz(25, 12), venue_id=8)]
    assert run_checks(plan(items, members, [venue(7, "EMAX"), venue(8, "OCAT")])) == []


def test_problems_come_by_severity_then_whole_trip_then_time() -> None:
    members = [member(1, "Schirmeyer", "Kai", passport=""), member(2, "Becker", "Anna", expiry=date(2017, 1, 1))]
    items = [
        item(1, sz(26, 5), sz(26, 7), "Early"),  # hint, 26th
        item(2, sz(25, 9), sz(25, 11), "A", participants=[1]),  # with 3: error, 25th
        item(3, sz(25, 10), sz(25, 12), "B", participants=[1]),
        item(4, sz(28, 9), sz(28, 10), "Too late"),  # outside the trip: warning, 28th
        item(5, sz(24, 9), sz(24, 10), "Welcome", host=None),  # hint, 24th
    ]
    problems = run_checks(plan(items, members))
    assert [(p.severity, p.kind) for p in problems] == [
        (Severity.ERROR, ProblemKind.PASSPORT_MISSING),
        (Severity.ERROR, ProblemKind.PARTICIPANT_OVERLAP),
        (Severity.WARNING, ProblemKind.PASSPORT_EXPIRING),
        (Severity.WARNING, ProblemKind.OUTSIDE_TRIP),
        (Severity.HINT, ProblemKind.NO_HOST_CONTACT),
        (Severity.HINT, ProblemKind.UNUSUAL_HOUR),
    ]


def test_a_chosen_set_of_checks_runs_alone() -> None:
    from planner.domain.checks.passports import passport_problems

    members = [member(1, "Schirmeyer", "Kai", passport="")]
    items = [item(1, sz(25, 9), sz(25, 11)), item(2, sz(25, 10), sz(25, 12))]
    assert [p.kind for p in run_checks(plan(items, members), (passport_problems,))] == [ProblemKind.PASSPORT_MISSING]
    assert len(CHECKS) == 27  # missing_translations registered as its three parts; travel legs (a departure run's pick-up time too), vehicles, rooms


def test_severity_labels_and_order() -> None:
    assert [s.label for s in sorted(Severity, key=lambda s: s.rank)] == ["error", "warning", "hint"]


class _German(gettext.NullTranslations):
    CATALOG = {
        "{count} items": "{count} Punkte",
        "{count} broken": "{zahl} kaputt",
        "German": "Deutsch",
        "Chinese": "Chinesisch",
    }

    def gettext(self, message: str) -> str:
        return self.CATALOG.get(message, message)


def test_the_message_is_translated_when_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = Problem(Severity.HINT, ProblemKind.MISSING_TRANSLATION, "{count} items", {"count": Count(1234)})
    assert problem.message() == "1,234 items"
    monkeypatch.setattr(i18n._State, "translation", _German())
    monkeypatch.setattr(i18n._State, "language", "de")
    assert problem.message() == "1.234 Punkte"
    assert display(Languages((Language.DE, Language.ZH))) == "Deutsch und Chinesisch"


def test_a_broken_translation_falls_back_to_the_english_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n._State, "translation", _German())
    problem = Problem(Severity.HINT, ProblemKind.MISSING_TRANSLATION, "{count} broken", {"count": 3})
    assert problem.message() == "3 broken"
    assert str(problem) == "3 broken"


def test_dates_follow_the_interface_locale() -> None:
    shenzhen = ZoneInfo("Asia/Shanghai")
    span = Span(sz(25, 10).astimezone(shenzhen), sz(25, 11).astimezone(shenzhen))
    assert display(span) == "Tuesday, 25 October 2016, 10:00–11:00"
    i18n.set_language("de")
    assert display(span) == "Dienstag, 25. Oktober 2016, 10:00–11:00 Uhr"
    i18n.set_language("zh")
    assert display(span).startswith("2016年10月25日星期二")


def test_params_show_enums_by_label_and_text_in_the_interface_language() -> None:
    assert display(Role.HEAD) == "Head of delegation"
    assert display(LocalizedText(de="Besuch", en="Visit")) == "Visit"
    assert display(People((PersonName("Xu", "Qin", "许勤"), PersonName("Weil", "Stephan")))) == "Xu Qin and Stephan Weil"
    i18n.set_language("zh")
    assert display(People((PersonName("Xu", "Qin", "许勤"), PersonName("Weil", "Stephan")))) == "许勤和Stephan Weil"
    assert display(42) == 42
