"""Print and export from the window: File ▸ Print and export… and the Delegation page's itineraries for the selected."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QKeySequence

from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.services import delegation
from planner.ui.main_window import MainWindow
from planner.ui.pages.delegation import DelegationPage
from planner.ui.widgets.export_dialog import Document, ExportDialog
from tests.sample_trips import add_person, build_shenzhen_trip
from tests.ui.conftest import MakeTrip


@dataclass
class Opened:
    """What the export dialog showed when it was opened (its exec is replaced so that no test blocks)."""

    trip_id: int
    document: Document
    checked: list[int]
    highlighted: int | None
    parent_is_window: bool


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Opened]:
    seen: list[Opened] = []

    def exec_(dialog: ExportDialog) -> int:
        seen.append(Opened(dialog.trip_id, dialog.document(), dialog.checked_ids(), dialog.preview_member(), isinstance(dialog.parent(), MainWindow)))
        return 0

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    return seen


@pytest.fixture
def shenzhen(db: Database) -> int:
    trip_id = build_shenzhen_trip(db)
    add_person(db, trip_id, PersonData(family_name="Meyer", given_name="Eva"))
    return trip_id


def _delegation_page(window: MainWindow) -> DelegationPage:
    page = next(p for p in window.trip_pages if isinstance(p, DelegationPage))
    window.trip_tabs.setCurrentWidget(page)
    return page


def _select(page: DelegationPage, membership_ids: list[int]) -> None:
    page.view.clearSelection()
    page.select_members(membership_ids)


def test_the_file_menu_offers_print_and_export_only_for_a_selected_trip(window: MainWindow, make_trip: MakeTrip, opened: list[Opened]) -> None:
    window.show()
    assert window.print_action in window.file_menu.actions()
    assert window.print_action.text() == "&Print and export…"
    assert window.print_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Print)
    assert not window.print_action.isEnabled()  # no trips at all
    window.print_action.trigger()
    assert opened == []
    trip_id = make_trip("Shenzhen")
    window.refresh(trip_id)
    assert window.print_action.isEnabled()
    window.navigator.search.setText("no trip is called like this")
    assert not window.print_action.isEnabled()
    window.navigator.search.clear()
    window.navigator.select_trip(trip_id)
    assert window.print_action.isEnabled()


def test_print_and_export_opens_the_dialog_for_the_selected_trip(window: MainWindow, db: Database, shenzhen: int, make_trip: MakeTrip, opened: list[Opened]) -> None:
    make_trip("Munich")
    window.refresh(shenzhen)
    window.print_action.trigger()
    assert len(opened) == 1
    dialog = opened[0]
    assert dialog.trip_id == shenzhen and dialog.parent_is_window
    assert dialog.document is Document.PROGRAMME  # from the menu: the whole trip's programme first
    assert sorted(dialog.checked) == sorted(m.id for m in delegation.list_members(db, shenzhen))  # everybody


def test_the_delegation_page_prints_the_itineraries_of_the_selected_members(window: MainWindow, db: Database, shenzhen: int, opened: list[Opened]) -> None:
    window.refresh(shenzhen)
    page = _delegation_page(window)
    assert page.print_action in page.view.actions()  # in the context menu too
    assert page.print_action.text() == "Print itineraries for selected…"
    assert not page.print_action.isEnabled()  # nothing selected yet
    ids = {m.person.family_name: m.id for m in delegation.list_members(db, shenzhen)}
    _select(page, [ids["Wang"], ids["Meyer"]])
    assert page.print_action.isEnabled()
    page.print_action.trigger()
    assert len(opened) == 1
    dialog = opened[0]
    assert dialog.trip_id == shenzhen and dialog.parent_is_window
    assert dialog.document is Document.ITINERARIES
    assert sorted(dialog.checked) == sorted([ids["Wang"], ids["Meyer"]])
    assert dialog.highlighted in (ids["Wang"], ids["Meyer"])  # the preview shows one of them, not someone else
    page.view.clearSelection()
    assert not page.print_action.isEnabled()


def test_a_member_hidden_by_the_filter_is_not_printed(window: MainWindow, db: Database, shenzhen: int, opened: list[Opened]) -> None:
    window.refresh(shenzhen)
    page = _delegation_page(window)
    ids = {m.person.family_name: m.id for m in delegation.list_members(db, shenzhen)}
    page.view.selectAll()
    page.search.setText("Meyer")  # the others are filtered out (and so no longer selected)
    page.view.selectionModel().select(page.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    page.print_action.trigger()
    assert opened[-1].checked == [ids["Meyer"]]
