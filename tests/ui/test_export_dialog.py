"""Print and export: documents written in the background into a chosen folder, with progress, Cancel and clear errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.enums import Language
from planner.export.pdf import Paper
from planner.services import delegation
from planner.ui.language import LanguageController
from planner.ui.pages.base import UiContext
from planner.ui.undo import UndoHistory
from planner.ui.widgets import export_dialog as ed
from planner.ui.widgets.export_dialog import Document, ExportDialog
from tests.sample_trips import add_person, build_shenzhen_trip


@dataclass
class Shown:
    errors: list[str]
    offers: list[tuple[str, str]]
    opened: list[Path]


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Every message the dialog would show, captured instead of blocking; "Open folder" is chosen."""
    record = Shown([], [], [])
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text, *a, **k: record.errors.append(text)))
    monkeypatch.setattr(ed, "offer_folder", lambda _parent, title, text: record.offers.append((title, text)) or True)
    monkeypatch.setattr(ed, "open_folder", record.opened.append)
    return record


@pytest.fixture
def ctx(db: Database, language: LanguageController, settings: QSettings) -> UiContext:
    return UiContext(UndoHistory(db, lambda: None), language, settings, lambda: None)


@pytest.fixture
def trip(db: Database) -> int:
    """Stephan Weil, Anna Becker and Wang Li (王丽), plus a member whose name holds a path separator."""
    trip_id = build_shenzhen_trip(db)
    add_person(db, trip_id, PersonData(family_name="Meyer/Schulz", given_name="Eva"))
    return trip_id


def _dialog(qtbot: QtBot, ctx: UiContext, trip_id: int, folder: Path, membership_ids: list[int] | None = None) -> ExportDialog:
    dialog = ExportDialog(ctx, trip_id, membership_ids)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(folder))
    return dialog


def _finish(qtbot: QtBot, dialog: ExportDialog) -> None:
    """Wait for the background task, processing events here: qtbot's loop may miss the worker's queued signals."""
    qtbot.waitUntil(lambda: (QApplication.processEvents(), dialog.task is None)[1], timeout=60_000)


def _ids(db: Database, trip_id: int) -> dict[str, int]:
    return {m.person.family_name: m.id for m in delegation.list_members(db, trip_id)}


def test_all_itineraries_are_written_with_safe_names(qtbot: QtBot, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    out = tmp_path / "itineraries"
    dialog = _dialog(qtbot, ctx, trip, out)
    dialog.set_document(Document.ITINERARIES)
    assert dialog.language_box.currentData() is None  # each person's own
    assert dialog.export_button.isEnabled()
    dialog.start_export()
    assert not dialog.export_button.isEnabled()  # no second export while one runs
    _finish(qtbot, dialog)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["Anna Becker.pdf", "Eva Meyer_Schulz.pdf", "Stephan Weil.pdf", "Wang Li 王丽.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in out.iterdir())
    assert sorted(p.name for p in dialog.written) == names
    assert shown.errors == []
    assert shown.offers == [("Export finished", f"4 files were written to {out}.")]
    assert shown.opened == [out]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.settings.value(ed.FOLDER_KEY) == str(out)


def test_only_the_members_handed_in_are_chosen(qtbot: QtBot, db: Database, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    ids = _ids(db, trip)
    dialog = _dialog(qtbot, ctx, trip, tmp_path / "out", [ids["Wang"]])
    assert dialog.document() is Document.ITINERARIES
    assert dialog.checked_ids() == [ids["Wang"]]
    assert dialog.preview_member() == ids["Wang"]
    assert dialog.count_label.text() == "1 of 4 participants chosen"
    dialog.check_all(False)
    assert dialog.checked_ids() == [] and not dialog.export_button.isEnabled()
    dialog.check_all(True)
    assert len(dialog.checked_ids()) == 4
    dialog.check_all(False)
    dialog.members.item(dialog.members.count() - 1).setCheckState(dialog.members.item(0).checkState().Checked)
    dialog.set_language(Language.ZH, Language.DE)
    dialog.start_export()
    _finish(qtbot, dialog)
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["Eva Meyer_Schulz.pdf"]
    assert shown.offers[0][1].startswith("1 file was written")


def test_cancel_stops_after_the_current_document(qtbot: QtBot, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    out = tmp_path / "out"
    dialog = _dialog(qtbot, ctx, trip, out)
    dialog.set_document(Document.ITINERARIES)
    task = dialog.start_export()
    assert task is not None
    task.cancel()  # as the progress dialog's Cancel does: the next progress report answers False
    _finish(qtbot, dialog)
    assert len(list(out.iterdir())) == 1
    assert len(dialog.written) == 1
    assert shown.offers == [("Export stopped", f"Stopped: 1 of 4 files were written to {out}.")]
    assert dialog.result() != QDialog.DialogCode.Accepted  # the dialog stays for another try


def test_a_folder_below_a_plain_file_gives_a_message(qtbot: QtBot, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("not a folder", encoding="utf-8")
    dialog = _dialog(qtbot, ctx, trip, plain / "itineraries")
    dialog.set_document(Document.ITINERARIES)
    dialog.start_export()
    _finish(qtbot, dialog)
    assert len(shown.errors) == 1
    assert "cannot be created" in shown.errors[0] and str(plain / "itineraries") in shown.errors[0]
    assert "Traceback" not in shown.errors[0]
    assert shown.offers == []
    assert dialog.export_button.isEnabled()  # the user can choose another folder and try again


def test_a_file_that_cannot_be_replaced_gives_a_message(qtbot: QtBot, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    out = tmp_path / "out"
    (out / "Stephan Weil.pdf").mkdir(parents=True)  # a folder where the first itinerary goes
    dialog = _dialog(qtbot, ctx, trip, out)
    dialog.set_document(Document.ITINERARIES)
    dialog.start_export()
    _finish(qtbot, dialog)
    assert len(shown.errors) == 1
    assert shown.errors[0] == f"{out / 'Stephan Weil.pdf'} is a folder; please choose a file name."
    assert shown.offers == []


def test_a_folder_that_refuses_writing_gives_a_message(qtbot: QtBot, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "read-only" / "Stephan Weil.pdf"

    def refuse(*_args: object) -> list[Path]:
        # What a read-only folder gives an ordinary user (these tests may run as root, who may write anywhere).
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(ed, "write_documents", refuse)
    dialog = _dialog(qtbot, ctx, trip, target.parent)
    dialog.start_export()
    _finish(qtbot, dialog)
    assert shown.errors == [f"{target} could not be written: Permission denied"]
    assert shown.offers == [] and dialog.export_button.isEnabled()


def test_nothing_is_started_without_a_folder(qtbot: QtBot, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    dialog = _dialog(qtbot, ctx, trip, tmp_path)
    dialog.folder_edit.setText("   ")
    assert dialog.start_export() is None
    assert shown.errors == ["Choose the folder to save the documents in."]


def test_programme_on_letter_paper_in_two_languages(qtbot: QtBot, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    dialog = _dialog(qtbot, ctx, trip, tmp_path)
    dialog.set_document(Document.PROGRAMME)
    assert not dialog.members.isEnabled()
    dialog.set_language(Language.ZH, Language.EN)
    dialog.set_paper(Paper.LETTER)
    dialog.start_export()
    _finish(qtbot, dialog)
    assert [p.name for p in dialog.written] == ["深圳代表团访问 (zh).pdf"]
    page = PdfReader(dialog.written[0]).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    assert ctx.settings.value(ed.PAPER_KEY) == "letter"


def test_calendars_one_per_person_and_one_for_the_trip(qtbot: QtBot, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    dialog = _dialog(qtbot, ctx, trip, tmp_path / "ics")
    dialog.set_document(Document.CALENDARS)
    assert not dialog.paper_box.isEnabled() and not dialog.second_box.isEnabled()
    assert not dialog.preview_button.isEnabled()
    dialog.start_export()
    _finish(qtbot, dialog)
    assert sorted(p.name for p in dialog.written) == ["Anna Becker.ics", "Eva Meyer_Schulz.ics", "Stephan Weil.ics", "Wang Li 王丽.ics"]
    assert all(p.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR") for p in dialog.written)

    again = _dialog(qtbot, ctx, trip, tmp_path / "ics")
    again.set_document(Document.TRIP_CALENDAR)
    again.set_language(Language.DE)
    again.start_export()
    _finish(qtbot, again)
    assert [p.name for p in again.written] == ["Delegationsreise Shenzhen (de).ics"]
    assert "SUMMARY" in again.written[0].read_text(encoding="utf-8")


def test_a_document_for_everybody_uses_the_interface_language_instead_of_each_persons(qtbot: QtBot, ctx: UiContext, trip: int, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, ctx, trip, tmp_path)
    dialog.set_document(Document.ITINERARIES)
    assert dialog.language_box.currentData() is None
    dialog.set_document(Document.PROGRAMME)
    model = dialog.language_box.model()
    assert isinstance(model, QStandardItemModel) and not model.item(0).isEnabled()
    assert dialog.language_box.currentData() == Language.EN
    assert dialog.choice().language is Language.EN and dialog.choice().membership_ids == ()
    dialog.set_document(Document.ITINERARIES)
    assert dialog.language_box.currentData() is None  # put back, as the user had not chosen otherwise


def test_preview_of_the_highlighted_person_and_of_the_programme(qtbot: QtBot, db: Database, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    dialog = _dialog(qtbot, ctx, trip, tmp_path / "never")
    dialog.set_document(Document.ITINERARIES)
    dialog.members.setCurrentRow(list(_ids(db, trip)).index("Wang"))
    dialog.show_preview()
    _finish(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.isVisible()
    assert dialog.preview.page_count() >= 1
    assert dialog.preview.path.name == "Wang Li 王丽.pdf"
    assert "Wang Li" in dialog.preview.windowTitle()
    assert not (tmp_path / "never").exists()  # a preview writes nothing into the export folder

    dialog.set_document(Document.PROGRAMME)
    dialog.show_preview()
    _finish(qtbot, dialog)
    assert dialog.preview.path.name == "Delegation visit to Shenzhen (en).pdf"
    assert dialog.preview.page_count() >= 2
    scratch = dialog.preview.path.parent
    dialog.reject()
    assert not scratch.exists()  # the temporary files go with the dialog
    assert shown.errors == []


def test_the_preview_shows_the_rendered_pages_and_lets_go_of_its_file(qtbot: QtBot, db: Database, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    dialog = _dialog(qtbot, ctx, trip, tmp_path / "never", [_ids(db, trip)["Becker"]])
    dialog.set_language(Language.DE, Language.ZH)
    dialog.show_preview()
    _finish(qtbot, dialog)
    first = dialog.preview
    assert first is not None and first.view.file is not None
    assert first.page_count() == len(PdfReader(first.path).pages)
    first.view.viewport().grab()  # painting renders the page in view
    assert first.view.cached_pages()[:1] == [0]
    file = first.view.file

    dialog.members.setCurrentRow(list(_ids(db, trip)).index("Weil"))
    dialog.show_preview()
    assert not file.is_open  # the old preview let go before its successor is written
    _finish(qtbot, dialog)
    assert dialog.preview is not first and dialog.preview.path.name == "Stephan Weil.pdf"
    second = dialog.preview.view.file
    assert second is not None and second.is_open
    dialog.reject()
    assert not second.is_open


def test_open_export_dialog_runs_it_modally_and_preselects(qtbot: QtBot, db: Database, ctx: UiContext, trip: int, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Document, list[int]]] = []

    def exec_(dialog: ExportDialog) -> int:
        seen.append((dialog.document(), dialog.checked_ids()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    ids = _ids(db, trip)
    assert ed.open_export_dialog(ctx, trip) == QDialog.DialogCode.Rejected
    assert ed.open_export_dialog(ctx, trip, [ids["Becker"]]) == QDialog.DialogCode.Rejected
    assert seen == [(Document.PROGRAMME, list(ids.values())), (Document.ITINERARIES, [ids["Becker"]])]


# --- issuing is an explicit act ------------------------------------------------------------------


def _make_draft(db: Database, trip_id: int) -> None:
    from planner.domain.enums import TripStatus
    from planner.services import trips

    trips.update_trip(db, trips.get_trip(db, trip_id).evolve(status=TripStatus.DRAFT))


def test_a_plain_export_of_itineraries_does_not_issue(qtbot: QtBot, db: Database, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown) -> None:
    from planner.services import issuing

    dialog = _dialog(qtbot, ctx, trip, tmp_path / "look", [_ids(db, trip)["Wang"]])
    assert dialog.document() is Document.ITINERARIES
    assert dialog.issue_box.text() == "Iss&ue as version 1" and dialog.issue_box.isEnabled()
    assert not dialog.issue_box.isChecked() and dialog.export_button.text() == "&Export"
    dialog.set_language(Language.ZH)  # a Chinese copy for a look
    dialog.start_export()
    _finish(qtbot, dialog)
    assert [p.name for p in (tmp_path / "look").iterdir()] == ["Wang Li 王丽.pdf"]
    assert issuing.list_versions(db, trip) == []
    dialog.set_document(Document.PROGRAMME)
    assert not dialog.issue_box.isEnabled() and not dialog.choice().issue


def test_issuing_a_confirmed_trip_records_the_version_without_a_question(qtbot: QtBot, db: Database, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.services import issuing

    from planner.services.issue_readiness import issue_readiness

    delegation.remove_member(db, _ids(db, trip)["Meyer/Schulz"])  # without a passport number: an open error
    assert issue_readiness(db, trip).ready
    monkeypatch.setattr(ed, "confirm_issue", lambda *_a: pytest.fail("a ready trip is issued without a question"))
    dialog = ExportDialog(ctx, trip, list(_ids(db, trip).values()), issue=True)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "v1"))
    assert dialog.issue_box.isChecked() and dialog.export_button.text() == "&Issue"
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    _finish(qtbot, dialog)
    (version,) = issuing.list_versions(db, trip)
    assert version.number == 1 and len(version.recipients) == 3
    assert dialog.issue_box.text() == "Iss&ue as version 2"


def test_issuing_a_draft_asks_first_and_names_why(qtbot: QtBot, db: Database, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.services import issuing

    _make_draft(db, trip)
    asked: list[tuple[int, list[str]]] = []
    answer = [False]

    def confirm(_parent: object, number: int, readiness: object) -> bool:
        asked.append((number, readiness.reasons()))  # type: ignore[attr-defined]
        return answer[0]

    monkeypatch.setattr(ed, "confirm_issue", confirm)
    dialog = ExportDialog(ctx, trip, None, issue=True)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "v1"))
    dialog.set_document(Document.ITINERARIES)
    assert dialog.start_export() is None  # "Cancel": nothing written, nothing issued
    assert asked[0][0] == 1 and asked[0][1][0] == "The trip is still a draft."
    assert asked[0][1][1].startswith("1 error is open: ") and "Meyer/Schulz" in asked[0][1][1]
    assert not (tmp_path / "v1").exists() and issuing.list_versions(db, trip) == []
    answer[0] = True
    dialog.start_export()
    _finish(qtbot, dialog)
    assert len(asked) == 2 and [v.number for v in issuing.list_versions(db, trip)] == [1]


def test_the_question_names_the_draft_and_the_open_errors(qtbot: QtBot, db: Database, ctx: UiContext, trip: int) -> None:
    from PySide6.QtCore import QTimer

    from planner.domain.checks import Problem
    from planner.domain.checks.problem import ProblemKind, Severity
    from planner.services.issue_readiness import IssueReadiness

    errors = tuple(
        Problem(Severity.ERROR, ProblemKind.PASSPORT_MISSING, "{name} has no passport number", {"name": name})
        for name in ("Anna Becker", "Wang Li", "Stephan Weil", "Eva Meyer")
    )
    readiness = IssueReadiness(draft=True, errors=errors)
    seen: list[tuple[str, str, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text(), box.informativeText()))
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # Cancel is the default and Escape

    QTimer.singleShot(0, answer)
    parent = QDialog()
    qtbot.addWidget(parent)
    assert ed.confirm_issue(parent, 3, readiness) is False
    assert seen[0][0] == "Issue version 3?" and seen[0][1] == "Issue the itineraries as version 3 anyway?"
    assert seen[0][2] == (
        "The trip is still a draft.\n\n4 errors are open, the first 3: \n• Anna Becker has no passport number"
        "\n• Wang Li has no passport number\n• Stephan Weil has no passport number."
    )


def test_rooming_lists_one_per_hotel_and_a_message_without_any(
    qtbot: QtBot, db: Database, ctx: UiContext, trip: int, tmp_path: Path, shown: Shown
) -> None:
    from planner.importing.tripfile import import_trip_file
    from planner.paths import DEMO_TRIPS

    dialog = _dialog(qtbot, ctx, trip, tmp_path / "none")
    dialog.set_document(Document.ROOMING)
    assert not dialog.members.isEnabled() and not dialog.preview_button.isEnabled()
    dialog.start_export()
    _finish(qtbot, dialog)
    assert shown.errors == ["This trip holds no rooms at any hotel yet; add them on the Logistics page."]
    demo = import_trip_file(db, DEMO_TRIPS / "hannover-shenzhen-2016.json").id
    rooming = _dialog(qtbot, ctx, demo, tmp_path / "rooms")
    rooming.set_document(Document.ROOMING)
    rooming.set_language(Language.ZH)
    rooming.start_export()
    _finish(qtbot, rooming)
    assert [p.name for p in rooming.written] == ["分房名单 InterContinental Shenzhen.pdf"]
    assert "InterContinental Shenzhen" in PdfReader(rooming.written[0]).pages[0].extract_text()
