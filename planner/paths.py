"""Where the app's bundled files and the user's data live.

Bundled files (fonts, demo data, icons, catalogs) sit beside the package in the
source tree, which is how the app is installed (editable) by `make run`.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PROJECT_ROOT / "resources"
TRANSLATIONS = PROJECT_ROOT / "translations"
DOCS = PROJECT_ROOT / "docs"
FONTS = RESOURCES / "fonts"
CJK_FONT = FONTS / "wqy-microhei.ttc"
LATIN_FONT = FONTS / "NotoSans-Regular.ttf"
LATIN_BOLD_FONT = FONTS / "NotoSans-Bold.ttf"
DEMO_TRIPS = RESOURCES / "demo"
ICONS = RESOURCES / "icons"
MISSIONS = RESOURCES / "missions.json"
TRIP_FILE_SCHEMA = DOCS / "trip-file.schema.json"

APP_NAME = "DelegationPlanner"
APP_AUTHOR = "DelegationPlanner"


def user_data_dir() -> Path:
    """The per-user folder for the default database, backups and logs."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR)


def default_database_path() -> Path:
    return user_data_dir() / "planner.sqlite"
