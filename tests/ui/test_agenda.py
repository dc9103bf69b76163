"""The agenda: its geometry on its own (days, blocks, lanes, daylight saving), then the widget's mouse and keys."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.entities import ItemData
from planner.services import programme
from planner.ui.language import LanguageController
from planner.ui.pages.programme import ProgrammePage
from planner.ui.widgets import item_form
from planner.ui.widgets.agenda import AgendaView
from planner.ui.widgets.agenda_layout import (
    MIN_BLOCK_MINUTES,
    AgendaLayout,
    Geometry,
    clock_change,
    day_spans,
    hour_marks,
    snap,
    snap_down,
)
from tests.ui.programme_support import BERLIN, SHANGHAI, add_item, local, make_context, make_programme

OCTOBER = [date(2016, 10, 24) + timedelta(days=i) for i in range(4)]


def _item(item_id: int, start: str, end: str, tz: str = SHANGHAI, end_tz: str = "") -> ItemData:
    return ItemData(id=item_id, trip_id=1, start=local(start, tz), end=local(end, end_tz or tz), timezone=tz, end_timezone=end_tz)


def _layout(*items: ItemData, days: list[date] = OCTOBER, tz: str = SHANGHAI) -> AgendaLayout:
    return AgendaLayout.build(day_spans(days, tz), items)


# --- geometry without widgets ---------------------------------------------------------------


def test_day_lengths_follow_daylight_saving() -> None:
    spring, ordinary, autumn = day_spans([date(2016, 3, 27), date(2016, 6, 1), date(2016, 10, 30)], BERLIN)
    assert (spring.minutes, ordinary.minutes, autumn.minutes) == (23 * 60, 24 * 60, 25 * 60)
    assert [s.minutes for s in day_spans(OCTOBER, SHANGHAI)] == [1440] * 4
    # The layout is as tall as the longest day.
    assert AgendaLayout.build(day_spans([date(2016, 10, 29), date(2016, 10, 30)], BERLIN), []).longest_day == 1500


def test_hour_marks_skip_and_repeat_the_hours_the_clocks_change() -> None:
    spring, ordinary, autumn = (hour_marks(s, BERLIN) for s in day_spans([date(2016, 3, 27), date(2016, 6, 1), date(2016, 10, 30)], BERLIN))
    assert [h for _m, h in spring][:4] == [0, 1, 3, 4]  # 02:00 never happens
    assert (120.0, 3) in spring and len(spring) == 23
    assert [(m, h) for m, h in autumn if h == 2] == [(120.0, 2), (180.0, 2)]  # 02:00 twice
    assert len(autumn) == 25
    assert all(m == h * 60 for m, h in ordinary)
    assert (clock_change(spring), clock_change(ordinary), clock_change(autumn)) == (120.0, None, 180.0)


def test_an_item_is_a_block_at_its_local_time_in_its_day_column() -> None:
    layout = _layout(_item(7, "2016-10-25 09:30", "2016-10-25 11:00"))
    (block,) = layout.blocks[7]
    assert (block.column, block.top, block.bottom, block.starts_here, block.ends_here) == (1, 570, 660, True, True)
    g = Geometry(column_width=200, minute_height=1.0)
    rect = g.rect(block)
    assert (rect.x, rect.y, rect.width, rect.height) == (201.0, 570.0, 198.0, 89.0)
    assert layout.block_at(g, 300, 600) is block
    assert layout.block_at(g, 300, 700) is None
    assert layout.block_at(g, 100, 600) is None  # the day before


def test_an_item_of_another_zone_is_placed_by_the_trips_clock() -> None:
    # Departs Frankfurt 18:30 (CEST) on the 23rd = 00:30 in Shenzhen on the 24th; lands 14:15 Shenzhen time.
    flight = _item(1, "2016-10-23 18:30", "2016-10-24 14:15", tz=BERLIN, end_tz=SHANGHAI)
    (block,) = _layout(flight).blocks[1]
    assert (block.column, block.top, block.bottom) == (0, 30, 855)


def test_an_item_past_midnight_is_cut_into_one_block_per_day() -> None:
    night = _item(2, "2016-10-26 20:30", "2016-10-27 12:15")
    first, second = _layout(night).blocks[2]
    assert (first.column, first.top, first.bottom, first.ends_here) == (2, 1230, 1440, False)
    assert (second.column, second.top, second.bottom, second.starts_here, second.ends_here) == (3, 0, 735, False, True)
    # On the trip's last day the rest is cut off; an item on no trip day is left to the table.
    (only,) = _layout(night, days=OCTOBER[:3]).blocks[2]
    assert only.bottom == 1440 and not only.ends_here
    outside = _layout(_item(3, "2016-10-30 09:00", "2016-10-30 10:00"))
    assert outside.outside == [3] and 3 not in outside.blocks


def test_a_block_is_as_long_as_the_item_lasts_across_a_clock_change() -> None:
    # 01:30 to 03:30 on the spring-forward night lasts one hour, not two.
    item = _item(4, "2016-03-27 01:30", "2016-03-27 03:30", tz=BERLIN)
    (block,) = _layout(item, days=[date(2016, 3, 27)], tz=BERLIN).blocks[4]
    assert (block.top, block.bottom) == (90, 150)
    # After the change, local 10:00 lies 540 minutes after midnight.
    (late,) = _layout(_item(5, "2016-03-27 10:00", "2016-03-27 11:00", tz=BERLIN), days=[date(2016, 3, 27)], tz=BERLIN).blocks[5]
    assert late.top == 540


def test_overlapping_items_share_the_width_in_lanes() -> None:
    layout = _layout(
        _item(1, "2016-10-25 09:00", "2016-10-25 11:00"),
        _item(2, "2016-10-25 10:00", "2016-10-25 12:00"),
        _item(3, "2016-10-25 11:00", "2016-10-25 12:30"),
        _item(4, "2016-10-25 13:00", "2016-10-25 14:00"),
        _item(5, "2016-10-25 10:30", "2016-10-25 10:45"),
    )
    lanes = {i: (layout.blocks[i][0].lane, layout.blocks[i][0].lanes) for i in range(1, 6)}
    # 1, 2 and 5 run at once: three lanes; 3 takes the lane 1 left free; 4 stands alone.
    assert lanes == {1: (0, 3), 2: (1, 3), 5: (2, 3), 3: (0, 3), 4: (0, 1)}
    g = Geometry(column_width=300, minute_height=1.0)
    rects = [g.rect(layout.blocks[i][0]) for i in (1, 2, 5)]
    assert [r.x for r in rects] == [301.0, 401.0, 501.0] and {r.width for r in rects} == {98.0}
    assert g.rect(layout.blocks[4][0]).width == 298.0


def test_a_very_short_item_is_drawn_tall_enough_to_grab_and_gets_its_own_lane() -> None:
    layout = _layout(_item(1, "2016-10-25 09:00", "2016-10-25 09:05"), _item(2, "2016-10-25 09:10", "2016-10-25 10:00"))
    short, other = layout.blocks[1][0], layout.blocks[2][0]
    assert short.visual_bottom == short.top + MIN_BLOCK_MINUTES
    assert (short.lane, other.lane, short.lanes) == (0, 1, 2)


def test_moves_and_resizes_in_trip_time() -> None:
    night = _item(2, "2016-10-26 20:30", "2016-10-27 00:30")
    layout = _layout(night)
    first, second = layout.blocks[2]
    # Dropping the first block at 18:00 on the 25th starts the item there.
    assert layout.moved_start(first, 1, 18 * 60) == local("2016-10-25 18:00")
    # Dropping the second block (from midnight) at 06:00 on the 27th keeps the 3½ hours before midnight.
    assert layout.moved_start(second, 3, 6 * 60) == local("2016-10-27 02:30")
    assert layout.resized_end(second, 90) == local("2016-10-27 01:30")
    # A resize never puts the end before the start.
    (day,) = _layout(_item(3, "2016-10-25 09:00", "2016-10-25 10:00")).blocks[3]
    assert _layout(_item(3, "2016-10-25 09:00", "2016-10-25 10:00")).resized_end(day, 500) == local("2016-10-25 09:15")


def test_snapping_to_quarter_hours() -> None:
    assert [snap(m) for m in (0, 7, 8, 22, 23, 600.4)] == [0, 0, 15, 15, 30, 600]
    assert [snap_down(m) for m in (0, 14.9, 15, 629)] == [0, 0, 15, 615]


def test_only_the_blocks_in_view_are_looked_at() -> None:
    items = [_item(i, f"2016-10-25 {h:02d}:00", f"2016-10-25 {h:02d}:45") for i, h in enumerate(range(0, 24), start=1)]
    layout = _layout(*items)
    seen = layout.blocks_between(1, 10 * 60, 12 * 60)
    # Item n runs (n-1):00 to (n-1):45: 09:00 ends before 10:00, 12:00 starts at the bottom edge.
    assert [b.item_id for b in seen] == [11, 12]
    assert layout.blocks_between(0, 0, 1440) == [] and layout.blocks_between(9, 0, 1440) == []


def test_arrow_key_neighbours() -> None:
    layout = _layout(
        _item(1, "2016-10-24 09:00", "2016-10-24 10:00"),
        _item(2, "2016-10-24 14:00", "2016-10-24 15:00"),
        _item(3, "2016-10-26 10:00", "2016-10-26 11:00"),
        _item(4, "2016-10-26 13:30", "2016-10-26 14:00"),
    )
    first, second = layout.columns[0]
    assert layout.neighbour(first, "down") is second and layout.neighbour(second, "down") is None
    assert layout.neighbour(second, "up") is first and layout.neighbour(first, "up") is None
    # Right skips the empty Tuesday and lands on Wednesday's item nearest in time.
    assert layout.neighbour(second, "right").item_id == 4
    assert layout.neighbour(first, "right").item_id == 3
    assert layout.neighbour(first, "left") is None
    # Where selection starts: the first item from the top of the view on, or on a later day.
    assert layout.first_from(0, 12 * 60).item_id == 2
    assert layout.first_from(1, 0).item_id == 3
    assert layout.first_from(3, 0) is None


# --- the widget -----------------------------------------------------------------------------


@pytest.fixture
def page(db: Database, language: LanguageController, settings: QSettings, qtbot: QtBot) -> ProgrammePage:
    ctx = make_context(db, language, settings)
    widget = ProgrammePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


class _Captured:
    form: item_form.ItemForm | None = None


def test_double_click_on_empty_time_opens_the_form_at_the_quarter_hour(page: ProgrammePage, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    trip = make_programme(db)
    page.set_trip(trip.trip_id)
    captured = _Captured()

    def exec_(form: item_form.ItemForm) -> int:
        captured.form = form
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(item_form.ItemForm, "exec", exec_)
    agenda = page.agenda
    agenda.scroll_to_minutes(9 * 60)
    point = agenda.point_at(1, 10 * 60 + 22)  # Tuesday 10:22
    qtbot.mouseDClick(agenda.viewport(), Qt.MouseButton.LeftButton, pos=point)
    form = captured.form
    assert form is not None
    assert form.windowTitle() == "New programme item"
    assert form.start_date.date().toPython() == date(2016, 10, 25)
    assert form.start_time.time().toString("HH:mm") == "10:15"
    assert form.end_time.time().toString("HH:mm") == "11:15"  # an hour by default
    assert form.timezone.currentText() == SHANGHAI
    assert programme.list_items(db, trip.trip_id) == []  # cancelled: nothing made


def test_double_click_on_a_block_opens_it(page: ProgrammePage, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    trip = make_programme(db)
    item = add_item(db, trip.trip_id, "2016-10-25 09:30", "2016-10-25 11:00", "Talks")
    page.set_trip(trip.trip_id)
    opened: list[str] = []
    monkeypatch.setattr(item_form.ItemForm, "exec", lambda form: opened.append(form.title.value().en) or 0)
    rect = page.agenda.block_rect(item.id)
    assert rect is not None
    qtbot.mouseDClick(page.agenda.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert opened == ["Talks"]


def test_moving_through_the_views_api_calls_move_item_and_can_be_undone(page: ProgrammePage, db: Database) -> None:
    trip = make_programme(db)
    item = add_item(db, trip.trip_id, "2016-10-25 09:30", "2016-10-25 11:00")
    page.set_trip(trip.trip_id)
    page.agenda.move_item_to(item.id, 2, 14 * 60)  # Wednesday 14:00
    moved = programme.get_item(db, item.id)
    assert (moved.start, moved.end) == (local("2016-10-26 14:00"), local("2016-10-26 15:30"))
    assert page.agenda.layout_.blocks[item.id][0].column == 2
    stack = page.ctx.history.stack
    assert stack.undoText() == "Move programme item"
    stack.undo()
    back = programme.get_item(db, item.id)
    assert (back.start, back.end) == (item.start, item.end)
    assert page.agenda.layout_.blocks[item.id][0].column == 1  # the agenda followed the undo
    stack.redo()
    assert programme.get_item(db, item.id).start == local("2016-10-26 14:00")


def test_resizing_through_the_views_api(page: ProgrammePage, db: Database) -> None:
    trip = make_programme(db)
    item = add_item(db, trip.trip_id, "2016-10-25 09:30", "2016-10-25 11:00")
    page.set_trip(trip.trip_id)
    page.agenda.resize_item_to(item.id, 1, 12 * 60 + 15)
    resized = programme.get_item(db, item.id)
    assert (resized.start, resized.end) == (item.start, local("2016-10-25 12:15"))
    assert page.ctx.history.stack.undoText() == "Resize programme item"
    page.ctx.history.stack.undo()
    assert programme.get_item(db, item.id).end == item.end


def _drag(view: AgendaView, start: QPointF, end: QPointF) -> None:
    """Press, move in steps and release on the viewport, as a hand would."""
    viewport = view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    no_mods = Qt.KeyboardModifier.NoModifier

    def send(kind: QMouseEvent.Type, pos: QPointF, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(kind, pos, viewport.mapToGlobal(pos), button, buttons, no_mods)
        QApplication.sendEvent(viewport, event)

    send(QMouseEvent.Type.MouseButtonPress, start, left, left)
    for step in range(1, 6):
        send(QMouseEvent.Type.MouseMove, start + (end - start) * step / 5, none, left)
    send(QMouseEvent.Type.MouseButtonRelease, end, left, none)


def test_dragging_a_block_moves_it_by_quarter_hours_across_days(page: ProgrammePage, db: Database) -> None:
    trip = make_programme(db)
    item = add_item(db, trip.trip_id, "2016-10-25 09:30", "2016-10-25 11:00")
    page.set_trip(trip.trip_id)
    agenda = page.agenda
    agenda.scroll_to_minutes(8 * 60)
    rect = agenda.block_rect(item.id)
    assert rect is not None
    g = agenda.geometry_
    grab = QPointF(rect.center().x(), rect.top() + 10)
    # One column to the right and 62 minutes down: snapped to 10:30 on Wednesday.
    _drag(agenda, grab, grab + QPointF(g.column_width, g.minute_height * 62))
    moved = programme.get_item(db, item.id)
    assert (moved.start, moved.end) == (local("2016-10-26 10:30"), local("2016-10-26 12:00"))
    page.ctx.history.stack.undo()
    assert programme.get_item(db, item.id).start == item.start


def test_dragging_the_bottom_edge_resizes(page: ProgrammePage, db: Database) -> None:
    trip = make_programme(db)
    item = add_item(db, trip.trip_id, "2016-10-25 09:30", "2016-10-25 11:00")
    page.set_trip(trip.trip_id)
    agenda = page.agenda
    agenda.scroll_to_minutes(8 * 60)
    rect = agenda.block_rect(item.id)
    assert rect is not None
    edge = QPointF(rect.center().x(), rect.bottom() - 1)
    _drag(agenda, edge, edge + QPointF(0, agenda.geometry_.minute_height * 44))
    resized = programme.get_item(db, item.id)
    assert (resized.start, resized.end) == (item.start, local("2016-10-25 11:45"))


def test_keyboard_moves_the_selection_opens_and_nudges(page: ProgrammePage, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    trip = make_programme(db)
    first = add_item(db, trip.trip_id, "2016-10-25 09:00", "2016-10-25 10:00", "First")
    second = add_item(db, trip.trip_id, "2016-10-25 11:00", "2016-10-25 12:00", "Second")
    other_day = add_item(db, trip.trip_id, "2016-10-26 11:15", "2016-10-26 12:00", "Wednesday")
    page.set_trip(trip.trip_id)
    agenda = page.agenda
    agenda.setFocus()
    agenda.select_items([first.id], first.id)
    qtbot.keyClick(agenda, Qt.Key.Key_Down)
    assert agenda.selected_ids() == [second.id]
    qtbot.keyClick(agenda, Qt.Key.Key_Right)
    assert agenda.current_id() == other_day.id
    qtbot.keyClick(agenda, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert agenda.selected_ids() == [second.id, other_day.id]
    opened: list[int] = []
    monkeypatch.setattr(item_form.ItemForm, "exec", lambda form: opened.append(form._item.id) or 0)
    qtbot.keyClick(agenda, Qt.Key.Key_Return)
    assert opened == [second.id]
    # Alt+Down: a quarter hour later; Alt+Right: a day later (undoable like a drag).
    qtbot.keyClick(agenda, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert programme.get_item(db, second.id).start == local("2016-10-25 11:15")
    qtbot.keyClick(agenda, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert programme.get_item(db, second.id).start == local("2016-10-26 11:15")
    page.ctx.history.stack.undo()
    assert programme.get_item(db, second.id).start == local("2016-10-25 11:15")


def test_a_night_flight_from_another_zone_is_labelled_with_both_local_times(page: ProgrammePage, db: Database) -> None:
    trip = make_programme(db)
    flight = add_item(db, trip.trip_id, "2016-10-27 20:30", "2016-10-28 06:15", "Return flight", tz=SHANGHAI, end_tz=BERLIN)
    page.set_trip(trip.trip_id)
    (block,) = page.agenda.layout_.blocks[flight.id]
    assert (block.column, block.top, block.bottom, block.ends_here) == (3, 1230, 1440, False)
    texts = page.agenda._texts_of(page.model.item_by_id(flight.id))  # what the block says
    assert texts.times == "20:30 GMT+8\u2009–\u200906:15 GMT+2"  # CLDR's interval, thin spaces around the dash


def test_a_quarter_hour_item_shows_its_time_and_title_and_tells_all_in_its_tooltip(
    page: ProgrammePage, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QHelpEvent, QPainter
    from PySide6.QtWidgets import QToolTip

    from planner.ui.widgets import agenda_paint

    trip = make_programme(db)
    item = add_item(db, trip.trip_id, "2016-10-25 09:30", "2016-10-25 09:45", "Photo opportunity", venue_id=trip.venue_id)
    page.set_trip(trip.trip_id)
    page.agenda.scroll_to_minutes(9 * 60)
    rect = page.agenda.block_rect(item.id)
    assert rect is not None and rect.height() < 14  # a thin strip at the default zoom
    drawn: list[str] = []
    real = QPainter.drawText

    def record(painter: QPainter, *args: object) -> None:
        drawn.extend(a for a in args if isinstance(a, str))
        real(painter, *args)

    monkeypatch.setattr(agenda_paint.QPainter, "drawText", record)
    page.agenda.viewport().grab()
    assert any("09:30" in text and "Photo" in text for text in drawn), drawn

    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    centre = rect.center().toPoint()
    help_event = QHelpEvent(QHelpEvent.Type.ToolTip, centre, page.agenda.viewport().mapToGlobal(centre))
    QApplication.sendEvent(page.agenda.viewport(), help_event)
    assert shown and "Photo opportunity" in shown[0] and "09:30" in shown[0] and "Shenzhen Civic Centre" in shown[0]
