"""The venue directory page and its models, on a real database through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import ContactData, ItemData, TripData, VenueData
from planner.domain.enums import Language, VenueKind
from planner.domain.localized import LocalizedText as L
from planner.services import programme, trips, venues
from planner.ui.language import LanguageController
from planner.ui.models import venue_table as vt
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE
from planner.ui.pages.base import UiContext
from planner.ui.pages.venues import VenuesPage
from planner.ui.undo import UndoHistory
from planner.ui.widgets.venue_form import VenueForm

DISPLAY = Qt.ItemDataRole.DisplayRole


def _hotel(db: Database) -> VenueData:
    return venues.create_venue(db, VenueData(
        name=L(de="InterContinental Shenzhen", zh="深圳华侨城洲际大酒店", en="InterContinental Shenzhen"),
        kind=VenueKind.HOTEL, address_local="广东省深圳市南山区深南大道9009号",
        address_romanised="9009 Shennan Road, Nanshan District", city=L(de="Shenzhen", zh="深圳", en="Shenzhen"),
        country="CN", timezone="Asia/Shanghai", latitude=22.5372, longitude=113.9856, website="https://www.ihg.com",
        contacts=(
            ContactData(name="Li Ying", native_name="李莹", function=L(de="Gruppenreservierungen", en="Group Sales Manager"),
                        phone="+86 755 0000 301", email="li.ying@example.org"),
            ContactData(name="Gao Fei", native_name="高飞", function=L(en="Events Manager")),
        ),
    )).after


def _museum(db: Database) -> VenueData:
    return venues.create_venue(db, VenueData(
        name=L(de="Sprengel Museum Hannover", en="Sprengel Museum Hanover"), kind=VenueKind.MUSEUM,
        city=L(de="Hannover", en="Hanover"), country="DE", timezone="Europe/Berlin",
    )).after


@pytest.fixture
def two_venues(db: Database) -> tuple[VenueData, VenueData]:
    return _hotel(db), _museum(db)


@pytest.fixture
def page(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> VenuesPage:
    history = UndoHistory(db, lambda: None)
    view = VenuesPage(UiContext(history, language, settings, lambda: None))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return view


def _names(page: VenuesPage) -> list[str]:
    return [page.proxy.index(r, vt.NAME).data(DISPLAY) for r in range(page.proxy.rowCount())]


def _fill_and_submit(fill: Callable[[VenueForm], None]) -> Callable[[VenueForm], int]:
    """Stands in for VenueForm.exec: types into the open form, presses OK, returns the dialog's result."""

    def fake_exec(form: VenueForm) -> int:
        fill(form)
        form.submit()
        return form.result()

    return fake_exec


# --- the models ------------------------------------------------------------------------------


def test_venue_model_passes_qt_model_tester(db: Database, two_venues: tuple[VenueData, VenueData], qtmodeltester: ModelTester) -> None:
    model = vt.VenueTableModel(db)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_contact_models_pass_qt_model_tester(two_venues: tuple[VenueData, VenueData], qtmodeltester: ModelTester) -> None:
    hotel, _museum_ = two_venues
    qtmodeltester.check(vt.ContactTableModel(hotel.contacts), force_py=True)
    editable = vt.ContactTableModel(hotel.contacts, editable=True)
    qtmodeltester.check(editable, force_py=True)
    qtmodeltester.check(editable)


def test_venue_model_columns_and_roles(db: Database, two_venues: tuple[VenueData, VenueData]) -> None:
    hotel, museum = two_venues
    model = vt.VenueTableModel(db)
    assert (model.rowCount(), model.columnCount()) == (2, 9)
    row = model.row_of(hotel.id)
    cells = [model.index(row, c).data(DISPLAY) for c in range(model.columnCount())]
    assert cells == [
        "InterContinental Shenzhen", "Hotel", "Shenzhen", "广东省深圳市南山区深南大道9009号",
        "9009 Shennan Road, Nanshan District", "China", "Asia/Shanghai", "Yes", "2",
    ]
    other = model.row_of(museum.id)
    assert model.index(other, vt.COORDINATES).data(DISPLAY) == "No"
    assert model.index(other, vt.CONTACTS).data(DISPLAY) == "0"
    assert not model.index(row, vt.NAME).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(row, vt.KIND).data(KIND_ROLE) == "hotel"
    assert model.index(row, vt.CITY).data(OBJECT_ROLE) == hotel
    assert model.index(row, vt.CONTACTS).data(SORT_ROLE) == 2
    assert "深圳华侨城洲际大酒店" in model.index(row, vt.NAME).data(FILTER_ROLE)
    assert "李莹" in model.index(row, vt.CONTACTS).data(FILTER_ROLE)
    assert model.headerData(vt.ADDRESS_ROMANISED, Qt.Orientation.Horizontal) == "Address (romanised)"


def test_contact_model_edits_one_field_at_a_time(two_venues: tuple[VenueData, VenueData]) -> None:
    hotel, _museum_ = two_venues
    model = vt.ContactTableModel(hotel.contacts, editable=True)
    assert model.index(0, vt.C_FUNCTION).data(DISPLAY) == "Group Sales Manager"
    assert model.index(0, vt.C_FUNCTION_DE).data(DISPLAY) == "Gruppenreservierungen"
    assert model.headerData(vt.C_FUNCTION_ZH, Qt.Orientation.Horizontal) == "Function (Chinese)"
    assert not model.flags(model.index(0, vt.C_FUNCTION)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, vt.C_FUNCTION_ZH), "团队销售经理")
    assert model.setData(model.index(1, vt.C_EMAIL), "gao.fei@example.org")
    first, second = model.contacts()
    assert first.function == L(de="Gruppenreservierungen", zh="团队销售经理", en="Group Sales Manager")
    assert first.id == hotel.contacts[0].id
    assert second.email == "gao.fei@example.org"
    read_only = vt.ContactTableModel(hotel.contacts)
    assert not read_only.setData(read_only.index(0, vt.C_NAME), "x")
    assert read_only.contact(0).name == "Li Ying"


# --- filtering -------------------------------------------------------------------------------


def test_filter_as_you_type_finds_any_language_and_contacts(page: VenuesPage, two_venues: tuple[VenueData, VenueData]) -> None:
    page.reload()
    assert sorted(_names(page)) == ["InterContinental Shenzhen", "Sprengel Museum Hanover"]
    page.search.setText("深圳")
    assert _names(page) == ["InterContinental Shenzhen"]
    page.search.setText("hannover")  # the German city while the interface is English
    assert _names(page) == ["Sprengel Museum Hanover"]
    page.search.setText("li ying")  # a contact finds her venue
    assert _names(page) == ["InterContinental Shenzhen"]
    page.search.setText("germany")
    assert _names(page) == ["Sprengel Museum Hanover"]
    page.search.clear()
    assert page.proxy.rowCount() == 2


def test_kind_filter(page: VenuesPage, two_venues: tuple[VenueData, VenueData]) -> None:
    page.reload()
    assert page.kind_filter.itemText(0) == "All kinds"
    assert page.kind_filter.count() == len(VenueKind) + 1
    assert not page.kind_filter.itemIcon(page.kind_filter.findData("museum")).isNull()
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("museum"))
    assert _names(page) == ["Sprengel Museum Hanover"]
    page.search.setText("shenzhen")  # both filters at once
    assert _names(page) == []
    assert page.current_venue() is None
    assert not page.edit_button.isEnabled()
    page.kind_filter.setCurrentIndex(0)
    assert _names(page) == ["InterContinental Shenzhen"]


def test_selecting_shows_the_details_and_contacts(page: VenuesPage, two_venues: tuple[VenueData, VenueData]) -> None:
    hotel, _museum_ = two_venues
    page.reload()
    assert page.select_venue(hotel.id)
    assert page.details.heading.text() == "InterContinental Shenzhen"
    facts = page.details.facts.text()
    for text in ("广东省深圳市南山区深南大道9009号", "9009 Shennan Road", 'href="https://www.ihg.com"', "22.5372 / 113.9856", "Shenzhen, China"):
        assert text in facts
    contacts = page.details.contacts
    assert contacts.rowCount() == 2
    assert [contacts.index(0, c).data(DISPLAY) for c in vt.DIRECTORY_CONTACT_COLUMNS] == [
        "Li Ying", "李莹", "Group Sales Manager", "+86 755 0000 301", "li.ying@example.org",
    ]
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()


def test_details_follow_the_interface_language(page: VenuesPage, two_venues: tuple[VenueData, VenueData], language: LanguageController) -> None:
    hotel, _museum_ = two_venues
    page.reload()
    page.select_venue(hotel.id)
    language.set_language("zh")
    assert page.details.heading.text() == "深圳华侨城洲际大酒店"
    assert "中国深圳" in page.details.facts.text()
    assert page.model.index(page.model.row_of(hotel.id), vt.NAME).data(DISPLAY) == "深圳华侨城洲际大酒店"


# --- changes ---------------------------------------------------------------------------------


def test_create_a_venue_with_two_contacts_through_the_form(page: VenuesPage, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(form: VenueForm) -> None:
        form.name.edits[Language.DE].setText("EMAX Shenzhen")
        form.name.edits[Language.ZH].setText("深圳市易瞳科技")
        form.kind.setCurrentIndex(form.kind.findData("company"))
        form.country.setCurrentIndex(form.country.findData("CN"))
        form.new_contact()
        form.new_contact()
        model = form.contacts.model
        for row, (name, native, phone) in enumerate((("Li Wei", "李伟", "+86 755 1111 2222"), ("Zhang Min", "张敏", ""))):
            model.setData(model.index(row, vt.C_NAME), name)
            model.setData(model.index(row, vt.C_NATIVE), native)
            model.setData(model.index(row, vt.C_PHONE), phone)
        model.setData(model.index(1, vt.C_FUNCTION_EN), "CEO")

    monkeypatch.setattr(VenueForm, "exec", _fill_and_submit(fill))
    page.new_venue()
    [saved] = venues.list_venues(db)
    assert saved.name.zh == "深圳市易瞳科技"
    assert saved.timezone == "Asia/Shanghai"  # followed the country
    assert [(c.name, c.native_name, c.phone) for c in saved.contacts] == [
        ("Li Wei", "李伟", "+86 755 1111 2222"), ("Zhang Min", "张敏", ""),
    ]
    assert saved.contacts[1].function.en == "CEO"
    assert page.current_venue() is not None and page.current_venue().id == saved.id
    assert page.details.contacts.rowCount() == 2
    assert page.ctx.history.stack.undoText() == "New venue"
    page.ctx.history.stack.undo()
    assert venues.list_venues(db) == []
    assert page.proxy.rowCount() == 0


def test_edit_a_venue_and_undo(page: VenuesPage, db: Database, two_venues: tuple[VenueData, VenueData], monkeypatch: pytest.MonkeyPatch) -> None:
    hotel, _museum_ = two_venues
    page.reload()
    page.select_venue(hotel.id)

    def fill(form: VenueForm) -> None:
        assert form.name.edits[Language.DE].text() == "InterContinental Shenzhen"
        form.name.edits[Language.EN].setText("InterContinental Shenzhen OCT")
        form.contacts.view.selectRow(1)
        form.contacts.remove_selected()

    monkeypatch.setattr(VenueForm, "exec", _fill_and_submit(fill))
    page.edit_venue()
    saved = venues.get_venue(db, hotel.id)
    assert saved.name.en == "InterContinental Shenzhen OCT"
    assert [c.id for c in saved.contacts] == [hotel.contacts[0].id]
    assert page.model.index(page.model.row_of(hotel.id), vt.NAME).data(DISPLAY) == "InterContinental Shenzhen OCT"
    assert page.details.contacts.rowCount() == 1
    page.ctx.history.stack.undo()
    restored = venues.get_venue(db, hotel.id)
    assert restored.name.en == "InterContinental Shenzhen"
    assert [c.name for c in restored.contacts] == ["Li Ying", "Gao Fei"]
    assert page.details.contacts.rowCount() == 2


def test_delete_with_undo_restores_the_contacts_with_their_ids(page: VenuesPage, db: Database, two_venues: tuple[VenueData, VenueData], monkeypatch: pytest.MonkeyPatch) -> None:
    hotel, museum = two_venues
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    page.reload()
    page.select_venue(hotel.id)
    page.delete_venue()
    assert asked == ["Delete the venue “InterContinental Shenzhen” with its 2 contacts? You can undo this."]
    assert [v.id for v in venues.list_venues(db)] == [museum.id]
    assert _names(page) == ["Sprengel Museum Hanover"]
    page.ctx.history.stack.undo()
    restored = venues.get_venue(db, hotel.id)
    assert restored.contacts == hotel.contacts  # same ids, same values
    assert page.model.row_of(hotel.id) >= 0
    page.ctx.history.stack.redo()
    assert [v.id for v in venues.list_venues(db)] == [museum.id]


def test_delete_is_refused_while_programme_items_use_the_venue(page: VenuesPage, db: Database, two_venues: tuple[VenueData, VenueData], monkeypatch: pytest.MonkeyPatch) -> None:
    hotel, _museum_ = two_venues
    trip = trips.create_trip(db, TripData(
        title=L(en="Visit"), timezone="Asia/Shanghai", first_day=date(2016, 10, 24), last_day=date(2016, 10, 27),
    )).id
    programme.create_item(db, ItemData(
        trip_id=trip, title=L(en="Check-in"), timezone="Asia/Shanghai", venue_id=hotel.id,
        start=datetime(2016, 10, 24, 8, tzinfo=UTC), end=datetime(2016, 10, 24, 9, tzinfo=UTC),
    ))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("planner.ui.errors.show_planner_error", lambda _parent, exc, title=None: shown.append(str(exc)))
    page.reload()
    page.select_venue(hotel.id)
    page.delete_venue()
    assert shown == ["This venue is used by 1 programme item; change it first."]
    assert venues.get_venue(db, hotel.id).contacts == hotel.contacts
    assert page.ctx.history.stack.count() == 0
    assert page.current_venue() is not None and page.current_venue().id == hotel.id


def test_declining_the_question_deletes_nothing(page: VenuesPage, db: Database, two_venues: tuple[VenueData, VenueData], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    page.reload()
    page.select_venue(two_venues[0].id)
    page.delete_venue()
    assert len(venues.list_venues(db)) == 2


def test_the_delete_key_on_the_table_deletes(page: VenuesPage, db: Database, two_venues: tuple[VenueData, VenueData], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    page.reload()
    page.select_venue(two_venues[1].id)
    page.activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert [v.id for v in venues.list_venues(db)] == [two_venues[0].id]


def test_the_page_hears_of_changes_made_elsewhere(page: VenuesPage, db: Database) -> None:
    history = page.ctx.history
    assert page.model.rowCount() == 0
    hotel = history.perform("New venue", lambda: venues.create_venue(db, VenueData(name=L(en="Hotel"), kind=VenueKind.HOTEL)))
    assert hotel is not None
    assert page.model.row_of(hotel.id) == 0  # shown at once while the page is visible
    page.hide()
    history.perform("New venue", lambda: venues.create_venue(db, VenueData(name=L(en="Museum"))))
    assert page.model.rowCount() == 1  # a hidden page waits ...
    page.show()
    assert page.model.rowCount() == 2  # ... and reads again when it is shown
    page.set_trip(42)  # the directory is the same for every trip
    assert page.model.rowCount() == 2


def test_enter_on_a_row_opens_the_form_for_it(page: VenuesPage, two_venues: tuple[VenueData, VenueData], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    opened: list[str] = []

    def fake_exec(form: VenueForm) -> int:
        opened.append(form.name.edits[Language.EN].text())
        return VenueForm.DialogCode.Rejected

    monkeypatch.setattr(VenueForm, "exec", fake_exec)
    page.reload()
    page.select_venue(two_venues[1].id)
    page.activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    page.view.setCurrentIndex(page.view.selectionModel().selectedRows()[0])
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened == ["Sprengel Museum Hanover"]
    qtbot.keyClick(page.view, Qt.Key.Key_Insert)
    assert opened == ["Sprengel Museum Hanover", ""]
