"""What an edit makes the window do: only the edited row changes, pages behind read when they come to the front,
the Problems list follows row by row and is never stale (issue 22: an edit answered within a few frames)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.checks.problem import ProblemKind
from planner.domain.entities import ItemData, MembershipData, PersonData
from planner.domain.enums import Role
from planner.domain.localized import LocalizedText as L
from planner.services import delegation, people, programme
from planner.services.checks import check_trip
from planner.ui.language import LanguageController
from planner.ui.main_window import MainWindow
from planner.ui.models import item_table as it
from planner.ui.models.roles import OBJECT_ROLE
from planner.ui.pages.base import TripPage
from planner.ui.pages.delegation import DelegationPage
from planner.ui.pages.overview import OverviewPage
from planner.ui.pages.programme import TABLE, ProgrammePage
from tests.ui.conftest import MakeTrip
from tests.ui.problems_support import wait_checked
from tests.ui.programme_support import shown_page, add_item, local, make_programme


@pytest.fixture
def page(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> ProgrammePage:
    return shown_page(ProgrammePage, db, language, settings, qtbot)


class Signals:
    """What a model said, by signal: the arguments of each emission."""

    def __init__(self, model: Any, names: tuple[str, ...]) -> None:
        self.seen: dict[str, list[tuple[Any, ...]]] = {name: [] for name in names}
        for name in names:
            getattr(model, name).connect(lambda *args, name=name: self.seen[name].append(args))

    def clear(self) -> None:
        for emitted in self.seen.values():
            emitted.clear()

    def rows(self, name: str) -> list[tuple[int, int]]:
        """(first, last) of each rowsRemoved / rowsInserted."""
        return [(first, last) for _parent, first, last in self.seen[name]]

    def data_rows(self) -> list[tuple[int, int]]:
        return [(top.row(), bottom.row()) for top, bottom, *_roles in self.seen["dataChanged"]]


MODEL_SIGNALS = ("modelReset", "layoutChanged", "rowsMoved", "rowsRemoved", "rowsInserted", "dataChanged")


def _titles(page: ProgrammePage) -> list[str]:
    return [page.proxy.index(row, it.TITLE).data() for row in range(page.proxy.rowCount())]


def test_a_move_changes_only_the_items_row(page: ProgrammePage, db: Database) -> None:
    trip = make_programme(db)
    for start, end, title in (
        ("2016-10-25 09:00", "2016-10-25 10:00", "Breakfast"), ("2016-10-25 10:30", "2016-10-25 11:30", "Talks"),
        ("2016-10-25 12:00", "2016-10-25 13:00", "Lunch"), ("2016-10-25 15:00", "2016-10-25 16:00", "Factory visit"),
    ):
        add_item(db, trip.trip_id, start, end, title)
    page.set_trip(trip.trip_id)
    talks = next(i for i in page.model.items if i.title.en == "Talks")
    others = {i.id: i for i in page.model.items if i.id != talks.id}
    model, proxy = Signals(page.model, MODEL_SIGNALS), Signals(page.proxy, MODEL_SIGNALS)

    assert page.move_item(talks.id, local("2016-10-25 14:00")) is not None  # past lunch: its row moves
    assert _titles(page) == ["Breakfast", "Lunch", "Talks", "Factory visit"]
    assert model.seen["modelReset"] == model.seen["layoutChanged"] == model.seen["rowsMoved"] == []
    assert proxy.seen["modelReset"] == proxy.seen["layoutChanged"] == []  # the table is not laid out anew
    assert model.rows("rowsRemoved") == [(1, 1)] and model.rows("rowsInserted") == [(2, 2)]
    assert model.data_rows() == []
    assert all(page.model.item_by_id(i) is item for i, item in others.items())  # the other rows untouched
    assert page.model.item_by_id(talks.id) == programme.get_item(db, talks.id)  # shown as it is stored

    model.clear()
    proxy.clear()
    assert page.move_item(talks.id, local("2016-10-25 14:15")) is not None  # still between lunch and the visit
    assert model.data_rows() == [(2, 2)]
    assert model.rows("rowsRemoved") == model.rows("rowsInserted") == [] and proxy.seen["layoutChanged"] == []
    assert page.proxy.index(2, it.TIME).data() == "14:15–15:15"

    page.ctx.history.stack.undo()
    page.ctx.history.stack.undo()
    assert _titles(page) == ["Breakfast", "Talks", "Lunch", "Factory visit"]
    assert page.proxy.index(1, it.TIME).data() == "10:30–11:30"
    assert model.seen["modelReset"] == [] and proxy.seen["layoutChanged"] == []
    page.ctx.history.stack.redo()
    assert _titles(page) == ["Breakfast", "Lunch", "Talks", "Factory visit"]
    # The version the page holds is the stored one: the next drag is not refused as "changed elsewhere".
    assert page.move_item(talks.id, local("2016-10-25 08:00")) is not None
    assert _titles(page)[0] == "Talks"


def test_the_tables_cursor_and_selection_stay_on_a_moved_item(page: ProgrammePage, db: Database, qtbot: QtBot) -> None:
    trip = make_programme(db)
    first = add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:00", "Breakfast")
    add_item(db, trip.trip_id, "2016-10-25 11:00", "2016-10-25 12:00", "Lunch")
    page.set_trip(trip.trip_id)
    page.show_view(TABLE)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)  # the first row, selected with the keyboard
    page.table.selectionModel().select(
        page.table.currentIndex(), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    assert page.selected_ids() == [first.id]

    assert page.move_item(first.id, local("2016-10-25 13:00")) is not None  # after lunch: the last row now
    assert _titles(page) == ["Lunch", "Breakfast"]
    assert page.selected_ids() == [first.id] and page.agenda.selected_ids() == [first.id]
    assert page.table.currentIndex().row() == 1 and page.current_id() == first.id
    page.ctx.history.stack.undo()
    assert page.selected_ids() == [first.id] and page.current_id() == first.id


def _count_reads(page: TripPage, monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """The trip each reading of the page was for (its reload, and set_trip, which reads through it)."""
    reads: list[int | None] = []
    reload: Callable[[], None] = page.reload

    def counted() -> None:
        reads.append(page.trip_id)
        reload()

    monkeypatch.setattr(page, "reload", counted)
    return reads


def _trip_with_delegation(window: MainWindow, make_trip: MakeTrip) -> tuple[int, int]:
    """A trip with its head of delegation and one item they attend; (trip id, item id)."""
    trip_id = make_trip("Visit to Shenzhen", head=("Weil", "Stephan", ""))
    member = delegation.list_members(window.db, trip_id)[0].id
    assert member is not None
    item = programme.create_item(window.db, _item(trip_id, "Visit to EMAX", 2, (member,))).id
    return trip_id, item


def _item(trip_id: int, title: str, hour: int, participants: tuple[int, ...]) -> ItemData:
    return ItemData(
        trip_id=trip_id, title=L(de=title, en=title, zh=title), timezone="Asia/Shanghai",
        start=datetime(2016, 10, 25, hour, tzinfo=UTC), end=datetime(2016, 10, 25, hour + 2, tzinfo=UTC),
        everyone=not participants, participant_ids=participants,
    )


def _pages(window: MainWindow) -> tuple[OverviewPage, DelegationPage, ProgrammePage]:
    def find(kind: type[Any]) -> Any:
        return next(p for p in window.trip_pages if isinstance(p, kind))

    return find(OverviewPage), find(DelegationPage), find(ProgrammePage)


@pytest.mark.parametrize("on_screen", [False, True], ids=["window-not-shown", "window-shown"])
def test_pages_behind_read_when_they_come_to_the_front(
    window: MainWindow, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, on_screen: bool,
) -> None:
    """An edit on the page in front does not wait for the pages behind; each reads once when its tab is chosen."""
    if on_screen:
        window.show()
        qtbot.waitExposed(window)
    trip_id, item_id = _trip_with_delegation(window, make_trip)
    window.refresh(trip_id)
    overview, members, agenda = _pages(window)
    window.trip_tabs.setCurrentWidget(agenda)
    assert agenda.model.rowCount() == 1 and overview.overview.values["members"].text() == "1 person"
    overview_reads, member_reads = _count_reads(overview, monkeypatch), _count_reads(members, monkeypatch)

    item = agenda.model.item_by_id(item_id)
    assert item is not None and item.start is not None
    assert agenda.move_item(item_id, local("2016-10-25 15:00")) is not None
    person = people.create_person(window.db, PersonData(family_name="Xu", given_name="Qin", native_name="许勤")).id
    added = window.history.perform("add", lambda: delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=person)))
    assert added is not None
    assert overview_reads == member_reads == []  # behind the Programme tab: nothing read yet
    assert len(agenda.model.members) == 2  # the page in front follows at once

    window.trip_tabs.setCurrentWidget(overview)
    assert overview_reads == [trip_id]  # once, on coming to the front (a shown window also sends a show event)
    assert overview.overview.values["members"].text() == "2 people"
    window.trip_tabs.setCurrentWidget(members)
    assert member_reads == [trip_id]
    assert {m.person.family_name for m in members.model.records()} == {"Weil", "Xu"}
    window.trip_tabs.setCurrentWidget(overview)
    assert overview_reads == [trip_id]  # nothing changed since: not read again


def test_a_page_behind_gets_the_trip_chosen_meanwhile_when_it_comes_to_the_front(
    window: MainWindow, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, _item_id = _trip_with_delegation(window, make_trip)
    second = make_trip("Visit to Munich", date(2017, 5, 2), date(2017, 5, 4), timezone="Europe/Berlin", head=("Vogt", "Martin", ""))
    window.refresh(first)
    overview, members, agenda = _pages(window)
    window.trip_tabs.setCurrentWidget(agenda)
    member_reads = _count_reads(members, monkeypatch)
    window.navigator.select_trip(second)
    assert agenda.trip_id == second and members.trip_id != second and member_reads == []
    window.trip_tabs.setCurrentWidget(members)
    assert members.trip_id == second and member_reads == [second]  # the trip chosen, read once
    assert [m.person.family_name for m in members.model.records()] == ["Vogt"]


def test_an_items_move_leaves_the_trip_list_alone(
    window: MainWindow, make_trip: MakeTrip, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:
    """The list shows a trip's count of items: a move does not change it, a new item does."""
    trip_id, item_id = _trip_with_delegation(window, make_trip)
    window.refresh(trip_id)
    _overview, _members, agenda = _pages(window)
    window.trip_tabs.setCurrentWidget(agenda)
    reads: list[int] = []
    reload = window.model.reload

    def counted() -> None:
        reads.append(1)
        reload()

    monkeypatch.setattr(window.model, "reload", counted)
    assert agenda.move_item(item_id, local("2016-10-25 16:00")) is not None
    qtbot.wait(20)  # the list would be read once the edit is painted
    assert reads == []
    window.history.perform("add", lambda: programme.create_item(window.db, _item(trip_id, "Workshop", 8, ())))
    qtbot.waitUntil(lambda: reads == [1], timeout=3000)
    assert window.navigator.current_summary() is not None and window.navigator.current_summary().items == 2


def test_the_problems_list_follows_a_move_row_by_row_and_is_never_stale(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    trip_id = make_trip("Visit to Shenzhen")
    kai = people.create_person(window.db, PersonData(family_name="Schirmeyer", given_name="Kai", nationality="DE")).id
    member = delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=kai, role=Role.HEAD)).id
    assert member is not None
    programme.create_item(window.db, _item(trip_id, "Visit to EMAX", 2, (member,)))
    workshop = programme.create_item(window.db, _item(trip_id, "Workshop", 6, (member,))).id
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    _overview, _members, agenda = _pages(window)
    window.trip_tabs.setCurrentWidget(agenda)
    panel = window.problems
    view = panel.view
    passport = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data(OBJECT_ROLE).kind is ProblemKind.PASSPORT_MISSING)
    view.selectRow(passport)
    signals = Signals(panel.model, MODEL_SIGNALS)

    def selected_kinds() -> list[ProblemKind]:
        return [index.data(OBJECT_ROLE).kind for index in view.selectionModel().selectedRows()]

    def shown_as_current() -> bool:
        return view.isEnabled() and panel.model.problems() == check_trip(window.db, trip_id)

    def counted(name: str) -> int:
        return sum(last - first + 1 for first, last in signals.rows(name))

    before = panel.model.problems()
    assert agenda.move_item(workshop, datetime(2016, 10, 25, 3, tzinfo=UTC)) is not None  # into the visit: a double booking
    assert shown_as_current()  # as soon as the move returns: no moment with the old list as current
    after = panel.model.problems()
    assert [p.kind for p in after].count(ProblemKind.PARTICIPANT_OVERLAP) == 1
    assert signals.seen["modelReset"] == []  # rows for the new problems put in, those gone taken out, the rest kept
    assert counted("rowsInserted") == len([p for p in after if p not in before]) >= 1
    assert counted("rowsRemoved") == len([p for p in before if p not in after])
    assert selected_kinds() == [ProblemKind.PASSPORT_MISSING]  # the planner's place in the list is kept

    signals.clear()
    window.history.stack.undo()
    assert shown_as_current() and panel.model.problems() == before
    assert signals.seen["modelReset"] == [] and counted("rowsRemoved") == len([p for p in after if p not in before])
    assert selected_kinds() == [ProblemKind.PASSPORT_MISSING]


def test_problems_from_scratch_or_another_trip_show_in_their_order(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    """The row-by-row update gives the list check_trip gives, whatever the lists before and after."""
    trips = []
    for title, family in (("Visit to Shenzhen", "Schirmeyer"), ("Visit to Munich", "Vogt")):
        trip_id = make_trip(title)
        person = people.create_person(window.db, PersonData(family_name=family, nationality="DE")).id
        member = delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=person)).id
        assert member is not None
        for hour in (2, 3, 6):
            programme.create_item(window.db, _item(trip_id, f"Meeting at {hour}", hour, (member,)))
        trips.append(trip_id)
    model = window.problems.model
    for trip_id in (*trips, trips[0]):
        window.refresh(trip_id)
        window.problems.refresh()
        wait_checked(window.problems, qtbot)
        assert model.problems() == check_trip(window.db, trip_id) != []
        assert [model.index(r, 2).data() for r in range(model.rowCount())] == [p.message() for p in check_trip(window.db, trip_id)]
