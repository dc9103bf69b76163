"""Names as written for each script and reader."""

from __future__ import annotations

import pytest

from planner.domain.names import display_name, full_name, is_cjk, name_for_language, sort_key


def test_chinese_names_are_written_family_name_first() -> None:
    assert display_name("Xu", "Qin", "许勤") == "Xu Qin"
    assert full_name("Xu", "Qin", "许勤") == "Xu Qin (许勤)"


def test_western_names_are_written_given_name_first() -> None:
    assert display_name("Weil", "Stephan") == "Stephan Weil"
    assert full_name("Weil", "Stephan") == "Stephan Weil"
    assert display_name("Weil", "Stephan", family_first=True) == "Weil Stephan"


def test_a_non_cjk_native_name_does_not_flip_the_order() -> None:
    assert display_name("Müller", "Anna", "Müller") == "Anna Müller"
    assert full_name("Müller", "Anna", "Anna Müller") == "Anna Müller"


def test_other_east_asian_scripts_count_as_native() -> None:
    assert display_name("Kim", "Minji", "김민지") == "Kim Minji"
    assert display_name("Tanaka", "Yuki", "田中ゆき") == "Tanaka Yuki"


def test_partial_names_and_spaces() -> None:
    assert display_name("  Xu ", " ", "许勤") == "Xu"
    assert display_name("", "Qin") == "Qin"
    assert display_name(" Weil ", " Stephan ") == "Stephan Weil"
    assert full_name("", "", " 许勤 ") == "许勤"


def test_chinese_readers_get_the_native_script() -> None:
    assert name_for_language("Xu", "Qin", "许勤", "zh") == "许勤"
    assert name_for_language("Xu", "Qin", " 许勤 ", "zh") == "许勤"
    assert name_for_language("Xu", "Qin", "许勤", "de") == "Xu Qin"
    assert name_for_language("Xu", "Qin", "许勤", "en") == "Xu Qin"


def test_chinese_readers_without_a_native_name_get_the_latin_one() -> None:
    assert name_for_language("Weil", "Stephan", "", "zh") == "Stephan Weil"
    assert name_for_language("Müller", "Anna", "Müller", "zh") == "Anna Müller"


def test_is_cjk() -> None:
    assert is_cjk("许勤")
    assert is_cjk("Xu 勤")
    assert not is_cjk("Xu Qin")
    assert not is_cjk("１２３")  # full-width digits are not a name
    assert not is_cjk("")


def test_sort_key_orders_by_family_name_then_given_name() -> None:
    people = [("weil", "Stephan"), ("Xu", "Qin"), ("Althusmann", "Bernd"), ("Weil", "Anna"), ("Li", "Wei")]
    ordered = sorted(people, key=lambda p: sort_key(*p))
    assert ordered == [("Althusmann", "Bernd"), ("Li", "Wei"), ("Weil", "Anna"), ("weil", "Stephan"), ("Xu", "Qin")]


def test_sort_key_puts_umlauts_with_their_base_letter() -> None:
    # German lists file Özdemir under O, not after Z.
    people = [("Zimmermann", "Jan"), ("Özdemir", "Cem"), ("Ostermann", "Eva"), ("Pohl", "Uwe")]
    ordered = [p[0] for p in sorted(people, key=lambda p: sort_key(*p))]
    assert ordered == ["Ostermann", "Özdemir", "Pohl", "Zimmermann"]


@pytest.mark.parametrize(
    ("family", "given", "native", "expected"),
    [
        ("王", "芳", "", "王芳"),
        ("欧阳", "娜娜", "", "欧阳娜娜"),
        ("Wang", "Fang", "王芳", "Wang Fang"),
        ("Schostok", "Stefan", "", "Stefan Schostok"),
    ],
)
def test_a_name_written_in_chinese_characters_reads_family_first_without_a_space(
    family: str, given: str, native: str, expected: str
) -> None:
    assert display_name(family, given, native) == expected
