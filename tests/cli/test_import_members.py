"""`planner import-members` and `planner export-members`: problems per row and column, exit codes, and all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli.main import main
from planner.db.engine import Database
from planner.domain.enums import Role
from planner.services.delegation import list_members
from tests.importing.member_files import (
    CHINESE_BAD_ROWS,
    chinese_partner_csv,
    counts,
    csv_bytes,
    xlsx_bytes,
)
from tests.services.conftest import new_member, new_person, new_trip, snapshot


def run(db_target: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["--db", db_target, *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


@pytest.fixture
def partner_file(tmp_path: Path) -> Path:
    path = tmp_path / "代表团名单.csv"
    path.write_bytes(chinese_partner_csv())
    return path


def test_bad_rows_stop_the_whole_import_with_exit_3(db: Database, db_target: str, partner_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip = new_trip(db)
    before = snapshot(db)
    code, lines, err = run(db_target, capsys, "import-members", str(partner_file), "--trip", str(trip.id))
    assert code == 3
    assert err == ""
    assert lines == [
        "row 4, column 邮箱: “liu.yang@” is not a valid e-mail address.",
        "row 5, column 姓: Family name must not be empty.",
        "row 6, column 角色: “司机” is not a role the planner knows (head, member, staff, interpreter, press or host).",
        "row 7, column 护照有效期: “2030年13月45日” is not a date the planner can read; write it as 2030-12-31, 31.12.2030, 2030/12/31 or 2030年12月31日.",
        "row 8, column 语言: “法语” is not a language the planner knows (German, Chinese or English).",
        "row 10, column 姓: Xu Qin (许勤) is listed in row 2 already.",
        "Nothing was imported: 6 rows have problems. Correct them, or use --skip-bad-rows to import only the good rows.",
    ]
    assert snapshot(db) == before


def test_the_chinese_partners_list_with_skip_bad_rows_imports_exactly_the_good_rows(
    db: Database, db_target: str, partner_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trip = new_trip(db)
    new_member(db, trip, new_person(db, "Weil", "Stephan"), Role.HEAD)
    before = counts(db)
    code, lines, _err = run(db_target, capsys, "import-members", str(partner_file), "--trip", str(trip.id), "--skip-bad-rows")
    assert code == 0
    assert len(lines) == len(CHINESE_BAD_ROWS) + 2
    assert lines[-2:] == ["Skipped rows: 4, 5, 6, 7, 8, 10", "Imported 4 members into trip 1."]
    members = list_members(db, trip.id)
    assert [(m.person.native_name, m.role, m.membership.protocol_order) for m in members] == [
        ("", Role.HEAD, 1), ("许勤", Role.HEAD, 2), ("陈静", Role.STAFF, 3), ("黄晓雯", Role.INTERPRETER, 4), ("王镕", Role.MEMBER, 5),
    ]
    assert counts(db) == {**before, "person": before["person"] + 4, "membership": before["membership"] + 4}

    # Imported again, the same list finds its people in the directory: on the command line a duplicate is a problem.
    code, lines, _err = run(db_target, capsys, "import-members", str(partner_file), "--trip", str(trip.id), "--skip-bad-rows")
    assert code == 3
    assert "row 2, column 姓: Xu Qin (许勤) is in the people directory already" in lines[0]
    assert lines[-1] == "No rows left to import; nothing was written."
    assert len(list_members(db, trip.id)) == 5


def test_dry_run_writes_nothing_and_exits_0_only_when_every_row_is_fine(
    db: Database, db_target: str, partner_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trip = new_trip(db)
    before = snapshot(db)
    code, lines, _err = run(db_target, capsys, "import-members", str(partner_file), "--trip", str(trip.id), "--dry-run")
    assert code == 3
    assert lines[-1].startswith("Nothing was imported: 6 rows have problems.")
    code, lines, _err = run(db_target, capsys, "import-members", str(partner_file), "--trip", str(trip.id), "--dry-run", "--skip-bad-rows")
    assert code == 3
    assert lines[-2:] == ["Skipped rows: 4, 5, 6, 7, 8, 10", "Dry run: 4 rows can be imported; nothing was written."]

    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes(["Nachname", "Vorname", "Rolle"], [["Vogt", "Martin", "Mitglied"]], delimiter=";"))
    code, lines, _err = run(db_target, capsys, "import-members", str(good), "--trip", str(trip.id), "--dry-run")
    assert (code, lines) == (0, ["Dry run: 1 row can be imported; nothing was written."])
    assert snapshot(db) == before


def test_a_clean_xlsx_imports_without_options(db: Database, db_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip = new_trip(db)
    path = tmp_path / "list.xlsx"
    path.write_bytes(xlsx_bytes(["Surname", "First name", "Role", "Shoe size"], [["Whitfield", "Emma", "press", 38]]))
    code, lines, _err = run(db_target, capsys, "import-members", str(path), "--trip", str(trip.id))
    assert code == 0
    assert lines == [
        "column Shoe size: The planner does not know this column; its values are not imported.",
        "Imported 1 member into trip 1.",
    ]
    assert [m.person.name for m in list_members(db, trip.id)] == ["Emma Whitfield"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"Nachname;Vorname\r\n", "The file has a header row but no rows of people below it."),
        (bytes(range(256)) * 8, "The file is not a text table (it contains binary data); please choose a CSV file or an Excel workbook (.xlsx)."),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00broken", "The Excel file cannot be read; it is damaged or not an .xlsx workbook"),
    ],
)
def test_broken_files_give_one_clear_line_and_no_traceback(
    db: Database, db_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    trip = new_trip(db)
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    before = snapshot(db)
    code, lines, err = run(db_target, capsys, "import-members", str(path), "--trip", str(trip.id), "--skip-bad-rows")
    assert code == 1
    assert lines == []
    assert err.startswith(f"planner: error: {message}")
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert snapshot(db) == before


def test_a_missing_file_and_an_unknown_trip(db: Database, db_target: str, partner_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip = new_trip(db)
    code, _lines, err = run(db_target, capsys, "import-members", "/nowhere/list.csv", "--trip", str(trip.id))
    assert (code, err) == (1, "planner: error: The file /nowhere/list.csv does not exist.\n")
    code, _lines, err = run(db_target, capsys, "import-members", str(partner_file), "--trip", "999")
    assert (code, err) == (1, "planner: error: The trip no longer exists (it may have been deleted elsewhere).\n")


def test_export_members_writes_csv_and_xlsx(db: Database, db_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip = new_trip(db)
    new_member(db, trip, new_person(db, "Xu", "Qin", "许勤", passport_number="E12345678", phone="+86 755 8888 0001"), Role.HEAD)
    out = tmp_path / "members.csv"
    code, lines, _err = run(db_target, capsys, "export-members", "--trip", str(trip.id), "--out", str(out), "--lang", "zh", "--delimiter", "comma")
    assert (code, lines) == (0, [f"Wrote {out}"])
    text = out.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("序号,姓,名,中文姓名,")
    assert "1,Xu,Qin,许勤," in text
    assert "'+86 755 8888 0001" in text
    assert "E12345678" not in text

    code, _lines, _err = run(db_target, capsys, "export-members", "--trip", str(trip.id), "--out", str(out), "--include-private")
    assert code == 0
    assert "E12345678" in out.read_bytes().decode("utf-8-sig")

    xlsx = tmp_path / "members.xlsx"
    assert run(db_target, capsys, "export-members", "--trip", str(trip.id), "--out", str(xlsx))[0] == 0
    assert xlsx.read_bytes().startswith(b"PK\x03\x04")

    code, _lines, err = run(db_target, capsys, "export-members", "--trip", str(trip.id), "--out", str(tmp_path / "members.txt"))
    assert (code, err) == (1, "planner: error: Please name the member list .csv or .xlsx, not “members.txt”.\n")
