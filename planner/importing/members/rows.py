"""Reading one row of the list into a person and a role, and checking the person like a form would.

Cells that cannot be read (an unknown role, a date in no known format) are
problems at their cell and leave the field empty. A plain organisation,
function or honorific column fills the Chinese variant when the text is in
Chinese characters, otherwise the file's language (German or English; English
for a Chinese-headed file, whose Latin text is the English version). An empty
language is Chinese for a person whose native name is in Chinese characters,
English otherwise (the planner's default).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.domain.entities import PersonData
from planner.domain.enums import Language, Role
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.domain.names import is_cjk
from planner.i18n import N_
from planner.importing.members.fields import Field
from planner.importing.members.headers import Column, ColumnMapping
from planner.importing.members.problems import ImportProblem, ProblemKind
from planner.importing.members.table import RawRow, cell_text
from planner.importing.members.values import (
    parse_country,
    parse_date,
    parse_language,
    parse_role,
    plain_text,
)

_TEXT_FIELDS = frozenset({
    "family_name", "given_name", "native_name", "email", "phone", "passport_number", "dietary_needs",
    "accessibility_needs", "notes",
})


@dataclass(frozen=True, slots=True)
class ParsedRow:
    person: PersonData
    role: Role
    supplied: frozenset[str]
    problems: tuple[ImportProblem, ...]


def parse_row(raw: RawRow, mapping: ColumnMapping) -> ParsedRow:
    values: dict[str, Any] = {}
    localized: dict[str, LocalizedText] = {}
    supplied: set[str] = set()
    problems: list[ImportProblem] = []
    role: Role | None = None
    # Explicit language variants last, so they win over a plain column's guess.
    for column in sorted(mapping.columns, key=lambda c: c.field is not None and c.field.language is not None):
        if column.field is None:
            continue
        value = raw.values[column.index]
        try:
            if column.field is Field.ROLE:
                role = parse_role(value)
                continue
            name = column.field.person_field
            assert name is not None
            read = _read(column.field, name, value, mapping.language, localized)
        except ValidationError as error:
            problems.append(cell_problem(error, raw.number, column))
            continue
        if read is None:
            continue
        supplied.add(name)
        if not isinstance(read, LocalizedText):
            values[name] = read
    if raw.extra:
        problems.append(ImportProblem.make(
            ProblemKind.ROW_SHAPE,
            N_("This row has {count} more cell(s) than the header has columns; does a value contain the delimiter without quotation marks?"),
            row=raw.number, count=len(raw.extra),
        ))
    if "preferred_language" not in values:
        native = str(values.get("native_name", ""))
        values["preferred_language"] = Language.ZH if native and is_cjk(native) else Language.EN
    person = PersonData(**values, **localized)
    return ParsedRow(person, role or Role.MEMBER, frozenset(supplied), tuple(problems))


def _read(field: Field, name: str, value: Any, file_language: Language, localized: dict[str, LocalizedText]) -> object:
    """The value of one cell for `field`; None for an empty cell. Localised text goes into `localized`."""
    if name in _TEXT_FIELDS:
        text = plain_text(value).strip()
        return text or None
    if name == "nationality":
        return parse_country(value)
    if name == "passport_expiry":
        return parse_date(value)
    if name == "preferred_language":
        return parse_language(value)
    text = plain_text(value).strip()
    if not text:
        return None
    language = field.language or (Language.ZH if is_cjk(text) else (file_language if file_language is not Language.ZH else Language.EN))
    current = localized.get(name, LocalizedText())
    localized[name] = current.replace(language, text)
    return localized[name]


def cell_problem(error: ValidationError, row: int, column: Column | None) -> ImportProblem:
    return ImportProblem.make(
        ProblemKind.VALUE, error.msgid, row=row, column=column.index if column else None, header=column.header if column else "",
        field=error.field, **error.params,
    )


def validate(person: PersonData, row: int, mapping: ColumnMapping) -> tuple[PersonData, tuple[ImportProblem, ...]]:
    """The person normalised as the services will store it, or as given with a problem per bad field."""
    try:
        return person.validated(), ()
    except ValidationErrors as errors:
        problems = []
        for error in errors.errors:
            base = (error.field or "").split(".")[0]
            problems.append(cell_problem(error, row, mapping.column_for(base)))
        return person, tuple(problems)


def cells(raw: RawRow) -> tuple[str, ...]:
    """The row's cells as text, one per column, for showing the row as it is in the file."""
    return tuple(cell_text(v) for v in raw.values)
