"""Reading single cells: roles, languages, countries and dates as partners write them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner.domain.enums import Language, Role
from planner.domain.errors import ValidationError
from planner.importing.members.values import (
    parse_country,
    parse_date,
    parse_language,
    parse_role,
    plain_text,
)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Delegationsleitung", Role.HEAD), ("Leiter", Role.HEAD), ("head", Role.HEAD), ("Head of Delegation", Role.HEAD), ("团长", Role.HEAD),
        ("Mitglied", Role.MEMBER), ("member", Role.MEMBER), ("成员", Role.MEMBER), ("团员", Role.MEMBER),
        ("Mitarbeiter", Role.STAFF), ("staff", Role.STAFF), ("工作人员", Role.STAFF),
        ("Dolmetscher", Role.INTERPRETER), ("Dolmetscherin", Role.INTERPRETER), ("interpreter", Role.INTERPRETER), ("翻译", Role.INTERPRETER),
        ("Presse", Role.PRESS), ("press", Role.PRESS), ("记者", Role.PRESS), ("媒体", Role.PRESS),
        ("Gastgeber", Role.HOST), ("host", Role.HOST), ("接待方", Role.HOST),
        ("  MITGLIED ", Role.MEMBER),
    ],
)
def test_roles_in_three_languages(text: str, role: Role) -> None:
    assert parse_role(text) is role


def test_an_empty_role_is_no_role_and_an_unknown_one_is_named() -> None:
    assert parse_role("") is None
    assert parse_role(None) is None
    with pytest.raises(ValidationError) as info:
        parse_role("Fahrer")
    assert info.value.field == "role"
    assert info.value.message() == "“Fahrer” is not a role the planner knows (head, member, staff, interpreter, press or host)."


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("de", Language.DE), ("Deutsch", Language.DE), ("German", Language.DE), ("德语", Language.DE),
        ("zh", Language.ZH), ("Chinesisch", Language.ZH), ("Chinese", Language.ZH), ("中文", Language.ZH),
        ("en", Language.EN), ("Englisch", Language.EN), ("English", Language.EN), ("英语", Language.EN), ("EN", Language.EN),
    ],
)
def test_languages_in_three_languages(text: str, language: Language) -> None:
    assert parse_language(text) is language


def test_an_unknown_language_is_named() -> None:
    with pytest.raises(ValidationError, match="“Französisch” is not a language the planner knows"):
        parse_language("Französisch")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("CN", "CN"), ("de", "DE"), ("China", "CN"), ("中国", "CN"), ("Deutschland", "DE"), ("Germany", "DE"), ("德国", "DE"),
        ("Österreich", "AT"), ("Austria", "AT"), ("奥地利", "AT"), ("Vereinigtes Königreich", "GB"), ("英国", "GB"),
        ("Volksrepublik China", "CN"), ("CHN", "CN"), ("中华人民共和国", "CN"), ("chinesisch", "CN"), ("deutsch", "DE"),
    ],
)
def test_countries_by_code_or_by_name_in_three_languages(text: str, code: str) -> None:
    assert parse_country(text) == code


@pytest.mark.parametrize("text", ["XX", "EU", "Mars", "火星", "Europe"])
def test_what_is_no_country_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_country(text)
    assert info.value.field == "nationality"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2030-12-31", date(2030, 12, 31)), ("2030-1-5", date(2030, 1, 5)), ("2030-12-31 00:00:00", date(2030, 12, 31)),
        ("31.12.2030", date(2030, 12, 31)), ("1.2.2030", date(2030, 2, 1)), ("31. 12. 2030", date(2030, 12, 31)),
        ("2030/12/31", date(2030, 12, 31)), ("2030.12.31", date(2030, 12, 31)),
        ("2030年12月31日", date(2030, 12, 31)), ("2030 年 1 月 5 日", date(2030, 1, 5)), ("２０３０年１２月３１日", date(2030, 12, 31)),
        (datetime(2030, 12, 31, 0, 0), date(2030, 12, 31)), (date(2030, 12, 31), date(2030, 12, 31)),
        (47848, date(2030, 12, 31)), (47848.0, date(2030, 12, 31)), ("47848", date(2030, 12, 31)),
        ("", None), (None, None),
    ],
)
def test_dates_in_every_common_spelling_and_as_excel_dates(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["31/12/2030", "12/31/2030", "2030-02-30", "31.13.2030", "morgen", "2030", 47848.5, -3, True])
def test_ambiguous_or_impossible_dates_are_refused_with_examples(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        parse_date(value)  # type: ignore[arg-type]
    assert info.value.field == "passport_expiry"
    assert "write it as 2030-12-31, 31.12.2030, 2030/12/31 or 2030年12月31日" in info.value.message()


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("'+49 511 123", "+49 511 123"), ("'=SUM(A1)", "=SUM(A1)"), ("' -1", " -1"), ("'\tx", "\tx"), ("'@home", "@home"),
        ("O'Brien", "O'Brien"), ("'quoted'", "'quoted'"), ("'", "'"), (4951112345, "4951112345"),
    ],
)
def test_the_quote_an_export_puts_before_formula_signs_is_taken_off(cell: object, text: str) -> None:
    assert plain_text(cell) == text  # type: ignore[arg-type]
