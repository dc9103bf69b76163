"""Forms hold in three languages: no button or check box narrower than its text, filled-in variants look editable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.enums import Language
from planner.domain.localized import LocalizedText
from planner.i18n import set_language
from planner.importing import demo
from planner.ui.language import LanguageController
from planner.ui.pages.base import UiContext
from planner.ui.widgets.form import MISSING_COLOR
from planner.ui.widgets.item_form import ItemForm
from tests.ui.test_form_keys import _forms


@pytest.fixture
def demo_db(db: Database) -> Database:
    demo.load_demo(db)
    return db


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_no_button_or_check_box_is_cut_in_any_form(demo_db: Database, language: LanguageController, qtbot: QtBot, lang: str) -> None:
    language.set_language(lang)
    set_language(lang)
    for name, make in _forms(demo_db).items():
        form = make()
        qtbot.addWidget(form)
        form.show()
        QApplication.processEvents()
        cut = [
            f"{b.text()!r} {b.width()} < {b.minimumSizeHint().width()}"
            for b in form.findChildren(QAbstractButton)
            if b.isVisible() and b.text() and b.width() < b.minimumSizeHint().width()
        ]
        assert cut == [], f"{name} ({lang})"
        form.close()


def test_the_item_form_in_german_shows_add_gift_and_the_other_zone_box_whole(demo_db: Database, language: LanguageController, qtbot: QtBot) -> None:
    language.set_language("de")
    set_language("de")
    form = _forms(demo_db)["item"]()
    assert isinstance(form, ItemForm)
    qtbot.addWidget(form)
    from planner.ui.widgets.protocol_panel import ProtocolPanel

    item = form._item  # noqa: SLF001 - the saved item the form edits
    form.add_side_panel("protocol", "Geschenke", ProtocolPanel(_ctx(demo_db, language), item, [], form))
    form.show()
    QApplication.processEvents()
    panel = form.findChild(ProtocolPanel)
    assert panel is not None
    assert panel.add_button.text() == "Geschenk hinzufügen…"
    assert panel.add_button.width() >= panel.add_button.sizeHint().width()
    assert form.other_end_zone.width() >= form.other_end_zone.sizeHint().width()


def _ctx(db: Database, language: LanguageController) -> UiContext:
    from PySide6.QtCore import QSettings

    from tests.ui.programme_support import make_context

    return make_context(db, language, QSettings())


def test_a_variant_filled_in_after_it_was_missing_looks_editable_again(demo_db: Database, qtbot: QtBot) -> None:
    form = _forms(demo_db)["item"]()
    qtbot.addWidget(form)
    form.show()
    english = form.description.edits[Language.EN]
    form.description.set_value(LocalizedText(de="Flug", zh="航班"))
    assert english.palette().color(QPalette.ColorRole.Base) == MISSING_COLOR
    form.description.set_value(LocalizedText(de="Flug", zh="航班", en="Flight"))
    assert english.palette().color(QPalette.ColorRole.Base) != MISSING_COLOR
    assert english.viewport().autoFillBackground()  # its inside is painted, not the grey of a disabled box
    assert english.palette().color(QPalette.ColorRole.Base) == form.description.edits[Language.DE].palette().color(QPalette.ColorRole.Base)


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_at_their_smallest_forms_still_give_wrapped_text_its_lines(demo_db: Database, language: LanguageController, qtbot: QtBot, lang: str) -> None:
    from PySide6.QtWidgets import QLabel

    language.set_language(lang)
    set_language(lang)
    for name, make in _forms(demo_db).items():
        form = make()
        qtbot.addWidget(form)
        form.show()
        QApplication.processEvents()
        form.resize(form.minimumSize())  # as small as the user can drag it
        QApplication.processEvents()
        squeezed = [
            label.text()[:30] for label in form.findChildren(QLabel)
            if label.isVisible() and label.wordWrap() and label.text() and label.height() < label.heightForWidth(label.width())
        ]
        assert squeezed == [], f"{name} ({lang})"
        form.close()


def _squeezed_or_overlapping(dialog: QWidget) -> list[str]:
    """Wrapped labels lower than their lines, and visible children that overlap a sibling, at the dialog's smallest."""
    from PySide6.QtWidgets import QLabel, QWidget

    dialog.show()
    QApplication.processEvents()
    dialog.resize(dialog.minimumSizeHint().expandedTo(dialog.minimumSize()))  # as small as the user can drag it
    QApplication.processEvents()
    bad = [
        f"squeezed: {label.text()[:30]}" for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.wordWrap() and label.text() and label.height() < label.heightForWidth(label.width())
    ]
    shown = [w for w in dialog.children() if isinstance(w, QWidget) and w.isVisible() and not w.isWindow()]
    for index, first in enumerate(shown):
        for second in shown[index + 1:]:
            if first.geometry().intersects(second.geometry()):
                bad.append(f"overlap: {type(first).__name__} {first.objectName()} / {type(second).__name__} {second.objectName()}")
    return bad


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_export_and_seating_dialogs_at_their_smallest_keep_every_line_and_nothing_overlaps(
    demo_db: Database, language: LanguageController, qtbot: QtBot, lang: str
) -> None:
    """In German the export dialog's "All / None" row slid over the list and the seating plan hid its key help."""
    from planner.services import delegation, programme, trips
    from planner.ui.widgets.export_dialog import ExportDialog
    from planner.ui.widgets.protocol_panel import ProtocolPanel

    language.set_language(lang)
    set_language(lang)
    ctx = _ctx(demo_db, language)
    trip = trips.list_trips(demo_db)[0].trip
    assert trip.id is not None
    export = ExportDialog(ctx, trip.id)
    qtbot.addWidget(export)
    assert _squeezed_or_overlapping(export) == []
    members = delegation.list_members(demo_db, trip.id)
    item = next(i for i in programme.list_items(demo_db, trip.id) if i.everyone)
    panel = ProtocolPanel(ctx, item, members)
    qtbot.addWidget(panel)
    seating = panel.seating_dialog()
    assert _squeezed_or_overlapping(seating) == []
    from planner.ui.mnemonics import mnemonic_of

    assert mnemonic_of(seating.arrangement_caption.text())  # Alt+letter reaches the arrangement (it had none)


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_the_crash_dialog_at_its_smallest_shows_the_whole_message(tmp_path: Path, qtbot: QtBot, lang: str) -> None:
    """The log file's path, at the end of the message, was cut off."""
    from pathlib import Path

    from planner.ui.errors import ErrorReporter
    from planner.ui.widgets.crash_dialog import CrashDialog

    set_language(lang)
    reporter = ErrorReporter(Path(tmp_path) / "a-folder-with-a-long-name-as-on-windows" / "Delegation planner" / "logs")
    reporter.install()
    try:
        dialog = CrashDialog(reporter.message_for(RuntimeError("x")), "Traceback", reporter.log_path)
    finally:
        reporter.uninstall()
    qtbot.addWidget(dialog)
    assert _squeezed_or_overlapping(dialog) == []


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_the_change_status_button_leaves_room_for_its_menu_arrow(language: LanguageController, qtbot: QtBot, lang: str) -> None:
    """Qt drew the arrow over the last letter of "Status ändern": the button was sized for its text alone."""
    from PySide6.QtWidgets import QStyle

    from planner.ui.mnemonics import strip_mnemonic
    from planner.ui.widgets.trip_overview import TripOverview

    language.set_language(lang)
    set_language(lang)
    overview = TripOverview()
    overview.retranslate()
    qtbot.addWidget(overview)
    overview.show()
    QApplication.processEvents()
    button = overview.status_button
    text_width = button.fontMetrics().horizontalAdvance(strip_mnemonic(button.text()))
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    text_right = (button.width() + text_width) // 2  # the text is centred
    assert text_right <= button.width() - arrow, (button.width(), text_width, arrow)  # the arrow sits in the last `arrow` pixels


def test_a_long_one_line_text_shows_its_beginning(demo_db: Database, qtbot: QtBot) -> None:
    """The item form's transport showed "…unkt 16:00 Uhr am Gruppen-Check-in": QLineEdit.setText leaves the cursor at the end."""
    from PySide6.QtWidgets import QLineEdit

    form = _forms(demo_db)["item"]()
    assert isinstance(form, ItemForm)
    qtbot.addWidget(form)
    form.show()
    QApplication.processEvents()
    long = LocalizedText.from_mapping({"de": "Treffpunkt 16:00 Uhr am Gruppen-Check-in, Terminal 1, Halle B, " * 2})
    form.transport.set_value(long)
    edit = form.transport.edits[Language.DE]
    assert isinstance(edit, QLineEdit)
    assert edit.fontMetrics().horizontalAdvance(edit.text()) > edit.width()  # longer than the box
    assert edit.cursorPosition() == 0  # so the box scrolls to the text's start


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_the_host_pickers_other_person_list_at_its_smallest_shows_its_hint_and_tells_long_rows(
    demo_db: Database, qtbot: QtBot, lang: str
) -> None:
    """At 480 × 420 with no minimum it could be dragged down to a sliver that cut every name and the hint."""
    from PySide6.QtCore import Qt

    from planner.services import people
    from planner.ui.widgets.host_picker import PersonPicker

    set_language(lang)
    picker = PersonPicker(people.list_people(demo_db), lang)
    qtbot.addWidget(picker)
    picker.show()
    picker.resize(picker.minimumSizeHint().expandedTo(picker.minimumSize()))
    QApplication.processEvents()
    hint = picker.filter.placeholderText()
    assert picker.filter.fontMetrics().horizontalAdvance(hint) < picker.filter.width() - 40  # room for the clear button
    row = picker.proxy.index(0, 0)
    assert row.data(Qt.ItemDataRole.ToolTipRole) == row.data(Qt.ItemDataRole.DisplayRole)  # what runs past the edge


@pytest.mark.parametrize("lang", ["de", "zh", "en"])
def test_the_directory_picker_at_its_smallest_shows_five_people_and_its_role_has_an_alt_letter(
    demo_db: Database, qtbot: QtBot, lang: str
) -> None:
    """Dragged to its smallest it showed one person; its "Role in the delegation" had no Alt letter."""
    from PySide6.QtWidgets import QLabel

    from planner.ui.mnemonics import mnemonic_of
    from planner.ui.pages.people import PICKER_ROWS, DirectoryPicker

    set_language(lang)
    picker = DirectoryPicker(demo_db, [])
    qtbot.addWidget(picker)
    picker.show()
    picker.resize(picker.minimumSizeHint().expandedTo(picker.minimumSize()))
    QApplication.processEvents()
    view = picker.view
    whole = [r for r in range(view.model().rowCount()) if 0 <= view.rowViewportPosition(r) and view.rowViewportPosition(r) + view.rowHeight(r) <= view.viewport().height()]
    assert len(whole) >= PICKER_ROWS
    role_caption = next(label for label in picker.findChildren(QLabel) if label.buddy() is picker.role)
    assert mnemonic_of(role_caption.text())


def test_a_long_title_focused_and_selected_when_the_form_opens_shows_its_beginning(demo_db: Database, qtbot: QtBot) -> None:
    """Editing the trip, its German title showed "…der Kreativwirtschaft Hannover nach Shenzhen": Qt's select-all puts the cursor at the end."""
    from PySide6.QtCore import Qt

    from planner.services import trips
    from planner.ui.widgets.trip_dialog import TripDialog
    from tests.ui.test_form_keys import _activate

    set_language("de")
    trip = trips.list_trips(demo_db)[0].trip
    dialog = TripDialog(lambda d: d, None, trip=trip)
    qtbot.addWidget(dialog)
    dialog.show()
    _activate(qtbot, dialog)
    edit = dialog.findChild(QWidget, "title_de")
    assert isinstance(edit, QLineEdit)
    edit.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab or the form's first focus does: everything selected
    QApplication.processEvents()
    assert edit.fontMetrics().horizontalAdvance(edit.text()) > edit.width()
    assert edit.selectedText() == edit.text()  # typing still replaces the whole title
    assert edit.cursorPosition() == 0  # and the box shows its beginning
