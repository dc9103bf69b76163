"""File names made from people's names that every system accepts and nobody confuses.

The same folder may be opened on Windows, macOS and Linux (a shared drive, a
USB stick), so a name must satisfy all three: none of <>:"/\\|?*, no control
characters, no trailing dot or space, none of Windows' device names (CON,
NUL, COM1 …), and at most 255 bytes in UTF-8. Chinese characters are kept:
every current file system stores them. Names that differ only in case or in
Unicode normalisation count as the same, as they do on macOS and Windows.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from planner.domain.errors import PlannerError
from planner.domain.names import display_name
from planner.i18n import N_
from planner.domain.members import Member

#: Characters Windows forbids in names; / and \\ are path separators everywhere.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{stem}{n}" for stem in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")]
)
#: Bytes for the stem: room for an extension and a " (99)" counter within 255 bytes, and for deep folders on Windows.
MAX_STEM_BYTES = 120
FALLBACK = "document"


def safe_stem(name: str, fallback: str = FALLBACK) -> str:
    """`name` made safe as the part of a file name before the extension."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", name))  # tabs and line breaks become spaces first
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    text = _FORBIDDEN.sub("_", text)
    text = _SPACES.sub(" ", text).strip(" ._")
    text = _truncate(text, MAX_STEM_BYTES).rstrip(" .")
    if not text:
        text = fallback
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = f"_{text}"
    return text


def _truncate(text: str, limit: int) -> str:
    """At most `limit` UTF-8 bytes, cut between characters (never inside one)."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


class FileNamer:
    """Hands out safe, distinct file names in one folder: a second "Li Wei" becomes "Li Wei (2)"."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = {_key(name) for name in taken}

    def name(self, stem: str, extension: str) -> str:
        base = safe_stem(stem)
        candidate = f"{base}{extension}"
        number = 2
        while _key(candidate) in self._taken:
            candidate = f"{base} ({number}){extension}"
            number += 1
        self._taken.add(_key(candidate))
        return candidate


def safe_filename(stem: str, extension: str) -> str:
    """One safe file name, e.g. safe_filename("Xu Qin (许勤)", ".pdf")."""
    return FileNamer().name(stem, extension)


def itinerary_stem(member: Member) -> str:
    """A participant's documents are named after them: the Latin name, then the native one ("Xu Qin 许勤")."""
    person = member.person
    latin = display_name(person.family_name, person.given_name, person.native_name)
    native = person.native_name.strip()
    return f"{latin} {native}" if native and native != latin else latin


def output_folder(out_dir: str | os.PathLike[str]) -> Path:
    """The folder to write a batch into, created if missing; a clear error if it cannot be."""
    folder = Path(out_dir).expanduser()
    if folder.exists() and not folder.is_dir():
        raise PlannerError(N_("{path} is a file, not a folder."), path=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlannerError(
            N_("The folder {path} cannot be created: {reason}"), path=str(folder), reason=exc.strerror or str(exc)
        ) from exc
    return folder
