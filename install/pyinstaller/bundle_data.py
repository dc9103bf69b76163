"""What the bundle carries besides code, in the places planner/paths.py looks for it.

Kept apart from the spec so a test can check the list against the source tree
without running PyInstaller.
"""

from __future__ import annotations

from pathlib import Path


def bundle_datas(root: Path) -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs: fonts and their licences, demo, icons, catalogs, schema, migrations."""
    pairs: list[tuple[str, str]] = []
    for path in sorted((root / "resources").rglob("*")):
        if path.is_file():
            pairs.append((str(path), str(path.parent.relative_to(root))))
    for mo in sorted((root / "translations").glob("*/LC_MESSAGES/planner.mo")):
        pairs.append((str(mo), str(mo.parent.relative_to(root))))
    pairs.append((str(root / "docs" / "trip-file.schema.json"), "docs"))
    # Alembic reads the migration scripts as files from planner/db/migrations (planner/db/migrate.py).
    for script in sorted((root / "planner" / "db" / "migrations").rglob("*.py")):
        pairs.append((str(script), str(script.parent.relative_to(root))))
    return pairs
