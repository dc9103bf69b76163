"""The Problems panel follows the plan, counts show on the Overview, and a problem leads to its cause."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pytestqt.modeltest import ModelTester

from pytestqt.qtbot import QtBot

from planner.domain.checks.problem import ProblemKind, Severity
from planner.domain.entities import ItemData, MembershipData, PersonData
from planner.domain.enums import Role
from planner.domain.localized import LocalizedText as L
from planner.services import delegation, people, programme
from planner.ui.main_window import MainWindow
from planner.ui.models.problem_table import ProblemTableModel
from planner.ui.widgets.problems_panel import counts_text
from tests.ui.conftest import MakeTrip
from tests.ui.problems_support import wait_checked


def _item(trip_id: int, title: str, hour: int, participants: tuple[int, ...]) -> ItemData:
    return ItemData(
        trip_id=trip_id, title=L(de=title, en=title, zh=title), timezone="Asia/Shanghai",
        start=datetime(2016, 10, 25, hour, tzinfo=UTC), end=datetime(2016, 10, 25, hour + 2, tzinfo=UTC),
        everyone=False, participant_ids=participants,
    )


def test_counts_text_in_words() -> None:
    assert counts_text({Severity.ERROR: 1, Severity.WARNING: 2, Severity.HINT: 0}) == "1 error, 2 warnings"
    assert counts_text({}) == "No problems found."


def test_panel_shows_a_double_booking_and_follows_undo(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    trip_id = make_trip("Visit to Shenzhen")
    person = people.create_person(
        window.db, PersonData(family_name="Schirmeyer", given_name="Kai", nationality="DE", passport_number="C1", passport_expiry=date(2030, 1, 1))
    ).id
    member = delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=person, role=Role.HEAD)).id
    programme.create_item(window.db, _item(trip_id, "Visit to EMAX", 2, (member,)))
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    kinds = {p.kind for p in window.problems.model.problems()}
    assert ProblemKind.PARTICIPANT_OVERLAP not in kinds

    window.history.perform("add", lambda: programme.create_item(window.db, _item(trip_id, "Workshop", 3, (member,))))
    qtbot.waitUntil(lambda: any(p.kind is ProblemKind.PARTICIPANT_OVERLAP for p in window.problems.model.problems()), timeout=3000)
    overlap = next(p for p in window.problems.model.problems() if p.kind is ProblemKind.PARTICIPANT_OVERLAP)
    assert overlap.severity is Severity.ERROR
    assert "Kai Schirmeyer" in overlap.message() and "Workshop" in overlap.message()
    assert "1 error" in window.overview.values["problems"].text()

    window.history.stack.undo()
    qtbot.waitUntil(lambda: not any(p.kind is ProblemKind.PARTICIPANT_OVERLAP for p in window.problems.model.problems()), timeout=3000)


def test_double_click_on_a_passport_problem_shows_the_member(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    trip_id = make_trip("Visit to Shenzhen")
    person = people.create_person(window.db, PersonData(family_name="Wehrmann", given_name="Jonas", nationality="DE")).id
    member = delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=person)).id
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    missing = next(p for p in window.problems.model.problems() if p.kind is ProblemKind.PASSPORT_MISSING)
    window.show_problem(missing)
    page = window.trip_tabs.currentWidget()
    assert type(page).__name__ == "DelegationPage"
    assert [m.id for m in page.selected_members()] == [member]


def test_problem_model(qtmodeltester: ModelTester, window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    trip_id = make_trip("Visit to Shenzhen")
    person = people.create_person(window.db, PersonData(family_name="Wehrmann", nationality="DE")).id
    delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=person))
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    model: ProblemTableModel = window.problems.model
    assert model.rowCount() >= 1
    qtmodeltester.check(model)


def test_overview_count_follows_the_language_switch(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    trip_id = make_trip("Visit to Shenzhen")
    person = people.create_person(window.db, PersonData(family_name="Vogt", given_name="Martin")).id
    member = delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=person, role=Role.HEAD)).id
    programme.create_item(window.db, _item(trip_id, "Visit to EMAX", 2, (member,)))
    programme.create_item(window.db, _item(trip_id, "Workshop", 3, (member,)))
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    english = window.overview.values["problems"].text()
    assert english.startswith("2 errors")
    window.language.set_language("de")
    german = window.overview.values["problems"].text()
    assert german.startswith("2 Fehler")
    assert german == counts_text(window.problems.model.counts()) != english


def test_the_severity_cell_reads_as_a_heading_in_every_language(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    from planner.ui.models.problem_table import SEVERITY

    trip_id = make_trip("Visit to Shenzhen")
    person = people.create_person(window.db, PersonData(family_name="Vogt", given_name="Martin")).id
    member = delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=person, role=Role.HEAD)).id
    programme.create_item(window.db, _item(trip_id, "Visit to EMAX", 2, (member,)))
    programme.create_item(window.db, _item(trip_id, "Workshop", 3, (member,)))
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    model = window.problems.model
    cells = {model.index(row, SEVERITY).data() for row in range(model.rowCount())}
    assert "Error" in cells and "error" not in cells
    window.language.set_language("de")
    assert "Fehler" in {model.index(row, SEVERITY).data() for row in range(model.rowCount())}


def test_a_venue_on_another_countrys_clock_leads_to_the_venue(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    from planner.domain.entities import VenueData
    from planner.services import venues

    window.show()  # the venues page reads its list when it is shown
    trip_id = make_trip("Visit to Shenzhen")
    rathaus = venues.create_venue(window.db, VenueData(name=L(de="Neues Rathaus", en="New Town Hall", zh="新市政厅"), country="DE", timezone="Asia/Shanghai")).id
    programme.create_item(window.db, _item(trip_id, "Reception", 2, ()).evolve(everyone=True, venue_id=rathaus))
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    misfit = next(p for p in window.problems.model.problems() if p.kind is ProblemKind.VENUE_ZONE_NOT_COUNTRY)
    assert "New Town Hall is in Germany" in misfit.message()
    window.show_problem(misfit)
    page = window.trip_tabs.currentWidget()
    assert type(page).__name__ == "VenuesPage"
    assert page.current_venue().id == rathaus


def test_two_heads_lead_to_both_members(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    trip_id = make_trip("Visit to Shenzhen")
    ids = [
        delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=people.create_person(window.db, PersonData(family_name=name, nationality="CN")).id, role=Role.HEAD)).id
        for name in ("Vogt", "Weil")
    ]
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    twice = next(p for p in window.problems.model.problems() if p.kind is ProblemKind.DUPLICATE_ROLE)
    window.show_problem(twice)
    page = window.trip_tabs.currentWidget()
    assert type(page).__name__ == "DelegationPage"
    assert sorted(m.id for m in page.selected_members()) == sorted(ids)


def test_when_column_and_message_agree_for_an_item_on_another_clock(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    from planner.ui.models.problem_table import MESSAGE, WHEN

    trip_id = make_trip("Visit to Shenzhen")  # on Asia/Shanghai time
    # 08:00 UTC is 10:00 in Hannover and 16:00 in Shenzhen; the item keeps Hannover's clock.
    item = _item(trip_id, "Reception in Hannover", 8, ()).evolve(everyone=True, timezone="Europe/Berlin")
    programme.create_item(window.db, item)
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    model = window.problems.model
    row = next(r for r in range(model.rowCount()) if model.problem(r).kind is ProblemKind.NO_HOST_CONTACT)
    assert model.index(row, WHEN).data() == "25/10/2016 10:00 GMT+2"
    assert "10:00–12:00 GMT+2" in model.index(row, MESSAGE).data()


def test_an_item_moved_on_the_programme_page_is_checked_before_the_next_paint(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    """No waiting for the debounce: the list is current as soon as the move returns, and again after undo and redo."""
    from planner.ui.pages.programme import ProgrammePage

    trip_id = make_trip("Visit to Shenzhen")
    person = people.create_person(
        window.db, PersonData(family_name="Schirmeyer", given_name="Kai", nationality="DE", passport_number="C1", passport_expiry=date(2030, 1, 1))
    ).id
    member = delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=person, role=Role.HEAD)).id
    programme.create_item(window.db, _item(trip_id, "Visit to EMAX", 2, (member,)))
    workshop = programme.create_item(window.db, _item(trip_id, "Workshop", 6, (member,))).id
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    page = next(p for p in window.trip_pages if isinstance(p, ProgrammePage))
    window.trip_tabs.setCurrentWidget(page)

    def overlaps() -> list[str]:
        return [p.message() for p in window.problems.model.problems() if p.kind is ProblemKind.PARTICIPANT_OVERLAP]

    assert overlaps() == []
    assert page.move_item(workshop, datetime(2016, 10, 25, 3, tzinfo=UTC)) is not None
    assert not window.problems._timer.isActive()  # checked at once, not after the delay
    assert window.problems.view.isEnabled()
    assert overlaps() == ["Kai Schirmeyer is booked into “Visit to EMAX” and “Workshop” at the same time (Tuesday, 25 October 2016, 11:00–12:00)"]
    assert "1 error" in window.problems.toggle.text()
    window.history.stack.undo()
    assert overlaps() == [] and "error" not in window.problems.toggle.text()
    window.history.stack.redo()
    assert len(overlaps()) == 1


def test_a_change_checked_in_full_is_marked_as_checking_until_then(window: MainWindow, make_trip: MakeTrip, qtbot: QtBot) -> None:
    trip_id = make_trip("Visit to Shenzhen")
    person = people.create_person(window.db, PersonData(family_name="Wehrmann", given_name="Jonas", nationality="DE")).after
    member = delegation.add_member(window.db, MembershipData(trip_id=trip_id, person_id=person.id)).after
    window.refresh(trip_id)
    window.problems.refresh()
    wait_checked(window.problems, qtbot)
    assert any(p.kind is ProblemKind.PASSPORT_MISSING for p in window.problems.model.problems())

    updated = person.evolve(passport_number="C1", passport_expiry=date(2030, 1, 1))
    assert window.history.perform("passport", lambda: people.update_person(window.db, updated)) is not None
    assert not window.problems.view.isEnabled()  # the old list, greyed: not shown as current
    assert window.problems.toggle.text().startswith("Problems: Checking…")
    qtbot.waitUntil(lambda: window.problems.view.isEnabled(), timeout=3000)
    assert not any(p.kind is ProblemKind.PASSPORT_MISSING for p in window.problems.model.problems())
    assert member.id is not None
