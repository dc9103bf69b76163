"""The People page: the directory across trips, masked passports, new/edit/delete with undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import MembershipData, PersonData
from planner.domain.enums import Language
from planner.domain.errors import NotFoundError
from planner.domain.localized import LocalizedText
from planner.services import delegation, people
from planner.ui.language import LanguageController
from planner.ui.models import person_table as pt
from planner.ui.models.person_table import PersonTableModel, mask_passport
from planner.ui.models.roles import FILTER_ROLE, OBJECT_ROLE
from planner.ui.pages.base import UiContext
from planner.ui.pages.people import PeoplePage
from planner.ui.undo import UndoHistory
from planner.ui.widgets.person_form import PersonForm
from tests.ui.conftest import MakeTrip
from tests.ui.activation import activate as _activate

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text, *a, **k: texts.append(text)))
    return texts


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Say Yes to every question; the questions asked are kept."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.fixture
def ctx(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> UiContext:
    return UiContext(UndoHistory(db, lambda: None), language, settings, lambda: None)


@pytest.fixture
def directory(db: Database, make_trip: MakeTrip) -> dict[str, int]:
    """Three people; Xu is on a trip, the others only in the directory."""
    ids = {
        "Xu": people.create_person(db, PersonData(
            family_name="Xu", given_name="Qin", native_name="许勤", preferred_language=Language.ZH,
            organisation=LocalizedText(de="Stadtregierung Shenzhen", zh="深圳市人民政府", en="Shenzhen government"),
            passport_number="E12345678", passport_expiry=date(2027, 3, 1),
        )).id,
        "Özdemir": people.create_person(db, PersonData(family_name="Özdemir", given_name="Cem", email="cem@example.org", phone="+49 30 1234")).id,
        "Albers": people.create_person(db, PersonData(family_name="Albers", given_name="Nina", passport_number="C18")).id,
    }
    trip = make_trip("Shenzhen")
    delegation.add_member(db, MembershipData(trip_id=trip, person_id=ids["Xu"]))
    return ids


@pytest.fixture
def page(ctx: UiContext, directory: dict[str, int], qtbot: QtBot) -> PeoplePage:
    widget = PeoplePage(ctx)
    qtbot.addWidget(widget)
    widget.set_trip(None)
    return widget


def _families(page: PeoplePage) -> list[str]:
    return [page.proxy.index(row, pt.FAMILY).data(DISPLAY) for row in range(page.proxy.rowCount())]


def _passport(page: PeoplePage, person_id: int) -> str:
    return page.model.index(page.model.row_of(person_id), pt.PASSPORT).data(DISPLAY)


# --- the model -------------------------------------------------------------------------------


def test_person_model_passes_qt_model_tester(db: Database, directory: dict[str, int], qtmodeltester: ModelTester) -> None:
    model = PersonTableModel(db)
    qtmodeltester.check(model, force_py=True)
    model.set_passports_shown(True)
    model.set_unavailable([directory["Xu"]], "Already in this delegation")
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_columns_and_order(page: PeoplePage, directory: dict[str, int]) -> None:
    assert _families(page) == ["Albers", "Özdemir", "Xu"]  # Ö files under O
    model = page.model
    xu = model.row_of(directory["Xu"])
    assert [model.index(xu, c).data(DISPLAY) for c in (pt.FAMILY, pt.GIVEN, pt.NATIVE, pt.ORGANISATION, pt.LANGUAGE)] == [
        "Xu", "Qin", "许勤", "Shenzhen government", "Chinese",
    ]
    cem = model.row_of(directory["Özdemir"])
    assert (model.index(cem, pt.EMAIL).data(DISPLAY), model.index(cem, pt.PHONE).data(DISPLAY)) == ("cem@example.org", "+49 30 1234")
    assert model.index(xu, pt.FAMILY).data(OBJECT_ROLE).id == directory["Xu"]
    assert model.headerData(pt.PASSPORT, Qt.Orientation.Horizontal) == "Passport no."
    assert page.count.text() == "3 people"


def test_passport_numbers_are_masked_until_shown(page: PeoplePage, directory: dict[str, int]) -> None:
    assert mask_passport("E12345678") == "••••••5678"
    assert mask_passport("C18") == "••••••"
    assert mask_passport("") == ""
    assert _passport(page, directory["Xu"]) == "••••••5678"
    page.search.setText("E1234")
    assert _families(page) == []  # a hidden number cannot be found digit by digit either
    page.show_passports.setChecked(True)
    assert _passport(page, directory["Xu"]) == "E12345678"
    assert _families(page) == ["Xu"]
    row = page.model.row_of(directory["Xu"])
    assert page.model.index(row, pt.PASSPORT).data(Qt.ItemDataRole.ToolTipRole) == "Valid until 1 March 2027"
    page.show_passports.setChecked(False)
    assert _passport(page, directory["Xu"]) == "••••••5678"
    assert page.model.index(row, pt.PASSPORT).data(FILTER_ROLE) == ""


def test_filter_as_you_type_across_languages_and_accents(page: PeoplePage) -> None:
    page.search.setText("深圳")
    assert _families(page) == ["Xu"]
    page.search.setText("ozdemir")
    assert _families(page) == ["Özdemir"]
    assert page.count.text() == "1 of 3 shown"
    page.search.setText("example.org")
    assert _families(page) == ["Özdemir"]


def test_the_search_keys_are_the_folded_filter_texts_of_every_column(page: PeoplePage) -> None:
    """What the proxy takes in one call is what it would read cell by cell."""
    from planner.formatting import fold

    model = page.model
    by_cells = [
        fold(" ".join(model.index(row, column).data(FILTER_ROLE) for column in range(model.columnCount())))
        for row in range(model.rowCount())
    ]
    assert model.search_keys() == by_cells
    page.show_passports.setChecked(True)
    assert model.search_keys() != by_cells and any("e12345678" in key for key in model.search_keys())


def test_typing_on_and_back_finds_the_same_as_typing_afresh(page: PeoplePage, directory: dict[str, int]) -> None:
    """A word typed on looks only at the rows still shown; deleting letters, a new word or a change looks at all."""
    typed = ["s", "sh", "she", "shen", "shenzhen", "shenzhen gov", "shen", "", "c", "ce", "cem", "ozdemir cem", "o"]
    on_the_way = []
    for text in typed:
        page.search.setText(text)
        on_the_way.append(_families(page))
    afresh = []
    for text in typed:
        page.search.setText("")
        page.search.setText(text)
        afresh.append(_families(page))
    assert on_the_way == afresh
    assert on_the_way[4] == ["Xu"] and on_the_way[11] == ["Özdemir"]
    page.search.setText("e1234")
    assert _families(page) == []
    page.show_passports.setChecked(True)  # the model's cells change: the rows are decided again
    assert _families(page) == ["Xu"]
    page.search.setText("e12345")
    assert _families(page) == ["Xu"]


# --- new, edit, delete -----------------------------------------------------------------------


def test_new_person_from_the_page_with_undo_and_redo(db: Database, ctx: UiContext, page: PeoplePage, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(form: PersonForm) -> int:
        form.family_name.setText("Bauer")
        form.given_name.setText("Katrin")
        form.email.setText("katrin")
        form.submit()
        assert form.error_text("email") == "“katrin” is not a valid e-mail address."
        form.email.setText("katrin@example.org")
        form.submit()
        return form.result()

    monkeypatch.setattr(PersonForm, "exec", fill)
    page.search.setText("zzz")
    page.new_person()
    assert page.search.text() == ""  # the filter is cleared so the new person shows
    assert [p.family_name for p in page.selected_people()] == ["Bauer"]
    new_id = page.selected_people()[0].id
    assert ctx.history.stack.undoText() == "New person"
    ctx.history.stack.undo()
    assert "Bauer" not in _families(page)
    ctx.history.stack.redo()
    assert people.get_person(db, new_id).email == "katrin@example.org"
    assert "Bauer" in _families(page)


def test_edit_with_the_keyboard_and_undo(db: Database, ctx: UiContext, page: PeoplePage, directory: dict[str, int], monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    def edit(form: PersonForm) -> int:
        assert form.family_name.text() == "Albers"
        form.function.edits[Language.DE].setText("Projektassistentin")
        form.submit()
        return form.result()

    monkeypatch.setattr(PersonForm, "exec", edit)
    page.select_people([directory["Albers"]])
    assert page.edit_action.isEnabled()
    page.show()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Return opens the selected person, as a double-click does
    assert people.get_person(db, directory["Albers"]).function.de == "Projektassistentin"
    assert [p.id for p in page.selected_people()] == [directory["Albers"]]  # still selected after the reload
    assert ctx.history.stack.undoText() == "Edit Nina Albers"
    ctx.history.stack.undo()
    assert people.get_person(db, directory["Albers"]).function.de == ""


def test_saving_an_unchanged_person_records_nothing(ctx: UiContext, page: PeoplePage, directory: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    def keep(form: PersonForm) -> int:
        form.submit()
        return form.result()

    monkeypatch.setattr(PersonForm, "exec", keep)
    page.select_people([directory["Xu"]])
    page.edit_person()
    assert ctx.history.stack.count() == 0


def test_delete_is_refused_for_a_person_on_a_trip(
    db: Database, ctx: UiContext, page: PeoplePage, directory: dict[str, int], answer: list[str], shown: list[str]
) -> None:
    page.select_people([directory["Xu"]])
    page.delete_action.trigger()
    assert answer == ["Delete Xu Qin (许勤) from the people directory?"]
    assert shown == ["Xu Qin takes part in 1 trip; remove them from its delegation first."]
    assert people.get_person(db, directory["Xu"]).family_name == "Xu"
    assert ctx.history.stack.count() == 0


def test_delete_several_in_one_undo_step_the_refused_one_stays(
    db: Database, ctx: UiContext, page: PeoplePage, directory: dict[str, int], answer: list[str], shown: list[str], qtbot: QtBot
) -> None:
    page.view.selectAll()
    _activate(qtbot, page)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert answer == ["Delete these 3 people from the people directory?"]
    assert len(shown) == 1 and "Xu Qin takes part in 1 trip;" in shown[0]
    assert _families(page) == ["Xu"]
    stack = ctx.history.stack
    assert stack.count() == 1 and stack.undoText() == "Delete 3 people"
    stack.undo()
    assert _families(page) == ["Albers", "Özdemir", "Xu"]
    assert people.get_person(db, directory["Özdemir"]).email == "cem@example.org"  # the same record, the same id
    stack.redo()
    with pytest.raises(NotFoundError):
        people.get_person(db, directory["Albers"])


def test_no_answer_deletes_nothing(db: Database, page: PeoplePage, directory: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.No))
    page.select_people([directory["Albers"]])
    page.delete_people()
    assert people.get_person(db, directory["Albers"]).family_name == "Albers"


def test_the_directory_follows_the_database(page: PeoplePage, ctx: UiContext, tmp_path: Path) -> None:
    from planner.db.engine import open_database

    other = open_database(tmp_path / "other.sqlite")
    try:
        people.create_person(other, PersonData(family_name="Nowak"))
        ctx.history.set_database(other)
        page.database_changed()
        assert _families(page) == ["Nowak"]
    finally:
        other.close()


def test_export_and_erase_personal_data(qtbot: QtBot, db: Database, language: LanguageController, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from planner.domain.entities import PersonData
    from planner.services import people as people_service
    from planner.services.privacy import is_erased
    from planner.ui.pages.base import UiContext
    from planner.ui.pages.people import PeoplePage
    from planner.ui.undo import UndoHistory

    person = people_service.create_person(db, PersonData(family_name="Wehrmann", given_name="Jonas", passport_number="C15SAMPLE")).id
    history = UndoHistory(db, lambda: None)
    page = PeoplePage(UiContext(history, language, settings, lambda: None))
    qtbot.addWidget(page)
    page.reload()
    page.select_people([person])
    target = tmp_path / "report.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export_personal_data()
    assert json.loads(target.read_text(encoding="utf-8"))["person"]["passport_number"] == "C15SAMPLE"

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.checkBox().text()) or QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a: told.append(text))
    page.erase_person()
    assert asked == ["Also erase them from the backups of this database"]
    assert is_erased(people_service.get_person(db, person))
    assert history.stack.count() == 0


def test_a_trip_switch_does_not_read_the_directory_again(page: PeoplePage, db: Database, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    read = page._read
    monkeypatch.setattr(page, "_read", lambda: (reads.append(1), read()))
    other = make_trip("Hannover")
    page.set_trip(other)
    page.set_trip(None)
    assert reads == []  # the directory is the same for every trip
    page.ctx.history.perform("New person", lambda: people.create_person(db, PersonData(family_name="Berg", given_name="Ida")))
    assert reads == [1]  # a change of people is read
    assert "Berg" in _families(page)
