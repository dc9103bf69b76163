"""Reading single cell values the way partners write them, in German, Chinese or English.

Each reader returns the value, or None for an empty cell, and raises a
ValidationError naming the field for anything it cannot read; the preview
turns that into a problem at the cell.

Words are compared folded (see `fold`): "Head of delegation", "head-of-
delegation" and "HEAD OF DELEGATION" are one word, as are full- and
half-width forms of Chinese punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import lru_cache

from planner.domain.enums import Language, Role
from planner.domain.errors import ValidationError
from planner.i18n import N_
from planner.importing.members.table import CellValue, cell_text


def fold(text: str) -> str:
    """`text` compatibility-normalised, case-folded, with everything but letters and digits removed."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _index(table: dict[object, tuple[str, ...]]) -> dict[str, object]:
    index: dict[str, object] = {}
    for value, words in table.items():
        for word in words:
            key = fold(word)
            assert index.get(key, value) == value, f"{word!r} means two things"
            index[key] = value
    return index


_ROLE_WORDS: dict[object, tuple[str, ...]] = {
    Role.HEAD: (
        "head", "head of delegation", "delegation leader", "leader", "Delegationsleitung", "Delegationsleiter",
        "Delegationsleiterin", "Leiter", "Leiterin", "Leitung", "团长", "代表团团长", "领队",
    ),
    Role.MEMBER: ("member", "delegate", "Mitglied", "Delegationsmitglied", "Teilnehmer", "Teilnehmerin", "成员", "团员", "代表团成员"),
    Role.STAFF: ("staff", "support staff", "Mitarbeiter", "Mitarbeiterin", "Begleitung", "Betreuung", "工作人员", "随员"),
    Role.INTERPRETER: ("interpreter", "translator", "Dolmetscher", "Dolmetscherin", "Übersetzer", "Übersetzerin", "翻译", "口译"),
    Role.PRESS: ("press", "media", "journalist", "Presse", "Medien", "Journalist", "Journalistin", "记者", "媒体"),
    Role.HOST: ("host", "Gastgeber", "Gastgeberin", "接待方", "东道主", "接待"),
}
_LANGUAGE_WORDS: dict[object, tuple[str, ...]] = {
    Language.DE: ("de", "deu", "ger", "Deutsch", "German", "德语", "德文"),
    Language.ZH: ("zh", "zho", "chi", "zh-CN", "zh_CN", "Chinesisch", "Chinese", "Mandarin", "中文", "汉语", "普通话", "华语"),
    Language.EN: ("en", "eng", "en-GB", "en-US", "Englisch", "English", "英语", "英文"),
}
#: Names for countries that CLDR does not list under these spellings: official names,
#: nationalities as adjectives, and the three-letter codes of machine-readable passports.
_COUNTRY_EXTRA: dict[object, tuple[str, ...]] = {
    "CN": (
        "CHN", "PRC", "People's Republic of China", "PR China", "Volksrepublik China", "VR China", "chinesisch",
        "Chinese", "中华人民共和国", "中国籍", "中国大陆",
    ),
    "DE": ("DEU", "D", "Bundesrepublik Deutschland", "BRD", "Federal Republic of Germany", "deutsch", "German", "德国籍"),
    "AT": ("AUT", "österreichisch", "Austrian"),
    "CH": ("CHE", "schweizerisch", "Swiss"),
    "GB": ("GBR", "UK", "britisch", "British"),
    "US": ("USA", "amerikanisch", "American"),
    "FR": ("FRA", "französisch", "French"),
    "HK": ("HKG",),
    "MO": ("MAC",),
    "TW": ("TWN",),
    "SG": ("SGP",),
    "JP": ("JPN", "japanisch", "Japanese"),
    "KR": ("KOR",),
}
#: CLDR region codes that are no country: world regions, the EU, the UN, pseudo and unknown regions.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})

_ROLES = _index(_ROLE_WORDS)
_LANGUAGES = _index(_LANGUAGE_WORDS)


def parse_role(value: CellValue, field: str = "role") -> Role | None:
    text = cell_text(value).strip()
    if not text:
        return None
    role = _ROLES.get(fold(text))
    if role is None:
        raise ValidationError(
            N_("“{value}” is not a role the planner knows (head, member, staff, interpreter, press or host)."), field=field, value=text
        )
    assert isinstance(role, Role)
    return role


def parse_language(value: CellValue, field: str = "preferred_language") -> Language | None:
    text = cell_text(value).strip()
    if not text:
        return None
    language = language_word(text)
    if language is None:
        raise ValidationError(N_("“{value}” is not a language the planner knows (German, Chinese or English)."), field=field, value=text)
    return language


def language_word(text: str) -> Language | None:
    """The language a word names ("Deutsch", "中文", "en"), or None."""
    language = _LANGUAGES.get(fold(text))
    return language if isinstance(language, Language) else None


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    from babel import Locale

    index: dict[str, str] = {}
    codes: set[str] = set()
    for locale in ("en", "de", "zh"):
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                codes.add(code)
                index.setdefault(fold(name), code)
    for code in codes:
        index[fold(code)] = code
    for code, words in _COUNTRY_EXTRA.items():
        for word in words:
            index[fold(word)] = str(code)
    return index


def parse_country(value: CellValue, field: str = "nationality") -> str | None:
    """A two-letter ISO code, from a code or a country's name in German, Chinese or English."""
    text = cell_text(value).strip()
    if not text:
        return None
    code = _countries().get(fold(text))
    if code is None:
        raise ValidationError(
            N_("“{value}” is not a country the planner knows; use its name or its two-letter code (e.g. CN, DE)."), field=field, value=text
        )
    return code


_DATE_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, str, str]], ...] = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?"), ("y", "m", "d")),
    (re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})"), ("d", "m", "y")),
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"), ("y", "m", "d")),
)
#: Excel counts days from 1899-12-30 (its 1900 leap-year bug included); 10000–99999 is 1927–2173.
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_SERIAL = re.compile(r"\d{5}(?:\.0+)?")


def parse_date(value: CellValue, field: str = "passport_expiry") -> date | None:
    """A date from an Excel date cell or serial number, or text as ISO, DD.MM.YYYY, YYYY/MM/DD or YYYY年MM月DD日.

    Day-first and month-first slashed dates (01/02/2030) are not guessed:
    either reading is common, and a wrong passport expiry is worse than a question.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _excel_serial(value, field)
    text = unicodedata.normalize("NFKC", cell_text(value)).strip()
    if not text:
        return None
    if _EXCEL_SERIAL.fullmatch(text):
        return _excel_serial(float(text), field)
    for pattern, order in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                break
    raise ValidationError(
        N_("“{value}” is not a date the planner can read; write it as 2030-12-31, 31.12.2030, 2030/12/31 or 2030年12月31日."),
        field=field, value=text,
    )


def _excel_serial(number: float, field: str) -> date:
    if not 1 <= number < 2_958_466 or number != int(number):
        raise ValidationError(
            N_("“{value}” is not a date the planner can read; write it as 2030-12-31, 31.12.2030, 2030/12/31 or 2030年12月31日."),
            field=field, value=cell_text(number),
        )
    return _EXCEL_EPOCH + timedelta(days=int(number))


_NEUTRALISED = re.compile(r"'(?=\s*[=+\-@＝＋－＠]|[\t\r])")


def plain_text(value: CellValue) -> str:
    """A cell's text, with the quote taken off that an export put before "=", "+", "-" or "@".

    planner.export.member_list writes "'+49 511 …" so that a spreadsheet
    never runs a cell as a formula; reading our own export back must give
    the phone number, not the quote.
    """
    text = cell_text(value)
    return text[1:] if _NEUTRALISED.match(text) else text
