"""Issue 15's measure: the Shenzhen mayor's return visit to Hannover entered from an empty database, counted.

Seed 001 ("Besuch aus Shenzhen") and the demo trip shenzhen-hannover-2016.json:
Mayor Xu Qin's delegation in Hannover, 9–11 September 2016, met by Lord Mayor
Stefan Schostok at Schloss Herrenhausen. A new user enters it through the
window alone (real widgets, real clicks and keys; services only to assert):
the trip, made confirmed; the delegation (pasted from the partner's mail) with
the German host; three venues; five programme items with attendees and a
host; and the personal itineraries printed to a folder. Every click, key chord
and typed field counts one (walkthrough_support.Walkthrough); the count must
stay at or below 120 (it was about 225 before issue 15).

The trip is confirmed with the Overview's next-step button ("Confirm trip");
the Lord Mayor is a member with the role Host and is chosen as the items' host
in the item form's host picker. At the end the test reads back what the user
would check: the status, the items' host, and the itineraries' text (pypdf):
one per member, naming the reader, the host and only the items they attend,
without the Draft mark. The count and the per-step log are printed (pytest -s).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.enums import ItemKind, Language, Role, TripStatus
from planner.services import delegation, programme, trips, venues
from planner.ui.main_window import MainWindow
from planner.ui.pages.delegation import DelegationPage
from planner.ui.pages.overview import OverviewPage
from planner.ui.pages.programme import ProgrammePage
from planner.ui.pages.venues import VenuesPage
from planner.ui.widgets.export_dialog import ExportDialog
from planner.ui.widgets.item_form import ItemForm
from planner.ui.widgets.member_import_dialog import MemberImportDialog
from planner.ui.widgets.person_form import MemberForm
from planner.ui.widgets.trip_dialog import TripDialog
from planner.ui.widgets.venue_form import VenueForm
from tests.export.pdfcheck import text_of
from tests.ui.walkthrough_support import Walkthrough, activate

TARGET = 120
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SAVE_AND_NEW = (Qt.Key.Key_Return, CTRL | SHIFT)

#: The delegation as the Shenzhen Foreign Affairs Office mails it (names from the demo trip).
PARTNER_MAIL = """Xu Qin 许勤, Bürgermeister der Stadt Shenzhen, Stadtregierung Shenzhen
Zhao Minghui 赵明辉, Stellvertretender Generalsekretär der Stadtregierung, Stadtregierung Shenzhen
Li Xiaohong 李晓红, Direktorin, Büro für auswärtige Angelegenheiten
Guo Lan 郭岚, Vizepräsidentin, Universität Shenzhen
"""


def _page(window: MainWindow, kind: type) -> object:
    return next(p for p in window.trip_pages if isinstance(p, kind))


@pytest.fixture
def walk(window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Walkthrough:
    window.resize(1280, 760)
    window.show()
    activate(qtbot, window)
    return Walkthrough(qtbot).install(monkeypatch)


def test_the_return_visit_from_an_empty_database_takes_at_most_120_actions(
    window: MainWindow, walk: Walkthrough, db: Database, tmp_path: Path, qtbot: QtBot,
) -> None:
    w = walk
    assert trips.list_trips(db) == []

    # --- the trip -------------------------------------------------------------------------------
    def new_trip(d: TripDialog) -> None:
        w.type("Visit of the Shenzhen delegation led by Mayor Xu Qin", "title (English)")
        w.key(Qt.Key.Key_Backtab, SHIFT, "to the Chinese title")
        w.type("深圳市市长许勤率团访问汉诺威", "title (Chinese)")
        w.key(Qt.Key.Key_Backtab, SHIFT, "to the German title")
        w.type("Besuch der Delegation aus Shenzhen unter Leitung von Bürgermeister Xu Qin", "title (German)")
        w.type("Hannover", "destination city", d.city_localized.edits[Language.DE])
        w.choose(d.country, "Germany (DE)", "country")
        # The time zone is Europe/Berlin already.
        w.type_date(d.first_day, date(2016, 9, 9), "first day")
        w.type_date(d.last_day, date(2016, 9, 11), "last day")
        w.key(Qt.Key.Key_Return, what="Create trip")

    w.expect(TripDialog, new_trip)
    w.button(window.empty_state.new_button, "New trip")
    [summary] = trips.list_trips(db)
    trip = summary.trip
    assert (trip.first_day, trip.last_day, trip.destination_country, trip.timezone) == (date(2016, 9, 9), date(2016, 9, 11), "DE", "Europe/Berlin")

    # The Overview is in front with the new trip: its status badge reads Draft, the next step beside it.
    overview_page = _page(window, OverviewPage)
    assert isinstance(overview_page, OverviewPage) and window.trip_tabs.currentWidget() is overview_page
    assert overview_page.overview.values["status"].text() == TripStatus.DRAFT.label
    w.button(overview_page.overview.next_status_button, "Confirm trip")
    assert trips.get_trip(db, trip.id).status is TripStatus.CONFIRMED
    assert overview_page.overview.values["status"].text() == TripStatus.CONFIRMED.label

    # --- the delegation: pasted from the partner's mail, then the head and the German host --------
    delegation_page = _page(window, DelegationPage)
    assert isinstance(delegation_page, DelegationPage)
    w.tab(window.trip_tabs.tabBar(), "Delegation")
    QGuiApplication.clipboard().setText(PARTNER_MAIL)
    w.outside("copy the names in the mail program (select and Ctrl+C)", 2)

    def paste(d: MemberImportDialog) -> None:
        assert [r.person.native_name for r in d.preview.rows] == ["许勤", "赵明辉", "李晓红", "郭岚"]
        w.button(d.import_button, "Import 4 rows")

    w.expect(MemberImportDialog, paste)
    w.click(delegation_page.view.viewport(), "into the (empty) member list")
    w.key(Qt.Key.Key_V, CTRL, "Ctrl+V: paste names")

    def head(d: MemberForm) -> None:
        w.choose(d.role, "Head of delegation", "role")
        w.key(Qt.Key.Key_Return, what="OK")

    w.check()
    w.expect(MemberForm, head)
    w.double_click_row(delegation_page.view, 0, "Xu Qin")
    w.check()

    def host(d: MemberForm) -> None:
        w.type("Schostok", "family name")
        w.key(Qt.Key.Key_Tab, what="to the given name")
        w.type("Stefan", "given name")
        w.choose(d.role, "Host", "role")  # → German, Germany: the destination's side
        w.tab(d.tabs.tabBar(), "Organisation")
        w.type("Landeshauptstadt Hannover", "organisation (German only)", d.organisation.edits[Language.DE])
        w.type("Oberbürgermeister", "function (German only)", d.function.edits[Language.DE])
        w.key(Qt.Key.Key_Return, what="OK")

    w.expect(MemberForm, host)
    w.button(_toolbar_button(delegation_page, delegation_page.new_action), "New person…")
    members = delegation.list_members(db, trip.id)
    assert [(m.person.name, m.role) for m in members] == [
        ("Xu Qin", Role.HEAD), ("Zhao Minghui", Role.MEMBER), ("Li Xiaohong", Role.MEMBER), ("Guo Lan", Role.MEMBER),
        ("Stefan Schostok", Role.HOST),
    ]
    schostok = members[-1].person
    assert (schostok.preferred_language, schostok.nationality) == (Language.DE, "DE")
    assert members[0].person.preferred_language is Language.ZH

    # --- three venues, one after the other (Save and new keeps city and country) -------------------
    venues_page = _page(window, VenuesPage)
    assert isinstance(venues_page, VenuesPage)
    w.tab(window.trip_tabs.tabBar(), "Venues")

    def three_venues(d: VenueForm) -> None:
        w.type("Kastens Hotel Luisenhof", "name")
        w.type("Luisenstraße 1–3, 30159 Hannover", "address", d.address_local)
        w.type("Hannover", "city", d.city.edits[Language.EN])
        w.choose(d.country, "Germany (DE)", "country")
        w.key(*SAVE_AND_NEW, what="Save and new")
        w.type("Tagungszentrum Schloss Herrenhausen", "name")
        w.type("Herrenhäuser Straße 5, 30419 Hannover", "address", d.address_local)
        w.key(*SAVE_AND_NEW, what="Save and new")
        w.type("Neues Rathaus Hannover", "name")
        w.type("Trammplatz 2, 30159 Hannover", "address", d.address_local)
        w.button(d.buttons.button(d.buttons.StandardButton.Ok), "Create venue")

    w.expect(VenueForm, three_venues)
    w.button(venues_page.new_button, "New venue…")
    saved_venues = {v.name.text("en"): v for v in venues.list_venues(db)}
    assert set(saved_venues) == {"Kastens Hotel Luisenhof", "Tagungszentrum Schloss Herrenhausen", "Neues Rathaus Hannover"}
    assert {v.city.text("en") for v in saved_venues.values()} == {"Hannover"}
    assert {v.country for v in saved_venues.values()} == {"DE"}

    # --- five programme items, one after the other --------------------------------------------------
    programme_page = _page(window, ProgrammePage)
    assert isinstance(programme_page, ProgrammePage)
    w.tab(window.trip_tabs.tabBar(), "Programme")

    def five_items(d: ItemForm) -> None:
        # 9 Sept, 19:00–21:00: working dinner at the hotel, everyone.
        w.type("Working dinner: going through the programme", "title")
        w.choose(d.kind, "Meal", "kind")
        w.choose(d.venue, "Kastens", "venue")
        w.type_time(d.start_time, "19:00", "start time")
        w.type_time(d.end_time, "21:00", "end time")
        w.key(*SAVE_AND_NEW, what="Save and new")
        # 10 Sept, 10:00–11:30: the working meeting at Schloss Herrenhausen, host Schostok.
        w.type("Working meeting of Lord Mayor Schostok and Mayor Xu Qin", "title")
        w.choose(d.venue, "Herrenhausen", "venue")
        w.choose(d.host, "Stefan Schostok", "host (the trip's Host)")
        w.type_date(d.start_date, date(2016, 9, 10), "day")
        w.type_time(d.start_time, "10:00", "start time")
        w.type_time(d.end_time, "11:30", "end time")
        w.key(*SAVE_AND_NEW, what="Save and new")
        # 11:30–11:45: exchange of gifts (same place, host and guests).
        w.type("Exchange of gifts", "title")
        w.choose(d.kind, "Ceremony", "kind")
        w.type_time(d.end_time, "11:45", "end time")
        w.key(*SAVE_AND_NEW, what="Save and new")
        # 11:45–12:15: press statements, the mayors and the head of the foreign affairs office only.
        w.type("Photo opportunity and press statements", "title")
        w.choose(d.kind, "Press", "kind")
        w.type_time(d.end_time, "12:15", "end time")
        w.click(d.everyone, "untick Everyone")  # each member is ticked: untick those who do not attend
        for row, name in ((1, "Zhao Minghui"), (3, "Guo Lan")):
            w.tick(d.members_view, row, f"off {name}")
        w.key(*SAVE_AND_NEW, what="Save and new")
        # 19:30–22:00: the evening reception at the New Town Hall, everyone.
        w.type("Evening reception hosted by the City of Hannover", "title")
        w.choose(d.kind, "Meal", "kind")
        w.choose(d.venue, "Rathaus", "venue")
        w.type_time(d.start_time, "19:30", "start time")
        w.type_time(d.end_time, "22:00", "end time")
        w.click(d.everyone, "tick Everyone")
        w.button(d.buttons.button(d.buttons.StandardButton.Ok), "OK")

    w.expect(ItemForm, five_items)
    w.button(_toolbar_button(programme_page, programme_page.new_action), "New item…")
    w.check()  # a step of the form that failed, named before the items are compared
    items = sorted(programme.list_items(db, trip.id), key=lambda i: i.start)
    assert [(i.kind, i.local_start().strftime("%d %H:%M"), i.local_end().strftime("%H:%M")) for i in items] == [
        (ItemKind.MEAL, "09 19:00", "21:00"), (ItemKind.MEETING, "10 10:00", "11:30"), (ItemKind.CEREMONY, "10 11:30", "11:45"),
        (ItemKind.PRESS, "10 11:45", "12:15"), (ItemKind.MEAL, "10 19:30", "22:00"),
    ]
    herrenhausen = saved_venues["Tagungszentrum Schloss Herrenhausen"]
    assert [i.venue_id == herrenhausen.id for i in items] == [False, True, True, True, False]
    # The Lord Mayor hosts from the working meeting on (Save and new keeps the host; the evening reception is his too).
    assert [(i.host_person_id, i.host_contact_id) for i in items] == [(None, None)] + [(schostok.id, None)] * 4
    press = items[3]
    assert not press.everyone and len(press.participant_ids) == 3 and items[4].everyone

    # --- the personal itineraries, printed to a folder ---------------------------------------------
    folder = tmp_path / "itineraries"
    folder.mkdir()

    def print_itineraries(d: ExportDialog) -> None:
        w.choose(d.document_box, "itinerar", "document")
        w.type(str(folder), "folder", d.folder_edit, replacing=True)
        w.expect(QMessageBox, lambda box: w.button(_close_button(box), "Close (export finished)"))
        w.button(d.export_button, "Export")

    w.expect(ExportDialog, print_itineraries, wait_ms=120_000)
    w.key(Qt.Key.Key_P, CTRL, "Ctrl+P: Print and export…", window.trip_tabs.currentWidget())
    w.done()
    print("\n" + w.report())
    printed = sorted(p.name for p in folder.iterdir())
    assert len([name for name in printed if name.endswith(".pdf")]) == 5, printed

    # --- what the user checks afterwards ---------------------------------------------------------
    assert trips.get_trip(db, trip.id).status is TripStatus.CONFIRMED
    hosted = [i for i in programme.list_items(db, trip.id) if i.host_person_id == schostok.id]
    assert {i.kind for i in hosted} >= {ItemKind.MEETING, ItemKind.CEREMONY, ItemKind.PRESS}
    # One itinerary per member, headed with the name as the reader writes it, with Schostok named as host at
    # each hosted item the reader attends; the press statements only for the three who attend; no Draft mark.
    press_guests = {members[0].person.name, members[2].person.name, schostok.name}
    for member in members:
        person = member.person
        [pdf] = [folder / name for name in printed if name.endswith(".pdf") and person.name in name]
        text = text_of(pdf)
        assert (person.native_name or person.name) in text.splitlines()[:3], (pdf.name, text[:200])
        attends_press = person.name in press_guests
        assert ("Photo opportunity and press statements" in text) is attends_press, pdf.name
        host_lines = re.findall(r"Stefan Schostok[,，]\s*Oberbürgermeister", text)
        assert len(host_lines) == (4 if attends_press else 3), (pdf.name, host_lines)
        assert not [word for word in ("Draft", "Entwurf", "草稿") if word in text], pdf.name
    assert w.actions <= TARGET, w.report()


def _toolbar_button(page: object, action: object) -> QPushButton:
    toolbar = getattr(page, "buttons", None) or getattr(page, "toolbar")
    button = toolbar.widgetForAction(action)
    assert button is not None and button.isVisible(), "the action's button is folded away"
    return button


def _close_button(box: QMessageBox) -> QPushButton:
    button = box.button(QMessageBox.StandardButton.Close)
    assert button is not None
    return button
