"""How a person's name is written, depending on the script and the reader.

Chinese names are written family name first and without a space in Chinese
script (许勤), family name first in pinyin too (Xu Qin); Western names given
name first. A sorting key puts family names first for every list.
"""

from __future__ import annotations

import unicodedata


def is_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in ("W", "F") and ch.isalpha() for ch in text)


def display_name(family: str, given: str, native: str = "", *, family_first: bool = False) -> str:
    """The Latin-script name as people say it; family first for East Asian names."""
    family, given = family.strip(), given.strip()
    if not given:
        return family
    if not family:
        return given
    if is_cjk(family) or is_cjk(given):  # written in Chinese characters (a partner's list): 王芳, never "芳 王"
        return f"{family}{given}"
    if family_first or (native and is_cjk(native)):
        return f"{family} {given}"
    return f"{given} {family}"


def full_name(family: str, given: str, native: str = "") -> str:
    """Latin name plus the native script where it differs, e.g. "Xu Qin (许勤)"."""
    latin = display_name(family, given, native)
    native = native.strip()
    if not latin:
        return native
    if native and native != latin:
        return f"{latin} ({native})"
    return latin


def name_for_language(family: str, given: str, native: str, language: str) -> str:
    """The name as a reader of `language` expects it: Chinese readers get the native script."""
    if language == "zh" and native.strip() and is_cjk(native):
        return native.strip()
    return display_name(family, given, native)


def _folded(text: str) -> str:
    # Accents sort with their base letter (Özdemir under O, as German lists file it).
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def sort_key(family: str, given: str) -> tuple[str, str, str, str]:
    """Family name first, accent- and case-blind; the exact spelling only breaks ties."""
    return (_folded(family), _folded(given), family.strip(), given.strip())
