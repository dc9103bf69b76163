"""Names pasted from a mail or a spreadsheet, read into a member list for the import preview.

Partners send delegation lists as spreadsheet cells or as lines of a mail, not
only as files. Pasted text comes in three shapes, and each becomes a table the
member import (preview.py) reads like a file, so matching with the people
directory, problems per cell and the decision per row stay in one place:

- cells copied with their header row ("Nachname<TAB>Vorname<TAB>…"): read as
  a member list file is, by the headers;
- cells without a header: by position, "Family name<TAB>Given name<TAB>
  Function<TAB>Organisation", where a column of e-mail addresses is read as
  e-mail and a column of short names in Chinese characters as the name in
  native script;
- one person per line: "Dr. Anna Müller, Leiterin des Büros, Landeshauptstadt
  Hannover" (name, then function, then organisation), "Xu Qin 许勤, Mayor", or
  only "王芳".

A Latin name with a Chinese name beside it is written family name first (Xu
Qin); any other Latin name given name first, with "von", "van", "de" and the
like kept with the family name. A name in Chinese characters alone is split
after its family name (one character, or two for the compound family names).
Language and nationality, where the side of the trip tells them (see
planner.domain.sides), are added as columns the user sees and can change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from planner.domain.enums import Language
from planner.domain.names import is_cjk
from planner.domain.sides import SideDefaults
from planner.i18n import N_
from planner.importing.members.errors import MemberFileError
from planner.importing.members.fields import Field
from planner.importing.members.headers import match_header
from planner.importing.members.reader import read_member_bytes
from planner.importing.members.table import MAX_ROWS, FileKind, RawRow, RawTable

#: Words before a name that are titles or forms of address, compared without case and final dot.
HONORIFICS = frozenset({
    "herr", "frau", "dr", "prof", "professor", "professorin", "dipl.-ing", "ing", "mag", "mr", "mrs", "ms", "miss", "mx",
    "sir", "dame", "hon", "h.c",
})
#: Lower-case words that belong to the family name that follows them ("Ursula von der Leyen").
PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "zur", "vom", "ter", "ten", "du", "da", "di", "del", "le", "la"})
#: The two-character Chinese family names met in practice; every other one is one character.
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "夏侯", "轩辕", "令狐", "宇文",
    "澹台", "端木", "南宫", "呼延", "独孤", "西门", "申屠",
})
#: Hints that Latin text is German (the functions and bodies partners write), for where a plain column goes.
_GERMAN = re.compile(r"[äöüßÄÖÜ]|\b(der|des|die|und|für|stadt|leiter|leiterin|referent|referentin|direktorin|geschäftsführer\w*|bürgermeister\w*)\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*[,，;；]\s*")
_NATIVE_NAME_LENGTH = 5

#: The columns a headerless paste is read into, in the order they are shown.
_COLUMNS: tuple[Field, ...] = (
    Field.HONORIFIC, Field.FAMILY_NAME, Field.GIVEN_NAME, Field.NATIVE_NAME, Field.FUNCTION, Field.ORGANISATION, Field.EMAIL,
    Field.LANGUAGE, Field.NATIONALITY,
)
#: Where the columns of headerless cells go, in order, once e-mail and native-name columns are known.
_POSITIONS: tuple[Field, ...] = (Field.FAMILY_NAME, Field.GIVEN_NAME, Field.FUNCTION, Field.ORGANISATION)


@dataclass(frozen=True, slots=True)
class PastedNames:
    """The pasted text as a member list: the table, how its columns are read (None: by its headers) and its language."""

    table: RawTable
    mapping: Mapping[int, Field | str | None] | None
    language: Language | None


def read_pasted_names(text: str, side: SideDefaults = SideDefaults()) -> PastedNames:
    """The table in pasted `text`; `side` gives the language and nationality of those pasted where known.

    Raises MemberFileError when the text holds no names at all.
    """
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    if not lines:
        raise MemberFileError(N_("The pasted text holds no names."))
    if len(lines) > MAX_ROWS:
        raise MemberFileError(N_("The list has more than {limit} rows; a member list may have at most {limit}."), limit=MAX_ROWS)
    tabbed = any("\t" in line for line in lines)
    if tabbed and any(match_header(cell)[0] is Field.FAMILY_NAME for cell in lines[0].split("\t")):
        table = read_member_bytes("\n".join(lines).encode("utf-8"))  # a header row came along: read as a list is
        return PastedNames(replace(table, kind=FileKind.TEXT, encoding="", delimiter="\t"), None, None)
    people = _from_cells([line.split("\t") for line in lines]) if tabbed else [_from_line(line) for line in lines]
    latin = [value for person in people for key, value in person.items() if key in (Field.FUNCTION, Field.ORGANISATION, Field.HONORIFIC)]
    language = latin_text_language(latin, side.language)
    for person in people:
        if side.nationality:  # the side is known: its language and country, shown in their columns
            person.setdefault(Field.LANGUAGE, side.language.value)
            person.setdefault(Field.NATIONALITY, side.nationality)
    used = [field for field in _COLUMNS if any(person.get(field) for person in people)]
    rows = tuple(
        RawRow(number, tuple(person.get(field, "") for field in used)) for number, person in enumerate(people, start=1)
    )
    table = RawTable(("",) * len(used), rows, FileKind.TEXT, header_row=0, delimiter="\t" if tabbed else "")
    return PastedNames(table, dict(enumerate(used)), language)


def latin_text_language(texts: Sequence[str], side_language: Language) -> Language:
    """The language of organisations and functions written in Latin letters: German or English.

    A German side writes German; otherwise German is recognised by its letters
    and common words, and everything else is taken for English (the language
    a Chinese partner writes in Latin letters).
    """
    if side_language is Language.DE:
        return Language.DE
    return Language.DE if any(_GERMAN.search(text) for text in texts if not is_cjk(text)) else Language.EN


def _from_cells(rows: list[list[str]]) -> list[dict[Field, str]]:
    width = max(len(row) for row in rows)
    cells = [[cell.strip() for cell in row] + [""] * (width - len(row)) for row in rows]
    fields: list[Field | None] = [None] * width
    for column in range(width):
        values = [row[column] for row in cells if row[column]]
        if values and all("@" in value and " " not in value for value in values):
            fields[column] = Field.EMAIL
        elif values and column > 0 and all(_is_native_name(value) for value in values):
            fields[column] = Field.NATIVE_NAME
    positions = iter(_POSITIONS)
    for column in range(width):
        if fields[column] is None:
            fields[column] = next(positions, None)
    people = []
    for row in cells:
        person = {field: value for field, value in zip(fields, row, strict=True) if field is not None and value}
        people.append(_completed_names(person))
    return people


def _from_line(line: str) -> dict[Field, str]:
    """"Dr. Anna Müller, Leiterin …, Stadt Hannover": the name, then the function, then the organisation."""
    parts = [part for part in _SEPARATORS.split(line.strip()) if part]
    person = split_name(parts[0]) if parts else {}
    if len(parts) > 1:
        person[Field.FUNCTION] = parts[1]
    if len(parts) > 2:
        person[Field.ORGANISATION] = ", ".join(parts[2:])
    return person


def split_name(text: str) -> dict[Field, str]:
    """Honorific, family and given name, and the name in Chinese characters, of one written name.

    Brackets around a part ("张伟 (Zhang Wei)", "Wang Fang（王芳）") only set it apart: they are dropped.
    """
    tokens = _BRACKETS.sub(" ", text).split()
    native = "".join(t for t in tokens if is_cjk(t))
    latin = [t for t in tokens if not is_cjk(t)]
    honorifics: list[str] = []
    while len(latin) > 1 and _is_honorific(latin[0]):
        honorifics.append(latin.pop(0))
    person: dict[Field, str] = {}
    if honorifics:
        person[Field.HONORIFIC] = " ".join(honorifics)
    if native:
        person[Field.NATIVE_NAME] = native
    if latin and native:  # pinyin beside the characters: family name first, as the characters are
        person[Field.FAMILY_NAME] = latin[0]
        if latin[1:]:
            person[Field.GIVEN_NAME] = " ".join(latin[1:])
    elif latin:
        start = len(latin) - 1
        while start > 1 and latin[start - 1].lower() in PARTICLES:
            start -= 1
        if start == 1 and latin[0].lower() in PARTICLES and len(latin) > 1:
            start = 0
        person[Field.FAMILY_NAME] = " ".join(latin[start:])
        if latin[:start]:
            person[Field.GIVEN_NAME] = " ".join(latin[:start])
    return _completed_names(person)


_BRACKETS = re.compile(r"[()（）\[\]【】]")


def _completed_names(person: dict[Field, str]) -> dict[Field, str]:
    """A name only in Chinese characters gets its family and given name from the characters (王芳: 王 and 芳)."""
    family = person.get(Field.FAMILY_NAME, "")
    native = person.get(Field.NATIVE_NAME, "")
    if family and is_cjk(family) and not native and not person.get(Field.GIVEN_NAME):
        native = person[Field.NATIVE_NAME] = family  # "王芳" in the family-name column: the whole name
        family = ""
    if native and not family:
        cut = 2 if native[:2] in COMPOUND_SURNAMES and len(native) > 2 else 1
        person[Field.FAMILY_NAME] = native[:cut]
        if native[cut:]:
            person[Field.GIVEN_NAME] = native[cut:]
    return person


def _is_honorific(token: str) -> bool:
    return token.lower().rstrip(".") in HONORIFICS


def _is_native_name(value: str) -> bool:
    return is_cjk(value) and " " not in value and len(value) <= _NATIVE_NAME_LENGTH
