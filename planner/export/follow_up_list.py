"""A trip's follow-ups as a list: what is to be done, by whom, until when, where it stands, where it was agreed.

For the project manager's own to-do list and for passing on to the partners'
offices after a visit: CSV or Excel, cells guarded against formulas like the
member list, open ones first by due date (as the Overview shows them).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from planner.db.engine import Database
from planner.domain.briefing import FollowUpData, FollowUpStatus
from planner.domain.entities import ItemData, PersonData
from planner.domain.enums import Language
from planner.domain.errors import PlannerError
from planner.export.language import DocumentLanguage
from planner.export.member_list import Cell, render_csv, render_xlsx
from planner.export.tripfile import write_atomically
from planner.i18n import N_
from planner.services import follow_ups, people, programme

FOLLOW_UPS = N_("Follow-ups")
HEADERS = (N_("Task"), N_("Who"), N_("Due"), N_("Status"), N_("Programme item"), N_("Agreed at"), N_("Agreed on"))


def who_of(follow_up: FollowUpData, persons: Mapping[int, PersonData]) -> str:
    """The person's name, or the words the planner typed ("Deutsche Messe AG")."""
    if follow_up.who_person_id is not None and follow_up.who_person_id in persons:
        return persons[follow_up.who_person_id].name
    return follow_up.who


def follow_up_rows(
    entries: Sequence[FollowUpData], persons: Mapping[int, PersonData], items: Mapping[int, ItemData], lang: DocumentLanguage,
) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for entry in entries:
        item = items.get(entry.item_id) if entry.item_id is not None else None
        rows.append([
            lang.text(entry.what), who_of(entry, persons), entry.due, lang.t(_STATUS[FollowUpStatus(entry.status)]),
            lang.text(item.title) if item is not None else "", lang.text(entry.origin), entry.agreed_on,
        ])
    return rows


#: The status words in the list's language (the domain's labels are in the interface language).
_STATUS = {FollowUpStatus.OPEN: N_("Open"), FollowUpStatus.DONE: N_("Done"), FollowUpStatus.DROPPED: N_("Dropped")}


def render_follow_up_list(db: Database, trip_id: int, *, language: Language | str, fmt: str, delimiter: str = ";") -> bytes:
    """The list as CSV or XLSX bytes (`fmt` "csv" or "xlsx")."""
    lang = DocumentLanguage.of(language)
    entries = follow_ups.list_follow_ups(db, trip_id)
    wanted = {f.who_person_id for f in entries if f.who_person_id is not None}
    persons = {pid: people.get_person(db, pid) for pid in sorted(wanted)}
    items = {item.id: item for item in programme.list_items(db, trip_id) if item.id is not None}
    rows = follow_up_rows(entries, persons, items, lang)
    headers = [lang.t(h) for h in HEADERS]
    if fmt == "xlsx":
        return render_xlsx(headers, rows, title=lang.t(FOLLOW_UPS)[:31])
    return render_csv(headers, rows, delimiter=delimiter)


def write_follow_up_list(
    db: Database, trip_id: int, out_path: str | os.PathLike[str], *, language: Language | str, delimiter: str = ";",
) -> Path:
    """Write the list to `out_path`, CSV or Excel by its ending."""
    target = Path(out_path).expanduser()
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise PlannerError(N_("Save the list as .csv or .xlsx, not “{suffix}”."), suffix=suffix or target.name)
    data = render_follow_up_list(db, trip_id, language=language, fmt=suffix[1:], delimiter=delimiter)
    write_atomically(target, data, private=True)  # names who promised what: not for every eye
    return target
