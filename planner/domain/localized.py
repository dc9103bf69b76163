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


@dataclass(frozen=True, slots=True)
class LocalizedText:
    de: str = ""
    zh: str = ""
    en: str = ""

    @classmethod
    def from_mapping(cls, data: Mapping[str, str] | None) -> LocalizedText:
        if not data:
            return cls()
        return cls(**{lang.value: (data.get(lang.value) or "").strip() for lang in Language})

    @classmethod
    def same(cls, text: str) -> LocalizedText:
        """The same text in every language, e.g. a brand name like "EMAX"."""
        return cls(de=text, zh=text, en=text)

    def to_mapping(self) -> dict[str, str]:
        """Only the variants that hold text, in a stable order."""
        return {lang.value: self.get(lang) for lang in Language if self.get(lang)}

    def get(self, language: Language | str) -> str:
        return str(getattr(self, Language(language).value))

    def text(self, language: Language | str) -> str:
        """The variant for `language`, or the first available in the fallback order."""
        for lang in FALLBACK_ORDER[Language(language)]:
            value = self.get(lang)
            if value:
                return value
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
