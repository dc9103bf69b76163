"""The two steps of importing a member list against a database: preview the file, then import the decided rows."""

from __future__ import annotations

import os
from collections.abc import Mapping

from planner.db.engine import Database
from planner.domain.sides import SideDefaults
from planner.importing.members.fields import Field
from planner.importing.members.pasted import read_pasted_names
from planner.importing.members.preview import MemberImportPreview, build_preview
from planner.importing.members.reader import read_member_file
from planner.services.base import Change
from planner.services.member_import import import_members
from planner.services.people import list_people


def preview_member_file(
    db: Database, path: str | os.PathLike[str], mapping: Mapping[int, Field | str | None] | None = None,
) -> MemberImportPreview:
    """Read the list at `path` and check every row against the people directory; writes nothing."""
    return build_preview(read_member_file(path), list_people(db), mapping)


def preview_pasted_names(db: Database, text: str, side: SideDefaults = SideDefaults()) -> MemberImportPreview:
    """Read names pasted from a mail or spreadsheet (see pasted.py) and check them against the people directory; writes nothing."""
    pasted = read_pasted_names(text, side)
    return build_preview(pasted.table, list_people(db), pasted.mapping, pasted.language)


def import_preview(db: Database, trip_id: int, preview: MemberImportPreview) -> Change:
    """Write the preview's confirmed rows into the trip, all in one transaction."""
    return import_members(db, trip_id, preview.confirmed_rows())
