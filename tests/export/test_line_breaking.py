"""Every document of both demo trips, read as a protocol officer reads it: lines broken as the languages require.

Each document kind (programme, personal itineraries, change notices, invitation
letter, seating plans, gift register, arrivals list, taxi cards) is rendered in German,
Chinese, English and bilingual. The lines are recorded as Line draws them,
which is what the line breaker decided, and checked: no line starts with
closing punctuation or ends with an opening bracket, no phone number or time
is split, no Chinese character stands alone on a last line that could have
company. The pages are read back: each has its page number; no page but a
document's last stops above 15 % of its text frame (taxi cards excepted: one
card per page by design); the fonts are embedded subsets; German and English
quotes are set in the Latin face.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from planner import formatting
from planner.db.engine import Database
from planner.export.invitation import invitation
from planner.export.language import DocumentLanguage
from planner.export.pdf import export_personal_pdfs, programme_document
from planner.export.pdf.cards import cards_document
from planner.export.pdf.flowables import Line
from planner.export.pdf.fonts import FONT, LATIN, LATIN_BOLD, missing_glyphs
from planner.export.pdf.layout import BOTTOM, TOP
from planner.export.pdf.arrivals import arrivals_document
from planner.export.pdf.gifts import gifts_document
from planner.export.rooming_list import rooming_bytes, rooming_languages, trip_hotels
from planner.export.pdf.letter import invitation_document
from planner.export.pdf.notice import write_notices
from planner.export.pdf.personal import personal_document
from planner.export.pdf.programme import PAGE_OF
from planner.export.pdf.seating import MARGIN, plan_for, seating_document
from planner.export.manifest import manifests
from planner.export.pdf import manifest as manifest_pdf
from planner.export.pdf.manifest import manifest_document
from planner.export.pdf.briefing import BriefingContent, briefing_document
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services import programme
from tests.export.pdfcheck import SUBSET_PREFIX, fonts_of, page_fill, reader

DEMO_FILES = sorted(DEMO_TRIPS.glob("*.json"))
ISSUED = date(2016, 10, 10)

CLOSING = set("，。、；：？！）」』】》〉〕］｝”’,.;:!?)]}")
OPENING = set("（「『【《〈〔［｛“‘„([{")
PHONE = re.compile(r"\+?\d[\d ()/.\-–]{5,}\d")
TIME_RANGE = re.compile(r"\d{1,2}:\d{2}\s?[–-]\s?\d{1,2}:\d{2}")


@dataclass(frozen=True)
class Drawn:
    """One Line as drawn: its lines of text (between <br/>s) and the printed lines each was broken into."""

    hard: tuple[str, ...]
    rows: tuple[tuple[int, int, int], ...]  # (hard line, start, end)

    def printed(self) -> Iterator[str]:
        for line, start, end in self.rows:
            yield self.hard[line][start:end]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Drawn]:
    """Every Line drawn while the test runs."""
    found: list[Drawn] = []
    original = Line.drawOn

    def record(self: Line, canvas: object, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803 - reportlab's name
        if self.height:
            rows = self.rows(self._rows_width if self._rows_width is not None else self.width)
            found.append(Drawn(tuple(line.text for line in self.hard), tuple((r.line, r.start, r.end) for r in rows)))
        original(self, canvas, x, y, _sW)

    monkeypatch.setattr(Line, "drawOn", record)
    return found


def every_document(db: Database, trip_id: int, folder: Path) -> dict[str, tuple[bytes, str]]:
    """Each document kind of the trip in de, zh, en and bilingual: name -> (PDF, language of its page numbers)."""
    view = TripView.load(db, trip_id)
    documents: dict[str, tuple[bytes, str]] = {}
    for lang, second in (("de", None), ("zh", None), ("en", None), ("de", "zh"), ("zh", "en")):
        name = f"{lang}+{second}" if second else lang
        documents[f"programme {name}"] = (programme_document(view, language=lang, bilingual_with=second, issued=ISSUED), lang)
        member = view.members[len(documents) % len(view.members)]
        documents[f"itinerary {member.person.name} {name}"] = (
            personal_document(view, member.id, language=lang, bilingual_with=second, issued=ISSUED), lang)
        documents[f"gifts {lang}"] = (gifts_document(view, language=lang, issued=ISSUED), lang)
        documents[f"arrivals {lang}"] = (arrivals_document(view, language=lang, issued=ISSUED), lang)
        documents[f"cards {lang}"] = (cards_document(view, language=lang, four_up=second is not None), lang)
        letter = invitation(view, language=lang, second=second)
        documents[f"invitation {name}"] = (invitation_document(letter, issued=ISSUED), lang)
    content = BriefingContent.load(db, trip_id)
    for lang in ("de", "zh", "en"):
        documents[f"briefing {lang}"] = (briefing_document(content, language=lang, issued=ISSUED), lang)
    one = invitation(view).invited[0]
    documents["invitation for one"] = (invitation_document(invitation(view, membership_id=one.id), issued=ISSUED),
                                       invitation(view).languages[0].language.value)
    meals = [item for item in view.items if item.kind is not None and item.kind.value == "meal"][:1]
    meeting = [item for item in view.items if item.kind is not None and item.kind.value != "meal" and view.attendees(item)][:1]
    plans = [plan_for(db, view, item.id) for item in (*meals, *meeting)]
    for hotel in trip_hotels(view):  # in the hotel's language with English, and in the others
        for lang in (None, "de", "zh"):
            first, _english = rooming_languages(hotel, lang)
            documents[f"rooming {first.locale} {hotel.id}"] = (rooming_bytes(view, hotel, ".pdf", language=lang, issued=ISSUED),
                                                               first.locale)
    for lang, second in (("de", None), ("zh", "de"), ("en", "zh")):
        documents[f"seating {lang}+{second}"] = (seating_document(view, plans, language=lang, second=second, issued=ISSUED), lang)
    for lang in ("de", "zh", "en"):  # the drivers' manifests: the first day's vehicles
        for manifest in manifests(view)[:3]:
            documents[f"manifest {lang} {manifest.day} {manifest.vehicle.label}"] = (manifest_document(view, manifest, language=lang), lang)
    # Every participant's itinerary in their own language, issued; then a change, and the notices it calls for.
    for path in export_personal_pdfs(db, trip_id, folder / "issued", issued=ISSUED, workers=1, issue=True):
        documents[path.name] = (path.read_bytes(), "")
    first = view.items[0]
    assert first.start is not None
    programme.move_item(db, first.id, None, first.start + timedelta(minutes=30))
    for path in write_notices(db, trip_id, folder / "notices"):
        if path.suffix == ".pdf":
            documents[path.name] = (path.read_bytes(), "")
    return documents


def _pages_text(data: bytes, scratch: Path) -> list[str]:
    """The text of each page as poppler's pdftotext reads it (CI installs poppler-utils; pypdf is ten times slower)."""
    scratch.write_bytes(data)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(scratch), "-"], capture_output=True, check=True, text=True).stdout
    return out.split("\f")[:-1]


def _frame_margins(name: str) -> tuple[float, float] | None:
    """The top and bottom margin of the text frame of the document called `name`, or None where fill says nothing.

    Taxi cards are exempt: each card is a fixed-size card (one A6 page, or a quarter of an A4 sheet cut
    along the marks), laid out to be handed to a driver, never flowed on to fill a page.
    """
    kind = name.split()[0]
    if kind == "cards":
        return None
    if kind == "seating":
        return MARGIN, MARGIN  # landscape plan pages (seating.py); each plan opens its own page
    if kind == "manifest":
        return manifest_pdf.MARGIN, manifest_pdf.MARGIN + 4 * mm
    return TOP, BOTTOM  # every flowed document: programme, itineraries, notices, letters, gift register


def _page_labels(page: int, pages: int) -> set[str]:
    return {"".join(DocumentLanguage.of(lang).t(PAGE_OF, page=formatting.integer(page, DocumentLanguage.of(lang).locale),
                                                pages=formatting.integer(pages, DocumentLanguage.of(lang).locale)).split())
            for lang in ("de", "zh", "en")}


def _opens_at_end(row: str) -> bool:
    """A line ending with an opening bracket, or a quote that opens (German closes with “ and ‘, after a word)."""
    if not row or row[-1] not in OPENING:
        return False
    return row[-1] not in "“‘" or len(row) == 1 or row[-2].isspace()


def _latin_letter(ch: str) -> bool:
    return ch.isalpha() and ord(ch) < 0x2E80


def _lonely_last(rows: list[str]) -> bool:
    """A broken line whose last printed line is one Chinese character (with its punctuation)."""
    letters = [ch for ch in rows[-1] if ch.isalnum()]
    return len(rows) > 1 and len(letters) == 1 and "\u4e00" <= letters[0] <= "\u9fff"


@pytest.mark.parametrize("trip_file", DEMO_FILES, ids=lambda p: p.stem)
def test_every_document_breaks_lines_as_the_languages_require(db: Database, tmp_path: Path, drawn: list[Drawn],
                                                              trip_file: Path) -> None:
    trip_id = import_trip_file(db, trip_file).id
    documents = every_document(db, trip_id, tmp_path)
    kinds = {name.split()[0] for name in documents}
    assert {"programme", "itinerary", "gifts", "cards", "invitation", "seating", "manifest", "briefing", "rooming"} <= kinds
    assert any("Änderung" in name or "变更" in name or "Change" in name for name in documents), "no change notice written"

    printed = [(d, list(d.printed())) for d in drawn]
    assert sum(len(rows) > len(d.hard) for d, rows in printed) > 50, "hardly any paragraph was broken: nothing checked"
    bad_starts = {row for _, rows in printed for row in rows[1:] if row and row[0] in CLOSING}
    assert not bad_starts, f"lines starting with closing punctuation: {sorted(bad_starts)[:5]}"
    bad_ends = {row for _, rows in printed for row in rows if _opens_at_end(row)}
    assert not bad_ends, f"lines ending with an opening bracket: {sorted(bad_ends)[:5]}"

    phones = split = 0
    for d, _ in printed:
        for index, line in enumerate(d.hard):
            pieces = [(start, end) for hard, start, end in d.rows if hard == index]
            for match in (*PHONE.finditer(line), *TIME_RANGE.finditer(line)):
                phones += 1
                if not any(start <= match.start() and match.end() <= end for start, end in pieces):
                    split += 1
                    pytest.fail(f"split across lines: {match.group()!r} in {line!r}")
    assert phones > 100 and split == 0

    cut_words = [(d.hard[h][:e], d.hard[h][e:]) for d in drawn for (h, _, e), (h2, s2, _) in zip(d.rows, d.rows[1:])
                 if h == h2 and e == s2 and _latin_letter(d.hard[h][e - 1]) and _latin_letter(d.hard[h][e])]
    assert not cut_words, f"a word cut in two: {cut_words[:3]}"

    broken = [[d.hard[index][s:e] for h, s, e in d.rows if h == index] for d in drawn for index in range(len(d.hard))]
    lonely = [rows for rows in broken if _lonely_last(rows)]
    assert not lonely, f"a Chinese character alone on a last line: {lonely[:3]}"

    sparse: list[str] = []
    for name, (data, _) in documents.items():
        pages = _pages_text(data, tmp_path / "read.pdf")
        assert len(pages) == len(reader(data).pages)
        for number, text in enumerate(pages, start=1):
            squeezed = "".join(text.split())
            assert any(label in squeezed for label in _page_labels(number, len(pages))), f"{name}: page {number} has no page number"
        margins = _frame_margins(name)
        if margins is not None:
            fill = page_fill(data, *margins)
            sparse.extend(f"{name}: page {number} is {share:.0%} filled" for number, share in enumerate(fill[:-1], start=1)
                          if share < 0.15)
        fonts = {f.base_font.split("+", 1)[-1] for f in fonts_of(data)}
        assert all(SUBSET_PREFIX.match(f.base_font) and f.embedded for f in fonts_of(data)), name
        assert fonts <= {FONT + "-0", "NotoSans-Regular", "NotoSans-Bold"}, (name, fonts)
    assert not sparse, f"near-empty pages before a document's last: {sparse}"


def test_german_quotes_are_set_in_the_latin_face_and_names_mix_both(db: Database) -> None:
    """„ “ and … in German text come from Noto Sans; "Xu Qin 许勤" switches face in the middle of the line."""
    trip_id = import_trip_file(db, DEMO_FILES[0]).id
    view = TripView.load(db, trip_id)
    data = programme_document(view, language="de", bilingual_with="zh", issued=ISSUED)
    assert not missing_glyphs("".join(page.extract_text() or "" for page in reader(data).pages))
    faces: dict[str, set[str]] = {}

    def visit(text: str, _cm: object, _tm: object, font: object, _size: float) -> None:
        if font is not None and text.strip():
            name = str(font["/BaseFont"]).split("+", 1)[-1]  # type: ignore[index]
            for ch in text:
                faces.setdefault(ch, set()).add(name)

    for page in reader(data).pages:
        page.extract_text(visitor_text=visit)
    latin = {f"{LATIN}-Regular", LATIN_BOLD}
    assert faces.get("ü", set()) <= latin and faces.get("ü")
    assert faces.get("许", set()) == {FONT + "-0"}
    for mark in "„“–":
        if mark in faces:
            assert faces[mark] & latin, mark
