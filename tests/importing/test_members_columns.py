"""Which column holds what: headers in German, English and Chinese, and a mapping given explicitly."""

from __future__ import annotations

import pytest

from planner.domain.enums import Language
from planner.domain.errors import PlannerError
from planner.importing.members import Field, map_columns, match_header
from planner.importing.members.headers import ALIASES


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Nachname", Field.FAMILY_NAME), ("Familienname", Field.FAMILY_NAME), ("Family name", Field.FAMILY_NAME),
        ("SURNAME", Field.FAMILY_NAME), ("姓", Field.FAMILY_NAME),
        ("Vorname", Field.GIVEN_NAME), ("Given name", Field.GIVEN_NAME), ("First name", Field.GIVEN_NAME), ("名", Field.GIVEN_NAME),
        ("中文姓名", Field.NATIVE_NAME), ("Name (chinesisch)", Field.NATIVE_NAME), ("Native name", Field.NATIVE_NAME),
        ("Organisation", Field.ORGANISATION), ("Firma", Field.ORGANISATION), ("Organization", Field.ORGANISATION),
        ("单位", Field.ORGANISATION), ("机构", Field.ORGANISATION),
        ("Funktion", Field.FUNCTION), ("Position", Field.FUNCTION), ("Function", Field.FUNCTION), ("Title", Field.FUNCTION),
        ("职务", Field.FUNCTION),
        ("E-Mail", Field.EMAIL), ("Email", Field.EMAIL), ("e-mail", Field.EMAIL), ("邮箱", Field.EMAIL), ("电子邮件", Field.EMAIL),
        ("Telefon", Field.PHONE), ("Phone", Field.PHONE), ("电话", Field.PHONE), ("手机", Field.PHONE),
        ("Sprache", Field.LANGUAGE), ("Language", Field.LANGUAGE), ("语言", Field.LANGUAGE),
        ("Rolle", Field.ROLE), ("Role", Field.ROLE), ("角色", Field.ROLE),
        ("Nationalität", Field.NATIONALITY), ("Nationality", Field.NATIONALITY), ("国籍", Field.NATIONALITY),
        ("Passnummer", Field.PASSPORT_NUMBER), ("Passport number", Field.PASSPORT_NUMBER), ("护照号码", Field.PASSPORT_NUMBER),
        ("Pass gültig bis", Field.PASSPORT_EXPIRY), ("Passport expiry", Field.PASSPORT_EXPIRY), ("护照有效期", Field.PASSPORT_EXPIRY),
        ("Ernährung", Field.DIETARY_NEEDS), ("Dietary needs", Field.DIETARY_NEEDS), ("饮食要求", Field.DIETARY_NEEDS),
        ("Barrierefreiheit", Field.ACCESSIBILITY_NEEDS), ("Accessibility", Field.ACCESSIBILITY_NEEDS), ("无障碍需求", Field.ACCESSIBILITY_NEEDS),
        ("Anrede", Field.HONORIFIC), ("Honorific", Field.HONORIFIC), ("称谓", Field.HONORIFIC),
        ("Notizen", Field.NOTES), ("Notes", Field.NOTES), ("备注", Field.NOTES),
        # Spacing, case, punctuation and full-width forms do not matter.
        ("  e - mail ", Field.EMAIL), ("PASS GÜLTIG BIS:", Field.PASSPORT_EXPIRY), ("姓名（中文）", Field.NATIVE_NAME),
    ],
)
def test_headers_in_three_languages(header: str, field: Field) -> None:
    assert match_header(header)[0] is field


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Funktion (Chinesisch)", Field.FUNCTION_ZH), ("职务（英文）", Field.FUNCTION_EN), ("Organisation [en]", Field.ORGANISATION_EN),
        ("Organisation_de", Field.ORGANISATION_DE), ("Anrede (Deutsch)", Field.HONORIFIC_DE), ("单位 - 中文", Field.ORGANISATION_ZH),
    ],
)
def test_a_localised_column_can_name_its_language(header: str, field: Field) -> None:
    assert match_header(header)[0] is field


def test_a_language_suffix_on_a_field_that_has_no_languages_is_unknown() -> None:
    assert match_header("E-Mail (Deutsch)") == (None, frozenset())
    assert match_header("Lieblingsfarbe") == (None, frozenset())
    assert match_header("") == (None, frozenset())


def test_no_alias_means_two_fields_and_every_field_has_one_in_every_language() -> None:
    every_field = {f for f in Field if f.language is None}
    for language, table in ALIASES.items():
        assert set(table) == every_field, language
    # Building the index at import time asserts the first part; matching each alias checks it again.
    for table in ALIASES.values():
        for field, words in table.items():
            for word in words:
                assert match_header(word)[0] is field, word


def test_unknown_unnamed_and_repeated_columns_are_reported_not_guessed() -> None:
    mapping = map_columns(["Nachname", "Lieblingsfarbe", "", "Telefon", "Mobil", "Nr."])
    assert [c.field for c in mapping.columns] == [Field.FAMILY_NAME, None, None, Field.PHONE, None, None]
    assert [str(p) for p in mapping.problems] == [
        "column Lieblingsfarbe: The planner does not know this column; its values are not imported.",
        "column C: This column has values but no header; they are not imported.",
        "column Mobil: Column Telefon is read as Phone already; this column is not imported.",
    ]


def test_a_list_without_family_names_says_so() -> None:
    mapping = map_columns(["Vorname", "E-Mail"])
    assert [p.message for p in mapping.problems] == [
        "No column holds the family name (e.g. “Nachname”, “Family name” or “姓”); every person needs one."
    ]


def test_the_headers_tell_the_file_language() -> None:
    assert map_columns(["姓", "名", "单位", "E-Mail"]).language is Language.ZH
    assert map_columns(["Nachname", "Vorname", "Funktion", "E-Mail"]).language is Language.DE
    assert map_columns(["Family name", "Given name", "Organisation"]).language is Language.EN
    assert map_columns(["Lieblingsfarbe"]).language is Language.EN


def test_an_explicit_mapping_is_complete_and_checked() -> None:
    mapping = map_columns(["Spalte 1", "Nachname", "Spalte 3"], {0: Field.FAMILY_NAME, 2: "email"})
    assert [c.field for c in mapping.columns] == [Field.FAMILY_NAME, None, Field.EMAIL]
    assert mapping.problems == ()
    with pytest.raises(PlannerError, match="names column 3, but the file has 3 columns"):
        map_columns(["a", "b", "c"], {3: Field.EMAIL})
    with pytest.raises(PlannerError, match="unknown field “shoe_size”"):
        map_columns(["a"], {0: "shoe_size"})


def test_field_labels_follow_the_interface_language() -> None:
    assert Field.ORGANISATION_ZH.label == "Organisation (Chinese)"
    assert Field.PASSPORT_EXPIRY.label == "Passport valid until"
    assert Field.ROLE.person_field is None
    assert Field.FUNCTION_EN.person_field == "function"
