"""Keyboard only: every page, the Problems panel and back, and the New item and New person forms, without the mouse.

The keys are c-layout's (issue 15): Ctrl+1..6 bring up the pages in tab order
with the keyboard in the page, Ctrl+7 the Problems panel and Ctrl+0 the trip
list; F6 and Shift+F6 go round trip list → page → Problems panel. Ctrl+Shift+N
opens the New form of the page in front from anywhere in the window, Insert
while the keyboard is in the page. The forms are completed as a user who never
touches the mouse does: typing, Tab, the Alt letters the captions show (read
from the captions, so the test follows whatever letter a form assigns), Space
on check boxes and list rows, Return to save — and Ctrl+Return from a
multi-line box, where Return starts a new line.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import MembershipData, PersonData
from planner.domain.enums import ItemKind, Language, Role
from planner.domain.localized import LocalizedText
from planner.services import delegation, people, programme
from planner.ui.main_window import MainWindow
from planner.ui.mnemonics import mnemonic_of
from planner.ui.pages.delegation import DelegationPage
from planner.ui.pages.programme import ProgrammePage
from planner.ui.widgets.item_form import ItemForm
from planner.ui.widgets.person_form import MemberForm
from tests.ui.conftest import MakeTrip
from tests.ui.walkthrough_support import Walkthrough, activate

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
PAGE_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6)


def _inside(container: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is container or container.isAncestorOf(focus))


def _alt(w: Walkthrough, form: QWidget, field: QWidget, what: str) -> None:
    """Alt + the letter the caption of `field` shows (the caption's buddy is the field or inside it); the focus goes there."""
    captions = [label for label in form.findChildren(QLabel)
                if label.isVisible() and label.buddy() is not None and (label.buddy() is field or field.isAncestorOf(label.buddy()))]
    assert captions, f"no caption for {what}"
    letter = mnemonic_of(captions[0].text())
    assert letter, f"the caption “{captions[0].text()}” shows no Alt letter"
    w.key(Qt.Key(ord(letter)), ALT, f"Alt+{letter}: {what}")
    assert _inside(field), f"Alt+{letter} did not reach {what}"


def test_every_page_the_problems_and_both_forms_from_the_keyboard(
    window: MainWindow, db: Database, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:
    trip_id = make_trip("Visit of the Shenzhen delegation", date(2016, 9, 9), date(2016, 9, 11), country="DE",
                        timezone="Europe/Berlin", head=("Xu", "Qin", "许勤"))
    guo = people.create_person(db, PersonData(family_name="Guo", given_name="Lan", native_name="郭岚")).id
    delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=guo, role=Role.MEMBER))
    window.resize(1280, 760)
    window.show()
    activate(qtbot, window)
    window.refresh(trip_id)
    w = Walkthrough(qtbot, keyboard_only=True).install(monkeypatch)
    window.navigator.view.setFocus()  # where the window starts: the trip list
    assert _inside(window.navigator)

    # --- every page, the Problems panel, and back to the trip list -----------------------------------
    for index, key in enumerate(PAGE_KEYS):
        w.key(key, CTRL, f"Ctrl+{index + 1}")
        assert window.trip_tabs.currentIndex() == index
        assert _inside(window.trip_pages[index]), f"Ctrl+{index + 1}: the keyboard is not in {window.trip_tabs.tabText(index)}"
    w.key(Qt.Key.Key_0, CTRL, "Ctrl+0: back to the trip list")
    assert _inside(window.navigator)
    w.key(Qt.Key.Key_1, CTRL, "Ctrl+1: the Overview")
    assert _inside(window.trip_pages[0])
    w.key(Qt.Key.Key_F6, what="F6: to the Problems panel")
    assert _inside(window.problems) and window.problems.expanded
    w.key(Qt.Key.Key_F6, what="F6: to the trip list")
    assert _inside(window.navigator)
    w.key(Qt.Key.Key_F6, what="F6: into the page")
    assert _inside(window.trip_pages[0])
    w.key(Qt.Key.Key_F6, SHIFT, "Shift+F6: back to the trip list")
    assert _inside(window.navigator)
    w.key(Qt.Key.Key_F6, SHIFT, "Shift+F6: to the Problems panel")
    assert _inside(window.problems)
    w.key(Qt.Key.Key_0, CTRL, "Ctrl+0: the trip list")
    w.key(Qt.Key.Key_7, CTRL, "Ctrl+7: the Problems panel")
    assert _inside(window.problems)
    w.key(Qt.Key.Key_0, CTRL, "Ctrl+0: the trip list")
    assert _inside(window.navigator)

    # --- a new person: the German host, with Ctrl+Shift+N on the Delegation page -----------------------
    def new_person(form: MemberForm) -> None:
        w.type("Schostok", "family name")
        w.key(Qt.Key.Key_Tab, what="to the given name")
        w.type("Stefan", "given name")
        _alt(w, form, form.role, "role")
        w.type("Host", "role (the list finds it as it is typed)")
        assert form.role.currentData() == Role.HOST.value
        w.key(Qt.Key.Key_Return, what="OK")

    w.expect(MemberForm, new_person)
    w.key(Qt.Key.Key_2, CTRL, "Ctrl+2: Delegation")
    assert isinstance(window.trip_tabs.currentWidget(), DelegationPage)
    w.key(Qt.Key.Key_N, CTRL | SHIFT, "Ctrl+Shift+N: New person")
    w.check()
    members = delegation.list_members(db, trip_id)
    assert [(m.person.name, m.role) for m in members] == [("Xu Qin", Role.HEAD), ("Guo Lan", Role.MEMBER), ("Stefan Schostok", Role.HOST)]
    schostok = members[-1].person
    assert (schostok.preferred_language, schostok.nationality) == (Language.DE, "DE")  # the host's side

    # --- a new item: Insert in the Programme page -------------------------------------------------------
    def new_item(form: ItemForm) -> None:
        w.type("Working meeting at Schloss Herrenhausen", "title")
        _alt(w, form, form.kind, "kind")
        w.type("Meeting", "kind (the list finds it as it is typed)")
        _alt(w, form, form.host, "host")
        w.type("Stefan", "host (the trip's Host, found as typed)")
        _alt(w, form, form.start_date, "start")
        w.type_date(form.start_date, date(2016, 9, 10), "day")
        w.key(Qt.Key.Key_Tab, what="to the start time")
        w.type_time(form.start_time, "10:00", "start time")
        _alt(w, form, form.end_date, "end")  # the end day stays: a Tab per part of the date (day, month, year), as in Qt
        for part in ("month", "year", "the end time"):
            w.key(Qt.Key.Key_Tab, what=f"Tab to {part}")
        w.type_time(form.end_time, "11:30", "end time")
        # Who attends: not everyone — Guo Lan stays at the hotel.
        _alt(w, form, form.everyone, "participants")
        assert QApplication.focusWidget() is form.everyone
        w.key(Qt.Key.Key_Space, what="Space: untick Everyone")
        assert not form.everyone.isChecked()
        w.key(Qt.Key.Key_Tab, what="into the list of members")
        assert QApplication.focusWidget() is form.members_view
        rows = [form.participants.index(r).data() for r in range(form.participants.rowCount())]
        target = next(r for r, text in enumerate(rows) if "Guo Lan" in text)
        for _step in range(target - max(form.members_view.currentIndex().row(), 0)):
            w.key(Qt.Key.Key_Down, what="Down")
        w.key(Qt.Key.Key_Space, what="Space: untick Guo Lan")
        _alt(w, form, form.description.current(), "description")
        w.type("Exchange on the partnership of both cities", "description, first line")
        w.key(Qt.Key.Key_Return, what="Return: a new line in the description")
        w.type("Interpreting: consecutive", "description, second line")
        w.key(Qt.Key.Key_Return, CTRL, "Ctrl+Return: OK")

    w.expect(ItemForm, new_item)
    w.key(Qt.Key.Key_3, CTRL, "Ctrl+3: Programme")
    assert isinstance(window.trip_tabs.currentWidget(), ProgrammePage) and _inside(window.trip_tabs.currentWidget())
    w.key(Qt.Key.Key_Insert, what="Insert: New item")
    w.done()
    [item] = programme.list_items(db, trip_id)
    assert item.title == LocalizedText(en="Working meeting at Schloss Herrenhausen")
    assert (item.kind, item.local_start().strftime("%d %H:%M"), item.local_end().strftime("%H:%M")) == (ItemKind.MEETING, "10 10:00", "11:30")
    assert (item.host_person_id, item.host_contact_id) == (schostok.id, None)
    assert not item.everyone and set(item.participant_ids) == {members[0].id, members[2].id}
    assert item.description.en == "Exchange on the partnership of both cities\nInterpreting: consecutive"
    print("\n" + w.report())
