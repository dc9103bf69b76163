"""The person form: every field of a person, the domain's messages beside the fields, tabs that point at them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.changes import Change
from planner.domain.entities import MembershipData, PersonData, TripData
from planner.domain.enums import Language, Role
from planner.domain.errors import ValidationErrors
from planner.domain.localized import LocalizedText
from planner.services import people
from planner.ui.widgets.form import MISSING_COLOR
from planner.ui.language import LanguageController
from planner.ui.widgets.person_form import ERROR_TAB_COLOR, MemberForm, MemberRecord, PersonForm, language_name


def _create_form(db: Database, qtbot: QtBot, person: PersonData | None = None) -> PersonForm:
    save = (lambda data: people.create_person(db, data)) if person is None else (lambda data: people.update_person(db, data))
    form = PersonForm(save, None, person)
    qtbot.addWidget(form)
    return form


def _tab_titles(form: PersonForm) -> list[str]:
    return [form.tabs.tabText(i) for i in range(form.tabs.count())]


def test_empty_family_name_is_refused_beside_the_field(db: Database, qtbot: QtBot) -> None:
    form = _create_form(db, qtbot)
    form.show()
    form.given_name.setText("Kai")
    form.submit()
    assert form.isVisible() and form.result() == PersonForm.DialogCode.Rejected
    assert form.error_text("family_name") == "Family name must not be empty."
    assert form.errors["family_name"].isVisible()
    assert form.error_text("given_name") == ""
    assert people.list_people(db) == []
    qtbot.keyClicks(form.family_name, "S")  # typing clears the message
    assert not form.errors["family_name"].isVisible()


def test_bad_email_is_shown_on_its_tab_which_comes_forward_and_is_marked(db: Database, qtbot: QtBot) -> None:
    form = _create_form(db, qtbot)
    form.show()
    form.family_name.setText("Schirmeyer")
    form.email.setText("kai.example.org")
    form.phone.setText("call me")
    assert form.tabs.currentIndex() == 0
    form.submit()
    contact = _tab_titles(form).index("Contact and passport")
    assert form.tabs.currentIndex() == contact
    assert form.error_text("email") == "“kai.example.org” is not a valid e-mail address."
    assert form.error_text("phone") == "“call me” is not a valid phone number."
    assert form.errors["email"].isVisible()
    assert form.focusWidget() is form.email
    assert form.tabs.tabBar().tabTextColor(contact) == ERROR_TAB_COLOR
    assert form.tabs.tabBar().tabTextColor(0) != ERROR_TAB_COLOR
    assert people.list_people(db) == []
    form.email.setText("kai@example.org")
    form.phone.setText("+49 511 123456")
    form.submit()
    assert form.result() == PersonForm.DialogCode.Accepted
    assert form.tabs.tabBar().tabTextColor(contact) != ERROR_TAB_COLOR
    [saved] = people.list_people(db)
    assert (saved.email, saved.phone) == ("kai@example.org", "+49 511 123456")


def test_every_field_is_saved(db: Database, qtbot: QtBot) -> None:
    form = _create_form(db, qtbot)
    form.family_name.setText(" Xu ")
    form.given_name.setText("Qin")
    form.native_name.setText("许勤")
    form.honorific.edits[Language.ZH].setText("市长")
    form.organisation.edits[Language.DE].setText("Stadtregierung Shenzhen")
    form.organisation.edits[Language.EN].setText("Shenzhen Municipal Government")
    form.function.edits[Language.EN].setText("Mayor")
    form.email.setText("xu@example.org")
    form.phone.setText("+86 755 0000 000")
    form.language.setCurrentIndex(form.language.findData("zh"))
    form.nationality.setCurrentIndex(form.nationality.findData("CN"))
    form.passport_number.setText("e 123 456 78")
    assert form.passport_expiry.value() is None  # a new person: no expiry until one is entered
    form.passport_expiry.none_box.setChecked(False)
    form.passport_expiry.edit.setDate(QDate(2027, 3, 1))
    form.dietary_needs.setPlainText("halal")
    form.accessibility_needs.setPlainText("wheelchair")
    form.notes.setPlainText("Arrives early.\nLeaves late.")
    form.submit()
    assert form.result() == PersonForm.DialogCode.Accepted
    assert isinstance(form.result_value, Change)
    saved = people.get_person(db, form.result_value.id)
    assert (saved.family_name, saved.given_name, saved.native_name) == ("Xu", "Qin", "许勤")
    assert saved.honorific == LocalizedText(zh="市长")
    assert saved.organisation == LocalizedText(de="Stadtregierung Shenzhen", en="Shenzhen Municipal Government")
    assert saved.function.en == "Mayor"
    assert (saved.email, saved.phone, saved.preferred_language, saved.nationality) == (
        "xu@example.org", "+86 755 0000 000", Language.ZH, "CN",
    )
    assert (saved.passport_number, saved.passport_expiry) == ("E12345678", date(2027, 3, 1))
    assert (saved.dietary_needs, saved.accessibility_needs, saved.notes) == ("halal", "wheelchair", "Arrives early.\nLeaves late.")


def test_editing_shows_the_person_and_keeps_id_and_version(db: Database, qtbot: QtBot) -> None:
    created = people.create_person(db, PersonData(
        family_name="Weil", given_name="Stephan", function=LocalizedText(de="Oberbürgermeister"),
        preferred_language=Language.DE, nationality="DE", passport_number="C01", passport_expiry=date(2025, 5, 9),
    ))
    person = people.get_person(db, created.id)
    form = _create_form(db, qtbot, person)
    assert form.windowTitle() == "Edit Stephan Weil"
    assert form.family_name.text() == "Weil"
    assert form.function.edits[Language.DE].text() == "Oberbürgermeister"
    assert form.language.currentData() == "de"
    assert form.nationality.currentData() == "DE"
    assert form.passport_expiry.value() == date(2025, 5, 9)
    assert form.person_record() == person  # nothing typed: the same record
    form.passport_expiry.none_box.setChecked(True)  # "no expiry date known"
    assert not form.passport_expiry.edit.isEnabled()
    form.submit()
    saved = people.get_person(db, created.id)
    assert saved.passport_expiry is None
    assert saved.version == person.version + 1


def test_member_form_checks_the_person_and_the_stay_together(db: Database, qtbot: QtBot) -> None:
    saved: list[MemberRecord] = []
    trip = TripData(first_day=date(2016, 10, 24), last_day=date(2016, 10, 27))
    form = MemberForm(lambda record: saved.append(record.validated()), MembershipData(trip_id=1), None, trip)
    qtbot.addWidget(form)
    form.show()
    assert _tab_titles(form)[0] == "On this trip"
    assert form.windowTitle() == "New member of the delegation"
    assert form.arrival.value() is None and form.arrival.edit.date().toPython() == date(2016, 10, 24)  # the trip's days preset
    form.tabs.setCurrentIndex(2)
    form.email.setText("bad@")
    form.arrival.none_box.setChecked(False)
    form.departure.none_box.setChecked(False)
    form.arrival.edit.setDate(QDate(2016, 10, 26))
    form.departure.edit.setDate(QDate(2016, 10, 25))
    form.submit()
    assert saved == []
    assert form.error_text("family_name") == "Family name must not be empty."
    assert form.error_text("email") == "“bad@” is not a valid e-mail address."
    assert form.error_text("departure") == "The departure must not be before the arrival."
    assert form.error_text("") == ""  # "a person is required" is not raised for a person still to be created
    assert form.tabs.tabBar().tabTextColor(0) == ERROR_TAB_COLOR
    form.family_name.setText("Bauer")
    form.email.clear()
    form.departure.edit.setDate(QDate(2016, 10, 27))
    assert form.error_text("departure") == ""  # changing a date clears the message
    form.role.setCurrentIndex(form.role.findData("interpreter"))
    form.submit()
    [record] = saved
    assert record.person.family_name == "Bauer" and record.person.id is None
    assert record.membership == MembershipData(
        trip_id=1, person_id=None, role=Role.INTERPRETER, arrival=date(2016, 10, 26), departure=date(2016, 10, 27)
    )


def test_member_record_reports_both_records_problems() -> None:
    record = MemberRecord(PersonData(family_name=""), MembershipData(trip_id=1, person_id=2, arrival=date(2016, 10, 2), departure=date(2016, 10, 1)))
    try:
        record.validated()
    except ValidationErrors as many:
        assert sorted(e.field or "" for e in many.errors) == ["departure", "family_name"]
    else:  # pragma: no cover - the record is bad
        raise AssertionError("not refused")


def test_the_form_fits_a_768_pixel_screen(db: Database, language: LanguageController, qtbot: QtBot) -> None:
    for code in ("en", "de", "zh"):
        language.set_language(code)
        form = MemberForm(lambda record: None, MembershipData(trip_id=1), None, None)
        qtbot.addWidget(form)
        assert form.sizeHint().height() < 680
        assert form.minimumSizeHint().width() < 1000


def test_language_names_show_the_own_name_where_it_differs(language: LanguageController) -> None:
    assert language_name(Language.ZH) == "Chinese (中文)"
    assert language_name(Language.EN) == "English"


def test_tab_colours_reset_on_resubmit(db: Database, qtbot: QtBot) -> None:
    form = _create_form(db, qtbot)
    form.show()
    form.email.setText("x")
    form.submit()
    contact = _tab_titles(form).index("Contact and passport")
    assert form.tabs.tabBar().tabTextColor(contact) == ERROR_TAB_COLOR  # marked, though the name above comes first
    assert form.tabs.currentIndex() == 0 and form.focusWidget() is form.family_name
    form.tabs.setCurrentIndex(contact)
    form.email.clear()
    form.submit()  # now only the family name is wrong: it is above the tabs, and no tab is marked
    assert form.tabs.tabBar().tabTextColor(contact) == QColor()
    assert form.tabs.currentIndex() == contact  # no tab holds an error, so the user's tab stays
    assert form.focusWidget() is form.family_name


def test_organisation_and_function_in_one_language_are_saved_and_the_others_marked_to_complete(db: Database, qtbot: QtBot) -> None:
    form = _create_form(db, qtbot)
    form.family_name.setText("Schostok")
    form.organisation.edits[Language.DE].setText("Landeshauptstadt Hannover")
    form.function.edits[Language.DE].setText("Oberbürgermeister")
    missing = form.function.edits[Language.ZH]
    assert missing.toolTip() == "The Chinese text is missing." and missing.palette().color(QPalette.ColorRole.Base) == MISSING_COLOR
    assert form.function.edits[Language.DE].toolTip() == ""
    form.submit()
    assert form.result() == PersonForm.DialogCode.Accepted
    [saved] = people.list_people(db)
    assert (saved.organisation, saved.function) == (LocalizedText(de="Landeshauptstadt Hannover"), LocalizedText(de="Oberbürgermeister"))
