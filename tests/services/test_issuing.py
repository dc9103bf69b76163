"""Issued versions: who holds which printout, what changed for each, in their language, across time zones."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from planner.db.engine import Database
from planner.db.models import IssuedCopy, IssuedVersion
from planner.domain.entities import ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.enums import ItemKind, Language, Role
from planner.domain.errors import ConflictError, NotFoundError
from planner.domain.enums import ChangeKind
from planner.domain.localized import LocalizedText as L
from planner.export.language import DocumentLanguage
from planner.export.notices import MOVED, notice_rows, notice_text
from planner.services import delegation, issuing, people, programme, restore, trips, venues
from planner.services.privacy import erase_person, person_report

SHANGHAI, BERLIN = "Asia/Shanghai", "Europe/Berlin"


@dataclass
class Trip:
    id: int
    members: dict[str, int]  # family name -> membership id
    items: dict[str, int]  # short name -> item id
    venues: dict[str, int]


def at(tz_hours: int, *args: int) -> datetime:
    """A wall-clock time at a fixed UTC offset, as aware UTC."""
    from datetime import timezone

    return datetime(*args).replace(tzinfo=timezone(timedelta(hours=tz_hours))).astimezone(UTC)


@pytest.fixture
def trip(db: Database) -> Trip:
    trip_id = trips.create_trip(db, TripData(
        title=L(de="Reise nach Shenzhen", zh="深圳访问", en="Visit to Shenzhen"), destination_country="CN", timezone=SHANGHAI,
        first_day=date(2016, 10, 23), last_day=date(2016, 10, 27),
    )).id
    members = {}
    for family, given, native, lang in (
        ("Weil", "Stephan", "", Language.DE), ("Xu", "Qin", "许勤", Language.ZH), ("Whitfield", "Emma", "", Language.EN),
    ):
        person = people.create_person(db, PersonData(family_name=family, given_name=given, native_name=native, preferred_language=lang)).id
        members[family] = delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=person, role=Role.MEMBER)).id
    hall = venues.create_venue(db, VenueData(name=L(de="Rathaus", zh="市政府", en="City hall"), timezone=SHANGHAI)).id
    emax = venues.create_venue(db, VenueData(name=L(en="EMAX"), timezone=SHANGHAI)).id

    def item(title: str, start: datetime, end: datetime, **kw: object) -> int:
        data = ItemData(trip_id=trip_id, kind=kw.pop("kind", ItemKind.SITE_VISIT), title=L(de=f"{title} (de)", zh=f"{title}（中）", en=title),
                        start=start, end=end, timezone=kw.pop("timezone", SHANGHAI)).evolve(**kw)
        return programme.create_item(db, data).id

    items = {
        "flight": item("Flight", at(2, 2016, 10, 23, 18, 30), at(8, 2016, 10, 24, 14, 15), kind=ItemKind.TRAVEL, timezone=BERLIN,
                       end_timezone=SHANGHAI),
        "visit": item("EMAX visit", at(8, 2016, 10, 25, 10, 0), at(8, 2016, 10, 25, 12, 0), venue_id=emax),
        "dinner": item("Dinner", at(8, 2016, 10, 25, 19, 0), at(8, 2016, 10, 25, 21, 0), kind=ItemKind.MEAL, venue_id=hall),
        "talk": item("Round table", at(8, 2016, 10, 26, 15, 0), at(8, 2016, 10, 26, 17, 0), kind=ItemKind.MEETING, everyone=False,
                     participant_ids=(members["Xu"], members["Whitfield"])),
    }
    return Trip(trip_id, members, items, {"hall": hall, "emax": emax})


def issue_all(db: Database, trip: Trip) -> issuing.VersionSummary:
    return issuing.issue(db, trip.id, issuing.languages_for(delegation.list_members(db, trip.id)))


def pending(db: Database, trip: Trip) -> dict[str, set[tuple[str, tuple[ChangeKind, ...]]]]:
    """Who needs a new printout: family name -> {(English item title, kinds)}."""
    state = issuing.pending_changes(db, trip.id)
    return {changes.member.person.family_name: {(c.item.title.en, c.kinds) for c in changes.changes} for changes in state.outdated}


def move(db: Database, item_id: int, delta: timedelta) -> None:
    item = programme.get_item(db, item_id)
    programme.move_item(db, item_id, item.version, item.start + delta)


# --- issuing ----------------------------------------------------------------------------------------


def test_issuing_records_numbered_versions_and_no_change_means_no_notice(db: Database, trip: Trip) -> None:
    assert issuing.next_number(db, trip.id) == 1
    state = issuing.pending_changes(db, trip.id)
    assert state.last_number == 0 and len(state.never_issued) == 3 and not state.outdated
    first = issue_all(db, trip)
    assert first.number == 1 and [name for _pid, name in first.recipients] == ["Stephan Weil", "Xu Qin (许勤)", "Emma Whitfield"]
    state = issuing.pending_changes(db, trip.id)
    assert state.last_number == 1 and not state.outdated and not state.never_issued and len(state.up_to_date) == 3
    second = issuing.issue(db, trip.id, {trip.members["Xu"]: Language.EN})
    assert second.number == 2 and second.person_ids == (delegation.list_members(db, trip.id)[1].person.id,)
    assert [v.number for v in issuing.list_versions(db, trip.id)] == [1, 2]
    assert pending(db, trip) == {}


def test_a_version_stores_each_printed_item_once_and_each_copy_as_its_item_keys(db: Database, trip: Trip) -> None:
    issue_all(db, trip)
    with db.engine.connect() as conn:
        content = conn.execute(select(IssuedVersion.content)).scalar_one()
        copies = {language: keys for language, keys in conn.execute(select(IssuedCopy.language, IssuedCopy.item_keys))}
    assert [i["title"]["en"] for i in content["items"]] == ["Flight", "EMAX visit", "Dinner", "Round table"]
    assert sorted(content["delegations"]) == ["de", "en", "zh"]
    assert [name for _pid, name in content["delegations"]["zh"]] == ["Stephan Weil", "许勤", "Emma Whitfield"]
    keys = [i["key"] for i in content["items"]]
    assert copies == {"de": keys[:3], "zh": keys, "en": keys}  # Weil is not at the round table


def test_a_version_issued_elsewhere_meanwhile_is_refused(db: Database, trip: Trip) -> None:
    number = issuing.next_number(db, trip.id)
    issue_all(db, trip)
    with pytest.raises(ConflictError):
        issuing.issue(db, trip.id, {trip.members["Weil"]: Language.DE}, number=number)
    assert [v.number for v in issuing.list_versions(db, trip.id)] == [1]
    with pytest.raises(NotFoundError):
        issuing.issue(db, trip.id, {999: Language.DE})


def test_each_kind_of_change_reaches_exactly_those_it_touches(db: Database, trip: Trip) -> None:
    issue_all(db, trip)
    move(db, trip.items["visit"], timedelta(hours=4))  # everyone
    dinner = programme.get_item(db, trip.items["dinner"])
    programme.update_item(db, dinner.evolve(everyone=False, participant_ids=(trip.members["Weil"], trip.members["Xu"])))
    talk = programme.get_item(db, trip.items["talk"])
    programme.update_item(db, talk.evolve(venue_id=trip.venues["hall"]))  # Xu and Whitfield
    programme.create_item(db, ItemData(  # Weil only
        trip_id=trip.id, kind=ItemKind.PRESS, title=L(de="Pressegespräch", en="Press talk"), start=at(8, 2016, 10, 26, 9, 0),
        end=at(8, 2016, 10, 26, 9, 30), timezone=SHANGHAI, everyone=False, participant_ids=(trip.members["Weil"],),
    ))
    moved, venue = (ChangeKind.MOVED,), (ChangeKind.VENUE,)
    assert pending(db, trip) == {
        "Weil": {("EMAX visit", moved), ("Dinner", (ChangeKind.PARTICIPANTS,)), ("Press talk", (ChangeKind.ADDED,))},
        "Xu": {("EMAX visit", moved), ("Dinner", (ChangeKind.PARTICIPANTS,)), ("Round table", venue)},
        "Whitfield": {("EMAX visit", moved), ("Dinner", (ChangeKind.CANCELLED,)), ("Round table", venue)},
    }


def test_notices_are_in_each_readers_language_with_local_times(db: Database, trip: Trip) -> None:
    issue_all(db, trip)
    move(db, trip.items["visit"], timedelta(hours=4))
    move(db, trip.items["flight"], timedelta(hours=1))  # leaves Frankfurt at 19:30 CEST, lands in Shenzhen at 15:15
    state = issuing.pending_changes(db, trip.id)
    by_name = {c.member.person.family_name: c for c in state.outdated}
    assert {name: c.language for name, c in by_name.items()} == {"Weil": "de", "Xu": "zh", "Whitfield": "en"}

    def lines(name: str) -> list[str]:
        change = by_name[name]
        return [s for row in notice_rows(change.changes, change.language, SHANGHAI) for s in row.sentences]

    de, zh, en = lines("Weil"), lines("Xu"), lines("Whitfield")
    assert de[0].startswith("Sonntag, 23. Oktober: Flight (de) ")
    assert "19:30 MEZ" not in de[0] and "19:30 GMT+2 – 15:15 GMT+8 (Mo., 24. Okt.)" in de[0]
    assert "18:30 GMT+2 – 14:15 GMT+8 (Mo., 24. Okt.)" in de[0]
    assert de[1] == DocumentLanguage.of("de").t(
        MOVED, day="Dienstag, 25. Oktober", title="EMAX visit (de)", new="14:00–16:00 Uhr", old="10:00–12:00 Uhr"
    )
    assert zh[1].startswith("10月25日星期二") and "EMAX visit（中）" in zh[1] and "14:00–16:00" in zh[1]
    assert en[1] == DocumentLanguage.of("en").t(MOVED, day="Tuesday, 25 October", title="EMAX visit", new="14:00–16:00", old="10:00–12:00")
    text = notice_text(name="Emma Whitfield", trip_title="Visit to Shenzhen", language="en", held_number=1,
                       held_at=by_name["Whitfield"].before.issued_at, rows=notice_rows(by_name["Whitfield"].changes, "en", SHANGHAI))
    assert "version 1" in text and en[1] in text


def test_a_change_undone_before_reissuing_leaves_nothing(db: Database, trip: Trip) -> None:
    issue_all(db, trip)
    move(db, trip.items["visit"], timedelta(hours=2))
    move(db, trip.items["visit"], timedelta(hours=-2))
    talk = programme.get_item(db, trip.items["talk"])
    programme.update_item(db, talk.evolve(participant_ids=(trip.members["Xu"],)))
    programme.update_item(db, programme.get_item(db, trip.items["talk"]).evolve(participant_ids=talk.participant_ids))
    assert pending(db, trip) == {}
    deleted = programme.delete_item(db, trip.items["dinner"])  # undo restores it with its old id
    assert set(pending(db, trip)) == {"Weil", "Xu", "Whitfield"}
    restore.restore_item(db, deleted.before)
    removed = delegation.remove_member(db, trip.members["Whitfield"])
    restore.restore_member(db, removed)
    assert pending(db, trip) == {}


def test_a_new_item_under_a_deleted_items_id_is_not_taken_for_it(db: Database, trip: Trip) -> None:
    issue_all(db, trip)
    talk = trip.items["talk"]  # the newest item: SQLite gives its id to the next new one
    programme.delete_item(db, talk)
    new = programme.create_item(db, ItemData(
        trip_id=trip.id, kind=ItemKind.MEETING, title=L(en="Workshop"), start=at(8, 2016, 10, 26, 15, 0),
        end=at(8, 2016, 10, 26, 17, 0), timezone=SHANGHAI, everyone=False, participant_ids=(trip.members["Xu"], trip.members["Whitfield"]),
    )).id
    del new
    assert pending(db, trip) == {
        "Xu": {("Round table", (ChangeKind.CANCELLED,)), ("Workshop", (ChangeKind.ADDED,))},
        "Whitfield": {("Round table", (ChangeKind.CANCELLED,)), ("Workshop", (ChangeKind.ADDED,))},
    }


def test_reissuing_goes_to_those_with_changes_and_versions_compare(db: Database, trip: Trip) -> None:
    issue_all(db, trip)
    talk = programme.get_item(db, trip.items["talk"])
    programme.update_item(db, talk.evolve(venue_id=trip.venues["hall"]))
    state = issuing.pending_changes(db, trip.id)
    chosen = issuing.members_needing(state)
    assert chosen == [trip.members["Xu"], trip.members["Whitfield"]]
    second = issuing.issue(db, trip.id, issuing.languages_for(state.needs_printout))
    assert second.number == 2 and len(second.recipients) == 2
    assert pending(db, trip) == {}
    between = issuing.compare_versions(db, trip.id, 1, 2)
    assert [(c.member.person.family_name, [d.kinds for d in c.changes]) for c in between] == [
        ("Xu", [(ChangeKind.VENUE,)]), ("Whitfield", [(ChangeKind.VENUE,)])
    ]
    assert issuing.compare_versions(db, trip.id, 2) == []
    move(db, trip.items["visit"], timedelta(days=1))
    since_first = issuing.compare_versions(db, trip.id, 1)
    assert {c.member.person.family_name: len(c.changes) for c in since_first} == {"Weil": 1, "Xu": 2, "Whitfield": 2}
    with pytest.raises(NotFoundError):
        issuing.compare_versions(db, trip.id, 7)


def test_a_persons_printouts_are_in_their_report_and_erasing_removes_their_name(db: Database, trip: Trip) -> None:
    issue_all(db, trip)
    whitfield = next(m for m in delegation.list_members(db, trip.id) if m.person.family_name == "Whitfield")
    report = person_report(db, whitfield.person.id)
    assert [(p["version"], p["language"], p["trip"]["en"]) for p in report["printouts"]] == [(1, "en", "Visit to Shenzhen")]
    erase_person(db, whitfield.person.id)
    with db.engine.connect() as conn:
        stored = " ".join(json.dumps(row[0], ensure_ascii=False) for row in conn.execute(select(IssuedVersion.content)))
        raw = b" ".join(bytes(row[0]) for row in conn.exec_driver_sql("SELECT content FROM issued_version"))
    assert "Whitfield" not in stored and "Emma" not in stored and "Weil" in stored
    assert b"Weil" not in raw, "stored compressed"
