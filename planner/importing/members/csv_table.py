"""Reading a CSV member list: the delimiter, then the records.

Excel writes comma or semicolon depending on the system's list separator
(German Windows: semicolon), "Unicode text" uses tabs; nothing else is
guessed. Each candidate is scored by counting outside quotes: on how many of
the first lines it occurs exactly as often as in the header, then how often
it occurs in the header. csv.Sniffer (restricted to the three) has the say
where it agrees with the best score, ties included; where it gives up or
picks a worse candidate ("E-Mail, privat" in a semicolon header line), the
counting decides.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

from planner.i18n import N_
from planner.importing.members.errors import MemberFileError
from planner.importing.members.table import CellValue, FileKind, RawTable, shape_table

DELIMITERS = (",", ";", "\t")
_SAMPLE_CHARS = 16 * 1024
_SAMPLE_LINES = 20


def detect_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one the file's lines are split by."""
    sample = text[:_SAMPLE_CHARS]
    lines = [line for line in sample.splitlines() if line.strip()][:_SAMPLE_LINES]
    if not lines:
        return ","
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines), delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = ""
    scores = _scores(lines)
    best = max(scores.values())
    if best == (0, 0):
        return ","  # one column: any delimiter reads it
    if sniffed in scores and scores[sniffed] == best:
        return sniffed
    return max(DELIMITERS, key=lambda d: scores[d])


def _scores(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Per delimiter: on how many later lines it splits as often as in the header, and how often in the header."""
    header = Counter({d: _count_outside_quotes(lines[0], d) for d in DELIMITERS})
    return {
        d: (sum(1 for line in lines[1:] if _count_outside_quotes(line, d) == header[d]) if header[d] else 0, header[d])
        for d in DELIMITERS
    }


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def parse_csv(text: str, *, encoding: str = "") -> RawTable | None:
    """The table in `text`; None when the text holds no header at all."""
    delimiter = detect_delimiter(text)
    records: list[list[CellValue]] = []
    try:
        # The csv module's own cell limit (128 KiB) stays: a longer cell is a quote missing its partner.
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False):
            records.append(list(record))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise MemberFileError(
                N_("The CSV file cannot be read near row {row}: a cell is far too long (is a quotation mark missing its partner?)"),
                row=len(records) + 1,
            ) from exc
        raise MemberFileError(N_("The CSV file cannot be read near row {row}: {reason}"), row=len(records) + 1, reason=str(exc)) from exc
    return shape_table(records, FileKind.CSV, encoding=encoding, delimiter=delimiter)
