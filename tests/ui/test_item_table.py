"""The programme table model: what each column says, sorting, filtering, and patching one changed item."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner import i18n
from planner.db.engine import Database
from planner.domain.enums import ItemKind
from planner.domain.localized import LocalizedText
from planner.services import programme
from planner.ui.language import LanguageController
from planner.ui.models import item_table as it
from planner.ui.models import item_text
from planner.ui.models.filter_proxy import FilterProxyModel
from planner.ui.models.item_table import ItemTableModel
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE
from tests.ui.programme_support import BERLIN, SHANGHAI, Programme, add_item, local, make_programme


def _filled(db: Database) -> tuple[Programme, ItemTableModel]:
    trip = make_programme(db)
    add_item(
        db, trip.trip_id, "2016-10-25 09:50", "2016-10-25 10:50",
        LocalizedText(de="Gespräch mit dem Vizebürgermeister", zh="与副市长会谈", en="Meeting with the Vice-Mayor"),
        venue_id=trip.venue_id, host=trip.contact_ids[0],
    )
    add_item(db, trip.trip_id, "2016-10-25 10:50", "2016-10-25 11:20", "Press interview", kind=ItemKind.PRESS,
             participants=trip.member_ids[:2])
    add_item(db, trip.trip_id, "2016-10-23 18:30", "2016-10-24 14:15", "Flight Frankfurt – Shenzhen", kind=ItemKind.TRAVEL,
             tz=BERLIN, end_tz=SHANGHAI)
    add_item(db, trip.trip_id, "2016-10-24 19:00", "2016-10-24 21:00", "Welcome dinner", kind=ItemKind.MEAL)
    model = ItemTableModel(db)
    model.set_trip(trip.trip_id)
    return trip, model


def _row(model: ItemTableModel, title: str) -> list[str]:
    row = next(r for r in range(model.rowCount()) if model.item(r).title.en == title)
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_the_model_passes_qts_model_tester(db: Database, qtmodeltester: ModelTester) -> None:
    _trip, model = _filled(db)
    assert model.rowCount() == 4
    qtmodeltester.check(model, force_py=True)


def test_each_column_reads_as_the_planner_expects(db: Database) -> None:
    trip, model = _filled(db)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Day", "Time", "Kind", "Title", "Venue", "Participants", "Host contact"]
    meeting = _row(model, "Meeting with the Vice-Mayor")
    assert meeting == ["Tue 25 Oct", "09:50–10:50", "Meeting", "Meeting with the Vice-Mayor", "Shenzhen Civic Centre", "Everyone",
                       "Lin Zhiyuan (林志远)"]
    press = _row(model, "Press interview")
    assert press[2] == "Press appointment" and press[5] == "Stephan Weil, Xu Qin"
    # A flight from another zone names both zones, and the day it lands.
    flight = _row(model, "Flight Frankfurt – Shenzhen")
    assert flight[0] == "Sun 23 Oct"
    assert flight[1] == "18:30 GMT+2\u2009–\u2009Mon 24 Oct, 14:15 GMT+8"
    row = model.row_of(next(i.id for i in model.items if i.kind is ItemKind.TRAVEL))
    tooltip = model.index(row, it.TIME).data(Qt.ItemDataRole.ToolTipRole)
    assert "Central European Summer Time" in tooltip and "China Standard Time" in tooltip
    assert tooltip.endswith("\nAt the destination: 00:30–14:15")
    assert isinstance(model.index(row, it.KIND).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.index(row, 0).data(KIND_ROLE) == "travel"
    assert model.index(row, 0).data(OBJECT_ROLE).title.en == "Flight Frankfurt – Shenzhen"
    assert model.index(row, 0).data(SORT_ROLE) == (local("2016-10-23 18:30", BERLIN), model.item(row).id)
    assert trip.trip_id == model.trip_id


def test_many_participants_are_counted(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    trip = make_programme(db)
    add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:00", "Briefing", participants=trip.member_ids)
    model = ItemTableModel(db)
    model.set_trip(trip.trip_id)
    assert _row(model, "Briefing")[it.PARTICIPANTS] == "Stephan Weil, Xu Qin, Anna Schmidt"
    monkeypatch.setattr(item_text, "NAMED_PARTICIPANTS", 2)
    assert _row(model, "Briefing")[it.PARTICIPANTS] == "3 people"
    row = model.row_of(model.items[0].id)
    assert model.index(row, it.PARTICIPANTS).data(Qt.ItemDataRole.ToolTipRole) == "Stephan Weil\nXu Qin\nAnna Schmidt"


def test_sorting_by_time_and_by_title(db: Database) -> None:
    _trip, model = _filled(db)
    proxy = FilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(it.TIME, Qt.SortOrder.AscendingOrder)
    titles = [proxy.index(r, it.TITLE).data() for r in range(proxy.rowCount())]
    assert titles == ["Flight Frankfurt – Shenzhen", "Welcome dinner", "Meeting with the Vice-Mayor", "Press interview"]
    proxy.sort(it.TITLE, Qt.SortOrder.AscendingOrder)
    titles = [proxy.index(r, it.TITLE).data() for r in range(proxy.rowCount())]
    assert titles == ["Flight Frankfurt – Shenzhen", "Meeting with the Vice-Mayor", "Press interview", "Welcome dinner"]
    proxy.sort(it.KIND, Qt.SortOrder.AscendingOrder)  # in the order the kinds are listed
    assert [proxy.index(r, it.KIND).data() for r in range(proxy.rowCount())] == ["Meeting", "Meal", "Travel", "Press appointment"]


def test_rows_stay_in_time_order_so_the_table_by_time_is_not_sorted_again(db: Database, qtbot: QtBot) -> None:
    """By day and time the proxy shows the model's rows as they are; moves and new items keep them in time order."""
    trip, model = _filled(db)
    proxy = FilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(it.TIME, Qt.SortOrder.AscendingOrder)
    assert proxy.sortColumn() == -1 and proxy.sorted_by() == (it.TIME, Qt.SortOrder.AscendingOrder)

    def by_time() -> list[str]:
        return [proxy.index(r, it.TITLE).data() for r in range(proxy.rowCount())]

    def in_model() -> list[str]:
        return [model.item(r).title.en for r in range(model.rowCount())]

    assert by_time() == in_model() == ["Flight Frankfurt – Shenzhen", "Welcome dinner", "Meeting with the Vice-Mayor", "Press interview"]
    dinner = next(i for i in model.items if i.title.en == "Welcome dinner")
    programme.move_item(db, dinner.id, dinner.version, local("2016-10-25 19:00"))  # a day later: after the interview
    # Taken out and put in at its place (the proxy maps that by itself; a row move made it map every row again).
    with qtbot.waitSignals([model.rowsRemoved, model.rowsInserted], order="strict"):
        model.refresh_item(dinner.id)
    assert by_time() == in_model() == ["Flight Frankfurt – Shenzhen", "Meeting with the Vice-Mayor", "Press interview", "Welcome dinner"]
    dinner = model.item_by_id(dinner.id)
    assert dinner is not None
    programme.move_item(db, dinner.id, dinner.version, local("2016-10-24 08:00"))  # and back, before the meeting
    with qtbot.waitSignals([model.rowsRemoved, model.rowsInserted], order="strict"):
        model.refresh_item(dinner.id)
    assert by_time() == in_model() == ["Flight Frankfurt – Shenzhen", "Welcome dinner", "Meeting with the Vice-Mayor", "Press interview"]
    early = add_item(db, trip.trip_id, "2016-10-23 08:00", "2016-10-23 09:00", "Early briefing")
    with qtbot.waitSignal(model.rowsInserted):
        model.refresh_item(early.id)
    assert model.row_of(early.id) == 0 and by_time()[0] == "Early briefing"
    proxy.sort(it.TIME, Qt.SortOrder.DescendingOrder)  # any other order is sorted as usual
    assert proxy.sortColumn() == it.TIME and by_time() == list(reversed(in_model()))
    assert model.in_order(it.DAY) and not model.in_order(it.TITLE)


def test_filter_as_you_type_finds_every_language_and_the_kind_filter_narrows(db: Database) -> None:
    _trip, model = _filled(db)
    proxy = FilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_filter_text("vizeburgermeister")  # German, without the umlaut, in an English interface
    assert [proxy.index(r, it.TITLE).data() for r in range(proxy.rowCount())] == ["Meeting with the Vice-Mayor"]
    proxy.set_filter_text("市民中心")  # the venue's Chinese name
    assert proxy.rowCount() == 1
    proxy.set_filter_text("林志远")  # the host's own name
    assert proxy.rowCount() == 1
    proxy.set_filter_text("schmidt")  # a participant: at every item for everyone, not ticked for the interview
    assert sorted(proxy.index(r, it.TITLE).data() for r in range(proxy.rowCount())) == [
        "Flight Frankfurt – Shenzhen", "Meeting with the Vice-Mayor", "Welcome dinner",
    ]
    proxy.set_filter_value(ItemKind.PRESS.value)  # both at once: Schmidt is not at the interview
    assert proxy.rowCount() == 0
    proxy.set_filter_text("")
    assert [proxy.index(r, it.TITLE).data() for r in range(proxy.rowCount())] == ["Press interview"]
    proxy.set_filter_value(ItemKind.MEAL.value)
    assert [proxy.index(r, it.TITLE).data() for r in range(proxy.rowCount())] == ["Welcome dinner"]
    proxy.set_filter_value(None)
    assert proxy.rowCount() == 4
    meeting = next(i for i in model.items if i.title.en == "Meeting with the Vice-Mayor")
    words = model.index(model.row_of(meeting.id), it.TITLE).data(FILTER_ROLE)
    assert "与副市长会谈" in words and "Gespräch" in words


def test_one_changed_item_is_patched_in_without_reading_everything(db: Database, qtbot: QtBot) -> None:
    trip, model = _filled(db)
    dinner = next(i for i in model.items if i.title.en == "Welcome dinner")
    moved = programme.move_item(db, dinner.id, dinner.version, local("2016-10-24 19:30")).after
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_item(dinner.id)
    assert model.item_by_id(dinner.id) == moved
    assert _row(model, "Welcome dinner")[it.TIME] == "19:30–21:30"
    new = add_item(db, trip.trip_id, "2016-10-26 09:00", "2016-10-26 10:00", "Factory tour", kind=ItemKind.SITE_VISIT)
    with qtbot.waitSignal(model.rowsInserted):
        model.refresh_item(new.id)
    assert model.rowCount() == 5 and model.row_of(new.id) == 4
    programme.delete_item(db, dinner.id)
    with qtbot.waitSignal(model.rowsRemoved):
        model.refresh_item(dinner.id)
    assert model.rowCount() == 4 and model.item_by_id(dinner.id) is None
    assert model.row_of(new.id) == 3  # rows after it moved up
    # An item of another trip is not this model's business.
    other = make_programme(db)
    foreign = add_item(db, other.trip_id, "2016-10-26 09:00", "2016-10-26 10:00", "Elsewhere")
    model.refresh_item(foreign.id)
    assert model.row_of(foreign.id) == -1


def test_language_change_retranslates_headers_and_cells(db: Database, language: LanguageController, qtbot: QtBot) -> None:
    trip = make_programme(db)
    add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:00",
             LocalizedText(de="Empfang", zh="欢迎仪式", en="Reception"))
    model = ItemTableModel(db, language)
    model.set_trip(trip.trip_id)
    with qtbot.waitSignals([model.headerDataChanged, model.dataChanged]):
        language.set_language("zh")
    assert model.index(0, it.TITLE).data() == "欢迎仪式"
    assert model.index(0, it.DAY).data() == "10月25日周二"
    language.set_language("de")
    assert model.index(0, it.DAY).data() == "Di., 25. Okt."
    assert model.index(0, it.TIME).data() == "09:00–10:00 Uhr"
    i18n.set_language("en")


def test_no_trip_or_a_deleted_trip_means_no_rows(db: Database) -> None:
    trip, model = _filled(db)
    model.set_trip(None)
    assert model.rowCount() == 0 and model.trip is None
    model.set_trip(trip.trip_id + 100)
    assert model.rowCount() == 0 and model.trip_id is None
    assert model.rowCount(model.index(0, 0)) == 0 and model.index(0, 0).data() is None
    assert model.data(QModelIndex()) is None
