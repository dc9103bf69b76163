"""Issued itineraries say their version; change notices say what changed, old beside new, in the reader's language."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from planner.db.engine import Database
from planner.domain.enums import Language
from planner.export.language import DocumentLanguage
from planner.export.pdf import export_personal_pdfs
from planner.export.pdf.notice import FILE_WORD, write_notices
from planner.export.pdf.programme import VERSION_OF
from planner.services import issuing, programme
from tests.export.builders import DemoTrip
from tests.export.pdfcheck import STANDARD_14, fonts_of, squeezed, text_of


def footer(language: str, number: int, day: date) -> str:
    from planner import formatting

    lang = DocumentLanguage.of(language)
    return lang.t(VERSION_OF, number=number, date=formatting.long_date(day, lang.locale))


def test_exported_itineraries_are_issued_and_say_their_version(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    day = date(2016, 10, 20)
    paths = export_personal_pdfs(db, demo.trip_id, tmp_path, [demo.member_id("weil"), demo.member_id("xu")], issued=day, workers=1, issue=True)
    assert squeezed(footer("de", 1, day)) in squeezed(text_of(paths[0]))
    assert squeezed(footer("zh", 1, day)) in squeezed(text_of(paths[1]))
    (version,) = issuing.list_versions(db, demo.trip_id)
    assert version.number == 1 and [pid for pid, _n in version.recipients] == [demo.persons["weil"].id, demo.persons["xu"].id]
    again = export_personal_pdfs(db, demo.trip_id, tmp_path / "again", [demo.member_id("smith")], issued=day, workers=1, issue=True)
    assert squeezed(footer("en", 2, day)) in squeezed(text_of(again[0]))
    preview = export_personal_pdfs(db, demo.trip_id, tmp_path / "draft", [demo.member_id("smith")], issued=day, workers=1, issue=False)
    assert "Version" not in text_of(preview[0]) and len(issuing.list_versions(db, demo.trip_id)) == 2


def test_notices_only_for_outdated_printouts_each_in_its_language(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    export_personal_pdfs(db, demo.trip_id, tmp_path / "v1", workers=1, issue=True)
    assert write_notices(db, demo.trip_id, tmp_path / "none") == []  # no change, no notice
    lunch = demo.items["lunch"]
    programme.move_item(db, lunch.id, None, lunch.start + timedelta(hours=1))
    paths = write_notices(db, demo.trip_id, tmp_path / "notices")
    attending = issuing.pending_changes(db, demo.trip_id).needs_printout
    assert len(paths) == 2 * len(attending) > 0
    for member in attending:
        lang = member.person.preferred_language
        stem = f"{member.person.full_name.replace(' (', ' ').rstrip(')')} – {DocumentLanguage.of(lang).t(FILE_WORD)}"
        pdf, txt = tmp_path / "notices" / f"{stem}.pdf", tmp_path / "notices" / f"{stem}.txt"
        assert pdf.exists() and txt.exists(), stem
        title = DocumentLanguage.of(lang).text(lunch.title)
        assert title in txt.read_text(encoding="utf-8")
        assert squeezed(title) in squeezed(text_of(pdf))
        assert not any(f.base_font in STANDARD_14 or not f.embedded for f in fonts_of(pdf))
    xu = next(m for m in attending if m.person.family_name == "Xu")
    assert xu.person.preferred_language is Language.ZH
    text = (tmp_path / "notices" / f"Xu Qin 许勤 – {DocumentLanguage.of('zh').t(FILE_WORD)}.txt").read_text(encoding="utf-8")
    assert "10月24日星期一" in text and "13:00–14:30" in text and "12:00–13:30" in text
