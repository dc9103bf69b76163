"""The demo trips as participants would get them: every document renders, stays small, shows no empty boxes."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.db.engine import Database
from planner.export.pdf import export_personal_pdfs, programme_document
from planner.export.pdf.fonts import missing_glyphs
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from tests.export.pdfcheck import STANDARD_14, SUBSET_PREFIX, fonts_of, text_of

DEMO_FILES = sorted(DEMO_TRIPS.glob("*.json"))


def test_the_demo_trips_are_there() -> None:
    assert len(DEMO_FILES) >= 2


@pytest.mark.parametrize("trip_file", DEMO_FILES, ids=lambda p: p.stem)
def test_demo_documents(db: Database, tmp_path: Path, trip_file: Path) -> None:
    trip_id = import_trip_file(db, trip_file).id
    view = TripView.load(db, trip_id)
    for language in ("de", "zh", "en"):
        data = programme_document(view, language=language)
        assert not missing_glyphs(text_of(data))
        assert all(f.base_font not in STANDARD_14 and SUBSET_PREFIX.match(f.base_font) and f.embedded for f in fonts_of(data))
    paths = export_personal_pdfs(db, trip_id, tmp_path, workers=1)
    assert len(paths) == len(view.members)
    for path in paths:  # their text is a part of the programme's, checked above
        assert path.read_bytes().startswith(b"%PDF-")
        assert path.stat().st_size < 300_000, path.name
