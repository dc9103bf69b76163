"""The app's own SVG icons by name ("kinds/meal", "venues/hotel", "actions/undo").

Icons are drawn as SVG so they stay sharp on high-DPI screens; Qt renders them
through its SVG icon engine (QtSvg, part of PySide6-Essentials). A missing or
misspelt name gives an empty QIcon rather than an exception, because a lost
picture must never take a page down with it. Each icon is read once and kept.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QIcon

from planner.paths import ICONS

#: The folders below resources/icons, one per family of names.
FAMILIES = ("kinds", "venues", "actions")
APP_ICON = "app"


def icon_path(name: str) -> Path | None:
    """The SVG file for `name`, or None when there is none (or the name tries to leave the folder)."""
    if not name or "\\" in name or name.startswith("/"):
        return None
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    path = ICONS.joinpath(*parts).with_suffix(".svg")
    return path if path.is_file() else None


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """The icon called `name`, e.g. icon("kinds/meal"); an empty QIcon for an unknown name."""
    path = icon_path(name)
    if path is None:
        return QIcon()
    return QIcon(str(path))


def kind_icon(family: str, value: str) -> QIcon:
    """The icon for an enum value of a family, e.g. kind_icon("venues", VenueKind.HOTEL)."""
    return icon(f"{family}/{value}")


def available_icons() -> list[str]:
    """Every icon name the resources hold, for the contact sheet and the tests."""
    names = [APP_ICON] if (ICONS / f"{APP_ICON}.svg").is_file() else []
    for family in FAMILIES:
        folder = ICONS / family
        if folder.is_dir():
            names.extend(f"{family}/{path.stem}" for path in sorted(folder.glob("*.svg")))
    return names
