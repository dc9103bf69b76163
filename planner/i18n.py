"""The one gettext catalog for the whole app, Qt-free so every layer can use it.

Messages are translated at display time: code keeps the English msgid (marked
with `N_` where it is defined at import time) and calls `_` when it shows it.
The active language is process state, switched by the UI or CLI; Qt widgets
listen to the UI's own language-changed signal and call `_` again.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Callable

from planner.paths import TRANSLATIONS

DOMAIN = "planner"
#: The interface languages, with their gettext/babel locale codes.
UI_LOCALES: dict[str, str] = {"de": "de", "zh": "zh_CN", "en": "en"}
DEFAULT_LANGUAGE = "en"

class _State:
    language: str = DEFAULT_LANGUAGE
    translation: gettext.NullTranslations = gettext.NullTranslations()


def _load(language: str) -> gettext.NullTranslations:
    code = UI_LOCALES.get(language, language)
    return gettext.translation(DOMAIN, localedir=str(TRANSLATIONS), languages=[code], fallback=True)


def set_language(language: str) -> None:
    """Make `language` (de, zh or en) the language of every message from now on."""
    if language not in UI_LOCALES:
        language = DEFAULT_LANGUAGE
    _State.language = language
    _State.translation = _load(language)


def current_language() -> str:
    return _State.language


def current_locale() -> str:
    """The babel locale code of the active language (de, zh_CN, en)."""
    return UI_LOCALES[_State.language]


def system_language() -> str:
    """The interface language that matches the system locale, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            break
    else:
        value = locale.getlocale()[0] or ""
    prefix = value.split("_")[0].split(".")[0].lower()
    return prefix if prefix in UI_LOCALES else DEFAULT_LANGUAGE


def _(message: str) -> str:
    """Translate `message` into the active language."""
    return _State.translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _State.translation.ngettext(singular, plural, n)


def translator_for(language: str) -> Callable[[str], str]:
    """A `_` bound to one language, for documents printed in a participant's own language."""
    return _load(language).gettext


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it yet."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - gettext naming
    """Mark a singular/plural pair for extraction; translated later with ngettext and a count."""
    return (singular, plural)
