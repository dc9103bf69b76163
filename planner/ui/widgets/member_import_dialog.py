"""Import members from a spreadsheet…: choose a file, see every row as it will be imported, then import all or nothing.

The steps of issue 8 in one dialog. The file is read and checked against the
people directory (planner.importing.members) before the dialog opens; a file
that is no member list at all is one clear message instead. The preview table
shows each row with its problems at their cells; the user corrects a cell by
typing, decides per row (import, merge into a person already known, import
as a new person, skip), or lets the planner skip every row with problems.
Import stays disabled, with the reason beside it, until every row left can go
in. Then services.member_import writes all rows in one transaction, and the
import is one step on the undo stack (see record_import).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QModelIndex, QPersistentModelIndex, QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
    QMenu, QPushButton, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget,
)

from planner.domain.errors import PlannerError
from planner.i18n import _, ngettext
from planner.domain.sides import SideDefaults
from planner.importing.members import (
    Decision,
    MemberImportPreview,
    ProblemKind,
    import_preview,
    preview_member_file,
    preview_pasted_names,
)
from planner.importing.members.fields import Field
from planner.importing.members.table import FileKind
from planner.services.base import Change
from planner.ui.errors import show_planner_error
from planner.ui.language import LanguageController
from planner.ui.models.member_import_table import ACTION, CHOICES_ROLE, MemberImportModel, summary_text
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.undo import UndoHistory
from planner.ui.tasks import BackgroundTask, Progress
from planner.ui.widgets.form import ERROR_STYLE
from planner.ui.keyboard import tab_leaves

FOLDER_KEY = "files/member_list_folder"
#: Rows the preview shows even when the dialog is dragged to its smallest.
PREVIEW_ROWS = 5
FILE_FILTER = "*.csv *.xlsx *.txt *.tsv"
#: Encodings as people know them (the detector's codec names are for Python).
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "gb18030": "GBK/GB18030", "cp1252": "Windows-1252"}


class DecisionDelegate(QStyledItemDelegate):
    """The "Import as" cell edits as a list of the decisions its row allows."""

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for label, decision in index.data(CHOICES_ROLE) or []:
            combo.addItem(label, decision)
        combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c), self.closeEditor.emit(c)))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        row = index.data(OBJECT_ROLE)
        current = getattr(row, "decision", None)
        found = next((i for i in range(editor.count()) if editor.itemData(i) == current), 0)
        editor.setCurrentIndex(found)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        decision = editor.currentData()
        if isinstance(decision, Decision):
            model.setData(index, decision, Qt.ItemDataRole.EditRole)


class MemberImportDialog(QDialog):
    """The preview of one member list for one trip; `change` is the import's Change once accepted."""

    def __init__(
        self, history: UndoHistory, trip_id: int, trip_title: str, preview: MemberImportPreview, file_name: str,
        language: LanguageController | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.trip_id = trip_id
        self.change: Change | None = None
        pasted = preview.table.kind is FileKind.TEXT
        self.setWindowTitle(_("Paste names") if pasted else _("Import members from a spreadsheet"))
        self.resize(1060, 620)

        self.model = MemberImportModel(preview, language, self)
        self.model.previewChanged.connect(self._update)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        source = (
            _("Pasted names for “{trip}”").format(trip=trip_title) if pasted
            else _("People from {file} for “{trip}”").format(file=file_name, trip=trip_title)
        )
        self.heading.setText(source + "\n" + _file_facts(preview))
        self.columns_note = QLabel(self)
        self.columns_note.setWordWrap(True)
        self.columns_note.setTextFormat(Qt.TextFormat.PlainText)

        self.view = tab_leaves(QTableView(self))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setItemDelegateForColumn(ACTION, DecisionDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        # At its smallest the dialog showed one row; five let the planner compare rows while deciding.
        self.view.setMinimumHeight(
            header.sizeHint().height() + PREVIEW_ROWS * self.view.verticalHeader().defaultSectionSize()
            + self.view.horizontalScrollBar().sizeHint().height() + 2 * self.view.frameWidth()
        )
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_selection_buttons())

        self.merge_button = QPushButton(_("Merge people already known"), self)
        self.merge_button.setToolTip(_("Merge each row that matches one person of the directory into that person"))
        self.merge_button.clicked.connect(self.model.merge_known)
        self.skip_bad_button = QPushButton(_("Skip rows with problems"), self)
        self.skip_bad_button.clicked.connect(self.model.skip_bad_rows)
        self.skip_button = QPushButton(_("Skip selected"), self)
        self.skip_button.clicked.connect(lambda: self._decide_selected(Decision.skip()))
        self.include_button = QPushButton(_("Include selected"), self)
        self.include_button.setToolTip(_("Import the selected rows again instead of skipping them"))
        self.include_button.clicked.connect(lambda: self._decide_selected(Decision.import_row()))
        tools = QHBoxLayout()
        for button in (self.merge_button, self.skip_bad_button, self.skip_button, self.include_button):
            tools.addWidget(button)
        tools.addStretch(1)

        self.summary = QLabel(self)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.import_rows)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.columns_note)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._fit_columns()
        self._update()

    # --- what the dialog shows --------------------------------------------------------------------

    @property
    def preview(self) -> MemberImportPreview:
        return self.model.preview

    def _fit_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(50)
        self.view.resizeColumnsToContents()
        for column in range(header.count()):
            header.resizeSection(column, min(max(header.sectionSize(column), 60), 260))

    def _fit_action_column(self) -> None:
        """The decisions change their wording ("Merge into …"): keep them readable, within reason."""
        self.view.resizeColumnToContents(ACTION)
        header = self.view.horizontalHeader()
        header.resizeSection(ACTION, min(header.sectionSize(ACTION), 360))

    def _update(self) -> None:
        preview = self.preview
        self._fit_action_column()
        notes = [str(p) for p in preview.column_problems]
        self.columns_note.setText("\n".join(notes))
        self.columns_note.setVisible(bool(notes))
        self.summary.setText(summary_text(preview))
        rows = [r for r in preview.rows if not r.skipped]
        undecided = sum(1 for r in rows if any(p.kind is ProblemKind.DUPLICATE_EXISTING for p in r.blocking_problems))
        bad = sum(1 for r in rows if any(p.kind is not ProblemKind.DUPLICATE_EXISTING for p in r.blocking_problems))
        if not rows:
            hint = _("Every row is skipped; there is nothing to import.")
        elif bad:
            hint = ngettext(
                "Correct the row with problems (double-click a red cell) or skip it; then you can import.",
                "Correct the {n} rows with problems (double-click a red cell) or skip them; then you can import.", bad,
            ).format(n=bad)
        elif undecided:
            hint = ngettext(
                "{n} person is in the people directory already: merge the row into them, import it as a new person, or skip it.",
                "{n} people are in the people directory already: merge their rows into them, import them as new people, or skip them.",
                undecided,
            ).format(n=undecided)
        else:
            hint = _("Nothing is written until you press Import; then every row at once, or none.")
        self.hint.setText(hint)
        ready = bool(rows) and preview.ready
        self.import_button.setEnabled(ready)
        self.import_button.setText(ngettext("Import {n} row", "Import {n} rows", len(rows)).format(n=len(rows)) if ready else _("Import"))
        self.merge_button.setEnabled(undecided > 0)
        self.skip_bad_button.setEnabled(bool(preview.bad_rows))
        self._update_selection_buttons()

    def _update_selection_buttons(self) -> None:
        rows = self._selected_rows()
        self.skip_button.setEnabled(any(not self.preview.row(r).skipped for r in rows))
        self.include_button.setEnabled(any(self.preview.row(r).skipped for r in rows))

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.view.selectionModel().selectedRows()})

    def _decide_selected(self, decision: Decision) -> None:
        rows = self._selected_rows()
        self.model.decide(rows, decision)
        for row in rows:  # the selection stays, so the user can undo the choice at once
            self.view.selectionModel().select(
                self.model.index(row, 0),
                self.view.selectionModel().SelectionFlag.Select | self.view.selectionModel().SelectionFlag.Rows,
            )

    def _column_menu(self, position: QPoint) -> None:
        """Right-click on a file column's header: choose what the column is read as."""
        section = self.view.horizontalHeader().logicalIndexAt(position)
        column = self.model.column_of(section)
        if column is None:
            return
        menu = self.column_menu(column.index)
        menu.exec(self.view.horizontalHeader().mapToGlobal(position))

    def column_menu(self, file_column: int) -> QMenu:
        """The menu of fields for one file column (a method of its own, so tests can trigger its actions)."""
        menu = QMenu(self)
        current = self.preview.columns[file_column].field
        skip = menu.addAction(_("Do not import this column"))
        skip.setCheckable(True)
        skip.setChecked(current is None)
        skip.triggered.connect(lambda: self.model.remap(file_column, None))
        menu.addSeparator()
        for field in Field:
            action = menu.addAction(field.label)
            action.setCheckable(True)
            action.setChecked(field is current)
            action.triggered.connect(lambda _c=False, f=field: self.model.remap(file_column, f))
        return menu

    # --- importing ----------------------------------------------------------------------------------

    def import_rows(self) -> None:
        """Write every row left, in one transaction; on a refusal stay open and say why."""
        self.message.hide()
        try:
            change = import_preview(self.history.db, self.trip_id, self.preview)
        except PlannerError as error:
            self.message.setText(error.message())
            self.message.show()
            return
        count = sum(1 for r in self.preview.rows if not r.skipped)
        record_import(self.history, ngettext("Import {n} member", "Import {n} members", count).format(n=count), change)
        self.change = change
        self.accept()


def record_import(history: UndoHistory, text: str, change: Change) -> None:
    """Put an import on the undo stack as one step (services.undo takes it back with services.import_undo)."""
    if not change.related:
        return
    history.record(text, change)


def _file_facts(preview: MemberImportPreview) -> str:
    """E.g. "CSV file, GB18030, semicolon-separated · 12 rows"."""
    table = preview.table
    rows = ngettext("{n} row", "{n} rows", len(preview)).format(n=len(preview))
    if table.kind is FileKind.XLSX:
        return _("Excel workbook · {rows}").format(rows=rows)
    if table.kind is FileKind.TEXT:
        return _("Pasted text · {rows}").format(rows=rows)
    delimiter = {
        ",": _("comma-separated"), ";": _("semicolon-separated"), "\t": _("tab-separated"),
    }.get(table.delimiter, table.delimiter)
    return _("CSV file ({encoding}, {delimiter}) · {rows}").format(encoding=ENCODING_NAMES.get(table.encoding, table.encoding), delimiter=delimiter, rows=rows)


def choose_member_file(parent: QWidget, settings: QSettings) -> Path | None:
    start = str(settings.value(FOLDER_KEY, "") or "")
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Import members from a spreadsheet"), start,
        _("Member lists") + f" ({FILE_FILTER});;" + _("All files") + " (*)",
    )
    if not name:
        return None
    path = Path(name)
    settings.setValue(FOLDER_KEY, str(path.parent))
    return path


def read_member_list(parent: QWidget | None, history: UndoHistory, path: Path) -> MemberImportPreview | None:
    """The preview of the list at `path`, or None after telling the user why the file cannot be used (or on Cancel).

    Reading and checking a list of 2,000 people takes about half a second, so it
    runs in a worker thread with a progress bar (shown if it takes longer than a
    moment) that can be cancelled; the window keeps drawing meanwhile.
    """
    db = history.db

    def work(progress: Progress) -> MemberImportPreview:
        return preview_member_file(db, path, progress=progress)

    task = BackgroundTask(parent, _("Reading the member list…"), work)  # type: ignore[arg-type]
    outcome: dict[str, object] = {}
    waiting = QEventLoop()
    task.done.connect(lambda preview: (outcome.setdefault("preview", preview), waiting.quit()))
    task.failed.connect(lambda error: (outcome.setdefault("error", error), waiting.quit()))
    task.start()
    waiting.exec()  # the results are posted from the worker: they arrive only in this loop
    cancelled = task.cancelled
    task.deleteLater()
    error = outcome.get("error")
    if isinstance(error, PlannerError):
        show_planner_error(parent, error, _("The member list cannot be imported"))
        return None
    if isinstance(error, BaseException):
        raise error  # a bug: to the crash reporter, as if it had happened here
    preview = outcome.get("preview")
    return preview if isinstance(preview, MemberImportPreview) and not cancelled else None


def import_members_with_dialog(
    parent: QWidget, history: UndoHistory, settings: QSettings, language: LanguageController | None,
    trip_id: int, trip_title: str, path: Path | None = None,
) -> Change | None:
    """The whole flow: choose a file (unless `path` is given), read it, preview, import. The Change, or None."""
    if path is None:
        path = choose_member_file(parent, settings)
        if path is None:
            return None
    preview = read_member_list(parent, history, path)
    if preview is None:
        return None
    dialog = MemberImportDialog(history, trip_id, trip_title, preview, path.name, language, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.change


def paste_names_with_dialog(
    parent: QWidget, history: UndoHistory, language: LanguageController | None, trip_id: int, trip_title: str, text: str,
    side: SideDefaults = SideDefaults(),
) -> Change | None:
    """Pasted names (a mail's lines or spreadsheet cells) through the import preview into the trip: the Change, or None.

    `side` is the language and nationality the pasted people most likely have
    (see planner.domain.sides); the preview shows them, and the user can change them.
    """
    try:
        preview = preview_pasted_names(history.db, text, side)
    except PlannerError as error:
        show_planner_error(parent, error, _("The names cannot be pasted"))
        return None
    dialog = MemberImportDialog(history, trip_id, trip_title, preview, "", language, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.change
