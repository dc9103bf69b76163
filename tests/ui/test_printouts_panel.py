"""The Overview's printouts: exactly the people whose printout is out of date, what changed, notices, reissue, history."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.enums import Language
from planner.services import delegation, issuing, programme
from planner.ui.language import LanguageController
from planner.ui.pages.base import UiContext
from planner.ui.pages.overview import OverviewPage
from planner.ui.undo import UndoHistory
from planner.ui.widgets import export_dialog
from planner.ui.widgets.version_history import VersionHistoryDialog
from tests.export.builders import DemoTrip, build_demo_trip


@pytest.fixture
def demo(db: Database) -> DemoTrip:
    return build_demo_trip(db)


@pytest.fixture
def ctx(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> UiContext:
    return UiContext(UndoHistory(db, lambda: None), language, settings, lambda: None)


@pytest.fixture
def page(ctx: UiContext, demo: DemoTrip, qtbot: QtBot) -> OverviewPage:
    overview = OverviewPage(ctx)
    qtbot.addWidget(overview)
    overview.resize(900, 700)
    overview.show()
    overview.set_trip(demo.trip_id)
    compared(qtbot, overview)
    return overview


def compared(qtbot: QtBot, page: OverviewPage) -> None:
    """Wait until the comparison in the worker thread has arrived and is shown."""
    qtbot.waitUntil(lambda: not page.printouts.comparing, timeout=30_000)


def issue_all(db: Database, demo: DemoTrip) -> None:
    issuing.issue(db, demo.trip_id, issuing.languages_for(delegation.list_members(db, demo.trip_id)))


def move_mayor(ctx: UiContext, demo: DemoTrip) -> None:
    mayor = demo.items["mayor"]  # Weil, Lies, Zhang and Xu
    ctx.history.perform("Move", lambda: programme.move_item(ctx.db, mayor.id, None, mayor.start + timedelta(minutes=30)))


def tree_texts(page: OverviewPage) -> list[list[str]]:
    tree = page.printouts.tree
    return [
        [tree.topLevelItem(i).text(0)] + [tree.topLevelItem(i).child(j).text(0) for j in range(tree.topLevelItem(i).childCount())]
        for i in range(tree.topLevelItemCount())
    ]


def test_before_any_version_nothing_is_outdated(page: OverviewPage) -> None:
    panel = page.printouts
    assert panel.people_needing() == []
    assert "No itineraries issued yet" in panel.status.text()
    assert not panel.notices_button.isEnabled() and not panel.history_button.isEnabled()


def test_version_1_is_issued_from_the_overview_to_everyone(
    db: Database, demo: DemoTrip, page: OverviewPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[list[int], bool]] = []

    def fake_dialog(context: UiContext, trip_id: int, membership_ids: list[int] | None = None, *, issue: bool = False) -> int:
        opened.append((list(membership_ids or []), issue))
        return 0  # closed without exporting

    monkeypatch.setattr(export_dialog, "open_export_dialog", fake_dialog)
    button = page.printouts.reprint_button
    assert button.text() == "&Issue itineraries…" and button.isEnabled()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert opened == [([m.id for m in delegation.list_members(db, demo.trip_id)], True)]
    assert issuing.list_versions(db, demo.trip_id) == []  # nothing is issued until the dialog's Issue is pressed


def test_the_overview_names_exactly_the_people_a_change_touches(
    db: Database, ctx: UiContext, demo: DemoTrip, page: OverviewPage, qtbot: QtBot
) -> None:
    issue_all(db, demo)
    page.reload()
    compared(qtbot, page)
    assert page.printouts.people_needing() == [] and "Every printout is up to date." in page.printouts.status.text()
    move_mayor(ctx, demo)  # the bus makes the page reload
    compared(qtbot, page)
    assert page.printouts.people_needing() == ["Stephan Weil", "Olaf Lies", "Xu Qin (许勤)", "Zhang Min (张敏)"]
    rows = tree_texts(page)
    assert rows[0] == [
        "Stephan Weil · holds version 1 · Deutsch",
        "Monday, 24 October: Meeting with the Mayor of Shenzhen now 15:00–16:30 instead of 14:30–16:00",
    ]
    assert "4 people need a new printout:" in page.printouts.status.text()
    assert page.printouts.notices_button.isEnabled() and page.printouts.reprint_button.isEnabled()
    ctx.language.set_language("de")
    assert tree_texts(page)[0][1].startswith("Montag, 24. Oktober: Gespräch mit dem Bürgermeister von Shenzhen")


def test_reprint_issues_the_next_version_to_them_alone(
    db: Database, ctx: UiContext, demo: DemoTrip, page: OverviewPage, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    issue_all(db, demo)
    move_mayor(ctx, demo)
    compared(qtbot, page)
    asked: list[list[int]] = []

    def fake_dialog(context: UiContext, trip_id: int, membership_ids: list[int] | None = None, *, issue: bool = False) -> int:
        assert issue, "the Overview opens the dialog to issue"
        asked.append(list(membership_ids or []))
        members = [m for m in delegation.list_members(db, trip_id) if m.id in (membership_ids or [])]
        issuing.issue(db, trip_id, issuing.languages_for(members))  # what exporting the itineraries does
        return 1

    monkeypatch.setattr(export_dialog, "open_export_dialog", fake_dialog)
    page.printouts.reprint_button.click()
    assert asked == [[demo.member_id(k) for k in ("weil", "lies", "xu", "zhang")]]
    compared(qtbot, page)
    assert page.printouts.people_needing() == []
    assert [(v.number, len(v.recipients)) for v in issuing.list_versions(db, demo.trip_id)] == [(1, 7), (2, 4)]


def test_change_notices_are_written_in_the_background(
    db: Database, ctx: UiContext, demo: DemoTrip, page: OverviewPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    issue_all(db, demo)
    move_mayor(ctx, demo)
    compared(qtbot, page)
    offers: list[str] = []
    monkeypatch.setattr(export_dialog, "offer_folder", lambda _parent, _title, text: offers.append(text) or False)
    task = page.printouts.make_notices(tmp_path)
    assert task is not None
    qtbot.waitUntil(lambda: (QApplication.processEvents(), page.printouts.task is None)[1], timeout=60_000)
    assert len(list(tmp_path.glob("*.pdf"))) == len(list(tmp_path.glob("*.txt"))) == 4
    assert offers and "4 people" in offers[0]


def test_the_history_shows_a_readable_diff_between_versions(db: Database, ctx: UiContext, demo: DemoTrip, qtbot: QtBot) -> None:
    issue_all(db, demo)
    move_mayor(ctx, demo)
    issuing.issue(db, demo.trip_id, {demo.member_id("weil"): Language.DE})
    dialog = VersionHistoryDialog(ctx, demo.trip_id)
    qtbot.addWidget(dialog)
    assert dialog.table.topLevelItemCount() == 2
    assert dialog.since_box.currentData() == 2 and dialog.until_box.currentData() == 0
    # As of version 2, Weil holds it and the other three still hold version 1: they are the ones the move still concerns.
    assert dialog.diff_text().endswith("for 3 people: Olaf Lies, Xu Qin (许勤), Zhang Min (张敏)")
    dialog.since_box.setCurrentIndex(0)
    text = dialog.diff_text()
    assert "Meeting with the Mayor of Shenzhen now 15:00–16:30 instead of 14:30–16:00" in text
    assert "for 4 people: Stephan Weil, Olaf Lies, Xu Qin (许勤), Zhang Min (张敏)" in text
    dialog.until_box.setCurrentIndex(1)  # version 2: only Weil got it
    assert "for 1 person: Stephan Weil" in dialog.diff_text()


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_with_the_printouts_listed_the_facts_keep_their_lines_in_a_small_window(
    db: Database, ctx: UiContext, demo: DemoTrip, page: OverviewPage, qtbot: QtBot, lang: str
) -> None:
    ctx.language.set_language(lang)
    issue_all(db, demo)
    move_mayor(ctx, demo)
    compared(qtbot, page)
    page.resize(520, 420)  # the Overview's share of a minimum-size window
    QApplication.processEvents()
    assert page.printouts.tree.isVisible()
    facts = page.overview
    rows = [key for key in facts.ROWS if facts.values[key].text()]
    for key in rows:
        label = facts.values[key]
        assert label.height() >= label.heightForWidth(label.width()), f"{key}: {label.text()!r} is squeezed"
    # In the facts' own coordinates: a value may sit inside a row of its own (the status with its buttons).
    tops = [facts.values[key].geometry().translated(facts.values[key].parentWidget().mapTo(facts, QPoint(0, 0))) for key in rows]
    for upper, lower in zip(tops, tops[1:]):
        assert upper.bottom() < lower.top()  # no two facts drawn over each other
    assert facts.geometry().bottom() < page.printouts.geometry().top()


def test_while_comparing_nothing_old_is_shown_as_current(
    db: Database, ctx: UiContext, demo: DemoTrip, page: OverviewPage, qtbot: QtBot
) -> None:
    issue_all(db, demo)
    page.reload()
    compared(qtbot, page)
    move_mayor(ctx, demo)
    panel = page.printouts
    assert panel.comparing
    assert panel.status.text() == "Comparing the printed itineraries with the programme…"
    assert panel.people_needing() == [] and not panel.tree.isVisibleTo(panel)
    assert not panel.notices_button.isEnabled() and not panel.reprint_button.isEnabled()
    compared(qtbot, page)
    assert len(panel.people_needing()) == 4


def test_a_comparison_overtaken_by_a_change_is_dropped(
    db: Database, ctx: UiContext, demo: DemoTrip, page: OverviewPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The move is compared, then undone before that result arrives: only the comparison after the undo is shown."""
    issue_all(db, demo)
    page.reload()
    compared(qtbot, page)
    release = threading.Event()
    real = issuing.pending_changes
    computed: list[list[str]] = []

    def held_back(database: Database, trip_id: int, **options: Any) -> issuing.TripChanges:
        result = real(database, trip_id, **options)  # the panel words the travel to compare (travel=)
        computed.append([c.member.person.full_name for c in result.outdated])
        if len(computed) == 1:
            release.wait(30)  # the first result is computed, but arrives only after the undo
        return result

    monkeypatch.setattr(issuing, "pending_changes", held_back)
    shown: list[list[str]] = []
    page.printouts.compared.connect(lambda: shown.append(page.printouts.people_needing()))
    move_mayor(ctx, demo)
    qtbot.waitUntil(lambda: len(computed) == 1, timeout=30_000)
    ctx.history.stack.undo()
    assert page.printouts.comparing
    release.set()
    compared(qtbot, page)
    assert computed == [["Stephan Weil", "Olaf Lies", "Xu Qin (许勤)", "Zhang Min (张敏)"], []]
    assert shown == [[]]  # the comparison of the moved programme never appeared
    assert "Every printout is up to date." in page.printouts.status.text()
