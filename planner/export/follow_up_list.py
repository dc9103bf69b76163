"""A trip's follow-ups as a list to read or hand on: one row per task, in a reader's language.

Shared by `planner follow-ups` and the Overview's "Export list…" (CSV or
Excel, cells guarded against formulas like the member list), so the words
(status, dates, who) are the same everywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from planner import formatting
from planner.db.engine import Database
from planner.domain.briefing import STATUS_LABELS, FollowUpData
from planner.domain.enums import Language
from planner.domain.errors import PlannerError
from planner.export.language import DocumentLanguage
from planner.export.member_list import Cell, render_csv, render_xlsx
from planner.export.tripfile import write_atomically
from planner.export.tripview import TripView
from planner.i18n import N_

NOBODY = N_("not yet named")
FOLLOW_UPS = N_("Follow-ups")


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    status: str
    due: str
    what: str
    who: str
    item: str
    origin: str


def follow_up_rows(db: Database, trip_id: int, language: Language | str) -> list[FollowUpRow]:
    """The trip's follow-ups, open ones first by due date, each as the words a reader of `language` reads."""
    view = TripView.load(db, trip_id)
    return [_row(view, f, DocumentLanguage.of(language)) for f in view.bundle.follow_ups]


def _row(view: TripView, f: FollowUpData, lang: DocumentLanguage) -> FollowUpRow:
    who = f.who
    if f.who_person_id is not None:
        try:
            who = view.bundle.person(f.who_person_id).name
        except KeyError:
            who = f.who
    items = {i.id: i for i in view.items}
    origin = lang.text(f.origin)
    if f.agreed_on is not None:
        origin = formatting.join_fields((origin, formatting.short_date(f.agreed_on, lang.locale)), lang.locale)
    return FollowUpRow(
        status=lang.t(STATUS_LABELS[f.status]),
        due=formatting.short_date(f.due, lang.locale) if f.due is not None else "",
        what=lang.text(f.what),
        who=who or lang.t(NOBODY),
        item=lang.text(items[f.item_id].title) if f.item_id in items else "",
        origin=origin,
    )


def follow_up_text(rows: list[FollowUpRow], language: Language | str) -> list[str]:
    """One line per follow-up for a terminal: status and due date first, then the task, who, and where from."""
    lang = DocumentLanguage.of(language)
    width = max((len(r.status) for r in rows), default=0)
    lines = []
    for r in rows:
        parts = [r.what, r.who]
        if r.item:
            parts.append(r.item)
        if r.origin:
            parts.append(r.origin)
        lines.append(f"{r.status.ljust(width)}  {r.due or '–':<10}  {formatting.join_fields(parts, lang.locale)}")
    return lines


#: The spreadsheet's columns: the task first (what the reader looks for), the due date as a real date cell.
SHEET_COLUMNS = (N_("Task"), N_("Who"), N_("Due"), N_("Status"), N_("Programme item"), N_("Agreed at"))


def render_follow_up_list(db: Database, trip_id: int, *, language: Language | str, fmt: str, delimiter: str = ";") -> bytes:
    """The list as CSV or XLSX bytes (`fmt` "csv" or "xlsx"), cells guarded against formulas as the member list's."""
    lang = DocumentLanguage.of(language)
    view = TripView.load(db, trip_id)
    cells: list[list[Cell]] = []
    for f in view.bundle.follow_ups:
        row = _row(view, f, lang)
        cells.append([row.what, row.who, f.due, row.status, row.item, row.origin])
    headers = [lang.t(h) for h in SHEET_COLUMNS]
    if fmt == "xlsx":
        return render_xlsx(headers, cells, title=lang.t(FOLLOW_UPS)[:31])
    return render_csv(headers, cells, delimiter=delimiter)


def write_follow_up_list(
    db: Database, trip_id: int, out_path: str | os.PathLike[str], *, language: Language | str, delimiter: str = ";",
) -> Path:
    """Write the list to `out_path`, CSV or Excel by its ending (replaced only once complete)."""
    target = Path(out_path).expanduser()
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise PlannerError(N_("Save the list as .csv or .xlsx, not “{suffix}”."), suffix=suffix or target.name)
    data = render_follow_up_list(db, trip_id, language=language, fmt=suffix[1:], delimiter=delimiter)
    write_atomically(target, data, private=True)  # names who promised what: not for every eye
    return target
