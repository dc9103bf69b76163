"""The preview of a member list: every row read, checked and decided on before anything is written.

Built from a read table and the people directory, it holds one RowPreview
per data row, in file order. Each row has the person and role read from it,
its problems (each placed at a row and column, see problems.py) and a
decision: import it as a new person, merge it into a person already in the
directory, import it as a new person although it looks like one already
there, or skip it. The user (GUI) or the caller (CLI) changes decisions and
fixes rows; `confirmed_rows()` then gives what `services.member_import`
writes. The preview itself never writes anything.

For a table view: `columns` are the file's columns (header and the field
each is read into), `rows[i].cells[j]` the text of a cell,
`rows[i].problems_at(j)` its problems, `rows[i].row_problems` those about
the row as a whole, and `column_problems` those about whole columns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from planner.domain.entities import PersonData
from planner.domain.enums import Language, Role
from planner.domain.errors import PlannerError
from planner.domain.localized import LocalizedText
from planner.i18n import N_, _
from planner.importing.members.duplicates import (
    Directory,
    NameKey,
    name_key,
    same_row_person,
)
from planner.importing.members.fields import Field
from planner.importing.members.headers import Column, ColumnMapping, map_columns
from planner.importing.members.problems import ImportProblem, ProblemKind
from planner.importing.members.rows import cells, parse_row, validate
from planner.importing.members.table import RawTable
from planner.services.member_import import ImportRow


class DecisionKind(StrEnum):
    IMPORT = "import"
    IMPORT_AS_NEW = "import_as_new"
    MERGE = "merge"
    SKIP = "skip"

    @property
    def label(self) -> str:
        return _(_DECISION_LABELS[self])


_DECISION_LABELS = {
    DecisionKind.IMPORT: N_("Import"),
    DecisionKind.IMPORT_AS_NEW: N_("Import as a new person"),
    DecisionKind.MERGE: N_("Merge into existing person"),
    DecisionKind.SKIP: N_("Skip"),
}


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with a row; `person_id` is the person to merge into (MERGE only)."""

    kind: DecisionKind = DecisionKind.IMPORT
    person_id: int | None = None

    @classmethod
    def import_row(cls) -> Decision:
        return cls(DecisionKind.IMPORT)

    @classmethod
    def import_as_new(cls) -> Decision:
        """Create a new person although the directory holds one that looks the same."""
        return cls(DecisionKind.IMPORT_AS_NEW)

    @classmethod
    def merge(cls, person_id: int) -> Decision:
        return cls(DecisionKind.MERGE, person_id)

    @classmethod
    def skip(cls) -> Decision:
        return cls(DecisionKind.SKIP)


#: Which problem kinds each decision leaves standing; a row is ready when none of its problems is left.
_RESOLVED_BY: dict[DecisionKind, frozenset[ProblemKind]] = {
    DecisionKind.IMPORT: frozenset(),
    DecisionKind.IMPORT_AS_NEW: frozenset({ProblemKind.DUPLICATE_EXISTING}),
    DecisionKind.MERGE: frozenset({ProblemKind.DUPLICATE_EXISTING}),
    DecisionKind.SKIP: frozenset(ProblemKind),
}


@dataclass(frozen=True, slots=True)
class RowPreview:
    """One data row: what was read from it, what is wrong with it, and what to do with it."""

    index: int
    number: int
    cells: tuple[str, ...]
    person: PersonData
    role: Role
    supplied: frozenset[str]
    read_problems: tuple[ImportProblem, ...] = ()
    validation_problems: tuple[ImportProblem, ...] = ()
    duplicate_problems: tuple[ImportProblem, ...] = ()
    duplicates: tuple[PersonData, ...] = ()
    decision: Decision = field(default_factory=Decision)
    fixed: bool = False

    @property
    def problems(self) -> tuple[ImportProblem, ...]:
        """Every problem of the row, whatever the decision."""
        return self.read_problems + self.validation_problems + self.duplicate_problems

    @property
    def blocking_problems(self) -> tuple[ImportProblem, ...]:
        """The problems that stop the row from being imported as decided."""
        resolved = _RESOLVED_BY[self.decision.kind]
        return tuple(p for p in self.problems if p.kind not in resolved)

    @property
    def ok(self) -> bool:
        return not self.blocking_problems

    @property
    def skipped(self) -> bool:
        return self.decision.kind is DecisionKind.SKIP

    @property
    def row_problems(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.column is None)

    def problems_at(self, column: int) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.column == column)


class MemberImportPreview:
    """The rows of one member list with their problems and decisions; see the module docstring."""

    def __init__(self, table: RawTable, mapping: ColumnMapping, directory: Directory) -> None:
        self.table = table
        self.mapping = mapping
        self.directory = directory
        rows = []
        for index, raw in enumerate(table.rows):
            parsed = parse_row(raw, mapping)
            person, problems = validate(parsed.person, raw.number, mapping)
            rows.append(RowPreview(
                index, raw.number, cells(raw), person, parsed.role, parsed.supplied, parsed.problems, problems,
            ))
        self._rows = rows
        self._refresh_duplicates()

    # --- what the preview shows ----------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.mapping.columns

    @property
    def column_problems(self) -> tuple[ImportProblem, ...]:
        """Unknown, unnamed or repeated columns and a missing family-name column; informative, they block nothing by themselves."""
        return self.mapping.problems

    @property
    def language(self) -> Language:
        """The language the headers are in (where plain localised columns go)."""
        return self.mapping.language

    @property
    def rows(self) -> tuple[RowPreview, ...]:
        return tuple(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def row(self, index: int) -> RowPreview:
        """Row `index` (0-based, in file order) without copying the list, for a table model's data()."""
        return self._rows[index]

    @property
    def bad_rows(self) -> tuple[RowPreview, ...]:
        return tuple(r for r in self._rows if not r.ok)

    @property
    def ready(self) -> bool:
        """True when every row that is not skipped can be imported as decided."""
        return all(r.ok for r in self._rows)

    def problems(self) -> list[ImportProblem]:
        """The problems standing in the way, in row order."""
        return [p for r in self._rows for p in r.blocking_problems]

    def counts(self) -> dict[DecisionKind, int]:
        result = dict.fromkeys(DecisionKind, 0)
        for r in self._rows:
            result[r.decision.kind] += 1
        return result

    # --- what the user changes -----------------------------------------------------------------

    def decide(self, index: int, decision: Decision) -> RowPreview:
        """Set the decision of row `index`; a merge must name a person of the directory."""
        if decision.kind is DecisionKind.MERGE:
            if decision.person_id is None or self.directory.get(decision.person_id) is None:
                raise PlannerError(N_("There is no person {id} in the people directory to merge into."), id=decision.person_id)
        elif decision.person_id is not None:
            decision = Decision(decision.kind)
        self._rows[index] = replace(self._rows[index], decision=decision)
        self._refresh_duplicates()
        return self._rows[index]

    def skip_bad_rows(self) -> list[RowPreview]:
        """Skip every row that cannot be imported as decided; the rows skipped, in order."""
        # Rows bad in themselves first: once they are skipped, a later twin of one of them may be fine.
        first = [r for r in self._rows if any(p.kind is not ProblemKind.DUPLICATE_IN_FILE for p in r.blocking_problems)]
        for row in first:
            self._rows[row.index] = replace(row, decision=Decision.skip())
        self._refresh_duplicates()
        # What is still bad now repeats a kept row; skipping it cannot make any other row bad.
        second = [r for r in self._rows if not r.ok]
        for row in second:
            self._rows[row.index] = replace(row, decision=Decision.skip())
        self._refresh_duplicates()
        return sorted((self._rows[r.index] for r in first + second), key=lambda r: r.index)

    def fix(self, index: int, *, person: PersonData | None = None, role: Role | None = None) -> RowPreview:
        """Replace what was read from row `index` by a corrected person and/or role, and check it again.

        A corrected person replaces every value read from the row, so the
        problems of reading its cells go; a corrected role, the role's.
        """
        row = self._rows[index]
        read = row.read_problems
        supplied = row.supplied
        if person is not None:
            person = replace(person, id=None, version=None)
            read = tuple(p for p in read if p.field == "role")
            supplied = frozenset(name for name, value in person.as_dict().items() if _filled(value)) | {"preferred_language"}
        if role is not None:
            read = tuple(p for p in read if p.field != "role")
        new_person, validation = validate(person if person is not None else row.person, row.number, self.mapping)
        self._rows[index] = replace(
            row, person=new_person, role=Role(role) if role is not None else row.role, supplied=supplied,
            read_problems=read, validation_problems=validation, fixed=True,
        )
        self._refresh_duplicates()
        return self._rows[index]

    def remap(self, mapping: Mapping[int, Field | str | None]) -> MemberImportPreview:
        """A new preview of the same file with columns read as `mapping` says (see headers.map_columns)."""
        return MemberImportPreview(self.table, map_columns(self.table.headers, mapping, self.mapping.language), self.directory)

    # --- what gets written ----------------------------------------------------------------------

    def confirmed_rows(self) -> list[ImportRow]:
        """The rows to write, for services.member_import.import_members; refused while any row has a problem."""
        if not self.ready:
            raise PlannerError(
                N_("{count} row(s) still have problems; fix or skip them first."), count=len(self.bad_rows),
            )
        result = []
        for row in self._rows:
            if row.skipped:
                continue
            merge_into = row.decision.person_id if row.decision.kind is DecisionKind.MERGE else None
            target = self.directory.get(merge_into) if merge_into is not None else None
            result.append(ImportRow(
                person=row.person, role=row.role, merge_into=merge_into, merge_version=target.version if target else None,
                fields=row.supplied, row_number=row.number,
            ))
        return result

    # --- keeping duplicate problems current ----------------------------------------------------

    def _refresh_duplicates(self) -> None:
        """Match every row against the directory and against the rows above it that are not skipped."""
        name_column = self.mapping.column_for("family_name")
        where = {"column": name_column.index if name_column else None, "header": name_column.header if name_column else ""}
        kept: dict[NameKey, list[RowPreview]] = defaultdict(list)
        merged_by: dict[int, int] = {}
        for i, row in enumerate(self._rows):
            # Skipped rows keep their problems, to say why, but are nobody's twin.
            problems: list[ImportProblem] = []
            duplicates = self.directory.matches(row.person)
            if duplicates:
                first = duplicates[0]
                problems.append(ImportProblem.make(
                    ProblemKind.DUPLICATE_EXISTING,
                    N_("{name} is in the people directory already (person {id}{email}); merge the row into that person, import it as a new person, or skip it."),
                    row=row.number, field="family_name", name=row.person.full_name, id=first.id,
                    email=f", {first.email}" if first.email else "", **where,
                ))
            twin = next((k for k in kept[name_key(row.person)] if same_row_person(k.person, row.person)), None)
            target = row.decision.person_id if row.decision.kind is DecisionKind.MERGE else None
            if twin is not None:
                problems.append(ImportProblem.make(
                    ProblemKind.DUPLICATE_IN_FILE, N_("{name} is listed in row {other} already."),
                    row=row.number, field="family_name", name=row.person.full_name, other=twin.number, **where,
                ))
            elif target is not None and target in merged_by:
                problems.append(ImportProblem.make(
                    ProblemKind.DUPLICATE_IN_FILE, N_("Row {other} is merged into the same person already."),
                    row=row.number, field="family_name", other=merged_by[target], **where,
                ))
            if not row.skipped:
                kept[name_key(row.person)].append(row)
                if target is not None:
                    merged_by.setdefault(target, row.number)
            self._rows[i] = replace(row, duplicates=duplicates, duplicate_problems=tuple(problems))


def build_preview(
    table: RawTable, directory: Iterable[PersonData] = (), mapping: Mapping[int, Field | str | None] | None = None,
    language: Language | None = None,
) -> MemberImportPreview:
    """The preview of `table`, matched against `directory` (the people already known); see map_columns for `language`."""
    return MemberImportPreview(table, map_columns(table.headers, mapping, language), Directory(directory))


def _filled(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, LocalizedText):
        return not value.is_empty()
    return value is not None

