"""The demo trip, as issue 12 tells it: issue version 1, change the programme, notify exactly the people it touches, reissue to them alone."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from planner.db.engine import Database
from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind
from planner.domain.localized import LocalizedText as L
from planner.export.language import DocumentLanguage
from planner.export.pdf import export_personal_pdfs
from planner.export.pdf.notice import FILE_WORD, write_notices
from planner.importing.demo import load_demo
from planner.services import delegation, issuing, programme
from tests.export.pdfcheck import text_of

SHANGHAI = ZoneInfo("Asia/Shanghai")
#: The music round table's group, who go to a concert instead of the banquet.
MUSIC = ("Schirmeyer", "Brandt", "Hartung", "Kleinschmidt", "Seidel", "Wehrmann", "Huang")
PRESS = ("Eisenschmidt", "Reinecke", "Zhou")


def test_issue_change_notify_and_reissue_on_the_demo_trip(db: Database, tmp_path: Path) -> None:
    trip = load_demo(db)[0].id
    members = delegation.list_members(db, trip)
    by_name = {m.person.family_name: m for m in members}
    first = export_personal_pdfs(db, trip, tmp_path / "v1", workers=1, issue=True)
    assert len(first) == 23
    assert "Version 1" in text_of(tmp_path / "v1" / "Peter Eisenschmidt.pdf")  # "Version 1 vom …" in the footer
    assert issuing.pending_changes(db, trip).outdated == ()

    items = programme.list_items(db, trip)
    emax = next(i for i in items if "EMAX" in i.title.en)
    programme.move_item(db, emax.id, emax.version, emax.start + timedelta(hours=4, minutes=30))
    banquet = next(i for i in items if "banquet" in i.title.en)
    music = {by_name[n].id for n in MUSIC}
    programme.update_item(db, banquet.evolve(everyone=False, participant_ids=tuple(m.id for m in members if m.id not in music)))
    hotel = next(i for i in items if i.kind is ItemKind.CHECK_IN).venue_id
    start = datetime(2016, 10, 27, 8, 30, tzinfo=SHANGHAI)
    press = programme.create_item(db, ItemData(
        trip_id=trip, kind=ItemKind.PRESS, venue_id=hotel, timezone="Asia/Shanghai", start=start, end=start + timedelta(minutes=45),
        title=L(de="Interview mit der Shenzhen Daily", zh="《深圳日报》采访", en="Interview with Shenzhen Daily"),
        everyone=False, participant_ids=tuple(by_name[n].id for n in PRESS),
    )).after

    # The Overview's list: everyone attends the EMAX visit, so everyone needs a new printout, each for their own reasons.
    state = issuing.pending_changes(db, trip)
    assert [c.member.id for c in state.outdated] == [m.id for m in members]
    reasons = {c.member.person.family_name: sorted(d.item.title.en for d in c.changes) for c in state.outdated}
    assert reasons["Eisenschmidt"] == ["Evening banquet hosted by the Shenzhen Municipal Government", "Interview with Shenzhen Daily",
                                      "Visit to the VR start-up EMAX"]
    assert reasons["Vogt"] == ["Evening banquet hosted by the Shenzhen Municipal Government", "Visit to the VR start-up EMAX"]
    kinds = {c.member.person.family_name: {d.item.title.en: d.kinds for d in c.changes} for c in state.outdated}
    banquet_title = "Evening banquet hosted by the Shenzhen Municipal Government"
    assert {n for n, k in kinds.items() if k[banquet_title] == ("cancelled",)} == set(MUSIC)
    assert {n for n, k in kinds.items() if "Interview with Shenzhen Daily" in k} == set(PRESS)

    # Each notice in the language of the printout its reader holds.
    paths = write_notices(db, trip, tmp_path / "notices")
    assert len(paths) == 2 * 23
    def notice(stem: str, language: str, suffix: str = ".txt") -> Path:
        return tmp_path / "notices" / f"{stem} – {DocumentLanguage.of(language).t(FILE_WORD)}{suffix}"

    de = notice("Peter Eisenschmidt", "de").read_text(encoding="utf-8")
    assert "Mittwoch, 26. Oktober: Besuch des VR-Start-ups EMAX" in de and "14:00–16:00 Uhr" in de and "09:30–11:30 Uhr" in de
    assert "Donnerstag, 27. Oktober" in de and "Interview mit der Shenzhen Daily, 08:30–09:15 Uhr" in de
    zh = notice("Huang Xiaowen 黄晓雯", "zh").read_text(encoding="utf-8")
    assert "10月25日星期二" in zh and "深圳市人民政府欢迎晚宴" in zh and "Interview" not in zh
    en = notice("Emma Whitfield", "en").read_text(encoding="utf-8")
    assert "Wednesday, 26 October: Visit to the VR start-up EMAX" in en and "Huang Xiaowen" in en
    assert "Visit to the VR start-up EMAX" in text_of(notice("Emma Whitfield", "en", ".pdf"))

    # Version 2 to them alone (everyone here), then a change for three of them: version 3 to those three alone.
    needing = issuing.members_needing(state)
    export_personal_pdfs(db, trip, tmp_path / "v2", needing, workers=1, issue=True)
    assert issuing.pending_changes(db, trip).outdated == ()
    programme.move_item(db, press.id, press.version, press.start + timedelta(minutes=30))
    state = issuing.pending_changes(db, trip)
    assert sorted(c.member.person.family_name for c in state.outdated) == sorted(PRESS)
    written = export_personal_pdfs(db, trip, tmp_path / "v3", issuing.members_needing(state), workers=1, issue=True)
    assert len(written) == 3 and "Version 3" in text_of(written[0])
    versions = issuing.list_versions(db, trip)
    assert [(v.number, len(v.recipients)) for v in versions] == [(1, 23), (2, 23), (3, 3)]
    assert {name.split(" (")[0].split()[-1] for _pid, name in versions[2].recipients} == {"Eisenschmidt", "Reinecke", "Meiling"}
    assert issuing.pending_changes(db, trip).outdated == ()
