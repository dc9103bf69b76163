"""The needs summary for an item's attendees: free text split, compared case-insensitively, counted."""

from __future__ import annotations

from planner import i18n
from planner.domain.checks import PlanIndex
from planner.domain.checks.needs import NeedCount, count_needs, needs_for_item, needs_text, split_needs, summarise_needs
from planner.domain.entities import PersonData
from tests.domain.checks_support import item, member, plan, sz


def test_split_on_commas_semicolons_and_lines() -> None:
    assert split_needs("Vegetarian;  nut allergy, lactose-free\nno alcohol.") == [
        "Vegetarian", "nut allergy", "lactose-free", "no alcohol",
    ]


def test_chinese_separators_split_too() -> None:
    assert split_needs("素食；花生过敏，无乳糖") == ["素食", "花生过敏", "无乳糖"]


def test_a_comma_inside_brackets_does_not_split() -> None:
    text = "halal (kein Schweinefleisch, kein Alkohol) · 清真（不含猪肉，不含酒精）· halal (no pork, no alcohol)"
    assert split_needs(text) == [text]


def test_empty_text_has_no_needs_and_repeats_count_once() -> None:
    assert split_needs("") == []
    assert split_needs(" ; , ") == []
    assert split_needs("vegetarian, Vegetarian") == ["vegetarian"]


def test_identical_needs_are_counted_across_people() -> None:
    counts = count_needs([(1, "vegetarian"), (2, "Vegetarian; nut allergy"), (3, "halal"), (4, ""), (5, "VEGETARIAN")])
    assert counts == (
        NeedCount("vegetarian", 3, (1, 2, 5)),
        NeedCount("halal", 1, (3,)),
        NeedCount("nut allergy", 1, (2,)),
    )


def test_summary_holds_dietary_and_accessibility_needs_apart() -> None:
    people = [
        PersonData(id=1, family_name="A", dietary_needs="vegetarian", accessibility_needs="wheelchair"),
        PersonData(id=2, family_name="B", dietary_needs="vegetarian"),
        PersonData(id=3, family_name="C"),
    ]
    summary = summarise_needs(people)
    assert summary.attendees == 3
    assert summary.dietary == (NeedCount("vegetarian", 2, (1, 2)),)
    assert summary.accessibility == (NeedCount("wheelchair", 1, (1,)),)
    assert not summary.is_empty()
    assert summarise_needs([people[2]]).is_empty()


def test_an_items_needs_are_those_of_its_attendees() -> None:
    members = [
        member(1, "A", dietary_needs="vegetarian"), member(2, "B", dietary_needs="vegetarian"),
        member(3, "C", dietary_needs="halal"), member(4, "D", dietary_needs="nut allergy; vegetarian"),
    ]
    dinner = item(1, sz(25, 19), sz(25, 21))
    lunch = item(2, sz(25, 12), sz(25, 13), participants=[3, 4])
    index = PlanIndex(plan([dinner, lunch], members))
    everyone = needs_for_item(index, dinner)
    assert everyone.attendees == 4
    assert [(n.need, n.count) for n in everyone.dietary] == [("vegetarian", 3), ("halal", 1), ("nut allergy", 1)]
    assert [n.person_ids for n in everyone.dietary][0] == (101, 102, 104)
    ticked = needs_for_item(index, lunch)
    assert ticked.attendees == 2
    assert [(n.need, n.count) for n in ticked.dietary] == [("halal", 1), ("nut allergy", 1), ("vegetarian", 1)]


def test_the_text_form_is_built_in_the_active_language() -> None:
    counts = (NeedCount("vegetarian", 3), NeedCount("halal", 1), NeedCount("nut allergy", 1))
    assert needs_text(counts) == "3 vegetarian, 1 halal and 1 nut allergy"
    i18n.set_language("de")
    assert needs_text(counts) == "3 × vegetarian, 1 × halal und 1 × nut allergy"
    assert needs_text(()) == ""
