"""The Protocol menu: taxi cards, invitation letters, seating plans and the gift register of the selected trip.

Each action asks for its few options and where to save, then writes the
document with the same code as the command line. A refusal (no host to sign
the letter, no venue for a card) is one message, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QMenu, QMessageBox,
    QPlainTextEdit, QWidget,
)

from planner.domain.enums import Language
from planner.domain.errors import PlannerError
from planner.export.language import country_language
from planner.i18n import N_, _
from planner.services import trips
from planner.ui.errors import show_planner_error
from planner.ui.language import LANGUAGE_NAMES
from planner.ui.pages.base import UiContext

#: The choices of planner.export.invitation.CostBearer (not imported here: the documents load reportlab, on first use only).
COST_LABELS: dict[str, str] = {
    "guests": N_("The delegation bears all costs"),
    "host-local": N_("The host bears the stay, the delegation its travel"),
    "host-all": N_("The host bears all costs"),
}


def safe_stem(name: str) -> str:
    from planner.export.pdf.filenames import safe_stem as stem

    return stem(name)


class ProtocolMenu(QMenu):
    def __init__(self, ctx: UiContext, current_trip: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_trip = current_trip
        self.cards_action = self.addAction("", self.taxi_cards)
        self.invitation_action = self.addAction("", self.invitation)
        self.addSeparator()
        self.seating_action = self.addAction("", self.seating_plans)
        self.gifts_action = self.addAction("", self.gift_register)
        self.addSeparator()
        self.emergency_action = self.addAction("", self.emergency_contacts)
        self.aboutToShow.connect(self._update)
        ctx.language.follow(self.retranslate)

    def retranslate(self, _language: str = "") -> None:
        self.setTitle(_("&Protocol"))
        self.cards_action.setText(_("&Taxi cards…"))
        self.invitation_action.setText(_("&Invitation letter…"))
        self.seating_action.setText(_("&Seating plans…"))
        self.gifts_action.setText(_("&Gift register…"))
        self.emergency_action.setText(_("&Emergency contacts…"))

    def _update(self) -> None:
        has_trip = self.current_trip() is not None
        for action in self.actions():
            action.setEnabled(has_trip)

    # --- asking -------------------------------------------------------------------------------

    def _title(self, trip_id: int) -> str:
        return trips.get_trip(self.ctx.db, trip_id).title.text(self.ctx.lang)

    def ask_path(self, caption: str, suggested: str, filters: str) -> Path | None:
        """Where to save; None if the user cancels."""
        start = str(Path(self.ctx.settings.value("protocol/folder", str(Path.home()))) / suggested)
        name, _chosen = QFileDialog.getSaveFileName(self.parentWidget(), caption, start, filters)
        if not name:
            return None
        self.ctx.settings.setValue("protocol/folder", str(Path(name).parent))
        return Path(name)

    def ask_folder(self, caption: str) -> Path | None:
        start = str(self.ctx.settings.value("protocol/folder", str(Path.home())))
        name = QFileDialog.getExistingDirectory(self.parentWidget(), caption, start)
        return Path(name) if name else None

    def ask_options(self, title: str, rows: list[tuple[str, QWidget]]) -> bool:
        dialog = QDialog(self.parentWidget())
        dialog.setWindowTitle(title)
        form = QFormLayout(dialog)
        for caption, widget in rows:
            widget.setParent(dialog)
            if caption:
                form.addRow(caption, widget)
            else:
                form.addRow(widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _done(self, paths: list[Path]) -> None:
        if paths:
            QMessageBox.information(self.parentWidget(), _("Saved"), "\n".join(_("Wrote {path}").format(path=p) for p in paths))

    def _run(self, write: Callable[[], list[Path]]) -> list[Path]:
        try:
            paths = write()
        except PlannerError as error:
            show_planner_error(self.parentWidget(), error)
            return []
        self._done(paths)
        return paths

    @staticmethod
    def _language_combo(selected: str) -> QComboBox:
        combo = QComboBox()
        for lang in Language:
            combo.addItem(LANGUAGE_NAMES[lang.value], lang.value)
        combo.setCurrentIndex(max(combo.findData(selected), 0))
        return combo

    # --- the documents ------------------------------------------------------------------------

    def taxi_cards(self) -> list[Path]:
        trip_id = self.current_trip()
        if trip_id is None:
            return []
        four_up = QCheckBox(_("Four cards on each A4 sheet, to cut"))
        language = self._language_combo(self.ctx.lang)
        if not self.ask_options(_("Taxi cards"), [(_("Traveller's language"), language), ("", four_up)]):
            return []
        path = self.ask_path(_("Save the taxi cards"), f"{safe_stem(self._title(trip_id))} – {_('Taxi cards')}.pdf", _("PDF (*.pdf)"))
        if path is None:
            return []
        return self.write_cards(trip_id, path, str(language.currentData()), four_up.isChecked())

    def write_cards(self, trip_id: int, path: Path, language: str, four_up: bool) -> list[Path]:
        from planner.export.pdf.cards import cards_pdf

        return self._run(lambda: [cards_pdf(self.ctx.db, trip_id, path, language=language, four_up=four_up)])

    def invitation(self) -> list[Path]:
        trip_id = self.current_trip()
        if trip_id is None:
            return []
        costs = QComboBox()
        for bearer, label in COST_LABELS.items():
            costs.addItem(_(label), bearer)
        each = QCheckBox(_("One letter for each invited person"))
        letterhead = QPlainTextEdit()
        letterhead.setPlaceholderText(_("Address, telephone … (printed under the host's name)"))
        letterhead.setFixedHeight(letterhead.fontMetrics().lineSpacing() * 3 + 12)
        note = QLabel(_("The letter names the invited persons with their passport details: keep the file safe."))
        note.setWordWrap(True)
        if not self.ask_options(_("Invitation letter"), [(_("Costs"), costs), (_("Letterhead"), letterhead), ("", each), ("", note)]):
            return []
        if each.isChecked():
            folder = self.ask_folder(_("Folder for the invitation letters"))
            if folder is None:
                return []
            return self.write_invitations(trip_id, folder, str(costs.currentData()), letterhead.toPlainText(), each=True)
        path = self.ask_path(_("Save the invitation letter"), f"{safe_stem(self._title(trip_id))} – {_('Letter of invitation')}.pdf",
                             _("PDF (*.pdf)"))
        if path is None:
            return []
        return self.write_invitations(trip_id, path, str(costs.currentData()), letterhead.toPlainText(), each=False)

    def write_invitations(self, trip_id: int, target: Path, costs: str, letterhead: str, *, each: bool) -> list[Path]:
        from planner.export.invitation import invitation
        from planner.export.pdf.filenames import output_folder
        from planner.export.pdf.letter import invitation_document, invitation_filename
        from planner.export.tripfile import write_atomically
        from planner.export.tripview import TripView

        def write() -> list[Path]:
            view = TripView.load(self.ctx.db, trip_id)
            if not each:
                data = invitation_document(invitation(view, costs=costs), letterhead=letterhead)
                write_atomically(target, data, private=True)
                return [target]
            folder = output_folder(target)
            written = []
            for member in invitation(view, costs=costs).invited:
                content = invitation(view, membership_id=member.id, costs=costs)
                path = folder / invitation_filename(content)
                write_atomically(path, invitation_document(content, letterhead=letterhead), private=True)
                written.append(path)
            return written

        return self._run(write)

    def seating_plans(self) -> list[Path]:
        trip_id = self.current_trip()
        if trip_id is None:
            return []
        path = self.ask_path(_("Save the seating plans"), f"{safe_stem(self._title(trip_id))} – {_('Seating plan')}.pdf", _("PDF (*.pdf)"))
        if path is None:
            return []
        return self.write_seating(trip_id, path)

    def write_seating(self, trip_id: int, path: Path) -> list[Path]:
        from planner.export.pdf.seating import seating_pdf

        country = trips.get_trip(self.ctx.db, trip_id).destination_country
        local = country_language(country)
        second = local.value if local is not None and local.value != self.ctx.lang else None
        return self._run(lambda: [seating_pdf(self.ctx.db, trip_id, path, language=self.ctx.lang, second=second)])

    def emergency_contacts(self) -> bool:
        """The embassy or consulate for the emergency page; True when the planner saved a change."""
        from planner.ui.widgets.emergency_contacts_dialog import EmergencyContactsDialog

        trip_id = self.current_trip()
        if trip_id is None:
            return False
        return EmergencyContactsDialog(self.ctx, trip_id, self.parentWidget()).exec() == QDialog.DialogCode.Accepted

    def gift_register(self) -> list[Path]:
        trip_id = self.current_trip()
        if trip_id is None:
            return []
        path = self.ask_path(_("Save the gift register"), f"{safe_stem(self._title(trip_id))} – {_('Gift register')}.xlsx",
                             _("Excel (*.xlsx);;PDF (*.pdf);;CSV (*.csv)"))
        if path is None:
            return []
        return self.write_gifts(trip_id, path)

    def write_gifts(self, trip_id: int, path: Path) -> list[Path]:
        from planner.export.gift_list import write_gift_list

        return self._run(lambda: [write_gift_list(self.ctx.db, trip_id, path, language=self.ctx.lang)])
