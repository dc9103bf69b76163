"""What a batch of itineraries makes once and shares changes nothing printed: the same bytes as made alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from reportlab import rl_config

from planner.db.engine import Database
from planner.export.pdf import personal_document, qr
from planner.export.pdf.personal import map_codes
from planner.export.tripview import TripView
from tests.export.builders import DemoTrip


@pytest.fixture
def view(db: Database, demo: DemoTrip) -> TripView:
    return TripView.load(db, demo.trip_id)


@pytest.fixture(autouse=True)
def invariant(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Documents without their moment of making and random file id, so two makings compare byte for byte."""
    monkeypatch.setattr(rl_config, "invariant", 1)
    yield
    qr._shared.clear()


def test_a_worker_given_the_batch_codes_encodes_none_and_prints_the_same(
    view: TripView, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = {member.id: personal_document(view, member.id) for member in view.members}
    codes = {member.id: map_codes(view, member.id) for member in view.members}
    assert all(codes.values())  # every demo participant visits venues with a map code

    def encode(value: str, size: float) -> str:
        raise AssertionError(f"encoded in the worker: {value}")

    monkeypatch.setattr(qr, "_path", encode)  # a worker's own encoder: must not be needed
    for member in view.members:
        qr._shared.clear()
        qr.share(codes[member.id])
        assert personal_document(view, member.id) == alone[member.id]
