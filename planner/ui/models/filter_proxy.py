"""The one proxy behind every searchable list: filter as you type, plus an optional kind filter.

Text matching ignores case and accents ("munchen" finds "München") and reads
each cell's FILTER_ROLE, where models put every language variant, so a German
title is found while the interface is in Chinese. Several words must all
match, each anywhere in the row. Sorting compares the models' SORT_ROLE values
in Python, so models may give tuples such as planner.formatting.sort_key.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from planner.formatting import fold
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


class FilterProxyModel(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._value: Any = None
        self._value_role = KIND_ROLE
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    # --- filtering ---------------------------------------------------------------------

    def filter_text(self) -> str:
        return " ".join(self._terms)

    def set_filter_text(self, text: str) -> None:
        terms = fold(text).split()
        if terms != self._terms:
            self._change_filter(lambda: setattr(self, "_terms", terms))

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
        model = self.sourceModel()
        if model is None:
            return True
        if self._value is not None and model.data(model.index(source_row, 0, source_parent), self._value_role) != self._value:
            return False
        if not self._terms:
            return True
        haystack = fold(" ".join(self._row_texts(source_row, source_parent)))
        return all(term in haystack for term in self._terms)

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

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        a, b = model.data(left, self.sortRole()), model.data(right, self.sortRole())
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
