"""Issue 16's done-when scenario: a Chinese copy for a look issues nothing; issuing does; a change reaches each person in their language.

Export in Chinese for a look (no issue), issue, change the programme (move a
visit, cancel one for a member): a German member gets a German notice citing
the version they hold, and the calendar files exported again carry the raised
SEQUENCE and the cancellation, read with a strict parser.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from planner import formatting
from planner.db.engine import Database
from planner.domain.enums import Language
from planner.export.ics import export_member_ics
from planner.export.language import DocumentLanguage
from planner.export.pdf import export_personal_pdfs
from planner.export.pdf.notice import FILE_WORD, write_notices
from planner.export.pdf.programme import VERSION_OF
from planner.services import issuing, programme
from planner.services.issued_history import load_issued
from tests.export.builders import DemoTrip, build_demo_trip
from tests.export.icscheck import strict_events
from tests.export.pdfcheck import squeezed, text_of


def _calendars(db: Database, demo: DemoTrip, folder: Path) -> dict[str, dict[str, object]]:
    paths = export_member_ics(db, demo.trip_id, folder)
    return {p.stem: strict_events(p.read_bytes()) for p in paths}  # type: ignore[misc]


def _event(calendar: dict[str, object], title: str) -> object:
    (found,) = [e for e in calendar.values() if title in str(e["SUMMARY"])]  # type: ignore[index]
    return found


def test_a_look_in_chinese_then_issue_then_change(db: Database, tmp_path: Path) -> None:
    demo = build_demo_trip(db)
    trip = demo.trip_id

    # A Chinese copy of every itinerary, for a look: nothing is issued, nobody holds a printout.
    look = export_personal_pdfs(db, trip, tmp_path / "look", language="zh", workers=1)
    version_1 = squeezed(DocumentLanguage.of("zh").t(VERSION_OF, number=1, date="")).rstrip()
    assert len(look) == 7 and all(version_1 not in squeezed(text_of(path)) for path in look)
    assert issuing.list_versions(db, trip) == []
    assert len(issuing.pending_changes(db, trip).never_issued) == 7

    # Issuing: each in their own language (Smith bilingual, German first), with the calendars.
    everyone = [m for m in issuing.pending_changes(db, trip).never_issued if m.person.id != demo.persons["smith"].id]
    export_personal_pdfs(db, trip, tmp_path / "v1", [m.id for m in everyone], workers=1, issue=True)
    export_personal_pdfs(db, trip, tmp_path / "v1", [demo.member_id("smith")], language="de", bilingual_with="en", workers=1, issue=True)
    assert [v.number for v in issuing.list_versions(db, trip)] == [1, 2]
    assert version_1 in squeezed(text_of(tmp_path / "v1" / "Xu Qin 许勤.pdf"))  # what the copy for a look did not say
    held = {copy.person_id: copy.language for record in load_issued(db, trip) for copy in record.copies}
    assert held[demo.persons["weil"].id] is Language.DE and held[demo.persons["xu"].id] is Language.ZH
    assert held[demo.persons["smith"].id] is Language.DE  # a bilingual printout counts in its first language
    before = _calendars(db, demo, tmp_path / "ics1")

    # The change: the EMAX visit moves by an hour; Olaf Lies no longer goes to the mayor.
    emax = programme.get_item(db, demo.items["emax"].id)
    programme.move_item(db, emax.id, emax.version, emax.start + timedelta(hours=1))
    mayor = programme.get_item(db, demo.items["mayor"].id)
    programme.update_item(db, mayor.evolve(participant_ids=tuple(p for p in mayor.participant_ids if p != demo.member_id("lies"))))

    # Stephan Weil (German) gets a German notice citing version 1, the one he holds.
    state = issuing.pending_changes(db, trip)
    assert {c.member.person.family_name for c in state.outdated} == {"Weil", "Lies", "Zhang", "Müller", "Xu"}
    write_notices(db, trip, tmp_path / "notices")
    de = DocumentLanguage.of("de")
    weil = (tmp_path / "notices" / f"Stephan Weil – {de.t(FILE_WORD)}.txt").read_text(encoding="utf-8")
    issued_on = formatting.long_date(issuing.list_versions(db, trip)[0].issued_at.astimezone().date(), "de")
    assert f"Ihr gedruckter Reiseplan (Version 1 vom {issued_on}) ist nicht mehr aktuell." in weil
    assert "Besuch des EMAX Technologieparks" in weil and "Besuch" in weil and "Visit" not in weil
    assert "Version 1" in text_of(tmp_path / "notices" / f"Stephan Weil – {de.t(FILE_WORD)}.pdf")
    lies = (tmp_path / "notices" / f"Olaf Lies – {de.t(FILE_WORD)}.txt").read_text(encoding="utf-8")
    assert "Gespräch mit dem Bürgermeister von Shenzhen" in lies
    zh = DocumentLanguage.of("zh")
    assert (tmp_path / "notices" / f"Xu Qin 许勤 – {zh.t(FILE_WORD)}.txt").exists()

    # The calendars exported again: the moved visit with a higher SEQUENCE, the mayor cancelled for Lies alone.
    after = _calendars(db, demo, tmp_path / "ics2")
    was, now = _event(before["Stephan Weil"], "EMAX"), _event(after["Stephan Weil"], "EMAX")
    assert str(now["UID"]) == str(was["UID"]) and now["SEQUENCE"] > was["SEQUENCE"]  # type: ignore[index]
    assert now["DTSTART"].dt == was["DTSTART"].dt + timedelta(hours=1) and "LAST-MODIFIED" in now  # type: ignore[index, operator]
    was, now = _event(before["Olaf Lies"], "Bürgermeister von Shenzhen"), _event(after["Olaf Lies"], "Bürgermeister von Shenzhen")
    assert str(now["UID"]) == str(was["UID"]) and str(now["STATUS"]) == "CANCELLED"  # type: ignore[index]
    assert now["SEQUENCE"] > was["SEQUENCE"] and str(now["SUMMARY"]).startswith("Abgesagt: ")  # type: ignore[index]
    assert str(_event(after["Stephan Weil"], "Bürgermeister von Shenzhen")["STATUS"]) == "CONFIRMED"  # type: ignore[index]
    assert len(after["Olaf Lies"]) == len(before["Olaf Lies"])
