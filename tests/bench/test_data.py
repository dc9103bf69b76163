"""The benchmark's generated database: the sizes the issue asks for, the same every time, and mostly clean."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from bench.data import BIG_FIRST_DAY, BIG_ITEMS, BIG_MEMBERS, PEOPLE, TRIPS, VENUES, build_database
from planner.db import models as m
from planner.db.engine import open_database
from planner.domain.checks import ProblemKind
from planner.services.checks import check_trip
from planner.services.programme import list_items


def _digest(path: Path) -> str:
    """A fingerprint of every row of the tables the generator fills."""
    db = open_database(path, backup=False)
    try:
        digest = hashlib.sha256()
        with db.engine.connect() as conn:
            for table in (m.Person.__table__, m.Venue.__table__, m.VenueContact.__table__, m.Trip.__table__,
                          m.Membership.__table__, m.ProgrammeItem.__table__, m.item_participant):
                for row in conn.execute(select(table).order_by(*table.primary_key.columns)):
                    digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()
    finally:
        db.close()


def test_the_database_has_the_sizes_of_a_busy_agency_and_is_the_same_every_time(tmp_path: Path) -> None:
    first = build_database(tmp_path / "a" / "bench.sqlite")
    second = build_database(tmp_path / "b" / "bench.sqlite")
    assert (first.people, first.venues, first.trips) == (PEOPLE, VENUES, TRIPS) == (2000, 500, 50)
    assert (first.big_members, first.big_items) == (BIG_MEMBERS, BIG_ITEMS) == (200, 5000)
    assert _digest(first.path) == _digest(second.path)
    assert _digest(first.path) != _digest(build_database(tmp_path / "c" / "bench.sqlite", seed=1).path)


def test_the_big_trip_is_realistic_and_mostly_clean(tmp_path: Path) -> None:
    data = build_database(tmp_path / "bench.sqlite")
    db = open_database(data.path, backup=False)
    try:
        items = list_items(db, data.big_trip_id)
        with db.reading() as s:
            chinese = s.scalar(select(func.count()).select_from(m.Person).where(m.Person.native_name != ""))
            located = s.scalar(select(func.count()).select_from(m.Venue).where(m.Venue.latitude.is_not(None)))
            contacts = s.scalar(select(func.count(func.distinct(m.VenueContact.venue_id))))
        problems = check_trip(db, data.big_trip_id)
    finally:
        db.close()
    assert 0.2 * PEOPLE < chinese < 0.4 * PEOPLE  # some people have their names in characters
    assert located == VENUES and contacts == VENUES  # every venue has coordinates and someone to ask for
    days = {i.local_start().date() for i in items}
    assert len(days) == 5 and min(days) == BIG_FIRST_DAY
    assert {i.timezone for i in items} == {"Asia/Shanghai"}
    everyone = sum(i.everyone for i in items)
    assert 0 < everyone < len(items) // 100  # briefings and dinners for all, the rest in small teams
    assert all(i.title.de and i.title.en for i in items) and sum(bool(i.title.zh) for i in items) > 0.95 * len(items)
    kinds = Counter(p.kind for p in problems)
    # Clean enough to be a plan under way, not a plan where everything clashes.
    assert 0 < kinds[ProblemKind.PARTICIPANT_OVERLAP] < len(items) // 100
    assert kinds[ProblemKind.VENUE_OVERLAP] == 0
    # Everyone has a room at the hotel but the last member; shared twins and single rooms fit.
    assert kinds[ProblemKind.NO_BED] == 1
    assert kinds[ProblemKind.ROOM_OVER_CAPACITY] == kinds[ProblemKind.BLOCK_OVERBOOKED] == 0
    assert kinds[ProblemKind.TIGHT_CONNECTION] < len(items) // 100
    assert len(problems) < len(items) // 10
