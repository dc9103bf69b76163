"""The member import preview: every row read and checked, decisions per row, and only then one import."""

from __future__ import annotations

import codecs
from dataclasses import replace
from datetime import date, datetime

import pytest

from planner.db.engine import Database
from planner.domain.enums import Language, Role
from planner.domain.errors import PlannerError
from planner.domain.localized import LocalizedText
from planner.importing.members import (
    Decision,
    DecisionKind,
    Field,
    ProblemKind,
    build_preview,
    import_preview,
    read_member_bytes,
)
from planner.importing.members.preview import MemberImportPreview
from planner.services.delegation import list_members
from planner.services.people import list_people
from tests.importing.member_files import (
    CHINESE_BAD_ROWS,
    CHINESE_GOOD_ROWS,
    chinese_partner_csv,
    counts,
    csv_bytes,
    xlsx_bytes,
)
from tests.services.conftest import new_member, new_person, new_trip


def preview_of(db: Database, data: bytes) -> MemberImportPreview:
    return build_preview(read_member_bytes(data), list_people(db))


# --- the acceptance case -----------------------------------------------------------------------


def test_the_chinese_partners_gbk_list_imports_exactly_its_good_rows_once_the_bad_ones_are_skipped(db: Database) -> None:
    trip = new_trip(db)
    host = new_member(db, trip, new_person(db, "Weil", "Stephan"), Role.HEAD)
    preview = preview_of(db, chinese_partner_csv())
    assert (preview.table.encoding, preview.table.delimiter) == ("gb18030", ";")
    assert preview.column_problems == ()  # 序号, the running number, is known and ignored

    # Every bad row is named with its row and column, as the spreadsheet shows them.
    bad = {row.number: [(p.header, p.message) for p in row.blocking_problems] for row in preview.bad_rows}
    assert sorted(bad) == sorted(CHINESE_BAD_ROWS)
    for number, (header, message) in CHINESE_BAD_ROWS.items():
        assert len(bad[number]) == 1
        assert bad[number][0][0] == header
        assert bad[number][0][1].startswith(message)
    assert [r.number for r in preview.rows if r.ok] == CHINESE_GOOD_ROWS

    before = counts(db)
    with pytest.raises(PlannerError, match="6 row\\(s\\) still have problems"):
        preview.confirmed_rows()
    assert counts(db) == before  # the preview writes nothing

    for row in preview.bad_rows:
        preview.decide(row.index, Decision.skip())
    assert preview.ready
    change = import_preview(db, trip.id, preview)

    members = list_members(db, trip.id)
    assert [m.person.native_name for m in members] == ["", "许勤", "陈静", "黄晓雯", "王镕"]
    assert [m.membership.protocol_order for m in members] == [host.protocol_order, 2, 3, 4, 5]
    assert [m.role for m in members] == [Role.HEAD, Role.HEAD, Role.STAFF, Role.INTERPRETER, Role.MEMBER]
    assert counts(db)["person"] == before["person"] + 4
    assert len(change.related) == 8  # a person and a membership per row

    xu, chen, huang, wang = (m.person for m in members[1:])
    assert (xu.family_name, xu.given_name, xu.email, xu.phone) == ("Xu", "Qin", "xu.qin@sz.gov.cn", "+86 755 8888 0001")
    assert (xu.organisation, xu.function) == (LocalizedText(zh="深圳市人民政府"), LocalizedText(zh="市长"))
    assert (xu.preferred_language, xu.nationality, xu.passport_number) == (Language.ZH, "CN", "E12345678")
    assert (xu.passport_expiry, xu.dietary_needs) == (date(2030, 12, 31), "清真")
    assert (chen.preferred_language, chen.passport_expiry, chen.notes) == (Language.EN, date(2029, 6, 30), "负责联络")
    # Latin text in a Chinese list is the English variant; a German speaker says so in the language column.
    assert huang.organisation == LocalizedText(en="EMAX Technology")
    assert (huang.preferred_language, huang.passport_expiry) == (Language.DE, date(2032, 12, 31))
    # No language given: the Chinese native name decides.
    assert wang.preferred_language is Language.ZH


# --- other lists as they arrive ----------------------------------------------------------------


def test_a_utf8_bom_comma_list_with_german_headers(db: Database) -> None:
    header = ["Nachname", "Vorname", "Anrede", "Organisation", "Funktion", "E-Mail", "Telefon", "Sprache", "Rolle", "Nationalität", "Pass gültig bis"]
    rows = [
        ["Eisenschmidt", "Peter", "Herr", "hannoverimpuls GmbH", "Projektleiter, International", "p.e@example.org", "+49 511 0000 101", "Deutsch", "Delegationsleitung", "Deutschland", "17.05.2031"],
        ["Brückner", "Annette", "Dr.", "Brückner Produktdesign", "Geschäftsführerin", "", "", "Englisch", "Mitglied", "DE", ""],
    ]
    data = codecs.BOM_UTF8 + csv_bytes(header, rows, delimiter=",")
    preview = preview_of(db, data)
    assert (preview.table.encoding, preview.table.delimiter, preview.language) == ("utf-8-sig", ",", Language.DE)
    assert preview.ready
    first, second = (r.person for r in preview.rows)
    assert first.honorific == LocalizedText(de="Herr")
    assert first.function == LocalizedText(de="Projektleiter, International")
    assert (first.nationality, first.passport_expiry, first.preferred_language) == ("DE", date(2031, 5, 17), Language.DE)
    assert [r.role for r in preview.rows] == [Role.HEAD, Role.MEMBER]
    assert (second.family_name, second.preferred_language) == ("Brückner", Language.EN)


def test_a_cp1252_list_with_umlauts(db: Database) -> None:
    header = ["Nachname", "Vorname", "Organisation", "Ernährung", "Barrierefreiheit"]
    rows = [
        ["Müller", "Jürgen", "Stadtwerke Köln", "keine Nüsse", ""],
        ["Weiß", "Björn", "Gärtnerei Groß", "", "Rollstuhl, bitte ebenerdige Zugänge"],
        ["Noël", "René", "Café Crème", "", ""],
    ]
    preview = preview_of(db, csv_bytes(header, rows, delimiter=";", encoding="cp1252"))
    assert preview.table.encoding == "cp1252"
    assert preview.ready
    assert [(r.person.family_name, r.person.given_name) for r in preview.rows] == [("Müller", "Jürgen"), ("Weiß", "Björn"), ("Noël", "René")]
    assert preview.rows[0].person.dietary_needs == "keine Nüsse"
    assert preview.rows[1].person.organisation == LocalizedText(de="Gärtnerei Groß")
    assert preview.rows[1].person.accessibility_needs == "Rollstuhl, bitte ebenerdige Zugänge"


def test_a_tab_separated_list(db: Database) -> None:
    header = ["Family name", "Given name", "Role", "Email"]
    rows = [["Whitfield", "Emma", "press", "emma@example.org"], ["Zhou", "Meiling", "interpreter", "zhou@example.org"]]
    preview = preview_of(db, csv_bytes(header, rows, delimiter="\t"))
    assert preview.table.delimiter == "\t"
    assert [(r.person.name, r.role) for r in preview.rows] == [("Emma Whitfield", Role.PRESS), ("Meiling Zhou", Role.INTERPRETER)]


def test_an_xlsx_with_english_headers_and_real_excel_dates(db: Database) -> None:
    header = ["Surname", "First name", "Chinese name", "Organization", "Position", "Phone", "Nationality", "Passport No.", "Passport expiry", "Language"]
    rows = [
        ["Xu", "Qin", "许勤", "Shenzhen Municipal Government", "Mayor", 8675588880001, "China", "E12345678", datetime(2030, 12, 31), "Chinese"],
        ["Weil", "Stephan", None, "City of Hannover", "Mayor", "+49 511 168-0", "Germany", "c01x00t47", date(2029, 3, 1), "German"],
        ["Vogt", "Martin", None, None, None, None, None, None, 47848, None],
    ]
    preview = preview_of(db, xlsx_bytes(header, rows))
    assert preview.language is Language.EN
    assert preview.ready, [str(p) for p in preview.problems()]
    xu, weil, vogt = (r.person for r in preview.rows)
    assert (xu.native_name, xu.phone, xu.nationality, xu.passport_expiry) == ("许勤", "8675588880001", "CN", date(2030, 12, 31))
    assert xu.organisation == LocalizedText(en="Shenzhen Municipal Government")
    assert (weil.passport_number, weil.passport_expiry, weil.preferred_language) == ("C01X00T47", date(2029, 3, 1), Language.DE)
    assert vogt.passport_expiry == date(2030, 12, 31)  # a serial number in the date column
    assert preview.rows[0].cells[8] == "2030-12-31"


def test_a_ragged_csv_row_is_a_problem_of_that_row(db: Database) -> None:
    data = b"Nachname;Vorname;Organisation\r\nWeil;Stephan;Stadt Hannover\r\nVogt;Martin;Hochschule; Hannover\r\nBrandt;Hannes\r\n"
    preview = preview_of(db, data)
    assert [r.ok for r in preview.rows] == [True, False, True]
    (problem,) = preview.rows[1].problems
    assert problem.kind is ProblemKind.ROW_SHAPE
    assert str(problem) == (
        "row 3: This row has 1 more cell(s) than the header has columns; does a value contain the delimiter without quotation marks?"
    )
    assert preview.rows[1].row_problems == (problem,)


# --- problems where a table shows them ---------------------------------------------------------


def test_problems_sit_at_their_cells_for_a_table_view(db: Database) -> None:
    data = csv_bytes(["Nachname", "E-Mail", "Rolle"], [["Weil", "x@", "Chef"]])
    preview = preview_of(db, data)
    row = preview.rows[0]
    assert [c.field for c in preview.columns] == [Field.FAMILY_NAME, Field.EMAIL, Field.ROLE]
    assert row.cells == ("Weil", "x@", "Chef")
    assert (len(preview), preview.row(0)) == (1, row)
    assert row.problems_at(0) == ()
    assert [str(p) for p in row.problems_at(1)] == ["row 2, column E-Mail: “x@” is not a valid e-mail address."]
    assert [p.field for p in row.problems_at(2)] == ["role"]
    assert row.row_problems == ()


def test_problems_keep_the_domains_msgid_to_be_translated_when_shown(db: Database) -> None:
    preview = preview_of(db, csv_bytes(["Nachname", "E-Mail"], [["Weil", "x@"]]))
    problem = preview.rows[0].problems[0]
    assert (problem.msgid, dict(problem.params)) == ("“{value}” is not a valid e-mail address.", {"value": "x@"})
    assert (problem.row, problem.column, problem.header, problem.field) == (2, 1, "E-Mail", "email")


def test_values_with_terminal_escapes_and_line_breaks_are_shown_harmlessly(db: Database) -> None:
    preview = preview_of(db, csv_bytes(["Nachname", "E-Mail"], [["Weil", "\x1b[31mred@"], ["Vogt", "a@\nb\u202e"]]))
    first, second = (row.problems[0] for row in preview.rows)
    assert "\x1b" not in str(first)
    assert "“\ufffd[31mred@”" in str(first)
    assert str(second) == "row 3, column E-Mail: “a@\ufffdb\ufffd” is not a valid e-mail address."
    assert first.params["value"] == "\ufffd[31mred@"


# --- duplicates and decisions ------------------------------------------------------------------


def test_a_person_already_in_the_directory_is_offered_for_merging(db: Database) -> None:
    trip = new_trip(db)
    known = new_person(db, "Xu", "Qin", "许勤", email="old@sz.gov.cn", phone="+86 755 1111 1111",
                       organisation=LocalizedText(en="Shenzhen Municipal Government"))
    preview = preview_of(db, chinese_partner_csv())
    row = preview.rows[0]
    assert row.duplicates == (known,)
    (problem,) = row.problems
    assert problem.kind is ProblemKind.DUPLICATE_EXISTING
    assert str(problem) == (
        f"row 2, column 姓: Xu Qin (许勤) is in the people directory already (person {known.id}, old@sz.gov.cn); "
        "merge the row into that person, import it as a new person, or skip it."
    )
    assert not row.ok

    preview.decide(0, Decision.merge(known.id))
    assert preview.rows[0].ok
    preview.skip_bad_rows()
    before = counts(db)
    import_preview(db, trip.id, preview)
    after = counts(db)
    assert after["person"] == before["person"] + 3  # Chen, Huang and Wang are new; Xu is merged
    members = list_members(db, trip.id)
    merged = members[0].person
    assert merged.id == known.id
    assert (merged.email, merged.phone, merged.passport_number) == ("xu.qin@sz.gov.cn", "+86 755 8888 0001", "E12345678")
    # Merged per language: the English organisation stays, the Chinese one is added.
    assert merged.organisation == LocalizedText(zh="深圳市人民政府", en="Shenzhen Municipal Government")
    assert members[0].role is Role.HEAD


def test_a_merge_keeps_what_the_row_leaves_empty(db: Database) -> None:
    trip = new_trip(db)
    known = new_person(db, "Weil", "Stephan", email="weil@hannover.de", phone="+49 511 168-0", passport_number="C01X00T47",
                       preferred_language=Language.DE)
    preview = preview_of(db, csv_bytes(["Nachname", "Vorname", "E-Mail", "Telefon"], [["Weil", "Stephan", "weil@hannover.de", ""]]))
    preview.decide(0, Decision.merge(known.id))
    import_preview(db, trip.id, preview)
    (member,) = list_members(db, trip.id)
    assert member.person.id == known.id
    assert (member.person.phone, member.person.passport_number, member.person.preferred_language) == ("+49 511 168-0", "C01X00T47", Language.DE)


def test_import_as_new_keeps_both_people(db: Database) -> None:
    trip = new_trip(db)
    new_person(db, "Wang", "Wei", "王伟")
    preview = preview_of(db, csv_bytes(["姓", "名", "中文姓名"], [["Wang", "Wei", "王伟"]]))
    assert not preview.ready
    preview.decide(0, Decision.import_as_new())
    assert preview.ready
    before = counts(db)["person"]
    import_preview(db, trip.id, preview)
    assert counts(db)["person"] == before + 1


def test_same_names_without_a_common_address_or_native_name_are_different_people(db: Database) -> None:
    new_person(db, "Wang", "Wei", "王伟", email="wang.wei@a.cn")
    preview = preview_of(db, csv_bytes(["姓", "名", "中文姓名", "邮箱"], [["Wang", "Wei", "王薇", "wang.wei@b.cn"]]))
    assert preview.ready
    assert preview.rows[0].duplicates == ()


def test_merging_needs_a_person_of_the_directory(db: Database) -> None:
    preview = preview_of(db, csv_bytes(["Nachname"], [["Weil"]]))
    with pytest.raises(PlannerError, match="no person 999 in the people directory"):
        preview.decide(0, Decision.merge(999))


def test_a_duplicate_within_the_file_is_fine_once_its_twin_is_skipped(db: Database) -> None:
    data = csv_bytes(["Nachname", "Vorname", "E-Mail"], [["Weil", "Stephan", "bad@"], ["Weil", "Stephan", "bad@"], ["Vogt", "Martin", ""]])
    preview = preview_of(db, data)
    assert [[p.kind for p in r.problems] for r in preview.rows] == [
        [ProblemKind.VALUE], [ProblemKind.VALUE, ProblemKind.DUPLICATE_IN_FILE], [],
    ]
    preview.decide(0, Decision.skip())
    assert [p.kind for p in preview.rows[1].problems] == [ProblemKind.VALUE]


def test_skip_bad_rows_keeps_the_later_twin_of_a_bad_row(db: Database) -> None:
    data = csv_bytes(["Nachname", "Vorname", "Rolle"], [["Weil", "Stephan", "Chef"], ["Weil", "Stephan", "head"], ["Weil", "Stephan", "member"]])
    preview = preview_of(db, data)
    skipped = preview.skip_bad_rows()
    assert [r.number for r in skipped] == [2, 4]
    assert [r.decision.kind for r in preview.rows] == [DecisionKind.SKIP, DecisionKind.IMPORT, DecisionKind.SKIP]
    assert preview.ready
    assert [r.role for r in preview.confirmed_rows()] == [Role.HEAD]


def test_two_rows_cannot_merge_into_one_person(db: Database) -> None:
    known = new_person(db, "Weil", "Stephan", email="weil@hannover.de")
    data = csv_bytes(["Nachname", "Vorname", "E-Mail"], [["Weil", "Stephan", "weil@hannover.de"], ["Weil", "S.", "weil@hannover.de"]])
    preview = preview_of(db, data)
    preview.decide(0, Decision.merge(known.id))
    preview.decide(1, Decision.merge(known.id))
    assert [str(p) for p in preview.rows[1].problems] == ["row 3, column Nachname: Row 2 is merged into the same person already."]
    assert preview.counts()[DecisionKind.MERGE] == 2


# --- fixing rows -------------------------------------------------------------------------------


def test_a_row_can_be_fixed_and_is_checked_again(db: Database) -> None:
    preview = preview_of(db, chinese_partner_csv())
    liu = preview.rows[2]
    assert [p.header for p in liu.problems] == ["邮箱"]
    fixed = preview.fix(2, person=replace(liu.person, email="liu.yang@szcia.org.cn"))
    assert fixed.ok and fixed.fixed
    still_bad = preview.fix(2, person=replace(liu.person, email="still@bad"))
    assert [p.header for p in still_bad.problems] == ["邮箱"]

    zhang = preview.rows[4]  # the role “司机” nobody knows
    assert not zhang.ok
    assert preview.fix(4, role=Role.STAFF).ok
    assert preview.rows[4].role is Role.STAFF

    li = preview.rows[5]  # an impossible passport date: the person read has none
    assert li.person.passport_expiry is None
    assert preview.fix(5, person=replace(li.person, passport_expiry=date(2030, 12, 31))).ok


def test_fixing_a_twin_clears_the_duplicate(db: Database) -> None:
    preview = preview_of(db, chinese_partner_csv())
    twin = preview.rows[8]
    assert [p.kind for p in twin.problems] == [ProblemKind.DUPLICATE_IN_FILE]
    assert preview.fix(8, person=replace(twin.person, given_name="Qing", native_name="许青")).ok


def test_remapping_columns_reads_the_file_again(db: Database) -> None:
    data = csv_bytes(["Spalte A", "Spalte B", "Spalte C"], [["Weil", "Stephan", "weil@hannover.de"]])
    preview = preview_of(db, data)
    assert not preview.ready
    assert len(preview.column_problems) == 4  # three unknown columns and no family name
    remapped = preview.remap({0: Field.FAMILY_NAME, 1: Field.GIVEN_NAME, 2: Field.EMAIL})
    assert remapped.ready
    assert remapped.rows[0].person.email == "weil@hannover.de"


def test_an_explicit_variant_wins_over_a_plain_column(db: Database) -> None:
    data = csv_bytes(["Nachname", "Organisation", "Organisation (Chinesisch)"], [["Xu", "Stadt Shenzhen", "深圳市人民政府"]])
    person = preview_of(db, data).rows[0].person
    assert person.organisation == LocalizedText(de="Stadt Shenzhen", zh="深圳市人民政府")
