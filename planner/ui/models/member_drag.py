"""Rows dragged as the members they show: guests onto a room block, seats onto a vehicle.

Why one place: both tables hand out the members of the dragged rows the same way — each
member once, top to bottom, as comma-separated membership ids under a MIME type of the
table's own (so a drag from one Logistics tab is never taken by the other) — and their drop
targets read the ids back the same way. Written twice, the two had begun to differ (one
reader checked the drag's type, the other left that to its caller).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


def members_mime(mime_type: str, ids: Sequence[int]) -> QMimeData:
    """Drag data carrying these membership ids."""
    data = QMimeData()
    data.setData(mime_type, QByteArray(",".join(str(i) for i in ids).encode("ascii")))
    return data


def members_in(data: QMimeData, mime_type: str) -> list[int]:
    """The membership ids a drag of `mime_type` carries; [] for anything else."""
    if not data.hasFormat(mime_type):
        return []
    text = bytes(data.data(mime_type).data()).decode("ascii", errors="ignore")
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


class MemberDragModel(QAbstractTableModel):
    """A table whose rows can be dragged; a drag carries the members of the rows (`_member_id`)."""

    #: The MIME type of the table's drags.
    MEMBERS_MIME: ClassVar[str]
    #: What a drop may do with them (the page makes the change; nothing is moved by the view).
    DRAG_ACTIONS: ClassVar[Qt.DropAction] = Qt.DropAction.CopyAction

    def _member_id(self, row: int) -> int | None:
        """The membership id of the member shown in `row`."""
        raise NotImplementedError

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [self.MEMBERS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt override
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = dict.fromkeys(self._member_id(row) for row in rows)
        return members_mime(self.MEMBERS_MIME, [i for i in ids if i is not None])

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return self.DRAG_ACTIONS
