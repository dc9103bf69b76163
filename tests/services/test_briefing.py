"""Briefings of items and profiles of people and contacts: saved whole, undoable, erased with the person."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.briefing import ItemBriefingData, ProfileData, ProfileOwner
from planner.domain.errors import ConflictError, ValidationError
from planner.domain.localized import LocalizedText as L
from planner.domain.portraits import MAX_PORTRAIT_BYTES
from planner.services import briefing, privacy, programme
from planner.services.base import Action
from tests.services.conftest import count, new_item, new_person, new_trip, new_venue


def _photo_with_gps(size: tuple[int, int] = (320, 400), fmt: str = "JPEG") -> bytes:
    """A photo as a phone writes it: EXIF with the camera, the moment and a GPS position."""
    image = Image.new("RGB", size, (180, 120, 90))
    exif = image.getexif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0132] = "2016:10:25 09:30:00"
    exif[0x8825] = {1: "N", 2: (22.0, 32.0, 36.0), 3: "E", 4: (114.0, 3.0, 0.0)}
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif.tobytes())
    return out.getvalue()


def test_an_item_briefing_is_saved_read_and_undone(db: Database) -> None:
    item = new_item(db, new_trip(db))
    assert briefing.get_briefing(db, item.id).is_empty()
    first = briefing.save_briefing(db, ItemBriefingData(
        id=item.id, objective=L(de="Kooperation anbahnen", en="Open a cooperation"), talking_points=L(en="VR for trade fairs"),
    ))
    assert first.action is Action.UPDATED and first.before.is_empty()
    assert briefing.get_briefing(db, item.id).objective.de == "Kooperation anbahnen"
    second = briefing.save_briefing(db, first.after.evolve(minutes=L(en="Pilot agreed for 2017")))
    assert briefing.trip_briefings(db, item.trip_id)[item.id].minutes.en == "Pilot agreed for 2017"
    # Undo goes through saving `before` again, at the current version.
    briefing.save_briefing(db, second.before.evolve(version=second.after.version))
    assert briefing.get_briefing(db, item.id).minutes.is_empty()
    assert briefing.get_briefing(db, item.id).talking_points.en == "VR for trade fairs"


def test_a_briefing_does_not_touch_the_item_itself(db: Database) -> None:
    """Talking points are internal: saving them must not make participants' printouts look outdated."""
    item = new_item(db, new_trip(db))
    briefing.save_briefing(db, ItemBriefingData(id=item.id, objective=L(en="Listen first")))
    after = programme.get_item(db, item.id)
    assert after.version == item.version


def test_a_stale_briefing_save_is_refused(db: Database) -> None:
    item = new_item(db, new_trip(db))
    briefing.save_briefing(db, ItemBriefingData(id=item.id, objective=L(en="One")))
    with pytest.raises(ConflictError):
        briefing.save_briefing(db, ItemBriefingData(id=item.id, objective=L(en="Two")))  # read before the first was saved


def test_a_briefing_goes_with_its_item(db: Database) -> None:
    item = new_item(db, new_trip(db))
    briefing.save_briefing(db, ItemBriefingData(id=item.id, background=L(en="Met in August at HALLE96")))
    programme.delete_item(db, item.id)
    assert count(db, m.ItemBriefing) == 0


def test_a_portrait_is_stored_without_exif_or_gps(db: Database) -> None:
    person = new_person(db)
    raw = _photo_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif()  # the test photo does carry them
    change = briefing.set_portrait(db, ProfileOwner.PERSON, person.id, raw, None)
    stored = briefing.get_profile(db, ProfileOwner.PERSON, person.id).portrait
    assert stored is not None and stored.mime == "image/jpeg" and stored.size == (320, 400)
    image = Image.open(io.BytesIO(stored.data))
    assert not image.getexif()
    assert b"PhoneMaker" not in stored.data and b"2016:10:25" not in stored.data
    assert change.after.portrait == stored


def test_a_png_portrait_stays_a_png_and_large_ones_are_scaled_down(db: Database) -> None:
    person = new_person(db)
    briefing.set_portrait(db, ProfileOwner.PERSON, person.id, _photo_with_gps((2400, 1800), "PNG"), None)
    stored = briefing.get_profile(db, ProfileOwner.PERSON, person.id).portrait
    assert stored is not None and stored.mime == "image/png" and max(stored.size) == 1200


@pytest.mark.parametrize(("data", "message"), [
    (b"%PDF-1.4 not a picture", "The portrait must be a JPEG or PNG image."),
    (b"\xff\xd8\xff" + b"0" * (MAX_PORTRAIT_BYTES + 1), "The portrait is 2.0 MB; it may be at most 2 MB."),
])
def test_a_bad_portrait_is_refused_with_one_line(db: Database, data: bytes, message: str) -> None:
    person = new_person(db)
    with pytest.raises(ValidationError) as refused:
        briefing.set_portrait(db, ProfileOwner.PERSON, person.id, data, None)
    assert str(refused.value) == message and refused.value.field == "portrait"
    assert count(db, m.PersonProfile) == 0


def test_a_gif_is_refused(db: Database) -> None:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="GIF")
    with pytest.raises(ValidationError, match="JPEG or PNG"):
        briefing.set_portrait(db, ProfileOwner.PERSON, new_person(db).id, out.getvalue(), None)


def test_biography_and_portrait_are_saved_apart_and_undone_together(db: Database) -> None:
    person = new_person(db)
    bio = briefing.set_biography(db, ProfileOwner.PERSON, person.id, L(de="Seit 2015 Bürgermeister.", zh="2015年起任市长。"), None)
    photo = briefing.set_portrait(db, ProfileOwner.PERSON, person.id, _photo_with_gps(), bio.after.version)
    assert photo.after.biography.zh == "2015年起任市长。" and photo.after.portrait is not None
    undone = briefing.save_profile(db, photo.before.evolve(version=photo.after.version))
    assert undone.after.portrait is None and undone.after.biography.de == "Seit 2015 Bürgermeister."


def test_a_contact_has_a_profile_too(db: Database) -> None:
    venue = new_venue(db, contacts=("Lin Zhiyuan",))
    contact_id = venue.contacts[0].id
    briefing.save_profile(db, ProfileData(id=contact_id, owner=ProfileOwner.CONTACT, biography=L(en="Vice-mayor since 2014")))
    assert briefing.get_profile(db, ProfileOwner.CONTACT, contact_id).biography.en == "Vice-mayor since 2014"
    assert briefing.get_profile(db, ProfileOwner.PERSON, new_person(db).id).is_empty()


def test_erasing_a_person_removes_their_portrait_and_biography(db: Database) -> None:
    person = new_person(db)
    briefing.set_biography(db, ProfileOwner.PERSON, person.id, L(en="Born in Hannover, studied design."), None)
    briefing.set_portrait(db, ProfileOwner.PERSON, person.id, _photo_with_gps(), 1)
    other = new_person(db, "Xu", "Qin")
    briefing.set_biography(db, ProfileOwner.PERSON, other.id, L(en="Mayor of Shenzhen"), None)
    privacy.erase_person(db, person.id)
    assert briefing.get_profile(db, ProfileOwner.PERSON, person.id).is_empty()
    assert count(db, m.PersonProfile) == 1  # the other person's stays
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM person_profile WHERE person_id = %d" % person.id).scalar() == 0
    report = privacy.person_report(db, other.id)
    assert report["profile"] == {"biography": {"en": "Mayor of Shenzhen"}, "portrait": None}


def test_the_person_report_names_the_portrait(db: Database) -> None:
    person = new_person(db)
    briefing.set_portrait(db, ProfileOwner.PERSON, person.id, _photo_with_gps(), None)
    assert privacy.person_report(db, person.id)["profile"]["portrait"] == "image/jpeg"


def test_a_profile_of_a_missing_person_is_refused(db: Database) -> None:
    from planner.domain.errors import NotFoundError

    with pytest.raises(NotFoundError):
        briefing.set_biography(db, ProfileOwner.PERSON, 999, L(en="Nobody"), None)


def test_briefings_follow_ups_and_biographies_that_name_an_erased_person_are_listed(db: Database) -> None:
    from planner.domain.briefing import FollowUpData
    from planner.services import follow_ups
    from planner.services.erasure import find_mentions

    person = new_person(db, "Quellmalz", "Hildegard")
    item = new_item(db, new_trip(db), title="Workshop")
    briefing.save_briefing(db, ItemBriefingData(id=item.id, talking_points=L(en="Thank Ms Quellmalz for the introduction")))
    follow_ups.create_follow_up(db, FollowUpData(trip_id=item.trip_id, what=L(en="Send photos"), who="Hildegard Quellmalz's office"))
    venue = new_venue(db, contacts=("Lin Zhiyuan",))
    briefing.set_biography(db, ProfileOwner.CONTACT, venue.contacts[0].id, L(en="Studied with Hildegard Quellmalz."), None)
    found = find_mentions(db, person, skip_person_id=person.id)
    assert sorted((m.what.msgid, m.field.msgid) for m in found) == [
        ("follow-up", "who"), ("programme item", "briefing"), ("venue contact", "biography"),
    ]


@pytest.mark.sqlite_file
def test_erasing_everywhere_leaves_no_biography_or_portrait_in_the_file(db_path: Path) -> None:
    from planner.db.engine import open_database
    from planner.services.erasure import erase_everywhere

    db = open_database(db_path)
    try:
        person = new_person(db, "Quellmalz", "Hildegard")
        briefing.set_biography(db, ProfileOwner.PERSON, person.id, L(en="Unmistakable-Biography-Words"), None)
        briefing.set_portrait(db, ProfileOwner.PERSON, person.id, _photo_with_gps(), 1)
        stored = briefing.get_profile(db, ProfileOwner.PERSON, person.id).portrait
        assert stored is not None
        erase_everywhere(db, person.id)
    finally:
        db.close()
    data = db_path.read_bytes()
    assert b"Unmistakable-Biography-Words" not in data and stored.data[200:260] not in data
