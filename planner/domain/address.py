"""Forms of address: how a person is named and greeted in German, Chinese and English.

Protocol wants the office, not only the name: "Herr Oberbürgermeister
Schostok", "Mayor Stefan Schostok", "许勤市长". The office title is found in
the person's function ("Oberbürgermeister der Landeshauptstadt Hannover",
"Lord Mayor of Hannover", "深圳市市长") by a list of the offices that are used
in address; a function that names none (a project manager, an interpreter)
leaves the courtesy title and academic degree of the honorific ("Herr Dr.",
"Ms", "女士"). Each language has its own order:

- German: courtesy, office, degree, family name ("Frau Vizepräsidentin Prof. Dr. Guo");
  a letter greets the office without the name ("Sehr geehrter Herr Oberbürgermeister,").
- English: office or honorific, then the whole name ("Mayor Xu Qin", "Dr Annette Brückner");
  a letter greets with the family name ("Dear Mayor Xu,").
- Chinese: the name, then the office or honorific ("许勤市长", "Peter Eisenschmidt 先生").

Chinese names keep family name first, without a comma, in every language.
Pure functions on plain values: no Qt, no database, no active interface language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from planner.domain.enums import Language
from planner.domain.localized import LocalizedText
from planner.domain.names import display_name, is_cjk


class Gender(StrEnum):
    """Only what German and Chinese grammar need: Herr or Frau, 先生 or 女士."""

    FEMALE = "female"
    MALE = "male"
    UNKNOWN = ""


#: Offices used in address, per language. German in both genders; matched at the start of the function
#: (German, English) or at its end (Chinese, where the office follows the organisation: 深圳市市长).
OFFICE_TITLES: dict[Language, tuple[str, ...]] = {
    Language.DE: (
        "Oberbürgermeister", "Oberbürgermeisterin", "Bürgermeister", "Bürgermeisterin", "Vizebürgermeister",
        "Vizebürgermeisterin", "Erster Bürgermeister", "Erste Bürgermeisterin", "Ministerpräsident", "Ministerpräsidentin",
        "Minister", "Ministerin", "Staatsminister", "Staatsministerin", "Staatssekretär", "Staatssekretärin",
        "Botschafter", "Botschafterin", "Generalkonsul", "Generalkonsulin", "Konsul", "Konsulin", "Präsident",
        "Präsidentin", "Vizepräsident", "Vizepräsidentin", "Regionspräsident", "Regionspräsidentin", "Landrat",
        "Landrätin", "Senator", "Senatorin", "Gouverneur", "Gouverneurin", "Vizegouverneur", "Vizegouverneurin",
        "Parteisekretär", "Parteisekretärin", "Rektor", "Rektorin",
    ),
    Language.EN: (
        "Lord Mayor", "Mayor", "Deputy Mayor", "Vice-Mayor", "Vice Mayor", "Governor", "Vice-Governor", "Vice Governor",
        "Premier", "Minister", "Deputy Minister", "Vice-Minister", "Vice Minister", "State Secretary", "Ambassador",
        "Consul General", "Consul-General", "Consul", "President", "Vice-President", "Vice President",
        "Secretary-General", "Deputy Secretary-General", "Party Secretary", "Director-General",
        "Deputy Director-General", "Chairman", "Chairwoman", "Chair", "Senator", "Rector",
    ),
    Language.ZH: (
        "市长", "副市长", "省长", "副省长", "州长", "部长", "副部长", "大使", "总领事", "领事", "主席", "副主席", "书记",
        "副书记", "秘书长", "副秘书长", "校长", "副校长", "院长", "副院长", "局长", "副局长", "主任", "副主任", "处长",
        "副处长", "总经理", "副总经理", "董事长", "总裁", "议员",
    ),
}

#: Courtesy titles that say Herr or Frau (matched case-blind, with or without a full stop).
_COURTESY: dict[str, Gender] = {
    "herr": Gender.MALE, "frau": Gender.FEMALE, "mr": Gender.MALE, "mrs": Gender.FEMALE, "ms": Gender.FEMALE,
    "miss": Gender.FEMALE, "先生": Gender.MALE, "女士": Gender.FEMALE, "小姐": Gender.FEMALE, "夫人": Gender.FEMALE,
}
_GERMAN_COURTESY: dict[Gender, str] = {Gender.MALE: "Herr", Gender.FEMALE: "Frau"}
_ENGLISH_COURTESY: dict[Gender, str] = {Gender.MALE: "Mr", Gender.FEMALE: "Ms"}
_CHINESE_COURTESY: dict[Gender, str] = {Gender.MALE: "先生", Gender.FEMALE: "女士"}
_PARENTHESES = re.compile(r"[（(][^（()）]*[)）]")
_PROFESSOR = re.compile(r"\bprof(\.|essor(in)?)?(?=\s|$)", re.IGNORECASE)
_DOCTOR = re.compile(r"\bdr\.?(?=\s|$)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Addressee:
    """What a form of address is made from; `PersonData` and venue contacts both give one."""

    family_name: str
    given_name: str = ""
    native_name: str = ""
    honorific: LocalizedText = LocalizedText()
    function: LocalizedText = LocalizedText()
    gender: Gender = Gender.UNKNOWN

    @classmethod
    def of(cls, person: object) -> Addressee:
        """From a PersonData (or anything with its name fields); the gender from `sex` where recorded."""
        sex = str(getattr(person, "sex", "") or "")
        return cls(
            family_name=getattr(person, "family_name", ""),
            given_name=getattr(person, "given_name", ""),
            native_name=getattr(person, "native_name", ""),
            honorific=getattr(person, "honorific", LocalizedText()),
            function=getattr(person, "function", LocalizedText()),
            gender=Gender(sex) if sex in (Gender.FEMALE, Gender.MALE) else Gender.UNKNOWN,
        )


# --- parts -------------------------------------------------------------------------------------


def office_title(function: str, language: Language) -> str:
    """The office in `function` that is used in address, as the function writes it; "" if none.

    "Oberbürgermeister der Landeshauptstadt Hannover" → "Oberbürgermeister",
    "Lord Mayor of Hannover" → "Lord Mayor", "欧洲处副处长" → "副处长".
    """
    text = " ".join(function.split())
    if not text:
        return ""
    titles = sorted(OFFICE_TITLES[language], key=len, reverse=True)  # the longest first: 副市长 before 市长
    if language is Language.ZH:
        text = _PARENTHESES.sub("", text).strip()
        return next((t for t in titles if text.endswith(t)), "")
    folded = text.casefold()
    for title in titles:
        if folded.startswith(title.casefold()) and not text[len(title):len(title) + 1].isalpha():
            return text[: len(title)]
    return ""


def split_honorific(honorific: str) -> tuple[str, str]:
    """(courtesy title, academic degrees): "Herr Prof. Dr." → ("Herr", "Prof. Dr."), "先生" → ("先生", "")."""
    words = honorific.split()
    courtesy = [w for w in words if w.rstrip(".").casefold() in _COURTESY]
    degrees = [w for w in words if w.rstrip(".").casefold() not in _COURTESY]
    return " ".join(courtesy), " ".join(degrees)


def gender_of(who: Addressee) -> Gender:
    """The recorded gender, otherwise the one the honorific says in any language."""
    if who.gender is not Gender.UNKNOWN:
        return who.gender
    for language in (Language.DE, Language.EN, Language.ZH):
        courtesy, _degree = split_honorific(who.honorific.get(language))
        found = _COURTESY.get(courtesy.rstrip(".").casefold())
        if found is not None:
            return found
    return Gender.UNKNOWN


def name_in(who: Addressee, language: Language) -> str:
    """The whole name as a reader of `language` writes it: Chinese script for Chinese readers where there is one,
    otherwise the Latin name, family name first for Chinese names, never with a comma."""
    native = who.native_name.strip()
    if language is Language.ZH and native and is_cjk(native):
        return native
    return display_name(who.family_name, who.given_name, who.native_name)


def _family(who: Addressee) -> str:
    return who.family_name.strip() or who.given_name.strip()


def _degree(who: Addressee, language: Language) -> str:
    return split_honorific(who.honorific.get(language))[1]


# --- forms -------------------------------------------------------------------------------------


def reference(who: Addressee, language: Language, *, oblique: bool = False) -> str:
    """How the person is named in a text, a list or on a place card.

    de "Herr Oberbürgermeister Schostok", en "Mayor Stefan Schostok", zh "许勤市长".
    `oblique`: as the object of a German sentence ("lädt Herrn Eisenschmidt ein",
    "unter der Leitung von Herrn Eisenschmidt"); other languages do not change.
    """
    gender = gender_of(who)
    office = office_title(who.function.get(language), language)
    if language is Language.DE:
        courtesy = _GERMAN_COURTESY.get(gender, "")
        if oblique and gender is Gender.MALE:
            courtesy = "Herrn"
        if not courtesy:  # "Herr" or "Frau" unknown: the whole name, not a bare family name
            return _joined(office, _degree(who, language), name_in(who, language))
        return _joined(courtesy, office, _degree(who, language), _family(who))
    if language is Language.EN:
        honorific = who.honorific.get(Language.EN).strip() or _ENGLISH_COURTESY.get(gender, "")
        courtesy, degree = split_honorific(honorific)
        title = _joined(office, degree) if office else (degree or courtesy)
        return _joined(title, name_in(who, language))
    name = name_in(who, language)
    title = office or _degree(who, language) or _CHINESE_COURTESY.get(gender, "")
    if not title:
        return name
    return f"{name}{title}" if is_cjk(name) else f"{name} {title}"


def salutation(who: Addressee, language: Language) -> str:
    """The greeting that opens a letter, with its punctuation.

    de "Sehr geehrter Herr Oberbürgermeister," (the office without the name), "Sehr geehrte Frau Dr. Brückner,";
    en "Dear Mayor Xu,"; zh "尊敬的许勤市长：".
    """
    gender = gender_of(who)
    if language is Language.ZH:
        return f"尊敬的{reference(who, language)}："
    office = office_title(who.function.get(language), language)
    degree = _salutation_degree(_degree(who, language), gender, language)
    if language is Language.DE:
        if gender is Gender.UNKNOWN:
            return f"Guten Tag {_joined(office, degree, name_in(who, language))},"
        opening = "Sehr geehrter" if gender is Gender.MALE else "Sehr geehrte"
        rest = office if office else _joined(degree, _family(who))
        return f"{opening} {_GERMAN_COURTESY[gender]} {rest},"
    honorific = who.honorific.get(Language.EN).strip()
    courtesy = split_honorific(honorific)[0] or _ENGLISH_COURTESY.get(gender, "")
    title = office or degree or courtesy
    return f"Dear {_joined(title, _family(who))}," if title else f"Dear {name_in(who, language)},"


def _salutation_degree(degree: str, gender: Gender, language: Language) -> str:
    """In a greeting a professor is greeted in full, and a doctor who is one too only as professor."""
    if _PROFESSOR.search(degree):
        if language is Language.DE:
            return "Professorin" if gender is Gender.FEMALE else "Professor"
        return "Professor"
    if _DOCTOR.search(degree):
        return "Dr." if language is Language.DE else "Dr"
    return degree


def _joined(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())
