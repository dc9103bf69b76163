"""Calendar files that update the calendars they went into: stable UIDs, rising SEQUENCE, cancellations instead of gaps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Event

from planner.db.engine import Database
from planner.domain.enums import Language, TripStatus
from planner.export.ics import member_ics, trip_ics
from planner.services import delegation, issuing, programme, trips
from planner.services.calendar_revisions import calendar_revisions
from tests.export.builders import DemoTrip
from tests.export.icscheck import strict_events

STAMP = datetime(2016, 10, 1, 8, 0, tzinfo=UTC)
MAYOR = "Bürgermeister von Shenzhen"  # Weil's and Lies's calendars are in German


def trip_events(db: Database, demo: DemoTrip, path: Path, language: str = "en") -> dict[str, Event]:
    return strict_events(trip_ics(db, demo.trip_id, path, language=language, stamp=STAMP).read_bytes())


def member_events(db: Database, demo: DemoTrip, key: str, path: Path) -> dict[str, Event]:
    return strict_events(member_ics(db, demo.trip_id, demo.member_id(key), path, stamp=STAMP).read_bytes())


def by_title(found: dict[str, Event], title: str) -> Event:
    (event,) = [e for e in found.values() if title in str(e["SUMMARY"])]
    return event


def issue_all(db: Database, demo: DemoTrip) -> None:
    issuing.issue(db, demo.trip_id, issuing.languages_for(delegation.list_members(db, demo.trip_id)))


def test_uids_stay_when_the_itineraries_are_issued(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    before = trip_events(db, demo, tmp_path / "a.ics")
    issue_all(db, demo)
    after = trip_events(db, demo, tmp_path / "b.ics")
    assert set(before) == set(after) and len(after) == len(demo.items)
    keys = calendar_revisions(db, demo.trip_id).live
    assert {str(after[u]["SUMMARY"]) for u in after} == {i.title.en for i in demo.items.values()}
    assert all(f"-event-{keys[i.id].key}@" in "".join(after) for i in demo.items.values())


def test_a_change_raises_the_sequence_of_that_event_alone(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    first = trip_events(db, demo, tmp_path / "1.ics")
    emax, lunch = by_title(first, "EMAX"), by_title(first, "Lunch")
    item = programme.get_item(db, demo.items["emax"].id)
    assert item.start is not None
    programme.move_item(db, item.id, item.version, item.start + timedelta(hours=1))
    second = trip_events(db, demo, tmp_path / "2.ics")
    moved = second[str(emax["UID"])]
    assert moved["SEQUENCE"] == emax["SEQUENCE"] + 1
    assert moved["DTSTART"].dt == emax["DTSTART"].dt + timedelta(hours=1)
    assert moved["LAST-MODIFIED"].dt >= emax["LAST-MODIFIED"].dt and moved["LAST-MODIFIED"].dt > STAMP
    assert second[str(lunch["UID"])]["SEQUENCE"] == lunch["SEQUENCE"]
    # The trip's status is on every event: confirming a draft (or the reverse) raises every sequence.
    trips.update_trip(db, trips.get_trip(db, demo.trip_id).evolve(status=TripStatus.DRAFT))
    third = trip_events(db, demo, tmp_path / "3.ics")
    assert all(third[u]["SEQUENCE"] == second[u]["SEQUENCE"] + 1 for u in second)
    assert {str(e["STATUS"]) for e in third.values()} == {"TENTATIVE"}


def test_a_deleted_item_is_cancelled_in_every_calendar_that_had_it(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    issue_all(db, demo)
    trip_before = trip_events(db, demo, tmp_path / "trip1.ics")
    weil_before = member_events(db, demo, "weil", tmp_path / "weil1.ics")
    press, weil_press = by_title(trip_before, "Press"), by_title(weil_before, "Press")
    programme.delete_item(db, demo.items["press"].id)

    trip_after = trip_events(db, demo, tmp_path / "trip2.ics")
    gone = trip_after[str(press["UID"])]
    assert str(gone["STATUS"]) == "CANCELLED" and str(gone["SUMMARY"]) == "Cancelled: Press conference"
    assert gone["SEQUENCE"] > press["SEQUENCE"] and gone["DTSTART"].dt == press["DTSTART"].dt
    assert gone["LAST-MODIFIED"].dt > STAMP and str(gone["TRANSP"]) == "TRANSPARENT"
    assert len(trip_after) == len(trip_before)
    weil_after = member_events(db, demo, "weil", tmp_path / "weil2.ics")
    assert str(weil_after[str(weil_press["UID"])]["STATUS"]) == "CANCELLED"
    assert weil_after[str(weil_press["UID"])]["SEQUENCE"] == gone["SEQUENCE"]
    lies = member_events(db, demo, "lies", tmp_path / "lies.ics")  # never had the press conference
    assert not any("Press" in str(e["SUMMARY"]) for e in lies.values())
    german = trip_events(db, demo, tmp_path / "trip-de.ics", "de")
    assert str(german[str(press["UID"])]["SUMMARY"]) == "Abgesagt: Pressekonferenz"


def test_someone_taken_off_an_item_finds_it_cancelled_in_their_calendar(db: Database, demo: DemoTrip, tmp_path: Path) -> None:
    issue_all(db, demo)
    lies_before, weil_before = member_events(db, demo, "lies", tmp_path / "l1.ics"), member_events(db, demo, "weil", tmp_path / "w1.ics")
    mayor = programme.get_item(db, demo.items["mayor"].id)
    programme.update_item(db, mayor.evolve(participant_ids=tuple(p for p in mayor.participant_ids if p != demo.member_id("lies"))))

    lies_after = member_events(db, demo, "lies", tmp_path / "l2.ics")
    was, now = by_title(lies_before, MAYOR), by_title(lies_after, MAYOR)
    assert str(now["UID"]) == str(was["UID"]) and f"-person-{demo.persons['lies'].id}@" in str(now["UID"])
    assert str(was["STATUS"]) == "CONFIRMED" and str(now["STATUS"]) == "CANCELLED" and now["SEQUENCE"] > was["SEQUENCE"]
    assert len(lies_after) == len(lies_before)
    weil_now = by_title(member_events(db, demo, "weil", tmp_path / "w2.ics"), MAYOR)
    assert str(weil_now["STATUS"]) == "CONFIRMED" and weil_now["SEQUENCE"] > by_title(weil_before, MAYOR)["SEQUENCE"]
    assert str(by_title(trip_events(db, demo, tmp_path / "t.ics", "de"), MAYOR)["STATUS"]) == "CONFIRMED"
    # Put back on the item, the event takes place again for them, with a sequence higher still.
    mayor = programme.get_item(db, mayor.id)
    programme.update_item(db, mayor.evolve(participant_ids=(*mayor.participant_ids, demo.member_id("lies"))))
    again = by_title(member_events(db, demo, "lies", tmp_path / "l3.ics"), MAYOR)
    assert str(again["STATUS"]) == "CONFIRMED" and again["SEQUENCE"] > now["SEQUENCE"]


@pytest.mark.parametrize("language", [Language.ZH])
def test_cancelled_titles_in_chinese_use_chinese_punctuation(db: Database, demo: DemoTrip, tmp_path: Path, language: Language) -> None:
    issue_all(db, demo)
    programme.delete_item(db, demo.items["press"].id)
    found = trip_events(db, demo, tmp_path / "zh.ics", language.value)
    assert "已取消：新闻发布会" in {str(e["SUMMARY"]) for e in found.values()}
