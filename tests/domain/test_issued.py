"""Snapshots of what a participant received, and the differences between two of them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.entities import ItemData
from planner.domain.enums import ItemKind, Language
from planner.domain.issued import (
    ChangeKind,
    IssuedContent,
    ParticipantSnapshot,
    SnapshotItem,
    diff_snapshots,
    item_keys,
    participant_snapshot,
    rekeyed,
)
from planner.domain.localized import LocalizedText
from planner.domain.timing import utc_to_local

ZONES = ("Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC")
#: (membership id, person id, name): memberships 11..15 of persons 1..5.
DELEGATION = tuple((10 + n, n, f"Person {n}") for n in range(1, 6))
BASE = datetime(2016, 10, 23, 0, 0, tzinfo=UTC)


def item(item_id: int, start: datetime, hours: float = 1, title: str = "Visit", zone: str = "Asia/Shanghai", **changes: object) -> ItemData:
    return ItemData(
        id=item_id, trip_id=1, kind=ItemKind.SITE_VISIT, title=LocalizedText(de=f"{title} (de)", en=title), start=start,
        end=start + timedelta(hours=hours), timezone=zone,
    ).evolve(**changes)


def snap(membership_id: int, items: list[ItemData], language: str = "de", delegation: tuple = DELEGATION) -> ParticipantSnapshot:
    return participant_snapshot(
        membership_id, language, items, keys={i.id: 100 + i.id for i in items if i.id is not None},
        venues={7: LocalizedText(de="Rathaus", en="Town hall"), 8: LocalizedText(en="EMAX")}, delegation=delegation,
    )


# --- strategies -----------------------------------------------------------------------------------

snapshot_items = st.builds(
    lambda key, kind, title, minutes, length, zone, end_zone, venue, participants: SnapshotItem(
        key=key, kind=kind, title=LocalizedText(en=title), start=utc_to_local(BASE + timedelta(minutes=minutes), zone),
        end=utc_to_local(BASE + timedelta(minutes=minutes + length), end_zone or zone), timezone=zone, end_timezone=end_zone,
        venue=LocalizedText(en=venue) if venue else LocalizedText(), participants=participants,
    ),
    key=st.integers(1, 40),
    kind=st.sampled_from(list(ItemKind)),
    title=st.sampled_from(["Visit", "Lunch", "Talk", "访问"]),
    minutes=st.integers(0, 6 * 24 * 60).map(lambda m: m - m % 15),
    length=st.integers(15, 14 * 60).map(lambda m: m - m % 15),
    zone=st.sampled_from(ZONES),
    end_zone=st.sampled_from(("",) + ZONES),
    venue=st.sampled_from(["", "EMAX", "Town hall"]),
    participants=st.none() | st.lists(st.integers(1, 5), min_size=1, max_size=5, unique=True).map(lambda p: tuple(sorted(set(p) | {1}))),
)


@st.composite
def snapshots(draw: st.DrawFn) -> ParticipantSnapshot:
    items = draw(st.lists(snapshot_items, max_size=8, unique_by=lambda i: i.key))
    return ParticipantSnapshot(1, draw(st.sampled_from(list(Language))), tuple((pid, name) for _m, pid, name in DELEGATION), tuple(items))


# --- properties -----------------------------------------------------------------------------------


@given(snapshots())
def test_a_snapshot_does_not_differ_from_itself(s: ParticipantSnapshot) -> None:
    assert diff_snapshots(s, s) == ()


@given(snapshots())
def test_json_round_trip_keeps_every_field_and_the_local_times(s: ParticipantSnapshot) -> None:
    data = json.loads(json.dumps(IssuedContent.of([s]).to_json(), ensure_ascii=False))
    back = IssuedContent.from_json(data).snapshot(s.person_id, s.language, item_keys(s))
    assert back == s
    for old, new in zip(s.items, back.items, strict=True):
        assert (new.start.isoformat(), new.end.isoformat()) == (old.start.isoformat(), old.end.isoformat())
        assert str(new.start.tzinfo) == old.timezone


@given(snapshots(), snapshots())
@settings(max_examples=200)
def test_added_and_cancelled_are_the_items_only_one_side_has(a: ParticipantSnapshot, b: ParticipantSnapshot) -> None:
    changes = diff_snapshots(a, b)
    added = {c.key for c in changes if ChangeKind.ADDED in c.kinds}
    cancelled = {c.key for c in changes if ChangeKind.CANCELLED in c.kinds}
    only_b = {i.key for i in b.items} - {i.key for i in a.items}
    only_a = {i.key for i in a.items} - {i.key for i in b.items}
    # An item deleted and put back under a new key pairs up with its old self when nothing else differs.
    assert added <= only_b and cancelled <= only_a
    assert len(only_b - added) == len(only_a - cancelled)
    for change in changes:
        assert change.kinds, change
        if ChangeKind.ADDED in change.kinds or ChangeKind.CANCELLED in change.kinds:
            assert len(change.kinds) == 1


@given(snapshots(), snapshots())
@settings(max_examples=200)
def test_the_diff_backwards_is_the_diff_forwards_turned_round(a: ParticipantSnapshot, b: ParticipantSnapshot) -> None:
    swap = {ChangeKind.ADDED: ChangeKind.CANCELLED, ChangeKind.CANCELLED: ChangeKind.ADDED}
    forwards, backwards = diff_snapshots(a, b), diff_snapshots(b, a)
    assert len(forwards) == len(backwards)
    for change in backwards:
        mirror = next(f for f in forwards if f.before == change.after and f.after == change.before)
        assert tuple(swap.get(k, k) for k in change.kinds) == mirror.kinds
        assert {p for p, _ in change.joined} == {p for p, _ in mirror.left}
        assert {p for p, _ in change.left} == {p for p, _ in mirror.joined}


@given(snapshots(), st.integers(-3000, 3000).map(lambda m: m - m % 15).filter(bool))
def test_moving_one_item_is_reported_as_moved_and_nothing_else(s: ParticipantSnapshot, minutes: int) -> None:
    if not s.items:
        return
    first = s.items[0]
    shift = timedelta(minutes=minutes)
    moved = SnapshotItem(
        first.key, first.kind, first.title, utc_to_local(first.start + shift, first.timezone),
        utc_to_local(first.end + shift, first.arrival_timezone), first.timezone, first.end_timezone, first.venue, first.participants,
    )
    after = ParticipantSnapshot(s.person_id, s.language, s.delegation, (moved, *s.items[1:]))
    changes = diff_snapshots(s, after)
    assert [(c.key, c.kinds) for c in changes] == [(first.key, (ChangeKind.MOVED,))]


@given(snapshots())
def test_rekeying_there_and_back_gives_the_same_snapshot(s: ParticipantSnapshot) -> None:
    keys = {i.key: 1000 + i.key for i in s.items}
    people = {pid: pid + 50 for pid, _name in s.delegation}
    there = rekeyed(s, keys=keys, people=people)
    back = rekeyed(there, keys={v: k for k, v in keys.items()}, people={v: k for k, v in people.items()})
    assert back == s
    assert diff_snapshots(there, rekeyed(s, keys=keys, people=people)) == ()


# --- snapshots of items ---------------------------------------------------------------------------


def test_a_snapshot_holds_only_what_the_reader_attends_in_local_time() -> None:
    flight = item(1, datetime(2016, 10, 23, 16, 30, tzinfo=UTC), hours=13.75, title="Flight", zone="Europe/Berlin",
                  end_timezone="Asia/Shanghai")
    press = item(2, datetime(2016, 10, 25, 2, 50, tzinfo=UTC), title="Press", everyone=False, participant_ids=(11, 12))
    s1 = snap(11, [flight, press])
    s3 = snap(13, [flight, press])
    assert [i.key for i in s1.items] == [101, 102]
    assert [i.key for i in s3.items] == [101]
    got = s1.items[0]
    assert got.start.isoformat() == "2016-10-23T18:30:00+02:00"
    assert got.end.isoformat() == "2016-10-24T14:15:00+08:00"
    assert s1.items[1].participants == (1, 2)  # person ids, in protocol order
    assert s1.person_id == 1


def test_a_list_naming_every_member_is_printed_as_no_list() -> None:
    everyone_ticked = item(1, BASE, everyone=False, participant_ids=tuple(m for m, _p, _n in DELEGATION))
    assert snap(11, [everyone_ticked]).items[0].participants is None
    assert snap(11, [item(1, BASE)]).items[0].participants is None


def test_each_kind_of_change_reaches_exactly_the_people_it_touches() -> None:
    visit = item(1, datetime(2016, 10, 26, 1, 30, tzinfo=UTC), hours=2, title="EMAX", venue_id=8)
    dinner = item(2, datetime(2016, 10, 25, 10, 30, tzinfo=UTC), hours=2, title="Banquet", kind=ItemKind.MEAL)
    talk = item(3, datetime(2016, 10, 26, 7, 0, tzinfo=UTC), title="Round table", everyone=False, participant_ids=(14, 15))
    before = [visit, dinner, talk]
    after = [
        visit.evolve(start=visit.start + timedelta(hours=4, minutes=30), end=visit.end + timedelta(hours=4, minutes=30)),
        dinner.evolve(everyone=False, participant_ids=(11, 12, 13)),
        talk.evolve(venue_id=7),
        item(4, datetime(2016, 10, 25, 3, 0, tzinfo=UTC), title="Press", kind=ItemKind.PRESS, everyone=False, participant_ids=(11,)),
    ]
    found = {m: diff_snapshots(snap(m, before), snap(m, after)) for m, _p, _n in DELEGATION}
    kinds = {m: {(c.key, c.kinds) for c in changes} for m, changes in found.items()}
    assert kinds[11] == {(101, (ChangeKind.MOVED,)), (102, (ChangeKind.PARTICIPANTS,)), (104, (ChangeKind.ADDED,))}
    assert kinds[12] == kinds[13] == {(101, (ChangeKind.MOVED,)), (102, (ChangeKind.PARTICIPANTS,))}
    assert kinds[14] == kinds[15] == {(101, (ChangeKind.MOVED,)), (102, (ChangeKind.CANCELLED,)), (103, (ChangeKind.VENUE,))}
    dinner_change = next(c for c in found[12] if c.key == 102)
    assert dinner_change.left == ((4, "Person 4"), (5, "Person 5")) and dinner_change.joined == ()
    moved = next(c for c in found[11] if c.key == 101)
    assert moved.before is not None and moved.after is not None
    assert (moved.before.start.strftime("%H:%M"), moved.after.start.strftime("%H:%M")) == ("09:30", "14:00")


def test_no_change_and_a_change_undone_leave_nothing() -> None:
    visit = item(1, datetime(2016, 10, 26, 1, 30, tzinfo=UTC))
    held = snap(11, [visit])
    assert diff_snapshots(held, snap(11, [visit])) == ()
    moved = visit.evolve(start=visit.start + timedelta(hours=1), end=visit.end + timedelta(hours=1))
    assert diff_snapshots(held, snap(11, [moved]))
    assert diff_snapshots(held, snap(11, [moved.evolve(start=visit.start, end=visit.end)])) == ()


def test_an_item_deleted_and_put_back_under_a_new_key_is_no_change() -> None:
    visit = item(1, datetime(2016, 10, 26, 1, 30, tzinfo=UTC))
    held = snap(11, [visit])
    restored = participant_snapshot(11, "de", [visit], keys={1: -1}, venues={}, delegation=DELEGATION)
    assert diff_snapshots(held, restored) == ()


def test_a_new_member_does_not_change_items_for_everyone() -> None:
    visit = item(1, BASE)
    grown = DELEGATION + ((16, 6, "Person 6"),)
    assert diff_snapshots(snap(11, [visit]), snap(11, [visit], delegation=grown)) == ()
    # An item with a list of participants leaves the newcomer out, but nobody the reader met there has gone.
    some = item(2, BASE, everyone=False, participant_ids=(11, 12, 13, 14, 15))
    changes = diff_snapshots(snap(11, [some]), snap(11, [some], delegation=grown))
    assert changes == ()  # the reader still shares it with the same people


# --- a version's content: each item once -----------------------------------------------------------


def _version() -> list[ParticipantSnapshot]:
    """One version's copies: a briefing for all, a talk for two, in German for some readers and Chinese for others."""
    briefing = item(1, datetime(2016, 10, 24, 1, 0, tzinfo=UTC), title="Briefing")
    talk = item(2, datetime(2016, 10, 24, 1, 0, tzinfo=UTC), title="Talk", everyone=False, participant_ids=(12, 14))
    dinner = item(3, datetime(2016, 10, 24, 11, 0, tzinfo=UTC), title="Dinner", kind=ItemKind.MEAL)
    chinese = tuple((m, p, f"人{p}") for m, p, _n in DELEGATION)
    return [
        snap(m, [dinner, talk, briefing], *(("zh", chinese) if m % 2 == 0 else ("de", DELEGATION))) for m, _p, _n in DELEGATION
    ]


def test_a_version_stores_each_item_once_and_every_copy_reads_back_as_it_was() -> None:
    copies = _version()
    content = IssuedContent.of(copies)
    assert [i.key for i in content.items] == [101, 102, 103]  # in the order of the programme: briefing before talk (same time, named first)
    assert list(content.delegations) == [Language.DE, Language.ZH]
    data = json.loads(json.dumps(content.to_json(), ensure_ascii=False))
    assert len(data["items"]) == 3 and all("items" not in group for group in data["delegations"].values())
    stored = [(c.person_id, c.language.value, item_keys(c)) for c in copies]
    assert stored[1] == (2, "zh", [101, 102, 103]) and stored[0] == (1, "de", [101, 103])
    back = IssuedContent.from_json(data)
    assert [back.snapshot(person, language, keys) for person, language, keys in stored] == copies
    assert back.snapshot(2, "zh", [101]).delegation[1] == (2, "人2")


def test_a_version_refuses_an_item_printed_in_two_ways_and_a_copy_of_an_item_it_lacks() -> None:
    copies = _version()
    first = copies[0]
    renamed = replace(first.items[0], title=LocalizedText(en="Other"))
    with pytest.raises(ValueError):
        IssuedContent.of([first, replace(copies[1], items=(renamed,))])
    with pytest.raises(ValueError):
        IssuedContent.of(copies).snapshot(1, "de", [101, 999])
    with pytest.raises(ValueError):
        IssuedContent.from_json({"format": 1, "items": [], "delegations": {}})


def test_rekeying_a_version_is_rekeying_each_copy_and_renaming_reaches_every_language() -> None:
    copies = _version()
    content = IssuedContent.of(copies)
    keys = {k: k + 1000 for k in (101, 102, 103)}
    people = {p: p + 50 for p in content.person_ids()}
    moved = content.rekeyed(keys=keys, people=people)
    for copy in copies:
        expected = rekeyed(copy, keys=keys, people=people)
        assert moved.snapshot(expected.person_id, copy.language, [keys[k] for k in item_keys(copy)]) == expected
    erased = content.renamed(2, "—")
    assert [dict(group)[2] for group in erased.delegations.values()] == ["—", "—"]
    assert dict(erased.delegations[Language.DE])[1] == "Person 1"
