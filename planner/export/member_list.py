"""A trip's member list as CSV or Excel, safe to pass on.

Safe in two ways. No cell can run as a formula: text that a spreadsheet
would read as one (starting with =, +, - or @, also after blanks, or with a
tab or carriage return) gets a leading apostrophe in a CSV, the usual guard
against CSV injection ("=HYPERLINK(...)" in a name field); in an .xlsx it is
stored as a text cell formatted as text ("@"), which Excel never runs and
shows without the apostrophe ("+49 511 …" is a phone number, not a sum). And passport numbers,
passport expiry dates and the planner's own notes stay out unless asked for.

The CSV is UTF-8 with a byte order mark, which Excel needs to read Chinese
names right, with a semicolon (what German Excel expects) or a comma. The
headers and the words for roles and languages are fixed per document language,
and are ones the member import reads back (planner.importing.members), so an
exported list can be edited and imported again.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.enums import Language, Role
from planner.domain.errors import PlannerError
from planner.domain.localized import LocalizedText
from planner.export.tripfile import write_atomically
from planner.i18n import N_
from planner.domain.members import Member
from planner.services.delegation import list_members

Cell = str | int | date | None

# Blanks (Unicode's, to be safe) before a formula sign, or a tab/CR at the very start; full-width signs too.
_FORMULA_START = re.compile(r"(?:\s*[=+\-@＝＋－＠]|[\t\r])")
# Characters an .xlsx file cannot hold at all (XML 1.0 forbids them); they could not be typed in the planner anyway.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class ListFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


class ListColumn(NamedTuple):
    """A column of the list: the member's field, its header in each document language, whether it is private."""

    key: str
    header: LocalizedText
    private: bool = False  # shown only with include_private


#: The columns, in order. The headers are fixed words the member import reads back, so they are not translated.
COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("order", LocalizedText(de="Nr.", zh="序号", en="No.")),
    ListColumn("family_name", LocalizedText(de="Nachname", zh="姓", en="Family name")),
    ListColumn("given_name", LocalizedText(de="Vorname", zh="名", en="Given name")),
    ListColumn("native_name", LocalizedText(de="Name in Originalschrift", zh="中文姓名", en="Native name")),
    ListColumn("honorific", LocalizedText(de="Anrede", zh="称谓", en="Honorific")),
    ListColumn("organisation", LocalizedText(de="Organisation", zh="单位", en="Organisation")),
    ListColumn("function", LocalizedText(de="Funktion", zh="职务", en="Function")),
    ListColumn("role", LocalizedText(de="Rolle", zh="角色", en="Role")),
    ListColumn("preferred_language", LocalizedText(de="Sprache", zh="语言", en="Language")),
    ListColumn("nationality", LocalizedText(de="Nationalität", zh="国籍", en="Nationality")),
    ListColumn("email", LocalizedText(de="E-Mail", zh="邮箱", en="Email")),
    ListColumn("phone", LocalizedText(de="Telefon", zh="电话", en="Phone")),
    ListColumn("dietary_needs", LocalizedText(de="Ernährung", zh="饮食要求", en="Dietary needs")),
    ListColumn("accessibility_needs", LocalizedText(de="Barrierefreiheit", zh="无障碍需求", en="Accessibility needs")),
    ListColumn("passport_number", LocalizedText(de="Passnummer", zh="护照号码", en="Passport number"), private=True),
    ListColumn("passport_expiry", LocalizedText(de="Pass gültig bis", zh="护照有效期", en="Passport expiry"), private=True),
    ListColumn("notes", LocalizedText(de="Notizen", zh="备注", en="Notes"), private=True),
)
#: The words for roles and languages in each document language, also ones the import reads back.
ROLE_WORDS: dict[Role, LocalizedText] = {
    Role.HEAD: LocalizedText(de="Delegationsleitung", zh="团长", en="Head of delegation"),
    Role.MEMBER: LocalizedText(de="Mitglied", zh="成员", en="Member"),
    Role.STAFF: LocalizedText(de="Mitarbeiter", zh="工作人员", en="Staff"),
    Role.INTERPRETER: LocalizedText(de="Dolmetscher", zh="翻译", en="Interpreter"),
    Role.PRESS: LocalizedText(de="Presse", zh="记者", en="Press"),
    Role.HOST: LocalizedText(de="Gastgeber", zh="接待方", en="Host"),
}
LANGUAGE_WORDS: dict[Language, LocalizedText] = {
    Language.DE: LocalizedText(de="Deutsch", zh="德语", en="German"),
    Language.ZH: LocalizedText(de="Chinesisch", zh="中文", en="Chinese"),
    Language.EN: LocalizedText(de="Englisch", zh="英语", en="English"),
}
SHEET_TITLES: dict[Language, str] = {Language.DE: "Delegation", Language.ZH: "代表团", Language.EN: "Delegation"}


def neutralise(text: str) -> str:
    """`text` with an apostrophe in front if a spreadsheet would take it for a formula."""
    return "'" + text if _FORMULA_START.match(text) else text


def member_table(
    members: Sequence[Member], *, include_private: bool = False, language: Language = Language.EN,
) -> tuple[list[str], list[list[Cell]]]:
    """The header and one row per member (in the order given), values not yet neutralised."""
    columns = [column for column in COLUMNS if include_private or not column.private]
    keys = [column.key for column in columns]
    headers = [column.header.get(language) for column in columns]
    rows = [[_value(key, position, member, language) for key in keys] for position, member in enumerate(members, start=1)]
    return headers, rows


def _value(key: str, position: int, member: Member, language: Language) -> Cell:
    person: PersonData = member.person
    if key == "order":
        return position
    if key == "role":
        return ROLE_WORDS[member.role].get(language)
    if key == "preferred_language":
        return LANGUAGE_WORDS[person.preferred_language].get(language)
    if key == "passport_expiry":
        return person.passport_expiry
    value = getattr(person, key)
    if key in ("honorific", "organisation", "function"):
        return str(value.text(language))
    return str(value)


def render_csv(headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, delimiter: str = ";") -> bytes:
    """UTF-8 with BOM, CRLF line ends (what Excel writes and reads), every text cell neutralised."""
    if delimiter not in (";", ","):
        raise PlannerError(N_("The delimiter must be a semicolon or a comma, not “{delimiter}”."), delimiter=delimiter)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return neutralise(value)


def render_xlsx(headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, title: str = "Delegation") -> bytes:
    """One worksheet: bold, frozen header with filters; dates as real dates, text neutralised."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _XML_ILLEGAL.sub("", title)[:31] or "Delegation"
    for values in (headers, *rows):
        sheet.append([_xlsx_cell(v) for v in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and _FORMULA_START.match(cell.value):
                cell.data_type = "s"  # openpyxl took it for a formula; a text cell is never run
                cell.number_format = "@"  # and stays text when someone edits it in Excel
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        letter = sheet.cell(row=1, column=column).column_letter
        widest = max([len(str(header)), *(len(str(r[column - 1] or "")) for r in rows)])
        sheet.column_dimensions[letter].width = min(60, max(8, widest + 2))
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_cell(value: Cell) -> Cell:
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)  # a formula-like text is made a text cell in render_xlsx
    return value


def list_format(path: str | os.PathLike[str]) -> ListFormat:
    """The format a file name asks for: .csv or .xlsx."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return ListFormat.CSV
    if suffix == ".xlsx":
        return ListFormat.XLSX
    raise PlannerError(N_("Please name the member list .csv or .xlsx, not “{name}”."), name=Path(path).name)


def render_member_list(
    db: Database, trip_id: int, fmt: ListFormat, *, include_private: bool = False, language: Language = Language.EN,
    delimiter: str = ";",
) -> bytes:
    from planner.services.trips import get_trip

    get_trip(db, trip_id)  # an unknown trip is named as such, not written as an empty list
    headers, rows = member_table(list_members(db, trip_id), include_private=include_private, language=language)
    if fmt is ListFormat.CSV:
        return render_csv(headers, rows, delimiter=delimiter)
    return render_xlsx(headers, rows, title=SHEET_TITLES[language])


def write_member_list(
    db: Database, trip_id: int, path: str | os.PathLike[str], *, include_private: bool = False,
    language: Language = Language.EN, delimiter: str = ";",
) -> Path:
    """Write the trip's member list to `path` (.csv or .xlsx), replacing it only once complete."""
    target = Path(path).expanduser()
    data = render_member_list(
        db, trip_id, list_format(target), include_private=include_private, language=language, delimiter=delimiter,
    )
    write_atomically(target, data, private=True)  # e-mail, phone, dietary and accessibility needs
    return target
