"""A dialog's keyboard, set when it is shown: Tab in reading order, and a clash-free Alt key per caption.

Widgets get their place in the focus chain from the order they were created,
which in a form is rarely the order they are laid out in; and mnemonics kept
by hand in three catalogs clash sooner or later. Both follow here from the
layouts themselves, for any dialog: the layouts are walked row by row (grids)
and in order (boxes), which is how a reader goes through a form, column after
column when a form has two.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QWidget,
)

from planner.ui.mnemonics import assign_mnemonics, mnemonic_of, strip_mnemonic

#: The property a caption carries with the English name of its field (letters for Chinese captions).
HINT_PROPERTY = "mnemonicHint"
#: Set on a check box whose mnemonic was chosen here: chosen again next time, not kept as taken.
OURS_PROPERTY = "mnemonicAssigned"


def widgets_in_reading_order(root: QWidget) -> list[QWidget]:
    """Every widget laid out in `root`, as a reader meets them (containers before their contents)."""
    layout = root.layout()
    return list(_walk_layout(layout)) if layout is not None else []


def _walk_layout(layout: QLayout) -> Iterator[QWidget]:
    items = []
    if isinstance(layout, QGridLayout):
        cells = []
        for index in range(layout.count()):
            row, column, _rows, _columns = layout.getItemPosition(index)
            cells.append((row, column, index))
        items = [layout.itemAt(index) for _row, _column, index in sorted(cells)]
    else:
        items = [layout.itemAt(index) for index in range(layout.count())]
    for item in items:
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            yield widget
            if isinstance(widget, QTabWidget):  # its pages, in the order of their tabs
                for index in range(widget.count()):
                    page = widget.widget(index)
                    yield page
                    if page.layout() is not None:
                        yield from _walk_layout(page.layout())
                continue
            inner = widget.layout()
            if inner is not None:
                yield from _walk_layout(inner)
        elif item.layout() is not None:
            yield from _walk_layout(item.layout())


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and not isinstance(widget, QLabel)


def reading_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits in `root` now (shown and enabled), in reading order."""
    return [w for w in widgets_in_reading_order(root) if _takes_tab(w) and w.isVisible() and w.isEnabled()]


def focus_next_in_reading_order(root: QWidget, forward: bool) -> bool:
    """Move the focus to the next (previous) widget in reading order; False if the focus is not in the chain.

    Forms override focusNextPrevChild with this rather than reorder Qt's focus
    chain with setTabOrder: widgets created before the containers they are
    laid out in (a date and its "not known" box, a text box's scroll bars)
    leave parts of themselves behind when moved, and Tab then jumps back.
    """
    chain = reading_chain(root)
    current = QApplication.focusWidget()
    while current is not None and current not in chain:  # a combo box's line edit, a tab widget's tab bar
        current = current.parentWidget() if current is not root else None
    if current is None or not chain:
        return False
    step = 1 if forward else -1
    target = chain[(chain.index(current) + step) % len(chain)]
    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
    return True


class _Target:
    """Something that shows a caption with a mnemonic: a label or a check box."""

    def __init__(self, text: str, apply: Callable[[str], None], hint: str = "") -> None:
        self.text, self.apply, self.hint = strip_mnemonic(text), apply, hint


def assign_form_mnemonics(root: QWidget) -> None:
    """Give every caption (a label with a buddy) and check box its own Alt letter.

    Letters that buttons already carry (Qt's "&OK", "&Abbrechen") are kept and
    skipped; captions are served in reading order, so the first fields get
    the first letters of their words. The pages of a tab widget are shown one
    at a time, so each page has the letters left by what is always shown
    (Ctrl+Tab goes from page to page).
    """
    widgets = widgets_in_reading_order(root)
    pages = {tabs.widget(i) for tabs in widgets if isinstance(tabs, QTabWidget) for i in range(tabs.count())}

    def page_of(widget: QWidget) -> QWidget | None:
        parent = widget.parentWidget()
        while parent is not None and parent is not root:
            if parent in pages:
                return parent
            parent = parent.parentWidget()
        return None

    taken = {mnemonic_of(button.text()) for button in root.findChildren(QPushButton) if not button.property(OURS_PROPERTY)}
    used = _assign_group([w for w in widgets if page_of(w) is None], root, taken)
    for page in pages:
        _assign_group([w for w in widgets if page_of(w) is page], page, used)


def _assign_group(widgets: list[QWidget], scope: QWidget, taken: set[str]) -> set[str]:
    """Mnemonics for the captions among `widgets` (shown together in `scope`); returns the letters now in use."""
    targets: list[_Target] = []
    letters = set(taken)
    for widget in widgets:
        if not widget.isVisibleTo(scope):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None and widget.text():
            _focusable_buddy(widget)
            targets.append(_Target(widget.text(), widget.setText, str(widget.property(HINT_PROPERTY) or "")))
        elif isinstance(widget, (QCheckBox, QRadioButton)) and (widget.property(OURS_PROPERTY) or not mnemonic_of(widget.text())):
            widget.setProperty(OURS_PROPERTY, True)  # ours from now on: chosen again next time, not kept as taken
            targets.append(_Target(widget.text(), widget.setText))
        elif isinstance(widget, QAbstractButton):
            letters.add(mnemonic_of(widget.text()))
    for target, text in zip(targets, assign_mnemonics([t.text for t in targets], letters, [t.hint for t in targets]), strict=True):
        target.apply(text)
        letters.add(mnemonic_of(text))
    return letters


def _focusable_buddy(label: QLabel) -> None:
    """A caption of a row widget (a date beside a time, a check box beside a list) names the row's first field."""
    buddy = label.buddy()
    if buddy is None or _takes_tab(buddy):
        return
    inside = next((w for w in widgets_in_reading_order(buddy) if _takes_tab(w)), None)
    if inside is not None:
        label.setBuddy(inside)


def prepare_keyboard(root: QWidget) -> None:
    """Clash-free mnemonics for `root` (call when it is about to be shown; Tab order see focus_next_in_reading_order)."""
    assign_form_mnemonics(root)
