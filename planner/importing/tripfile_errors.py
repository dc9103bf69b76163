"""What goes wrong with a trip file, each problem named by its JSON path.

A problem keeps its English msgid and parameters and is translated when shown,
like every other message of the planner; `TripFileError` carries all problems
of one file so the user can fix them in one go.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.domain.errors import PlannerError
from planner.i18n import N_

#: A position inside the document: object field names and list indexes from the root.
Location = tuple[str | int, ...]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SHOWN_CHARS = 60


def json_path(location: Iterable[str | int]) -> str:
    """`$.programme[3].end` for ("programme", 3, "end"); odd field names are quoted: `$["a b"]`."""
    text = "$"
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _NAME.fullmatch(part):
            text += f".{part}"
        else:
            text += f"[{json.dumps(printable(part), ensure_ascii=False)}]"
    return text


def printable(text: str) -> str:
    """`text` with lone surrogates (from `\\ud800` escapes) replaced, so a terminal can show it."""
    return _SURROGATE.sub("\ufffd", text)


def shown(value: Any) -> str:
    """A value from the file as the message shows it: JSON, shortened."""
    try:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    text = printable(text)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


@dataclass(frozen=True, slots=True)
class TripFileProblem:
    """One problem at one place in the file; `message` is translated when read."""

    path: str
    msgid: str
    params: Mapping[str, Any] = field(default_factory=dict)
    location: Location = field(default=(), compare=False, repr=False)

    @classmethod
    def at(cls, location: Location, msgid: str, **params: Any) -> TripFileProblem:
        safe = {k: printable(v) if isinstance(v, str) else v for k, v in params.items()}
        return cls(json_path(location), msgid, safe, tuple(location))

    @property
    def message(self) -> str:
        return PlannerError(self.msgid, **self.params).message()

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class TripFileError(PlannerError):
    """A trip file that cannot be imported; nothing has been written.

    `problems` lists every problem found, each with its JSON path; it is empty
    when the file as a whole is unusable (missing, too big, not JSON).
    """

    def __init__(self, message: str, problems: Sequence[TripFileProblem] = (), **params: Any) -> None:
        super().__init__(message, **params)
        self.problems: list[TripFileProblem] = list(problems)

    @classmethod
    def invalid(cls, problems: Sequence[TripFileProblem]) -> TripFileError:
        return cls(N_("The trip file cannot be imported; nothing was changed. Please correct:"), problems)

    def message(self) -> str:
        head = PlannerError.message(self)
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
