"""Members' own flights and trains as a table, in the time order the hosts plan by.

Each row is one leg; "When" is the moment that matters to the hosts (an
arrival's landing, a departure's take-off) on the clock of that place, with
its GMT offset, so a Frankfurt departure never reads as Shenzhen time. The
model reads the legs, the delegation and the people meeting arrivals in a
few queries and answers the roles the one filter proxy and view need.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt

from planner import formatting
from planner.db.engine import Database
from planner.domain.entities import PersonData
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.domain.vehicles import VehicleData
from planner.i18n import N_, _
from planner.domain.members import Member
from planner.services.delegation import list_members
from planner.services.travel_legs import meeting_people, trip_legs
from planner.services.vehicles import trip_vehicles
from planner.ui.language import LanguageController
from planner.ui.models.record_table import AnyIndex, RecordTableModel
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE


WHEN, DIRECTION, MEMBER, NUMBER, ROUTE, TERMINAL, MET_BY, VEHICLE = range(8)
HEADERS: tuple[str, ...] = (
    N_("When"), N_("Arriving or leaving"), N_("Member"), N_("Flight or train"), N_("Route"), N_("Terminal"), N_("Met by"),
    N_("Vehicle"),
)


def moment_text(moment: datetime | None) -> str:
    """"Mon 24/10/2016 15:10 GMT+8" in the interface's locale; "–" when not known."""
    if moment is None:
        return "–"
    return f"{formatting.short_date(moment.date())} {formatting.local_time_with_zone(moment, short=True)}"


def local_moment(leg: TravelLegData) -> datetime | None:
    """The moment that matters, on its own clock."""
    if leg.direction is LegDirection.ARRIVAL and leg.arrival is not None:
        return leg.local_arrival()
    return leg.local_departure() or leg.local_arrival()


class LegTableModel(RecordTableModel[TravelLegData]):
    HEADERS = HEADERS

    def __init__(
        self, db: Database, trip_id: int | None = None, language: LanguageController | None = None, parent: QObject | None = None,
    ) -> None:
        super().__init__(None, parent)
        self.db = db
        self.trip_id = trip_id
        self._members: dict[int, Member] = {}
        self._people: dict[int, PersonData] = {}
        self._vehicles: dict[int, VehicleData] = {}
        if language is not None:
            language.languageChanged.connect(self.retranslate)
        self.reload()

    # --- loading -----------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self.db = db
        self.trip_id = None
        self.reload()

    def set_trip(self, trip_id: int | None) -> None:
        self.trip_id = trip_id
        self.reload()

    def reload(self) -> None:
        # Read first: a read that fails leaves the model as it was, not half reset.
        if self.trip_id is None:
            rows: list[TravelLegData] = []
            members: list[Member] = []
            people: dict[int, PersonData] = {}
            vehicles: tuple[VehicleData, ...] = ()
        else:
            rows = list(trip_legs(self.db, self.trip_id))
            members = list_members(self.db, self.trip_id)
            people = meeting_people(self.db, self.trip_id)
            vehicles = trip_vehicles(self.db, self.trip_id)
        self.beginResetModel()
        self._rows = rows
        self._members = {m.id: m for m in members}
        self._vehicles = {v.id: v for v in vehicles if v.id is not None}
        self._people = {**people, **{m.person.id: m.person for m in members if m.person.id is not None}}
        self.endResetModel()

    def members(self) -> list[Member]:
        """The delegation in protocol order (for the form's member and meeter lists)."""
        return sorted(self._members.values(), key=lambda m: (m.membership.protocol_order, m.id))

    def vehicles(self) -> list[VehicleData]:
        """The trip's vehicles in the planner's order (for the form's vehicle list)."""
        return list(self._vehicles.values())

    def person(self, person_id: int | None) -> PersonData | None:
        return self._people.get(person_id) if person_id is not None else None

    def leg(self, row: int) -> TravelLegData:
        return self._rows[row]

    # --- the model ---------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        leg = self._rows[index.row()]
        column = index.column()
        if role == OBJECT_ROLE:
            return leg
        if role == KIND_ROLE:
            return leg.direction.value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(leg, column)
        if role == SORT_ROLE:
            if column == WHEN:
                return leg.moment
            if column == MEMBER:
                member = self._members.get(leg.membership_id)  # type: ignore[arg-type]
                return (member.membership.protocol_order, member.id) if member is not None else (0, 0)
            return formatting.sort_key(self._text(leg, column))
        if role == FILTER_ROLE:
            return self._text(leg, column) + (" " + self._native(leg) if column == MEMBER else "")
        if role == Qt.ItemDataRole.ToolTipRole and column == WHEN:
            return self._journey_tooltip(leg)
        return None

    def _name(self, person: PersonData | None) -> str:
        return person.name if person is not None else ""

    def _native(self, leg: TravelLegData) -> str:
        member = self._members.get(leg.membership_id)  # type: ignore[arg-type]
        return member.person.native_name if member is not None else ""

    def _text(self, leg: TravelLegData, column: int) -> str:
        if column == WHEN:
            return moment_text(local_moment(leg))
        if column == DIRECTION:
            return leg.direction.label
        if column == MEMBER:
            member = self._members.get(leg.membership_id)  # type: ignore[arg-type]
            return member.person.name if member is not None else ""
        if column == NUMBER:
            return f"{leg.kind.label} {leg.number}".strip()
        if column == ROUTE:
            return " → ".join(p for p in (leg.origin, leg.destination) if p)
        if column == TERMINAL:
            return leg.terminal
        if column == MET_BY:
            return self._name(self.person(leg.met_by_person_id))
        if column == VEHICLE:  # the vehicle picking them up (a departure's: when it fetches them), and the words besides
            vehicle = self._vehicles.get(leg.vehicle_id) if leg.vehicle_id is not None else None
            name = vehicle.label if vehicle is not None else ""
            if vehicle is not None and leg.direction is LegDirection.DEPARTURE:
                fetched = leg.local_pickup()
                name = (_("{vehicle}, pick-up {time}").format(vehicle=name, time=formatting.time_of_day(fetched)) if fetched is not None
                        else _("{vehicle}, pick-up time not set").format(vehicle=name))
            return " – ".join(t for t in (name, leg.vehicle_note) if t)
        return ""

    def _journey_tooltip(self, leg: TravelLegData) -> str:
        return _("Departs {departure}, arrives {arrival}").format(
            departure=moment_text(leg.local_departure()), arrival=moment_text(leg.local_arrival()),
        )
