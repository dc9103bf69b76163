"""The PDF preview (pdfium): pages counted, rendered lazily and navigated, zoom, printing to a printer and saving a copy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QWheelEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from planner.db.engine import Database
from planner.domain import errors as errors_module
from planner.domain.errors import PlannerError
from planner.domain.enums import Language
from planner.export.pdf import personal_document, programme_document
from planner.export.tripview import TripView
from planner.i18n import set_language
from planner.ui.widgets import pdf_pages
from planner.ui.widgets.pdf_pages import PdfFile, ZoomMode
from planner.ui.widgets.pdf_preview import PdfPreview
from tests.sample_trips import build_shenzhen_trip


def _write(path: Path, pages: int, size: tuple[float, float] = A4) -> Path:
    canvas = Canvas(str(path), pagesize=size)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 48)
        canvas.setFillColorRGB(1, 0, 0)  # red: a swapped byte order would show blue
        canvas.drawString(100, size[1] - 140, f"Page {number}")
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def three_pages(tmp_path: Path) -> Path:
    return _write(tmp_path / "three pages.pdf", 3)


@pytest.fixture
def programme(db: Database, tmp_path: Path) -> Path:
    """The demo-like Shenzhen trip's programme as planner.export writes it, in German and Chinese."""
    view = TripView.load(db, build_shenzhen_trip(db))
    path = tmp_path / "programme.pdf"
    path.write_bytes(programme_document(view, language=Language.DE, bilingual_with=Language.ZH))
    return path


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text, *a, **k: texts.append(text)))
    return texts


def _preview(qtbot: QtBot, path: Path) -> PdfPreview:
    preview = PdfPreview(path)
    qtbot.addWidget(preview)
    preview.show()
    preview.activateWindow()  # shortcuts work in the active window only
    qtbot.waitUntil(preview.isActiveWindow)
    return preview


def _painted(preview: PdfPreview) -> QImage:
    """What the pages area shows now (painting it renders the pages in view)."""
    image = preview.view.viewport().grab().toImage()
    QApplication.processEvents()  # the neighbours are rendered after the paint
    return image


def _printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # not the locale's default paper
    return printer


def test_loads_counts_and_navigates(qtbot: QtBot, three_pages: Path) -> None:
    preview = _preview(qtbot, three_pages)
    assert preview.page_count() == 3
    assert preview.windowTitle() == "three pages.pdf"
    assert (preview.page_prefix.text(), preview.page_label.text().strip()) == ("Page", "of 3")
    assert preview.current_page() == 0 and preview.page_box.value() == 1
    assert not preview.previous_action.isEnabled() and preview.next_action.isEnabled()
    preview.next_action.trigger()
    assert preview.current_page() == 1 and preview.page_box.value() == 2
    preview.page_box.setValue(3)  # typing a page number
    assert preview.current_page() == 2
    assert not preview.next_action.isEnabled() and preview.previous_action.isEnabled()
    preview.next_page()  # nothing after the last page
    assert preview.current_page() == 2
    preview.previous_page()
    assert preview.current_page() == 1
    preview.go_to(99)
    assert preview.current_page() == 1


def test_page_keys_turn_pages_and_scrolling_follows_the_reader(qtbot: QtBot, three_pages: Path) -> None:
    preview = _preview(qtbot, three_pages)
    preview.view.setFocus()
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    assert preview.current_page() == 1
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)  # stays on the last page
    assert preview.current_page() == 2 and preview.page_box.value() == 3
    qtbot.keyClick(preview.view, Qt.Key.Key_PageUp)
    assert preview.current_page() == 1
    bar = preview.view.verticalScrollBar()
    bar.setValue(0)  # the reader scrolls back to the top
    assert preview.current_page() == 0 and preview.page_box.value() == 1
    bar.setValue(bar.maximum())
    assert preview.current_page() == 2 and not preview.next_action.isEnabled()


def test_only_the_pages_near_the_view_are_rendered(qtbot: QtBot, tmp_path: Path) -> None:
    preview = PdfPreview(_write(tmp_path / "thirty.pdf", 30))
    qtbot.addWidget(preview)
    preview.resize(700, 800)
    assert preview.page_count() == 30 and preview.view.cached_pages() == []  # nothing before it is painted
    preview.show()
    _painted(preview)
    assert preview.view.cached_pages() == [0, 1]  # the page in view and the next one
    preview.go_to(20)
    _painted(preview)
    assert set(preview.view.cached_pages()) >= {19, 20, 21}
    assert not set(range(3, 19)) & set(preview.view.cached_pages())


def test_pages_are_drawn_in_their_colours_with_a_gap_on_the_background(qtbot: QtBot, three_pages: Path) -> None:
    preview = _preview(qtbot, three_pages)
    preview.resize(700, 800)
    preview.fit_page()
    image = _painted(preview)
    view = preview.view
    rect = view.page_rect(0)
    scale = rect.width() / A4[0]
    red = [
        QColor(image.pixel(x, y))
        for x in range(rect.left() + round(100 * scale), rect.left() + round(300 * scale), 3)
        for y in range(rect.top() + round(100 * scale), rect.top() + round(140 * scale), 3)
    ]
    assert any(c.red() > 200 and c.green() < 80 and c.blue() < 80 for c in red)  # not blue: the bytes are in Qt's order
    assert not any(c.blue() > 200 and c.red() < 80 for c in red)
    assert image.pixel(rect.center().x(), rect.bottom() - 5) == QColor(Qt.GlobalColor.white).rgb()
    background = view.palette().color(view.viewport().backgroundRole())
    assert image.pixel(2, 2) == background.rgb()  # the margin around the pages


def test_zoom_goes_on_from_the_fitted_size_and_fit_width_returns(qtbot: QtBot, three_pages: Path) -> None:
    preview = _preview(qtbot, three_pages)
    view = preview.view
    assert view.zoom_mode() is ZoomMode.FIT_WIDTH
    fitted = view.zoom_factor()
    assert view.page_rect(0).width() == pytest.approx(view.viewport().width() - 2 * pdf_pages.MARGIN, abs=2)
    preview.zoom_in()
    assert view.zoom_mode() is ZoomMode.CUSTOM
    assert view.zoom_factor() == pytest.approx(fitted * 1.25)
    preview.zoom_in()
    assert view.zoom_factor() == pytest.approx(fitted * 1.25**2)
    assert view.horizontalScrollBar().maximum() > 0  # wider than the window now
    preview.zoom_out()
    preview.zoom_out()
    preview.zoom_out()
    assert view.zoom_factor() == pytest.approx(fitted / 1.25)
    for _ in range(20):
        preview.zoom_out()
    assert view.zoom_factor() == pytest.approx(pdf_pages.MIN_ZOOM)
    preview.go_to(1)
    preview.fit_page()
    assert view.zoom_mode() is ZoomMode.FIT_PAGE and preview.current_page() == 1
    page = view.page_rect(1).translated(0, -view.verticalScrollBar().value())
    assert view.viewport().rect().contains(page)  # the whole page in view
    preview.fit_width()
    assert view.zoom_mode() is ZoomMode.FIT_WIDTH and view.zoom_factor() == pytest.approx(fitted)
    assert preview.current_page() == 1  # zooming keeps the reader's page


def test_zoom_keys_and_the_control_wheel(qtbot: QtBot, three_pages: Path) -> None:
    preview = _preview(qtbot, three_pages)
    view = preview.view
    fitted = view.zoom_factor()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_factor() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_factor() == pytest.approx(fitted)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_mode() is ZoomMode.FIT_WIDTH
    wheel = QWheelEvent(
        QPointF(50, 50), QPointF(view.viewport().mapToGlobal(QPoint(50, 50))), QPoint(), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom_factor() == pytest.approx(fitted * 1.25)


def test_a_very_large_zoom_renders_only_the_part_in_view(qtbot: QtBot, programme: Path) -> None:
    preview = _preview(qtbot, programme)
    preview.resize(700, 800)
    preview.view.set_zoom_factor(pdf_pages.MAX_ZOOM)
    _painted(preview)
    rendered = preview.view._cache[preview.current_page()]
    full = pdf_pages.page_pixels(preview.view.file.sizes[0], rendered.scale)
    assert rendered.image.sizeInBytes() < full.width() * full.height() * 4 / 2
    assert rendered.image.size() == rendered.region.size()
    assert all(r.size_in_bytes <= pdf_pages.CACHE_BYTES for r in preview.view._cache.values())


def test_a_real_programme_and_itinerary_from_the_exporter(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    view = TripView.load(db, build_shenzhen_trip(db))
    path = tmp_path / "programme.pdf"
    path.write_bytes(programme_document(view, language=Language.ZH))
    expected = len(PdfReader(path).pages)
    preview = _preview(qtbot, path)
    assert preview.page_count() == expected >= 2
    assert preview.page_label.text().strip() == f"of {expected}"
    member = view.members[0].id
    itinerary = tmp_path / "itinerary.pdf"
    itinerary.write_bytes(personal_document(view, member, language=Language.DE))
    assert preview.load(itinerary)
    assert preview.page_count() == len(PdfReader(itinerary).pages) and preview.current_page() == 0
    _painted(preview)
    assert preview.view.cached_pages()[0] == 0


def test_the_page_counter_reads_naturally_in_every_language(qtbot: QtBot, three_pages: Path) -> None:
    set_language("zh")
    preview = _preview(qtbot, three_pages)
    set_language("en")
    assert "{" not in preview.page_prefix.text() + preview.page_label.text()
    assert "3" in preview.page_label.text()


def test_printing_to_a_pdf_printer_writes_every_page(qtbot: QtBot, three_pages: Path, tmp_path: Path) -> None:
    preview = _preview(qtbot, three_pages)
    target = tmp_path / "printed.pdf"
    assert preview.print_to(_printer(target)) == 3
    printed = PdfReader(target)
    assert len(printed.pages) == 3
    width, height = float(printed.pages[0].mediabox.width), float(printed.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)
    assert all(len(page.images) == 1 for page in printed.pages)  # each page carries the rendered page


def test_print_dialog_accepted_prints_the_real_programme(qtbot: QtBot, programme: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "from the dialog.pdf"
    seen: list[QPrinter] = []

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        seen.append(printer)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    preview = _preview(qtbot, programme)
    preview.print_action.trigger()
    assert len(seen) == 1
    assert len(PdfReader(target).pages) == len(PdfReader(programme).pages)
    page = PdfReader(target).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_a_landscape_document_is_printed_landscape(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "wide.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    preview = _preview(qtbot, _write(tmp_path / "landscape.pdf", 1, landscape(A4)))
    preview.print_document()
    page = PdfReader(target).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)


def test_a_different_paper_in_the_printer_gets_the_page_scaled_onto_it(qtbot: QtBot, three_pages: Path, tmp_path: Path) -> None:
    preview = _preview(qtbot, three_pages)
    target = tmp_path / "letter.pdf"
    printer = _printer(target)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    assert preview.print_to(printer) == 3
    page = PdfReader(target).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


def test_printing_a_page_range(qtbot: QtBot, three_pages: Path, tmp_path: Path) -> None:
    preview = _preview(qtbot, three_pages)
    target = tmp_path / "two.pdf"
    printer = _printer(target)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert preview.print_to(printer) == 2
    assert len(PdfReader(target).pages) == 2


def test_save_as_copies_the_file_and_a_bad_target_gives_a_message(qtbot: QtBot, three_pages: Path, tmp_path: Path, errors: list[str]) -> None:
    preview = _preview(qtbot, three_pages)
    copy = tmp_path / "copy.pdf"
    assert preview.save_to(copy)
    assert copy.read_bytes() == three_pages.read_bytes()
    plain = tmp_path / "plain.txt"
    plain.write_text("a file, not a folder", encoding="utf-8")
    assert not preview.save_to(plain / "copy.pdf")
    assert len(errors) == 1 and str(plain / "copy.pdf") in errors[0] and "could not be written" in errors[0]


@pytest.mark.parametrize("content", [b"%PDF-1.4 this is not really a PDF", b"", None])
def test_a_broken_or_missing_file_shows_a_message_instead_of_pages(qtbot: QtBot, tmp_path: Path, content: bytes | None) -> None:
    broken = tmp_path / "broken.pdf"
    if content is not None:
        broken.write_bytes(content)
    preview = _preview(qtbot, broken)
    assert preview.page_count() == 0
    assert preview.message.isVisible() and not preview.view.isVisible()
    assert preview.message.text() == "broken.pdf cannot be shown: it is missing or not a readable PDF file."
    assert not preview.print_action.isEnabled() and not preview.save_action.isEnabled()
    assert not preview.next_action.isEnabled() and not preview.previous_action.isEnabled()
    assert preview.print_to(_printer(tmp_path / "never.pdf")) == 0
    assert not (tmp_path / "never.pdf").exists()
    assert preview.load(_write(tmp_path / "good.pdf", 2))  # another file shows again
    assert preview.view.isVisible() and not preview.message.isVisible() and preview.page_count() == 2


def test_the_message_is_translated_when_shown(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"not a pdf")
    monkeypatch.setattr(errors_module, "_", lambda msgid: f"«{msgid}»")  # a stand-in catalogue
    preview = _preview(qtbot, broken)
    assert preview.message.text() == "«kaputt.pdf cannot be shown: it is missing or not a readable PDF file.»"


def test_a_password_protected_file_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=_write(tmp_path / "open.pdf", 1))
    writer.encrypt("secret", algorithm="AES-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as out:
        writer.write(out)
    preview = _preview(qtbot, locked)
    assert preview.page_count() == 0
    assert preview.message.text() == "locked.pdf is protected by a password and cannot be shown here."


def test_closing_the_preview_lets_go_of_the_file(qtbot: QtBot, three_pages: Path) -> None:
    preview = _preview(qtbot, three_pages)
    file = preview.view.file
    assert file is not None and file.is_open
    preview.reject()
    assert not file.is_open and preview.view.file is None and preview.view.cached_pages() == []
    preview.show()  # shown again: the file is read again
    assert preview.page_count() == 3


def test_a_pdf_file_renders_a_page_region_without_the_widget(three_pages: Path) -> None:
    file = PdfFile(three_pages)
    try:
        whole = file.render(0, 1.0)
        assert (whole.width(), whole.height()) == (596, 842)
        assert whole.format() == (QImage.Format.Format_RGB32 if sys.byteorder == "little" else QImage.Format.Format_RGBX8888)
        from PySide6.QtCore import QRect

        part = file.render(0, 1.0, QRect(100, 100, 200, 60))
        assert (part.width(), part.height()) == (200, 60)
        assert part.pixel(10, 30) == whole.pixel(110, 130)
    finally:
        file.close()
    assert not file.is_open


def test_the_main_window_opens_without_loading_pdfium() -> None:
    """pdfium is loaded with the first preview, not at start-up."""
    code = "import sys, planner.ui.main_window; print('pypdfium2' in sys.modules)"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=True)
    assert result.stdout.strip() == "False"


def _failing_on(monkeypatch: pytest.MonkeyPatch, bad_page: int) -> None:
    """pdfium fails on one page (a damaged page in an otherwise readable file)."""
    render = PdfFile.render

    def failing(self: PdfFile, index: int, *args: object, **kwargs: object) -> QImage:
        if index == bad_page:
            raise PlannerError(pdf_pages.UNREADABLE, name=self.path.name)
        return render(self, index, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PdfFile, "render", failing)


def test_a_page_that_cannot_be_rendered_is_shown_as_such(qtbot: QtBot, three_pages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _failing_on(monkeypatch, 0)
    preview = _preview(qtbot, three_pages)
    image = _painted(preview)
    assert 0 not in preview.view.cached_pages() and 1 in preview.view.cached_pages()
    rect = preview.view.page_rect(0)
    inside = {image.pixel(x, y) for x in range(rect.left() + 10, rect.right() - 10, 7) for y in range(rect.center().y() - 10, rect.center().y() + 10, 2)}
    assert len(inside) > 1  # the words on the white page


def test_printing_stops_with_a_message_at_a_page_that_cannot_be_rendered(qtbot: QtBot, three_pages: Path, tmp_path: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    preview = _preview(qtbot, three_pages)
    _failing_on(monkeypatch, 1)
    assert preview.print_to(_printer(tmp_path / "half.pdf")) == 0
    assert errors == ["Page 2 of three pages.pdf cannot be read, so nothing was printed. The file may be damaged."]
    assert not (tmp_path / "half.pdf").exists()
    assert QApplication.overrideCursor() is None  # the wait cursor is gone again
