"""Invitation letters: the host's letter in the host country's language and English, the invited with their passports, nobody else's data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.db.engine import Database
from planner.domain.enums import Role
from planner.domain.errors import NotFoundError, PlannerError
from planner.export.invitation import CostBearer, invitation, letter_languages
from planner.export.pdf.fonts import missing_glyphs
from planner.export.pdf.letter import invitation_document, invitation_pdf
from planner.export.tripview import TripView
from planner.services import delegation
from tests.export.pdfcheck import reader, squeezed, text_of
from tests.export.protocol_support import HANNOVER_FILE, SHENZHEN_FILE, demo_document, import_demo, private_values

DAY = date(2016, 9, 12)


@pytest.fixture
def shenzhen(db: Database) -> TripView:
    return TripView.load(db, import_demo(db, SHENZHEN_FILE))


@pytest.fixture
def hannover(db: Database) -> TripView:
    return TripView.load(db, import_demo(db, HANNOVER_FILE))


def test_languages_follow_the_host_country() -> None:
    assert [lang.locale for lang in letter_languages("CN")] == ["zh", "en"]
    assert [lang.locale for lang in letter_languages("DE")] == ["de", "en"]
    assert [lang.locale for lang in letter_languages("GB")] == ["en"]
    assert [lang.locale for lang in letter_languages("CN", "de", None)] == ["de"]
    assert [lang.locale for lang in letter_languages("", None, "zh")] == ["en", "zh"]


def test_the_invited_are_the_travellers_from_abroad_in_protocol_order(shenzhen: TripView) -> None:
    content = invitation(shenzhen)
    names = [m.person.family_name for m in content.invited]
    # Not the hosts (Chen, Liu), not the Chinese interpreters travelling in their own country (Zhou, Huang).
    assert names[:3] == ["Eisenschmidt", "Schirmeyer", "Vogt"] and len(names) == 19
    assert not {"Chen", "Liu", "Zhou", "Huang"} & set(names)
    assert content.host.person.family_name == "Chen" and content.head is not None and content.head.person.family_name == "Eisenschmidt"
    assert [v.name.en for v in content.sites()][:2] == ["Shenzhen Civic Center (seat of the Municipal Government)", "Fantawild Holdings – headquarters"]


def test_chinese_english_letter_for_the_hannover_delegation(shenzhen: TripView) -> None:
    data = invitation_document(invitation(shenzhen), issued=DAY)
    text = squeezed(text_of(data))
    assert not missing_glyphs(text_of(data))
    # The host's letterhead in Chinese first, then English; the Chinese letter before the English one.
    assert text.index("深圳市人民政府外事办公室") < text.index(squeezed("Foreign Affairs Office of the Shenzhen"))
    assert text.index("2016年10月24日") < text.index(squeezed("from 24 October 2016 to 27 October 2016"))
    assert squeezed("Dear Sir or Madam,") in text
    assert squeezed("led by Mr Peter Eisenschmidt (hannoverimpuls GmbH)") in text
    assert squeezed("The delegation bears all costs of its journey and stay.") in text
    # Every invited person with passport and birth details, in protocol order.
    document = demo_document(SHENZHEN_FILE)
    travellers = [p for p in document["people"] if p["key"] in {f"p{n}" for n in range(1, 20)}]
    positions = [text.index(p["passport_number"]) for p in travellers]
    assert positions == sorted(positions)
    assert all(squeezed(f"{p['given_name']} {p['family_name']}") in text for p in travellers)
    assert "Hildesheim" in text and "1968/4/12" in text  # Peter Eisenschmidt, born in Hildesheim
    assert reader(data).trailer["/Root"]["/Lang"] == "zh-CN"


def test_the_letter_holds_no_detail_it_does_not_need(shenzhen: TripView) -> None:
    text = text_of(invitation_document(invitation(shenzhen), issued=DAY))
    secret = private_values(SHENZHEN_FILE, ("email", "phone", "dietary_needs", "accessibility_needs", "notes"))
    assert secret and [value for value in secret if value in text] == []
    assert "E20SAMPLE" not in text  # Zhou Meiling travels with them, but needs no visa for China


def test_a_letter_for_one_person_names_only_that_person(shenzhen: TripView) -> None:
    vogt = next(m for m in shenzhen.members if m.person.family_name == "Vogt")
    text = squeezed(text_of(invitation_document(invitation(shenzhen, membership_id=vogt.id, costs=CostBearer.HOST_LOCAL), issued=DAY)))
    assert "C03SAMPLE" in text and "Braunschweig" in text
    others = [p for p in private_values(SHENZHEN_FILE, ("passport_number",)) if p != "C03SAMPLE"]
    assert [p for p in others if p in text] == []
    assert squeezed("Dear Professor Vogt,") in text
    assert squeezed("invites Prof. Martin Vogt (Hannover University of Applied Sciences") in text
    assert squeezed("bears the costs of accommodation, meals and local transport") in text


def test_german_english_letter_for_the_visit_to_hannover(hannover: TripView) -> None:
    data = invitation_document(invitation(hannover, costs="host-all"), issued=date(2016, 8, 1))
    text = squeezed(text_of(data))
    assert text.index("LandeshauptstadtHannover") < text.index(squeezed("City of Hannover"))
    assert squeezed("led by Mayor Xu Qin (Shenzhen Municipal People's Government)") in text
    assert "XuQin" in text and "许勤" in text and "XuQin," not in text  # family name first, no comma
    assert squeezed("City of Hannover bears all costs of the journey and the stay.") in text
    assert "Bauer" not in text  # the German interpreter needs no visa for Germany
    assert reader(data).trailer["/Root"]["/Lang"] == "de-DE"


def test_without_a_host_there_is_no_letter(db: Database, shenzhen: TripView) -> None:
    for member in shenzhen.members:
        if member.role is Role.HOST:
            delegation.remove_member(db, member.id)
    with pytest.raises(PlannerError, match="add the host to the delegation"):
        invitation(TripView.load(db, shenzhen.trip.id))


def test_bad_choices_are_clear_errors(shenzhen: TripView) -> None:
    host = next(m for m in shenzhen.members if m.role is Role.HOST)
    with pytest.raises(PlannerError, match="is a host, and hosts are not invited"):
        invitation(shenzhen, membership_id=host.id)
    with pytest.raises(PlannerError, match="not a choice for the costs"):
        invitation(shenzhen, costs="someone")
    with pytest.raises(NotFoundError):
        invitation(shenzhen, membership_id=4040)


def test_the_file_is_private(db: Database, shenzhen: TripView, tmp_path: Path) -> None:
    path = invitation_pdf(db, shenzhen.trip.id, tmp_path / "letter.pdf", issued=DAY)
    assert path.stat().st_mode & 0o077 == 0


def test_cli_letters(db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trip_id = import_demo(db, HANNOVER_FILE)
    db.close()
    out = tmp_path / "letter.pdf"
    args = ["--lang", "en", "--db", str(db_path), "export-invitation", "--trip", str(trip_id)]
    assert main([*args, "--out", str(out), "--costs", "host-local", "--letterhead", "Trammplatz 2\\n30159 Hannover", "--date", "2016-08-01"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}"
    text = text_of(out)
    assert "Trammplatz 2" in text and "30159 Hannover" in text and "1 August 2016" in text
    assert main([*args, "--out", str(tmp_path / "each"), "--member", "all", "--second", "none"]) == 0
    written = [Path(line.removeprefix("Wrote ")) for line in capsys.readouterr().out.splitlines()]
    assert len(written) == 12 and all(p.exists() for p in written)
    assert written[0].name.endswith(" – Xu Qin 许勤.pdf")  # "Einladungsschreiben – …" once the catalog has it
    with pytest.raises(SystemExit) as exit_info:
        main([*args, "--out", str(out), "--member", "x"])
    assert exit_info.value.code == 2
    assert "is not a member id or “all”" in capsys.readouterr().err
