"""Undo of a trip's deletion brings back everything that hung off the trip, with its ids and versions; redo deletes it again.

On the demo trip, which has a delegation, programme, vehicles and rides, rooms,
visas, gifts, seating plans, briefings and follow-ups, given here also what the
demo file lacks (emergency contacts, an issued version, a motorcade order, a timed departure run) and
a copy whose carried follow-ups name the trip as their origin.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Table, insert, select

from planner.db import models as m
from planner.db.cascade import DeletedRows
from planner.db.engine import Database
from planner.domain.errors import PlannerError
from planner.domain.localized import LocalizedText as L
from planner.domain.travel_legs import LegDirection
from planner.export.tripfile import trip_document
from planner.importing.demo import load_demo
from planner.services import emergency_contacts, issuing, programme, trips, undo, vehicles
from planner.domain.changes import Action, Change
from planner.services.restore import NOT_FREE
from planner.services.travel_legs import trip_legs, update_leg
from planner.services.trip_copy import duplicate_trip
from planner.services.trips import TRIP_ROWS


def _reachable_from_trip() -> set[str]:
    """Every table whose rows name, through a chain of foreign keys of any kind, a row of `trip`."""
    found = {"trip"}
    grew = True
    while grew:
        grew = False
        for table in m.Base.metadata.sorted_tables:
            if table.name not in found and any(fk.column.table.name in found for fk in table.foreign_keys):
                found.add(table.name)
                grew = True
    return found


def _every_row(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, each column as its type reads it."""
    with db.reading() as s:
        return {
            t.name: [dict(r._mapping) for r in s.execute(select(t).order_by(*t.primary_key.columns))]
            for t in m.Base.metadata.sorted_tables
        }


def _deleted_rows(change: Change) -> DeletedRows:
    (rows,) = (r.before for r in change.related if r.entity == TRIP_ROWS)
    assert isinstance(rows, DeletedRows)
    return rows


def _demo_with_everything(db: Database) -> tuple[int, int]:
    """The Shenzhen demo trip with a row in every table that hangs off a trip, and a copy carrying its follow-ups."""
    trip = load_demo(db)[0].id
    emergency_contacts.save_emergency_contacts(db, trip, emergency_contacts.suggestions(db, trip))
    members = issuing.languages_for(issuing.pending_changes(db, trip).never_issued)
    issuing.issue(db, trip, members)
    ridden = next(i for i in vehicles.items_with_rides(db, trip) if len(set(vehicles.item_rides(db, i).vehicle_of().values())) > 1)
    second = vehicles.item_motorcade(db, ridden)[1]
    vehicles.move_in_motorcade(db, ridden, second, -1)
    leaving = next(leg for leg in trip_legs(db, trip) if leg.direction is LegDirection.DEPARTURE and leg.departure is not None)
    car = vehicles.trip_vehicles(db, trip)[0]
    update_leg(db, leaving.evolve(vehicle_id=car.id, pickup=leaving.departure - timedelta(hours=3)))  # a departure run, timed
    copy = duplicate_trip(db, trip, title=L(en="Shenzhen 2017"), first_day=date(2017, 10, 23)).id
    return trip, copy


def test_undo_and_redo_of_the_demo_trips_deletion_on_every_table(db: Database) -> None:
    trip, copy = _demo_with_everything(db)
    rows, document = _every_row(db), trip_document(db, trip)

    deleted = trips.delete_trip(db, trip)
    gone = _every_row(db)
    assert trip not in [t["id"] for t in gone["trip"]] and copy in [t["id"] for t in gone["trip"]]
    carried = [f for f in gone["follow_up"] if f["trip_id"] == copy]
    assert carried and all(f["origin_trip_id"] is None for f in carried)  # the copy's follow-ups lost their origin

    versions: undo.Versions = {}
    restored = undo.invert(db, deleted, versions)
    assert (restored.action, restored.entity, restored.id) == (Action.CREATED, "trip", trip)
    assert _every_row(db) == rows  # every row back, with its id, its version and the copy's links to it
    assert trip_document(db, trip) == document

    redone = undo.invert(db, restored, versions)
    assert _every_row(db) == gone
    undo.invert(db, redone, versions)
    assert _every_row(db) == rows
    assert trip_document(db, trip) == document


def test_a_deletion_keeps_every_table_that_hangs_off_a_trip(db: Database) -> None:
    """A table added later that hangs off a trip is either taken back by undo, or this test names it."""
    trip, _copy = _demo_with_everything(db)
    kept = _deleted_rows(trips.delete_trip(db, trip))
    missing = sorted(name for name in _reachable_from_trip() if kept.count(name) == 0)
    assert missing == [], (
        f"Deleting the demo trip (given everything above) kept no rows of {missing}: either their foreign keys do "
        "not cascade from the trip (then undo of a trip deletion cannot bring them back), or the test's trip has none"
    )
    assert {link.column for link in kept.links} == {"origin_trip_id"}


def test_an_earlier_step_still_undoes_after_the_trip_came_back(db: Database) -> None:
    """The records come back at their versions, so a step taken before the deletion is not "changed elsewhere"."""
    trip = load_demo(db)[0].id
    item = programme.list_items(db, trip)[0]
    versions: undo.Versions = {}
    retitled = programme.update_item(db, item.evolve(title=item.title.replace("en", "Arrival")))
    undo.note_versions(versions, retitled)
    restored = undo.invert(db, trips.delete_trip(db, trip), versions)
    undo.invert(db, undo.invert(db, restored, versions), versions)  # redone and undone once more
    undo.invert(db, retitled, versions)
    assert programme.get_item(db, item.id).title == item.title


def test_a_freed_id_taken_meanwhile_refuses_the_restore_and_writes_nothing(db: Database) -> None:
    trip, copy = _demo_with_everything(db)
    deleted = trips.delete_trip(db, trip)
    freed = next(t.rows[0] for t in _deleted_rows(deleted).tables if t.table == "vehicle")
    table: Table = m.Vehicle.__table__  # type: ignore[assignment]
    with db.engine.begin() as conn:  # a new vehicle of the copy that got the freed id
        conn.execute(insert(table).values({**freed, "trip_id": copy, "label": "Taxi"}))
    before = _every_row(db)
    with pytest.raises(PlannerError) as refused:
        undo.invert(db, deleted)
    assert refused.value.message() == str(NOT_FREE)
    assert _every_row(db) == before
