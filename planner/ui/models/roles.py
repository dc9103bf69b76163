"""Item data roles every planner model answers, so one proxy and one view work with all of them."""

from __future__ import annotations

from PySide6.QtCore import Qt

#: A Python value to order the column by (str, number, date or tuple); the proxy compares them in Python.
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: The record behind the row (e.g. a TripSummary), the same for every column.
OBJECT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
#: All the text a search should find in this cell, every language variant included.
FILTER_ROLE = int(Qt.ItemDataRole.UserRole) + 3
#: The row's status or kind value (a StrEnum's value), for the proxy's value filter.
KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 4
