"""Import members from a spreadsheet…: the preview model, the dialog, all-or-nothing import with undo, hostile files."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import MembershipData, PersonData
from planner.domain.enums import Role
from planner.importing.members import Decision, DecisionKind, MemberImportPreview, preview_member_file
from planner.importing.members.fields import Field
from planner.services import delegation, people
from planner.ui.main_window import MainWindow
from planner.ui.models.member_import_table import (
    ACTION,
    BLOCKING,
    CHOICES_ROLE,
    FIXED_COLUMNS,
    ROW,
    MemberImportModel,
    plain_tooltip,
    summary_text,
)
from planner.ui.pages.delegation import DelegationPage
from planner.ui.widgets.member_import_dialog import MemberImportDialog
from tests.importing.member_files import CHINESE_HEADER, chinese_partner_csv, counts, csv_bytes, xlsx_bytes
from tests.ui.conftest import SHENZHEN, MakeTrip

EMAIL = FIXED_COLUMNS + CHINESE_HEADER.index("邮箱")
FAMILY = FIXED_COLUMNS + CHINESE_HEADER.index("姓")


@pytest.fixture
def partner_file(tmp_path: Path) -> Path:
    path = tmp_path / "代表团名单.csv"
    path.write_bytes(chinese_partner_csv())
    return path


@pytest.fixture
def known(db: Database) -> PersonData:
    """Chen Jing is in the directory already (row 3 of the partner's list)."""
    return cast(PersonData, people.create_person(db, PersonData(family_name="Chen", given_name="Jing", native_name="陈静")).after)


def _model(db: Database, path: Path) -> MemberImportModel:
    return MemberImportModel(preview_member_file(db, path))


def _row(model: MemberImportModel, number: int) -> int:
    """The model row of spreadsheet row `number`."""
    return next(r.index for r in model.preview.rows if r.number == number)


# --- the model ------------------------------------------------------------------------------------


def test_the_preview_model_passes_the_model_tester(db: Database, partner_file: Path, known: PersonData, qtmodeltester: ModelTester) -> None:
    model = _model(db, partner_file)
    qtmodeltester.check(model, force_py=True)
    model.skip_bad_rows()
    model.merge_known()
    qtmodeltester.check(model, force_py=True)


def test_rows_columns_and_headers_show_how_the_file_is_read(db: Database, partner_file: Path, known: PersonData) -> None:
    model = _model(db, partner_file)
    assert model.rowCount() == 10
    assert model.columnCount() == FIXED_COLUMNS + len(CHINESE_HEADER)
    header = model.headerData(FAMILY, Qt.Orientation.Horizontal)
    assert header == "姓\n→ Family name"
    assert model.headerData(FIXED_COLUMNS, Qt.Orientation.Horizontal) == "序号\n→ not imported"  # the running number
    assert model.headerData(ROW, Qt.Orientation.Horizontal) == "Row"
    assert model.index(0, ROW).data() == "2"  # spreadsheet row numbers: the header is row 1
    assert model.index(0, FAMILY).data() == "Xu"


def test_each_problem_is_at_its_cell_tinted_with_a_tooltip(db: Database, partner_file: Path, known: PersonData) -> None:
    model = _model(db, partner_file)
    bad_mail = model.index(_row(model, 4), EMAIL)
    assert bad_mail.data() == "liu.yang@"
    assert "“liu.yang@” is not a valid e-mail address." in bad_mail.data(Qt.ItemDataRole.ToolTipRole)
    background = bad_mail.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == BLOCKING
    fine = model.index(_row(model, 4), FAMILY)
    assert fine.data(Qt.ItemDataRole.ToolTipRole) == "" and fine.data(Qt.ItemDataRole.BackgroundRole) is None
    # The row number carries every problem of the row and an icon.
    row_cell = model.index(_row(model, 4), ROW)
    assert "row 4, column 邮箱" in row_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert not row_cell.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(_row(model, 11), ROW).data(Qt.ItemDataRole.DecorationRole) is None  # a good row


def test_duplicates_against_the_directory_are_marked_and_offer_a_merge(db: Database, partner_file: Path, known: PersonData) -> None:
    model = _model(db, partner_file)
    chen = _row(model, 3)
    action = model.index(chen, ACTION)
    assert action.data() == "Already known: decide"
    assert "Already in the people directory" in action.data(Qt.ItemDataRole.ToolTipRole)
    assert "person" in model.index(chen, ROW).data(Qt.ItemDataRole.ToolTipRole)
    labels = [label for label, _decision in action.data(CHOICES_ROLE)]
    assert labels == ["Decide: already known", f"Merge into Chen Jing (陈静) (person {known.id})", "New person, although already known", "Skip"]
    assert model.index(_row(model, 11), ACTION).data(CHOICES_ROLE)[0][0] == "New person"

    assert model.setData(action, Decision.merge(known.id))
    assert action.data() == "Merge into Chen Jing (陈静)"
    assert model.preview.row(chen).ok
    assert not model.setData(action, "not a decision")


def test_summary_counts_new_known_problem_and_skipped_rows(db: Database, partner_file: Path, known: PersonData) -> None:
    model = _model(db, partner_file)
    assert summary_text(model.preview) == "3 new people, 1 already known, 6 rows with problems"
    # Skipping rows with problems leaves the known person to decide on.
    assert model.skip_bad_rows() == 6
    assert summary_text(model.preview) == "3 new people, 1 already known, 0 rows with problems, 6 rows skipped"
    assert model.preview.row(_row(model, 3)).decision.kind is DecisionKind.IMPORT
    assert model.merge_known() == 1
    assert model.preview.ready


def test_typing_into_a_cell_reads_the_row_again_and_keeps_the_decisions(db: Database, partner_file: Path, known: PersonData) -> None:
    model = _model(db, partner_file)
    model.decide([_row(model, 3)], Decision.merge(known.id))
    model.decide([_row(model, 6)], Decision.skip())
    changed: list[bool] = []
    model.previewChanged.connect(lambda: changed.append(True))
    liu = _row(model, 4)
    assert model.setData(model.index(liu, EMAIL), "liu.yang@example.cn")
    assert changed
    assert model.preview.row(liu).ok
    assert model.preview.row(liu).person.email == "liu.yang@example.cn"
    assert model.preview.row(_row(model, 3)).decision == Decision.merge(known.id)
    assert model.preview.row(_row(model, 6)).skipped
    # A value typed is judged by the same rules as one read.
    assert model.setData(model.index(liu, EMAIL), "still@bad")
    assert "“still@bad” is not a valid e-mail address." in model.index(liu, EMAIL).data(Qt.ItemDataRole.ToolTipRole)
    assert not model.setData(model.index(liu, EMAIL), "still@bad")  # nothing changed


def test_a_column_can_be_read_as_another_field(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(["Nachname", "Vorname", "Dienstgrad"], [["Weil", "Stephan", "Ministerpräsident"]]))
    model = _model(db, path)
    assert model.headerData(FIXED_COLUMNS + 2, Qt.Orientation.Horizontal) == "Dienstgrad\n→ not imported"
    assert "does not know this column" in model.headerData(FIXED_COLUMNS + 2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    model.remap(2, Field.FUNCTION_DE)
    assert model.headerData(FIXED_COLUMNS + 2, Qt.Orientation.Horizontal) == "Dienstgrad\n→ Function (German)"
    assert model.preview.row(0).person.function.de == "Ministerpräsident"
    # A field goes to one column only: reading another column as the family name frees the first.
    model.remap(1, Field.FAMILY_NAME)
    assert model.column_of(FIXED_COLUMNS).field is None
    assert model.preview.row(0).person.family_name == "Stephan"


def test_markup_from_the_file_is_shown_as_plain_text(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(["Family name", "Email"], [["<b>Evil</b>", "<img src=x onerror=alert(1)>"]]))
    model = _model(db, path)
    tooltip = model.index(0, FIXED_COLUMNS + 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img" in tooltip
    assert model.index(0, FIXED_COLUMNS).data() == "<b>Evil</b>"  # display text is never markup
    assert plain_tooltip("a\nb <c>") == "<qt>a<br>b &lt;c&gt;</qt>"
    assert plain_tooltip("") == ""


# --- the dialog -------------------------------------------------------------------------------------


@pytest.fixture
def trip_with_head(db: Database, make_trip: MakeTrip) -> int:
    return make_trip(SHENZHEN, head=("Weil", "Stephan", ""))


def _dialog(window: MainWindow, db: Database, trip_id: int, preview: MemberImportPreview, qtbot: QtBot) -> MemberImportDialog:
    dialog = MemberImportDialog(window.history, trip_id, "Shenzhen", preview, "代表团名单.csv", window.language, window)
    qtbot.addWidget(dialog)
    return dialog


def test_import_is_disabled_while_problems_block_and_says_why(
    window: MainWindow, db: Database, trip_with_head: int, partner_file: Path, known: PersonData, qtbot: QtBot
) -> None:
    dialog = _dialog(window, db, trip_with_head, preview_member_file(db, partner_file), qtbot)
    assert "CSV file (GBK/GB18030, semicolon-separated) · 10 rows" in dialog.heading.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.hint.text().startswith("Correct the 6 rows with problems")
    assert dialog.summary.text() == "3 new people, 1 already known, 6 rows with problems"

    dialog.skip_bad_button.click()
    assert not dialog.import_button.isEnabled()
    assert dialog.hint.text().startswith("1 person is in the people directory already")
    assert dialog.merge_button.isEnabled()
    dialog.merge_button.click()
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 4 rows"
    assert not dialog.merge_button.isEnabled() and not dialog.skip_bad_button.isEnabled()

    # Skip and include by selection.
    dialog.view.selectRow(_row(dialog.model, 11))
    assert dialog.skip_button.isEnabled() and not dialog.include_button.isEnabled()
    dialog.skip_button.click()
    assert dialog.include_button.isEnabled()
    assert dialog.import_button.text() == "Import 3 rows"
    dialog.include_button.click()
    assert dialog.import_button.text() == "Import 4 rows"


def test_import_writes_every_row_at_once_and_is_one_undo_step(
    window: MainWindow, db: Database, trip_with_head: int, partner_file: Path, known: PersonData, qtbot: QtBot
) -> None:
    dialog = _dialog(window, db, trip_with_head, preview_member_file(db, partner_file), qtbot)
    dialog.skip_bad_button.click()
    dialog.merge_button.click()
    before = counts(db)
    dialog.import_button.click()
    assert dialog.result() == MemberImportDialog.DialogCode.Accepted
    members = delegation.list_members(db, trip_with_head)
    assert [m.person.family_name for m in members] == ["Weil", "Xu", "Chen", "Huang", "Wang"]
    assert counts(db)["person"] == before["person"] + 3  # Chen Jing was merged, not created again
    merged = people.get_person(db, known.id)
    assert merged.email == "chen.jing@fao.sz.gov.cn"
    assert window.history.stack.count() == 1
    assert window.history.stack.undoText() == "Import 4 members"

    window.history.stack.undo()
    assert [m.person.family_name for m in delegation.list_members(db, trip_with_head)] == ["Weil"]
    assert counts(db) == before
    assert people.get_person(db, known.id).email == ""

    window.history.stack.redo()
    again = delegation.list_members(db, trip_with_head)
    assert [(m.id, m.person.id) for m in again] == [(m.id, m.person.id) for m in members]
    assert people.get_person(db, known.id).email == "chen.jing@fao.sz.gov.cn"


def test_a_refused_import_writes_nothing_and_the_dialog_stays_open(
    window: MainWindow, db: Database, trip_with_head: int, partner_file: Path, known: PersonData, qtbot: QtBot
) -> None:
    dialog = _dialog(window, db, trip_with_head, preview_member_file(db, partner_file), qtbot)
    dialog.show()
    dialog.skip_bad_button.click()
    dialog.merge_button.click()
    people.update_person(db, known.evolve(phone="+49 511 1234"))  # changed elsewhere after the preview
    before = counts(db)
    dialog.import_button.click()
    assert dialog.isVisible() and dialog.change is None
    assert "changed elsewhere" in dialog.message.text()
    assert counts(db) == before
    assert not window.history.stack.canUndo()


def test_the_delegation_page_action_opens_the_dialog_and_selects_the_new_members(
    window: MainWindow, db: Database, trip_with_head: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "liste.xlsx"
    path.write_bytes(xlsx_bytes(
        ["Nachname", "Vorname", "Rolle", "Pass gültig bis"],
        [["Lies", "Olaf", "Mitglied", date(2030, 5, 1)], ["Schirmeyer", "Kai", "Mitarbeiter", date(2031, 1, 1)]],
    ))
    window.refresh(trip_with_head)
    page = next(p for p in window.trip_pages if isinstance(p, DelegationPage))
    page.set_trip(trip_with_head)
    assert page.import_action.isEnabled()
    assert page.import_action.text() == "Import members from a spreadsheet…"
    assert page.import_action.iconText() == "Import list"  # the button's shorter caption
    seen: list[MemberImportDialog] = []

    def accept(dialog: MemberImportDialog) -> int:
        seen.append(dialog)
        assert dialog.heading.text().endswith("Excel workbook · 2 rows")
        dialog.import_rows()
        return dialog.result()

    monkeypatch.setattr(MemberImportDialog, "exec", accept)
    page.import_members(path)
    assert len(seen) == 1
    members = delegation.list_members(db, trip_with_head)
    assert [(m.person.family_name, m.role) for m in members] == [("Weil", Role.HEAD), ("Lies", Role.MEMBER), ("Schirmeyer", Role.STAFF)]
    assert members[1].person.passport_expiry == date(2030, 5, 1)
    assert {m.id for m in page.selected_members()} == {members[1].id, members[2].id}


def _bad_files() -> dict[str, bytes]:
    gbk_in_utf16 = "姓;名\n许;勤\n".encode("utf-16-le")  # no BOM: not a text the planner can guess
    return {
        "empty.csv": b"",
        "blank.csv": b"   \r\n\r\n",
        "junk.csv": bytes(range(256)) * 8,
        "junk.xlsx": b"PK\x03\x04" + b"\x00\xff" * 200,
        "old.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,
        "header_only.csv": "Nachname;Vorname\n".encode(),
        "utf16_without_bom.csv": gbk_in_utf16,
    }


@pytest.mark.parametrize("name", sorted(_bad_files()))
def test_hostile_files_give_a_clear_message_and_no_dialog(
    window: MainWindow, db: Database, trip_with_head: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(_bad_files()[name])
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text, *_a: messages.append((title, text)))
    monkeypatch.setattr(MemberImportDialog, "exec", lambda _d: pytest.fail("no preview for a file that is no list"))
    page = next(p for p in window.trip_pages if isinstance(p, DelegationPage))
    page.set_trip(trip_with_head)
    before = counts(db)
    page.import_members(path)
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "The member list cannot be imported"
    assert text and "Traceback" not in text
    assert counts(db) == before


def test_formulas_are_shown_as_text_and_imported_as_text(
    window: MainWindow, db: Database, trip_with_head: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "formulas.csv"
    path.write_bytes(csv_bytes(
        ["Family name", "Given name", "Notes"],
        [["=HYPERLINK(\"http://evil\",\"x\")", "Eve", "+cmd|' /C calc'!A0"], ["@SUM(1+1)", "Mallory", "-2+3"]],
    ))
    shown: list[list[str]] = []

    def look_and_import(dialog: MemberImportDialog) -> int:
        model = dialog.model
        shown.extend([model.index(r, c).data() for c in range(FIXED_COLUMNS, model.columnCount())] for r in range(model.rowCount()))
        dialog.import_rows()
        return dialog.result()

    monkeypatch.setattr(MemberImportDialog, "exec", look_and_import)
    page = next(p for p in window.trip_pages if isinstance(p, DelegationPage))
    page.set_trip(trip_with_head)
    page.import_members(path)
    assert shown[0] == ["=HYPERLINK(\"http://evil\",\"x\")", "Eve", "+cmd|' /C calc'!A0"]
    names = [m.person.family_name for m in delegation.list_members(db, trip_with_head)]
    assert names[1:] == ["=HYPERLINK(\"http://evil\",\"x\")", "@SUM(1+1)"]


def test_without_a_trip_the_action_is_off(window: MainWindow) -> None:
    page = next(p for p in window.trip_pages if isinstance(p, DelegationPage))
    page.set_trip(None)
    assert not page.import_action.isEnabled()
    page.import_members(Path("/nonexistent.csv"))  # does nothing, asks nothing


def test_decision_editor_offers_the_rows_choices(
    window: MainWindow, db: Database, trip_with_head: int, partner_file: Path, known: PersonData, qtbot: QtBot
) -> None:
    dialog = _dialog(window, db, trip_with_head, preview_member_file(db, partner_file), qtbot)
    dialog.show()
    index = dialog.model.index(_row(dialog.model, 3), ACTION)
    delegate = dialog.view.itemDelegateForColumn(ACTION)
    editor = delegate.createEditor(dialog.view.viewport(), None, index)
    delegate.setEditorData(editor, index)
    assert [editor.itemText(i) for i in range(editor.count())][1].startswith("Merge into Chen Jing")
    editor.setCurrentIndex(1)
    delegate.setModelData(editor, dialog.model, index)
    assert dialog.model.preview.row(index.row()).decision == Decision.merge(known.id)
    assert dialog.summary.text() == "3 new people, 1 already known, 6 rows with problems"
    again = delegate.createEditor(dialog.view.viewport(), None, index)
    delegate.setEditorData(again, index)
    assert again.currentData() == Decision.merge(known.id)  # opens on the row's decision
    assert dialog.model.index(0, 0).parent() == QModelIndex()


def test_the_column_menu_maps_a_column(window: MainWindow, db: Database, trip_with_head: int, tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(["Surname", "Rank"], [["Weil", "Minister"]]))
    dialog = _dialog(window, db, trip_with_head, preview_member_file(db, path), qtbot)
    assert "Rank" in dialog.columns_note.text() and dialog.columns_note.isVisibleTo(dialog)
    menu = dialog.column_menu(1)
    action = next(a for a in menu.actions() if a.text() == Field.FUNCTION_EN.label)
    action.trigger()
    assert dialog.preview.row(0).person.function.en == "Minister"
    assert not dialog.columns_note.isVisibleTo(dialog)


def test_merge_into_someone_on_the_trip_already_only_updates_them(
    window: MainWindow, db: Database, trip_with_head: int, tmp_path: Path, qtbot: QtBot
) -> None:
    person = people.create_person(db, PersonData(family_name="Lies", given_name="Olaf", email="olaf@example.de")).id
    delegation.add_member(db, MembershipData(trip_id=trip_with_head, person_id=person, role=Role.MEMBER))
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes(["Nachname", "Vorname", "E-Mail", "Telefon"], [["Lies", "Olaf", "olaf@example.de", "+49 511 120"]]))
    dialog = _dialog(window, db, trip_with_head, preview_member_file(db, path), qtbot)
    dialog.merge_button.click()
    dialog.import_button.click()
    assert len(delegation.list_members(db, trip_with_head)) == 2
    assert people.get_person(db, person).phone == "+49 511 120"
    window.history.stack.undo()
    assert people.get_person(db, person).phone == ""


def test_undo_and_redo_around_a_later_edit_of_a_merged_person(
    window: MainWindow, db: Database, trip_with_head: int, partner_file: Path, known: PersonData, qtbot: QtBot
) -> None:
    """The import's versions are the history's own: undoing and redoing across a later edit is no conflict."""
    dialog = _dialog(window, db, trip_with_head, preview_member_file(db, partner_file), qtbot)
    dialog.skip_bad_button.click()
    dialog.merge_button.click()
    dialog.import_button.click()
    merged = people.get_person(db, known.id)
    window.history.perform("Edit Chen", lambda: people.update_person(db, merged.evolve(notes="met in 2016")))
    stack = window.history.stack
    stack.undo()  # the edit
    stack.undo()  # the import
    assert people.get_person(db, known.id).email == ""
    stack.redo()
    stack.redo()
    final = people.get_person(db, known.id)
    assert (final.email, final.notes) == ("chen.jing@fao.sz.gov.cn", "met in 2016")
    assert stack.index() == 2


def test_an_undo_refused_because_of_a_change_elsewhere_is_reported(
    window: MainWindow, db: Database, trip_with_head: int, partner_file: Path, known: PersonData,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:
    dialog = _dialog(window, db, trip_with_head, preview_member_file(db, partner_file), qtbot)
    dialog.skip_bad_button.click()
    dialog.merge_button.click()
    dialog.import_button.click()
    people.update_person(db, people.get_person(db, known.id).evolve(notes="another window"))
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: messages.append(text))
    before = counts(db)
    window.history.stack.undo()
    assert messages and "changed elsewhere" in messages[0]
    assert counts(db) == before  # nothing of the import was taken back


def test_the_file_is_chosen_in_a_dialog_that_remembers_the_folder(
    window: MainWindow, db: Database, trip_with_head: int, partner_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.ui.widgets import member_import_dialog as mid

    asked: list[str] = []

    def choose(_parent: object, _title: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(start)
        assert "*.csv" in filters and "*.xlsx" in filters
        return str(partner_file), ""

    monkeypatch.setattr(mid.QFileDialog, "getOpenFileName", choose)
    monkeypatch.setattr(MemberImportDialog, "exec", lambda _d: MemberImportDialog.DialogCode.Rejected)
    page = next(p for p in window.trip_pages if isinstance(p, DelegationPage))
    page.set_trip(trip_with_head)
    page.import_action.trigger()
    page.import_action.trigger()
    assert asked == ["", str(partner_file.parent)]
    assert len(delegation.list_members(db, trip_with_head)) == 1  # cancelled: nothing written


def test_at_its_smallest_the_preview_still_shows_five_rows(
    window: MainWindow, db: Database, trip_with_head: int, partner_file: Path, known: PersonData, qtbot: QtBot
) -> None:
    """Dragged to its smallest the dialog showed a single row of the list being imported."""
    from planner.ui.widgets.member_import_dialog import PREVIEW_ROWS

    dialog = _dialog(window, db, trip_with_head, preview_member_file(db, partner_file), qtbot)
    dialog.show()
    dialog.resize(dialog.minimumSizeHint().expandedTo(dialog.minimumSize()))
    QApplication.processEvents()
    shown = [row for row in range(dialog.model.rowCount()) if 0 <= dialog.view.rowViewportPosition(row) < dialog.view.viewport().height()]
    fully = [row for row in shown if dialog.view.rowViewportPosition(row) + dialog.view.rowHeight(row) <= dialog.view.viewport().height()]
    assert len(fully) >= PREVIEW_ROWS


def test_the_list_is_read_in_a_worker_while_the_window_keeps_drawing(
    window: MainWindow, partner_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview is made off the GUI thread (whose timers fire meanwhile), with a progress bar through its steps."""
    import threading

    from PySide6.QtCore import QTimer

    from planner.ui.tasks import BackgroundTask
    from planner.ui.widgets import member_import_dialog as mid

    real = mid.preview_member_file
    in_worker: list[bool] = []
    ticked = threading.Event()

    def waiting_for_the_gui(
        database: Database, path: str | os.PathLike[str], mapping: Mapping[int, Field | str | None] | None = None,
        progress: Callable[[int, int], object] | None = None,
    ) -> MemberImportPreview:
        in_worker.append(threading.current_thread() is not threading.main_thread())
        assert ticked.wait(20), "the GUI thread's timer did not fire while the list was read"
        return real(database, path, mapping, progress)

    monkeypatch.setattr(mid, "preview_member_file", waiting_for_the_gui)
    steps: list[tuple[int, int]] = []
    shown = BackgroundTask._progressed
    monkeypatch.setattr(BackgroundTask, "_progressed", lambda self, done, total: (steps.append((done, total)), shown(self, done, total)))
    QTimer.singleShot(30, ticked.set)
    preview = mid.read_member_list(window, window.history, partner_file)
    assert in_worker == [True]
    assert isinstance(preview, MemberImportPreview) and len(preview.rows) == len(preview_member_file(window.db, partner_file).rows)
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_cancelling_the_reading_opens_no_preview(
    window: MainWindow, db: Database, trip_with_head: int, partner_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from planner.ui.widgets import member_import_dialog as mid

    real = mid.preview_member_file
    cancelled = threading.Event()

    def slow(
        database: Database, path: str | os.PathLike[str], mapping: Mapping[int, Field | str | None] | None = None,
        progress: Callable[[int, int], object] | None = None,
    ) -> MemberImportPreview:
        assert cancelled.wait(20)
        return real(database, path, mapping, progress)

    def press_cancel() -> None:
        dialog = next(d for d in window.findChildren(QProgressDialog) if d.labelText() == "Reading the member list…")
        dialog.canceled.emit()  # what its Cancel button sends
        cancelled.set()

    monkeypatch.setattr(mid, "preview_member_file", slow)
    monkeypatch.setattr(MemberImportDialog, "exec", lambda _d: pytest.fail("no preview after Cancel"))
    QTimer.singleShot(30, press_cancel)
    before = counts(db)
    assert mid.import_members_with_dialog(window, window.history, window.settings, window.language, trip_with_head, "Shenzhen", partner_file) is None
    assert counts(db) == before
