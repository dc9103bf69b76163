"""What the planner is built from, with versions and licences, for the About dialog.

Generated from the installed packages' metadata (importlib.metadata), walking
the planner's own requirements, so the list stays true in a virtual
environment and in the bundle alike (the bundle carries the metadata of what
it bundles, see install/pyinstaller/planner.spec). The fonts are not Python
packages; resources/fonts/fonts.json names them with their licence files.
"""

from __future__ import annotations

import json
import platform
import re
from dataclasses import dataclass
from importlib import metadata

from planner.paths import FONTS

DISTRIBUTION = "delegation-planner"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")
_EXTRAS = re.compile(r"^\[([^\]]*)\]")
_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    version: str
    licence: str


def _licence(meta: metadata.PackageMetadata) -> str:
    """The licence as the package states it: the SPDX expression, else the classifier, else the free-text field."""
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    text = (meta.get("License") or "").strip()
    first = text.splitlines()[0].strip() if text else ""
    return first[:60] if first else "?"


def _requirements(meta: metadata.PackageMetadata, extras: frozenset[str]) -> list[tuple[str, frozenset[str]]]:
    """What a package needs at run time: its plain requirements and those of the extras asked for
    (psycopg[binary] brings psycopg-binary; the planner's own [test] extra is not asked for)."""
    needed = []
    for requirement in meta.get_all("Requires-Dist") or []:
        extra = _EXTRA.search(requirement)
        if extra and extra.group(1) not in extras:
            continue
        match = _NAME.match(requirement.strip())
        if match:
            wanted = _EXTRAS.match(requirement.strip()[match.end():].lstrip())
            asked = frozenset(x.strip() for x in wanted.group(1).split(",")) if wanted else frozenset()
            needed.append((match.group(0), asked))
    return needed


def python_components(root: str = DISTRIBUTION) -> list[Component]:
    """Every installed package the planner needs, directly or not, sorted by name; the planner itself left out."""
    seen: dict[str, Component] = {}
    done: set[tuple[str, frozenset[str]]] = set()
    queue: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while queue:
        name, extras = queue.pop()
        key = name.lower().replace("_", "-").replace(".", "-")
        if (key, extras) in done:
            continue
        done.add((key, extras))
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency this platform does not install
        seen[key] = Component(str(meta["Name"]), str(meta["Version"]), _licence(meta))
        queue.extend(_requirements(meta, extras))
    seen.pop(DISTRIBUTION, None)
    seen["python"] = Component("Python", platform.python_version(), "PSF-2.0")
    return sorted(seen.values(), key=lambda c: c.name.lower())


def font_components() -> list[Component]:
    """The fonts the planner ships, as resources/fonts/fonts.json lists them."""
    try:
        entries = json.loads((FONTS / "fonts.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Component(e["name"], e.get("version", ""), e["licence"]) for e in entries]


def planner_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        from planner import __version__

        return __version__
