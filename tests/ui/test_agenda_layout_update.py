"""Laying out the agenda again after an edit: only the edited item's days, with exactly what a fresh layout gives."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from planner.domain.entities import ItemData
from planner.ui.widgets.agenda_layout import AgendaLayout, day_spans

DAYS = [date(2016, 10, 29), date(2016, 10, 30), date(2016, 10, 31), date(2016, 11, 1)]  # Berlin's clocks go back on the 30th
BERLIN = "Europe/Berlin"


def _item(rng: random.Random, item_id: int) -> ItemData:
    start = datetime(2016, 10, 28, 20, tzinfo=UTC) + timedelta(minutes=15 * rng.randint(0, 4 * 24 * 5))
    return ItemData(id=item_id, trip_id=1, start=start, end=start + timedelta(minutes=rng.choice((0, 5, 30, 60, 90, 240, 900))))


def _state(layout: AgendaLayout) -> tuple[object, ...]:
    return (layout.columns, layout.blocks, layout.starts, layout.ends, layout.outside, layout._tops, layout._longest)


@pytest.mark.parametrize("seed", range(10))
def test_an_updated_layout_is_the_layout_built_afresh(seed: int) -> None:
    rng = random.Random(seed)
    spans = day_spans(DAYS, BERLIN)
    items = {n: _item(rng, n) for n in range(1, 121)}
    layout = AgendaLayout.build(spans, items.values())
    partial = 0
    for _step in range(60):
        item_id = rng.randint(1, 130)
        way = rng.random()
        if way < 0.15:
            items.pop(item_id, None)
        elif way < 0.3 or item_id not in items:
            items[item_id] = _item(rng, item_id)  # new, or anywhere else (also outside the days)
        else:
            old = items[item_id]
            delta = timedelta(minutes=15 * rng.randint(-8, 8))
            items[item_id] = old.evolve(start=old.start + delta, end=old.end + delta)
        before = {n for n, blocks in layout.blocks.items() for _b in blocks}
        layout = layout.updated(items, (item_id,))
        expected = AgendaLayout.build(spans, items.values())
        assert _state(layout) == _state(expected)
        partial += item_id in before
    assert partial > 20
