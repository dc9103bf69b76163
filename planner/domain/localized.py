"""Text that participants read, held in German, Chinese and English.

Each field keeps whichever variants the planner has written; a reader in one
language falls back to the others in a fixed order so a printout never shows
an empty line, and the planner can ask which variants are still missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner.domain.enums import Language

#: Which variant to show when the wanted one is missing.
FALLBACK_ORDER: dict[Language, tuple[Language, ...]] = {
    Language.DE: (Language.DE, Language.EN, Language.ZH),
    Language.EN: (Language.EN, Language.DE, Language.ZH),
    Language.ZH: (Language.ZH, Language.EN, Language.DE),
}


#: Field names by language code (a StrEnum member finds its entry too: it equals its value).
_FIELDS: dict[str, str] = {lang.value: lang.value for lang in Language}
_FALLBACK_FIELDS: dict[str, tuple[str, ...]] = {
    lang.value: tuple(other.value for other in order) for lang, order in FALLBACK_ORDER.items()
}


@dataclass(frozen=True, slots=True)
class LocalizedText:
    de: str = ""
    zh: str = ""
    en: str = ""

    @classmethod
    def from_mapping(cls, data: Mapping[str, str] | None) -> LocalizedText:
        if not data:
            return cls()
        # Spelled out rather than looped over Language: the database layer calls this for
        # every multilingual cell it reads, tens of thousands of times for a large trip.
        get = data.get
        return cls((get("de") or "").strip(), (get("zh") or "").strip(), (get("en") or "").strip())

    @classmethod
    def same(cls, text: str) -> LocalizedText:
        """The same text in every language, e.g. a brand name like "EMAX"."""
        return cls(de=text, zh=text, en=text)

    def to_mapping(self) -> dict[str, str]:
        """Only the variants that hold text, in a stable order (that of Language)."""
        found: dict[str, str] = {}  # spelled out: called for every multilingual value written
        if self.de:
            found["de"] = self.de
        if self.zh:
            found["zh"] = self.zh
        if self.en:
            found["en"] = self.en
        return found

    def get(self, language: Language | str) -> str:
        field = _FIELDS.get(language)
        if field is None:
            field = Language(language).value  # refuses an unknown code with ValueError
        return str(getattr(self, field))

    def text(self, language: Language | str) -> str:
        """The variant for `language`, or the first available in the fallback order."""
        # Tables call this for every cell they show and sort, so it avoids the Enum lookups.
        order = _FALLBACK_FIELDS.get(language)
        if order is None:
            order = _FALLBACK_FIELDS[Language(language).value]
        for field in order:
            value = getattr(self, field)
            if value:
                return str(value)
        return ""

    def has(self, language: Language | str) -> bool:
        return bool(self.get(language))

    def missing(self, languages: Iterable[Language | str] = tuple(Language)) -> list[Language]:
        return [Language(lang) for lang in languages if not self.get(lang)]

    def is_empty(self) -> bool:
        return not (self.de or self.zh or self.en)

    def replace(self, language: Language | str, value: str) -> LocalizedText:
        data = {lang.value: self.get(lang) for lang in Language}
        data[Language(language).value] = value.strip()
        return LocalizedText(**data)

    def __str__(self) -> str:
        return self.text(Language.EN)
