"""Calendar files: valid iCalendar with time zones, local times, stable UIDs and exactly the reader's items."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from planner.db.engine import Database
from planner.domain.errors import NotFoundError, ValidationError
from planner.export.ics import export_member_ics, item_uid, member_ics, trip_calendar, trip_ics
from planner.export.tripview import TripView
from planner.services.calendar_revisions import CalendarRevisions, calendar_revisions
from tests.export.builders import PEOPLE, DemoTrip
from tests.export.test_pdf_personal import ATTENDS

STAMP = datetime(2016, 10, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def view(db: Database, demo: DemoTrip) -> TripView:
    return TripView.load(db, demo.trip_id)


@pytest.fixture
def revisions(db: Database, demo: DemoTrip) -> CalendarRevisions:
    return calendar_revisions(db, demo.trip_id)


def uid(revisions: CalendarRevisions, demo: DemoTrip, item: str, person: int | None = None) -> str:
    return item_uid(demo.trip_id, revisions.of(demo.items[item].id).key, person)


def parsed(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(calendar: Calendar) -> dict[str, object]:
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_whole_trip_is_valid_icalendar(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    path = trip_ics(db, demo.trip_id, tmp_path / "trip.ics", language="en", stamp=STAMP)
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded as RFC 5545 asks
    calendar = parsed(raw)
    assert calendar["version"] == "2.0" and calendar["prodid"]
    found = list(calendar.walk("VEVENT"))
    assert len(found) == len(demo.items)
    for event in found:
        for required in ("uid", "dtstamp", "dtstart", "dtend", "summary"):
            assert required in event
        assert event["dtstamp"].dt == STAMP


def test_time_zones_and_local_times(view: TripView, demo: DemoTrip, revisions: CalendarRevisions) -> None:
    calendar = parsed(trip_calendar(view, language="de", revisions=revisions, stamp=STAMP).to_ical())
    zones = {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")}
    assert zones == {"Asia/Shanghai", "Europe/Berlin"}
    flight = events(calendar)[uid(revisions, demo, "flight")]
    assert flight["dtstart"].params["TZID"] == "Europe/Berlin"
    assert flight["dtend"].params["TZID"] == "Asia/Shanghai"
    assert flight["dtstart"].dt.replace(tzinfo=None) == datetime(2016, 10, 23, 13, 45)
    assert flight["dtend"].dt.replace(tzinfo=None) == datetime(2016, 10, 24, 6, 30)
    assert flight["dtstart"].dt == datetime(2016, 10, 23, 13, 45, tzinfo=ZoneInfo("Europe/Berlin"))
    raw = trip_calendar(view, language="de", revisions=revisions, stamp=STAMP).to_ical().decode()
    assert "DTSTART;TZID=Europe/Berlin:20161023T134500" in raw
    assert "DTEND;TZID=Asia/Shanghai:20161024T063000" in raw
    lunch = events(calendar)[uid(revisions, demo, "lunch")]
    assert lunch["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert lunch["dtstart"].dt.hour == 12


def test_texts_in_the_chosen_language_with_venue(view: TripView, demo: DemoTrip, revisions: CalendarRevisions) -> None:
    by_uid = events(trip_calendar(view, language="zh", revisions=revisions, stamp=STAMP))
    emax = by_uid[uid(revisions, demo, "emax")]
    assert str(emax["summary"]) == "参观易迈科技园"
    assert str(emax["location"]) == "易迈科技园，深圳市南山区科技园科苑路15号"  # Chinese punctuation in Chinese text
    assert "Li Wei (李伟)" in str(emax["description"]) and "+86 755 8888 1234" in str(emax["description"])
    described = str(emax["description"])
    assert "接待方：Li Wei (李伟)，国际事务部主任，+86 755 8888 1234" in described
    assert "着装要求：商务正装" in described and "参加人员：除Xu Qin、Jonathan Smith、Ayşe Özdemir外的全体人员" in described
    assert emax["geo"].latitude == pytest.approx(22.5421)
    english = events(trip_calendar(view, language="en", revisions=revisions, stamp=STAMP))
    located = str(english[uid(revisions, demo, "emax")]["location"])
    assert located == "EMAX Technology Park, 15 Keyuan Road, Science Park, Nanshan, Shenzhen (易迈科技园, 深圳市南山区科技园科苑路15号)"


def test_uids_are_stable_and_each_personal_calendar_has_its_own(db: Database, view: TripView, demo: DemoTrip, revisions: CalendarRevisions) -> None:
    first = set(events(trip_calendar(view, language="en", revisions=revisions, stamp=STAMP)))
    again = set(events(trip_calendar(view, language="de", revisions=calendar_revisions(db, demo.trip_id), stamp=datetime.now(UTC))))
    xu = demo.persons["xu"].id
    personal = set(events(trip_calendar(view, language="zh", revisions=revisions, membership_id=demo.member_id("xu"), stamp=STAMP)))
    assert first == again and len(first) == len(demo.items)
    assert personal == {u.replace("@", f"-person-{xu}@") for u in first if u in {uid(revisions, demo, k) for k in ATTENDS["xu"]}}


@pytest.mark.parametrize("key", sorted(ATTENDS))
def test_personal_calendar_has_exactly_the_persons_items(db: Database, demo: DemoTrip, tmp_path: Path, key: str) -> None:
    path = member_ics(db, demo.trip_id, demo.member_id(key), tmp_path / f"{key}.ics", stamp=STAMP)
    raw = path.read_bytes().decode()
    found = set(events(parsed(path.read_bytes())))
    revisions = calendar_revisions(db, demo.trip_id)
    expected = {uid(revisions, demo, k, demo.persons[key].id) for k in ATTENDS[key]}
    assert found == expected
    summaries = {str(e["summary"]) for e in parsed(path.read_bytes()).walk("VEVENT")}
    language = demo.persons[key].preferred_language
    assert summaries == {demo.items[k].title.text(language) for k in ATTENDS[key]}
    unfolded = raw.replace("\r\n ", "")
    for _role, person in PEOPLE.values():
        for private in (person.phone, person.email, person.passport_number):
            assert private not in unfolded


def test_export_for_all_members(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    paths = export_member_ics(db, demo.trip_id, tmp_path / "ics", stamp=STAMP)
    assert sorted(p.name for p in paths) == sorted([
        "Anna Müller.ics", "Ayşe Özdemir.ics", "Jonathan Smith.ics", "Olaf Lies.ics", "Stephan Weil.ics",
        "Xu Qin 许勤.ics", "Zhang Min 张敏.ics",
    ])
    xu = parsed((tmp_path / "ics" / "Xu Qin 许勤.ics").read_bytes())
    assert "市长午宴" in {str(e["summary"]) for e in xu.walk("VEVENT")}  # auto: her own language


def test_bad_input(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        member_ics(db, demo.trip_id, 4040, tmp_path / "x.ics")
    with pytest.raises(ValidationError, match="not a document language"):
        trip_ics(db, demo.trip_id, tmp_path / "x.ics", language="klingon")
    with pytest.raises(NotFoundError, match="There is no trip 77"):
        trip_ics(db, 77, tmp_path / "x.ics")


def test_calendar_without_events_is_still_valid(db: Database, demo: DemoTrip) -> None:
    from planner.domain.entities import MembershipData, PersonData
    from planner.services import delegation, people

    person = people.create_person(db, PersonData(family_name="Nobody", given_name="Ned")).after
    member = delegation.add_member(db, MembershipData(trip_id=demo.trip_id, person_id=person.id)).after
    # Without the items for everyone, the new member (on no list) has nothing to attend.
    bundle = TripView.load(db, demo.trip_id).bundle
    lonely = TripView(replace(bundle, items=tuple(i for i in bundle.items if not i.everyone)))
    revisions = calendar_revisions(db, demo.trip_id)
    calendar = parsed(trip_calendar(lonely, language="en", revisions=revisions, membership_id=member.id, stamp=STAMP).to_ical())
    assert list(calendar.walk("VEVENT")) == []
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
