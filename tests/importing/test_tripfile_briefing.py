"""Briefings, biographies, portraits and follow-ups in trip files: kept through export and import, mistakes named by place."""

from __future__ import annotations

import base64
import copy
import io
from datetime import date
from typing import Any

import pytest
from PIL import Image

from planner.db.engine import Database
from planner.domain.briefing import FollowUpData, FollowUpStatus, ItemBriefingData, ProfileOwner
from planner.domain.localized import LocalizedText as L
from planner.export.tripfile import trip_document
from planner.importing.tripfile import read_trip_document
from planner.importing.tripfile_errors import TripFileError
from planner.importing.tripfile_schema import schema_problems
from planner.services import briefing, delegation, follow_ups, programme
from planner.services.transfer import import_trip_bundle, load_trip_bundle
from tests.sample_trips import build_shenzhen_trip

Document = dict[str, Any]


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (60, 80), (90, 140, 200))
    exif = image.getexif()
    exif[0x8825] = {1: "N", 2: (22.0, 32.0, 36.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def _briefed_trip(db: Database) -> int:
    trip = build_shenzhen_trip(db)
    items = programme.list_items(db, trip)
    members = delegation.list_members(db, trip)
    head = members[0].person
    briefing.save_briefing(db, ItemBriefingData(
        id=items[1].id, objective=L(de="Pilotprojekt vereinbaren", zh="商定试点项目", en="Agree a pilot"),
        talking_points=L(en="VR for trade fairs"), avoid=L(en="Trade disputes"), minutes=L(en="Pilot agreed"),
    ))
    briefing.set_biography(db, ProfileOwner.PERSON, head.id, L(de="Seit 2010 bei hannoverimpuls.", en="With hannoverimpuls since 2010."), None)
    briefing.set_portrait(db, ProfileOwner.PERSON, head.id, _jpeg_with_gps(), 1)
    host = next(i for i in items if i.host_contact_id is not None)
    briefing.set_biography(db, ProfileOwner.CONTACT, host.host_contact_id, L(zh="创始人兼首席执行官。"), None)
    follow_ups.create_follow_up(db, FollowUpData(
        trip_id=trip, what=L(en="Send the pilot proposal"), who_person_id=head.id, due=date(2016, 12, 1), item_id=items[1].id,
    ))
    follow_ups.create_follow_up(db, FollowUpData(
        trip_id=trip, what=L(de="Gegenbesuch vorbereiten", en="Prepare the return visit"), who="Protokoll", status=FollowUpStatus.DONE,
        origin=L(en="Cooperation agreement, October 2015"), agreed_on=date(2015, 10, 20),
    ))
    return trip


def test_export_import_export_keeps_the_briefing(db: Database) -> None:
    trip = _briefed_trip(db)
    document = trip_document(db, trip)
    assert schema_problems(document) == []
    assert document["programme"][1]["briefing"]["objective"]["zh"] == "商定试点项目"
    assert document["people"][0]["biography"]["en"] == "With hannoverimpuls since 2010."
    assert document["people"][0]["portrait"]["type"] == "image/jpeg"
    assert [f["what"]["en"] for f in document["follow_ups"]] == ["Send the pilot proposal", "Prepare the return visit"]
    assert document["follow_ups"][0]["who_person"] == "p1" and document["follow_ups"][0]["item"] == "i2"
    first = import_trip_bundle(db, read_trip_document(document)).id
    assert trip_document(db, first) == document
    second = import_trip_bundle(db, load_trip_bundle(db, first, portraits=True)).id  # not validated: the services check again
    assert trip_document(db, second) == document


def test_a_file_without_private_details_has_no_portraits(db: Database) -> None:
    document = trip_document(db, _briefed_trip(db), include_private=False)
    assert "portrait" not in document["people"][0] and document["people"][0]["biography"]
    assert schema_problems(document) == []


def test_a_portrait_in_a_file_is_cleaned_on_import(db: Database) -> None:
    document = trip_document(db, _briefed_trip(db))
    document["people"][0]["portrait"]["data"] = base64.b64encode(_jpeg_with_gps()).decode("ascii")
    imported = import_trip_bundle(db, read_trip_document(document)).id
    head = delegation.list_members(db, imported)[0].person
    stored = briefing.get_profile(db, ProfileOwner.PERSON, head.id).portrait
    assert stored is not None and not Image.open(io.BytesIO(stored.data)).getexif()


def test_a_follow_up_of_someone_outside_the_file_names_them_in_words(db: Database) -> None:
    trip = build_shenzhen_trip(db)
    from planner.services import people
    from planner.domain.entities import PersonData

    outsider = people.create_person(db, PersonData(family_name="Samii", given_name="Madjid")).after
    follow_ups.create_follow_up(db, FollowUpData(trip_id=trip, what=L(en="Clinic plans"), who_person_id=outsider.id))
    (entry,) = trip_document(db, trip)["follow_ups"]
    assert entry["who_person"] is None and "Samii" in entry["who"]


def _problems(document: Document) -> list[str]:
    with pytest.raises(TripFileError) as refused:
        read_trip_document(document)
    return [str(p) for p in refused.value.problems]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["people"][0]["portrait"].update(data="not base64!"), "$.people[0].portrait.data: The portrait data is not base64 text."),
    (lambda d: d["people"][0]["portrait"].update(data=base64.b64encode(b"GIF89a....").decode()),
     "$.people[0].portrait: The portrait must be a JPEG or PNG image."),
    (lambda d: d["follow_ups"][0].update(item="i99"),
     "$.follow_ups[0].item: “i99” does not name a programme entry: “programme” has no entry 99."),
    (lambda d: d["follow_ups"][0].update(who_person="p77"), "$.follow_ups[0].who_person: No person in “people” has the key “p77”."),
    (lambda d: d["follow_ups"][0].update(status="later"), "$.follow_ups[0].status"),
])
def test_mistakes_are_named_by_their_place(db: Database, change: Any, expected: str) -> None:
    document = copy.deepcopy(trip_document(db, _briefed_trip(db)))
    change(document)
    assert any(p.startswith(expected) for p in _problems(document)), _problems(document)
