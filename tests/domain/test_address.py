"""Forms of address for each language and kind of person, as a table."""

from __future__ import annotations

import pytest

from planner.domain.address import Addressee, Gender, gender_of, name_in, office_title, reference, salutation, split_honorific
from planner.domain.entities import PersonData
from planner.domain.enums import Language
from planner.domain.localized import LocalizedText

DE, EN, ZH = Language.DE, Language.EN, Language.ZH


def _person(family: str, given: str, native: str, honorific: tuple[str, str, str], function: tuple[str, str, str], gender: Gender = Gender.UNKNOWN) -> Addressee:
    return Addressee(family, given, native, LocalizedText(*honorific), LocalizedText(*function), gender)


PEOPLE: dict[str, Addressee] = {
    "lord mayor": _person("Schostok", "Stefan", "", ("Herr", "先生", "Mr"),
                          ("Oberbürgermeister der Landeshauptstadt Hannover", "汉诺威市市长", "Mayor of Hannover")),
    "chinese mayor": _person("Xu", "Qin", "许勤", ("Herr", "先生", "Mr"), ("Bürgermeister der Stadt Shenzhen", "深圳市市长", "Mayor of Shenzhen")),
    "project manager": _person("Eisenschmidt", "Peter", "", ("Herr", "先生", "Mr"),
                               ("Projektleiter Internationalisierung", "国际化项目负责人", "Project Manager, Internationalisation")),
    "doctor": _person("Brückner", "Annette", "", ("Frau Dr.", "博士", "Dr"), ("Geschäftsführerin", "总经理", "Managing Director")),
    "professor": _person("Vogt", "Martin", "", ("Herr Prof. Dr.", "教授", "Prof."),
                         ("Professor für Interaktionsdesign", "交互设计教授", "Professor of Interaction Design")),
    "vice-president": _person("Guo", "Lan", "郭岚", ("Frau Prof. Dr.", "教授", "Prof."), ("Vizepräsidentin", "副校长", "Vice-President")),
    "interpreter": _person("Zhou", "Meiling", "周美玲", ("Frau", "女士", "Ms"), ("Dolmetscherin Chinesisch–Deutsch", "中德口译", "Chinese–German interpreter")),
    "deputy director": _person("Chen", "Jing", "陈静", ("Frau", "女士", "Ms"),
                               ("Stellvertretende Leiterin der Europa-Abteilung", "欧洲处副处长", "Deputy Director, European Affairs Division")),
    "secretary": _person("Wu", "Tao", "吴涛", ("Herr", "先生", "Mr"), ("Referent des Bürgermeisters", "市长秘书", "Secretary to the Mayor")),
    "no honorific, sex recorded": _person("Weber", "Anna", "", ("", "", ""), ("", "", ""), Gender.FEMALE),
    "nothing known": _person("Lee", "Kim", "", ("", "", ""), ("", "", "")),
    "english lord mayor": _person("Schostok", "Stefan", "", ("", "", ""), ("", "", "Lord Mayor of Hannover"), Gender.MALE),
    "vice-mayor": _person("Lin", "Zhiyuan", "林志远", ("Herr", "先生", "Mr"),
                          ("Vizebürgermeister der Stadt Shenzhen", "深圳市副市长", "Vice-Mayor of Shenzhen")),
}

#: who, language, reference (in a text or on a place card), salutation (opening a letter)
TABLE: list[tuple[str, Language, str, str]] = [
    ("lord mayor", DE, "Herr Oberbürgermeister Schostok", "Sehr geehrter Herr Oberbürgermeister,"),
    ("lord mayor", EN, "Mayor Stefan Schostok", "Dear Mayor Schostok,"),
    ("lord mayor", ZH, "Stefan Schostok 市长", "尊敬的Stefan Schostok 市长："),
    ("chinese mayor", DE, "Herr Bürgermeister Xu", "Sehr geehrter Herr Bürgermeister,"),
    ("chinese mayor", EN, "Mayor Xu Qin", "Dear Mayor Xu,"),
    ("chinese mayor", ZH, "许勤市长", "尊敬的许勤市长："),
    ("project manager", DE, "Herr Eisenschmidt", "Sehr geehrter Herr Eisenschmidt,"),
    ("project manager", EN, "Mr Peter Eisenschmidt", "Dear Mr Eisenschmidt,"),
    ("project manager", ZH, "Peter Eisenschmidt 先生", "尊敬的Peter Eisenschmidt 先生："),
    ("doctor", DE, "Frau Dr. Brückner", "Sehr geehrte Frau Dr. Brückner,"),
    ("doctor", EN, "Dr Annette Brückner", "Dear Dr Brückner,"),
    ("doctor", ZH, "Annette Brückner 总经理", "尊敬的Annette Brückner 总经理："),
    ("professor", DE, "Herr Prof. Dr. Vogt", "Sehr geehrter Herr Professor Vogt,"),
    ("professor", EN, "Prof. Martin Vogt", "Dear Professor Vogt,"),
    ("professor", ZH, "Martin Vogt 教授", "尊敬的Martin Vogt 教授："),
    ("vice-president", DE, "Frau Vizepräsidentin Prof. Dr. Guo", "Sehr geehrte Frau Vizepräsidentin,"),
    ("vice-president", EN, "Vice-President Prof. Guo Lan", "Dear Vice-President Guo,"),
    ("vice-president", ZH, "郭岚副校长", "尊敬的郭岚副校长："),
    ("interpreter", DE, "Frau Zhou", "Sehr geehrte Frau Zhou,"),
    ("interpreter", EN, "Ms Zhou Meiling", "Dear Ms Zhou,"),
    ("interpreter", ZH, "周美玲女士", "尊敬的周美玲女士："),
    ("deputy director", DE, "Frau Chen", "Sehr geehrte Frau Chen,"),
    ("deputy director", EN, "Ms Chen Jing", "Dear Ms Chen,"),
    ("deputy director", ZH, "陈静副处长", "尊敬的陈静副处长："),
    ("secretary", DE, "Herr Wu", "Sehr geehrter Herr Wu,"),
    ("secretary", EN, "Mr Wu Tao", "Dear Mr Wu,"),
    ("secretary", ZH, "吴涛先生", "尊敬的吴涛先生："),
    ("no honorific, sex recorded", DE, "Frau Weber", "Sehr geehrte Frau Weber,"),
    ("no honorific, sex recorded", EN, "Ms Anna Weber", "Dear Ms Weber,"),
    ("no honorific, sex recorded", ZH, "Anna Weber 女士", "尊敬的Anna Weber 女士："),
    ("nothing known", DE, "Kim Lee", "Guten Tag Kim Lee,"),
    ("nothing known", EN, "Kim Lee", "Dear Kim Lee,"),
    ("nothing known", ZH, "Kim Lee", "尊敬的Kim Lee："),
    ("english lord mayor", EN, "Lord Mayor Stefan Schostok", "Dear Lord Mayor Schostok,"),
    ("english lord mayor", DE, "Herr Schostok", "Sehr geehrter Herr Schostok,"),
    ("vice-mayor", DE, "Herr Vizebürgermeister Lin", "Sehr geehrter Herr Vizebürgermeister,"),
    ("vice-mayor", EN, "Vice-Mayor Lin Zhiyuan", "Dear Vice-Mayor Lin,"),
    ("vice-mayor", ZH, "林志远副市长", "尊敬的林志远副市长："),
]


@pytest.mark.parametrize(("who", "language", "expected", "_greeting"), TABLE, ids=[f"{w}-{lang}" for w, lang, *_ in TABLE])
def test_reference(who: str, language: Language, expected: str, _greeting: str) -> None:
    assert reference(PEOPLE[who], language) == expected


@pytest.mark.parametrize(("who", "language", "_reference", "expected"), TABLE, ids=[f"{w}-{lang}" for w, lang, *_ in TABLE])
def test_salutation(who: str, language: Language, _reference: str, expected: str) -> None:
    assert salutation(PEOPLE[who], language) == expected


@pytest.mark.parametrize(
    ("function", "language", "title"),
    [
        ("Oberbürgermeister der Landeshauptstadt Hannover", DE, "Oberbürgermeister"),
        ("Oberbürgermeisterin", DE, "Oberbürgermeisterin"),
        ("Ministerialdirektor im Wirtschaftsministerium", DE, ""),  # not "Minister": a word must end there
        ("Präsidentin der Hochschule", DE, "Präsidentin"),
        ("Lord Mayor of Hannover", EN, "Lord Mayor"),
        ("mayor of Shenzhen", EN, "mayor"),
        ("Mayoral adviser", EN, ""),
        ("深圳市副市长", ZH, "副市长"),
        ("副局长（分管文化创意产业）", ZH, "副局长"),
        ("市长秘书", ZH, ""),
        ("", ZH, ""),
    ],
)
def test_office_titles_are_found_in_the_function(function: str, language: Language, title: str) -> None:
    assert office_title(function, language) == title


def test_honorifics_split_into_courtesy_and_degree() -> None:
    assert split_honorific("Herr Prof. Dr.") == ("Herr", "Prof. Dr.")
    assert split_honorific("Mrs.") == ("Mrs.", "")
    assert split_honorific("博士") == ("", "博士")
    assert split_honorific("") == ("", "")


def test_gender_from_the_record_wins_over_the_honorific() -> None:
    who = _person("Lee", "Kim", "", ("Herr", "", ""), ("", "", ""), Gender.FEMALE)
    assert gender_of(who) is Gender.FEMALE
    assert gender_of(_person("Lee", "Kim", "", ("", "女士", ""), ("", "", ""))) is Gender.FEMALE


def test_chinese_names_keep_family_name_first_without_a_comma() -> None:
    xu = PEOPLE["chinese mayor"]
    assert name_in(xu, EN) == "Xu Qin"
    assert name_in(xu, DE) == "Xu Qin"
    assert name_in(xu, ZH) == "许勤"
    assert all("," not in reference(xu, lang) for lang in Language)


def test_a_person_record_gives_an_addressee() -> None:
    person = PersonData(family_name="Xu", given_name="Qin", native_name="许勤", function=LocalizedText(zh="深圳市市长"),
                        honorific=LocalizedText(zh="先生"))
    assert reference(Addressee.of(person), ZH) == "许勤市长"


@pytest.mark.parametrize(
    ("who", "language", "expected"),
    [
        ("lord mayor", DE, "Herrn Oberbürgermeister Schostok"),
        ("doctor", DE, "Frau Dr. Brückner"),
        ("project manager", DE, "Herrn Eisenschmidt"),
        ("chinese mayor", EN, "Mayor Xu Qin"),
        ("chinese mayor", ZH, "许勤市长"),
    ],
)
def test_the_german_object_form(who: str, language: Language, expected: str) -> None:
    """"lädt Herrn Eisenschmidt ein": the object of a German sentence; other languages stay as they are."""
    assert reference(PEOPLE[who], language, oblique=True) == expected
