"""The demo trips imported for the protocol documents' tests, and what their private data look like."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from planner.db.engine import Database
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS

SHENZHEN_FILE = DEMO_TRIPS / "hannover-shenzhen-2016.json"
HANNOVER_FILE = DEMO_TRIPS / "shenzhen-hannover-2016.json"


def import_demo(db: Database, path: Path) -> int:
    return import_trip_file(db, path).id


def demo_document(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def private_values(path: Path, fields: tuple[str, ...]) -> list[str]:
    """Every non-empty value of `fields` of the people in a demo file: what must not leak."""
    found: list[str] = []
    for person in demo_document(path)["people"]:
        for name in fields:
            value = person.get(name)
            if isinstance(value, str) and value:
                found.append(value)
    return found


def delegation_names(path: Path) -> list[str]:
    """The delegation's names as documents would print them: "Xu Qin", "许勤", "Peter Eisenschmidt"."""
    from planner.domain.names import display_name

    names: list[str] = []
    for person in demo_document(path)["people"]:
        names.append(display_name(person["family_name"], person["given_name"], person["native_name"]))
        if person["native_name"]:
            names.append(person["native_name"])
    return names
