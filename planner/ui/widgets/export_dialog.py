"""Printing and exporting a trip's documents: the programme, personal itineraries, calendars and the hosts'
delegation list.

The dialog only gathers choices; the documents are made by planner.export in a
worker thread (reportlab takes a moment per page, and a delegation of twenty
would freeze the window for seconds). The choice of folder is remembered, as
the same shared folder is usually used for every trip.

Writing itineraries does not by itself issue them: "Issue as version N" is a
separate, visible choice (off unless the Overview's "Issue itineraries…"
opened the dialog), because a copy for a look or for one person must not
become what the planner believes everyone holds. Issuing a draft or a trip
with open errors asks first and names them.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QResizeEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from planner.db.engine import Database
from planner.domain.briefing import ProfileOwner
from planner.domain.enums import Language
from planner.domain.errors import PlannerError
from planner.export.ics import calendar_bytes, trip_calendar, trip_ics_name
from planner.export.pdf import (
    FileNamer,
    Paper,
    export_personal_pdfs,
    itinerary_stem,
    personal_document,
    programme_document,
    programme_filename,
)
from planner.export.pdf.delegation_list import delegation_list_document, delegation_list_filename
from planner.export.pdf.briefing import BriefingContent, briefing_document, briefing_filename
from planner.export.pdf.filenames import output_folder
from planner.export.tripfile import write_atomically
from planner.export.tripview import TripView
from planner.i18n import N_, _, ngettext
from planner.services import delegation, issuing, trips
from planner.domain.changes import Action, Change, EntityKind
from planner.services.calendar_revisions import CalendarRevisions, calendar_revisions
from planner.services.issue_readiness import IssueReadiness, issue_readiness
from planner.ui.errors import show_error, show_planner_error
from planner.ui.language import LANGUAGE_NAMES
from planner.ui.pages.base import UiContext
from planner.ui.tasks import BackgroundTask, Progress
from planner.ui.widgets.pdf_preview import PdfPreview
from planner.ui.keyboard import tab_leaves
from planner.ui.widgets.wrapped_height import hold_wrapped_lines

FOLDER_KEY = "export/folder"
PAPER_KEY = "export/paper"


class Document(StrEnum):
    PROGRAMME = "programme"
    ITINERARIES = "itineraries"
    CALENDARS = "calendars"
    TRIP_CALENDAR = "trip-calendar"
    DELEGATION_LIST = "delegation-list"
    BRIEFING = "briefing"
    ROOMING = "rooming"


DOCUMENT_LABELS: dict[Document, str] = {
    Document.PROGRAMME: N_("Delegation programme (PDF)"),
    Document.ITINERARIES: N_("Personal itineraries (PDF, one per person)"),
    Document.CALENDARS: N_("Personal calendars (.ics, one per person)"),
    Document.TRIP_CALENDAR: N_("Calendar of the whole trip (.ics)"),
    Document.DELEGATION_LIST: N_("Delegation list for the hosts (PDF)"),
    Document.BRIEFING: N_("Briefing book (PDF, internal: not for participants)"),
    Document.ROOMING: N_("Rooming lists for the hotels (PDF, one per hotel, with English)"),
}
PER_PERSON = frozenset({Document.ITINERARIES, Document.CALENDARS})
#: Printed documents that may carry a second language.
PRINTED = frozenset({Document.PROGRAMME, Document.ITINERARIES, Document.DELEGATION_LIST})
#: PDFs in one language that can be previewed and take a paper size (the internal briefing book).
SINGLE_LANGUAGE_PDF = frozenset({Document.BRIEFING})
#: Printed documents of the whole trip (one file each, a preview of their own).
TRIP_PRINTS = (PRINTED - PER_PERSON) | SINGLE_LANGUAGE_PDF
#: Whole-trip documents anybody may read (the rest are written readable by their owner only).
PUBLIC = frozenset({Document.PROGRAMME})
PAPER_LABELS: dict[Paper, str] = {Paper.A4: N_("A4"), Paper.LETTER: N_("US Letter")}


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What to write; `language` None means each participant's own (documents for one reader only)."""

    document: Document
    language: Language | None
    second: Language | None
    paper: Paper
    folder: Path
    membership_ids: tuple[int, ...]
    issue: bool = False  # itineraries only: record them as the next issued version


def write_documents(db: Database, trip_id: int, choice: ExportChoice, progress: Progress) -> list[Path]:
    """Write the chosen documents; returns the files written (fewer if `progress` said stop)."""
    folder = output_folder(choice.folder)
    if choice.document is Document.ITINERARIES:
        return export_personal_pdfs(
            db, trip_id, folder, choice.membership_ids, language=choice.language or "auto",
            bilingual_with=choice.second, paper=choice.paper, progress=progress, issue=choice.issue,
        )
    view = TripView.load(db, trip_id)
    if choice.document is Document.ROOMING:
        return _rooming_lists(view, folder, choice, progress)
    if choice.document in (Document.CALENDARS, Document.TRIP_CALENDAR):
        revisions = calendar_revisions(db, trip_id)
    if choice.document is Document.CALENDARS:
        return _member_calendars(view, revisions, folder, choice, progress)
    progress(0, 1)
    language = choice.language or Language.EN
    if choice.document in TRIP_PRINTS:
        name, data = trip_print(db, trip_id, choice)
        target = folder / name
    else:
        target = folder / trip_ics_name(view, language)
        data = calendar_bytes(trip_calendar(view, language=language, revisions=revisions))
    write_atomically(target, data, private=choice.document not in PUBLIC)  # a calendar, portraits, the briefing: private
    progress(1, 1)
    return [target]


def trip_print(db: Database, trip_id: int, choice: ExportChoice) -> tuple[str, bytes]:
    """A printed document of the whole trip: its file name and its bytes."""
    language = choice.language or Language.EN
    if choice.document is Document.BRIEFING:
        content = BriefingContent.load(db, trip_id)
        return briefing_filename(content.view, language), briefing_document(content, language=language, paper_size=choice.paper)
    if choice.document is Document.DELEGATION_LIST:
        view = TripView.load(db, trip_id, portraits=True)
        portraits = {p.id: p.portrait for p in view.bundle.profiles
                     if p.owner is ProfileOwner.PERSON and p.portrait is not None and p.id is not None}
        data = delegation_list_document(view, language=language, second=choice.second, portraits=portraits, paper_size=choice.paper)
        return delegation_list_filename(view, language, choice.second), data
    view = TripView.load(db, trip_id)
    return programme_filename(view, language), programme_document(view, language=language, paper=choice.paper, bilingual_with=choice.second)


def _rooming_lists(view: TripView, folder: Path, choice: ExportChoice, progress: Progress) -> list[Path]:
    """One rooming list per hotel of the trip, in the chosen language with English beside it."""
    from planner.export.rooming_list import rooming_bytes, rooming_filename, rooming_languages, trip_hotels

    hotels = trip_hotels(view)
    if not hotels:
        raise PlannerError(N_("This trip holds no rooms at any hotel yet; add them on the Logistics page."))
    written: list[Path] = []
    for hotel in hotels:
        first, _second = rooming_languages(hotel, choice.language)
        target = folder / rooming_filename(hotel, first)
        write_atomically(target, rooming_bytes(view, hotel, ".pdf", language=choice.language), private=True)  # guests and requests
        written.append(target)
        if not progress(len(written), len(hotels)):
            break
    return written


def _member_calendars(view: TripView, revisions: CalendarRevisions, folder: Path, choice: ExportChoice, progress: Progress) -> list[Path]:
    namer = FileNamer()
    written: list[Path] = []
    for membership_id in choice.membership_ids:
        member = view.member(membership_id)
        target = folder / namer.name(itinerary_stem(member), ".ics")
        language = choice.language or member.person.preferred_language
        calendar = trip_calendar(view, language=language, revisions=revisions, membership_id=membership_id)
        write_atomically(target, calendar_bytes(calendar), private=True)  # who travels where and when
        written.append(target)
        if not progress(len(written), len(choice.membership_ids)):
            break
    return written


def write_preview(db: Database, trip_id: int, choice: ExportChoice, membership_id: int | None, folder: Path) -> Path:
    """One document as it would be exported, into `folder` (a temporary one) under its real name."""
    if membership_id is None:
        name, data = trip_print(db, trip_id, choice)
        target = folder / name
    else:
        view = TripView.load(db, trip_id)
        target = folder / FileNamer().name(itinerary_stem(view.member(membership_id)), ".pdf")
        data = personal_document(view, membership_id, language=choice.language, bilingual_with=choice.second, paper=choice.paper)
    write_atomically(target, data, private=True)
    return target


def _language(data: object) -> Language | None:
    """A combo box's item data back as a Language (Qt hands a StrEnum back as its plain string)."""
    return Language(str(data)) if data else None


def offer_folder(parent: QWidget, title: str, text: str) -> bool:
    """The closing message of an export; True if the user wants to see the folder."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, parent)
    open_button = box.addButton(_("Open folder"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(open_button)
    box.exec()
    return box.clickedButton() is open_button


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def confirm_issue(parent: QWidget, number: int, readiness: IssueReadiness) -> bool:
    """Ask before issuing a draft or a trip with open errors, naming them; True to issue anyway."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, _("Issue version {number}?").format(number=number),
        _("Issue the itineraries as version {number} anyway?").format(number=number), QMessageBox.StandardButton.Cancel, parent,
    )
    box.setInformativeText("\n\n".join(readiness.reasons(bullets=True)))
    issue_button = box.addButton(_("&Issue anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is issue_button


class ExportDialog(QDialog):
    """Choices on the left of the Export button; nothing is written before it is pressed."""

    def __init__(
        self, ctx: UiContext, trip_id: int, membership_ids: list[int] | None = None, parent: QWidget | None = None, *, issue: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trip_id = trip_id
        self.task: BackgroundTask | None = None
        self.preview: PdfPreview | None = None
        self.written: list[Path] = []
        self._total = 0
        self._own_language_put_aside = False
        self._scratch: tempfile.TemporaryDirectory[str] | None = None  # made at the first preview
        trip = trips.get_trip(ctx.db, trip_id)
        self.setWindowTitle(_("Print and export – {trip}").format(trip=trip.title.text(ctx.lang)))
        self.setMinimumWidth(620)
        self.resize(680, 600)

        self.document_box = QComboBox(self)
        for document, label in DOCUMENT_LABELS.items():
            self.document_box.addItem(_(label), document)
        self.language_box = QComboBox(self)
        self.language_box.addItem(_("Each person's own language"), None)
        self.second_box = QComboBox(self)
        self.second_box.addItem(_("None (one language)"), None)
        for language in Language:
            self.language_box.addItem(LANGUAGE_NAMES[language.value], language)
            self.second_box.addItem(LANGUAGE_NAMES[language.value], language)
        self.paper_box = QComboBox(self)
        for size, label in PAPER_LABELS.items():
            self.paper_box.addItem(_(label), size)
        self.paper_box.setCurrentIndex(max(0, self.paper_box.findData(str(ctx.settings.value(PAPER_KEY, Paper.A4.value)))))
        self.folder_edit = QLineEdit(self._saved_folder(), self)
        self.folder_edit.setClearButtonEnabled(True)
        self.choose_button = QPushButton(_("C&hoose…"), self)
        self.choose_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)

        self.members = tab_leaves(QListWidget(self))
        self.members.setAlternatingRowColors(True)
        self.members.setMinimumHeight(180)
        wanted = set(membership_ids) if membership_ids is not None else None
        for member in delegation.list_members(ctx.db, trip_id):
            person = member.person
            text = f"{person.full_name} · {member.role.label} · {LANGUAGE_NAMES[person.preferred_language.value]}"
            item = QListWidgetItem(text, self.members)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = wanted is None or member.id in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.members.itemChanged.connect(lambda _item: self._update_state())
        self.members.currentItemChanged.connect(lambda *_a: self._update_state())
        self.all_button = QPushButton(_("&All"), self)
        self.all_button.clicked.connect(lambda: self.check_all(True))
        self.none_button = QPushButton(_("&None"), self)
        self.none_button.clicked.connect(lambda: self.check_all(False))
        self.count_label = QLabel(self)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(self.all_button)
        member_buttons.addWidget(self.none_button)
        member_buttons.addWidget(self.count_label, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("&Document:"), self.document_box)
        form.addRow(_("&Language:"), self.language_box)
        form.addRow(_("&Second language:"), self.second_box)
        form.addRow(_("Pape&r size:"), self.paper_box)
        form.addRow(_("Save in &folder:"), folder_row)
        form.labelForField(folder_row).setBuddy(self.folder_edit)  # type: ignore[union-attr]
        self.members_caption = QLabel(_("&Participants:"), self)
        self.members_caption.setBuddy(self.members)
        self.issue_box = QCheckBox(self)
        self.issue_box.setChecked(issue)
        self.issue_box.toggled.connect(lambda _on: self._update_state())
        self.issue_note = QLabel(self)
        self.issue_note.setWordWrap(True)
        self.issue_note.setEnabled(False)  # greyed: an explanation, not a control
        self._show_next_number()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.preview_button = self.buttons.addButton(_("Pre&view"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button = self.buttons.addButton(_("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.preview_button.clicked.connect(self.show_preview)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.members_caption)
        layout.addWidget(self.members, 1)
        layout.addLayout(member_buttons)
        layout.addWidget(self.issue_box)
        layout.addWidget(self.issue_note)
        layout.addWidget(self.buttons)
        self.document_box.currentIndexChanged.connect(lambda _i: self._update_state())
        self.language_box.activated.connect(lambda _i: setattr(self, "_own_language_put_aside", False))
        self.language_box.currentIndexChanged.connect(lambda _i: self._update_state())
        if wanted:
            first = next((i for i in range(self.members.count()) if self.members.item(i).data(Qt.ItemDataRole.UserRole) in wanted), 0)
            self.members.setCurrentRow(first)
        self.set_document(Document.ITINERARIES if membership_ids is not None else Document.PROGRAMME)

    # --- choices -------------------------------------------------------------------------------

    def _saved_folder(self) -> str:
        saved = self.ctx.settings.value(FOLDER_KEY, "")
        if isinstance(saved, str) and saved:
            return saved
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())

    def document(self) -> Document:
        return Document(self.document_box.currentData())

    def _show_next_number(self) -> None:
        self.next_number = issuing.next_number(self.ctx.db, self.trip_id)
        self.issue_box.setText(_("Iss&ue as version {number}").format(number=self.next_number))
        self.issue_note.setText(
            _("Records these itineraries as the printouts the participants hold: change notices and the Overview compare with them. "
              "Leave it off for a copy to look at.")
        )

    def set_document(self, document: Document) -> None:
        self.document_box.setCurrentIndex(self.document_box.findData(document))
        self._update_state()

    def set_language(self, language: Language | None, second: Language | None = None) -> None:
        self.language_box.setCurrentIndex(self.language_box.findData(language))
        self.second_box.setCurrentIndex(self.second_box.findData(second))

    def set_paper(self, paper: Paper) -> None:
        self.paper_box.setCurrentIndex(self.paper_box.findData(paper))

    def check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.members.count()):
            self.members.item(row).setCheckState(state)

    def checked_ids(self) -> list[int]:
        items = (self.members.item(row) for row in range(self.members.count()))
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in items if item.checkState() == Qt.CheckState.Checked]

    def choice(self) -> ExportChoice:
        document = self.document()
        language = _language(self.language_box.currentData())
        if language is None and document not in PER_PERSON:
            language = Language(self.ctx.lang)  # a document for everybody has no "own" language: the planner's
        return ExportChoice(
            document=document, language=language, second=_language(self.second_box.currentData()) if document in PRINTED else None,
            paper=Paper(self.paper_box.currentData()), folder=Path(self.folder_edit.text().strip()).expanduser(),
            membership_ids=tuple(self.checked_ids()) if document in PER_PERSON else (),
            issue=document is Document.ITINERARIES and self.issue_box.isChecked(),
        )

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Save in folder"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)
            self.ctx.settings.setValue(FOLDER_KEY, chosen)

    def _update_state(self) -> None:
        document = self.document()
        per_person = document in PER_PERSON
        own = self.language_box.model()
        if isinstance(own, QStandardItemModel) and own.item(0) is not None:
            own.item(0).setEnabled(per_person)  # type: ignore[union-attr]
        if not per_person and self.language_box.currentData() is None:
            self.language_box.setCurrentIndex(self.language_box.findData(Language(self.ctx.lang)))
            self._own_language_put_aside = True
        elif per_person and self._own_language_put_aside:
            self.language_box.setCurrentIndex(0)  # back from the programme: each person's own again
        if per_person:
            self._own_language_put_aside = False
        for widget in (self.members, self.members_caption, self.all_button, self.none_button, self.count_label):
            widget.setEnabled(per_person)
        self.second_box.setEnabled(document in PRINTED)
        self.paper_box.setEnabled(document in PRINTED or document in SINGLE_LANGUAGE_PDF)
        self.issue_box.setEnabled(document is Document.ITINERARIES)
        self.export_button.setText(_("&Issue") if document is Document.ITINERARIES and self.issue_box.isChecked() else _("&Export"))
        checked = len(self.checked_ids())
        self.count_label.setText(
            ngettext("{count} of {total} participant chosen", "{count} of {total} participants chosen", self.members.count()).format(
                count=checked, total=self.members.count()
            )
        )
        running = self.task is not None
        self.export_button.setEnabled(not running and (not per_person or checked > 0))
        self.preview_button.setEnabled(
            not running and (document in TRIP_PRINTS or (document is Document.ITINERARIES and self.preview_member() is not None))
        )

    def preview_member(self) -> int | None:
        """The participant whose itinerary a preview shows: the highlighted one, else the first chosen."""
        current = self.members.currentItem()
        if current is not None:
            return int(current.data(Qt.ItemDataRole.UserRole))
        ids = self.checked_ids()
        return ids[0] if ids else None

    # --- export --------------------------------------------------------------------------------

    def start_export(self) -> BackgroundTask | None:
        choice = self.choice()
        if not self.folder_edit.text().strip():
            show_error(self, _("Nothing was exported"), _("Choose the folder to save the documents in."))
            return None
        if choice.document in PER_PERSON and not choice.membership_ids:
            show_error(self, _("Nothing was exported"), _("Choose at least one participant."))
            return None
        if choice.issue:
            readiness = issue_readiness(self.ctx.db, self.trip_id)
            if not readiness.ready and not confirm_issue(self, self.next_number, readiness):
                return None
        db, trip_id = self.ctx.db, self.trip_id
        self.written = []
        self._total = 0

        def work(progress: Progress) -> list[Path]:
            def counted(done: int, total: int) -> bool:
                self._total = total
                return progress(done, total)

            return write_documents(db, trip_id, choice, counted)

        self.task = BackgroundTask(self, _("Writing documents…"), work)
        self.task.done.connect(lambda paths: self._exported(choice, paths))
        self.task.failed.connect(lambda error: self._failed(error, choice.folder, _("The documents were not written")))
        self._update_state()
        self.task.start()
        return self.task

    def _exported(self, choice: ExportChoice, paths: list[Path]) -> None:
        cancelled = self.task is not None and self.task.cancelled
        self.task = None
        self.written = list(paths)
        self.ctx.settings.setValue(FOLDER_KEY, str(choice.folder))
        self.ctx.settings.setValue(PAPER_KEY, choice.paper.value)
        self._update_state()
        if choice.issue and paths:
            # the Overview lists who holds which version
            self.ctx.history.bus.changed.emit(Change(Action.CREATED, EntityKind.ISSUED_VERSION, self.trip_id or 0))
            self._show_next_number()
        folder = str(paths[0].parent if paths else choice.folder)
        count = len(paths)
        if cancelled:
            text = ngettext(
                "Stopped: {count} of {total} file was written to {folder}.",
                "Stopped: {count} of {total} files were written to {folder}.", self._total,
            ).format(count=count, total=self._total, folder=folder)
        else:
            text = ngettext("{count} file was written to {folder}.", "{count} files were written to {folder}.", count).format(
                count=count, folder=folder
            )
        if offer_folder(self, _("Export finished") if not cancelled else _("Export stopped"), text):
            open_folder(Path(folder))
        if not cancelled:
            self.accept()

    def _failed(self, error: object, folder: Path, title: str) -> None:
        self.task = None
        self._update_state()
        if isinstance(error, PlannerError):
            show_planner_error(self, error, title)
        elif isinstance(error, OSError):
            where = error.filename or str(folder)
            show_error(self, title, _("{path} could not be written: {reason}").format(path=str(where), reason=error.strerror or str(error)))
        else:
            raise error  # type: ignore[misc]  # the crash reporter shows it with the log path

    # --- preview -------------------------------------------------------------------------------

    def show_preview(self) -> BackgroundTask | None:
        """Render the programme or the highlighted person's itinerary with the chosen options, then show it."""
        choice = self.choice()
        member = self.preview_member() if choice.document is Document.ITINERARIES else None
        previewable = choice.document in PRINTED or choice.document in SINGLE_LANGUAGE_PDF
        if not previewable or (choice.document is Document.ITINERARIES and member is None):
            return None
        if self.preview is not None:
            self.preview.close()  # lets go of its file, which the new preview may replace
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="planner-preview-")
        db, trip_id, scratch = self.ctx.db, self.trip_id, Path(self._scratch.name)

        def work(progress: Progress) -> Path:
            progress(0, 1)
            return write_preview(db, trip_id, choice, member, scratch)

        self.task = BackgroundTask(self, _("Preparing the preview…"), work)
        self.task.done.connect(self._preview_ready)
        self.task.failed.connect(lambda error: self._failed(error, scratch, _("The preview could not be made")))
        self._update_state()
        self.task.start()
        return self.task

    def _preview_ready(self, path: Path) -> None:
        self.task = None
        self._update_state()
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
        self.preview = PdfPreview(path, self, title=_("Preview – {name}").format(name=path.stem))
        self.preview.show()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Never lower than the wrapped lines need at this width (see wrapped_height)."""
        super().resizeEvent(event)
        hold_wrapped_lines(self)

    def done(self, result: int) -> None:
        if self.task is not None:
            return  # a document is being written; the progress dialog's Cancel stops it first
        if self.preview is not None:
            self.preview.close()
        super().done(result)
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None


def open_export_dialog(ctx: UiContext, trip_id: int, membership_ids: list[int] | None = None, *, issue: bool = False) -> int:
    """File ▸ Print and export… and the Delegation page's "Print itineraries" open this; the Overview's "Issue itineraries…" with `issue`."""
    dialog = ExportDialog(ctx, trip_id, membership_ids, ctx.window(), issue=issue)
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
