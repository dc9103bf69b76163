"""A person's data: a complete copy on request, and erasure that leaves no trace in new backups."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from planner.db.backup import make_backup
from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, PersonData, TripData
from planner.domain.enums import Role
from planner.domain.localized import LocalizedText as L
from planner.services import delegation, people, privacy, programme, trips

SECRET = "C9SECRET42"


def _setup(db: Database) -> tuple[int, int, int]:
    trip = trips.create_trip(db, TripData(title=L(de="Reise", en="Trip"), timezone="Asia/Shanghai", first_day=date(2016, 10, 24), last_day=date(2016, 10, 27))).id
    person = people.create_person(
        db,
        PersonData(
            family_name="Wehrmann", given_name="Jonas", email="jonas.unique@example.org", phone="+49 511 0000 115",
            passport_number=SECRET, nationality="DE", passport_expiry=date(2017, 2, 28), dietary_needs="vegetarian",
        ),
    ).id
    member = delegation.add_member(db, MembershipData(trip_id=trip, person_id=person, role=Role.MEMBER)).id
    programme.create_item(db, ItemData(trip_id=trip, title=L(en="Visit to EMAX"), timezone="Asia/Shanghai",
                                       start=datetime(2016, 10, 25, 2, tzinfo=UTC), end=datetime(2016, 10, 25, 4, tzinfo=UTC),
                                       everyone=False, participant_ids=(member,)))
    return trip, person, member


def test_report_holds_everything_about_the_person(db: Database) -> None:
    _trip, person, _member = _setup(db)
    report = privacy.person_report(db, person)
    text = json.dumps(report, ensure_ascii=False)
    assert report["person"]["passport_number"] == SECRET
    assert report["person"]["email"] == "jonas.unique@example.org"
    assert report["trips"][0]["role"] == "member"
    assert report["trips"][0]["programme"][0]["title"] == {"en": "Visit to EMAX"}
    assert "vegetarian" in text


def test_erase_keeps_the_trip_and_removes_every_detail(db: Database) -> None:
    trip, person, member = _setup(db)
    privacy.erase_person(db, person)
    erased = people.get_person(db, person)
    assert privacy.is_erased(erased)
    assert erased.passport_number == "" and erased.email == "" and erased.dietary_needs == ""
    assert [m.id for m in delegation.list_members(db, trip)] == [member]
    assert programme.list_items(db, trip)[0].participant_ids == (member,)


@pytest.mark.sqlite_file
def test_backups_made_after_erasure_do_not_hold_the_person(db: Database) -> None:
    _trip, person, _member = _setup(db)
    assert db.path is not None
    before = make_backup(db.path)
    assert SECRET.encode() in before.read_bytes()
    privacy.erase_person(db, person)
    after = make_backup(db.path)
    data = after.read_bytes()
    assert SECRET.encode() not in data
    assert b"jonas.unique@example.org" not in data
    assert SECRET.encode() not in db.path.read_bytes()


def test_report_holds_the_visa_and_the_gifts_and_erasure_removes_the_visa(db: Database) -> None:
    from decimal import Decimal

    from planner.domain.enums import GiftDirection, VisaStatus
    from planner.domain.protocol import GiftData, VisaData
    from planner.services import protocol

    trip, person, member = _setup(db)
    item = programme.list_items(db, trip)[0].id
    protocol.save_visa(db, VisaData(membership_id=member, status=VisaStatus.GRANTED, applied_on=date(2016, 9, 1), granted_on=date(2016, 9, 20)))
    protocol.add_gift(db, GiftData(item_id=item, direction=GiftDirection.RECEIVED, description=L(en="Tea set"), member_id=member,
                                   counterpart="EMAX", value=Decimal("80"), currency="CNY"))
    (entry,) = privacy.person_report(db, person)["trips"]
    assert entry["visa"] == {"status": "granted", "applied_on": "2016-09-01", "granted_on": "2016-09-20", "valid_until": None}
    assert [(g["description"], g["counterpart"], g["currency"]) for g in entry["gifts"]] == [({"en": "Tea set"}, "EMAX", "CNY")]
    privacy.erase_person(db, person)
    assert privacy.person_report(db, person)["trips"][0]["visa"] is None
