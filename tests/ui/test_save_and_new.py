"""Save and new in the record forms: each record its own undo step, the form cleared but for what the next one shares."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.enums import Language, Role
from planner.domain.localized import LocalizedText
from planner.services import delegation, people, programme, venues
from planner.ui.language import LanguageController
from planner.ui.pages.base import UiContext
from planner.ui.pages.delegation import DelegationPage
from planner.ui.pages.people import PeoplePage
from planner.ui.pages.programme import ProgrammePage
from planner.ui.pages.venues import VenuesPage
from planner.ui.widgets.form import RecordForm
from planner.ui.widgets.item_form import ItemForm
from planner.ui.widgets.person_form import MemberForm, PersonForm
from planner.ui.widgets.venue_form import VenueForm
from tests.ui.conftest import MakeTrip
from tests.ui.programme_support import BERLIN, local, make_context, make_programme


@pytest.fixture
def ctx(db: Database, language: LanguageController, settings: QSettings) -> UiContext:
    return make_context(db, language, settings)


def _drive(monkeypatch: pytest.MonkeyPatch, form_class: type[RecordForm], script: Callable[..., None], qtbot: QtBot) -> None:
    """Replace the form's modal exec by `script`, run on the shown form as a user would."""

    def exec_(form: RecordForm) -> int:
        qtbot.addWidget(form)  # closed after the test: a form left open would keep later tests' keys
        form.show()
        form.activateWindow()
        with warnings.catch_warnings():  # the offscreen platform may keep another window active
            warnings.simplefilter("ignore", DeprecationWarning)
            QApplication.setActiveWindow(form)
        script(form)
        return form.result()

    monkeypatch.setattr(form_class, "exec", exec_)


def _save_and_new(qtbot: QtBot, form: RecordForm) -> None:
    """Ctrl+Shift+Return in whatever field has the focus."""
    target = QApplication.focusWidget() or form
    qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_delegation_members_in_a_row_keep_organisation_language_and_nationality(
    db: Database, ctx: UiContext, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:
    trip_id = make_trip("Visit to Hannover", date(2016, 9, 9), date(2016, 9, 11), country="DE", timezone=BERLIN)
    page = DelegationPage(ctx)
    qtbot.addWidget(page)
    page.set_trip(trip_id)
    seen: dict[str, object] = {}

    def script(form: MemberForm) -> None:
        assert form.save_new_button is not None and form.save_new_button.isVisible()
        # A visit to Germany planned in English: the first guest's country is not known yet.
        assert form.language_and_nationality() == (Language.EN, "")
        qtbot.keyClicks(form.family_name, "Xu")
        qtbot.keyClicks(form.given_name, "Qin")
        form.role.setCurrentIndex(form.role.findData(Role.HEAD.value))
        form.organisation.edits[Language.DE].setText("Stadtregierung Shenzhen")
        form.function.edits[Language.DE].setText("Bürgermeister")
        form.set_language_and_nationality(Language.ZH, "CN")
        _save_and_new(qtbot, form)
        assert form.isVisible() and form.family_name.text() == "" and form.function.value().is_empty()
        assert form.organisation.value().de == "Stadtregierung Shenzhen"
        assert form.language_and_nationality() == (Language.ZH, "CN")
        assert form.role.currentData() == Role.MEMBER.value  # one head per delegation
        assert form.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Close"
        assert QApplication.focusWidget() is form.family_name
        qtbot.keyClicks(form.family_name, "Zhao")
        qtbot.keyClicks(form.given_name, "Minghui")
        form.save_new_button.click()
        # The host comes from the destination: German, Germany, whatever the guests are.
        qtbot.keyClicks(form.family_name, "Schostok")
        qtbot.keyClicks(form.given_name, "Stefan")
        form.role.setCurrentIndex(form.role.findData(Role.HOST.value))
        seen["host side"] = form.language_and_nationality()
        form.organisation.set_value(LocalizedText(de="Landeshauptstadt Hannover"))
        form.submit()

    _drive(monkeypatch, MemberForm, script, qtbot)
    page.new_person()
    assert seen["host side"] == (Language.DE, "DE")
    members = delegation.list_members(db, trip_id)
    assert [(m.person.family_name, m.role, m.person.preferred_language, m.person.nationality) for m in members] == [
        ("Xu", Role.HEAD, Language.ZH, "CN"), ("Zhao", Role.MEMBER, Language.ZH, "CN"), ("Schostok", Role.HOST, Language.DE, "DE"),
    ]
    assert members[1].person.organisation.de == "Stadtregierung Shenzhen"
    assert {m.id for m in page.selected_members()} == {m.id for m in members}
    stack = ctx.history.stack
    assert [stack.text(i) for i in range(stack.count())] == ["New member Qin Xu", "New member Minghui Zhao", "New member Stefan Schostok"]
    stack.undo()
    assert [m.person.family_name for m in delegation.list_members(db, trip_id)] == ["Xu", "Zhao"]
    stack.redo()
    assert len(delegation.list_members(db, trip_id)) == 3


def test_a_refused_record_keeps_the_form_as_typed(
    db: Database, ctx: UiContext, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:
    page = PeoplePage(ctx)
    qtbot.addWidget(page)

    def script(form: PersonForm) -> None:
        qtbot.keyClicks(form.given_name, "Anna")
        assert form.submit_and_new() is False
        assert form.error_text("family_name") == "Family name must not be empty." and form.given_name.text() == "Anna"
        qtbot.keyClicks(form.family_name, "Meyer")
        form.email.setText("anna@example.org")
        form.nationality.setCurrentIndex(form.nationality.findData("DE"))
        _save_and_new(qtbot, form)
        assert (form.given_name.text(), form.email.text(), form.nationality.currentData()) == ("", "", "DE")
        form.reject()  # Close: what was saved stays

    _drive(monkeypatch, PersonForm, script, qtbot)
    page.new_person()
    [anna] = people.list_people(db)
    assert (anna.full_name, anna.nationality) == ("Anna Meyer", "DE")
    assert [p.id for p in page.selected_people()] == [anna.id]
    assert ctx.history.stack.count() == 1


def test_venues_in_a_row_keep_city_country_and_zone(db: Database, ctx: UiContext, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    page = VenuesPage(ctx)
    qtbot.addWidget(page)

    def script(form: VenueForm) -> None:
        form.name.edits[Language.EN].setText("Herrenhausen Palace")
        form.city.set_value(LocalizedText(de="Hannover", zh="汉诺威", en="Hanover"))
        form.country.setCurrentIndex(form.country.findData("DE"))
        form.address_local.setPlainText("Herrenhäuser Straße 5, 30419 Hannover")
        _save_and_new(qtbot, form)
        assert form.name.value().is_empty() and form.address_local.toPlainText() == ""
        assert (form.city.value().zh, form.country.currentData(), form.timezone.currentText()) == ("汉诺威", "DE", BERLIN)
        form.name.edits[Language.EN].setText("New Town Hall")
        form.submit()

    _drive(monkeypatch, VenueForm, script, qtbot)
    page.new_venue()
    listed = sorted((v.name.en, v.city.de, v.country) for v in venues.list_venues(db))
    assert listed == [("Herrenhausen Palace", "Hannover", "DE"), ("New Town Hall", "Hannover", "DE")]
    assert page.current_venue() is not None and page.current_venue().name.en == "New Town Hall"
    assert ctx.history.stack.count() == 2


def test_the_next_item_starts_where_the_last_ended_at_the_same_venue(
    db: Database, ctx: UiContext, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:
    trip = make_programme(db)
    page = ProgrammePage(ctx)
    qtbot.addWidget(page)
    page.set_trip(trip.trip_id)

    def script(form: ItemForm) -> None:
        form.title.edits[Language.EN].setText("Meeting with the mayor")
        form.venue.setCurrentIndex(form.venue.findData(trip.venue_id))
        form.host.setCurrentIndex(form.host.findData(trip.contact_ids[0]))
        form.everyone.setChecked(False)
        form.participants.set_checked(trip.member_ids[:2])
        form.start_time.setTime(form.start_time.time().fromString("10:00", "HH:mm"))
        form.end_time.setTime(form.end_time.time().fromString("11:30", "HH:mm"))
        _save_and_new(qtbot, form)
        assert form.title.value().is_empty()
        assert (form.start_time.time().toString("HH:mm"), form.end_time.time().toString("HH:mm")) == ("11:30", "12:30")
        assert (form.venue.currentData(), form.host.currentData()) == (trip.venue_id, trip.contact_ids[0])
        assert form.participants.checked_ids() == trip.member_ids[:2]
        form.title.edits[Language.EN].setText("Press statement")
        form.submit()

    _drive(monkeypatch, ItemForm, script, qtbot)
    change = page.new_item(local("2016-10-25 09:00"))
    items = sorted(programme.list_items(db, trip.trip_id), key=lambda i: i.start)
    assert [(i.title.en, i.start, i.end, i.venue_id, i.participant_ids) for i in items] == [
        ("Meeting with the mayor", local("2016-10-25 10:00"), local("2016-10-25 11:30"), trip.venue_id, trip.member_ids[:2]),
        ("Press statement", local("2016-10-25 11:30"), local("2016-10-25 12:30"), trip.venue_id, trip.member_ids[:2]),
    ]
    assert change is not None and change.id == items[1].id
    stack = ctx.history.stack
    assert stack.count() == 2
    stack.undo()
    assert [i.title.en for i in programme.list_items(db, trip.trip_id)] == ["Meeting with the mayor"]


def test_editing_offers_no_save_and_new(db: Database, ctx: UiContext, qtbot: QtBot) -> None:
    person = people.create_person(db, PersonData(family_name="Weil")).after
    form = PersonForm(lambda data: people.update_person(db, data), None, person)
    qtbot.addWidget(form)
    assert form.save_new_button is None
