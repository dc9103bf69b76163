"""The preview of a member list as a table: one row per spreadsheet row, as it will be imported.

The model is a view of a MemberImportPreview (planner.importing.members),
which holds the rows, their problems and the decision for each; the model
keeps no copy of them. Two columns come first: the spreadsheet row number
(marked when the row has problems or matches a person already known) and
what will happen to the row, which the user can change. The file's own
columns follow, headed by the header and what the planner reads it as.

Each cell with a problem is tinted, and its tooltip names the problem. A
cell can be corrected by typing: the file's table is read again with the
new text, so the same rules judge typed and imported values, and the
decisions taken so far are kept. Text from the file is shown as plain text
everywhere, tooltips included, so a cell holding markup stays just text.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from planner.domain.errors import PlannerError
from planner.i18n import N_, _, ngettext
from planner.importing.members import Decision, DecisionKind, MemberImportPreview, RowPreview
from planner.importing.members.fields import Field
from planner.importing.members.headers import Column
from planner.importing.members.problems import ImportProblem, ProblemKind
from planner.importing.members.table import CellValue, RawTable
from planner.ui.icons import icon
from planner.ui.language import LanguageController
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex

ROW, ACTION = range(2)
#: The columns before the file's own.
FIXED_COLUMNS = 2
HEADERS: tuple[str, ...] = (N_("Row"), N_("Import as"))

BLOCKING = QColor("#fde0dc")  # a problem that stops the import
SETTLED = QColor("#fff4d6")  # a known person, with a decision taken
SKIPPED = QColor("#8a8a8a")

#: Data role: the decisions the row offers, as (label, Decision) pairs, for the "Import as" editor.
CHOICES_ROLE = int(Qt.ItemDataRole.UserRole) + 20


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that Qt cannot take for markup (it guesses rich text from a leading tag)."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


class MemberImportModel(QAbstractTableModel):
    """The rows of a preview; `previewChanged` tells the dialog to update its summary and buttons."""

    previewChanged = Signal()

    def __init__(self, preview: MemberImportPreview, language: LanguageController | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        if language is not None:
            language.follow(self.retranslate, now=False)

    # --- the preview -------------------------------------------------------------------------

    @property
    def preview(self) -> MemberImportPreview:
        return self._preview

    def column_of(self, section: int) -> Column | None:
        """The file's column shown in `section` (None for the two leading columns)."""
        index = section - FIXED_COLUMNS
        columns = self._preview.columns
        return columns[index] if 0 <= index < len(columns) else None

    def retranslate(self, _language: str = "") -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # --- the user's changes --------------------------------------------------------------------

    def decide(self, rows: list[int], decision: Decision) -> list[PlannerError]:
        """Set `decision` on each of `rows` that allows it; the refusals (e.g. merge without a match)."""
        errors: list[PlannerError] = []
        for row in rows:
            try:
                self._preview.decide(row, decision)
            except PlannerError as error:
                errors.append(error)
        self._everything_changed()
        return errors

    def merge_known(self) -> int:
        """Merge every row still set to import that matches exactly one known person; how many were set."""
        count = 0
        for row in self._preview.rows:
            if row.decision.kind is DecisionKind.IMPORT and len(row.duplicates) == 1 and row.duplicates[0].id is not None:
                self._preview.decide(row.index, Decision.merge(row.duplicates[0].id))
                count += 1
        self._everything_changed()
        return count

    def skip_bad_rows(self) -> int:
        """Skip the rows that cannot be imported; how many. A person already known is no problem of the row:

        such rows wait for the user's decision (merge, import as new, skip) instead.
        """
        count = 0
        # Rows bad in themselves first: once they are skipped, a later twin of one of them may be fine.
        for kinds in ({ProblemKind.DUPLICATE_EXISTING, ProblemKind.DUPLICATE_IN_FILE}, {ProblemKind.DUPLICATE_EXISTING}):
            for row in self._preview.rows:
                if not row.skipped and any(p.kind not in kinds for p in row.blocking_problems):
                    self._preview.decide(row.index, Decision.skip())
                    count += 1
        self._everything_changed()
        return count

    def remap(self, file_column: int, field: Field | None) -> None:
        """Read file column `file_column` as `field` (None: not at all); the other columns keep theirs."""
        mapping: dict[int, Field | str | None] = {c.index: c.field for c in self._preview.columns}
        for index, current in mapping.items():
            if field is not None and current == field and index != file_column:
                mapping[index] = None  # one column per field: the old one lets go
        mapping[file_column] = field
        self._replace(self._preview.remap(mapping))

    def choices(self, row: int) -> list[tuple[str, Decision]]:
        """What row `row` may become: imported, merged into a person it matches, imported as new, or skipped."""
        r = self._preview.row(row)
        if not r.duplicates:
            return [(_("New person"), Decision.import_row()), (_("Skip"), Decision.skip())]
        options = [
            (_("Merge into {name} (person {id})").format(name=p.full_name, id=p.id), Decision.merge(p.id))
            for p in r.duplicates if p.id is not None
        ]
        options.append((_("New person, although already known"), Decision.import_as_new()))
        options.append((_("Skip"), Decision.skip()))
        if r.decision.kind is DecisionKind.IMPORT:
            options.insert(0, (_("Decide: already known"), Decision.import_row()))
        return options

    # --- Qt's model interface ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._preview)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self._preview.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        column = self.column_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if column is None:
                return _(HEADERS[section])
            read_as = column.field.label if column.field is not None else _("not imported")
            return f"{column.name}\n→ {read_as}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is None:
                return None
            lines = [str(p) for p in self._preview.column_problems if p.column == column.index]
            lines.append(_("Right-click to choose what this column is read as."))
            return plain_tooltip("\n".join(lines))
        if role == Qt.ItemDataRole.DecorationRole and column is not None and column.field is None:
            return icon("actions/warning")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= FIXED_COLUMNS or index.column() == ACTION:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._preview):
            return None
        row = self._preview.row(index.row())
        column = index.column()
        if column == ROW:
            return self._row_data(row, role)
        if column == ACTION:
            return self._action_data(row, role)
        return self._cell_data(row, column - FIXED_COLUMNS, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt override
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == ACTION:
            if not isinstance(value, Decision):
                return False
            return not self.decide([index.row()], value)
        cell = index.column() - FIXED_COLUMNS
        if not 0 <= cell < len(self._preview.columns) or not isinstance(value, str):
            return False
        row = self._preview.row(index.row())
        if row.cells[cell] == value:
            return False
        self._replace(_rebuilt(self._preview, index.row(), cell, value))
        return True

    # --- cells -----------------------------------------------------------------------------------

    def _row_data(self, row: RowPreview, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row.number)
        if role == Qt.ItemDataRole.DecorationRole:
            if row.skipped:
                return None
            if not row.ok:
                return icon("actions/error")
            if row.duplicates:
                return icon("actions/hint")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [p.message if p.column is None else str(p) for p in row.problems]
            return plain_tooltip("\n".join(lines))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._common(row, role, row.blocking_problems, str(row.number))

    def _action_data(self, row: RowPreview, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._action_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.duplicates and row.decision.kind is DecisionKind.IMPORT:
                return plain_tooltip(_("Already in the people directory: merge the row into that person, import it as a new person, or skip it. Double-click to choose."))
            return plain_tooltip(_("Double-click to choose what happens to this row."))
        if role == CHOICES_ROLE:
            return self.choices(row.index)
        if role == Qt.ItemDataRole.FontRole and row.skipped:
            font = QFont()
            font.setItalic(True)
            return font
        blocking = tuple(p for p in row.blocking_problems if p.kind in (ProblemKind.DUPLICATE_EXISTING, ProblemKind.DUPLICATE_IN_FILE))
        if role == Qt.ItemDataRole.BackgroundRole and not row.skipped and not blocking and row.duplicates:
            return QBrush(SETTLED)
        return self._common(row, role, blocking, self._action_text(row))

    def _action_text(self, row: RowPreview) -> str:
        decision = row.decision
        if decision.kind is DecisionKind.SKIP:
            return _("Skip")
        if decision.kind is DecisionKind.MERGE:
            target = self._preview.directory.get(decision.person_id) if decision.person_id is not None else None
            name = target.full_name if target is not None else "?"
            return _("Merge into {name}").format(name=name)
        if decision.kind is DecisionKind.IMPORT_AS_NEW:
            return _("New person, although already known")
        if row.duplicates:
            return _("Already known: decide")
        return _("New person")

    def _cell_data(self, row: RowPreview, cell: int, role: int) -> Any:
        if not 0 <= cell < len(row.cells):
            return None
        text = row.cells[cell]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        problems = row.problems_at(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join(p.message for p in problems))
        blocking = tuple(p for p in problems if p in row.blocking_problems)
        if role == Qt.ItemDataRole.BackgroundRole and not row.skipped and not blocking and problems:
            return QBrush(SETTLED)
        return self._common(row, role, blocking, text)

    def _common(self, row: RowPreview, role: int, blocking: tuple[ImportProblem, ...], text: str) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and blocking and not row.skipped:
            return QBrush(BLOCKING)
        if role == Qt.ItemDataRole.ForegroundRole and row.skipped:
            return QBrush(SKIPPED)
        if role == SORT_ROLE:
            return text.casefold()
        if role == FILTER_ROLE:
            return text
        if role == KIND_ROLE:
            return row.decision.kind.value
        if role == OBJECT_ROLE:
            return row
        return None

    # --- replacing the preview --------------------------------------------------------------------

    def _replace(self, new: MemberImportPreview) -> None:
        """Show `new` (the same file read again), with the decisions taken so far wherever they still fit."""
        old = self._preview
        for row in old.rows:
            if row.index < len(new) and row.decision.kind is not DecisionKind.IMPORT:
                try:
                    new.decide(row.index, row.decision)
                except PlannerError:
                    pass  # e.g. a merge into a person the corrected row no longer matches
        self.beginResetModel()
        self._preview = new
        self.endResetModel()
        self.previewChanged.emit()

    def _everything_changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.previewChanged.emit()


def summary_text(preview: MemberImportPreview) -> str:
    """E.g. "12 new people, 3 already known, 2 rows with problems, 1 row skipped" (the parts that apply)."""
    new = known = bad = skipped = 0
    for row in preview.rows:
        if row.skipped:
            skipped += 1
        elif any(p.kind is not ProblemKind.DUPLICATE_EXISTING for p in row.blocking_problems):
            bad += 1
        elif row.duplicates and row.decision.kind is not DecisionKind.IMPORT_AS_NEW:
            known += 1
        else:
            new += 1
    text = _("{new}, {known}, {problems}").format(
        new=ngettext("{n} new person", "{n} new people", new).format(n=new),
        known=ngettext("{n} already known", "{n} already known", known).format(n=known),
        problems=ngettext("{n} row with problems", "{n} rows with problems", bad).format(n=bad),
    )
    if skipped:
        text = _("{summary}, {skipped}").format(
            summary=text, skipped=ngettext("{n} row skipped", "{n} rows skipped", skipped).format(n=skipped),
        )
    return text


def _edited(table: RawTable, row: int, cell: int, text: str) -> RawTable:
    raw = table.rows[row]
    values: list[CellValue] = list(raw.values)
    values[cell] = text
    rows = list(table.rows)
    rows[row] = replace(raw, values=tuple(values))
    return replace(table, rows=tuple(rows))


def _rebuilt(preview: MemberImportPreview, row: int, cell: int, text: str) -> MemberImportPreview:
    """The preview of the same file with one cell corrected, read with the same columns."""
    return MemberImportPreview(_edited(preview.table, row, cell, text), preview.mapping, preview.directory)
