"""The needs summary for an item's attendees: language variants chosen, free text split, known needs recognised, counted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import i18n
from planner.domain.checks import PlanIndex
from planner.domain.checks.needs import NeedCount, count_needs, needs_for_item, needs_text, split_needs, summarise_needs
from planner.domain.checks.needs_vocabulary import VOCABULARY, recognise, variant_for, variants
from planner.domain.entities import PersonData
from tests.domain.checks_support import item, member, plan, sz


def test_split_on_commas_semicolons_and_lines() -> None:
    assert split_needs("Vegetarian;  nut allergy, lactose-free\nno alcohol.") == [
        "Vegetarian", "nut allergy", "lactose-free", "no alcohol",
    ]


def test_chinese_text_splits_only_on_semicolons_and_lines() -> None:
    assert split_needs("素食；花生过敏，无乳糖\n轮椅") == ["素食", "花生过敏，无乳糖", "轮椅"]
    sentence = "行动不便：需乘电梯、尽量缩短步行距离，较长参观时请安排座椅"
    assert split_needs(sentence) == [sentence]


def test_a_comma_inside_brackets_does_not_split() -> None:
    assert split_needs("halal (kein Schweinefleisch, kein Alkohol)") == ["halal (kein Schweinefleisch, kein Alkohol)"]


def test_empty_text_has_no_needs_and_repeats_count_once() -> None:
    assert split_needs("") == []
    assert split_needs(" ; , ") == []
    assert split_needs("vegetarian, Vegetarian") == ["vegetarian"]


def test_identical_needs_are_counted_across_people() -> None:
    counts = count_needs(
        [(1, "vegetarian"), (2, "Vegetarian; nut allergy"), (3, "halal"), (4, ""), (5, "VEGETARIAN"), (6, "Window seat"),
         (7, "window SEAT")],
        "en",
    )
    assert counts == (
        NeedCount("vegetarian", 3, (1, 2, 5), known=True),
        NeedCount("Window seat", 2, (6, 7)),
        NeedCount("halal", 1, (3,), known=True),
        NeedCount("nut allergy", 1, (2,), known=True),
    )


def test_summary_holds_dietary_and_accessibility_needs_apart() -> None:
    people = [
        PersonData(id=1, family_name="A", dietary_needs="vegetarian", accessibility_needs="wheelchair"),
        PersonData(id=2, family_name="B", dietary_needs="vegetarian"),
        PersonData(id=3, family_name="C"),
    ]
    summary = summarise_needs(people, "en")
    assert summary.attendees == 3
    assert summary.dietary == (NeedCount("vegetarian", 2, (1, 2), known=True),)
    assert summary.accessibility == (NeedCount("wheelchair", 1, (1,), known=True),)
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
    everyone = needs_for_item(index, dinner, "en")
    assert everyone.attendees == 4
    assert [(n.need, n.count) for n in everyone.dietary] == [("vegetarian", 3), ("halal", 1), ("nut allergy", 1)]
    assert [n.person_ids for n in everyone.dietary][0] == (101, 102, 104)
    ticked = needs_for_item(index, lunch, "en")
    assert ticked.attendees == 2
    assert [(n.need, n.count) for n in ticked.dietary] == [("halal", 1), ("nut allergy", 1), ("vegetarian", 1)]


def test_the_text_form_is_built_in_the_active_language() -> None:
    counts = (NeedCount("vegetarian", 3), NeedCount("halal", 1), NeedCount("nut allergy", 1))
    assert needs_text(counts) == "3 vegetarian, 1 halal and 1 nut allergy"
    i18n.set_language("de")
    assert needs_text(counts) == "3 × vegetarian, 1 × halal und 1 × nut allergy"
    assert needs_text(()) == ""


def test_a_known_need_is_printed_through_the_translator_and_other_text_as_written() -> None:
    counts = (NeedCount("vegetarian", 2, known=True), NeedCount("Fensterplatz", 1))
    german = {"vegetarian": "vegetarisch"}.get
    assert [n.label(lambda msgid: german(msgid, msgid)) for n in counts] == ["vegetarisch", "Fensterplatz"]
    assert needs_text(counts) == "2 vegetarian and 1 Fensterplatz"


HALAL = "halal (kein Schweinefleisch, kein Alkohol) · 清真（不含猪肉，不含酒精）· halal (no pork, no alcohol)"
WALKING = (
    "Gehbehinderung: Aufzug und kurze Wege, Sitzgelegenheit bei längeren Führungen · "
    "行动不便：需乘电梯、尽量缩短步行距离，较长参观时请安排座椅 · Walking impairment: lifts and short distances, a seat during longer tours"
)
KNEE = (
    "nach Knieoperation: kurze Wege und Aufzüge · 膝关节术后：请安排电梯、尽量缩短步行距离 · after knee surgery: short distances and lifts"
)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("vegetarisch · 素食 · vegetarian", "de", "vegetarisch"),
        ("vegetarisch · 素食 · vegetarian", "zh", "素食"),
        ("vegetarisch · 素食 · vegetarian", "en", "vegetarian"),
        (HALAL, "de", "halal (kein Schweinefleisch, kein Alkohol)"),
        (HALAL, "zh", "清真（不含猪肉，不含酒精）"),  # no space before the dot after a Chinese bracket
        (HALAL, "en", "halal (no pork, no alcohol)"),
        (WALKING, "de", "Gehbehinderung: Aufzug und kurze Wege, Sitzgelegenheit bei längeren Führungen"),
        (WALKING, "zh", "行动不便：需乘电梯、尽量缩短步行距离，较长参观时请安排座椅"),
        (WALKING, "en", "Walking impairment: lifts and short distances, a seat during longer tours"),
        (KNEE, "de", "nach Knieoperation: kurze Wege und Aufzüge"),  # small words tell the languages apart
        (KNEE, "en", "after knee surgery: short distances and lifts"),
        ("vegetarian · vegetarisch", "de", "vegetarisch"),  # a known need wins over the position
        ("vegetarian · vegetarisch", "en", "vegetarian"),
        ("Fensterplatz · window seat", "en", "window seat"),  # no clue: German first, English last
        ("Fensterplatz · window seat", "de", "Fensterplatz"),
        ("Fensterplatz · window seat", "zh", "Fensterplatz"),  # no Chinese variant: the first
        ("素食 · vegetarian", "de", "vegetarian"),  # the only Latin variant
        ("nur 素食", "de", "nur 素食"),  # one variant serves every language
        ("卡尔·马克思的书", "en", "卡尔·马克思的书"),  # a dot without spaces separates nothing
        ("", "zh", ""),
    ],
)
def test_the_variant_in_the_readers_language_is_read(text: str, language: str, expected: str) -> None:
    assert variant_for(text, language) == expected


def test_variants_are_split_on_the_spaced_middle_dot_only() -> None:
    assert variants(" a · b ·c·d ") == ["a", "b", "c·d"]
    assert variants("  ") == []


@pytest.mark.parametrize(
    ("need", "labels"),
    [
        ("vegetarisch", ("vegetarian",)), ("素食", ("vegetarian",)), ("Vegetarian", ("vegetarian",)),
        ("streng vegan", ("vegan",)), ("纯素食", ("vegan",)), ("strictly vegan", ("vegan",)),
        ("清真（不含猪肉，不含酒精）", ("halal",)), ("halal (no pork, no alcohol)", ("halal",)),
        ("koscher", ("kosher",)), ("犹太洁食", ("kosher",)),
        ("kein Schweinefleisch", ("no pork",)), ("不吃猪肉", ("no pork",)), ("No pork", ("no pork",)),
        ("alkoholfrei", ("no alcohol",)), ("不饮酒", ("no alcohol",)),
        ("kein Rindfleisch", ("no beef",)), ("不吃牛肉", ("no beef",)),
        ("Zöliakie", ("gluten-free",)), ("无麸质", ("gluten-free",)), ("gluten free", ("gluten-free",)),
        ("Laktoseintoleranz", ("lactose-free",)), ("乳糖不耐受", ("lactose-free",)), ("lactose intolerant", ("lactose-free",)),
        ("Nussallergie", ("nut allergy",)), ("坚果过敏", ("nut allergy",)), ("tree nut allergy", ("nut allergy",)),
        ("keine Erdnüsse (Allergie)", ("peanut allergy",)), ("花生过敏", ("peanut allergy",)),
        ("no peanuts (allergy)", ("peanut allergy",)),
        ("Meeresfrüchteallergie", ("seafood allergy",)), ("海鲜过敏", ("seafood allergy",)),
        ("shellfish allergy", ("seafood allergy",)),
        ("Diabetikerin", ("diabetic",)), ("糖尿病", ("diabetic",)), ("diabetic", ("diabetic",)),
        ("Rollstuhlfahrer", ("wheelchair",)), ("坐轮椅", ("wheelchair",)), ("wheelchair user", ("wheelchair",)),
        ("gehbehindert", ("walking impairment",)), ("行动不便", ("walking impairment",)),
        ("reduced mobility", ("walking impairment",)),
        ("schwerhörig", ("hearing impairment",)), ("听力障碍", ("hearing impairment",)), ("hard of hearing", ("hearing impairment",)),
        ("sehbehindert", ("visual impairment",)), ("视障", ("visual impairment",)), ("visually impaired", ("visual impairment",)),
        ("花生过敏，无乳糖", ("peanut allergy", "lactose-free")),
        ("vegetarisch und glutenfrei", ("vegetarian", "gluten-free")),
        # more than the vocabulary knows: kept as written, so the kitchen reads "severe" and the emergency kit
        ("severe nut allergy incl. peanuts (carries an emergency kit)", ()),
        ("坚果过敏（含花生，症状严重，随身携带急救药品）", ()),
        ("Walking impairment: lifts and short distances", ()),
        ("peanut butter", ()), ("Vegetarianism lecture", ()), ("(", ()), ("", ()),
    ],
)
def test_common_needs_are_recognised_in_three_languages(need: str, labels: tuple[str, ...]) -> None:
    assert recognise(need) == labels


def test_every_known_need_has_terms_in_each_language() -> None:
    for need in VOCABULARY:
        assert need.de and need.en and need.zh, need.label
        assert recognise(need.label) == (need.label,), need.label  # the English label reads as itself


def test_known_needs_count_together_across_languages() -> None:
    texts = [
        (1, "vegetarisch"), (2, "vegetarian"), (3, "素食"), (4, "vegetarisch · 素食 · vegetarian"),
        (5, "keine Erdnüsse (Allergie) · 花生过敏 · no peanuts (allergy)"), (6, "花生过敏；素食"),
    ]
    for language in ("de", "en", "zh"):
        counts = count_needs(texts, language)
        assert counts == (
            NeedCount("vegetarian", 5, (1, 2, 3, 4, 6), known=True),
            NeedCount("peanut allergy", 2, (5, 6), known=True),
        ), language


def test_unknown_needs_are_shown_in_the_readers_variant() -> None:
    texts = [(1, WALKING), (2, KNEE), (3, HALAL)]
    assert [(n.need, n.known) for n in count_needs(texts, "zh")] == [
        ("halal", True),
        ("膝关节术后：请安排电梯、尽量缩短步行距离", False),
        ("行动不便：需乘电梯、尽量缩短步行距离，较长参观时请安排座椅", False),
    ]
    assert [n.need for n in count_needs(texts, "de")] == [
        "halal", "Gehbehinderung: Aufzug und kurze Wege", "nach Knieoperation: kurze Wege und Aufzüge",
        "Sitzgelegenheit bei längeren Führungen",
    ]
    assert [n.need for n in count_needs(texts, "en")] == [
        "halal", "a seat during longer tours", "after knee surgery: short distances and lifts",
        "Walking impairment: lifts and short distances",
    ]


def test_the_summary_reads_the_interface_language_by_default() -> None:
    people = [PersonData(id=1, family_name="A", accessibility_needs=KNEE)]
    i18n.set_language("zh")
    assert [n.need for n in summarise_needs(people).accessibility] == ["膝关节术后：请安排电梯、尽量缩短步行距离"]
    assert [n.need for n in summarise_needs(people, "en").accessibility] == ["after knee surgery: short distances and lifts"]


_NEED_TEXT = st.lists(
    st.sampled_from(["vegetarisch", "素食", "vegan", "halal (no pork)", "花生过敏，无乳糖", "Rollstuhl", " · ", "·", "; ", "，", "、",
                     "(", "）", "\n", " ", "Fensterplatz", "no", "und", "过敏"])
    | st.text(max_size=6),
    max_size=8,
).map("".join)


@given(texts=st.lists(_NEED_TEXT, max_size=6), language=st.sampled_from(["de", "en", "zh"]))
def test_counting_never_fails_and_counts_everyone_with_a_need(texts: list[str], language: str) -> None:
    counts = count_needs(list(enumerate(texts)), language)
    with_needs = sum(1 for text in texts if split_needs(variant_for(text, language)))
    assert sum(n.count for n in counts) >= with_needs
    assert all(n.count == len(n.person_ids) and n.need for n in counts)
