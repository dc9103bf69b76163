"""Where a line of text may end, as German, English and Chinese typesetting require, and lines filled by it.

The break opportunities come from ICU's line breaker (icu4py: MIT, wheels with
ICU inside for Linux, Windows and macOS, so `pip` alone installs it) with the
locale "zh@lb=strict": Unicode's line-breaking algorithm (UAX #14) with the
strict Chinese and Japanese tailoring: no closing punctuation (，。、；：？！）」
etc.) at a line start, no opening bracket (（「《 etc.) at a line end, no break
inside a Latin word or a number, between any two Chinese characters otherwise.
The pure-Python `uniseg` gives the same breaks but takes 5 ms for a sentence
(ICU: 7 µs), more than a whole itinerary may cost; reportlab's own
wordWrap="CJK" splits Latin words, numbers and phone numbers anywhere.

Four rules ICU does not know are layered on top, each in a small function:

- Phone numbers, e-mail addresses, web addresses, times and time ranges
  ("09:30–11:30", "9:30 am – 11:30 am") and dates ("25. Oktober 2016",
  "2016年10月25日"), and numbers with their Chinese unit (9009号, 45分钟)
  are kept whole: a reader copies them off the page, and a
  number split over two lines gets dialled wrong. When one does not fit at
  the end of a line, all of it moves to the next.
- Quotation marks stay with the text they enclose. UAX #14 (since Unicode
  15.1) lets a line end after “ and start with ” between Chinese characters,
  and German opens with „ and closes with “, so the rule goes by what the
  mark touches, not by which mark it is.
- The last line of a paragraph is not a single Chinese character (with its
  punctuation) when the line above can give it company.
- A short text (a title, a name, an address for the driver: up to three
  lines) does not cut a Chinese word where a word's end is near: 深南大道 and
  航站楼 stay whole (preferred_breaks). Running text fills its lines, as
  Chinese is set.

A span kept whole but wider than a whole line breaks where Unicode allows; a
word too long for the line on its own (a long URL in a narrow column) is cut
between characters as the last resort; one that misses by less than a letter
(OVERHANG) stands out a little instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache

from icu4py.breakers import LineBreaker, WordBreaker

_LOCALE = "zh@lb=strict"
#: How far a word may stick out of its line before it is cut: less than a letter, which a cell's padding takes
#: ("Ernährungshinweise" in a label column), where a cut word would read as two.
OVERHANG = 3.0

#: Never at a line start: closing brackets and quotes, CJK and Latin stops, iteration marks, small kana.
CANNOT_START = frozenset(
    "，。、；：？！）」』】》〉〕］｝〗〙〛”’…‥・·〜ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    ",.;:?!)]}%‰°℃"
)
#: Never at a line end: opening brackets and quotes.
CANNOT_END = frozenset("（「『【《〈〔［｛〖〘〚“‘„‚([{")
_QUOTES = frozenset("“”‘’„‚«»‹›\"'")

_TIME = r"\d{1,2}[:.]\d{2}(?:\s?(?:[ap]\.?m\.?|[AP]M|Uhr|h))?"
#: German and English month names and their abbreviations, as babel writes dates ("25. Okt. 2016", "Oct 25, 2016").
_MONTH = (r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February"
          r"|March|May|June|July|October|December|(?:Jan|Feb|Mär|Mrz|Mar|Apr|Jun|Jul|Aug|Sept?|Okt|Oct|Nov|Dez|Dec)\.?)")
_PROTECTED = re.compile(
    "|".join((
        r"(?P<url>(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?)])",
        r"(?P<mail>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
        rf"(?P<time>{_TIME}(?:\s?[–—-]\s?{_TIME})?)",  # times and time ranges
        r"(?P<date>\d{4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?|\d{1,2}\s?月\s?\d{1,2}\s?日"  # 2016年10月25日
        rf"|(?<![\d.])\d{{1,2}}\.\s?{_MONTH}(?:\s\d{{4}})?(?!\w)"  # 25. Oktober 2016
        rf"|(?<![\d.])\d{{1,2}}\s{_MONTH}(?:\s\d{{4}})?(?!\w)"  # 25 October 2016
        rf"|(?<!\w){_MONTH}\s\d{{1,2}}(?:,?\s\d{{4}})?(?!\d)"  # October 25, 2016
        r"|(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{1,4})",  # 25.10.2016, 2016-10-25
        r"(?P<phone>(?:\+|\b)\d[\d\s()/.\-–]{4,}\d)",  # digits with spaces, slashes, dashes, brackets
        r"(?P<plate>[\u4e00-\u9fff][A-Z][·・]?[A-Z0-9]{5,6}(?![A-Za-z0-9])"  # number plates: 粤B·A0002 (the driver looks for it)
        r"|(?<![\w-])[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}\s\d{1,4}[EH]?(?!\w))",  # H-LH 101
        r"(?P<count>\d+\s?(?:分钟|小时|[号號楼樓层層室栋棟座幢期巷弄人位名个天次岁元]))",  # 9009号, 45分钟, 25人
    ))
)


@lru_cache(maxsize=16384)
def break_opportunities(text: str) -> tuple[int, ...]:
    """The offsets in `text` where a line may end (the next line starts there), in order; never 0 or len(text)."""
    if len(text) < 2:
        return ()
    blocked = _protected_spans(text)
    return tuple(at for at in _unicode_breaks(text) if not _inside(at, blocked) and _allowed(text, at))


@lru_cache(maxsize=4096)
def _unicode_breaks(text: str) -> tuple[int, ...]:
    """ICU's break opportunities alone: inside a kept-whole span too, for one wider than a whole line."""
    return tuple(end for _, end in LineBreaker(text, _LOCALE).segments() if 0 < end < len(text))


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans kept whole: phone numbers, addresses, times, dates (see the module's docstring)."""
    if not any(ch.isdigit() or ch in "@." for ch in text):
        return []
    return [match.span() for match in _PROTECTED.finditer(text)
            if match.lastgroup != "phone" or sum(ch.isdigit() for ch in match.group()) >= 6]


#: Characters that end a place name's part in a Chinese address or name (广东省 深圳市 南山区 华侨城 深南大道 9009号):
#: a line may end after one of these before it ends inside a word.
_UNIT_ENDS = frozenset("省市区县镇乡村街路道巷弄号楼层室城园馆厅场站港湾岛桥门苑府院所局会司部处")


@lru_cache(maxsize=8192)
def preferred_breaks(text: str) -> frozenset[int]:
    """The break opportunities that do not cut a Chinese word.

    Between two Chinese characters a line may end anywhere, and Chinese body
    text is set that way; but 深南大道 or 航站楼 cut in two reads badly in a title,
    an address for the driver or a name. A break is preferred where it is not
    between two ideographs, where ICU's dictionary sees two words of two or
    more characters meet (it knows everyday words, not street names: its
    single characters are no evidence of a word boundary), or after the unit
    of an address part (_UNIT_ENDS) that is not inside such a word (深圳市 but
    not 市民).
    """
    words: set[int] = set()
    inside: set[int] = set()
    if any(_is_ideograph(ch) for ch in text):
        segments = list(WordBreaker(text, "zh").segments())
        for start, end in segments:
            if end - start > 1:
                inside.update(range(start + 1, end))
        for (start, middle), (_, end) in zip(segments, segments[1:]):
            if middle - start > 1 and end - middle > 1:
                words.add(middle)
    return frozenset(at for at in break_opportunities(text)
                     if not (_is_ideograph(text[at - 1]) and _is_ideograph(text[at])) or at in words
                     or (text[at - 1] in _UNIT_ENDS and at not in inside))


def _is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f"


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < at < end for start, end in spans)


def _allowed(text: str, at: int) -> bool:
    """The rules ICU's strict tailoring leaves to us: kinsoku by the visible characters, quotes with their text."""
    before = text[:at].rstrip()
    after = text[at:].lstrip()
    if not before or not after:
        return False
    if after[0] in CANNOT_START or before[-1] in CANNOT_END:
        return False
    touching = text[at - 1], text[at]
    if touching[1] in _QUOTES and not touching[0].isspace():
        return False  # a closing quote stays with the word it closes
    return not (touching[0] in _QUOTES and not touching[1].isspace())  # an opening one with the word it opens


def fill(text: str, width: float, advances: Sequence[float]) -> list[tuple[int, int]]:
    """Lines of `text` no wider than `width`, as (start, end) offsets, end without the spaces where the line breaks.

    `advances` holds each character's width: a line from i to j is as wide as the sum of advances[i:j].
    """
    if not text:
        return [(0, 0)]
    edges = [0.0]
    for advance in advances:
        edges.append(edges[-1] + advance)
    stops = (*break_opportunities(text), len(text))

    def span(start: int, end: int) -> float:
        while end > start and text[end - 1].isspace():
            end -= 1
        return edges[end] - edges[start]

    short = edges[-1] <= _SHORT * width  # a title, a name, an address: no Chinese word cut where avoidable
    lines: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        first = bisect_right(stops, start)
        end = stops[first]
        if span(start, end) > width + OVERHANG:  # one piece far wider than the line: break it where Unicode allows,
            inner = [at for at in _unicode_breaks(text) if start < at < end and span(start, at) <= width]
            end = inner[-1] if inner else _cut(start, end, width, edges)  # else between characters
        elif span(start, end) <= width:
            for candidate in stops[first + 1:]:
                if span(start, candidate) > width:
                    break
                end = candidate
            if end < len(text) and short:
                end = _word_end(text, start, end, width, stops, span)
        lines.append((start, end))
        start = end
    _keep_company(text, lines, stops, width, span)
    return [(start, _trimmed(text, start, end)) for start, end in lines]


#: How many characters a line may give up to end after a Chinese word, and how full it stays at least.
_WORD_BACK_OFF, _WORD_FILL = 4, 0.5
#: Text of up to this many lines' width keeps its Chinese words whole; longer running text fills its lines,
#: as Chinese is set (lines of a paragraph ending a word or two short would look ragged).
_SHORT = 3


def _word_end(text: str, start: int, end: int, width: float, stops: Sequence[int], span: Callable[[int, int], float]) -> int:
    """`end`, or an earlier break that does not cut a Chinese word when one is near and the line stays half full."""
    preferred = preferred_breaks(text)
    if end in preferred:
        return end
    for at in reversed(stops[:bisect_right(stops, end) - 1]):
        if at <= start or end - at > _WORD_BACK_OFF:
            break
        if at in preferred and span(start, at) >= width * _WORD_FILL:
            return at
    return end


def _cut(start: int, end: int, width: float, edges: list[float]) -> int:
    cut = start + 1
    while cut < end and edges[cut + 1] - edges[start] <= width:
        cut += 1
    return cut


def _trimmed(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _keep_company(text: str, lines: list[tuple[int, int]], stops: Sequence[int], width: float,
                  span: Callable[[int, int], float]) -> None:
    """A last line of one Chinese character (and its punctuation) takes the last piece of the line above along."""
    if len(lines) < 2:
        return
    start, end = lines[-1]
    if not _lonely(text[start:end].strip()):
        return
    above_start, _ = lines[-2]
    earlier = [at for at in stops if above_start < at < start and span(at, end) <= width]
    if earlier:
        preferred = preferred_breaks(text)
        near = [at for at in earlier if at in preferred and start - at <= _WORD_BACK_OFF
                and span(above_start, at) >= width * _WORD_FILL]
        at = near[-1] if near else earlier[-1]  # the company it takes along: a whole word where one is near
        lines[-2] = (above_start, at)
        lines[-1] = (at, end)


def _lonely(last: str) -> bool:
    letters = [ch for ch in last if ch.isalnum()]
    return len(letters) == 1 and not letters[0].isascii() and "\u2e80" <= letters[0] <= "\U0003134f"
