"""Forms of address where people are addressed: notices, the invitation letter, role labels, names first in Chinese."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from planner.db.engine import Database
from planner.domain.enums import Language
from planner.domain.organisations import as_subject
from planner.export.invitation import invitation
from planner.export.notices import notice_text
from planner.export.pdf import programme_document
from planner.export.pdf.letter import invitation_document
from planner.export.pdf.notice import notice_document
from planner.export.pdf.programme import make_context
from planner.export.pdf.layout import Paper
from planner.export.tripview import TripView
from planner.services.delegation import Member
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from tests.export.pdfcheck import reader, squeezed, text_of


@pytest.fixture
def visit(db: Database) -> TripView:
    """The Shenzhen mayor's visit to Hannover: hosts of the City of Hannover on the list."""
    return TripView.load(db, import_trip_file(db, DEMO_TRIPS / "shenzhen-hannover-2016.json").id)


def _member(view: TripView, family: str) -> Member:
    return next(m for m in view.members if m.person.family_name == family)


def test_the_notice_names_the_reader_by_office(visit: TripView) -> None:
    xu = _member(visit, "Xu")
    held = datetime(2016, 9, 1, 8, 0, tzinfo=UTC)
    german = squeezed(text_of(notice_document(visit, xu.id, [], language="de", held_number=1, held_at=held)))
    chinese = squeezed(text_of(notice_document(visit, xu.id, [], language="zh", held_number=1, held_at=held)))
    assert squeezed("Herr Bürgermeister Xu") in german and "HerrQinXu" not in german
    assert "许勤市长" in chinese


def test_the_text_notice_opens_with_the_greeting() -> None:
    text = notice_text(name="Sehr geehrter Herr Bürgermeister,", trip_title="Besuch", language="de", held_number=2,
                       held_at=datetime(2016, 9, 1, tzinfo=UTC), rows=[])
    assert text.splitlines()[2] == "Sehr geehrter Herr Bürgermeister,"


def test_german_roles_are_gendered_and_hosts_are_not_participants(visit: TripView) -> None:
    ctx = make_context(visit, "de", None, Paper.A4)
    bauer, yang = _member(visit, "Bauer"), _member(visit, "Yang")
    assert ctx.role(bauer.role, bauer.person) == "Dolmetscherin" and ctx.role(yang.role, yang.person) == "Dolmetscher"
    lindner = _member(visit, "Lindner")
    assert ctx.role(lindner.role, lindner.person) == "Gastgeberin"
    text = squeezed(text_of(programme_document(visit, language="de")))
    hosts = sum(1 for m in visit.members if m.role.value == "host")
    assert hosts and squeezed(f"Teilnehmende{len(visit.members) - hosts}") in text


def test_organisations_take_their_article_as_subjects() -> None:
    assert as_subject("Landeshauptstadt Hannover", Language.DE) == "Die Landeshauptstadt Hannover"
    assert as_subject("City of Hannover", Language.EN) == "The City of Hannover"
    assert as_subject("Büro für auswärtige Angelegenheiten der Stadtregierung Shenzhen", Language.DE).startswith("Das Büro")
    assert as_subject("Fantawild Holdings", Language.EN) == "Fantawild Holdings"  # a brand stays bare
    assert as_subject("hannoverimpuls GmbH und kre|H|tiv Netzwerk e.V.", Language.DE).startswith("hannoverimpuls")
    assert as_subject("深圳市人民政府", Language.ZH) == "深圳市人民政府"


def test_the_invitation_letter_opens_with_the_article_and_keeps_the_closing_with_the_body(visit: TripView) -> None:
    content = invitation(visit, language="de", second="en")
    data = invitation_document(content)
    text = squeezed(text_of(data))
    assert squeezed("Die Landeshauptstadt Hannover lädt") in text
    assert squeezed("The City of Hannover cordially invites") in text
    for page in reader(data).pages:  # "Mit freundlichen Grüßen" never opens a page without the request before it
        flat = squeezed(page.extract_text())
        for closing, request in (("MitfreundlichenGrüßen", "Visa"), ("Yoursfaithfully", "visas")):
            if closing in flat:
                assert request in flat[: flat.index(closing)]
