"""What a document is being written for: the trip, its language(s), the width to fill, whose data may show.

Every block takes a Context, so the programme and the personal itinerary share
the same day pages and venue cards and differ only in what they pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.lists import format_list
from reportlab.platypus import Flowable

from planner import formatting
from planner.domain.address import Addressee, Gender, gender_of, reference
from planner.domain.entities import ContactData, PersonData
from planner.domain.enums import Language, Role
from planner.domain.localized import LocalizedText
from planner.domain.names import display_name, is_cjk
from planner.export.language import GERMAN_FEMININE_ROLES, DocumentLanguage
from planner.export.pdf.flowables import esc, para, strong
from planner.export.pdf.styles import MUTED, STYLES
from planner.export.tripview import TripView

#: Between the two languages of a bilingual label; a label column breaks a line there instead.
LABEL_SEPARATOR = " / "


@dataclass(frozen=True, slots=True)
class Context:
    view: TripView
    lang: DocumentLanguage
    second: DocumentLanguage | None  # a second language printed below the first, or None
    width: float  # of the text frame, in points
    reader: int | None = None  # the membership whose own details may be printed; None: nobody's

    @property
    def languages(self) -> tuple[DocumentLanguage, ...]:
        return (self.lang,) if self.second is None else (self.lang, self.second)

    # --- labels ------------------------------------------------------------------------

    def label(self, msgid: str, **params: object) -> str:
        """A short label, "Gastgeber / 接待方" when bilingual (plain text)."""
        first = self.lang.t(msgid, **params)
        if self.second is None:
            return first
        other = self.second.t(msgid, **params)
        return first if other == first else f"{first}{LABEL_SEPARATOR}{other}"

    # --- multilingual text -------------------------------------------------------------

    def text(self, value: LocalizedText) -> str:
        return self.lang.text(value)

    def second_text(self, value: LocalizedText) -> str:
        """The second language's own variant, "" if missing or the same as the first."""
        if self.second is None:
            return ""
        other = self.second.own(value)
        return "" if other == self.text(value) else other

    def markup(self, value: LocalizedText, size: float = 8) -> str:
        """Escaped text with the second language below, smaller and grey."""
        first = esc(self.text(value))
        other = self.second_text(value)
        if not other:
            return first
        return f'{first}<br/><font size="{size}" color="{MUTED.hexval()}">{esc(other)}</font>'

    def inline(self, value: LocalizedText) -> str:
        """Plain text, "Anzug / 正装" when bilingual."""
        other = self.second_text(value)
        return f"{self.text(value)} / {other}" if other else self.text(value)

    # --- dates and lists ---------------------------------------------------------------

    def full_date(self, day: date) -> str:
        return formatting.full_date(day, self.lang.locale)

    def date_range(self, first: date, last: date) -> str:
        return formatting.date_range(first, last, self.lang.locale)

    def join(self, parts: list[str]) -> str:
        return format_list(parts, locale=formatting.babel_locale(self.lang.locale)) if parts else ""

    # --- people ------------------------------------------------------------------------

    def name(self, person: PersonData, *, honorific: bool = True) -> str:
        """The name as a reader of the document expects it: native script in Chinese; with the honorific
        (before the name, in Chinese after it) unless `honorific` is False, as in lists of names."""
        if self.lang.language is Language.ZH and person.native_name and is_cjk(person.native_name):
            return person.native_name
        latin = display_name(person.family_name, person.given_name, person.native_name)
        title = self.lang.own(person.honorific) if honorific else ""
        if not title:
            return latin
        return f"{latin} {title}" if self.lang.language is Language.ZH else f"{title} {latin}"

    def contact_name(self, contact: ContactData) -> str:
        """A host's name as the reader reads it first: "林志远（Lin Zhiyuan）" in Chinese (full-width brackets in
        Chinese text), "Lin Zhiyuan (林志远)" otherwise."""
        native, latin = contact.native_name.strip(), contact.name.strip()
        if self.lang.language is Language.ZH and native and is_cjk(native) and native != latin:
            return f"{native}（{latin}）" if latin else native
        return contact.display

    def latin_and_native(self, person: PersonData) -> tuple[str, str]:
        """(Latin name with honorific, the name in its own script if different)."""
        latin = display_name(person.family_name, person.given_name, person.native_name)
        honorific = self.lang.own(person.honorific) if self.lang.language is not Language.ZH else ""
        native = person.native_name.strip()
        return (f"{honorific} {latin}" if honorific else latin), ("" if native == latin else native)

    def role(self, role: Role, person: PersonData | None = None) -> str:
        """The role's label, in German in the feminine for a woman (`person` given): "Dolmetscherin"."""
        female = person is not None and gender_of(Addressee.of(person)) is Gender.FEMALE
        texts: list[str] = []
        for lang in self.languages:
            text = lang.t(Role(role).msgid)
            if female and lang.language is Language.DE:
                text = GERMAN_FEMININE_ROLES.get(role, text)
            if text not in texts:
                texts.append(text)
        return LABEL_SEPARATOR.join(texts)

    def address(self, person: PersonData) -> str:
        """The person as protocol names them in a text or list: "Herr Oberbürgermeister Schostok", "许勤市长"."""
        return reference(Addressee.of(person), self.lang.language)

    # --- headings ----------------------------------------------------------------------

    def section_heading(self, msgid: str) -> list[Flowable]:
        parts: list[Flowable] = [strong(self.lang.t(msgid), STYLES.section)]
        if self.second is not None and self.second.t(msgid) != self.lang.t(msgid):
            parts.append(para(esc(self.second.t(msgid)), STYLES.day_second))
        return parts
