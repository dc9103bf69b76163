"""What a batch of itineraries makes once and shares changes nothing printed: the same bytes as made alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab import rl_config

from planner.db.engine import Database
from planner.export.pdf import export_personal_pdfs, personal_document, qr
from planner.export.pdf.batch import MIN_PARALLEL
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


def test_the_batch_in_worker_processes_writes_what_one_process_writes(
    db: Database, demo: DemoTrip, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Codes handed over, trip frozen for the collector: each file is the one a single process writes."""
    monkeypatch.setenv("RL_invariant", "1")  # the spawned workers read it at their start
    alone = export_personal_pdfs(db, demo.trip_id, tmp_path / "alone", workers=1)
    together = export_personal_pdfs(db, demo.trip_id, tmp_path / "together", workers=2)
    assert len(together) == len(alone) >= MIN_PARALLEL  # enough participants for the workers to start
    assert [p.name for p in together] == [p.name for p in alone]
    for one, other in zip(alone, together, strict=True):
        assert other.read_bytes() == one.read_bytes(), one.name
