"""Whatever a member list holds, importing it brings its rows in faithfully or refuses them with a message.

Text of any kind is written as a CSV (in every encoding and with every
delimiter the reader knows) and imported as the CLI does with
--skip-bad-rows: each row must then either arrive with exactly the names it
had, or be skipped with a problem that has a message; a file may also be
refused whole with a MemberFileError. Any bytes at all, and any damage to
real files, must end the same ways. Any other exception is a bug, and a
refused import must leave the database exactly as it was.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from planner.db.engine import Database
from planner.domain.entities import TripData
from planner.domain.errors import PlannerError
from planner.importing.members import (
    MemberFileError,
    build_preview,
    import_preview,
    read_member_bytes,
)
from planner.importing.members.values import plain_text
from planner.services.delegation import list_members
from planner.services.people import list_people
from tests.importing.member_files import (
    chinese_partner_csv,
    counts,
    csv_bytes,
    xlsx_bytes,
)
from tests.services.conftest import new_trip

# No explain phase: re-running a failing import hundreds of times to annotate lines takes minutes and adds little.
SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
)
NAME_FIELDS = ("family_name", "given_name", "native_name")


@pytest.fixture(scope="module")
def target(make_database: Callable[[str], Database]) -> Iterator[tuple[Database, TripData]]:
    """One database for all examples: each either adds its good rows or leaves it as it was."""
    database = make_database("members")
    trip = new_trip(database)
    yield database, trip
    database.close()


def attempt(db: Database, trip_id: int, data: bytes) -> dict[int, dict[str, Any]] | None:
    """Import `data` skipping bad rows; per imported row number its names as stored, None when refused whole."""
    before = counts(db)
    try:
        preview = build_preview(read_member_bytes(data), list_people(db))
    except MemberFileError as error:
        assert error.message()
        assert counts(db) == before
        return None
    for row in preview.skip_bad_rows():
        assert row.problems and all(str(p) for p in row.problems)
    rows = preview.confirmed_rows()
    members_before = {m.person.id for m in list_members(db, trip_id)}
    try:
        import_preview(db, trip_id, preview)
    except PlannerError as error:
        assert error.message()
        assert counts(db) == before
        return None
    after = counts(db)
    assert after["person"] - before["person"] == len(rows)
    assert after["membership"] - before["membership"] == len(rows)
    added = [m for m in list_members(db, trip_id) if m.person.id not in members_before]
    assert len(added) == len(rows)
    by_order = sorted(added, key=lambda m: m.membership.protocol_order)
    return {row.row_number: {f: getattr(m.person, f) for f in NAME_FIELDS} for row, m in zip(rows, by_order, strict=True)}


def expected(text: str) -> str:
    """What a cell's text is once read: the spreadsheet's formula-guard quote taken off, blanks at the ends trimmed."""
    return plain_text(text).strip()


def check_faithful(imported: dict[int, dict[str, Any]] | None, names: list[tuple[str, str, str]]) -> None:
    if imported is None:
        event("refused whole")
        return
    event(f"{len(imported)} of {len(names)} rows imported")
    for number, stored in imported.items():
        family, given, native = names[number - 2]
        assert stored == {"family_name": expected(family), "given_name": expected(given), "native_name": expected(native)}


any_name = st.text(max_size=25)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16")


@SETTINGS
@given(
    names=st.lists(st.tuples(any_name, any_name, any_name), min_size=1, max_size=6),
    encoding=st.sampled_from(ENCODINGS), delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_any_unicode_names_import_faithfully_or_are_refused(
    target: tuple[Database, TripData], names: list[tuple[str, str, str]], encoding: str, delimiter: str,
) -> None:
    db, trip = target
    rows = [[family, given, native, f"row{i}@example.org"] for i, (family, given, native) in enumerate(names)]
    data = csv_bytes(["Family name", "Given name", "Native name", "Email"], rows, delimiter=delimiter, encoding=encoding)
    check_faithful(attempt(db, trip.id, data), names)


GB2312_NAMES = st.text(
    alphabet=st.sampled_from("许勤陈静刘洋王伟张敏李娜赵磊黄晓雯周美玲深圳市人民政府外事办公室") | st.characters(codec="ascii", categories=["L", "N"]),
    min_size=1, max_size=8,
)


@SETTINGS
@given(names=st.lists(st.tuples(GB2312_NAMES, GB2312_NAMES, GB2312_NAMES), min_size=1, max_size=6), delimiter=st.sampled_from([";", ","]))
def test_chinese_names_in_a_gbk_list_import_faithfully(
    target: tuple[Database, TripData], names: list[tuple[str, str, str]], delimiter: str,
) -> None:
    db, trip = target
    rows = [[family, given, native, f"gbk{i}@example.cn"] for i, (family, given, native) in enumerate(names)]
    data = csv_bytes(["姓", "名", "中文姓名", "邮箱"], rows, delimiter=delimiter, encoding="gbk")
    assert read_member_bytes(data).encoding == "gb18030"
    check_faithful(attempt(db, trip.id, data), names)


# German names as they are spelt: letters, with an umlaut, ß or accent now and then between them.
GERMAN_NAMES = st.from_regex(r"\A[A-ZÄÖÜ][a-z]{1,6}(?:[äöüßéè][a-z]{1,5}){0,2}(?:-[A-Z][a-zäöü]{1,6})?\Z")


@SETTINGS
@given(names=st.lists(st.tuples(GERMAN_NAMES, GERMAN_NAMES, st.just("")), min_size=1, max_size=6))
def test_german_names_in_a_cp1252_list_import_faithfully(target: tuple[Database, TripData], names: list[tuple[str, str, str]]) -> None:
    db, trip = target
    rows = [[family, given, native, f"de{i}@example.de"] for i, (family, given, native) in enumerate(names)]
    data = csv_bytes(["Nachname", "Vorname", "Name in Originalschrift", "E-Mail"], rows, delimiter=";", encoding="cp1252")
    assert read_member_bytes(data).encoding == ("utf-8" if data.isascii() else "cp1252")
    check_faithful(attempt(db, trip.id, data), names)


@SETTINGS
@given(text=st.text(max_size=300), encoding=st.sampled_from(ENCODINGS))
def test_any_text_as_a_file(target: tuple[Database, TripData], text: str, encoding: str) -> None:
    db, trip = target
    event("refused whole" if attempt(db, trip.id, text.encode(encoding)) is None else "read")


@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_as_a_file(target: tuple[Database, TripData], data: bytes) -> None:
    db, trip = target
    event("refused whole" if attempt(db, trip.id, data) is None else "read")


# Built once: a workbook carries the time it was saved, and every example must splice the same bytes.
REAL_LISTS = {
    "gbk": chinese_partner_csv(),
    "xlsx": xlsx_bytes(["Surname", "First name", "Passport expiry"], [["Weil", "Stephan", 47848], ["Vogt", "Martin", "31.12.2030"]]),
    "bom": codecs.BOM_UTF8 + csv_bytes(["Nachname", "Vorname", "Rolle"], [["Weil", "Stephan", "Leiter"], ["Vogt", "Martin", "Mitglied"]]),
}


@SETTINGS
@given(data=st.data())
def test_any_splice_of_a_real_list(target: tuple[Database, TripData], data: st.DataObject) -> None:
    db, trip = target
    source = data.draw(st.sampled_from(sorted(REAL_LISTS)), label="source")
    raw = REAL_LISTS[source]
    start = data.draw(st.integers(0, len(raw)), label="start")
    end = data.draw(st.integers(start, min(len(raw), start + 16)), label="end")
    spliced = raw[:start] + data.draw(st.binary(max_size=16), label="bytes") + raw[end:]
    event(f"{source}: " + ("refused whole" if attempt(db, trip.id, spliced) is None else "read"))
