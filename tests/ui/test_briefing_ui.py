"""Briefing, biographies and portraits, and follow-ups in the window: real keys, what the user sees, undo and redo."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PIL import Image
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.briefing import FollowUpData, FollowUpStatus, ProfileOwner
from planner.domain.enums import Language
from planner.domain.localized import LocalizedText
from planner.services import briefing, follow_ups, programme
from planner.ui.language import LanguageController
from planner.ui.pages.base import UiContext
from planner.ui.pages.overview import OverviewPage
from planner.ui.pages.people import PeoplePage
from planner.ui.pages.programme import TABLE, ProgrammePage
from planner.ui.widgets import briefing_form, follow_up_form, profile_form
from tests.ui.activation import activate
from tests.ui.programme_support import Programme, add_item, make_context, make_programme


@pytest.fixture
def trip(db: Database) -> Programme:
    return make_programme(db)


@pytest.fixture
def ctx(db: Database, language: LanguageController, settings: QSettings) -> UiContext:
    return make_context(db, language, settings)


def _show(qtbot: QtBot, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)  # its keys work as for a user
    return widget


def _answer(monkeypatch: pytest.MonkeyPatch, form_class: type, fill: Callable[[Any], None]) -> list[Any]:
    """Instead of showing the form: fill it in and press OK (Ctrl+Return), as the planner would; the forms are kept."""
    seen: list[Any] = []

    def exec_(form: Any) -> int:
        seen.append(form)
        fill(form)
        form.submit()
        return form.result()

    monkeypatch.setattr(form_class, "exec", exec_)
    return seen


def test_briefing_by_ctrl_b_in_two_languages_one_undo_step(
    db: Database, ctx: UiContext, trip: Programme, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = add_item(db, trip.trip_id, "2016-10-24 10:00", "2016-10-24 11:00", "Meeting with the vice-mayor")
    page = _show(qtbot, ProgrammePage(ctx))
    page.set_trip(trip.trip_id)
    page.show_view(TABLE)
    page.table.selectRow(0)
    page.table.setFocus()

    def fill(form: briefing_form.BriefingForm) -> None:
        assert form.language.currentText() == "English"
        form.edits["objective"].setPlainText("Agree on a joint design week")
        form.show_language(Language.DE)
        assert form.edits["objective"].toPlainText() == ""
        form.edits["objective"].setPlainText("Gemeinsame Designwoche vereinbaren")
        form.edits["avoid"].setPlainText("Keine Zusagen zu Fördermitteln")
        form.show_language(Language.ZH)
        assert form.language.itemText(0) == "Deutsch" and form.language.itemText(2) == "English"

    forms = _answer(monkeypatch, briefing_form.BriefingForm, fill)
    qtbot.keyClick(page.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert len(forms) == 1
    saved = briefing.get_briefing(db, item.id or 0)
    assert saved.objective == LocalizedText(de="Gemeinsame Designwoche vereinbaren", en="Agree on a joint design week")
    assert saved.avoid.de == "Keine Zusagen zu Fördermitteln"
    assert ctx.history.stack.undoText() == "Edit briefing"
    ctx.history.stack.undo()
    assert briefing.get_briefing(db, item.id or 0).is_empty()
    ctx.history.stack.redo()
    assert briefing.get_briefing(db, item.id or 0).objective.en == "Agree on a joint design week"
    # Nothing a participant receives carries it.
    assert "design week" not in repr(programme.list_items(db, trip.trip_id))


def test_briefing_button_in_the_item_form_says_whether_one_is_written(
    db: Database, ctx: UiContext, trip: Programme, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = add_item(db, trip.trip_id, "2016-10-24 10:00", "2016-10-24 11:00", "Site visit")
    button = briefing_form.BriefingButton(ctx, item)
    qtbot.addWidget(button)
    assert button.state.text() == "No briefing yet."
    _answer(monkeypatch, briefing_form.BriefingForm, lambda form: form.edits["talking_points"].setPlainText("1. Thanks\n2. Exhibition"))
    qtbot.mouseClick(button.button, Qt.MouseButton.LeftButton)
    assert button.state.text() == "A briefing is written."
    assert briefing.get_briefing(db, item.id or 0).talking_points.en == "1. Thanks\n2. Exhibition"


def _photo_with_gps(size: tuple[int, int] = (600, 800)) -> bytes:
    image = Image.new("RGB", size, (200, 180, 160))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (22.0, 32.0, 0.0)}  # GPS: Shenzhen
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_portrait_loses_its_location_and_saves_in_one_step(
    db: Database, ctx: UiContext, trip: Programme, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    photo = tmp_path / "weil.jpg"
    photo.write_bytes(_photo_with_gps())
    assert Image.open(photo).getexif()
    page = _show(qtbot, PeoplePage(ctx))
    page.reload()
    row = next(r for r in range(page.proxy.rowCount()) if "Weil" in str(page.proxy.index(r, 0).data()))
    page.view.selectRow(row)
    page.view.setFocus()

    def fill(form: profile_form.ProfileForm) -> None:
        form.biography.edits[Language.DE].setPlainText("Ministerpräsident seit 2013.")
        assert form.picker.load(photo)
        assert form.picker.picture.text() == ""  # the picture is shown

    _answer(monkeypatch, profile_form.ProfileForm, fill)
    qtbot.keyClick(page.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    person_id = _weil(db, trip)
    stored = briefing.get_profile(db, ProfileOwner.PERSON, person_id)
    assert stored.biography.de == "Ministerpräsident seit 2013."
    assert stored.portrait is not None
    kept = Image.open(io.BytesIO(stored.portrait.data))
    assert not kept.getexif() and "exif" not in kept.info
    assert ctx.history.stack.undoText().startswith("Biography and portrait of")
    ctx.history.stack.undo()
    assert briefing.get_profile(db, ProfileOwner.PERSON, person_id).is_empty()


def _weil(db: Database, trip: Programme) -> int:
    from planner.services import delegation

    return next(m.person.id for m in delegation.list_members(db, trip.trip_id) if m.person.family_name == "Weil")


def test_a_picture_over_2_mb_is_refused_beside_the_field(ctx: UiContext, qtbot: QtBot, tmp_path: Path) -> None:
    big = tmp_path / "huge.png"
    big.write_bytes(b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 10))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not an image")
    form = profile_form.ProfileForm(lambda data: None, briefing.ProfileData(id=1), "Weil")
    qtbot.addWidget(form)
    assert not form.picker.load(big)
    assert form.error_text("portrait") == "The portrait is 2.0 MB; it may be at most 2 MB."
    assert not form.picker.load(broken)
    assert form.error_text("portrait") == "The portrait must be a JPEG or PNG image."
    assert not form.picker.load(tmp_path / "gone.jpg")
    assert "could not be read" in form.error_text("portrait")
    assert form.picker.portrait is None and not form.picker.remove_button.isEnabled()


def test_follow_ups_on_the_overview_with_keys_undo_and_export(
    db: Database, ctx: UiContext, trip: Programme, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text, *a, **k: shown.append(text)))
    page = _show(qtbot, OverviewPage(ctx))
    page.set_trip(trip.trip_id)
    panel = page.follow_ups
    assert panel.empty.isVisible() and panel.empty.text().startswith("No follow-ups yet.")

    def fill(form: follow_up_form.FollowUpForm) -> None:
        form.what.edits[Language.EN].setPlainText("Send the trade-fair dates")
        form.person.setCurrentIndex(form.person.findText("Xu Qin (许勤)") if form.person.findText("Xu Qin (许勤)") >= 0 else 1)
        form.due.set_value(date(2016, 11, 30))

    _answer(monkeypatch, follow_up_form.FollowUpForm, fill)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert panel.view.isVisible() and panel.proxy.rowCount() == 1
    assert panel.count.text() == "1 open"
    (entry,) = follow_ups.list_follow_ups(db, trip.trip_id)
    assert entry.who_person_id is not None and entry.due == date(2016, 11, 30)
    assert panel.proxy.index(0, 1).data() == panel.model.who(entry) != ""
    assert panel.proxy.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "Overdue"  # 2016 lies in the past

    panel.view.selectRow(0)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # done: it leaves the open list
    assert follow_ups.list_follow_ups(db, trip.trip_id)[0].status == FollowUpStatus.DONE
    assert panel.proxy.rowCount() == 0 and panel.empty.text().startswith("No open follow-ups")
    panel.show_closed.setChecked(True)
    assert panel.proxy.rowCount() == 1 and panel.proxy.index(0, 3).data() == "Done"
    ctx.history.stack.undo()
    panel.refresh()
    assert follow_ups.list_follow_ups(db, trip.trip_id)[0].status == FollowUpStatus.OPEN

    path = panel.write_list(tmp_path / "follow-ups.xlsx")
    assert path is not None
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Task", "Who", "Due", "Status") and rows[1][0] == "Send the trade-fair dates" and rows[1][3] == "Open"
    assert panel.write_list(tmp_path / "follow-ups.txt") is None  # refused with a message, nothing written
    assert shown == ["Save the list as .csv or .xlsx, not “.txt”."]
    assert not (tmp_path / "follow-ups.txt").exists()

    panel.view.selectRow(0)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert follow_ups.list_follow_ups(db, trip.trip_id) == []
    ctx.history.stack.undo()
    panel.refresh()
    assert [f.what.en for f in follow_ups.list_follow_ups(db, trip.trip_id)] == ["Send the trade-fair dates"]


def test_follow_up_named_in_words_and_refused_without_a_task(
    db: Database, ctx: UiContext, trip: Programme, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = _show(qtbot, OverviewPage(ctx))
    panel.set_trip(trip.trip_id)

    def fill(form: follow_up_form.FollowUpForm) -> None:
        form.who.setText("Deutsche Messe AG")
        form.submit()  # no task yet: refused, the form stays open and says why
        assert form.error_text("what") == "Say what is to be done."
        form.what.edits[Language.DE].setPlainText("Messetermine schicken")

    _answer(monkeypatch, follow_up_form.FollowUpForm, fill)
    panel.follow_ups.new()
    (entry,) = follow_ups.list_follow_ups(db, trip.trip_id)
    assert (entry.who, entry.who_person_id, entry.what.de) == ("Deutsche Messe AG", None, "Messetermine schicken")
    assert panel.follow_ups.proxy.index(0, 1).data() == "Deutsche Messe AG"


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_the_overview_with_its_follow_ups_fits_a_minimum_size_window(
    db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot, lang: str
) -> None:
    """The follow-ups' buttons once made the German Overview wider than the window: "Edit trip details" was cut off."""
    from PySide6.QtWidgets import QApplication

    from planner.importing import demo
    from planner.ui.main_window import MainWindow

    demo.load_demo(db)
    language.set_language(lang)
    window = MainWindow(db, language, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.navigator.select_trip(None)
    overview = next(page for page in window.trip_pages if isinstance(page, OverviewPage))
    window.trip_tabs.setCurrentWidget(overview)
    qtbot.waitUntil(lambda: overview.trip_id is not None and overview.follow_ups.model.rowCount() > 0)
    window.resize(window.minimumSizeHint().expandedTo(window.minimumSize()))
    QApplication.processEvents()
    assert overview.follow_ups.view.isVisible()
    assert overview.scroll.horizontalScrollBar().maximum() == 0, "the Overview scrolls sideways"
    edit = overview.overview.edit_button
    right = edit.mapTo(overview.scroll.viewport(), edit.rect().topRight()).x()
    assert right < overview.scroll.viewport().width(), f"{edit.text()!r} is cut off"
