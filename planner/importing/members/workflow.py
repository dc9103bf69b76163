"""The two steps of importing a member list against a database: preview the file, then import the decided rows."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from planner.db.engine import Database
from planner.domain.sides import SideDefaults
from planner.importing.members.fields import Field
from planner.importing.members.pasted import read_pasted_names
from planner.importing.members.preview import MemberImportPreview, build_preview
from planner.importing.members.reader import read_member_file
from planner.services.base import Change
from planner.services.member_import import import_members
from planner.services.people import list_people


#: The steps of preview_member_file, for a progress bar: the file read, the directory read, every row checked.
PREVIEW_STEPS = 3


def preview_member_file(
    db: Database, path: str | os.PathLike[str], mapping: Mapping[int, Field | str | None] | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> MemberImportPreview:
    """Read the list at `path` and check every row against the people directory; writes nothing.

    `progress(done, PREVIEW_STEPS)` hears of each step as it starts and when all
    are done (a 2,000-row workbook takes about half a second: the window shows
    a progress bar meanwhile); it does not interrupt the work.
    """
    step = progress if progress is not None else (lambda _done, _total: None)
    step(0, PREVIEW_STEPS)
    table = read_member_file(path)
    step(1, PREVIEW_STEPS)
    people = list_people(db)
    step(2, PREVIEW_STEPS)
    preview = build_preview(table, people, mapping)
    step(PREVIEW_STEPS, PREVIEW_STEPS)
    return preview


def preview_pasted_names(db: Database, text: str, side: SideDefaults = SideDefaults()) -> MemberImportPreview:
    """Read names pasted from a mail or spreadsheet (see pasted.py) and check them against the people directory; writes nothing."""
    pasted = read_pasted_names(text, side)
    return build_preview(pasted.table, list_people(db), pasted.mapping, pasted.language)


def import_preview(db: Database, trip_id: int, preview: MemberImportPreview) -> Change:
    """Write the preview's confirmed rows into the trip, all in one transaction."""
    return import_members(db, trip_id, preview.confirmed_rows())
