"""Which language variant of a need text to read, and the common needs recognised in de, en and zh.

Variants: one person's need text may be written in several languages at once,
separated by a middle dot with spaces around it: "vegetarisch · 素食 · vegetarian".
The convention (the demo data and the trip file follow it) is German · Chinese ·
English; any variant may be left out. A summary in Chinese reads the variant with
Chinese characters; German and English read the variant that uses words of their
language (a need of the vocabulary below, or a common word such as "und"/"and"),
else the first Latin-script variant for German and the last for English; without
any match the first variant. A text without the separator is one variant for
every language. A middle dot without spaces (卡尔·马克思) separates nothing.

Vocabulary: a handful of needs kitchens and hosts meet every week, each with an
N_() label, so that "vegetarisch", "素食" and "vegetarian" are counted together and
printed in the reader's language. A need is recognised when, besides its terms,
it holds only explanation in brackets, filler words ("strictly", "bitte", "过敏")
and punctuation: "halal (no pork, no alcohol)" is halal, but "severe nut allergy
(carries an emergency kit)" stays as written, since the kitchen must read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.domain.names import is_cjk
from planner.i18n import N_

_VARIANT_SEPARATOR = re.compile(r"\s+·\s*|\s*·\s+")


@dataclass(frozen=True, slots=True)
class KnownNeed:
    """A common need: its label (an N_ msgid, also its key) and how it is written in each language."""

    label: str
    de: tuple[str, ...]
    en: tuple[str, ...]
    zh: tuple[str, ...]


#: Terms are regular expressions, matched case-insensitively; Latin ones as whole words.
VOCABULARY: tuple[KnownNeed, ...] = (
    KnownNeed(N_("vegetarian"), (r"vegetarisch\w*", r"vegetarier\w*"), (r"vegetarian", r"veggie"), ("素食", "吃素", "素食者")),
    KnownNeed(N_("vegan"), (r"vegan\w*",), (r"vegan",), ("纯素", "纯素食", "全素")),
    KnownNeed(N_("halal"), (r"halal",), (r"halal",), ("清真",)),
    KnownNeed(N_("kosher"), (r"koscher",), (r"kosher",), ("犹太洁食", "洁食")),
    KnownNeed(
        N_("no pork"),
        (r"kein(?:e|en)? schweinefleisch", r"ohne schweinefleisch"),
        (r"no pork", r"without pork", r"pork[- ]free"),
        ("不吃猪肉", "不含猪肉", "无猪肉", "忌猪肉"),
    ),
    KnownNeed(
        N_("no alcohol"),
        (r"kein(?:en)? alkohol", r"ohne alkohol", r"alkoholfrei"),
        (r"no alcohol", r"without alcohol", r"alcohol[- ]free"),
        ("不喝酒", "不饮酒", "不含酒精", "无酒精", "忌酒"),
    ),
    KnownNeed(
        N_("no beef"),
        (r"kein(?:e|en)? rindfleisch", r"ohne rindfleisch"),
        (r"no beef", r"without beef", r"beef[- ]free"),
        ("不吃牛肉", "不含牛肉", "无牛肉", "忌牛肉"),
    ),
    KnownNeed(
        N_("gluten-free"),
        (r"glutenfrei\w*", r"kein gluten", r"ohne gluten", r"zöliakie", r"glutenunverträglichkeit"),
        (r"gluten[- ]free", r"no gluten", r"without gluten", r"coeliac", r"celiac", r"gluten intolerance"),
        ("无麸质", "不含麸质", "麸质过敏", "麸质不耐受", "乳糜泻"),
    ),
    KnownNeed(
        N_("lactose-free"),
        (r"laktosefrei\w*", r"keine laktose", r"ohne laktose", r"laktoseintoleran\w*"),
        (r"lactose[- ]free", r"no lactose", r"without lactose", r"lactose[- ]intoleran\w+"),
        ("无乳糖", "不含乳糖", "乳糖不耐受", "乳糖不耐"),
    ),
    KnownNeed(
        N_("nut allergy"),
        (r"nussallergie", r"keine nüsse", r"allergisch gegen nüsse"),
        (r"(?:tree )?nut allergy", r"no nuts", r"allergic to nuts"),
        ("坚果过敏", "不吃坚果"),
    ),
    KnownNeed(
        N_("peanut allergy"),
        (r"erdnussallergie", r"keine erdnüsse", r"allergisch gegen erdnüsse"),
        (r"peanut allergy", r"no peanuts", r"allergic to peanuts"),
        ("花生过敏", "不吃花生"),
    ),
    KnownNeed(
        N_("seafood allergy"),
        (
            r"meeresfrüchteallergie", r"schalentierallergie", r"krustentierallergie",
            r"keine meeresfrüchte", r"keine schalentiere",
        ),
        (
            r"seafood allergy", r"shellfish allergy", r"crustacean allergy", r"no seafood", r"no shellfish",
            r"allergic to (?:seafood|shellfish)",
        ),
        ("海鲜过敏", "贝类过敏", "甲壳类过敏", "不吃海鲜"),
    ),
    KnownNeed(N_("diabetic"), (r"diabetiker\w*", r"diabetes", r"diabetisch\w*"), (r"diabetic", r"diabetes"), ("糖尿病",)),
    KnownNeed(N_("wheelchair"), (r"rollstuhl\w*",), (r"wheelchair(?: user)?",), ("轮椅", "坐轮椅")),
    KnownNeed(
        N_("walking impairment"),
        (r"gehbehinderung", r"gehbehindert\w*", r"eingeschränkte mobilität", r"gehhilfe"),
        (r"walking impairment", r"(?:reduced|limited|impaired) mobility", r"mobility impairment", r"walking aid"),
        ("行动不便", "行走不便", "腿脚不便"),
    ),
    KnownNeed(
        N_("hearing impairment"),
        (r"hörbehinderung", r"hörbehindert\w*", r"schwerhörig\w*", r"gehörlos\w*"),
        (r"hearing impairment", r"hearing[- ]impaired", r"hard of hearing", r"deaf"),
        ("听力障碍", "听障", "听力受损", "耳聋"),
    ),
    KnownNeed(
        N_("visual impairment"),
        (r"sehbehinderung", r"sehbehindert\w*", r"blind\w*"),
        (r"visual impairment", r"visually impaired", r"partially sighted", r"blind"),
        ("视力障碍", "视障", "失明", "盲人"),
    ),
)

#: Words that do not change what a recognised need means.
_FILLER_LATIN = (
    r"allerg\w*", r"strict\w*", r"streng\w*", r"please", r"bitte", r"only", r"nur", r"diet", r"kost",
    r"ernährung", r"food", r"essen", r"and", r"und", r"or", r"oder", r"user",
)
_FILLER_CJK = ("过敏", "严格", "请", "饮食", "和", "及", "与", "或")
#: Common small words that tell German from English where no need of the vocabulary is named.
_MARKERS = {
    "de": (r"und", r"oder", r"nicht", r"kein\w*", r"mit", r"ohne", r"für", r"bei", r"nach", r"bitte", r"inkl"),
    "en": (r"and", r"or", r"not", r"no", r"with", r"without", r"for", r"at", r"after", r"please", r"incl"),
}


def _words(terms: tuple[str, ...]) -> str:
    return "|".join(sorted(terms, key=len, reverse=True))


def _latin(terms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_words(terms)})(?!\w)", re.IGNORECASE)


class _Patterns:
    """Compiled once: every term of the vocabulary, longest first, with the need it names."""

    def __init__(self) -> None:
        latin: list[str] = []
        cjk: list[str] = []
        for need in VOCABULARY:
            for term in (*need.de, *need.en):
                latin.append(term)
            for term in need.zh:
                cjk.append(re.escape(term))
        self.latin = [(re.compile(rf"(?<!\w)(?:{term})(?!\w)", re.IGNORECASE), need.label)
                      for need in VOCABULARY for term in (*need.de, *need.en)]
        self.cjk = [(re.compile(re.escape(term)), need.label) for need in VOCABULARY for term in need.zh]
        self.any_term = re.compile(
            rf"(?<!\w)(?:{_words(tuple(latin))})(?!\w)|{_words(tuple(cjk))}", re.IGNORECASE
        )
        self.filler = re.compile(rf"(?<!\w)(?:{_words(_FILLER_LATIN)})(?!\w)|{'|'.join(_FILLER_CJK)}", re.IGNORECASE)
        self.language = {
            code: _latin((*_MARKERS[code], *(t for need in VOCABULARY for t in getattr(need, code))))
            for code in ("de", "en")
        }


_PATTERNS = _Patterns()
_OPENING = "([{（［【"
_CLOSING = ")]}）］】"
_NOT_TEXT = re.compile(r"[\W_]+")


def variants(text: str) -> list[str]:
    """The language variants of one need text, in the order written; [] for an empty text."""
    return [v for v in (part.strip() for part in _VARIANT_SEPARATOR.split(text or "")) if v]


def variant_for(text: str, language: str) -> str:
    """The variant of `text` a reader of `language` (de, en, zh) should see; the text itself if it has one."""
    found = variants(text)
    if len(found) <= 1:
        return found[0] if found else ""
    if language == "zh":
        return next((v for v in found if is_cjk(v)), found[0])
    latin = [v for v in found if not is_cjk(v)]
    if language not in _MARKERS or not latin:
        return found[0]
    if len(latin) == 1:
        return latin[0]
    other = "en" if language == "de" else "de"
    scores = [len(_PATTERNS.language[language].findall(v)) - len(_PATTERNS.language[other].findall(v)) for v in latin]
    best = max(scores)
    if best > 0 and scores.count(best) == 1:
        return latin[scores.index(best)]
    return latin[0] if language == "de" else latin[-1]


def _outside_brackets(text: str) -> str:
    """`text` with everything in brackets blanked out (positions kept)."""
    depth = 0
    kept: list[str] = []
    for ch in text:
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(0, depth - 1)
            kept.append(" ")
            continue
        kept.append(" " if depth else ch)
    return "".join(kept)


def _named(text: str) -> list[str]:
    """The labels of the known needs named in `text`, in the order they appear."""
    labels: list[str] = []
    for match in _PATTERNS.any_term.finditer(text):  # longest term first: 纯素食 is vegan, not 素食
        term = match.group()
        label = next((label for pattern, label in (*_PATTERNS.latin, *_PATTERNS.cjk) if pattern.fullmatch(term)), None)
        if label is not None and label not in labels:
            labels.append(label)
    return labels


def recognise(need: str) -> tuple[str, ...]:
    """The labels of the known needs `need` stands for; () when it says more than the vocabulary knows.

    Terms outside brackets count; brackets only explain ("halal (no pork)" is halal),
    unless the need is nothing but brackets.
    """
    rest = _PATTERNS.filler.sub(" ", _PATTERNS.any_term.sub(" ", need))
    if _NOT_TEXT.sub("", rest) or not _NOT_TEXT.sub("", need):
        return ()
    return tuple(_named(_outside_brackets(need)) or _named(need))
