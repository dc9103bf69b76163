"""The People page: the directory of everyone who travels or hosts, across all trips.

Also here, because they browse the same directory: the dialog that picks people
from it for a delegation, and the helpers both pages use for their tables and
for actions on several rows at once (one undo step for all of them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QMessageBox, QTableView, QToolButton, QVBoxLayout, QWidget,
)

from planner.db.engine import Database
from planner.domain.briefing import ProfileOwner
from planner.domain.entities import PersonData
from planner.domain.enums import Role
from planner.domain.errors import PlannerError
from planner.i18n import _, ngettext
from planner.services import people
from planner.domain.changes import Change, EntityKind
from planner.ui.errors import show_error, show_planner_error
from planner.ui.models import person_table as pt
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.person_table import PersonTableModel
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.pages.base import UiContext
from planner.ui.pages.directory import DirectoryPage
from planner.ui.undo import perform_batch
from planner.ui.widgets.column_fit import FIT_SAMPLE_ROWS, MAX_COLUMN_WIDTH, ColumnFitter
from planner.ui.widgets.person_form import PersonForm
from planner.ui.widgets.profile_form import PROFILE_KEY, edit_profile
from planner.ui.widgets.record_view import EXTENDED, record_view
from planner.ui.keyboard import INSERT_KEYS, NEW_KEYS, page_shortcut, with_shortcut



# --- helpers shared with the Delegation page ------------------------------------------------


def record_table(parent: QWidget, proxy: QSortFilterProxyModel) -> QTableView:
    """A read-only table of records: whole rows, several at once, keyboard and mouse alike."""
    view = record_view(QTableView(parent), proxy, EXTENDED)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(40)
    return view


def fit_columns(view: QTableView) -> None:
    """Size the columns to their contents, but none wider than MAX_COLUMN_WIDTH.

    The contents are measured on the rows in view and FIT_SAMPLE_ROWS more, not
    on all of them: measuring a cell asks the model for many roles, and a
    directory has thousands of rows.
    """
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
    view.resizeColumnsToContents()
    for column in range(header.count()):
        if header.sectionSize(column) > MAX_COLUMN_WIDTH:
            header.resizeSection(column, MAX_COLUMN_WIDTH)


def selected_records(view: QTableView) -> list[object]:
    """The records behind the selected rows, top to bottom as shown."""
    rows = sorted(view.selectionModel().selectedRows(), key=lambda index: index.row())
    return [index.data(OBJECT_ROLE) for index in rows]


def select_source_rows(view: QTableView, proxy: QSortFilterProxyModel, rows: Iterable[int]) -> None:
    """Select these rows of the source model (those the filter shows), the first one current."""
    model = proxy.sourceModel()
    selection = QItemSelection()
    first = None
    for row in rows:
        index = proxy.mapFromSource(model.index(row, 0))
        if index.isValid():
            selection.select(index, index)
            first = first or index
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().select(selection, flags)
    if first is not None:
        view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        view.scrollTo(first)


def show_refusals(parent: QWidget | None, errors: Sequence[PlannerError]) -> None:
    """One message for everything refused in a run of actions, not one box each."""
    if errors:
        show_error(parent, _("The action could not be completed"), "\n".join(e.message() for e in errors))


def tool_button(parent: QWidget, action: QAction) -> QToolButton:
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


# --- the page -----------------------------------------------------------------------------


class PeoplePage(DirectoryPage):
    """The directory is the same whatever trip is selected; it is a tab beside the trip's pages.

    It reads again after every change of people (an import or a restored trip may
    bring people), not on a trip switch; a directory of thousands takes a moment, so
    it reads only when it is shown, or when shown next. The window builds every page
    at start-up, and this one waits until it is first shown.
    """

    #: People, also those an import brought (its Change is about the delegation, with the people related).
    shows = frozenset({EntityKind.PERSON, EntityKind.DELEGATION})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = PersonTableModel(ctx.db, ctx.language, self, load=False)
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.show_passports = QCheckBox(self)
        self.show_passports.toggled.connect(self.model.set_passports_shown)
        self.count = QLabel(self)
        self.view = record_table(self, self.proxy)
        self.columns = ColumnFitter(self.view)  # after every reload: new names are not cut
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(pt.FAMILY, Qt.SortOrder.AscendingOrder)
        self.view.activated.connect(lambda _index: self.edit_person())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())

        self.new_action = QAction(self)
        self.new_action.triggered.connect(self.new_person)
        page_shortcut(self, self.new_action, NEW_KEYS, INSERT_KEYS)
        self.edit_action = QAction(self)
        self.edit_action.triggered.connect(self.edit_person)
        self.delete_action = QAction(self)
        self.delete_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_people)
        self.report_action = QAction(self)
        self.report_action.triggered.connect(self.export_personal_data)
        self.erase_action = QAction(self)
        self.erase_action.triggered.connect(self.erase_person)
        self.profile_action = QAction(self)
        self.profile_action.setShortcut(PROFILE_KEY)
        self.profile_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.profile_action.triggered.connect(self.edit_profile)
        separator = QAction(self)
        separator.setSeparator(True)
        self.view.addActions([
            self.new_action, self.edit_action, self.profile_action, self.delete_action, separator, self.report_action, self.erase_action,
        ])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_passports)
        buttons = QHBoxLayout()
        for action in (self.new_action, self.edit_action, self.delete_action):
            buttons.addWidget(tool_button(self, action))
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self._update_actions()

    def page_title(self) -> str:
        return _("People")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Filter as you type…"))
        self.search.setToolTip(_("Finds people by name, organisation, function, e-mail or phone, in any language"))
        self.show_passports.setText(_("Show passport numbers"))
        self.new_action.setText(_("New person…"))
        self.new_action.setToolTip(with_shortcut(_("Add a person to the people directory"), NEW_KEYS))
        self.edit_action.setText(_("Edit…"))
        self.profile_action.setText(_("Biography and portrait…"))
        self.profile_action.setToolTip(with_shortcut(_("A short biography and a portrait, for the briefing book and the hosts' delegation list"), PROFILE_KEY))
        self.delete_action.setText(_("Delete…"))
        self.delete_action.setToolTip(_("Delete the selected people from the directory (only those on no trip)"))
        self.report_action.setText(_("Export personal data…"))
        self.report_action.setToolTip(_("Everything the planner holds about this person, as a JSON file"))
        self.erase_action.setText(_("Erase personal data…"))
        self.erase_action.setToolTip(_("Remove every detail of this person; their trips keep an anonymous placeholder"))
        self._update_count()

    # --- reading ------------------------------------------------------------------------

    def _read(self) -> None:
        keep = [p.id for p in self.selected_people()]
        if self.model.db is not self.ctx.db:
            self.model.set_database(self.ctx.db)
        else:
            self.model.reload()
        self.select_people(i for i in keep if i is not None)
        self._update_actions()

    def selected_people(self) -> list[PersonData]:
        return [p for p in selected_records(self.view) if isinstance(p, PersonData)]

    def select_people(self, person_ids: Iterable[int]) -> None:
        select_source_rows(self.view, self.proxy, (self.model.row_of(i) for i in person_ids))

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_actions()

    def _update_actions(self) -> None:
        selected = len(self.view.selectionModel().selectedRows())
        self.edit_action.setEnabled(selected == 1)
        self.profile_action.setEnabled(selected == 1)
        self.delete_action.setEnabled(selected > 0)
        self.report_action.setEnabled(selected == 1)
        self.erase_action.setEnabled(selected == 1)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            self.count.setText(ngettext("{count} person", "{count} people", total).format(count=total))
        else:
            self.count.setText(_("{shown} of {total} shown").format(shown=shown, total=total))

    # --- changes ------------------------------------------------------------------------

    def run_form(self, form: PersonForm) -> bool:
        """Show a form modally; True if it saved something."""
        return form.exec() == QDialog.DialogCode.Accepted and form.result_value is not None

    def new_person(self) -> None:
        db = self.ctx.db
        form = PersonForm(lambda data: self.ctx.history.record(_("New person"), people.create_person(db, data)), self)
        form.enable_save_and_new()
        self.run_form(form)
        created = [value.id for value in form.saved_values if isinstance(value, Change)]
        if created:  # also after Save and new, then Close
            self.search.clear()
            self.select_people(created)

    def edit_person(self) -> None:
        chosen = self.selected_people()
        if len(chosen) != 1:
            return
        person = chosen[0]

        def save(data: PersonData) -> Change | None:
            checked = data.validated()
            if checked == person:
                return None  # nothing changed: no undo step
            return self.ctx.history.record(_("Edit {name}").format(name=person.name), people.update_person(self.ctx.db, checked))

        form = PersonForm(save, self, person)
        self.run_form(form)

    def edit_profile(self) -> None:
        """Biography and portrait of the selected person (for the briefing book and the hosts' list)."""
        chosen = self.selected_people()
        if len(chosen) == 1 and chosen[0].id is not None:
            edit_profile(self.ctx, ProfileOwner.PERSON, chosen[0].id, chosen[0].name, self)

    def delete_people(self) -> None:
        chosen = [p for p in self.selected_people() if p.id is not None]
        if not chosen:
            return
        if len(chosen) == 1:
            question = _("Delete {name} from the people directory?").format(name=chosen[0].full_name)
            text = _("Delete {name}").format(name=chosen[0].name)
        else:
            question = _("Delete these {count} people from the people directory?").format(count=len(chosen))
            text = _("Delete {count} people").format(count=len(chosen))
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        if QMessageBox.question(self, _("Delete people"), question, buttons, QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        db = self.ctx.db
        ids = [p.id for p in chosen if p.id is not None]
        _changes, errors = perform_batch(self.ctx.history, text, lambda: people.delete_people(db, ids))
        show_refusals(self.ctx.window(), errors)


    def export_personal_data(self) -> None:
        chosen = self.selected_people()
        if len(chosen) != 1 or chosen[0].id is None:
            return
        person = chosen[0]
        from planner.export.pdf.filenames import safe_filename

        start = str(self.ctx.settings.value("files/report_folder", "") or "")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export personal data"), str(Path(start) / safe_filename(person.name, ".json")), "JSON (*.json)"
        )
        if not name:
            return
        from planner.export.tripfile import write_atomically
        from planner.services.privacy import person_report

        try:
            report = person_report(self.ctx.db, person.id)
            data = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            write_atomically(Path(name), data, private=True)
        except PlannerError as error:
            show_planner_error(self.ctx.window(), error)
            return
        except OSError as error:
            show_error(self.ctx.window(), _("Export personal data"), _("{path}: {reason}").format(path=name, reason=error.strerror or str(error)))
            return
        self.ctx.settings.setValue("files/report_folder", str(Path(name).parent))

    def erase_person(self) -> None:
        """Erasure cannot be undone on purpose: the old details must not stay in the undo history."""
        chosen = self.selected_people()
        if len(chosen) != 1 or chosen[0].id is None:
            return
        person = chosen[0]
        question = _(
            "Erase every personal detail of {name}? Their trips keep an anonymous placeholder. "
            "This cannot be undone."
        ).format(name=person.full_name)
        box = QMessageBox(QMessageBox.Icon.Warning, _("Erase personal data"), question, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        also_backups = QCheckBox(_("Also erase them from the backups of this database"), box)
        also_backups.setChecked(True)
        box.setCheckBox(also_backups)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        from planner.services.erasure import erase_everywhere, report_lines

        try:
            report = erase_everywhere(self.ctx.db, person.id, clean_backups=also_backups.isChecked())
        except PlannerError as error:
            show_planner_error(self.ctx.window(), error)
            return
        self.ctx.history.stack.clear()  # earlier steps may hold the erased details
        self.ctx.history.bus.changed.emit(report.change)
        lines = report_lines(report)
        if lines:  # what the erasure reached, and what still names them (backups kept, notes)
            QMessageBox.information(self, _("Erase personal data"), "\n".join(lines))


# --- picking people for a delegation --------------------------------------------------------

#: What the picker shows: enough to tell people apart, narrow enough for a dialog.
PICKER_COLUMNS = (pt.FAMILY, pt.GIVEN, pt.NATIVE, pt.ORGANISATION, pt.FUNCTION)


#: People the directory picker shows even when dragged to its smallest.
PICKER_ROWS = 5


class DirectoryPicker(QDialog):
    """Choose people from the directory and the role they get; those already on the trip are greyed."""

    def __init__(self, db: Database, taken: Iterable[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add from the people directory"))
        self.resize(760, 520)
        self.model = PersonTableModel(db, None, self)
        self.model.set_unavailable(taken, _("Already in this delegation"))
        self.proxy = FilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Filter as you type…"))
        self.search.textChanged.connect(self.proxy.set_filter_text)
        self.view = record_table(self, self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(pt.FAMILY, Qt.SortOrder.AscendingOrder)
        for column in range(self.model.columnCount()):
            self.view.setColumnHidden(column, column not in PICKER_COLUMNS)
        fit_columns(self.view)
        self.view.activated.connect(lambda _index: self._accept_if_chosen())
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(self.role.findData(Role.MEMBER.value))
        role_label = QLabel(_("Role in the delegation:"), self)
        role_label.setBuddy(self.role)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("&Add to the delegation"))
        self.buttons.accepted.connect(self._accept_if_chosen)
        self.buttons.rejected.connect(self.reject)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update())

        bottom = QHBoxLayout()
        bottom.addWidget(role_label)
        bottom.addWidget(self.role)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        # At its smallest the dialog showed one person; five let the planner see whom they pick among.
        self.view.setMinimumHeight(
            self.view.horizontalHeader().sizeHint().height() + PICKER_ROWS * self.view.verticalHeader().defaultSectionSize()
            + self.view.horizontalScrollBar().sizeHint().height() + 2 * self.view.frameWidth()
        )
        self.search.setFocus()
        self._update()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The role's caption gets its Alt letter as in the forms (it had none)."""
        from planner.ui.widgets.form_keys import prepare_keyboard

        prepare_keyboard(self)
        super().showEvent(event)

    def selected_person_ids(self) -> list[int]:
        return [p.id for p in selected_records(self.view) if isinstance(p, PersonData) and p.id is not None]

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def _update(self) -> None:
        count = len(self.selected_person_ids())
        self.ok.setEnabled(count > 0)

    def _accept_if_chosen(self) -> None:
        if self.selected_person_ids():
            self.accept()
