"""What a column of a member list can be read into: a person's field or the role on the trip.

Honorific, organisation and function are held in three languages; a column
can fill one language explicitly ("Organisation (zh)") or, as plain
ORGANISATION, the language its text is written in (see rows.py).
"""

from __future__ import annotations

from enum import StrEnum

from planner.domain.enums import Language
from planner.i18n import N_, _


class Field(StrEnum):
    FAMILY_NAME = "family_name"
    GIVEN_NAME = "given_name"
    NATIVE_NAME = "native_name"
    HONORIFIC = "honorific"
    HONORIFIC_DE = "honorific.de"
    HONORIFIC_ZH = "honorific.zh"
    HONORIFIC_EN = "honorific.en"
    ORGANISATION = "organisation"
    ORGANISATION_DE = "organisation.de"
    ORGANISATION_ZH = "organisation.zh"
    ORGANISATION_EN = "organisation.en"
    FUNCTION = "function"
    FUNCTION_DE = "function.de"
    FUNCTION_ZH = "function.zh"
    FUNCTION_EN = "function.en"
    EMAIL = "email"
    PHONE = "phone"
    LANGUAGE = "preferred_language"
    ROLE = "role"
    NATIONALITY = "nationality"
    PASSPORT_NUMBER = "passport_number"
    PASSPORT_EXPIRY = "passport_expiry"
    DIETARY_NEEDS = "dietary_needs"
    ACCESSIBILITY_NEEDS = "accessibility_needs"
    NOTES = "notes"

    @property
    def person_field(self) -> str | None:
        """The PersonData field this column fills (None for the role, which belongs to the membership)."""
        return None if self is Field.ROLE else self.value.split(".")[0]

    @property
    def language(self) -> Language | None:
        """The language variant an explicitly localised column fills."""
        _base, _dot, lang = self.value.partition(".")
        return Language(lang) if lang else None

    @property
    def localized(self) -> bool:
        return self.person_field in LOCALIZED_FIELDS

    @property
    def label(self) -> str:
        base = _(_LABELS[self.value.split(".")[0]])
        lang = self.language
        return _("{field} ({language})").format(field=base, language=lang.label) if lang else base


#: The PersonData fields that hold a LocalizedText.
LOCALIZED_FIELDS = frozenset({"honorific", "organisation", "function"})


def localized_variant(base: str, language: Language) -> Field:
    return Field(f"{base}.{language.value}")


_LABELS: dict[str, str] = {
    "family_name": N_("Family name"),
    "given_name": N_("Given name"),
    "native_name": N_("Name in native script"),
    "honorific": N_("Honorific"),
    "organisation": N_("Organisation"),
    "function": N_("Function"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "preferred_language": N_("Language"),
    "role": N_("Role"),
    "nationality": N_("Nationality"),
    "passport_number": N_("Passport number"),
    "passport_expiry": N_("Passport valid until"),
    "dietary_needs": N_("Dietary needs"),
    "accessibility_needs": N_("Accessibility needs"),
    "notes": N_("Notes"),
}
