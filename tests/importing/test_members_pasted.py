"""Names pasted from a mail or spreadsheet cells, read into the member import preview."""

from __future__ import annotations

import pytest

from planner.domain.entities import PersonData
from planner.domain.enums import Language, Role
from planner.domain.localized import LocalizedText
from planner.domain.sides import SideDefaults
from planner.importing.members import DecisionKind, MemberFileError, ProblemKind, build_preview, read_pasted_names
from planner.importing.members.fields import Field
from planner.importing.members.pasted import latin_text_language, split_name
from planner.importing.members.table import FileKind

CHINESE = SideDefaults(Language.ZH, "CN")
GERMAN = SideDefaults(Language.DE, "DE")


def _people(text: str, side: SideDefaults = SideDefaults(), directory: tuple[PersonData, ...] = ()) -> list[PersonData]:
    pasted = read_pasted_names(text, side)
    preview = build_preview(pasted.table, directory, pasted.mapping, pasted.language)
    assert preview.table.kind is FileKind.TEXT
    assert [p for r in preview.rows for p in r.problems if p.kind is not ProblemKind.DUPLICATE_EXISTING] == []
    return [r.person for r in preview.rows]


def test_mail_lines_give_honorific_name_function_and_organisation() -> None:
    [anna] = _people("Dr. Anna Müller, Leiterin des Büros für Internationales, Landeshauptstadt Hannover\n", GERMAN)
    assert (anna.honorific, anna.given_name, anna.family_name) == (LocalizedText(de="Dr."), "Anna", "Müller")
    assert anna.function == LocalizedText(de="Leiterin des Büros für Internationales")
    assert anna.organisation == LocalizedText(de="Landeshauptstadt Hannover")
    assert (anna.preferred_language, anna.nationality) == (Language.DE, "DE")


def test_chinese_names_alone_or_beside_pinyin() -> None:
    wang, xu, ouyang = _people("王芳\n  \nXu Qin 许勤，深圳市市长\n欧阳明\n", CHINESE)
    assert (wang.family_name, wang.given_name, wang.native_name, wang.full_name) == ("王", "芳", "王芳", "王芳")
    assert (xu.family_name, xu.given_name, xu.native_name) == ("Xu", "Qin", "许勤")
    assert xu.function == LocalizedText(zh="深圳市市长")
    assert (ouyang.family_name, ouyang.given_name) == ("欧阳", "明")
    assert {(p.preferred_language, p.nationality) for p in (wang, xu, ouyang)} == {(Language.ZH, "CN")}


def test_a_name_in_brackets_beside_the_other_script() -> None:
    zhang, wang = _people("张伟 (Zhang Wei), 副主任\nWang Fang（王芳）\n", CHINESE)
    assert (zhang.family_name, zhang.given_name, zhang.native_name) == ("Zhang", "Wei", "张伟")
    assert zhang.function == LocalizedText(zh="副主任")
    assert (wang.family_name, wang.given_name, wang.native_name) == ("Wang", "Fang", "王芳")


def test_spreadsheet_cells_without_a_header_are_read_by_position() -> None:
    text = "Xu\tQin\t许勤\tMayor\tShenzhen Municipal Government\txu.qin@example.org\nLi\tXiaohong\t李晓红\tDirector\tForeign Affairs Office\t\n"
    xu, li = _people(text, CHINESE)
    assert (xu.family_name, xu.given_name, xu.native_name, xu.email) == ("Xu", "Qin", "许勤", "xu.qin@example.org")
    assert (xu.function, xu.organisation) == (LocalizedText(en="Mayor"), LocalizedText(en="Shenzhen Municipal Government"))
    assert (li.full_name, li.function) == ("Li Xiaohong (李晓红)", LocalizedText(en="Director"))


def test_cells_copied_with_their_header_row_are_read_by_the_headers() -> None:
    [person] = _people("Vorname\tNachname\tFunktion\tRolle\nAnna\tMüller\tLeiterin\tDolmetscherin\n")
    assert (person.given_name, person.family_name, person.function) == ("Anna", "Müller", LocalizedText(de="Leiterin"))
    pasted = read_pasted_names("Vorname\tNachname\tRolle\nAnna\tMüller\tDolmetscherin\n")
    assert build_preview(pasted.table, (), pasted.mapping).rows[0].role is Role.INTERPRETER


def test_without_a_known_side_the_language_comes_from_the_script_and_no_nationality_is_set() -> None:
    xu, anna = _people("许勤 Xu Qin, Bürgermeister der Stadt Shenzhen\nAnna Meyer, Protocol officer\n")
    assert (xu.preferred_language, xu.nationality, xu.function) == (Language.ZH, "", LocalizedText(de="Bürgermeister der Stadt Shenzhen"))
    assert (anna.preferred_language, anna.nationality) == (Language.EN, "")


def test_people_already_in_the_directory_are_matched() -> None:
    known = PersonData(id=7, version=1, family_name="Xu", given_name="Qin", native_name="许勤")
    pasted = read_pasted_names("Xu Qin 许勤, Mayor\nZhao Minghui 赵明辉\n", CHINESE)
    preview = build_preview(pasted.table, [known], pasted.mapping, pasted.language)
    assert [r.duplicates for r in preview.rows] == [(known,), ()]
    preview.decide(0, preview.rows[0].decision.merge(7))
    assert preview.ready and preview.rows[0].decision.kind is DecisionKind.MERGE


def test_names_with_particles_and_titles() -> None:
    parts = split_name("Prof. Dr. Ursula von der Leyen")
    assert [parts.get(k) for k in (Field.HONORIFIC, Field.GIVEN_NAME, Field.FAMILY_NAME)] == ["Prof. Dr.", "Ursula", "von der Leyen"]
    assert split_name("Vincent van Gogh") == {Field.GIVEN_NAME: "Vincent", Field.FAMILY_NAME: "van Gogh"}
    assert split_name("Schostok") == {Field.FAMILY_NAME: "Schostok"}


def test_latin_text_is_german_or_english() -> None:
    assert latin_text_language(["Director"], Language.ZH) is Language.EN
    assert latin_text_language(["Leiterin der Abteilung"], Language.EN) is Language.DE
    assert latin_text_language(["Director"], Language.DE) is Language.DE


def test_empty_text_is_refused_with_a_message() -> None:
    with pytest.raises(MemberFileError) as raised:
        read_pasted_names(" \n\t\n")
    assert raised.value.message() == "The pasted text holds no names."
