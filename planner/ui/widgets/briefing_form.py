"""The briefing of one programme item: objective, talking points, background, topics to avoid, outcomes.

Five texts in three languages would be fifteen boxes; a briefing is usually
written in the language of the one who reads it (the head of delegation), so
the form shows the five texts in one language at a time, with a switch for
the others that says which already hold text. Saved as one undoable step
(services.briefing.save_briefing); internal: nothing a participant receives
reads it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from planner.domain.briefing import ItemBriefingData
from planner.domain.entities import ItemData
from planner.domain.enums import Language
from planner.domain.errors import PlannerError
from planner.domain.localized import LocalizedText
from planner.i18n import _
from planner.services import briefing
from planner.services.base import Change
from planner.ui.errors import show_planner_error
from planner.ui.language import LANGUAGE_NAMES
from planner.ui.pages.base import UiContext
from planner.ui.widgets.form import RecordForm

#: Lines each box shows: talking points are a list, the rest a few sentences.
_LINES = {"talking_points": 6}


class BriefingForm(RecordForm):
    """The five briefing texts of `item`, shown in one language at a time (the interface language first)."""

    def __init__(
        self, save: Callable[[ItemBriefingData], object], briefing: ItemBriefingData, item: ItemData, ui_lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.briefing = briefing
        self.setWindowTitle(_("Briefing – {item}").format(item=item.title.text(ui_lang)))
        self.setMinimumWidth(560)
        self._texts: dict[str, dict[Language, str]] = {
            name: {lang: getattr(briefing, name).get(lang) for lang in Language} for name, _label in ItemBriefingData.FIELDS
        }
        self.language = QComboBox(self)
        for lang in Language:
            self.language.addItem(LANGUAGE_NAMES[lang.value], lang.value)
        self._shown = Language(ui_lang) if ui_lang in {lang.value for lang in Language} else Language.EN
        self.language.setCurrentIndex(self.language.findData(self._shown.value))
        self.add_row("language", _("Language of the texts"), self.language)
        self.edits: dict[str, QPlainTextEdit] = {}
        for name, label in ItemBriefingData.FIELDS:
            edit = QPlainTextEdit(self)
            edit.setObjectName(name)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * _LINES.get(name, 3) + 12)
            edit.textChanged.connect(lambda f=name: self.clear_error(f))
            self.edits[name] = edit
            self.add_row(name, _(label), edit)
        hint = QLabel(_("Internal: the briefing book prints these texts; itineraries and calendars never do."), self)
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.finish_layout()
        self._show_language(self._shown)
        self.language.currentIndexChanged.connect(lambda _i: self._switch())
        self.edits["objective"].setFocus()

    def _keep_shown(self) -> None:
        for name, edit in self.edits.items():
            self._texts[name][self._shown] = edit.toPlainText()

    def _show_language(self, lang: Language) -> None:
        self._shown = lang
        for name, edit in self.edits.items():
            edit.setPlainText(self._texts[name][lang])
        self._mark_languages()

    def _switch(self) -> None:
        self._keep_shown()
        self._show_language(Language(self.language.currentData()))

    def _mark_languages(self) -> None:
        """"English (empty)" in the switch for a language with no text yet, so none is forgotten."""
        for index in range(self.language.count()):
            lang = Language(self.language.itemData(index))
            filled = any(texts[lang].strip() for name, texts in self._texts.items())
            name = LANGUAGE_NAMES[lang.value]
            self.language.setItemText(index, name if filled or lang is self._shown else _("{language} (empty)").format(language=name))

    def show_language(self, lang: Language) -> None:
        """Switch to `lang` (as choosing it in the list does)."""
        self.language.setCurrentIndex(self.language.findData(lang.value))

    def record(self) -> ItemBriefingData:
        self._keep_shown()
        values = {name: LocalizedText.from_mapping({lang.value: text for lang, text in texts.items()}) for name, texts in self._texts.items()}
        return self.briefing.evolve(**values)


#: Opens the selected item's briefing on the Programme page.
BRIEFING_KEY = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_B)


def edit_briefing(ctx: UiContext, item: ItemData, parent: QWidget | None) -> Change | None:
    """Show the briefing form of a saved `item`; the change it saved, or None."""
    assert item.id is not None
    item_id = item.id
    try:
        current = briefing.get_briefing(ctx.db, item_id)
    except PlannerError as error:
        show_planner_error(parent, error)
        return None

    def save(data: ItemBriefingData) -> Change | None:
        return ctx.history.record(_("Edit briefing"), briefing.save_briefing(ctx.db, data))

    form = BriefingForm(save, current, item, ctx.lang, parent)
    try:
        accepted = form.exec() == QDialog.DialogCode.Accepted
    finally:
        form.deleteLater()
    return form.result_value if accepted and isinstance(form.result_value, Change) else None


class BriefingButton(QWidget):
    """In the item form: whether the item has a briefing yet, and the button that opens it."""

    def __init__(self, ctx: UiContext, item: ItemData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.button = QPushButton(_("Edit briefing…"), self)
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.open)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.button)
        self.refresh()

    def refresh(self) -> None:
        try:
            empty = briefing.get_briefing(self.ctx.db, self.item.id or 0).is_empty()
        except PlannerError:
            empty = True
        self.state.setText(_("No briefing yet.") if empty else _("A briefing is written."))

    def open(self) -> None:
        edit_briefing(self.ctx, self.item, self.window())
        self.refresh()
