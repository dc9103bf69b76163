"""The delegation list for the hosts: members in order of precedence, both languages, portraits only where chosen."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from planner.cli.main import main
from planner.db.engine import Database
from planner.domain.briefing import ProfileOwner
from planner.domain.enums import Role
from planner.export.pdf.delegation_list import (
    delegation_language,
    delegation_list_document,
    delegation_list_filename,
    delegation_list_pdf,
    hosts_language,
)
from planner.export.pdf.fonts import missing_glyphs
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services import briefing
from tests.export.pdfcheck import reader, squeezed, text_of

SHENZHEN = DEMO_TRIPS / "hannover-shenzhen-2016.json"
HANNOVER = DEMO_TRIPS / "shenzhen-hannover-2016.json"


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 400), (120, 140, 160)).save(out, "JPEG")
    return out.getvalue()


def _images(data: bytes) -> int:
    count = 0
    for page in reader(data).pages:
        resources = page["/Resources"]
        objects = resources.get("/XObject") if resources is not None else None
        if objects is not None:
            count += sum(1 for ref in objects.get_object().values() if ref.get_object()["/Subtype"] == "/Image")
    return count


@pytest.mark.parametrize(("trip_file", "first", "second"), [(SHENZHEN, "zh", "de"), (HANNOVER, "de", "zh")], ids=["zh+de", "de+zh"])
def test_every_member_in_order_of_precedence_and_no_host(db: Database, trip_file: Path, first: str, second: str) -> None:
    view = TripView.load(db, import_trip_file(db, trip_file).id)
    assert hosts_language(view).value == first and delegation_language(view).value == second
    text = squeezed(text_of(delegation_list_document(view, language=first, second=second)))
    assert not missing_glyphs(text)
    places = []
    for member in view.delegation:
        person = member.person
        name = person.native_name if first == "zh" and person.native_name else f"{person.family_name}"
        assert squeezed(name) in text, name
        places.append(text.index(squeezed(name)))
    assert places == sorted(places)  # precedence, as the delegation page orders them
    for host in (m for m in view.members if m.role is Role.HOST):
        assert squeezed(host.person.family_name) not in text or host.person.family_name in {m.person.family_name for m in view.delegation}
    head = view.heads[0].person
    function_first = head.function.get(first) or head.function.en
    function_second = head.function.get(second)
    assert squeezed(function_first) in text and (not function_second or squeezed(function_second) in text)
    assert squeezed({"zh": "代表团名单", "de": "Delegationsliste"}[first]) in text


def test_the_closing_date_is_written_in_each_language_s_own_way(db: Database) -> None:
    """The "As of" line under the list once printed the German "Stand:" with a Chinese date (and the reverse)."""
    from datetime import date

    view = TripView.load(db, import_trip_file(db, SHENZHEN).id)
    for first, second in (("zh", "de"), ("de", "zh")):
        text = squeezed(text_of(delegation_list_document(view, language=first, second=second, issued=date(2016, 9, 1))))
        assert "Stand:1.September2016" in text and "信息截至2016年9月1日" in text
        assert "Stand:2016年9月1日" not in text and "信息截至1.September2016" not in text


def test_a_bilingual_label_breaks_after_its_slash_not_inside_a_word(db: Database) -> None:
    """The facts' labels once read "Delegationsleitung / 团" and "长" on the next line."""
    view = TripView.load(db, import_trip_file(db, HANNOVER).id)
    lines = [line.strip() for line in text_of(delegation_list_document(view, language="de", second="zh")).splitlines()]
    assert "团长" in lines and "参加人员" in lines  # each on a line of its own, under "Delegationsleitung /"
    assert not any(line.endswith("/ 团") or line.endswith("/ 参加") for line in lines)


def test_portraits_print_only_when_chosen(db: Database, tmp_path: Path) -> None:
    trip_id = import_trip_file(db, SHENZHEN).id
    view = TripView.load(db, trip_id)
    head = view.heads[0].person
    assert head.id is not None
    version = briefing.get_profile(db, ProfileOwner.PERSON, head.id).version  # the demo may hold a biography already
    briefing.set_portrait(db, ProfileOwner.PERSON, head.id, _jpeg(), version)
    with_pictures = delegation_list_pdf(db, trip_id, tmp_path / "with.pdf", language="zh", second="de")
    without = delegation_list_pdf(db, trip_id, tmp_path / "without.pdf", language="zh", second="de", portraits=False)
    assert _images(with_pictures.read_bytes()) == 1
    assert _images(without.read_bytes()) == 0
    # The participants' documents never carry it.
    from planner.export.pdf import programme_document, personal_document

    plain = TripView.load(db, trip_id)
    assert _images(programme_document(plain, language="de")) == _images(personal_document(plain, view.heads[0].id or 0, language="de")) == 0


def test_file_name_names_both_languages(db: Database) -> None:
    view = TripView.load(db, import_trip_file(db, HANNOVER).id)
    assert delegation_list_filename(view, "de", "zh").endswith("(de+zh).pdf")
    assert delegation_list_filename(view, "de").startswith("Delegationsliste")


def test_cli_takes_the_delegations_language_as_the_second(db_target: str, db: Database, tmp_path: Path) -> None:
    trip_id = import_trip_file(db, HANNOVER).id
    out = tmp_path / "list.pdf"
    assert main(["--db", db_target, "export-delegation-list", "--trip", str(trip_id), "--out", str(out), "--lang", "de"]) == 0
    text = squeezed(text_of(out.read_bytes()))
    assert squeezed("代表团名单") in text and squeezed("Delegationsliste") in text
    assert main(["--db", db_target, "export-delegation-list", "--trip", "999", "--out", str(out), "--lang", "de"]) == 1
