"""The trip table model: rows from the services, roles, and retranslation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.enums import TripStatus
from planner.services import trips
from planner.services.trips import TripSummary
from planner.ui.language import LanguageController
from planner.ui.models import trip_table as tt
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE
from tests.ui.conftest import MakeTrip

DISPLAY = Qt.ItemDataRole.DisplayRole


def _row_of(model: tt.TripTableModel, trip_id: int) -> int:
    row = model.row_of(trip_id)
    assert row >= 0
    return row


def test_model_passes_qt_model_tester(db: Database, two_trips: tuple[int, int], qtmodeltester: ModelTester) -> None:
    model = tt.TripTableModel(db)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_rows_and_columns_show_the_services_figures(db: Database, two_trips: tuple[int, int]) -> None:
    shenzhen, munich = two_trips
    model = tt.TripTableModel(db)
    assert model.rowCount() == 2
    assert model.columnCount() == 7
    row = _row_of(model, shenzhen)
    assert model.index(row, tt.TITLE).data(DISPLAY) == "Delegation visit to Shenzhen"
    assert model.index(row, tt.DESTINATION).data(DISPLAY) == "Shenzhen, China"
    assert model.index(row, tt.DATES).data(DISPLAY) == "24–27 October 2016"
    assert model.index(row, tt.STATUS).data(DISPLAY) == "Confirmed"
    assert model.index(row, tt.MEMBERS).data(DISPLAY) == "1"
    assert model.index(row, tt.ITEMS).data(DISPLAY) == "0"
    assert model.index(row, tt.HEAD).data(DISPLAY) == "Stephan Weil"
    assert model.index(_row_of(model, munich), tt.HEAD).data(DISPLAY) == "Xu Qin"


def test_object_kind_sort_and_filter_roles(db: Database, two_trips: tuple[int, int]) -> None:
    shenzhen, munich = two_trips
    model = tt.TripTableModel(db)
    row = _row_of(model, munich)
    summary = model.index(row, tt.DATES).data(OBJECT_ROLE)
    assert isinstance(summary, TripSummary)
    assert summary.trip.id == munich
    assert model.index(row, tt.TITLE).data(KIND_ROLE) == TripStatus.DRAFT.value
    # Every language variant is searchable, whatever the interface language.
    assert "慕尼黑访问" in model.index(row, tt.TITLE).data(FILTER_ROLE)
    destination = model.index(row, tt.DESTINATION).data(FILTER_ROLE)
    assert "München" in destination and "DE" in destination and "Germany" in destination
    # Dates sort by the first day, numbers as numbers.
    sz_row = _row_of(model, shenzhen)
    assert list(model.index(sz_row, tt.DATES).data(SORT_ROLE)) < list(model.index(row, tt.DATES).data(SORT_ROLE))
    assert model.index(sz_row, tt.MEMBERS).data(SORT_ROLE) == 1
    assert model.index(sz_row, tt.STATUS).data(SORT_ROLE) > model.index(row, tt.STATUS).data(SORT_ROLE)


def test_titles_follow_the_interface_language_with_fallback(
    db: Database, two_trips: tuple[int, int], make_trip: MakeTrip, language: LanguageController
) -> None:
    only_english = make_trip("Trade fair Canton", date(2016, 12, 30), date(2017, 1, 2))
    model = tt.TripTableModel(db, language)
    shenzhen, _munich = two_trips
    language.set_language("zh")
    assert model.index(_row_of(model, shenzhen), tt.TITLE).data(DISPLAY) == "深圳代表团访问"
    assert model.index(_row_of(model, shenzhen), tt.DESTINATION).data(DISPLAY) == "中国深圳"
    assert model.index(_row_of(model, shenzhen), tt.DATES).data(DISPLAY) == "2016年10月24日至27日"
    assert model.index(_row_of(model, only_english), tt.TITLE).data(DISPLAY) == "Trade fair Canton"
    language.set_language("de")
    assert model.index(_row_of(model, shenzhen), tt.TITLE).data(DISPLAY) == "Delegationsreise nach Shenzhen"
    assert model.index(_row_of(model, only_english), tt.DATES).data(DISPLAY) == "30. Dezember 2016\u2009–\u20092. Januar 2017"


def test_language_change_announces_new_headers_and_data(
    db: Database, two_trips: tuple[int, int], language: LanguageController
) -> None:
    model = tt.TripTableModel(db, language)
    headers: list[tuple[object, int, int]] = []
    cells: list[tuple[int, int, int, int]] = []
    model.headerDataChanged.connect(lambda orientation, first, last: headers.append((orientation, first, last)))
    model.dataChanged.connect(lambda tl, br, _roles=(): cells.append((tl.row(), tl.column(), br.row(), br.column())))
    language.set_language("de")
    assert headers == [(Qt.Orientation.Horizontal, 0, 6)]
    assert cells == [(0, 0, 1, 6)]
    assert model.index(_row_of(model, two_trips[0]), tt.DATES).data(DISPLAY) == "24.–27. Oktober 2016"


def test_headers_are_translatable_labels(db: Database) -> None:
    model = tt.TripTableModel(db)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Title", "Destination", "Dates", "Status", "Members", "Items", "Head of delegation"]
    assert model.headerData(tt.MEMBERS, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) is not None


def test_reload_picks_up_changes_with_a_reset(db: Database, make_trip: MakeTrip, qtbot: QtBot) -> None:
    model = tt.TripTableModel(db)
    assert model.rowCount() == 0
    trip_id = make_trip("First")
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=1000):
        model.reload()
    assert model.rowCount() == 1
    trips.delete_trip(db, trip_id)
    model.reload()
    assert model.rowCount() == 0
    assert model.row_of(trip_id) == -1
    assert model.index(0, 0).data(DISPLAY) is None
