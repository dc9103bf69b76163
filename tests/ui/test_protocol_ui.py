"""The protocol office in the window: visa status on the Delegation page, gifts and the seating plan of an item, the Protocol menu."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.enums import GiftDirection, Role, SeatSide, VisaStatus
from planner.export.tripview import TripView
from planner.services.delegation import Member
from planner.i18n import set_language
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services import delegation, protocol
from planner.ui.language import LanguageController
from planner.ui.models import member_table as mt
from planner.ui.pages.base import UiContext
from planner.ui.pages.delegation import DelegationPage
from planner.ui.protocol_menu import ProtocolMenu
from planner.ui.undo import UndoHistory
from planner.ui.widgets.protocol_forms import GiftForm, VisaForm
from planner.ui.widgets.protocol_panel import ProtocolPanel
from planner.ui.widgets.seating_dialog import SeatingDialog



@pytest.fixture
def ctx(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> UiContext:
    return UiContext(UndoHistory(db, lambda: None), language, settings, lambda: None)


@pytest.fixture
def shenzhen(db: Database) -> TripView:
    return TripView.load(db, import_trip_file(db, DEMO_TRIPS / "hannover-shenzhen-2016.json").id)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text, *a, **k: texts.append(text)))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _parent, _title, text, *a, **k: texts.append(text)))
    return texts


def _member(view: TripView, family: str) -> Member:
    return next(m for m in view.members if m.person.family_name == family)


def test_the_delegation_page_shows_and_edits_the_visa(ctx: UiContext, shenzhen: TripView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    page = DelegationPage(ctx)
    qtbot.addWidget(page)
    page.set_trip(shenzhen.trip.id)
    rows = {page.model.member(r).person.family_name: r for r in range(page.model.rowCount())}
    assert page.model.index(rows["Eisenschmidt"], mt.VISA).data() == "Visa granted (29/09/2016)"
    assert page.model.index(rows["Zhou"], mt.VISA).data() == "No visa needed"
    assert page.model.index(rows["Chen"], mt.VISA).data() == ""
    assert page.model.headerData(mt.VISA, Qt.Orientation.Horizontal) == "Visa"

    chen = _member(shenzhen, "Chen")
    page.select_members([chen.id])
    assert page.visa_action.isEnabled()

    def fill(form: QDialog) -> bool:
        assert isinstance(form, VisaForm)
        form.status.setCurrentIndex(form.status.findData(VisaStatus.APPLIED.value))
        form.applied_on.set_value(date(2016, 10, 1))
        form.granted_on.set_value(date(2016, 9, 1))  # before the application: refused beside the field
        form.submit()
        assert "granted before it was applied" in form.error_text("granted_on")
        form.granted_on.set_value(None)
        form.submit()
        return form.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(page, "run_form", fill)
    page.edit_visa()
    assert protocol.trip_visas(ctx.db, shenzhen.trip.id)[chen.id].status is VisaStatus.APPLIED
    assert page.model.index(rows["Chen"], mt.VISA).data() == "Visa applied for (01/10/2016)"
    ctx.history.stack.undo()
    assert chen.id not in protocol.trip_visas(ctx.db, shenzhen.trip.id)
    ctx.history.stack.redo()
    assert protocol.trip_visas(ctx.db, shenzhen.trip.id)[chen.id].applied_on == date(2016, 10, 1)


def test_gifts_of_an_item_are_listed_added_and_undone(ctx: UiContext, shenzhen: TripView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = next(i for i in shenzhen.items if i.title.en == "Meeting with the Vice-Mayor of Shenzhen")
    panel = ProtocolPanel(ctx, meeting, list(shenzhen.members))
    qtbot.addWidget(panel)
    assert panel.table.rowCount() == 2
    assert panel.table.item(0, 1).text().startswith("Illustrated book “Hannover – UNESCO City of Music” · Mr Peter Eisenschmidt → Vice-Mayor")
    assert panel.table.item(1, 2).text() == "CN¥480.00"

    def fill(form: QDialog) -> bool:
        assert isinstance(form, GiftForm)
        form.direction.setCurrentIndex(form.direction.findData(GiftDirection.RECEIVED.value))
        form.description.edits[next(iter(form.description.edits))].setText("Tee")
        form.counterpart.setText("Vizebürgermeister Lin")
        form.value.setText("zwölf")
        form.submit()
        assert "is not an amount of money" in form.error_text("value")
        form.value.setText("12,50")
        form.submit()
        return form.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(panel, "run_form", fill)
    panel.add_gift()
    assert panel.table.rowCount() == 3 and panel.table.item(2, 2).text() == "€12.50"
    ctx.history.stack.undo()
    panel.reload()
    assert panel.table.rowCount() == 2
    ctx.history.stack.redo()
    panel.reload()
    assert panel.table.rowCount() == 3
    panel.table.selectRow(2)
    panel.remove_gift()
    assert panel.table.rowCount() == 2


def test_seats_are_dragged_and_the_plan_saved(ctx: UiContext, shenzhen: TripView, qtbot: QtBot) -> None:
    banquet = next(i for i in shenzhen.items if i.title.en == "Evening banquet hosted by the Shenzhen Municipal Government")
    panel = ProtocolPanel(ctx, banquet, list(shenzhen.members))
    qtbot.addWidget(panel)
    dialog = panel.seating_dialog()
    qtbot.addWidget(dialog)
    eisenschmidt, schirmeyer = _member(shenzhen, "Eisenschmidt").id, _member(shenzhen, "Schirmeyer").id
    first = dialog.seat_items[eisenschmidt]
    target = dialog.seat_items[schirmeyer]
    first.setPos(target.sceneBoundingRect().center() - first.rect().center())  # what a drag does
    dialog.dropped(dialog.seat_items[eisenschmidt], target.sceneBoundingRect().center())
    assert dialog.plan.seat_of(eisenschmidt).place == 4 and dialog.plan.seat_of(schirmeyer).place == 1
    dialog.submit()
    saved = protocol.item_seating(ctx.db, banquet.id or 0)
    assert saved is not None and saved.seat_of(schirmeyer).place == 1
    ctx.history.stack.undo()
    again = protocol.item_seating(ctx.db, banquet.id or 0)
    assert again is not None and again.seat_of(eisenschmidt).place == 1
    fresh = panel.seating_dialog()
    qtbot.addWidget(fresh)
    fresh.move_onto(_member(shenzhen, "Chen").id, eisenschmidt)
    chen = fresh.plan.seat_of(_member(shenzhen, "Chen").id)
    assert chen.place == 1 and chen.side is SeatSide.HOST  # at round tables the party stays


def _key_to(dialog: SeatingDialog, membership_id: int) -> None:
    """Right arrow along the seating order until the member's seat is the current one."""
    for _step in range(len(dialog.chairs())):
        if dialog.current == dialog.plan.seat_of(membership_id).spot:
            return
        QTest.keyClick(dialog.view, Qt.Key.Key_Right)
    raise AssertionError("the seat was not reached with the arrow keys")


def test_seats_are_swapped_with_the_keyboard(ctx: UiContext, shenzhen: TripView, qtbot: QtBot) -> None:
    """Issue 4: Tab into the plan, arrows to a seat, Space, arrows to another, Enter: the same plan a drag saves."""
    banquet = next(i for i in shenzhen.items if i.title.en == "Evening banquet hosted by the Shenzhen Municipal Government")
    panel = ProtocolPanel(ctx, banquet, list(shenzhen.members))
    qtbot.addWidget(panel)
    dialog = panel.seating_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.again.setFocus()
    qtbot.waitUntil(dialog.again.hasFocus)
    assert dialog.focus_frame is not None and not dialog.focus_frame.isVisible()
    QTest.keyClick(dialog.again, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.view.hasFocus)
    assert dialog.focus_frame.isVisible()  # on the first chair at once
    QTest.keyClick(dialog.view, Qt.Key.Key_Right)
    QTest.keyClick(dialog.view, Qt.Key.Key_Home)
    assert dialog.view.accessibleName().startswith("Seating plan: Table 1, seat 1: ") and dialog.view.accessibleName().endswith(", Host")
    home = dialog.focus_frame.rect()
    eisenschmidt, schirmeyer = _member(shenzhen, "Eisenschmidt").id, _member(shenzhen, "Schirmeyer").id
    _key_to(dialog, eisenschmidt)
    assert dialog.focus_frame.rect() != home
    assert dialog.view.accessibleName() == "Seating plan: Table 1, seat 2: Peter Eisenschmidt, Head of delegation"
    QTest.keyClick(dialog.view, Qt.Key.Key_Space)
    assert dialog.picked == eisenschmidt and dialog.seat_items[eisenschmidt].brush().color().name() == "#fce7c8"
    assert "Peter Eisenschmidt picked up" in dialog.keys.text() and dialog.view.accessibleDescription() == dialog.keys.text()
    _key_to(dialog, schirmeyer)
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)  # the plan's, not the dialog's Save
    assert dialog.isVisible() and dialog.picked is None
    assert dialog.plan.seat_of(eisenschmidt).place == 4 and dialog.plan.seat_of(schirmeyer).place == 1
    assert dialog.current == dialog.plan.seat_of(eisenschmidt).spot  # the frame stays where the person went
    assert dialog.seat_items[eisenschmidt].brush().color().name() != "#fce7c8"
    dialog.view.clearFocus()
    assert not dialog.focus_frame.isVisible()
    dialog.submit()
    saved = protocol.item_seating(ctx.db, banquet.id or 0)
    assert saved is not None and saved.seat_of(schirmeyer).place == 1 and saved.seat_of(eisenschmidt).place == 4
    ctx.history.stack.undo()
    again = protocol.item_seating(ctx.db, banquet.id or 0)
    assert again is not None and again.seat_of(eisenschmidt).place == 1


def test_escape_cancels_a_pick_up_and_free_chairs_take_a_person(ctx: UiContext, shenzhen: TripView, qtbot: QtBot) -> None:
    meeting = next(i for i in shenzhen.items if i.title.en == "Meeting with the Vice-Mayor of Shenzhen")
    panel = ProtocolPanel(ctx, meeting, list(shenzhen.members))
    qtbot.addWidget(panel)
    dialog = panel.seating_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.view.setFocus()
    qtbot.waitUntil(dialog.view.hasFocus)
    assert dialog.plan.arrangement.value == "facing"
    before = dialog.plan
    eisenschmidt = _member(shenzhen, "Eisenschmidt").id
    QTest.keyClick(dialog.view, Qt.Key.Key_Home)
    _key_to(dialog, eisenschmidt)
    QTest.keyClick(dialog.view, Qt.Key.Key_Space)
    QTest.keyClick(dialog.view, Qt.Key.Key_Right)
    QTest.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert dialog.picked is None and dialog.plan == before and dialog.isVisible()
    assert "picked up" not in dialog.keys.text()
    QTest.keyClick(dialog.view, Qt.Key.Key_Left)
    assert dialog.current == dialog.plan.seat_of(eisenschmidt).spot
    QTest.keyClick(dialog.view, Qt.Key.Key_Up)  # from the guests' row up to the hosts' across the table
    assert dialog.current is not None and dialog.current[0] is SeatSide.HOST
    assert dialog.view.accessibleName() == "Seating plan: Host side, place 1: Chen Jing (陈静), Host"
    QTest.keyClick(dialog.view, Qt.Key.Key_Down)
    assert dialog.current == dialog.plan.seat_of(eisenschmidt).spot
    QTest.keyClick(dialog.view, Qt.Key.Key_Space)
    for _step in range(len(dialog.chairs())):  # leftwards along the guests' row to the free chair at its end
        if dialog.view.accessibleName().endswith(": free chair"):
            break
        QTest.keyClick(dialog.view, Qt.Key.Key_Left)
    assert dialog.view.accessibleName() == "Seating plan: Guest side, place 21: free chair"
    free = dialog.current
    QTest.keyClick(dialog.view, Qt.Key.Key_Enter)
    assert dialog.plan.seat_of(eisenschmidt).spot == free
    QTest.keyClick(dialog.view, Qt.Key.Key_Escape)  # nothing picked up: Escape closes the dialog as usual
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_protocol_menu_writes_the_documents(ctx: UiContext, shenzhen: TripView, tmp_path: Path, shown: list[str]) -> None:
    menu = ProtocolMenu(ctx, lambda: shenzhen.trip.id)
    trip_id = shenzhen.trip.id
    assert menu.write_cards(trip_id, tmp_path / "cards.pdf", "en", True) == [tmp_path / "cards.pdf"]
    letters = menu.write_invitations(trip_id, tmp_path / "letters", "host-local", "Fuzhong 3rd Road", each=True)
    assert len(letters) == 19 and all(p.stat().st_mode & 0o077 == 0 for p in letters)
    assert menu.write_seating(trip_id, tmp_path / "seating.pdf") == [tmp_path / "seating.pdf"]
    assert menu.write_gifts(trip_id, tmp_path / "gifts.xlsx") == [tmp_path / "gifts.xlsx"]
    assert shown[-1] == f"Wrote {tmp_path / 'gifts.xlsx'}"
    for member in shenzhen.members:
        if member.role is Role.HOST:
            delegation.remove_member(ctx.db, member.id)
    assert menu.write_invitations(trip_id, tmp_path / "x.pdf", "guests", "", each=False) == []
    assert "add the host to the delegation" in shown[-1] and not (tmp_path / "x.pdf").exists()
    menu._update()
    assert all(action.isEnabled() for action in menu.actions() if not action.isSeparator())


@pytest.mark.parametrize("lang", ["en", "de", "zh"])
def test_look_at_the_dialogs(ctx: UiContext, shenzhen: TripView, qtbot: QtBot, lang: str, tmp_path: Path) -> None:
    """Grabs of the visa form, the gift form and the seating dialog in each language (kept where PLANNER_SHOTS says)."""
    language = lang
    ctx.language.set_language(language)
    set_language(language)
    shots = Path(os.environ.get("PLANNER_SHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    eisenschmidt = _member(shenzhen, "Eisenschmidt")
    visa = protocol.trip_visas(ctx.db, shenzhen.trip.id)[eisenschmidt.id]
    form = VisaForm(lambda _d: None, visa, eisenschmidt.person.full_name)
    qtbot.addWidget(form)
    form.show()
    form.grab().save(str(shots / f"visa-{language}.png"))
    gift = protocol.trip_gifts(ctx.db, shenzhen.trip.id)[0]
    gift_form = GiftForm(lambda _d: None, gift, list(shenzhen.members))
    qtbot.addWidget(gift_form)
    gift_form.show()
    gift_form.grab().save(str(shots / f"gift-{language}.png"))
    banquet = next(i for i in shenzhen.items if i.title.en == "Evening banquet hosted by the Shenzhen Municipal Government")
    panel = ProtocolPanel(ctx, banquet, list(shenzhen.members))
    qtbot.addWidget(panel)
    dialog = panel.seating_dialog()
    qtbot.addWidget(dialog)
    dialog.resize(1400, 620)
    dialog.show()
    dialog.view.fitInView(dialog.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    dialog.grab().save(str(shots / f"seating-{language}.png"))
    assert (shots / f"seating-{language}.png").stat().st_size > 0
    dialog.activateWindow()
    dialog.view.setFocus()
    qtbot.waitUntil(dialog.view.hasFocus)
    for key in (Qt.Key.Key_Home, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Right):
        QTest.keyClick(dialog.view, key)  # the chief guest picked up, the frame two chairs on
    assert dialog.picked is not None and dialog.focus_frame is not None and dialog.focus_frame.isVisible()
    dialog.grab().save(str(shots / f"seating-keys-{language}.png"))
    assert len(dialog.seat_items) == 23 and form.status.currentData() == VisaStatus.GRANTED.value


def test_the_seating_plan_fills_its_view_when_shown_and_after_a_resize(ctx: UiContext, shenzhen: TripView, qtbot: QtBot) -> None:
    banquet = next(i for i in shenzhen.items if i.title.en == "Evening banquet hosted by the Shenzhen Municipal Government")
    panel = ProtocolPanel(ctx, banquet, list(shenzhen.members))
    qtbot.addWidget(panel)
    dialog = panel.seating_dialog()
    qtbot.addWidget(dialog)

    def filled() -> float:
        shown = dialog.view.mapFromScene(dialog.scene.sceneRect()).boundingRect()
        viewport = dialog.view.viewport().rect()
        return max(shown.width() / viewport.width(), shown.height() / viewport.height())

    dialog.show()
    qtbot.waitExposed(dialog)
    assert filled() > 0.9  # not a speck in the middle
    dialog.resize(700, 460)
    qtbot.waitUntil(lambda: filled() > 0.9)
    assert dialog.view.mapFromScene(dialog.scene.sceneRect()).boundingRect().width() <= dialog.view.viewport().width() + 2
