"""The layers keep to their rule (docs/development.md): import-linter's contracts in pyproject.toml.

domain < db < services < export, importing < ui, cli; nothing below the ui imports Qt, and the ui never
imports SQLAlchemy. A new import that breaks a contract fails `make test` here, naming the import chain.
It runs in a process of its own: import-linter reconfigures logging, which would silence the app's loggers
for the tests after it.
"""

from __future__ import annotations

import subprocess
import sys

from planner.paths import PROJECT_ROOT

LINT = "from importlinter.cli import lint_imports; raise SystemExit(lint_imports(no_cache=True))"


def test_every_import_keeps_the_layer_contracts() -> None:
    done = subprocess.run([sys.executable, "-c", LINT], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "3 kept, 0 broken" in done.stdout
