"""A trip's embassy or consulate: saved as a list, undone by saving the list before, suggested for the demo pairs,
carried by trip files and trip copies, printed on the emergency page."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from planner.db.engine import Database
from planner.domain.errors import ValidationErrors
from planner.domain.localized import LocalizedText
from planner.domain.missions import EmergencyContactData, suggested_contacts
from planner.export.pdf import personal_document, programme_document
from planner.export.tripfile import trip_document
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services.emergency_contacts import save_emergency_contacts, suggestions, trip_emergency_contacts
from planner.services.trip_copy import duplicate_trip
from tests.export.pdfcheck import squeezed, text_of

CONSULATE = EmergencyContactData(
    name=LocalizedText(de="Generalkonsulat Guangzhou", en="Consulate General Guangzhou", zh="驻广州总领事馆"),
    address=LocalizedText(en="339 Huanshi Dong Lu, Guangzhou"),
    phone="+86 20 8313 0000",
)


def _demo(db: Database, stem: str) -> int:
    return import_trip_file(db, next(p for p in DEMO_TRIPS.glob("*.json") if p.stem.startswith(stem))).id


def test_save_replaces_the_list_and_undo_is_saving_the_list_before(db: Database) -> None:
    trip = _demo(db, "hannover-shenzhen")
    first = save_emergency_contacts(db, trip, [CONSULATE])
    assert first.before == () and [c.phone for c in first.after] == ["+86 20 8313 0000"]
    embassy = CONSULATE.evolve(name=LocalizedText(en="Embassy in Beijing"), phone="+86 10 8532 9000")
    second = save_emergency_contacts(db, trip, [embassy, CONSULATE])
    assert [c.name.en for c in trip_emergency_contacts(db, trip)] == ["Embassy in Beijing", "Consulate General Guangzhou"]
    save_emergency_contacts(db, trip, second.before)  # undo
    assert [c.name.en for c in trip_emergency_contacts(db, trip)] == ["Consulate General Guangzhou"]


def test_bad_contacts_are_refused_with_every_problem(db: Database) -> None:
    trip = _demo(db, "hannover-shenzhen")
    with pytest.raises(ValidationErrors) as caught:
        save_emergency_contacts(db, trip, [EmergencyContactData(phone="call me")])
    assert {e.field for e in caught.value.errors} == {"name", "phone"}
    assert trip_emergency_contacts(db, trip) == ()


def test_the_demo_pairs_get_their_consulates_marked_to_be_verified(db: Database) -> None:
    to_shenzhen = suggestions(db, _demo(db, "hannover-shenzhen"))
    to_hannover = suggestions(db, _demo(db, "shenzhen-hannover"))
    assert [c.name.de for c in to_shenzhen] == ["Generalkonsulat der Bundesrepublik Deutschland Guangzhou"]
    assert [c.name.zh for c in to_hannover] == ["中华人民共和国驻汉堡总领事馆"]
    assert all(c.to_verify and c.phone for c in (*to_shenzhen, *to_hannover))
    assert suggested_contacts("DE", "CN", LocalizedText(en="Beijing")) == ()  # Guangzhou's district only


def test_trip_files_and_copies_carry_them(db: Database, tmp_path: Path) -> None:
    trip = _demo(db, "hannover-shenzhen")
    save_emergency_contacts(db, trip, suggestions(db, trip))
    path = tmp_path / "trip.json"
    path.write_text(json.dumps(trip_document(db, trip), ensure_ascii=False), encoding="utf-8")
    again = import_trip_file(db, path).id
    assert trip_emergency_contacts(db, again)[0].to_verify
    assert trip_emergency_contacts(db, again)[0].name == trip_emergency_contacts(db, trip)[0].name
    copy = duplicate_trip(db, trip, title=LocalizedText(en="Next year"), first_day=date(2017, 10, 23)).id
    assert [c.phone for c in trip_emergency_contacts(db, copy)] == ["+86 20 8313 0000"]


def test_the_emergency_page_lists_the_consulate_and_the_phones(db: Database) -> None:
    trip = _demo(db, "hannover-shenzhen")
    save_emergency_contacts(db, trip, suggestions(db, trip))
    view = TripView.load(db, trip)
    text = squeezed(text_of(programme_document(view, language="de")))
    page = text[text.rindex(squeezed("Notfälle und Kontakte")):]
    assert squeezed("Generalkonsulat der Bundesrepublik Deutschland Guangzhou") in page and "+862083130000" in page
    head = view.heads[0]
    assert squeezed(head.person.phone) in page  # the head of delegation with the phone to call
    assert all(squeezed(m.person.phone) in page for m in view.staff if m.person.phone)  # organising team, interpreters
    # Accommodation is the hotel the delegation checks in to, not the guest house of the banquet.
    assert squeezed("InterContinental Shenzhen") in page[page.index("Unterkunft"):]
    assert "Wuzhou" not in page[page.index("Unterkunft"):]
    reader = squeezed(text_of(personal_document(view, head.id, language="zh")))
    assert "中华人民共和国" not in reader and squeezed("德意志联邦共和国驻广州总领事馆") in reader
