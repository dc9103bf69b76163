"""Multilingual text: fallback order, missing variants, mapping round trips."""

from __future__ import annotations

import pytest

from planner.domain.enums import Language
from planner.domain.localized import FALLBACK_ORDER, LocalizedText

FULL = LocalizedText(de="Besuch", zh="访问", en="Visit")


def test_each_language_reads_its_own_variant() -> None:
    assert FULL.text(Language.DE) == "Besuch"
    assert FULL.text(Language.ZH) == "访问"
    assert FULL.text(Language.EN) == "Visit"
    assert FULL.text("zh") == "访问"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German readers: de, then en, then zh.
        (LocalizedText(zh="访问", en="Visit"), {"de": "Visit", "en": "Visit", "zh": "访问"}),
        # English readers: en, then de, then zh; Chinese readers: zh, then en, then de.
        (LocalizedText(de="Besuch", zh="访问"), {"de": "Besuch", "en": "Besuch", "zh": "访问"}),
        (LocalizedText(de="Besuch", en="Visit"), {"de": "Besuch", "en": "Visit", "zh": "Visit"}),
        (LocalizedText(de="Besuch"), {"de": "Besuch", "en": "Besuch", "zh": "Besuch"}),
        (LocalizedText(zh="访问"), {"de": "访问", "en": "访问", "zh": "访问"}),
        (LocalizedText(), {"de": "", "en": "", "zh": ""}),
    ],
)
def test_fallback_order(text: LocalizedText, expected: dict[str, str]) -> None:
    assert {lang: text.text(lang) for lang in expected} == expected


def test_fallback_order_table_starts_with_the_language_itself_and_covers_all() -> None:
    assert FALLBACK_ORDER[Language.DE] == (Language.DE, Language.EN, Language.ZH)
    assert FALLBACK_ORDER[Language.EN] == (Language.EN, Language.DE, Language.ZH)
    assert FALLBACK_ORDER[Language.ZH] == (Language.ZH, Language.EN, Language.DE)
    for lang, order in FALLBACK_ORDER.items():
        assert order[0] == lang
        assert set(order) == set(Language)


def test_missing_lists_the_empty_variants_in_language_order() -> None:
    assert FULL.missing() == []
    assert LocalizedText(en="Visit").missing() == [Language.DE, Language.ZH]
    assert LocalizedText().missing() == [Language.DE, Language.ZH, Language.EN]
    assert LocalizedText(en="Visit").missing(["zh", Language.EN]) == [Language.ZH]


def test_from_mapping_strips_and_ignores_unknown_keys() -> None:
    text = LocalizedText.from_mapping({"de": "  Besuch ", "zh": "\n访问\t", "en": None, "fr": "Visite"})
    assert text == LocalizedText(de="Besuch", zh="访问", en="")
    assert LocalizedText.from_mapping(None) == LocalizedText()
    assert LocalizedText.from_mapping({}) == LocalizedText()
    assert LocalizedText.from_mapping({"en": "   "}).is_empty()


def test_to_mapping_drops_empty_variants_in_a_stable_order() -> None:
    assert FULL.to_mapping() == {"de": "Besuch", "zh": "访问", "en": "Visit"}
    assert list(FULL.to_mapping()) == ["de", "zh", "en"]
    assert LocalizedText(en="Visit").to_mapping() == {"en": "Visit"}
    assert LocalizedText().to_mapping() == {}


def test_mapping_round_trip() -> None:
    for text in (FULL, LocalizedText(zh="访问"), LocalizedText()):
        assert LocalizedText.from_mapping(text.to_mapping()) == text


def test_same_replace_has_and_str() -> None:
    brand = LocalizedText.same("EMAX")
    assert brand.to_mapping() == {"de": "EMAX", "zh": "EMAX", "en": "EMAX"}
    changed = FULL.replace("en", "  Tour ")
    assert changed.en == "Tour"
    assert changed.de == "Besuch" and FULL.en == "Visit"
    assert LocalizedText(de="Besuch").has("de") and not LocalizedText(de="Besuch").has(Language.EN)
    assert str(LocalizedText(de="Besuch")) == "Besuch"
    assert str(FULL) == "Visit"
    assert LocalizedText().is_empty() and not LocalizedText(zh="访").is_empty()
