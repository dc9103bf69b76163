"""The briefing book in the Print and export dialog: one language, a paper size, a preview, written for its owner only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.briefing import ItemBriefingData
from planner.domain.enums import Language
from planner.domain.localized import LocalizedText as L
from planner.export.pdf import Paper
from planner.services import briefing, programme
from planner.ui.language import LanguageController
from planner.ui.pages.base import UiContext
from planner.ui.undo import UndoHistory
from planner.ui.widgets import export_dialog as ed
from planner.ui.widgets.export_dialog import Document, ExportDialog
from tests.sample_trips import build_shenzhen_trip


def _finish(qtbot: QtBot, dialog: ExportDialog) -> None:
    qtbot.waitUntil(lambda: (QApplication.processEvents(), dialog.task is None)[1], timeout=60_000)


def test_the_briefing_book_is_offered_written_and_previewed(qtbot: QtBot, db: Database, language: LanguageController, settings: QSettings,
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ed, "offer_folder", lambda _parent, _title, _text: False)
    trip = build_shenzhen_trip(db)
    visit = next(i for i in programme.list_items(db, trip) if i.host_contact_id is not None)
    briefing.save_briefing(db, ItemBriefingData(id=visit.id, objective=L(de="Pilotprojekt vereinbaren", en="Agree a pilot")))
    ctx = UiContext(UndoHistory(db, lambda: None), language, settings, lambda: None)
    dialog = ExportDialog(ctx, trip)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "out"))
    labels = [dialog.document_box.itemText(i) for i in range(dialog.document_box.count())]
    assert "Briefing book (PDF, internal: not for participants)" in labels
    dialog.set_document(Document.BRIEFING)
    assert not dialog.members.isEnabled() and not dialog.second_box.isEnabled() and not dialog.issue_box.isEnabled()
    assert dialog.paper_box.isEnabled() and dialog.preview_button.isEnabled()
    dialog.set_language(Language.DE)
    dialog.set_paper(Paper.LETTER)
    dialog.start_export()
    _finish(qtbot, dialog)
    (path,) = dialog.written
    assert path.name == "Delegationsreise Shenzhen – Gesprächsmappe (de).pdf"
    pages = PdfReader(path).pages
    assert round(float(pages[0].mediabox.width)) == 612
    assert all("Vertraulich – nur für den Dienstgebrauch" in (page.extract_text() or "") for page in pages)
    assert "Pilotprojekt vereinbaren" in "".join(page.extract_text() or "" for page in pages)
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0

    dialog.show_preview()
    _finish(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.page_count() >= 2
    assert dialog.preview.path.name == path.name and dialog.preview.path.parent != path.parent
    dialog.reject()
