"""Paste names into the Delegation page: Ctrl+V (or Paste names…) shows the import preview and adds the people as one step."""

from __future__ import annotations

import warnings
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import MembershipData, PersonData
from planner.domain.enums import Language, Role
from planner.domain.localized import LocalizedText
from planner.services import delegation, people
from planner.ui.main_window import MainWindow
from planner.ui.pages.delegation import DelegationPage
from planner.ui.widgets.member_import_dialog import MemberImportDialog
from tests.ui.conftest import MakeTrip

MAIL = "Xu Qin 许勤, Bürgermeister der Stadt Shenzhen\n李晓红\nZhao Minghui 赵明辉, Stellvertretender Generalsekretär, Stadtregierung Shenzhen\n"


@pytest.fixture
def visit(db: Database, make_trip: MakeTrip) -> int:
    """The Shenzhen delegation's visit to Hannover, with its German host already on the list."""
    trip_id = make_trip("Visit of the Shenzhen delegation", date(2016, 9, 9), date(2016, 9, 11), country="DE", timezone="Europe/Berlin")
    host = people.create_person(db, PersonData(family_name="Schostok", given_name="Stefan", nationality="DE", preferred_language=Language.DE)).id
    delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=host, role=Role.HOST))
    return trip_id


def _page(window: MainWindow, trip_id: int, qtbot: QtBot) -> DelegationPage:
    window.refresh(trip_id)
    page = next(p for p in window.trip_pages if isinstance(p, DelegationPage))
    window.trip_tabs.setCurrentWidget(page)
    window.show()
    window.activateWindow()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)
    return page


def test_ctrl_v_in_the_list_previews_the_names_and_adds_them_as_one_undo_step(
    window: MainWindow, db: Database, visit: int, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:
    known = people.create_person(db, PersonData(family_name="Zhao", given_name="Minghui", native_name="赵明辉", nationality="CN")).after
    page = _page(window, visit, qtbot)
    QGuiApplication.clipboard().setText(MAIL)
    seen: list[str] = []

    def look_and_import(dialog: MemberImportDialog) -> int:
        seen.append(dialog.windowTitle())
        assert dialog.heading.text() == "Pasted names for “Visit of the Shenzhen delegation”\nPasted text · 3 rows"
        assert [r.person.full_name for r in dialog.preview.rows] == ["Xu Qin (许勤)", "李晓红", "Zhao Minghui (赵明辉)"]
        assert not dialog.import_button.isEnabled()  # Zhao is in the directory already: merge, or import as new
        dialog.merge_button.click()
        assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Import 3 rows"
        dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(MemberImportDialog, "exec", look_and_import)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["Paste names"]
    members = delegation.list_members(db, visit)
    assert [(m.person.name, m.role) for m in members] == [
        ("Stefan Schostok", Role.HOST), ("Xu Qin", Role.MEMBER), ("李晓红", Role.MEMBER), ("Zhao Minghui", Role.MEMBER),
    ]
    xu = members[1].person
    assert (xu.function, xu.preferred_language) == (LocalizedText(de="Bürgermeister der Stadt Shenzhen"), Language.ZH)
    assert members[3].person.id == known.id  # merged, not a second Zhao
    assert {m.id for m in page.selected_members()} == {m.id for m in members[1:]}
    stack = window.history.stack
    assert stack.count() == 1 and stack.undoText() == "Import 3 members"
    stack.undo()
    assert [m.person.family_name for m in delegation.list_members(db, visit)] == ["Schostok"]
    stack.redo()
    assert len(delegation.list_members(db, visit)) == 4


def test_pasted_names_take_the_nationality_of_the_guests_already_there(
    window: MainWindow, db: Database, visit: int, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:
    head = people.create_person(db, PersonData(family_name="Xu", given_name="Qin", nationality="CN", preferred_language=Language.ZH)).id
    delegation.add_member(db, MembershipData(trip_id=visit, person_id=head, role=Role.HEAD))
    page = _page(window, visit, qtbot)
    monkeypatch.setattr(MemberImportDialog, "exec", lambda dialog: (dialog.import_rows(), dialog.result())[1])
    assert page.paste_action.text() == "Paste names…" and page.paste_action.isEnabled()
    page.paste_names("Ma\tJun\t马骏\tDeputy Director\n")
    ma = delegation.list_members(db, visit)[-1].person
    assert (ma.full_name, ma.nationality, ma.preferred_language, ma.function) == ("Ma Jun (马骏)", "CN", Language.ZH, LocalizedText(en="Deputy Director"))


def test_a_clipboard_without_names_gives_one_message_and_no_preview(
    window: MainWindow, visit: int, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:
    page = _page(window, visit, qtbot)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a, **k: messages.append(text)))
    monkeypatch.setattr(MemberImportDialog, "exec", lambda _d: pytest.fail("no preview without names"))
    QGuiApplication.clipboard().setText("   \n")
    page.paste_action.trigger()
    assert messages == ["The pasted text holds no names."]
