"""Printed documents of a trip: the delegation programme and personal itineraries (reportlab, no Qt).

    programme_pdf(db, trip_id, "programme.pdf", language="de")
    personal_pdf(db, trip_id, membership_id, "weil.pdf", bilingual_with="zh")
    export_personal_pdfs(db, trip_id, "itineraries/", progress=callback)
"""

from __future__ import annotations

from planner.export.pdf.batch import export_personal_pdfs
from planner.export.pdf.filenames import FileNamer, itinerary_stem, safe_filename
from planner.export.pdf.layout import Paper
from planner.export.pdf.personal import personal_document, personal_pdf
from planner.export.pdf.programme import programme_document, programme_filename, programme_pdf

__all__ = [
    "FileNamer",
    "Paper",
    "export_personal_pdfs",
    "itinerary_stem",
    "personal_document",
    "personal_pdf",
    "programme_document",
    "programme_filename",
    "programme_pdf",
    "safe_filename",
]
