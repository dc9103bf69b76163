"""Guessing how a CSV file was encoded, the way member lists really arrive.

Lists come from Excel on German Windows (cp1252), from Chinese partners (GBK,
which GB18030 extends), from anything modern (UTF-8, with or without the BOM
Excel writes), or from Excel's "Unicode text" (UTF-16 with BOM). The heuristic:

1. A byte order mark decides: UTF-8 BOM → utf-8-sig, UTF-16 BOMs → utf-16.
2. Text that decodes as strict UTF-8 is UTF-8. Legacy encodings almost never
   produce valid multi-byte UTF-8 sequences by chance, so this is safe.
3. Otherwise GB18030 and cp1252 are both tried strictly. Each can decode
   many files of the other (cp1252 "Müller" is valid GB18030 "M黮ler"; GBK
   "中文" is valid cp1252 "ÖÐÎÄ"), so when both succeed, each reading is
   scored for how much it looks like a real list:
   - GB18030: the share of its non-ASCII characters that are in GB2312, the
     6,763 characters of everyday Chinese (misread German gives rare
     characters: a byte pair with an ASCII letter in it is never GB2312);
   - cp1252: the share of its runs of non-ASCII characters that are one or two
     characters long and touch an ASCII letter (ü, ß and é sit inside words;
     misread Chinese gives long runs between delimiters).
   The higher score wins; a tie goes to cp1252.
4. The result must look like text: no NUL and hardly any control characters;
   a binary file is refused rather than imported as mojibake.

charset-normalizer would guess among far more encodings, and more often
wrongly for short files; three candidates chosen by where lists come from,
and a rule that can be read in one screen, are easier to trust.
"""

from __future__ import annotations

import codecs
import re

from planner.i18n import N_
from planner.importing.members.errors import MemberFileError

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_BINARY = N_("The file is not a text table (it contains binary data); please choose a CSV file or an Excel workbook (.xlsx).")
#: Control characters (other than tab and line breaks) a text may hold before it counts as binary.
CONTROL_SHARE = 0.1


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of the encoding it was read with."""
    text, encoding = _decode(data)
    _check_is_text(text)
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data:
        raise MemberFileError(_BINARY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    gb = _try(data, "gb18030")
    latin = _try(data, "cp1252")
    if gb is not None and latin is not None:
        return (gb, "gb18030") if _gb2312_share(gb) > _latin_share(latin) else (latin, "cp1252")
    if gb is not None:
        return gb, "gb18030"
    if latin is not None:
        return latin, "cp1252"
    raise MemberFileError(
        N_("The file is not text in a known encoding (UTF-8, GBK/GB18030 or Windows-1252); please save it as UTF-8 CSV or as an Excel workbook.")
    )


def _strict(data: bytes, encoding: str) -> str:
    # utf-8-sig counts positions after the BOM; the message counts from the start of the file.
    offset = len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise MemberFileError(
            N_("The file says it is {encoding}, but the byte at position {position} is not valid {encoding}."),
            encoding=encoding.upper().replace("-SIG", ""), position=exc.start + offset,
        ) from exc


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _gb2312_share(text: str) -> float:
    """Of the non-ASCII characters, the share that everyday Chinese (GB2312) holds."""
    wide = [ch for ch in text if ord(ch) > 127]
    if not wide:
        return 1.0
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common / len(wide)


def _latin_share(text: str) -> float:
    """Of the runs of non-ASCII characters, the share that look like letters inside words (ü, ß, é)."""
    runs = [m for m in _NON_ASCII_RUN.finditer(text)]
    if not runs:
        return 1.0
    inside = 0
    for run in runs:
        before = text[run.start() - 1] if run.start() > 0 else ""
        after = text[run.end()] if run.end() < len(text) else ""
        if run.end() - run.start() <= 2 and (_ascii_letter(before) or _ascii_letter(after)):
            inside += 1
    return inside / len(runs)


def _ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _check_is_text(text: str) -> None:
    if "\x00" in text:
        raise MemberFileError(_BINARY)
    controls = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\r\n\f") or 0x7F <= ord(ch) < 0xA0)
    if controls > max(2, len(text) * CONTROL_SHARE):
        raise MemberFileError(_BINARY)
