"""Editing a person of the directory and, from a delegation, their role and stay on the trip.

The names stay on top; the rest is spread over tabs so the dialog fits a
768-pixel-high screen. When the service refuses, the first tab holding a
refused field is brought forward and every tab with a problem is marked, so no
message hides on a tab the user is not looking at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from planner import formatting
from planner.domain.entities import MembershipData, PersonData, TripData
from planner.domain.enums import Language, Role, Sex
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.domain.sides import SideDefaults
from planner.i18n import _
from planner.ui.language import LANGUAGE_NAMES
from planner.ui.widgets.form import ERROR_STYLE, RecordForm

ERROR_TAB_COLOR = QColor(ERROR_STYLE.split(":")[1].strip(" ;"))


def language_name(language: Language) -> str:
    """The language in the interface language, with its own name where that differs: "Chinese (中文)"."""
    own = LANGUAGE_NAMES[language.value]
    return language.label if language.label == own else f"{language.label} ({own})"


class OptionalDate(QWidget):
    """A date that may be unknown: ticking the box leaves it empty (None)."""

    changed = Signal()

    def __init__(self, edit: QDateEdit, none_text: str, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.none_box = QCheckBox(none_text, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit)
        layout.addWidget(self.none_box, 1)
        self.setFocusProxy(edit)
        self.none_box.toggled.connect(self._toggled)
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.set_value(value)

    def value(self) -> date | None:
        return None if self.none_box.isChecked() else self.edit.date().toPython()

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.edit.setDate(value)
        self.none_box.setChecked(value is None)
        self.edit.setEnabled(value is not None)

    def _toggled(self, unknown: bool) -> None:
        self.edit.setEnabled(not unknown)
        self.setFocusProxy(self.none_box if unknown else self.edit)
        self.changed.emit()


@dataclass(frozen=True, slots=True)
class MemberRecord:
    """A person together with their membership, as the delegation page edits them."""

    person: PersonData
    membership: MembershipData

    def validated(self) -> MemberRecord:
        """Both checked before either is saved, so the form can mark every problem at once.

        A new person has no id yet (it comes when they are created, just before
        the membership), so the membership is checked as if they had one.
        """
        errors: list[ValidationError] = []
        person, membership = self.person, self.membership
        try:
            person = person.validated()
        except ValidationErrors as many:
            errors.extend(many.errors)
        try:
            pending = membership.person_id is None
            membership = membership.evolve(person_id=0 if pending else membership.person_id).validated()
            membership = membership.evolve(person_id=None) if pending else membership
        except ValidationErrors as many:
            errors.extend(many.errors)
        if errors:
            raise ValidationErrors(errors)
        return MemberRecord(person, membership)


class PersonForm(RecordForm):
    """Every field of a person; `record()` gives a PersonData with the id and version it was read at."""

    def __init__(self, save: Callable[[PersonData], object], parent: QWidget | None = None, person: PersonData | None = None) -> None:
        super().__init__(save, parent)
        self.person = person or PersonData()
        if self.person.id is None:
            self.setWindowTitle(_("New person"))
        else:
            self.setWindowTitle(_("Edit {name}").format(name=self.person.full_name))
        self.setMinimumWidth(560)
        p = self.person

        self.family_name = self._line("family_name", _("Family name"), p.family_name)
        self.given_name = self._line("given_name", _("Given name"), p.given_name)
        self.native_name = self._line("native_name", _("Name in native script"), p.native_name)
        self.native_name.setPlaceholderText(_("e.g. 许勤"))

        self.tabs = QTabWidget(self)
        self.layout_.addWidget(self.tabs)

        self.begin_tab(_("Organisation"))
        self.honorific = self.add_localized("honorific", _("Honorific"))
        self.organisation = self.add_localized("organisation", _("Organisation"))
        self.function = self.add_localized("function", _("Function"))
        for field, edits in (("honorific", self.honorific), ("organisation", self.organisation), ("function", self.function)):
            edits.set_value(getattr(p, field))

        self.begin_tab(_("Contact and passport"))
        self.email = self._line("email", _("E-mail"), p.email)
        self.phone = self._line("phone", _("Phone"), p.phone)
        self.phone.setPlaceholderText("+49 511 123456")
        self.language = QComboBox(self)
        for lang in Language:
            self.language.addItem(language_name(lang), lang.value)
        self.language.setCurrentIndex(self.language.findData(Language(p.preferred_language).value))
        self.language.currentIndexChanged.connect(lambda _i: self.clear_error("preferred_language"))
        self.add_row("preferred_language", _("Preferred language"), self.language)
        self.nationality = QComboBox(self)
        self.nationality.addItem("—", "")
        for code, name in formatting.countries():
            self.nationality.addItem(f"{name} ({code})", code)
        found = self.nationality.findData(p.nationality)
        self.nationality.setCurrentIndex(max(found, 0))
        self.nationality.currentIndexChanged.connect(lambda _i: self.clear_error("nationality"))
        self.add_row("nationality", _("Nationality"), self.nationality)
        self.passport_number = self._line("passport_number", _("Passport number"), p.passport_number)
        self.passport_expiry = OptionalDate(
            self.date_edit(p.passport_expiry, "passport_expiry"), _("No expiry date known"), p.passport_expiry, self
        )
        self.add_row("passport_expiry", _("Passport valid until"), self.passport_expiry)
        # What a visa application asks for besides; as private as the passport, shown only here.
        self.passport_issued = OptionalDate(
            self.date_edit(p.passport_issued, "passport_issued"), _("No issue date known"), p.passport_issued, self
        )
        self.add_row("passport_issued", _("Passport issued on"), self.passport_issued)
        self.sex = QComboBox(self)
        for sex in Sex:
            self.sex.addItem(sex.label, sex.value)
        self.sex.setCurrentIndex(max(self.sex.findData(Sex(p.sex).value), 0))
        self.add_row("sex", _("Sex"), self.sex)
        self.birth_date = OptionalDate(self.date_edit(p.birth_date, "birth_date"), _("Not recorded"), p.birth_date, self)
        self.add_row("birth_date", _("Date of birth"), self.birth_date)
        self.birth_place = self._line("birth_place", _("Place of birth"), p.birth_place)

        self.begin_tab(_("Needs and notes"))
        self.dietary_needs = self._text("dietary_needs", _("Dietary needs"), p.dietary_needs, 2)
        self.accessibility_needs = self._text("accessibility_needs", _("Accessibility needs"), p.accessibility_needs, 2)
        self.notes = self._text("notes", _("Notes"), p.notes, 4)
        self.end_tab()

        self.finish_layout()
        self.family_name.setFocus()

    # --- building ---------------------------------------------------------------------

    def begin_tab(self, title: str, index: int = -1) -> QWidget:
        """Rows added from now on go to a new tab (at `index`; -1 appends it)."""
        self.end_tab()
        page = QWidget(self.tabs)
        self.grid = QGridLayout(page)
        self.grid.setColumnStretch(2, 1)
        self._row = 0
        self.tabs.insertTab(index, page, title)
        return page

    def end_tab(self) -> None:
        """Keep the rows of the tab being built at its top."""
        if self.grid.parentWidget() is not self:
            self.grid.setRowStretch(self._row, 1)

    def _line(self, field: str, caption: str, value: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setObjectName(field)
        edit.textEdited.connect(lambda _t: self.clear_error(field))
        self.add_row(field, caption, edit)
        return edit

    def _text(self, field: str, caption: str, value: str, lines: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(value, self)
        edit.setObjectName(field)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        edit.textChanged.connect(lambda: self.clear_error(field))
        self.add_row(field, caption, edit)
        return edit

    # --- the next person (Save and new) -------------------------------------------------

    def prepare_next(self, saved: Any) -> None:
        """Empty the form for the next person, keeping organisation, language and nationality.

        People entered in a row mostly come from one organisation and one
        country; everything personal (names, contact, passport, needs) goes.
        """
        self.person = PersonData()
        self.setWindowTitle(_("New person"))
        for edit in (self.family_name, self.given_name, self.native_name, self.email, self.phone, self.passport_number, self.birth_place):
            edit.clear()
        for text in (self.dietary_needs, self.accessibility_needs, self.notes):
            text.clear()
        self.honorific.set_value(LocalizedText())
        self.function.set_value(LocalizedText())
        for optional in (self.passport_expiry, self.passport_issued, self.birth_date):
            optional.set_value(None)
        self.sex.setCurrentIndex(max(self.sex.findData(Sex.UNKNOWN.value), 0))
        self.clear_errors()
        self.tabs.setCurrentIndex(0)
        self.family_name.setFocus()

    def set_language_and_nationality(self, language: Language, nationality: str) -> None:
        self.language.setCurrentIndex(self.language.findData(Language(language).value))
        found = self.nationality.findData(nationality)
        self.nationality.setCurrentIndex(max(found, 0))

    def language_and_nationality(self) -> tuple[Language, str]:
        return Language(self.language.currentData()), str(self.nationality.currentData() or "")

    # --- the record and its messages ----------------------------------------------------

    def person_record(self) -> PersonData:
        return self.person.evolve(
            family_name=self.family_name.text(),
            given_name=self.given_name.text(),
            native_name=self.native_name.text(),
            honorific=self.honorific.value(),
            organisation=self.organisation.value(),
            function=self.function.value(),
            email=self.email.text(),
            phone=self.phone.text(),
            preferred_language=Language(self.language.currentData()),
            nationality=str(self.nationality.currentData() or ""),
            passport_number=self.passport_number.text(),
            passport_expiry=self.passport_expiry.value(),
            passport_issued=self.passport_issued.value(),
            sex=Sex(self.sex.currentData() or ""),
            birth_date=self.birth_date.value(),
            birth_place=self.birth_place.text(),
            dietary_needs=self.dietary_needs.toPlainText(),
            accessibility_needs=self.accessibility_needs.toPlainText(),
            notes=self.notes.toPlainText(),
        )

    def record(self) -> object:
        return self.person_record()

    def show_errors(self, errors: list[ValidationError]) -> None:
        super().show_errors(errors)
        fields = {error.field for error in errors}
        bar = self.tabs.tabBar()
        for index in {self._tab_of(field) for field in fields} - {-1}:
            bar.setTabTextColor(index, ERROR_TAB_COLOR)
        first = next((field for field in self.field_order if field in fields), None)
        tab = self._tab_of(first)
        if first is not None and tab >= 0:
            self.tabs.setCurrentIndex(tab)
            self.field_widgets[first]().setFocus()

    def clear_errors(self) -> None:
        super().clear_errors()
        for index in range(self.tabs.count()):
            self.tabs.tabBar().setTabTextColor(index, QColor())

    def _tab_of(self, field: str | None) -> int:
        """The tab holding `field`, or -1 (on top of the tabs, or no such field)."""
        if field is None or field not in self.field_widgets:
            return -1
        widget = self.field_widgets[field]()
        return next((i for i in range(self.tabs.count()) if self.tabs.widget(i).isAncestorOf(widget)), -1)


class MemberForm(PersonForm):
    """The person form with a first tab for the role and the stay on one trip."""

    def __init__(
        self,
        save: Callable[[MemberRecord], object],
        membership: MembershipData,
        person: PersonData | None = None,
        trip: TripData | None = None,
        parent: QWidget | None = None,
        *,
        defaults: Callable[[Role], SideDefaults] | None = None,
    ) -> None:
        super().__init__(save, parent, person)  # type: ignore[arg-type]
        self.membership = membership
        # A new person's language and nationality follow their side of the trip (guests or hosts)
        # as the role changes, until the planner chooses them.
        self._defaults = defaults if self.person.id is None else None
        self._suggested: tuple[Language, str] | None = None
        if self.person.id is None:
            self.setWindowTitle(_("New member of the delegation"))
        first, last = (trip.first_day, trip.last_day) if trip is not None else (None, None)
        self.begin_tab(_("On this trip"), 0)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(self.role.findData(Role(membership.role).value))
        self.role.currentIndexChanged.connect(lambda _i: (self.clear_error("role"), self._suggest_side()))
        self.add_row("role", _("Role"), self.role)
        self.arrival = OptionalDate(
            self.date_edit(membership.arrival or first, "arrival"), _("No date given"), membership.arrival, self
        )
        self.add_row("arrival", _("Arrival"), self.arrival)
        self.departure = OptionalDate(
            self.date_edit(membership.departure or last, "departure"), _("No date given"), membership.departure, self
        )
        self.add_row("departure", _("Departure"), self.departure)
        for widget in (self.arrival, self.departure):
            widget.changed.connect(lambda: (self.clear_error("arrival"), self.clear_error("departure")))
        self.end_tab()
        # Messages are focused in the order the user reads: names, this tab, then the others.
        trip_fields = ["role", "arrival", "departure"]
        rest = [f for f in self.field_order if f not in trip_fields]
        self.field_order = rest[:3] + trip_fields + rest[3:]
        self.tabs.setCurrentIndex(0)
        self.family_name.setFocus()
        self._suggest_side()

    def _suggest_side(self) -> None:
        """Language and nationality of the role's side, unless the planner has chosen others."""
        if self._defaults is None:
            return
        if self._suggested is not None and self.language_and_nationality() != self._suggested:
            return  # chosen by hand: the role does not overrule it
        side = self._defaults(Role(self.role.currentData()))
        self.set_language_and_nationality(side.language, side.nationality)
        self._suggested = self.language_and_nationality()

    def prepare_next(self, saved: Any) -> None:
        """The next member: same role (a member after the head), same stay; see PersonForm.prepare_next."""
        super().prepare_next(saved)
        self.membership = self.membership.evolve(id=None, version=None, person_id=None)
        self.setWindowTitle(_("New member of the delegation"))
        if self.role.currentData() == Role.HEAD.value:  # a delegation has one head
            self.role.setCurrentIndex(self.role.findData(Role.MEMBER.value))
        if self._defaults is not None:  # carried over, not chosen for this person: a change of role may replace them
            self._suggested = self.language_and_nationality()
        self.tabs.setCurrentIndex(0)
        self.family_name.setFocus()

    def membership_record(self) -> MembershipData:
        return self.membership.evolve(
            role=Role(self.role.currentData()), arrival=self.arrival.value(), departure=self.departure.value()
        )

    def record(self) -> MemberRecord:
        return MemberRecord(self.person_record(), self.membership_record())
