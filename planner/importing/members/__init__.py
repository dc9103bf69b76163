"""Importing a delegation's member list from CSV or Excel, as partners really send them.

Reading: reader.py (size limit, CSV or XLSX), encoding.py (UTF-8, GBK, cp1252),
csv_table.py (delimiter), xlsx_table.py. Interpreting: headers.py (columns by
German, English or Chinese header), values.py (roles, languages, countries,
dates), rows.py. Deciding: preview.py (problems per cell, duplicates, a
decision per row). Writing: services.member_import, through workflow.py.
"""

from planner.importing.members.errors import MemberFileError
from planner.importing.members.fields import Field
from planner.importing.members.headers import Column, map_columns, match_header
from planner.importing.members.preview import (
    Decision,
    DecisionKind,
    MemberImportPreview,
    RowPreview,
    build_preview,
)
from planner.importing.members.problems import ImportProblem, ProblemKind
from planner.importing.members.reader import (
    MAX_FILE_BYTES,
    read_member_bytes,
    read_member_file,
)
from planner.importing.members.table import RawRow, RawTable
from planner.importing.members.pasted import PastedNames, read_pasted_names
from planner.importing.members.workflow import import_preview, preview_member_file, preview_pasted_names

__all__ = [
    "MAX_FILE_BYTES",
    "Column",
    "Decision",
    "DecisionKind",
    "Field",
    "ImportProblem",
    "MemberFileError",
    "MemberImportPreview",
    "PastedNames",
    "ProblemKind",
    "RawRow",
    "RawTable",
    "RowPreview",
    "build_preview",
    "import_preview",
    "map_columns",
    "match_header",
    "preview_member_file",
    "preview_pasted_names",
    "read_member_bytes",
    "read_member_file",
    "read_pasted_names",
]
