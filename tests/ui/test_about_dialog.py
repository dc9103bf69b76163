"""Help › About lists every bundled component with its version and licence, in each language."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from planner import licences
from planner.i18n import set_language
from planner.ui.widgets.about_dialog import AboutDialog


def test_the_components_come_from_the_installed_metadata() -> None:
    names = {c.name.lower(): c for c in licences.python_components()}
    for needed in ("pyside6_essentials", "sqlalchemy", "reportlab", "babel", "psycopg", "psycopg-binary", "python"):
        assert needed in {n.replace("-", "_") for n in names} | set(names), needed
    assert names["sqlalchemy"].licence == "MIT"
    assert "LGPL" in names["pyside6_essentials"].licence
    assert "pytest" not in names and "hypothesis" not in names  # the [test] extra is not part of the program
    assert {f.name for f in licences.font_components()} >= {"WenQuanYi Micro Hei", "Noto Sans (Regular, Bold)"}


@pytest.mark.parametrize("language", ["de", "zh", "en"])
def test_the_dialog_shows_version_database_and_licences(qtbot: QtBot, language: str) -> None:
    set_language(language)
    dialog = AboutDialog("/home/anna/planner.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    assert licences.planner_version() in dialog.heading.text()
    assert "/home/anna/planner.sqlite" in dialog.database.text()
    rows = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    assert "WenQuanYi Micro Hei" in rows and "reportlab" in rows
    assert dialog.model.headerData(2, dialog.table.horizontalHeader().orientation()) != ""
