"""The delegation as a list with a tick box per member: who attends a programme item."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from planner.domain.members import Member
from planner.ui.models.roles import OBJECT_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


class MemberCheckModel(QAbstractListModel):
    """Members in protocol order, each ticked or not; everyone is ticked to begin with."""

    checksChanged = Signal()

    def __init__(self, members: Sequence[Member], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members = list(members)
        self._checked: set[int] = {m.id for m in self._members}

    def checked_ids(self) -> tuple[int, ...]:
        """The ticked memberships, in protocol order."""
        return tuple(m.id for m in self._members if m.id in self._checked)

    def set_checked(self, ids: Iterable[int]) -> None:
        self._checked = {i for i in ids if any(m.id == i for m in self._members)}
        self._all_changed()

    def set_all(self, checked: bool) -> None:
        self._checked = {m.id for m in self._members} if checked else set()
        self._all_changed()

    def _all_changed(self) -> None:
        if self._members:
            self.dataChanged.emit(self.index(0), self.index(len(self._members) - 1), [Qt.ItemDataRole.CheckStateRole])
        self.checksChanged.emit()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._members)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return None
        member = self._members[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{member.person.name} · {member.role.label}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if member.id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return member.person.full_name
        if role == OBJECT_ROLE:
            return member
        if role == SORT_ROLE:
            return index.row()
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not 0 <= index.row() < len(self._members):
            return False
        member_id = self._members[index.row()].id
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        if state == Qt.CheckState.Checked:
            self._checked.add(member_id)
        else:
            self._checked.discard(member_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checksChanged.emit()
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
