"""The bundled SVG icons: one for every kind, rendered by Qt's SVG engine, in one consistent style."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import QApplication

from planner.domain.enums import ItemKind, VenueKind
from planner.paths import ICONS
from planner.ui.icons import available_icons, icon, icon_path, kind_icon

ACTIONS = ("add", "edit", "delete", "undo", "redo", "up", "down", "filter", "export", "import", "warning", "error", "hint")
SVG = "{http://www.w3.org/2000/svg}"
STROKE = QColor("#37474f")


def _drawn_pixels(qicon: QIcon, size: int) -> int:
    """How many pixels of the rendered icon carry the stroke colour (anti-aliased edges aside)."""
    image = qicon.pixmap(size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 200 and abs(pixel.red() - STROKE.red()) < 24 and abs(pixel.blue() - STROKE.blue()) < 24:
                count += 1
    return count


@pytest.mark.parametrize("name", [f"kinds/{k.value}" for k in ItemKind] + [f"venues/{k.value}" for k in VenueKind])
def test_every_kind_has_an_icon_that_renders(qapp: QApplication, name: str) -> None:
    qicon = icon(name)
    assert not qicon.isNull()
    for size in (16, 24, 48):
        pixmap = qicon.pixmap(size)
        assert not pixmap.isNull()
        assert pixmap.width() == size
    # Something was really drawn, in the set's colour: more ink at 48 px than at 24 px.
    small, large = _drawn_pixels(qicon, 24), _drawn_pixels(qicon, 48)
    assert small > 10
    assert large > small


@pytest.mark.parametrize("name", [f"actions/{a}" for a in ACTIONS] + ["app"])
def test_action_and_application_icons_render(qapp: QApplication, name: str) -> None:
    assert not icon(name).pixmap(48).isNull()
    assert _drawn_pixels(icon(name), 48) > 20


def test_kind_icon_names_the_family_and_value(qapp: QApplication) -> None:
    assert kind_icon("venues", VenueKind.HOTEL).cacheKey() == icon("venues/hotel").cacheKey()
    assert kind_icon("kinds", ItemKind.MEAL.value).cacheKey() == icon("kinds/meal").cacheKey()


@pytest.mark.parametrize("name", ["kinds/picnic", "", "nothing", "kinds/", "../paths", "kinds/../app", "/etc/passwd", "kinds\\meal"])
def test_unknown_names_give_an_empty_icon(qapp: QApplication, name: str) -> None:
    qicon = icon(name)
    assert isinstance(qicon, QIcon)
    assert qicon.isNull()
    assert qicon.pixmap(24).isNull()
    assert icon_path(name) is None


def test_icons_are_read_once(qapp: QApplication) -> None:
    assert icon("actions/undo") is icon("actions/undo")


def test_the_list_of_icons_covers_every_kind_and_action() -> None:
    names = set(available_icons())
    assert {f"kinds/{k.value}" for k in ItemKind} <= names
    assert {f"venues/{k.value}" for k in VenueKind} <= names
    assert {f"actions/{a}" for a in ACTIONS} <= names
    assert "app" in names


@pytest.mark.parametrize("name", available_icons())
def test_every_svg_follows_the_house_style(name: str) -> None:
    """24×24, 2 px round strokes in the one neutral colour, nothing that depends on the theme."""
    path = icon_path(name)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "currentColor" not in text
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 24 24"
    group = root.find(f"{SVG}g")
    assert group is not None
    assert (group.get("stroke"), group.get("stroke-width")) == ("#37474f", "2")
    assert (group.get("stroke-linecap"), group.get("stroke-linejoin")) == ("round", "round")
    assert group.get("fill") == "none"
    colours = {el.get(attr) for el in root.iter() for attr in ("stroke", "fill") if el.get(attr) not in (None, "none")}
    assert colours == {"#37474f"}


def test_the_licence_dedicates_the_icons_to_the_public_domain() -> None:
    licence = (ICONS / "LICENSE.md").read_text(encoding="utf-8")
    assert "CC0-1.0" in licence
    assert "drawn" in licence and "public domain" in licence
