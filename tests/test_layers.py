"""The layers keep to their rule (docs/development.md): import-linter's contracts in pyproject.toml.

domain < db < services < export, importing < ui, cli; nothing below the ui imports Qt, and the ui never
imports SQLAlchemy. A new import that breaks a contract fails `make test` here, naming the import chain.
"""

from __future__ import annotations

import os

from importlinter.cli import lint_imports

from planner.paths import PROJECT_ROOT


def test_every_import_keeps_the_layer_contracts(capsys) -> None:  # type: ignore[no-untyped-def]
    here = os.getcwd()
    os.chdir(PROJECT_ROOT)  # the contracts live in the project's pyproject.toml
    try:
        code = lint_imports(no_cache=True)
    finally:
        os.chdir(here)
    report = capsys.readouterr().out
    assert code == 0, report[-3000:]
    assert "3 kept, 0 broken" in report
