"""Opening member lists: delimiters, workbooks, and every kind of file that is no list, refused by name."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.importing.members import (
    MAX_FILE_BYTES,
    MemberFileError,
    read_member_bytes,
    read_member_file,
)
from planner.importing.members.csv_table import detect_delimiter
from planner.importing.members.table import FileKind
from tests.importing.member_files import csv_bytes, xlsx_bytes

HEADER = ["Nachname", "Vorname", "Organisation"]
ROWS = [["Weil", "Stephan", "Stadt Hannover"], ["Schirmeyer", "Kai", "hannoverimpuls GmbH, Abteilung Kreativwirtschaft"]]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter_is_detected(delimiter: str) -> None:
    table = read_member_bytes(csv_bytes(HEADER, ROWS, delimiter=delimiter))
    assert table.delimiter == delimiter
    assert table.headers == tuple(HEADER)
    assert [r.values for r in table.rows] == [tuple(r) for r in ROWS]
    assert [r.number for r in table.rows] == [2, 3]


def test_a_delimiter_inside_quoted_values_does_not_mislead() -> None:
    text = 'Nachname;Vorname;Organisation\n"Weil, Dr.";"Stephan";"A, B, C, D"\n"Vogt";"Martin";"E, F, G"\n'
    assert detect_delimiter(text) == ";"


def test_when_the_sniffer_gives_up_the_header_decides() -> None:
    # One line only: csv.Sniffer takes the comma here, counting the header knows better.
    assert detect_delimiter("Nachname;Vorname;E-Mail, privat") == ";"
    assert detect_delimiter("Nachname;Vorname;E-Mail, privat\nWeil;Stephan;a@b.de\n") == ";"
    assert detect_delimiter("Name") == ","
    assert detect_delimiter("Name\nWeil, Stephan\n") == ","


def test_a_tab_separated_utf16_file_from_excel_unicode_text_is_read() -> None:
    table = read_member_bytes(csv_bytes(HEADER, ROWS, delimiter="\t", encoding="utf-16"))
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.rows[1].values[2] == "hannoverimpuls GmbH, Abteilung Kreativwirtschaft"


def test_blank_lines_are_dropped_but_rows_keep_their_spreadsheet_numbers() -> None:
    data = b"\r\nNachname,Vorname\r\nWeil,Stephan\r\n,\r\n\r\nVogt,Martin\r\n"
    table = read_member_bytes(data)
    assert table.header_row == 2
    assert [(r.number, r.values) for r in table.rows] == [(3, ("Weil", "Stephan")), (6, ("Vogt", "Martin"))]


def test_a_cell_over_several_lines_counts_as_one_row() -> None:
    data = b'Nachname,Notizen\r\nWeil,"erste Zeile\r\nzweite Zeile"\r\nVogt,kurz\r\n'
    table = read_member_bytes(data)
    assert [(r.number, r.values[1]) for r in table.rows] == [(2, "erste Zeile\r\nzweite Zeile"), (3, "kurz")]


def test_ragged_rows_are_padded_or_keep_their_extra_cells_for_the_preview() -> None:
    data = b"Nachname;Vorname;Organisation\r\nWeil;Stephan\r\nVogt;Martin;Hochschule;Hannover;;\r\nBrandt;Hannes;Audio;;\r\n"
    table = read_member_bytes(data)
    assert [r.values for r in table.rows] == [
        ("Weil", "Stephan", None), ("Vogt", "Martin", "Hochschule"), ("Brandt", "Hannes", "Audio"),
    ]
    assert [r.extra for r in table.rows] == [(), ("Hannover",), ()]


# --- workbooks ---------------------------------------------------------------------------------


def test_a_workbook_keeps_excel_types() -> None:
    data = xlsx_bytes(
        ["Family name", "Given name", "Phone", "Passport expiry"],
        [["Weil", "Stephan", 4951112345, datetime(2031, 5, 17)], ["Vogt", "Martin", None, date(2029, 1, 2)]],
    )
    table = read_member_bytes(data)
    assert table.kind is FileKind.XLSX
    assert table.rows[0].values == ("Weil", "Stephan", 4951112345, datetime(2031, 5, 17))
    assert table.rows[1].values[3] == datetime(2029, 1, 2)


def test_a_workbook_column_with_values_but_no_header_is_a_column() -> None:
    table = read_member_bytes(xlsx_bytes(["Family name"], [["Weil", None, "stray note"]]))
    assert table.headers == ("Family name", "", "")
    assert table.rows[0].extra == ()


def test_a_workbook_saved_with_a_csv_name_is_still_read_as_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes(xlsx_bytes(["Family name"], [["Weil"]]))
    assert read_member_file(path).kind is FileKind.XLSX


# --- files that are no member list -------------------------------------------------------------


def _message(data: bytes) -> str:
    with pytest.raises(MemberFileError) as info:
        read_member_bytes(data)
    return info.value.message()


def test_an_empty_file() -> None:
    assert _message(b"") == "The file is empty."
    assert _message(b" \r\n\r\n") == "The file is empty."
    assert _message(b"\xef\xbb\xbf") == "The file is empty."
    assert _message(b";;;\r\n;;\r\n") == "The file is empty."


def test_a_file_with_only_a_header() -> None:
    assert _message(b"Nachname;Vorname\r\n") == "The file has a header row but no rows of people below it."
    assert _message(xlsx_bytes(["Family name", "Given name"], [])) == "The file has a header row but no rows of people below it."


def test_binary_junk() -> None:
    assert "binary data" in _message(bytes(range(256)) * 40)
    assert "binary data" in _message(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_a_truncated_workbook() -> None:
    whole = xlsx_bytes(["Family name"], [["Weil"]])
    for cut in (10, len(whole) // 2, len(whole) - 10):
        message = _message(whole[:cut])
        assert message.startswith("The Excel file cannot be read; it is damaged or not an .xlsx workbook"), message


def test_a_zip_that_is_no_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert _message(out.getvalue()).startswith("The Excel file cannot be read; it is damaged or not an .xlsx workbook")


def test_a_workbook_that_would_unpack_to_gigabytes() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/bomb.xml", b"\0" * (201 * 1024 * 1024))
    assert len(out.getvalue()) < 1024 * 1024
    assert _message(out.getvalue()) == "The Excel file would unpack to 201 MB; a member list may unpack to at most 200 MB."


def test_an_old_xls_workbook() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
    assert _message(data) == "This is an Excel 97–2003 workbook (.xls); please save it as .xlsx or as CSV and import that."


def test_a_broken_quote_that_swallows_the_rest_of_the_file() -> None:
    data = b'Nachname;Notizen\r\nWeil;"kein Ende\r\n' + b"x" * 200_000
    assert _message(data).startswith("The CSV file cannot be read near row 2: a cell is far too long")


def test_the_20_mb_limit(tmp_path: Path) -> None:
    assert MAX_FILE_BYTES == 20 * 1024 * 1024
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.write(b"Nachname\r\n")
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(MemberFileError) as info:
        read_member_file(path)
    assert info.value.message() == "The file is too big (20.0 MB); a member list may have at most 20 MB."
    assert _message(b"x" * (MAX_FILE_BYTES + 1)) == "The file is too big (20.0 MB); a member list may have at most 20 MB."


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(MemberFileError, match="does not exist"):
        read_member_file(tmp_path / "nowhere.csv")
    with pytest.raises(MemberFileError, match="is a folder, not a member list"):
        read_member_file(tmp_path)
