"""Text participants read that is missing in their language: one problem per text, listing the languages."""

from __future__ import annotations

from planner.domain.checks import ProblemKind, Severity
from planner.domain.enums import Language
from planner.domain.localized import LocalizedText
from tests.domain.checks_support import found, item, member, plan, sz, venue

MISSING = ProblemKind.MISSING_TRANSLATION
KAI = member(1, "Schirmeyer", "Kai", language=Language.DE)
XU = member(2, "Xu", "Qin", language=Language.ZH, nationality="CN")
JANE = member(3, "Whitfield", "Jane", language=Language.EN, nationality="GB")


def test_a_fully_translated_trip_has_no_problem() -> None:
    p = plan([item(1, sz(25, 9), sz(25, 10), venue_id=1, description=LocalizedText(de="a", zh="b", en="c"))], [KAI, XU, JANE],
             [venue(1, "EMAX")])
    assert found(p, MISSING) == []


def test_the_trip_title_is_needed_in_every_members_language() -> None:
    p = plan([], [KAI, XU, JANE], title=LocalizedText(en="Delegation"))
    [problem] = found(p, MISSING)
    assert problem.severity == Severity.WARNING
    assert problem.message() == "The trip's title is missing in German and Chinese"
    assert problem.when is None


def test_only_the_languages_someone_reads_count() -> None:
    assert found(plan([], [KAI, JANE], title=LocalizedText(de="Reise", en="Trip")), MISSING) == []


def test_an_item_title_counts_for_those_attending_it() -> None:
    untranslated = item(1, sz(25, 9), sz(25, 10), participants=[1, 3], title=LocalizedText(en="Workshop"))
    chinese_only = item(2, sz(25, 11), sz(25, 12), participants=[2], title=LocalizedText(zh="座谈会"))
    problems = found(plan([untranslated, chinese_only], [KAI, XU, JANE]), MISSING)
    assert [(p.item_ids, p.message()) for p in problems] == [((1,), "The title of “Workshop” is missing in German")]
    assert problems[0].severity == Severity.WARNING


def test_an_item_for_everyone_lists_every_missing_language_once() -> None:
    p = plan([item(1, sz(25, 9), sz(25, 10), title=LocalizedText(zh="欢迎晚宴"))], [KAI, XU, JANE, member(4, "Other", "German")])
    [problem] = found(p, MISSING)
    assert problem.message() == "The title of “欢迎晚宴” is missing in German and English"


def test_the_title_is_shown_in_the_readers_language() -> None:
    from planner import i18n

    p = plan([item(1, sz(25, 9), sz(25, 10), title=LocalizedText(de="Besuch bei EMAX", en="Visit to EMAX"))], [XU])
    [problem] = found(p, MISSING)
    assert "“Visit to EMAX”" in problem.message()
    i18n.set_language("de")
    assert "Besuch bei EMAX" in problem.message()


def test_a_description_is_checked_only_when_there_is_one() -> None:
    blank = item(1, sz(25, 9), sz(25, 10))
    partial = item(2, sz(25, 11), sz(25, 12), "Visit", description=LocalizedText(en="Tour of the labs"))
    problems = found(plan([blank, partial], [KAI, XU]), MISSING)
    assert [(p.item_ids, p.severity, p.message()) for p in problems] == [
        ((2,), Severity.HINT, "The description of “Visit” is missing in German and Chinese"),
    ]


def test_a_venue_name_is_checked_for_the_people_going_there() -> None:
    emax = venue(1, LocalizedText(en="EMAX VR", de="EMAX VR"))
    unused = venue(2, LocalizedText(en="Unused"))
    p = plan(
        [item(1, sz(25, 9), sz(25, 10), participants=[1], venue_id=1),
         item(2, sz(25, 11), sz(25, 12), participants=[2], venue_id=1)],
        [KAI, XU], [emax, unused],
    )
    [problem] = found(p, MISSING)
    assert problem.severity == Severity.HINT
    assert problem.message() == "The name of EMAX VR is missing in Chinese"
    assert problem.venue_ids == (1,)
    assert problem.item_ids == (1, 2)


def test_no_members_no_readers() -> None:
    assert found(plan([item(1, sz(25, 9), sz(25, 10), title=LocalizedText(en="X"))], [], title=LocalizedText(en="T")), MISSING) == []


def test_an_organisation_or_function_in_one_language_is_a_reminder_per_person() -> None:
    one_language = member(
        4, "Schostok", "Stefan", language=Language.DE, organisation=LocalizedText(de="Landeshauptstadt Hannover"),
        function=LocalizedText(de="Oberbürgermeister", en="Lord Mayor"),
    )
    problems = found(plan([], [KAI, XU, JANE, one_language]), MISSING)
    assert [(p.severity, p.membership_ids, p.person_ids, p.message()) for p in problems] == [
        (Severity.HINT, (4,), (104,), "The organisation of Stefan Schostok is missing in Chinese and English"),
        (Severity.HINT, (4,), (104,), "The function of Stefan Schostok is missing in Chinese"),
    ]


def test_members_without_organisation_or_function_need_no_translation() -> None:
    assert found(plan([], [KAI, XU]), MISSING) == []
