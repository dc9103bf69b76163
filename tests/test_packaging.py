"""The bundle's recipe stays true to the source tree without running PyInstaller (CI builds it for real)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from planner.paths import FONTS, PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "install" / "pyinstaller"))
from bundle_data import bundle_datas  # noqa: E402


def test_the_bundle_carries_every_resource_catalog_schema_and_migration() -> None:
    carried = {Path(source).relative_to(PROJECT_ROOT).as_posix() for source, _folder in bundle_datas(PROJECT_ROOT)}
    for needed in ("docs/trip-file.schema.json", "resources/fonts/NotoSans.LICENSE", "resources/fonts/wqy-microhei.COPYRIGHT",
                   "resources/demo/hannover-shenzhen-2016.json", "resources/icons/app.svg", "resources/missions.json"):
        assert needed in carried, needed
    migrations = {p.relative_to(PROJECT_ROOT).as_posix() for p in (PROJECT_ROOT / "planner/db/migrations/versions").glob("*.py")}
    assert migrations <= carried
    for source, folder in bundle_datas(PROJECT_ROOT):  # each file goes where planner/paths.py looks for it
        assert Path(source).parent.relative_to(PROJECT_ROOT).as_posix() == Path(folder).as_posix()


def test_every_shipped_font_is_listed_with_its_licence_file() -> None:
    listed = json.loads((FONTS / "fonts.json").read_text(encoding="utf-8"))
    for entry in listed:
        assert (FONTS / entry["file"]).is_file() and (FONTS / entry["licence_file"]).is_file(), entry["name"]
    font_files = {p.name for p in FONTS.iterdir() if p.suffix in (".ttf", ".ttc", ".otf")}
    covered = {e["file"] for e in listed} | {"NotoSans-Bold.ttf"}  # the bold face travels with its family's entry
    assert font_files <= covered


def test_reportlab_draws_with_its_c_accelerator() -> None:
    """rl_accel is a dependency: without it reportlab silently falls back to its Python functions (a tenth slower)."""
    from reportlab.lib import rl_accel

    assert getattr(rl_accel.fp_str, "__module__", None) == "_rl_accel"
