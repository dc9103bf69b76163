"""The versions of a trip's itineraries issued so far, and a readable diff between any two of them.

Each change is listed once, with the people it concerns: a participant's
state at a version is the latest printout issued to them up to it, so a
version issued to three people compares fairly with one issued to all.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import formatting
from planner.domain.errors import PlannerError
from planner.export.notices import change_list
from planner.export.own_travel import travel_texts
from planner.i18n import _, ngettext
from planner.services import issuing, trips
from planner.services.issuing import MemberChanges, VersionSummary
from planner.ui.errors import show_planner_error
from planner.ui.pages.base import UiContext
from planner.ui.keyboard import tab_leaves

NOW = 0  # the "to" choice that means the programme as it is now


def describe(changes: list[MemberChanges], language: str, trip_zone: str) -> str:
    """The changes as text: each once, then whom it concerns."""
    return "\n".join(change_list(changes, language, trip_zone)) if changes else _("Nothing has changed.")


class VersionHistoryDialog(QDialog):
    def __init__(self, ctx: UiContext, trip_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trip_id = trip_id
        self.trip = trips.get_trip(ctx.db, trip_id)
        self.versions: list[VersionSummary] = issuing.list_versions(ctx.db, trip_id)
        self.setWindowTitle(_("Version history – {trip}").format(trip=self.trip.title.text(ctx.lang)))
        self.resize(760, 560)

        self.table = tab_leaves(QTreeWidget(self))
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([_("Version"), _("Issued"), _("Recipients")])
        for version in self.versions:
            moment = version.issued_at.astimezone()
            recipients = ", ".join(name for _pid, name in version.recipients) or "—"
            row = QTreeWidgetItem(self.table, [
                formatting.integer(version.number),
                f"{formatting.short_date(moment.date())} {formatting.time_of_day(moment)}",
                ngettext("{count} person: {names}", "{count} people: {names}", len(version.recipients)).format(
                    count=formatting.integer(len(version.recipients)), names=recipients
                ),
            ])
            row.setToolTip(2, recipients)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)

        self.since_box = QComboBox(self)
        self.until_box = QComboBox(self)
        for version in self.versions:
            label = _("Version {number}").format(number=formatting.integer(version.number))
            self.since_box.addItem(label, version.number)
            self.until_box.addItem(label, version.number)
        self.until_box.addItem(_("Now (not yet issued)"), NOW)
        self.since_box.setCurrentIndex(max(0, len(self.versions) - 1))
        self.until_box.setCurrentIndex(self.until_box.count() - 1)
        self.since_box.currentIndexChanged.connect(lambda _i: self.show_diff())
        self.until_box.currentIndexChanged.connect(lambda _i: self.show_diff())
        compare = QHBoxLayout()
        since_label = QLabel(_("&Compare"), self)
        since_label.setBuddy(self.since_box)
        until_label = QLabel(_("&with"), self)
        until_label.setBuddy(self.until_box)
        compare.addWidget(since_label)
        compare.addWidget(self.since_box)
        compare.addWidget(until_label)
        compare.addWidget(self.until_box)
        compare.addStretch(1)

        self.diff = QPlainTextEdit(self)
        self.diff.setReadOnly(True)
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(compare)
        layout.addWidget(self.diff, 2)
        layout.addWidget(buttons)
        self.show_diff()

    def show_diff(self) -> None:
        since = self.since_box.currentData()
        until = self.until_box.currentData()
        if since is None:
            self.diff.setPlainText(_("No itineraries issued yet."))
            return
        if until != NOW and until is not None and int(until) <= int(since):
            self.diff.setPlainText(_("Choose a later version to compare with."))
            return
        try:
            found = issuing.compare_versions(
                self.ctx.db, self.trip_id, int(since), None if until in (None, NOW) else int(until), travel=travel_texts
            )
        except PlannerError as exc:
            show_planner_error(self, exc)
            return
        self.diff.setPlainText(describe(found, self.ctx.lang, self.trip.timezone))

    def diff_text(self) -> str:
        return self.diff.toPlainText()
