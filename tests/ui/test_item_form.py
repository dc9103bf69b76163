"""The programme item form: local times in the item's zone, the domain's messages beside the fields, participants."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.changes import Change
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind, Language
from planner.services import delegation, programme, trips, venues
from planner.ui.models.member_checks import MemberCheckModel
from planner.ui.widgets.item_form import ItemForm
from tests.ui.programme_support import BERLIN, SHANGHAI, Programme, add_item, local, make_programme


def _form(db: Database, trip: Programme, item: ItemData | None = None, qtbot: QtBot=None) -> ItemForm:
    data = trips.get_trip(db, trip.trip_id)
    if item is None:
        start = local("2016-10-25 10:00", data.timezone)
        item = ItemData(trip_id=trip.trip_id, start=start, end=start.replace(hour=start.hour + 1), timezone=data.timezone)
    save = (lambda d: programme.update_item(db, d)) if item.id is not None else (lambda d: programme.create_item(db, d))
    form = ItemForm(save, data, venues.list_venues(db), delegation.list_members(db, trip.trip_id), item, "en")
    if qtbot is not None:
        qtbot.addWidget(form)
    return form


def _set(form: ItemForm, which: str, day: date, hh_mm: str) -> None:
    date_edit, time_edit = (form.start_date, form.start_time) if which == "start" else (form.end_date, form.end_time)
    date_edit.setDate(QDate(day.year, day.month, day.day))
    time_edit.setTime(QTime.fromString(hh_mm, "HH:mm"))


@pytest.fixture
def trip(db: Database) -> Programme:
    return make_programme(db)


def test_a_new_item_starts_where_it_was_asked_for(db: Database, trip: Programme, qtbot: QtBot) -> None:
    form = _form(db, trip, qtbot=qtbot)
    assert form.windowTitle() == "New programme item"
    assert (form.start_date.date().toPython(), form.start_time.time().toString("HH:mm")) == (date(2016, 10, 25), "10:00")
    assert form.end_time.time().toString("HH:mm") == "11:00"
    assert form.timezone.currentText() == SHANGHAI
    assert form.everyone.isChecked() and not form.members_view.isEnabled()
    assert form.participants.checked_ids() == trip.member_ids  # everyone ticked to begin with
    assert not form.other_end_zone.isEnabled()  # only a journey ends in another zone
    assert not form.host.isEnabled()  # no venue, so nobody to host


def test_end_before_start_is_refused_with_the_domains_message(db: Database, trip: Programme, qtbot: QtBot) -> None:
    form = _form(db, trip, qtbot=qtbot)
    form.title.edits[Language.EN].setText("Talks")
    _set(form, "end", date(2016, 10, 25), "09:00")
    form.submit()
    assert form.error_text("end") == "The end must be after the start."
    assert form.error_text("start") == ""
    assert programme.list_items(db, trip.trip_id) == []
    _set(form, "end", date(2016, 10, 25), "12:00")
    assert form.error_text("end") == ""  # editing the field clears its message


def test_a_time_that_does_not_exist_is_named_beside_the_field(db: Database, qtbot: QtBot) -> None:
    trip = make_programme(db, timezone=BERLIN, first=date(2016, 3, 26), last=date(2016, 3, 28))
    form = _form(db, trip, qtbot=qtbot)
    assert form.timezone.currentText() == BERLIN
    _set(form, "start", date(2016, 3, 27), "02:30")
    message = "2016-03-27 02:30 does not exist in Europe/Berlin (clocks change that night)."
    assert form.error_text("start") == message  # at once, before saving
    form.submit()
    assert form.error_text("start") == message
    assert form.error_text("title") == "Title must not be empty."  # every problem at once
    assert programme.list_items(db, trip.trip_id) == []
    _set(form, "start", date(2016, 3, 27), "03:30")
    assert form.error_text("start") == ""
    form.title.edits[Language.DE].setText("Frühstück")
    form.submit()
    (item,) = programme.list_items(db, trip.trip_id)
    # 03:30 summer time is 01:30 UTC; the end moved along and kept the hour.
    assert (item.start, item.end) == (local("2016-03-27 03:30", BERLIN), local("2016-03-27 04:30", BERLIN))


def test_not_everyone_and_nobody_ticked_is_refused(db: Database, trip: Programme, qtbot: QtBot) -> None:
    form = _form(db, trip, qtbot=qtbot)
    form.title.edits[Language.EN].setText("Press talk")
    form.everyone.setChecked(False)
    assert form.members_view.isEnabled()
    form.participants.set_all(False)
    form.submit()
    assert form.error_text("participants") == "Tick at least one participant, or choose everyone."
    assert programme.list_items(db, trip.trip_id) == []


def test_creates_an_item_with_venue_host_and_some_participants(db: Database, trip: Programme, qtbot: QtBot) -> None:
    form = _form(db, trip, qtbot=qtbot)
    form.kind.setCurrentIndex(form.kind.findData(ItemKind.MEAL.value))
    form.title.edits[Language.EN].setText("Working lunch")
    form.title.edits[Language.ZH].setText("工作午餐")
    form.description.edits[Language.EN].setPlainText("Round table\nwith the hosts")
    form.dress_code.edits[Language.EN].setText("Business")
    form.venue.setCurrentIndex(form.venue.findData(trip.venue_id))
    assert [form.host.itemData(i) for i in range(form.host.count())] == [None, *trip.contact_ids]
    form.host.setCurrentIndex(form.host.findData(trip.contact_ids[1]))
    _set(form, "start", date(2016, 10, 26), "12:15")
    assert form.end_time.time().toString("HH:mm") == "13:15"  # the hour came along
    form.everyone.setChecked(False)
    form.participants.set_all(False)
    view = form.participants
    view.setData(view.index(2), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    view.setData(view.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    form.submit()
    assert form.result() == ItemForm.DialogCode.Accepted
    (item,) = programme.list_items(db, trip.trip_id)
    assert item.kind is ItemKind.MEAL and item.title.zh == "工作午餐"
    assert item.description.en == "Round table\nwith the hosts" and item.dress_code.en == "Business"
    assert (item.venue_id, item.host_contact_id) == (trip.venue_id, trip.contact_ids[1])
    assert (item.start, item.end) == (local("2016-10-26 12:15"), local("2016-10-26 13:15"))
    assert not item.everyone and item.participant_ids == (trip.member_ids[0], trip.member_ids[2])
    assert isinstance(form.result_value, Change) and form.result_value.id == item.id


def test_edits_an_item_and_its_participants(db: Database, trip: Programme, qtbot: QtBot) -> None:
    item = add_item(db, trip.trip_id, "2016-10-25 10:50", "2016-10-25 11:20", "Press interview", kind=ItemKind.PRESS,
                    participants=trip.member_ids[:2], venue_id=trip.venue_id, host=trip.contact_ids[0])
    form = _form(db, trip, item, qtbot)
    assert form.windowTitle() == "Edit programme item"
    assert not form.everyone.isChecked() and form.participants.checked_ids() == trip.member_ids[:2]
    assert form.host.currentData() == trip.contact_ids[0]
    assert form.kind.currentData() == "press"
    form.participants.set_checked([trip.member_ids[1]])
    form.title.edits[Language.DE].setText("Pressegespräch")
    _set(form, "end", date(2016, 10, 25), "11:45")
    form.submit()
    edited = programme.get_item(db, item.id)
    assert edited.participant_ids == (trip.member_ids[1],)
    assert edited.title.de == "Pressegespräch" and edited.title.en == "Press interview"
    assert edited.end == local("2016-10-25 11:45") and edited.start == item.start
    assert edited.version is not None and item.version is not None and edited.version > item.version
    # Everyone again: the ticks no longer matter.
    form = _form(db, trip, edited, qtbot)
    form.everyone.setChecked(True)
    form.submit()
    assert programme.get_item(db, item.id).everyone


def test_a_journey_may_end_in_another_zone(db: Database, trip: Programme, qtbot: QtBot) -> None:
    form = _form(db, trip, qtbot=qtbot)
    form.title.edits[Language.EN].setText("Return flight")
    form.kind.setCurrentIndex(form.kind.findData(ItemKind.TRAVEL.value))
    assert form.other_end_zone.isEnabled() and not form.end_timezone.isEnabled()
    _set(form, "start", date(2016, 10, 27), "20:30")
    form.other_end_zone.setChecked(True)
    form.end_timezone.setCurrentText(BERLIN)
    _set(form, "end", date(2016, 10, 28), "06:15")
    form.submit()
    (item,) = programme.list_items(db, trip.trip_id)
    assert (item.timezone, item.end_timezone) == (SHANGHAI, BERLIN)
    assert (item.start, item.end) == (local("2016-10-27 20:30"), local("2016-10-28 06:15", BERLIN))
    # Opened again, the end reads in Berlin time.
    again = _form(db, trip, item, qtbot)
    assert again.other_end_zone.isChecked() and again.end_timezone.currentText() == BERLIN
    assert again.end_time.time().toString("HH:mm") == "06:15"


def test_the_zone_follows_the_venue_until_the_planner_picks_one(db: Database, qtbot: QtBot) -> None:
    trip = make_programme(db, timezone=BERLIN)
    form = _form(db, trip, qtbot=qtbot)
    assert form.timezone.currentText() == BERLIN
    form.venue.setCurrentIndex(form.venue.findData(trip.venue_id))  # a venue in Shenzhen
    assert form.timezone.currentText() == SHANGHAI
    form.venue.setCurrentIndex(0)  # no venue: the trip's zone again
    assert form.timezone.currentText() == BERLIN
    form.timezone.setCurrentText("Asia/Tokyo")  # chosen by hand: it stays
    form.venue.setCurrentIndex(form.venue.findData(trip.venue_id))
    assert form.timezone.currentText() == "Asia/Tokyo"


def test_unknown_venue_and_zone_are_named(db: Database, trip: Programme, qtbot: QtBot) -> None:
    form = _form(db, trip, qtbot=qtbot)
    form.title.edits[Language.EN].setText("Visit")
    form.venue.setEditText("Nowhere Hall")
    form.timezone.setCurrentText("Mars/Olympus")
    form.submit()
    assert form.error_text("venue_id") == "Choose a venue from the list, or “no venue”."
    assert form.error_text("timezone") == "“Mars/Olympus” is not a known time zone (e.g. Asia/Shanghai)."
    assert programme.list_items(db, trip.trip_id) == []


def test_the_member_list_model(db: Database, trip: Programme, qtmodeltester: ModelTester) -> None:
    model = MemberCheckModel(delegation.list_members(db, trip.trip_id))
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r).data() for r in range(model.rowCount())] == [
        "Stephan Weil · Head of delegation", "Xu Qin · Member", "Anna Schmidt · Interpreter",
    ]
    assert model.index(1).data(Qt.ItemDataRole.ToolTipRole) == "Xu Qin (许勤)"
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsUserCheckable
    model.set_checked([trip.member_ids[2], 9999])
    assert model.checked_ids() == (trip.member_ids[2],)
    assert model.index(2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert not model.setData(model.index(0), True, Qt.ItemDataRole.DisplayRole)


def test_the_needs_of_those_attending_are_counted_as_the_ticks_change(db: Database, trip: Programme, qtbot: QtBot) -> None:
    from planner.services import people

    weil, xu, schmidt = (m.person for m in delegation.list_members(db, trip.trip_id))
    people.update_person(db, replace(weil, dietary_needs="vegetarian"))
    people.update_person(db, replace(people.get_person(db, xu.id), dietary_needs="Vegetarian; halal", accessibility_needs="wheelchair"))
    form = _form(db, trip, qtbot=qtbot)
    assert form.needs.text() == "3 guests · dietary: 2 vegetarian and 1 halal · accessibility: 1 wheelchair"
    form.everyone.setChecked(False)
    form.participants.set_all(False)
    form.participants.setData(form.participants.index(2), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert form.needs.text() == "1 guest · no dietary or accessibility needs noted"
    form.participants.setData(form.participants.index(0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert form.needs.text() == "2 guests · dietary: 1 vegetarian"
