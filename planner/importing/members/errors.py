"""The error for a member list that cannot be read at all.

Problems with single rows or cells are not errors: they are collected in the
preview (see problems.py), so the user sees all of them at once and can skip
or fix rows. This error is for the file as a whole: missing, too big, not a
table, a damaged workbook. Nothing has been written when it is raised.
"""

from __future__ import annotations

from planner.domain.errors import PlannerError


class MemberFileError(PlannerError):
    """The member list cannot be read as a table; its message says why."""
