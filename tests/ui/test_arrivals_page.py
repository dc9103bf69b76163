"""The arrivals tab: members' own legs in time order, created, edited and deleted by key with undo and redo,
filtered as the planner types; the form names a time that does not exist beside its field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTime
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.domain.vehicles import VehicleData, VehicleKind
from planner.services import people
from planner.services.travel_legs import create_leg, trip_legs
from planner.services.trips import get_trip
from planner.services.vehicles import create_vehicle, delete_vehicle
from planner.ui.language import LanguageController
from planner.ui.mnemonics import mnemonic_of, strip_mnemonic
from planner.ui.pages.logistics_arrivals import ArrivalsPage
from planner.ui.widgets import leg_form
from tests.ui.activation import activate
from tests.ui.programme_support import Programme, make_programme, shown_page

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def page(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> ArrivalsPage:
    return shown_page(ArrivalsPage, db, language, settings, qtbot, (1100, 600))


@pytest.fixture
def trip(db: Database) -> Programme:
    return make_programme(db)


def _fill_with(monkeypatch: pytest.MonkeyPatch, fill: Callable[[leg_form.LegForm], None]) -> list[leg_form.LegForm]:
    """Instead of showing the form: fill it in and press OK, as the planner would; the forms are kept for a look."""
    forms: list[leg_form.LegForm] = []

    def exec_(form: leg_form.LegForm) -> int:
        forms.append(form)
        fill(form)
        form.submit()
        return form.result()

    monkeypatch.setattr(leg_form.LegForm, "exec", exec_)
    return forms


def _landing(trip: Programme, member: int, hour: int, number: str) -> TravelLegData:
    return TravelLegData(membership_id=member, direction=LegDirection.ARRIVAL, number=number,
                         arrival=datetime(2016, 10, 24, hour, tzinfo=UTC), arrival_timezone="Asia/Shanghai")


def _shown(page: ArrivalsPage, column: int) -> list[str]:
    return [page.proxy.index(row, column).data() for row in range(page.proxy.rowCount())]


def test_an_empty_trip_says_what_legs_are_for(page: ArrivalsPage, trip: Programme) -> None:
    page.set_trip(trip.trip_id)
    assert page.page_title() == "Arrivals"
    assert page.empty.isVisible() and "shared flights are programme items" in page.empty.text()
    assert page.new_action.isEnabled() and not page.edit_action.isEnabled()
    page.set_trip(None)
    assert not page.new_action.isEnabled()


def test_new_by_key_then_undo_and_redo(page: ArrivalsPage, trip: Programme, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    page.set_trip(trip.trip_id)
    host = people.create_person(db, PersonData(family_name="Chen", given_name="Jing", native_name="陈静")).after

    def fill(form: leg_form.LegForm) -> None:
        form.member.setCurrentIndex(form.member.findData(trip.member_ids[1]))
        form.number.setText("lh 722")
        form.origin.setText("Frankfurt (FRA)")
        form.departure.known.setChecked(True)
        form.departure.day.setDate(QDate(2016, 10, 23))
        form.departure.clock.setTime(QTime(21, 50))
        form.departure.zone.setCurrentText("Europe/Berlin")
        form.arrival.day.setDate(QDate(2016, 10, 24))
        form.arrival.clock.setTime(QTime(15, 10))
        form.met_by.refill(None, f"person:{host.id}", extra=host)

    forms = _fill_with(monkeypatch, fill)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_N, CTRL_SHIFT)
    [leg] = trip_legs(db, trip.trip_id)
    assert forms[0].arrival.known.isChecked()  # a new arrival asks for its landing first
    assert (leg.number, leg.membership_id, leg.met_by_person_id) == ("LH 722", trip.member_ids[1], host.id)
    assert leg.local_departure().isoformat() == "2016-10-23T21:50:00+02:00"
    assert leg.local_arrival().isoformat() == "2016-10-24T15:10:00+08:00"
    assert not page.empty.isVisible()
    assert _shown(page, 0) == ["24/10/2016 15:10 GMT+8"] and _shown(page, 6) == ["Chen Jing"]
    assert page.selected_ids() == [leg.id]
    stack = page.ctx.history.stack
    assert stack.undoText() == "New travel leg"
    stack.undo()
    assert trip_legs(db, trip.trip_id) == () and page.proxy.rowCount() == 0
    stack.redo()
    assert [x.id for x in trip_legs(db, trip.trip_id)] == [leg.id] and page.proxy.rowCount() == 1


def test_edit_by_enter_and_delete_by_key_each_undone(page: ArrivalsPage, trip: Programme, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    early = create_leg(db, _landing(trip, trip.member_ids[0], 2, "CA 931")).after
    late = create_leg(db, _landing(trip, trip.member_ids[1], 7, "LH 722")).after
    page.set_trip(trip.trip_id)
    assert _shown(page, 3) == ["Flight CA 931", "Flight LH 722"]  # by landing
    page.view.setFocus()
    page.view.selectRow(1)
    _fill_with(monkeypatch, lambda form: form.terminal.setText("T3"))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert [x.terminal for x in trip_legs(db, trip.trip_id)] == ["", "T3"]
    assert page.ctx.history.stack.undoText() == "Edit travel leg"
    page.ctx.history.stack.undo()
    assert [x.terminal for x in trip_legs(db, trip.trip_id)] == ["", ""]

    page.view.selectAll()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert trip_legs(db, trip.trip_id) == ()
    assert page.ctx.history.stack.undoText() == "Delete 2 travel legs"
    page.ctx.history.stack.undo()
    assert [x.id for x in trip_legs(db, trip.trip_id)] == [early.id, late.id]  # the same ids again
    page.ctx.history.stack.redo()
    assert trip_legs(db, trip.trip_id) == ()


def test_the_filter_finds_members_in_any_script_and_the_direction_narrows(page: ArrivalsPage, trip: Programme, db: Database, qtbot: QtBot) -> None:
    create_leg(db, _landing(trip, trip.member_ids[0], 2, "CA 931"))
    create_leg(db, _landing(trip, trip.member_ids[1], 7, "LH 722"))
    create_leg(db, TravelLegData(membership_id=trip.member_ids[1], direction=LegDirection.DEPARTURE, number="LH 723",
                                 departure=datetime(2016, 10, 27, 12, tzinfo=UTC), departure_timezone="Asia/Shanghai"))
    page.set_trip(trip.trip_id)
    qtbot.keyClicks(page.search, "qin")
    assert _shown(page, 3) == ["Flight LH 722", "Flight LH 723"]
    page.search.setText("许勤")  # Chinese comes through an input method, not as key presses
    assert _shown(page, 3) == ["Flight LH 722", "Flight LH 723"]
    page.direction_filter.setCurrentIndex(page.direction_filter.findData(LegDirection.DEPARTURE.value))
    assert _shown(page, 3) == ["Flight LH 723"]
    page.search.clear()
    page.direction_filter.setCurrentIndex(0)
    assert page.proxy.rowCount() == 3


def test_tab_leaves_the_table(page: ArrivalsPage, trip: Programme, db: Database, qtbot: QtBot) -> None:
    create_leg(db, _landing(trip, trip.member_ids[0], 2, "CA 931"))
    page.set_trip(trip.trip_id)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.view


def test_a_time_that_does_not_exist_is_named_beside_its_field(page: ArrivalsPage, trip: Programme, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    page.set_trip(trip.trip_id)

    def fill(form: leg_form.LegForm) -> None:
        form.number.setText("LH 722")
        form.departure.known.setChecked(True)
        form.departure.zone.setCurrentText("Europe/Berlin")
        form.departure.day.setDate(QDate(2016, 3, 27))
        form.departure.clock.setTime(QTime(2, 30))  # the clocks jump from 02:00 to 03:00 that night

    forms = _fill_with(monkeypatch, fill)
    assert page.new_leg() is None
    assert "does not exist in Europe/Berlin" in forms[0].error_text("departure")
    assert trip_legs(db, trip.trip_id) == () and page.ctx.history.stack.count() == 0


def test_the_vehicle_is_chosen_by_keys_shown_with_the_note_and_undone(
    page: ArrivalsPage, trip: Programme, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    car = create_vehicle(db, VehicleData(trip_id=trip.trip_id, label="Car 2", driver_name="Li Zhiqiang")).after
    create_vehicle(db, VehicleData(trip_id=trip.trip_id, label="Coach", kind=VehicleKind.COACH, seats=45))
    leg = create_leg(db, _landing(trip, trip.member_ids[0], 7, "LH 722")).after
    page.set_trip(trip.trip_id)
    page.view.setFocus()
    page.view.selectRow(0)
    seen: list[list[str]] = []

    def fill(form: leg_form.LegForm) -> None:
        form.show()
        activate(qtbot, form)
        caption = next(label for label in form.findChildren(QLabel) if label.buddy() is form.pickup)
        assert "&" in caption.text() and strip_mnemonic(caption.text()) == "Vehicle"
        seen.append([form.pickup.itemText(n) for n in range(form.pickup.count())])
        qtbot.keyClick(form, Qt.Key(ord(mnemonic_of(caption.text()))), Qt.KeyboardModifier.AltModifier)  # its Alt key
        assert QApplication.focusWidget() is form.pickup
        qtbot.keyClick(form.pickup, Qt.Key.Key_Down)  # from "none" to the first car
        form.vehicle.setText("Sign at exit B")

    _fill_with(monkeypatch, fill)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert seen == [["— none —", "Car 2 – Li Zhiqiang", "Coach"]]
    [saved] = trip_legs(db, trip.trip_id)
    assert (saved.id, saved.vehicle_id, saved.vehicle_note) == (leg.id, car.id, "Sign at exit B")
    assert _shown(page, 7) == ["Car 2 – Sign at exit B"]
    page.ctx.history.stack.undo()
    assert trip_legs(db, trip.trip_id)[0].vehicle_id is None and _shown(page, 7) == [""]
    page.ctx.history.stack.redo()
    assert trip_legs(db, trip.trip_id)[0].vehicle_id == car.id
    delete_vehicle(db, car.id)  # elsewhere: the table follows and the pickup is gone
    page.reload()
    assert _shown(page, 7) == ["Sign at exit B"]


def test_a_departure_takes_a_vehicle_to_the_airport_chosen_by_keys_and_undone(
    page: ArrivalsPage, trip: Programme, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    car = create_vehicle(db, VehicleData(trip_id=trip.trip_id, label="Car 2", driver_name="Li Zhiqiang")).after
    leg = create_leg(db, TravelLegData(membership_id=trip.member_ids[0], direction=LegDirection.DEPARTURE, number="LH 723",
                                       departure=datetime(2016, 10, 27, 7, tzinfo=UTC), departure_timezone="Asia/Shanghai")).after
    page.set_trip(trip.trip_id)
    page.view.setFocus()
    page.view.selectRow(0)
    tips: list[str] = []

    def fill(form: leg_form.LegForm) -> None:
        form.show()
        activate(qtbot, form)
        assert form.pickup.isEnabled() and form.met_by.isEnabled()  # a host may see them off; a car takes them
        tips.append(form.pickup.toolTip())
        form.pickup.setFocus()
        qtbot.keyClick(form.pickup, Qt.Key.Key_Down)
        form.vehicle.setText("Pick up at the hotel lobby, 11:30")

    _fill_with(monkeypatch, fill)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert tips == ["The trip's vehicle that takes them to the airport or station; its driver's list then shows the run"]
    [saved] = trip_legs(db, trip.trip_id)
    assert (saved.id, saved.vehicle_id) == (leg.id, car.id)
    assert _shown(page, 7) == ["Car 2, pick-up time not set – Pick up at the hotel lobby, 11:30"]  # the note is no time
    page.ctx.history.stack.undo()
    assert trip_legs(db, trip.trip_id)[0].vehicle_id is None and _shown(page, 7) == [""]


def test_a_journey_during_the_trip_has_no_vehicle_of_the_trip(page: ArrivalsPage, trip: Programme, db: Database) -> None:
    create_vehicle(db, VehicleData(trip_id=trip.trip_id, label="Car 2"))
    leaving = TravelLegData(membership_id=trip.member_ids[0], direction=LegDirection.DEPARTURE, number="LH 723",
                            departure=datetime(2016, 10, 27, 15, tzinfo=UTC), departure_timezone="Asia/Shanghai")
    page.set_trip(trip.trip_id)
    form = leg_form.LegForm(lambda d: d, get_trip(db, trip.trip_id), page.model.members(), leaving, "en", vehicles=page.model.vehicles())
    assert form.pickup.isEnabled() and form.met_by.isEnabled()
    form.direction.setCurrentIndex(form.direction.findData(LegDirection.OTHER.value))
    assert not form.pickup.isEnabled() and form.pickup.toolTip() == "Only an arrival or a departure has a vehicle of the trip"
    form.direction.setCurrentIndex(form.direction.findData(LegDirection.ARRIVAL.value))
    assert form.pickup.isEnabled() and form.met_by.isEnabled()
    form.close()


def test_a_departures_pick_up_time_typed_by_keys_saved_and_undone(
    page: ArrivalsPage, trip: Programme, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Alt+its key to "Pick-up at the hotel", Space ticks it (proposed three hours before the flight), the hour typed
    over, OK; the manifest's time for the driver, on the departure's clock; undo takes it back, redo sets it again."""
    car = create_vehicle(db, VehicleData(trip_id=trip.trip_id, label="Car 2", driver_name="Li Zhiqiang")).after
    leg = create_leg(db, TravelLegData(membership_id=trip.member_ids[0], direction=LegDirection.DEPARTURE, number="LH 723",
                                       departure=datetime(2016, 10, 27, 6, 5, tzinfo=UTC), departure_timezone="Asia/Shanghai",
                                       vehicle_id=car.id)).after
    page.set_trip(trip.trip_id)
    page.view.setFocus()
    page.view.selectRow(0)
    seen: dict[str, object] = {}

    def fill(form: leg_form.LegForm) -> None:
        form.show()
        activate(qtbot, form)
        captions = {label.property("mnemonicHint"): label for label in form.findChildren(QLabel) if label.buddy() is not None}
        seen["captions"] = [strip_mnemonic(captions[f].text()) for f in ("met_by_person_id", "pickup", "vehicle_note")]
        seen["zone"] = form.hotel_pickup.zone.text()
        caption = captions["pickup"]
        qtbot.keyClick(form, Qt.Key(ord(mnemonic_of(caption.text()))), Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is form.hotel_pickup.known
        qtbot.keyClick(form.hotel_pickup.known, Qt.Key.Key_Space)
        seen["proposed"] = form.hotel_pickup.clock.time().toString("HH:mm")
        presses = 0
        while QApplication.focusWidget() is not form.hotel_pickup.clock and presses < 5:  # the date's sections, then the time
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            presses += 1
        assert QApplication.focusWidget() is form.hotel_pickup.clock and presses == 4  # box, day, month, year
        qtbot.keyClicks(form.hotel_pickup.clock, "10")  # 10:05, an hour earlier than proposed

    _fill_with(monkeypatch, fill)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert seen == {"captions": ["Seen off by", "Pick-up at the hotel", "Note for the driver"], "zone": "Asia/Shanghai",
                    "proposed": "11:05"}
    [saved] = trip_legs(db, trip.trip_id)
    assert saved.id == leg.id and saved.local_pickup() is not None
    assert saved.local_pickup().isoformat() == "2016-10-27T10:05:00+08:00"
    assert _shown(page, 7) == ["Car 2, pick-up 10:05"]
    assert page.ctx.history.stack.undoText() == "Edit travel leg"
    page.ctx.history.stack.undo()
    assert trip_legs(db, trip.trip_id)[0].pickup is None and _shown(page, 7) == ["Car 2, pick-up time not set"]
    page.ctx.history.stack.redo()
    assert trip_legs(db, trip.trip_id)[0].pickup == datetime(2016, 10, 27, 2, 5, tzinfo=UTC)
    assert _shown(page, 7) == ["Car 2, pick-up 10:05"]


def test_the_rows_read_as_the_direction_chosen_each_with_its_own_alt_key(page: ArrivalsPage, trip: Programme, db: Database,
                                                                         qtbot: QtBot) -> None:
    landing = _landing(trip, trip.member_ids[0], 7, "LH 722")
    page.set_trip(trip.trip_id)
    form = leg_form.LegForm(lambda d: d, get_trip(db, trip.trip_id), page.model.members(), landing, "en", vehicles=page.model.vehicles())
    form.show()
    activate(qtbot, form)

    def captions() -> dict[str, str]:
        return {str(label.property("mnemonicHint")): label.text() for label in form.findChildren(QLabel)
                if label.buddy() is not None and label.isVisible()}

    shown = captions()
    assert [strip_mnemonic(shown[f]) for f in ("met_by_person_id", "vehicle_note")] == ["Met by", "Note for the pickup"]
    assert not form.hotel_pickup.isEnabled() and form.hotel_pickup.toolTip() == "Only a departure has a pick-up at the hotel"
    qtbot.keyClick(form, Qt.Key(ord(mnemonic_of(shown["direction"]))), Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is form.direction
    qtbot.keyClick(form.direction, Qt.Key.Key_Down)  # Arriving → Leaving
    shown = captions()
    assert [strip_mnemonic(shown[f]) for f in ("met_by_person_id", "vehicle_note")] == ["Seen off by", "Note for the driver"]
    assert form.hotel_pickup.isEnabled() and form.vehicle.placeholderText() == "e.g. luggage in the lobby at 10:45"
    keys = [mnemonic_of(text) for text in shown.values()]
    assert all(keys) and len(set(keys)) == len(keys)  # every caption its own Alt key, the new words too
    form.close()
