"""Which column holds what: header names in German, English and Chinese.

A header is compared folded (case, spaces, punctuation and full-width forms
ignored), so "E-Mail", "e-mail" and "EMAIL" are one header. A localised
field may carry its language in brackets or after a separator: "Funktion
(Chinesisch)", "职务（英文）", "Organisation_en". Which language the aliases
that matched belong to tells the file's language; it decides where a plain
organisation or function written in Latin script goes (rows.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planner.domain.enums import Language
from planner.domain.errors import PlannerError
from planner.i18n import N_
from planner.importing.members.fields import Field, localized_variant
from planner.importing.members.problems import ImportProblem, ProblemKind, column_letter
from planner.importing.members.values import fold, language_word

ALIASES: dict[Language, dict[Field, tuple[str, ...]]] = {
    Language.DE: {
        Field.FAMILY_NAME: ("Nachname", "Familienname", "Zuname"),
        Field.GIVEN_NAME: ("Vorname", "Vornamen", "Rufname"),
        Field.NATIVE_NAME: (
            "Name (chinesisch)", "Name chinesisch", "chinesischer Name", "Name in Originalschrift", "Name (Originalschrift)",
        ),
        Field.HONORIFIC: ("Anrede", "Titel/Anrede", "Anrede/Titel"),
        Field.ORGANISATION: ("Organisation", "Firma", "Institution", "Unternehmen", "Einrichtung", "Behörde", "Dienststelle"),
        Field.FUNCTION: ("Funktion", "Position", "Amt", "Dienstbezeichnung", "Stellung"),
        Field.EMAIL: ("E-Mail", "E-Mail-Adresse", "Mail", "Mailadresse"),
        Field.PHONE: ("Telefon", "Tel.", "Telefonnummer", "Mobil", "Mobiltelefon", "Handy", "Handynummer", "Mobilnummer"),
        Field.LANGUAGE: ("Sprache", "bevorzugte Sprache", "Korrespondenzsprache"),
        Field.ROLE: ("Rolle", "Rolle in der Delegation"),
        Field.NATIONALITY: ("Nationalität", "Staatsangehörigkeit", "Staatsbürgerschaft"),
        Field.PASSPORT_NUMBER: ("Passnummer", "Reisepassnummer", "Pass-Nr.", "Reisepass-Nr.", "Passnr"),
        Field.PASSPORT_EXPIRY: ("Pass gültig bis", "Reisepass gültig bis", "gültig bis", "Ablaufdatum Pass", "Passablauf", "Ablaufdatum"),
        Field.DIETARY_NEEDS: ("Ernährung", "Ernährungswünsche", "Essenswünsche", "Speisewünsche", "Unverträglichkeiten", "Ernährungshinweise"),
        Field.ACCESSIBILITY_NEEDS: ("Barrierefreiheit", "Mobilität", "besondere Bedürfnisse"),
        Field.NOTES: ("Notizen", "Bemerkungen", "Anmerkungen", "Hinweise", "Bemerkung"),
    },
    Language.EN: {
        Field.FAMILY_NAME: ("Family name", "Surname", "Last name", "Lastname", "Family names"),
        Field.GIVEN_NAME: ("Given name", "First name", "Firstname", "Forename", "Given names", "First names"),
        Field.NATIVE_NAME: ("Native name", "Name in native script", "Chinese name", "Name (Chinese)", "Name (native script)"),
        Field.HONORIFIC: ("Honorific", "Salutation", "Form of address"),
        Field.ORGANISATION: ("Organization", "Organisation", "Company", "Institution", "Affiliation", "Employer", "Agency"),
        Field.FUNCTION: ("Function", "Position", "Title", "Job title"),
        Field.EMAIL: ("Email", "E-mail", "Email address", "E-mail address"),
        Field.PHONE: ("Phone", "Telephone", "Phone number", "Mobile", "Mobile phone", "Cell phone", "Tel"),
        Field.LANGUAGE: ("Language", "Preferred language"),
        Field.ROLE: ("Role", "Role in delegation"),
        Field.NATIONALITY: ("Nationality", "Citizenship"),
        Field.PASSPORT_NUMBER: ("Passport number", "Passport no", "Passport no.", "Passport"),
        Field.PASSPORT_EXPIRY: (
            "Passport expiry", "Passport expiry date", "Passport expires", "Passport valid until", "Expiry date", "Date of expiry",
        ),
        Field.DIETARY_NEEDS: ("Dietary needs", "Dietary requirements", "Diet", "Dietary restrictions"),
        Field.ACCESSIBILITY_NEEDS: ("Accessibility", "Accessibility needs", "Accessibility requirements", "Special needs"),
        Field.NOTES: ("Notes", "Remarks", "Comments", "Note"),
    },
    Language.ZH: {
        Field.FAMILY_NAME: ("姓", "姓氏"),
        Field.GIVEN_NAME: ("名", "名字"),
        Field.NATIVE_NAME: ("中文姓名", "中文名", "中文名字", "姓名（中文）"),
        Field.HONORIFIC: ("称谓", "称呼"),
        Field.ORGANISATION: ("单位", "机构", "工作单位", "所属单位", "公司", "单位名称"),
        Field.FUNCTION: ("职务", "职位", "职称"),
        Field.EMAIL: ("邮箱", "电子邮件", "电子邮箱", "邮件", "电邮"),
        Field.PHONE: ("电话", "手机", "联系电话", "手机号", "手机号码", "电话号码"),
        Field.LANGUAGE: ("语言", "语种", "首选语言"),
        Field.ROLE: ("角色", "团内职务", "身份"),
        Field.NATIONALITY: ("国籍",),
        Field.PASSPORT_NUMBER: ("护照号码", "护照号", "护照"),
        Field.PASSPORT_EXPIRY: ("护照有效期", "护照有效期至", "有效期至", "有效期", "护照到期日"),
        Field.DIETARY_NEEDS: ("饮食要求", "饮食", "饮食禁忌", "餐饮要求"),
        Field.ACCESSIBILITY_NEEDS: ("无障碍需求", "无障碍", "特殊需求"),
        Field.NOTES: ("备注", "说明"),
    },
}


#: Headers of columns that are known and deliberately not imported: running numbers.
IGNORED = frozenset(fold(h) for h in ("Nr.", "Nr", "No.", "No", "Lfd. Nr.", "laufende Nummer", "序号", "编号"))


def _build_index() -> dict[str, tuple[Field, frozenset[Language]]]:
    index: dict[str, tuple[Field, set[Language]]] = {}
    for language, table in ALIASES.items():
        for target, words in table.items():
            for word in words:
                key = fold(word)
                found = index.setdefault(key, (target, set()))
                assert found[0] is target, f"header {word!r} means {found[0]} and {target}"
                found[1].add(language)
    return {key: (target, frozenset(langs)) for key, (target, langs) in index.items()}


_INDEX = _build_index()
# "Funktion (Chinesisch)", "职务（英文）", "Organisation [en]", "Organisation_en", "Organisation - English"
_SUFFIXED = re.compile(r"^(?P<base>.+?)\s*(?:[(\[]\s*(?P<inner>[^()\[\]]+?)\s*[)\]]|[-_/:]\s*(?P<after>[^-_/:]+?))\s*$")


def match_header(header: str) -> tuple[Field | None, frozenset[Language]]:
    """The field a header names and the languages it is written in; (None, ∅) for an unknown header."""
    key = fold(header)
    if not key:
        return None, frozenset()
    if key in _INDEX:
        return _INDEX[key]
    match = _SUFFIXED.match(unicodedata.normalize("NFKC", header.strip()))
    if match:
        base = _INDEX.get(fold(match["base"]))
        language = language_word(match["inner"] or match["after"] or "")
        if base is not None and language is not None and base[0].localized and base[0].language is None:
            return localized_variant(base[0].value, language), base[1]
    return None, frozenset()


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the file and what it is read into (None: ignored)."""

    index: int
    header: str
    field: Field | None

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def name(self) -> str:
        """The header, or the spreadsheet letter for a column without one."""
        return self.header or self.letter


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    columns: tuple[Column, ...]
    problems: tuple[ImportProblem, ...]
    language: Language

    def column_for(self, person_field: str) -> Column | None:
        """The first column that fills `person_field` (or "role"), in any language variant."""
        for column in self.columns:
            if column.field is not None and (column.field.person_field or "role") == person_field:
                return column
        return None


def map_columns(
    headers: Sequence[str], mapping: Mapping[int, Field | str | None] | None = None, language: Language | None = None,
) -> ColumnMapping:
    """What each column is read into: by header name, or exactly as `mapping` says (column index → field).

    An explicit mapping is complete: columns it leaves out are ignored, so a
    GUI can show the automatic mapping, let the user change it and pass it back.
    `language` is the language of the list's Latin text where the headers do
    not tell it (pasted names have none).
    """
    languages: Counter[Language] = Counter()
    found: list[Field | None] = []
    for header in headers:
        field, langs = match_header(header)
        found.append(field)
        languages.update(langs)
    if mapping is not None:
        found = _explicit(len(headers), mapping)
    problems: list[ImportProblem] = []
    seen: dict[Field, Column] = {}
    columns: list[Column] = []
    for index, (header, field) in enumerate(zip(headers, found, strict=True)):
        if field is not None and field in seen:
            problems.append(ImportProblem.make(
                ProblemKind.COLUMN, N_("Column {other} is read as {what} already; this column is not imported."),
                column=index, header=header, field=field.value, other=seen[field].name, what=field,
            ))
            columns.append(Column(index, header, None))
            continue
        column = Column(index, header, field)
        columns.append(column)
        if field is not None:
            seen[field] = column
        elif mapping is None and fold(header) in IGNORED:
            pass
        elif mapping is None and header:
            problems.append(ImportProblem.make(
                ProblemKind.COLUMN, N_("The planner does not know this column; its values are not imported."), column=index, header=header,
            ))
        elif mapping is None:
            problems.append(ImportProblem.make(
                ProblemKind.COLUMN, N_("This column has values but no header; they are not imported."), column=index,
            ))
    if not any(c.field is Field.FAMILY_NAME for c in columns):
        problems.append(ImportProblem.make(
            ProblemKind.COLUMN, N_("No column holds the family name (e.g. “Nachname”, “Family name” or “姓”); every person needs one."),
            field="family_name",
        ))
    if language is None:
        language = max(languages, key=lambda lang: (languages[lang], lang is Language.EN)) if languages else Language.EN
    return ColumnMapping(tuple(columns), tuple(problems), language)


def _explicit(width: int, mapping: Mapping[int, Field | str | None]) -> list[Field | None]:
    found: list[Field | None] = [None] * width
    for index, target in mapping.items():
        if not isinstance(index, int) or not 0 <= index < width:
            raise PlannerError(N_("The column mapping names column {column}, but the file has {count} columns."), column=index, count=width)
        if target is None or target == "":
            continue
        try:
            found[index] = Field(target)
        except ValueError as exc:
            raise PlannerError(N_("The column mapping names an unknown field “{name}”."), name=str(target)) from exc
    return found
