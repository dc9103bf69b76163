"""A trip's follow-ups as a list to read or hand on: one row per task, in a reader's language.

Shared by `planner follow-ups` and anything else that lists them, so the
words (status, dates, who) are the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner import formatting
from planner.db.engine import Database
from planner.domain.briefing import STATUS_LABELS, FollowUpData
from planner.domain.enums import Language
from planner.export.language import DocumentLanguage
from planner.export.tripview import TripView
from planner.i18n import N_

COLUMNS = (N_("Status"), N_("Due"), N_("Task"), N_("Who"), N_("Programme item"), N_("Agreed at"))
NOBODY = N_("not yet named")


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
