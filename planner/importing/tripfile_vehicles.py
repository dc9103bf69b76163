"""The `vehicles` section of a trip file: the fleet, and who rides in which on each item.

Vehicles get stand-in ids in file order, as people and items do; a ride names
its item as "i<n>" (the n-th programme entry), its people by key and its
vehicles by the keys of the fleet. What the schema cannot see is checked
here: unknown keys, a member in two vehicles on one item, someone riding to
an item they do not attend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.domain.entities import ItemData
from planner.domain.vehicles import MAX_VEHICLES, ItemRides, Ride, VehicleData, VehicleKind
from planner.i18n import N_

if TYPE_CHECKING:
    from planner.importing.tripfile_reader import TripDocumentReader


def fleet_keys(document: dict[str, Any]) -> dict[str, int]:
    """The fleet's keys and the stand-in ids read_vehicles gives them, for the travel legs that name their pickup vehicle.

    A key given twice is the first vehicle's (read_vehicles reports the second); problems with a
    vehicle itself are reported by read_vehicles and keep the file from being imported anyway.
    """
    section = document.get("vehicles")
    fleet = section.get("fleet") if isinstance(section, dict) else None
    keys: dict[str, int] = {}
    for n, record in enumerate(fleet if isinstance(fleet, list) else []):
        key = record.get("key") if isinstance(record, dict) else None
        if isinstance(key, str):
            keys.setdefault(key, n + 1)
    return keys


def read_vehicles(
    reader: TripDocumentReader, member_of: dict[str, int], items: list[ItemData],
) -> tuple[list[VehicleData], list[ItemRides]]:
    section = reader.doc.get("vehicles")
    if not isinstance(section, dict):
        return [], []
    vehicles: list[VehicleData] = []
    keys: dict[str, int] = {}
    fleet = section.get("fleet")
    if isinstance(fleet, list) and len(fleet) > MAX_VEHICLES:
        reader.problem(("vehicles", "fleet"), N_("A trip can have at most {limit} vehicles."), limit=MAX_VEHICLES)
        return [], []
    for n, record in enumerate(fleet if isinstance(fleet, list) else []):
        where = ("vehicles", "fleet", n)
        if not isinstance(record, dict):
            continue
        key = reader.get(record, where, "key", None)
        if isinstance(key, str):
            if key in keys:
                reader.problem(where + ("key",), N_("The key “{key}” is already used by {other}."), key=key,
                               other=f"$.vehicles.fleet[{keys[key] - 1}]")
            else:
                keys[key] = n + 1
        data = VehicleData(
            id=n + 1, label=reader.get(record, where, "label", ""),
            kind=VehicleKind(reader.get(record, where, "kind", VehicleKind.CAR.value)),
            seats=reader.get(record, where, "seats", 1), plate=reader.get(record, where, "plate", ""),
            operator=reader.get(record, where, "operator", ""), driver_name=reader.get(record, where, "driver_name", ""),
            driver_phone=reader.get(record, where, "driver_phone", ""), notes=reader.get(record, where, "notes", ""),
        )
        checked = reader.validated(where, data.validated)
        if checked is not None:
            vehicles.append(checked)

    by_id = {item.id: item for item in items}
    rides: list[ItemRides] = []
    entries = section.get("rides")
    seen_items: dict[int, int] = {}
    for n, record in enumerate(entries if isinstance(entries, list) else []):
        where = ("vehicles", "rides", n)
        if not isinstance(record, dict):
            continue
        ref = reader.get(record, where, "item", None)
        item_id = int(ref[1:]) if isinstance(ref, str) and ref[:1] == "i" and ref[1:].isdigit() else None
        item = by_id.get(item_id)
        if item is None:
            programme = reader.doc.get("programme")
            known = isinstance(programme, list) and item_id is not None and 1 <= item_id <= len(programme)
            if isinstance(ref, str) and not known:  # a programme entry that is wrong itself was reported there
                reader.problem(where + ("item",), N_("No programme entry is named “{key}” (i1 is the first)."), key=ref)
            continue
        if item_id in seen_items:
            reader.problem(where + ("item",), N_("The rides of “{key}” are already given in {other}."), key=ref,
                           other=f"$.vehicles.rides[{seen_items[item_id]}]")
            continue
        seen_items[item_id] = n
        attending = None if item.everyone else set(item.participant_ids)
        seats: list[Ride] = []
        seated: set[int] = set()
        groups = reader.get(record, where, "seats", [])
        for j, group in enumerate(groups if isinstance(groups, list) else []):
            at = where + ("seats", j)
            if not isinstance(group, dict):
                continue
            vehicle = reader.get(group, at, "vehicle", None)
            if vehicle not in keys:
                if isinstance(vehicle, str):
                    reader.problem(at + ("vehicle",), N_("No vehicle in “fleet” has the key “{key}”."), key=vehicle)
                continue
            people = reader.get(group, at, "people", [])
            for k, person in enumerate(people if isinstance(people, list) else []):
                member = member_of.get(person) if isinstance(person, str) else None
                if member is None:
                    reader.problem(at + ("people", k), N_("“{key}” is not in the delegation, so cannot take part."), key=person)
                elif member in seated:
                    reader.problem(at + ("people", k), N_("“{key}” already has a seat on this item."), key=person)
                elif attending is not None and member not in attending:
                    reader.problem(at + ("people", k), N_("“{key}” does not attend this item, so needs no seat."), key=person)
                else:
                    seated.add(member)
                    seats.append(Ride(member, keys[vehicle]))
        order: list[int] = []
        motorcade = reader.get(record, where, "motorcade", [])
        for j, vehicle in enumerate(motorcade if isinstance(motorcade, list) else []):
            if vehicle not in keys:
                reader.problem(where + ("motorcade", j), N_("No vehicle in “fleet” has the key “{key}”."), key=vehicle)
            elif keys[vehicle] in order:
                reader.problem(where + ("motorcade", j), N_("A vehicle can have only one place in the motorcade."))
            else:
                order.append(keys[vehicle])
        rides.append(ItemRides(id=item_id, seats=tuple(seats), order=tuple(order)))
    return vehicles, rides
