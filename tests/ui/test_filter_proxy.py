"""The one filter proxy: words across columns and languages, a status value, Python sort keys."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from planner.db.engine import Database
from planner.domain.enums import TripStatus
from planner.domain.localized import LocalizedText
from planner.ui.models import trip_table as tt
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.roles import KIND_ROLE
from tests.ui.conftest import MakeTrip


def _titles(proxy: FilterProxyModel) -> list[str]:
    return [proxy.index(r, tt.TITLE).data() for r in range(proxy.rowCount())]


def _proxy(db: Database) -> FilterProxyModel:
    proxy = FilterProxyModel()
    proxy.setSourceModel(tt.TripTableModel(db))
    return proxy


def test_text_filter_is_case_and_accent_insensitive_and_finds_any_language(db: Database, two_trips: tuple[int, int]) -> None:
    proxy = _proxy(db)
    assert proxy.rowCount() == 2
    proxy.set_filter_text("SHENZHEN")
    assert _titles(proxy) == ["Delegation visit to Shenzhen"]
    proxy.set_filter_text("munchen")  # the German city name, typed without umlaut
    assert _titles(proxy) == ["Visit to Munich"]
    proxy.set_filter_text("慕尼黑")  # the Chinese title while the interface is English
    assert _titles(proxy) == ["Visit to Munich"]
    proxy.set_filter_text("许")  # matches no column text: the head's native name is not shown
    assert proxy.rowCount() == 0
    proxy.set_filter_text("")
    assert proxy.rowCount() == 2


def test_every_word_must_match_somewhere_in_the_row(db: Database, two_trips: tuple[int, int]) -> None:
    proxy = _proxy(db)
    proxy.set_filter_text("visit weil")  # title word + head's name
    assert _titles(proxy) == ["Delegation visit to Shenzhen"]
    proxy.set_filter_text("visit germany")
    assert _titles(proxy) == ["Visit to Munich"]
    proxy.set_filter_text("visit nowhere")
    assert proxy.rowCount() == 0
    assert proxy.filter_text() == "visit nowhere"


def test_value_filter_on_a_role_combines_with_text(db: Database, two_trips: tuple[int, int], make_trip: MakeTrip) -> None:
    make_trip("Trade fair visit", date(2018, 1, 1), date(2018, 1, 2), status=TripStatus.CONFIRMED)
    proxy = _proxy(db)
    proxy.sourceModel().reload()
    proxy.set_filter_value(TripStatus.CONFIRMED.value, KIND_ROLE)
    assert sorted(_titles(proxy)) == ["Delegation visit to Shenzhen", "Trade fair visit"]
    proxy.set_filter_text("fair")
    assert _titles(proxy) == ["Trade fair visit"]
    proxy.set_filter_value(None)
    proxy.set_filter_text("")
    assert proxy.rowCount() == 3
    assert proxy.filter_value() is None


def test_sorting_uses_python_sort_keys(db: Database, make_trip: MakeTrip) -> None:
    for title in ("zebra", "Äpfel", "apple", "Banana"):
        make_trip(LocalizedText(en=title))
    proxy = _proxy(db)
    proxy.sort(tt.TITLE, Qt.SortOrder.AscendingOrder)
    assert _titles(proxy) == ["Äpfel", "apple", "Banana", "zebra"]
    proxy.sort(tt.TITLE, Qt.SortOrder.DescendingOrder)
    assert _titles(proxy)[0] == "zebra"


def test_sorting_by_dates_and_numbers(db: Database, make_trip: MakeTrip) -> None:
    make_trip("Later", date(2020, 1, 1), date(2020, 1, 3))
    make_trip("Earlier", date(2016, 1, 1), date(2016, 1, 3))
    make_trip("Middle", date(2018, 1, 1), date(2018, 1, 3))
    proxy = _proxy(db)
    proxy.sort(tt.DATES, Qt.SortOrder.AscendingOrder)
    assert _titles(proxy) == ["Earlier", "Middle", "Later"]


def test_proxy_passes_model_tester_while_filtering(db: Database, two_trips: tuple[int, int], qtmodeltester: ModelTester) -> None:
    proxy = _proxy(db)
    proxy.set_filter_text("visit")
    proxy.sort(tt.DATES, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)
