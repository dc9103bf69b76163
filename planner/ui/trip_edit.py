"""Editing a trip's details and status from the window: the dialog, the programme question, undo.

Every way in (the Overview's button, the navigator, Edit › Trip details…)
ends here, so the questions asked and the undo step are the same. A new first
day or zone asks whether the programme keeps its local times or its moments
and names the items that would no longer fit the trip's days; the trip and
the items it moves are saved as one Change and undone as one step (services.undo).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.domain.entities import ItemData, TripData
from planner.domain.enums import TripStatus
from planner.domain.errors import PlannerError
from planner.i18n import _, current_language
from planner.services import trips
from planner.services.base import Change
from planner.services.trips import ItemPolicy, MovePreview
from planner.ui.undo import UndoHistory
from planner.ui.widgets.trip_dialog import Cancelled, TripDialog

#: How many items a question names before it says "and N more".
NAMED_ITEMS = 8


def edit_trip(history: UndoHistory, parent: QWidget | None, trip_id: int) -> bool:
    """Open the Trip details dialog for `trip_id`; True if the user saved a change."""
    try:
        trip = trips.get_trip(history.db, trip_id)
    except PlannerError as error:
        from planner.ui.errors import show_planner_error

        show_planner_error(parent, error)
        return False
    dialog: TripDialog

    def save(data: TripData) -> Change:
        policy = ask_about_programme(dialog, history, data)
        change = trips.update_trip(history.db, data, items=policy)
        title = change.after.title.text(current_language())
        return history.record(_("Edit trip “{title}”").format(title=title), change)

    dialog = TripDialog(save, parent, trip=trip)
    return dialog.exec() == TripDialog.DialogCode.Accepted and dialog.result_value is not None


def ask_about_programme(parent: QWidget, history: UndoHistory, data: TripData) -> ItemPolicy | None:
    """The policy for the programme when `data` changes the trip's days or zone; raises Cancelled when the user declines.

    None when the first day and the zone stay (after asking, if items would fall outside the new days).
    """
    preview = trips.preview_item_moves(history.db, data)
    if preview.moves and preview.items:
        return _choose_policy(parent, preview)
    if preview.moves:
        return ItemPolicy.KEEP_LOCAL_TIMES  # no programme yet: the delegation's arrival and departure days follow the trip
    outside = preview.outside[ItemPolicy.KEEP_MOMENTS]
    if outside:
        box = QMessageBox(QMessageBox.Icon.Question, _("Programme outside the trip"), _("These items would lie outside the new days of the trip:"), parent=parent)
        box.setInformativeText(_item_list(outside) + "\n\n" + _("Save anyway?"))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Save):
            raise Cancelled
    return None


def _choose_policy(parent: QWidget, preview: MovePreview) -> ItemPolicy:
    box = QMessageBox(QMessageBox.Icon.Question, _("Move the programme?"), _("The trip's first day or time zone changes. What should happen to the programme items?"), parent=parent)
    box.setObjectName("programme_question")
    parts = [
        _("Keep local times: every item stays at its time on the clock of the place, on the same day of the trip."),
        _("Keep moments: every item stays at the same moment and is shown in the new time zone."),
    ]
    for policy, heading in (
        (ItemPolicy.KEEP_LOCAL_TIMES, _("With local times kept, these items would lie outside the trip's days:")),
        (ItemPolicy.KEEP_MOMENTS, _("With moments kept, these items would lie outside the trip's days:")),
    ):
        if preview.outside[policy]:
            parts.append(heading + "\n" + _item_list(preview.outside[policy]))
    refused = preview.refused[ItemPolicy.KEEP_LOCAL_TIMES]
    if refused:
        parts.append(_("Local times cannot be kept:") + "\n" + "\n".join("• " + e.message() for e in refused))
    box.setInformativeText("\n\n".join(parts))
    local = box.addButton(_("Keep &local times"), QMessageBox.ButtonRole.AcceptRole)
    local.setObjectName("keep_local_times")
    local.setEnabled(not refused)
    moments = box.addButton(_("Keep &moments"), QMessageBox.ButtonRole.AcceptRole)
    moments.setObjectName("keep_moments")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(moments if refused else local)
    box.exec()
    if box.clickedButton() is local:
        return ItemPolicy.KEEP_LOCAL_TIMES
    if box.clickedButton() is moments:
        return ItemPolicy.KEEP_MOMENTS
    raise Cancelled


def _item_list(items: list[ItemData]) -> str:
    """The items as lines "• Title (Tue 25 Oct, 09:30)", at most NAMED_ITEMS of them."""
    from planner import formatting

    lang = current_language()
    lines = [
        "• {title} ({when})".format(title=it.title.text(lang), when=formatting.date_time(it.local_start()))
        for it in items[:NAMED_ITEMS]
    ]
    if len(items) > NAMED_ITEMS:
        lines.append(_("… and {count} more").format(count=formatting.integer(len(items) - NAMED_ITEMS)))
    return "\n".join(lines)


def set_status(history: UndoHistory, trip: TripData, status: TripStatus) -> Change | None:
    """Move `trip` to `status` as one undoable step (nothing when it already has it)."""
    if trip.status is status:
        return None
    title = trip.title.text(current_language())
    return history.perform(
        _("Set the status of “{title}” to {status}").format(title=title, status=status.label),
        lambda: trips.update_trip(history.db, trip.evolve(status=status)),
    )
