"""The Overview's printouts: which version each participant holds, who needs a new one, and why.

A delegation whose members hold different printouts is a protocol failure;
this panel says, after every change, whose printout is out of date and what
changed for each of them, and offers the change notices, issuing new
itineraries to exactly those people (or version 1 to everybody), and the
history of the versions. Issuing happens only here and through the export
dialog's "Issue as version N"; a plain export never issues.

Comparing every printout with the programme reads the whole trip (0.1 s for
the demo, 0.2–0.4 s for a 5,000-item trip), so it is done when the panel is on
screen, not after each edit made elsewhere, and in a worker thread: the panel
says "Comparing…" meanwhile and fills in when the result arrives. A result
asked for before the last change (or for another trip) is dropped, never shown
as current; at most one comparison runs at a time, and the latest wanted one
follows it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
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
from planner.export.notices import summary, travel_sentences
from planner.export.own_travel import travel_texts
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


#: The list's entries: for each person whose printout is out of date, their membership id, the line naming them
#: and the sentences saying what changed (written in the worker too: for 200 people that is most of the work).
Rows = list[tuple[int, str, list[str]]]


class _Messenger(QObject):
    """Carries a comparison's result from the worker thread to the GUI thread: (request number, (TripChanges,
    language, Rows), error)."""

    arrived = Signal(int, object, object)


class PrintoutsPanel(QWidget):
    """Issued versions of one trip at a glance; `reprintRequested` carries the membership ids to reissue to.

    `compared` is emitted when a comparison has been shown (`comparing` is then False).
    """

    reprintRequested = Signal(list)
    compared = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trip_id: int | None = None
        self.state: TripChanges | None = None
        self.task: BackgroundTask | None = None
        self._stale = True
        self.comparing = False  # a comparison for the trip as it is now is under way, nothing current to show
        self._request = 0  # numbers the comparisons asked for; only the latest one's result is shown
        self._running: tuple[int, threading.Thread] | None = None  # the comparison whose result has not arrived yet
        self._rows: tuple[str, Rows] | None = None  # the list's entries as the worker wrote them, in that language
        self._messenger = _Messenger(self)
        self._messenger.arrived.connect(self._arrived)
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
        """Drop what is shown and compare again in the worker; "Comparing…" until the result arrives."""
        self._stale = False
        self._request += 1
        self.state = None
        self._rows = None
        self.comparing = self.trip_id is not None
        self._fill()
        if self.comparing:
            self._compare()

    def _compare(self) -> None:
        if self._running is not None:
            return  # _arrived starts the latest wanted comparison once this one's result is in
        request, db, trip_id, messenger, lang = self._request, self.ctx.db, self.trip_id, self._messenger, self.ctx.lang
        assert trip_id is not None

        def work() -> None:  # in the worker thread: the services and the texts only, no widget
            result: tuple[TripChanges, str, Rows] | None = None
            error: BaseException | None = None
            try:
                state = issuing.pending_changes(db, trip_id, travel=travel_texts)
                result = (state, lang, _rows(state, lang))
            except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which shows or reports it
                error = exc
            try:
                messenger.arrived.emit(request, result, error)
            except RuntimeError:  # the panel is gone
                pass

        thread = threading.Thread(target=work, name="printouts-comparison", daemon=True)
        self._running = (request, thread)
        thread.start()

    def wait_for_comparison(self, timeout: float = 60.0) -> None:
        """Block until the running comparison has posted its result (for the benchmark; the GUI never waits)."""
        if self._running is not None:
            self._running[1].join(timeout)

    def _arrived(self, request: int, result: tuple[TripChanges, str, Rows] | None, error: BaseException | None) -> None:
        if self._running is not None and self._running[0] == request:
            self._running = None
        if request != self._request:  # asked for before the last change or for another trip: never shown
            if self.comparing and self.trip_id is not None:  # (no trip any more while hidden: compared when shown)
                self._compare()
            return
        self.comparing = False
        if isinstance(error, PlannerError):  # the trip was deleted in another window, or a record is unreadable
            self.status.setText(error.message())
            self.tree.clear()
            self.tree.setVisible(False)
            self._update_buttons()
            self.compared.emit()
            return
        if error is not None:
            raise error  # a bug: to the crash reporter, as if it had happened here
        assert result is not None
        self.state, lang, rows = result
        self._rows = (lang, rows)
        self._fill()
        self.compared.emit()

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
            if self.comparing:
                self.status.setText(_("Comparing the printed itineraries with the programme…"))
            else:
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
        rows = self._rows[1] if self._rows is not None and self._rows[0] == lang else _rows(state, lang)
        for member_id, line, sentences in rows:
            head = QTreeWidgetItem(self.tree, [line])
            head.setData(0, Qt.ItemDataRole.UserRole, member_id)
            for sentence in sentences:
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


def _rows(state: TripChanges, lang: str) -> Rows:
    """Each outdated printout's entry: who holds which version in which language, and what changed for them."""
    zone = state.trip.timezone
    names = _names_in(state, lang)
    rows: Rows = []
    for change in state.outdated:
        member = change.member
        assert change.before is not None and member.id is not None
        line = _("{name} · holds version {number} · {language}").format(
            name=member.person.full_name, number=formatting.integer(change.before.number),
            language=LANGUAGE_NAMES[change.language.value],
        )
        sentences = summary([with_names(c, names) for c in change.changes], lang, zone, personal=False)
        sentences += travel_sentences(change.travel, lang, personal=False)  # the lines as printed, in the printout's language
        rows.append((member.id, line, sentences))
    return rows


def _names_in(state: TripChanges, lang: str) -> dict[int, str]:
    """Everyone on the trip by person id, named for a reader of the interface language."""
    people = [c.member.person for c in state.outdated] + [m.person for m in (*state.up_to_date, *state.never_issued)]
    return {p.id or 0: name_for_language(p.family_name, p.given_name, p.native_name, lang) for p in people}
