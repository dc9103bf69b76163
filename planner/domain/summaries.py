"""The trip list's rows: a trip with the figures the navigator shows.

A value of its own (not in planner.services.trips) so that the window can
show the list before SQLAlchemy is imported: planner.db.trip_list reads the
same rows from an SQLite file with the sqlite3 module alone for the first
paint, and planner.services.trips.list_trips reads them through the models.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.entities import TripData


@dataclass(frozen=True, slots=True)
class TripSummary:
    trip: TripData
    members: int
    items: int
    head: str  # the head of delegation's name, or ""
