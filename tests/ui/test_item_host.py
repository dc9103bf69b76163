"""The item form's host picker: the venue's contacts, then the trip's Hosts, then anyone from the directory; undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, PersonData
from planner.domain.enums import ItemKind, Language, Role
from planner.domain.localized import LocalizedText
from planner.services import delegation, people, programme, trips, venues
from planner.ui.language import LanguageController
from planner.ui.pages.programme import ProgrammePage
from planner.ui.widgets import item_form
from planner.ui.widgets.host_picker import OTHER, HostCombo, PersonPicker, person_key
from planner.ui.widgets.item_form import ItemForm
from tests.ui.programme_support import Programme, add_item, local, make_context, make_programme


@pytest.fixture
def trip(db: Database) -> Programme:
    return make_programme(db)


def _person(db: Database, family: str, given: str, function: str = "", organisation: str = "") -> PersonData:
    return people.create_person(db, PersonData(
        family_name=family, given_name=given, function=LocalizedText(en=function), organisation=LocalizedText(en=organisation),
        phone="+49 511 16840000",
    )).after


@pytest.fixture
def schostok(db: Database, trip: Programme) -> PersonData:
    """The mayor of Hannover, a member of the trip with the role Host."""
    person = _person(db, "Schostok", "Stefan", "Lord Mayor", "City of Hannover")
    delegation.add_member(db, MembershipData(trip_id=trip.trip_id, person_id=person.id, role=Role.HOST))
    return person


def _form(db: Database, trip: Programme, qtbot: QtBot, item: ItemData | None = None) -> ItemForm:
    data = trips.get_trip(db, trip.trip_id)
    if item is None:
        start = local("2016-10-25 10:00")
        item = ItemData(trip_id=trip.trip_id, kind=ItemKind.MEETING, start=start, end=start.replace(hour=11), timezone=data.timezone)
    save = (lambda d: programme.update_item(db, d)) if item.id is not None else (lambda d: programme.create_item(db, d))
    form = ItemForm(
        save, data, venues.list_venues(db), delegation.list_members(db, trip.trip_id), item, "en",
        directory=lambda: people.list_people(db),
    )
    qtbot.addWidget(form)
    return form


def _entries(combo: HostCombo) -> list[tuple[str, object]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_contacts_then_the_trips_hosts_then_other_person(db: Database, trip: Programme, schostok: PersonData, qtbot: QtBot) -> None:
    form = _form(db, trip, qtbot)
    assert form.host.isEnabled()  # no venue, but a person can still host
    assert [d for _t, d in _entries(form.host)] == [None, None, person_key(schostok.id), None, OTHER]
    form.venue.setCurrentIndex(form.venue.findData(trip.venue_id))
    assert _entries(form.host) == [
        ("— no host —", None),
        ("Lin Zhiyuan (林志远) · Protocol", trip.contact_ids[0]),
        ("Zhao Lei (赵磊)", trip.contact_ids[1]),
        ("", None),  # a line between contacts and people
        ("Stefan Schostok · Lord Mayor", person_key(schostok.id)),
        ("", None),
        ("Other person…", OTHER),
    ]
    form.title.edits[Language.EN].setText("Mayors' meeting")
    form.host.setCurrentIndex(form.host.findData(person_key(schostok.id)))
    form.submit()
    assert form.result() == ItemForm.DialogCode.Accepted
    (item,) = programme.list_items(db, trip.trip_id)
    assert (item.host_person_id, item.host_contact_id) == (schostok.id, None)
    # Edited again, the person is shown; a contact replaces them.
    form = _form(db, trip, qtbot, item)
    assert form.host.currentData() == person_key(schostok.id)
    form.host.setCurrentIndex(form.host.findData(trip.contact_ids[1]))
    form.submit()
    edited = programme.get_item(db, item.id)
    assert (edited.host_person_id, edited.host_contact_id) == (None, trip.contact_ids[1])


def test_other_person_picks_from_the_directory(db: Database, trip: Programme, schostok: PersonData, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    weil = _person(db, "Weil", "Stephan", "Minister-President", "Lower Saxony")
    monkeypatch.setattr(HostCombo, "choose_person", lambda _self: weil)
    form = _form(db, trip, qtbot)
    form.title.edits[Language.EN].setText("Reception")
    other = form.host.findData(OTHER)
    form.host.setCurrentIndex(other)
    form.host.activated.emit(other)
    assert form.host.currentData() == person_key(weil.id)
    assert form.host.currentText() == "Stephan Weil · Minister-President"
    form.submit()
    (item,) = programme.list_items(db, trip.trip_id)
    assert item.host_person_id == weil.id
    again = _form(db, trip, qtbot, item)  # not on the trip, found in the directory
    assert again.host.currentText() == "Stephan Weil · Minister-President"
    # Cancelling "Other person…" keeps the host there was.
    monkeypatch.setattr(HostCombo, "choose_person", lambda _self: None)
    other = again.host.findData(OTHER)
    again.host.setCurrentIndex(other)
    again.host.activated.emit(other)
    assert again.host.currentData() == person_key(weil.id)


def test_the_directory_list_filters_as_one_types(db: Database, trip: Programme, schostok: PersonData, qtbot: QtBot) -> None:
    picker = PersonPicker(people.list_people(db), "en")
    qtbot.addWidget(picker)
    rows = picker.proxy.rowCount()
    assert rows == 4  # the three members of make_programme and the mayor
    qtbot.keyClicks(picker.filter, "hannover")  # the organisation counts too
    assert picker.proxy.rowCount() == 1
    assert picker.person() == schostok
    picker.filter.clear()
    qtbot.keyClicks(picker.filter, "nobody")
    assert picker.proxy.rowCount() == 0 and picker.person() is None


def test_choosing_a_person_host_is_undone_and_redone(
    db: Database, trip: Programme, schostok: PersonData, language: LanguageController, settings: QSettings, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = ProgrammePage(make_context(db, language, settings))
    qtbot.addWidget(page)
    item = add_item(db, trip.trip_id, "2016-10-25 10:00", "2016-10-25 11:00", "Mayors' meeting", venue_id=trip.venue_id, host=trip.contact_ids[0])
    page.set_trip(trip.trip_id)

    def exec_(form: ItemForm) -> int:
        form.host.setCurrentIndex(form.host.findData(person_key(schostok.id)))
        form.submit()
        return form.result()

    monkeypatch.setattr(item_form.ItemForm, "exec", exec_)
    assert page.edit_item(item.id) is not None
    assert programme.get_item(db, item.id).host_person_id == schostok.id
    row = page.model._row_of[item.id]  # noqa: SLF001 - the table shows the person as the host
    from planner.ui.models.item_table import HOST

    assert page.model.index(row, HOST).data() == "Stefan Schostok"
    stack = page.ctx.history.stack
    stack.undo()
    undone = programme.get_item(db, item.id)
    assert (undone.host_contact_id, undone.host_person_id) == (trip.contact_ids[0], None)
    stack.redo()
    assert programme.get_item(db, item.id).host_person_id == schostok.id
