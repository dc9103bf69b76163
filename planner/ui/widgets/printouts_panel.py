"""The Overview's printouts: which version each participant holds, who needs a new one, and why.

A delegation whose members hold different printouts is a protocol failure;
this panel says, after every change, whose printout is out of date and what
changed for each of them, and offers the change notices, issuing new
itineraries to exactly those people (or version 1 to everybody), and the
history of the versions. Issuing happens only here and through the export
dialog's "Issue as version N"; a plain export never issues.

Comparing every printout with the programme reads the whole trip, so it is
done when the panel is on screen, not after each edit made elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import formatting
from planner.domain.errors import PlannerError
from planner.domain.issued import with_names
from planner.domain.names import name_for_language
from planner.export.notices import summary
from planner.i18n import _, ngettext
from planner.services import issuing
from planner.services.issuing import TripChanges
from planner.ui.errors import show_planner_error
from planner.ui.language import LANGUAGE_NAMES
from planner.ui.pages.base import UiContext
from planner.ui.tasks import BackgroundTask, Progress
from planner.ui.keyboard import tab_leaves

#: Where notices are saved: the same folder as the itineraries (planner.ui.widgets.export_dialog).
FOLDER_KEY = "export/folder"


class PrintoutsPanel(QWidget):
    """Issued versions of one trip at a glance; `reprintRequested` carries the membership ids to reissue to."""

    reprintRequested = Signal(list)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trip_id: int | None = None
        self.state: TripChanges | None = None
        self.task: BackgroundTask | None = None
        self._stale = True
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = tab_leaves(QTreeWidget(self))
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.notices_button = QPushButton(self)
        self.notices_button.clicked.connect(self.make_notices)
        self.reprint_button = QPushButton(self)
        self.reprint_button.clicked.connect(self._request_reprint)
        self.history_button = QPushButton(self)
        self.history_button.clicked.connect(self.show_history)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notices_button)
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        # The history beside the heading, not in the row of buttons: that row sets the Overview's
        # narrowest width, and in German three buttons did not fit a small window.
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.history_button)
        layout = QVBoxLayout(self)  # default margins: it lines up with the facts above it
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.missing)
        layout.addLayout(buttons)
        layout.addStretch()  # takes the room while the list is hidden, so the buttons stay under the text
        self.retranslate()

    # --- data ------------------------------------------------------------------------------------

    def set_trip(self, trip_id: int | None) -> None:
        self.trip_id = trip_id
        self.refresh()

    def refresh(self) -> None:
        """Compare again now if on screen, else when next shown."""
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        self._stale = False
        self.state = None
        if self.trip_id is not None:
            try:
                self.state = issuing.pending_changes(self.ctx.db, self.trip_id)
            except PlannerError as exc:  # the trip was deleted in another window, or a record is unreadable
                self.status.setText(exc.message())
                self.tree.clear()
                self._update_buttons()
                return
        self._fill()

    # --- display ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(_("Printed itineraries"))
        self.notices_button.setText(_("Make change &notices…"))
        self.reprint_button.setText(_("&Issue itineraries…"))
        self.history_button.setText(_("Version &history…"))
        self.notices_button.setToolTip(_("A short notice for each person whose printout is out of date, saying only what changed for them"))
        self.reprint_button.setToolTip(
            _("Print and record the next version for exactly the people whose printout is out of date or who have none")
        )
        self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        state = self.state
        lang = self.ctx.lang
        if state is None:
            self.status.clear()
            self.missing.clear()
            self.tree.setVisible(False)
            self._update_buttons()
            return
        if state.last_number == 0:
            self.status.setText(_("No itineraries issued yet. “Issue itineraries…” prints and records version 1."))
        else:
            assert state.last_issued_at is not None
            moment = state.last_issued_at.astimezone()
            latest = _("Latest: version {number} of {date}, {time}.").format(
                number=formatting.integer(state.last_number), date=formatting.long_date(moment.date()),
                time=formatting.time_of_day(moment),
            )
            if state.outdated:
                count = len(state.outdated)
                need = ngettext(
                    "{count} person needs a new printout:", "{count} people need a new printout:", count
                ).format(count=formatting.integer(count))
            else:
                need = _("Every printout is up to date.")
            self.status.setText(f"{latest}\n{need}")
        zone = state.trip.timezone
        names = _names_in(state, lang)
        for change in state.outdated:
            member = change.member
            assert change.before is not None
            head = QTreeWidgetItem(self.tree, [
                _("{name} · holds version {number} · {language}").format(
                    name=member.person.full_name, number=formatting.integer(change.before.number),
                    language=LANGUAGE_NAMES[change.language.value],
                )
            ])
            head.setData(0, Qt.ItemDataRole.UserRole, member.id)
            for sentence in summary([with_names(c, names) for c in change.changes], lang, zone, personal=False):
                child = QTreeWidgetItem(head, [sentence])
                child.setToolTip(0, sentence)
        self.tree.expandAll()
        self.tree.setVisible(bool(state.outdated))
        if state.never_issued and state.last_number:
            count = len(state.never_issued)
            self.missing.setText(
                ngettext("{count} person has no printout yet: {names}", "{count} people have no printout yet: {names}", count).format(
                    count=formatting.integer(count), names=", ".join(m.person.full_name for m in state.never_issued)
                )
            )
        else:
            self.missing.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        state = self.state
        running = self.task is not None
        self.notices_button.setEnabled(not running and state is not None and bool(state.outdated))
        self.reprint_button.setEnabled(not running and state is not None and bool(state.outdated or state.never_issued))
        self.history_button.setEnabled(state is not None and state.last_number > 0)

    def people_needing(self) -> list[str]:
        """The names listed as needing a new printout (for tests and the window's status)."""
        return [c.member.person.full_name for c in self.state.outdated] if self.state is not None else []

    # --- actions ---------------------------------------------------------------------------------

    def _request_reprint(self) -> None:
        if self.state is not None:
            self.reprintRequested.emit(issuing.members_needing(self.state, include_new=True))

    def make_notices(self, folder: Path | None = None) -> BackgroundTask | None:
        """Write a notice (PDF and text) for everyone whose printout is out of date; `folder` None asks for one."""
        if self.trip_id is None or self.state is None or not self.state.outdated:
            return None
        if folder is None:
            saved = self.ctx.settings.value(FOLDER_KEY, "")
            chosen = QFileDialog.getExistingDirectory(self, _("Save the change notices in"), saved if isinstance(saved, str) else "")
            if not chosen:
                return None
            folder = Path(chosen)
        db, trip_id, target = self.ctx.db, self.trip_id, folder

        def work(progress: Progress) -> list[Path]:
            from planner.export.pdf.notice import write_notices

            progress(0, 1)
            return write_notices(db, trip_id, target)

        self.task = BackgroundTask(self, _("Writing change notices…"), work)
        self.task.done.connect(lambda paths: self._notices_written(target, paths))
        self.task.failed.connect(self._notices_failed)
        self._update_buttons()
        self.task.start()
        return self.task

    def _notices_written(self, folder: Path, paths: list[Path]) -> None:
        from planner.ui.widgets.export_dialog import offer_folder, open_folder

        self.task = None
        self._update_buttons()
        self.ctx.settings.setValue(FOLDER_KEY, str(folder))
        people = len(paths) // 2
        text = ngettext(
            "A change notice for {count} person (PDF and text to paste into a message) was written to {folder}.",
            "Change notices for {count} people (PDF and text to paste into a message) were written to {folder}.", people,
        ).format(count=formatting.integer(people), folder=str(folder))
        if offer_folder(self, _("Change notices written"), text):
            open_folder(folder)

    def _notices_failed(self, error: object) -> None:
        self.task = None
        self._update_buttons()
        if isinstance(error, PlannerError):
            show_planner_error(self, error, _("The change notices were not written"))
        else:
            raise error  # type: ignore[misc]

    def show_history(self) -> None:
        from planner.ui.widgets.version_history import VersionHistoryDialog

        if self.trip_id is None:
            return
        dialog = VersionHistoryDialog(self.ctx, self.trip_id, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


def _names_in(state: TripChanges, lang: str) -> dict[int, str]:
    """Everyone on the trip by person id, named for a reader of the interface language."""
    people = [c.member.person for c in state.outdated] + [m.person for m in (*state.up_to_date, *state.never_issued)]
    return {p.id or 0: name_for_language(p.family_name, p.given_name, p.native_name, lang) for p in people}
