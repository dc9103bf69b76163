"""What an edit makes the window do: the pages behind the one in front read when they come to the front, and the
trip list is left alone by a move (issue 22: an edit answered within a few frames)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from planner.domain.entities import ItemData, MembershipData, PersonData
from planner.domain.localized import LocalizedText as L
from planner.services import delegation, people, programme
from planner.ui.main_window import MainWindow
from planner.ui.pages.base import TripPage
from planner.ui.pages.delegation import DelegationPage
from planner.ui.pages.overview import OverviewPage
from planner.ui.pages.programme import ProgrammePage
from tests.ui.conftest import MakeTrip
from tests.ui.programme_support import local


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
    monkeypatch.setattr(window.model, "reload", lambda: (reads.append(1), reload()))
    assert agenda.move_item(item_id, local("2016-10-25 16:00")) is not None
    qtbot.wait(20)  # the list would be read once the edit is painted
    assert reads == []
    window.history.perform("add", lambda: programme.create_item(window.db, _item(trip_id, "Workshop", 8, ())))
    qtbot.waitUntil(lambda: reads == [1], timeout=3000)
    assert window.navigator.current_summary() is not None and window.navigator.current_summary().items == 2
