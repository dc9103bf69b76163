"""The language a document is written in, independent of the interface language.

A participant's itinerary is printed in the participant's language while the
planner may work in another; so documents never use the global `_`. Their
labels are marked with `N_` and looked up through a DocumentLanguage, which
also picks the variant of multilingual text and the locale for dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from planner.domain.enums import Language, Role
from planner.domain.errors import ValidationError
from planner.domain.localized import LocalizedText
from planner.i18n import N_, translator_for

#: BCP 47 tags for a document's /Lang and calendar LANGUAGE: British English, simplified Chinese.
LANGUAGE_TAGS: dict[Language, str] = {Language.DE: "de-DE", Language.ZH: "zh-CN", Language.EN: "en-GB"}

#: The language people speak in a country, for names and addresses a local reader understands.
COUNTRY_LANGUAGES: dict[str, Language] = {
    "CN": Language.ZH, "TW": Language.ZH, "HK": Language.ZH, "MO": Language.ZH, "SG": Language.ZH,
    "DE": Language.DE, "AT": Language.DE, "CH": Language.DE, "LI": Language.DE,
    "GB": Language.EN, "US": Language.EN, "IE": Language.EN, "AU": Language.EN, "NZ": Language.EN, "CA": Language.EN,
}


#: German names a woman's role in the feminine ("Frau Zhou Meiling – Dolmetscherin"); the other roles are neutral
#: ("Delegationsleitung", "Mitglied", "Presse"). Chinese and English have one form for both.
GERMAN_FEMININE_ROLES: dict[Role, str] = {
    Role.STAFF: "Mitarbeiterin",
    Role.INTERPRETER: "Dolmetscherin",
    Role.HOST: "Gastgeberin",
}
@lru_cache(maxsize=8)
def _translator(language: Language) -> Callable[[str], str]:
    return translator_for(language.value)


@dataclass(frozen=True, slots=True)
class Punctuation:
    """How a language separates list entries, a label from its text, and names: ", " ": " ", " or "，" "：" "、"."""

    comma: str
    colon: str
    names: str
    brackets: tuple[str, str]


_WESTERN = Punctuation(", ", ": ", ", ", (" (", ")"))
#: Chinese text takes full-width marks.
_CHINESE = Punctuation("，", "：", "、", ("（", "）"))


@dataclass(frozen=True, slots=True)
class DocumentLanguage:
    """Labels, texts and dates in one language."""

    language: Language

    @classmethod
    def of(cls, language: Language | str) -> DocumentLanguage:
        return cls(Language(language))

    @property
    def locale(self) -> str:
        """What planner.formatting takes as `locale` (de, zh, en)."""
        return self.language.value

    @property
    def tag(self) -> str:
        return LANGUAGE_TAGS[self.language]

    @property
    def marks(self) -> Punctuation:
        """The punctuation text in this language is written with."""
        return _CHINESE if self.language is Language.ZH else _WESTERN

    def t(self, msgid: str, **params: Any) -> str:
        """A label marked with N_, translated into this language, placeholders filled."""
        text = _translator(self.language)(msgid)
        return text.format(**params) if params else text

    def text(self, value: LocalizedText) -> str:
        """The variant in this language, falling back so a line is never empty."""
        return value.text(self.language)

    def own(self, value: LocalizedText) -> str:
        """Only the variant in this language, "" if it is missing (for a second language that would repeat the first)."""
        return value.get(self.language)


def country_language(country: str) -> Language | None:
    return COUNTRY_LANGUAGES.get((country or "").upper())


def parse_language(value: Language | str, field: str = "language") -> Language:
    """A document language from user input ("de", "ZH", Language.EN); anything else is a clear error."""
    try:
        return Language(str(value).strip().lower())
    except ValueError:
        raise ValidationError(
            N_("“{value}” is not a document language; use de, zh or en."), field=field, value=value
        ) from None
