"""The one proxy behind every searchable list: filter as you type, plus an optional kind filter.

Text matching ignores case and accents ("munchen" finds "München") and reads
each cell's FILTER_ROLE, where models put every language variant, so a German
title is found while the interface is in Chinese. Several words must all
match, each anywhere in the row. A table model may hand over every row's
folded text at once (`search_keys()`, e.g. the people directory); then each
keystroke is decided for all rows in one pass, and a word typed on only
looks again at the rows still shown. Sorting compares the models' SORT_ROLE values
in Python, so models may give tuples such as planner.formatting.sort_key.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from planner.formatting import fold
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
_MISSING = object()
#: The source model's signals after which what was read from it may be out of date.
_CHANGE_SIGNALS = (
    "modelAboutToBeReset", "modelReset", "layoutAboutToBeChanged", "layoutChanged", "dataChanged",
    "rowsAboutToBeInserted", "rowsInserted", "rowsAboutToBeRemoved", "rowsRemoved", "rowsAboutToBeMoved", "rowsMoved",
    "columnsInserted", "columnsRemoved", "columnsMoved",
)


class FilterProxyModel(QSortFilterProxyModel):
    """See the module docstring.

    What it reads from a table model (a row's folded text, a cell's sort key)
    is kept until the model changes: a directory of thousands of people is
    filtered at each keystroke and sorted with n log n comparisons, and each
    reading is a call into Python. The forgetting is connected to the model
    before Qt's own handling, so the proxy never works with stale values.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._previous_terms: list[str] = []  # the terms _accepted was last decided for
        self._value: Any = None
        self._value_role = KIND_ROLE
        self._haystacks: dict[int, str] = {}  # source row -> its folded text
        self._keys: list[str] | None = None  # the source model's search_keys(), until it changes
        self._accepted: list[bool] | None = None  # per source row, for the terms in _accepted_terms
        self._accepted_terms: list[str] | None = None  # the very list _accepted was decided for (None: not decided)
        self._sort_keys: dict[tuple[int, int], dict[int, Any]] = {}  # (column, role) -> source row -> key
        self._cacheable = False  # only a flat table's rows are known by their number alone
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 - Qt override
        old = self.sourceModel()
        if old is not None:
            for name in _CHANGE_SIGNALS:
                try:
                    getattr(old, name).disconnect(self._forget)
                except (RuntimeError, TypeError):  # pragma: no cover - already gone
                    pass
        self._forget()
        self._cacheable = isinstance(model, QAbstractTableModel)
        if model is not None:
            for name in _CHANGE_SIGNALS:  # before super(): Qt's own handlers must find the caches emptied
                getattr(model, name).connect(self._forget)
        super().setSourceModel(model)

    def _forget(self, *_args: object) -> None:
        self._haystacks.clear()
        self._sort_keys.clear()
        self._keys = None
        self._accepted = self._accepted_terms = None
        self._previous_terms = []

    # --- filtering ---------------------------------------------------------------------

    def filter_text(self) -> str:
        return " ".join(self._terms)

    def set_filter_text(self, text: str) -> None:
        terms = fold(text).split()
        if terms != self._terms:
            self._change_filter(lambda: setattr(self, "_terms", terms))
            if not terms:
                self._accepted = self._accepted_terms = None
                self._previous_terms = []

    def filter_value(self) -> Any:
        return self._value

    def set_filter_value(self, value: Any, role: int = KIND_ROLE) -> None:
        """Keep only rows whose `role` data equals `value`; None shows all rows."""
        if value != self._value or role != self._value_role:

            def apply() -> None:
                self._value, self._value_role = value, role

            self._change_filter(apply)

    def _change_filter(self, apply: Any) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            apply()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802 - Qt override
        accepted = self._accepted  # the quick path first: Qt asks for every row at every keystroke
        if accepted is not None and self._value is None and self._accepted_terms is self._terms and source_row < len(accepted):
            return accepted[source_row]
        model = self.sourceModel()
        if model is None:
            return True
        if self._value is not None and model.data(model.index(source_row, 0, source_parent), self._value_role) != self._value:
            return False
        if not self._terms:
            return True
        if self._cacheable and self._accepted_terms is not self._terms:
            self._accept_all(model)
        if self._accepted is not None and source_row < len(self._accepted):
            return self._accepted[source_row]
        haystack = self._haystacks.get(source_row) if self._cacheable else None
        if haystack is None:
            haystack = fold(" ".join(self._row_texts(source_row, source_parent)))
            if self._cacheable:
                self._haystacks[source_row] = haystack
        return all(term in haystack for term in self._terms)

    def _accept_all(self, model: QAbstractItemModel) -> None:
        """Decide every row for the current terms in one pass, where the model gives its search keys at once."""
        self._accepted_terms = terms = self._terms
        if self._keys is None:
            search_keys = getattr(model, "search_keys", None)
            self._keys = search_keys() if search_keys is not None else None
        keys = self._keys
        if keys is None or len(keys) != model.rowCount():
            self._accepted = None  # asked row by row (see filterAcceptsRow)
            return
        before, previous = self._accepted, self._previous_terms
        if before is not None and len(before) == len(keys) and previous and _narrows(previous, terms):
            # Typed on: a row hidden before stays hidden, only the rows still shown are looked at again.
            self._accepted = [shown and all(term in key for term in terms) for shown, key in zip(before, keys)]
        else:
            self._accepted = [all(term in key for term in terms) for key in keys]
        self._previous_terms = terms

    def _row_texts(self, row: int, parent: AnyIndex) -> list[str]:
        model = self.sourceModel()
        texts: list[str] = []
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            value = model.data(index, FILTER_ROLE)
            if value is None:
                value = model.data(index, Qt.ItemDataRole.DisplayRole)
            if value is not None:
                texts.append(str(value))
        return texts

    # --- sorting -----------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column`; where the source model keeps its rows in that order already, take them as they are.

        A model says so with `in_order(column)` (ascending). Sorting otherwise
        calls lessThan, in Python, n log n times: for a programme of thousands
        of items, which comes in time order, that was most of opening the page.
        """
        self._sorted_by = (column, order)
        in_order = getattr(self.sourceModel(), "in_order", None)
        if column >= 0 and order == Qt.SortOrder.AscendingOrder and in_order is not None and in_order(column):
            super().sort(-1, order)  # the source order, kept up to date by the model
        else:
            super().sort(column, order)

    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        """The column and order asked for (sortColumn() is -1 where the source order is taken as it is)."""
        return getattr(self, "_sorted_by", (self.sortColumn(), self.sortOrder()))

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:  # noqa: N802 - Qt override
        # Called n log n times per sort, so the cached path is written out in full.
        role = self.sortRole()
        if self._cacheable:
            column = left.column()
            keys = self._sort_keys.get((column, role))
            if keys is None:
                keys = self._sort_keys[(column, role)] = {}
            row = left.row()
            a = keys.get(row, _MISSING)
            if a is _MISSING:
                a = keys[row] = self.sourceModel().data(left, role)
            row = right.row()
            b = keys.get(row, _MISSING)
            if b is _MISSING:
                b = keys[row] = self.sourceModel().data(right, role)
        else:
            model = self.sourceModel()
            a, b = model.data(left, role), model.data(right, role)
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


def _narrows(before: list[str], after: list[str]) -> bool:
    """Whether every row matching `after` matches `before` too: each earlier word lies within a word now typed."""
    return all(any(old in new for new in after) for old in before)
