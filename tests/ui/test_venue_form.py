"""The venue form: the domain's messages beside their fields, contacts' messages naming their row."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import ContactData, VenueData
from planner.domain.enums import Language, VenueKind
from planner.domain.localized import LocalizedText
from planner.services import venues
from planner.ui.language import LanguageController
from planner.ui.models.venue_table import C_EMAIL, C_NAME, C_PHONE, ERROR_BACKGROUND
from planner.ui.widgets.venue_form import VenueForm, default_timezone, parse_degrees, split_pair


def _form(db: Database, qtbot: QtBot, venue: VenueData | None = None) -> VenueForm:
    save = (lambda data: venues.update_venue(db, data)) if venue is not None else (lambda data: venues.create_venue(db, data))
    form = VenueForm(save, venue)
    qtbot.addWidget(form)
    return form


def _named(form: VenueForm, name: str = "EMAX") -> VenueForm:
    form.name.edits[Language.EN].setText(name)
    return form


def test_a_bad_website_is_refused_beside_the_field(db: Database, qtbot: QtBot) -> None:
    form = _named(_form(db, qtbot))
    form.show()
    form.website.setText("www.emax")
    form.submit()
    assert form.isVisible()
    assert form.error_text("website") == "“www.emax” is not a valid web address (http:// or https://)."
    assert form.errors["website"].isVisible()
    assert form.error_text("name") == ""
    assert venues.list_venues(db) == []
    qtbot.keyClicks(form.website, "x")  # typing clears the message
    assert not form.errors["website"].isVisible()


def test_latitude_without_longitude_is_refused(db: Database, qtbot: QtBot) -> None:
    form = _named(_form(db, qtbot))
    form.latitude.setText("22.5372")
    form.submit()
    assert form.error_text("latitude") == "Give both latitude and longitude, or neither."
    assert venues.list_venues(db) == []
    form.longitude.setText("113.9856")
    form.submit()
    assert form.result() == VenueForm.DialogCode.Accepted
    saved = venues.list_venues(db)[0]
    assert (saved.latitude, saved.longitude) == (pytest.approx(22.5372), pytest.approx(113.9856))


def test_no_coordinates_at_all_are_fine(db: Database, qtbot: QtBot) -> None:
    form = _named(_form(db, qtbot))
    form.submit()
    assert form.result() == VenueForm.DialogCode.Accepted
    saved = venues.list_venues(db)[0]
    assert (saved.latitude, saved.longitude) == (None, None)


def test_unreadable_degrees_are_named_together_with_the_domains_findings(db: Database, qtbot: QtBot) -> None:
    form = _form(db, qtbot)  # no name either
    form.latitude.setText("north")
    form.longitude.setText("113.9856")
    form.website.setText("ftp://x")
    form.submit()
    assert form.error_text("latitude") == "“north” is not a number of degrees (e.g. 22.5372)."
    assert form.error_text("name") == "Venue name must not be empty."
    assert form.error_text("website") == "“ftp://x” is not a valid web address (http:// or https://)."
    assert form.error_text("longitude") == ""
    assert venues.list_venues(db) == []


def test_an_empty_contact_name_is_shown_with_its_row(db: Database, qtbot: QtBot) -> None:
    form = _named(_form(db, qtbot))
    form.show()
    form.new_contact(ContactData(name="Li Wei", email="li.wei@example.org"))
    form.new_contact(ContactData(phone="+86 755 1234 5678"))
    form.submit()
    assert form.isVisible()
    assert form.error_text("contacts") == "Contact 2: Contact name must not be empty."
    assert form.errors["contacts"].isVisible()
    model = form.contacts.model
    assert model.error(1, "name") == "Contact name must not be empty."
    assert model.index(1, C_NAME).data(Qt.ItemDataRole.BackgroundRole).color() == ERROR_BACKGROUND
    assert model.index(1, C_NAME).data(Qt.ItemDataRole.ToolTipRole) == "Contact name must not be empty."
    assert model.index(1, C_PHONE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, C_NAME).data(Qt.ItemDataRole.BackgroundRole) is None
    # The bad cell has the focus, so the user can type the name at once.
    assert form.contacts.view.currentIndex().row() == 1
    assert form.contacts.view.currentIndex().column() == C_NAME
    assert venues.list_venues(db) == []
    # Typing the name removes the mark and the message; then the venue saves.
    assert model.setData(model.index(1, C_NAME), "Zhang Min")
    assert model.error(1, "name") == ""
    assert not form.errors["contacts"].isVisible()
    form.submit()
    assert form.result() == VenueForm.DialogCode.Accepted
    assert [c.name for c in venues.list_venues(db)[0].contacts] == ["Li Wei", "Zhang Min"]


def test_contact_errors_name_the_row_and_the_person(db: Database, qtbot: QtBot) -> None:
    form = _named(_form(db, qtbot))
    form.new_contact(ContactData(name="Li Wei", email="li.wei(at)example"))
    form.new_contact(ContactData(name="Gao Fei", phone="12"))
    form.submit()
    assert form.error_text("contacts").splitlines() == [
        "Contact 1 (Li Wei): “li.wei(at)example” is not a valid e-mail address.",
        "Contact 2 (Gao Fei): “12” is not a valid phone number.",
    ]
    assert form.contacts.model.error(0, "email") and form.contacts.model.error(1, "phone")
    assert form.contacts.model.index(0, C_EMAIL).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_removing_the_bad_contact_clears_its_message(db: Database, qtbot: QtBot) -> None:
    form = _named(_form(db, qtbot))
    form.show()
    form.new_contact(ContactData(name=""))
    form.new_contact(ContactData(name="Gao Fei"))
    form.submit()
    assert form.error_text("contacts") == "Contact 1: Contact name must not be empty."
    form.contacts.view.selectRow(0)
    form.contacts.remove_selected()
    assert form.contacts.model.rowCount() == 1
    assert form.error_text("contacts") == ""
    form.submit()
    assert [c.name for c in venues.list_venues(db)[0].contacts] == ["Gao Fei"]


def test_the_add_button_opens_a_new_row_for_typing(db: Database, qtbot: QtBot) -> None:
    form = _named(_form(db, qtbot))
    form.show()
    qtbot.mouseClick(form.contacts.add_button, Qt.MouseButton.LeftButton)
    assert form.contacts.model.rowCount() == 1
    assert form.contacts.view.currentIndex().row() == 0
    form.contacts.model.setData(form.contacts.model.index(0, C_NAME), "Li Ying")
    form.submit()
    assert [c.name for c in venues.list_venues(db)[0].contacts] == ["Li Ying"]


def test_editing_keeps_contact_ids_and_fills_every_field(db: Database, qtbot: QtBot) -> None:
    created = venues.create_venue(db, VenueData(
        name=LocalizedText(de="Hotel Shenzhen", zh="深圳酒店"), kind=VenueKind.HOTEL, address_local="深南大道9009号\n南山区",
        country="CN", timezone="Asia/Shanghai", latitude=22.5, longitude=113.9, website="https://www.example.org",
        contacts=(ContactData(name="Li Ying", native_name="李莹", function=LocalizedText(en="Sales")),),
    )).after
    form = _form(db, qtbot, created)
    assert form.windowTitle() == "Edit venue"
    assert form.name.edits[Language.ZH].text() == "深圳酒店"
    assert form.kind.currentData() == "hotel"
    assert form.address_local.toPlainText() == "深南大道9009号\n南山区"
    assert form.country.currentData() == "CN"
    assert form.timezone.currentText() == "Asia/Shanghai"
    assert form.latitude.text() == "22.5"
    form.name.edits[Language.EN].setText("Shenzhen Hotel")
    form.kind.setCurrentIndex(form.kind.findData(VenueKind.RESTAURANT.value))
    form.submit()
    assert form.result() == VenueForm.DialogCode.Accepted
    saved = venues.get_venue(db, created.id)
    assert saved.name.en == "Shenzhen Hotel"
    assert saved.kind is VenueKind.RESTAURANT
    assert [c.id for c in saved.contacts] == [c.id for c in created.contacts]


def test_the_time_zone_follows_the_country(db: Database, qtbot: QtBot) -> None:
    form = _form(db, qtbot)
    assert form.timezone.currentText() == "Europe/Berlin"  # the default of a new venue
    form.country.setCurrentIndex(form.country.findData("CN"))
    assert form.timezone.currentText() == "Asia/Shanghai"
    assert form.timezone.itemText(0) == "Asia/Shanghai"  # the country's zones head the list
    form.country.setCurrentIndex(form.country.findData("FR"))
    assert form.timezone.currentText() == "Europe/Paris"
    form.country.setCurrentIndex(form.country.findData("US"))  # several zones: the capital's, the others offered first
    assert form.timezone.currentText() == "America/New_York"
    us_zones = [form.timezone.itemText(i) for i in range(6)]
    assert us_zones[0] == "America/New_York" and "America/Los_Angeles" in [
        form.timezone.itemText(i) for i in range(40)
    ]
    form.country.setCurrentIndex(form.country.findData("CN"))
    form.timezone.setCurrentText("Asia/Urumqi")  # the user's own choice, one of China's zones
    form.country.setCurrentIndex(form.country.findData("CN"))
    assert form.timezone.currentText() == "Asia/Urumqi"
    form.country.setCurrentIndex(form.country.findData("DE"))  # no longer fits: the country's zone
    assert form.timezone.currentText() == "Europe/Berlin"


def _answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    """Answer the form's question with Yes or No, and keep what it asked."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_a_zone_of_another_country_is_questioned_and_no_keeps_the_form(db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    form = _named(_form(db, qtbot))
    form.show()
    form.country.setCurrentIndex(form.country.findData("DE"))
    form.timezone.setCurrentText("Asia/Shanghai")
    asked = _answer(monkeypatch, yes=False)
    form.submit()
    assert len(asked) == 1 and "Asia/Shanghai" in asked[0] and "Germany" in asked[0] and "Europe/Berlin" in asked[0]
    assert form.isVisible()
    assert form.error_text("timezone") == "Asia/Shanghai is not a time zone of Germany."
    assert venues.list_venues(db) == []
    form.timezone.setCurrentText("Europe/Berlin")
    form.submit()
    assert len(asked) == 1  # a fitting zone is not questioned
    assert venues.list_venues(db)[0].timezone == "Europe/Berlin"


def test_a_questioned_zone_is_saved_when_the_user_says_yes(db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    form = _named(_form(db, qtbot))
    form.country.setCurrentIndex(form.country.findData("DE"))
    form.timezone.setCurrentText("Asia/Shanghai")
    asked = _answer(monkeypatch, yes=True)
    form.submit()
    assert len(asked) == 1
    assert form.result() == VenueForm.DialogCode.Accepted
    assert venues.list_venues(db)[0].timezone == "Asia/Shanghai"


def test_obvious_zones() -> None:
    assert default_timezone("CN") == "Asia/Shanghai"
    assert default_timezone("DE") == "Europe/Berlin"
    assert default_timezone("JP") == "Asia/Tokyo"
    assert default_timezone("US") == "America/New_York"
    assert default_timezone("") is None


def test_degrees_are_read_with_comma_or_point() -> None:
    assert parse_degrees("22,5372") == pytest.approx(22.5372)
    assert parse_degrees(" 22.5372° ") == pytest.approx(22.5372)
    assert parse_degrees("−33.9") == pytest.approx(-33.9)
    assert parse_degrees("") is None
    for bad in ("north", "22.5.3", "1,234.5", "22,5372, 113,9856"):
        with pytest.raises(ValueError):
            parse_degrees(bad)
    assert split_pair("22.5372, 113.9856") == ("22.5372", "113.9856")
    assert split_pair("22,5372; 113,9856") == ("22,5372", "113,9856")
    assert split_pair("22,5372") is None


def test_german_numbers_and_a_pasted_pair(db: Database, qtbot: QtBot, language: LanguageController) -> None:
    language.set_language("de")
    form = _named(_form(db, qtbot))
    form.latitude.setText("22.5372, 113.9856")  # as a map copies it
    form.latitude.editingFinished.emit()
    assert form.longitude.text() == "113.9856"
    form.submit()
    assert form.result() == VenueForm.DialogCode.Accepted
    saved = venues.list_venues(db)[0]
    assert (saved.latitude, saved.longitude) == (pytest.approx(22.5372), pytest.approx(113.9856))
    again = _form(db, qtbot, saved)
    assert (again.latitude.text(), again.longitude.text()) == ("22,5372", "113,9856")  # the German decimal comma
