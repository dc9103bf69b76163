"""What every table of records shares: rows, translated headers, the roles the filter proxy asks for.

The trip, venue, contact, person, member and problem tables each held the same
dozen methods (row and column counts, headers in the current language, a reset
that reads first and swaps after, "everything changed" on a language switch);
they differed only in how a cell reads. Here they are written once, so a fix to
one (say, the read that fails leaving the model as it was) holds for all.
A table says what it shows in `HEADERS` and answers `_cell()`; one that reads
from the database also says how in `_read()` (`DatabaseTableModel`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from planner.domain.localized import LocalizedText
from planner.i18n import _
from planner.ui.language import LanguageController

if TYPE_CHECKING:  # the trip list is shown before SQLAlchemy is imported (planner.db.trip_list)
    from planner.db.engine import Database

AnyIndex = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

DISPLAY = Qt.ItemDataRole.DisplayRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def all_languages(text: LocalizedText) -> str:
    """Every language of a text, for the filter: a search in any of them finds the row."""
    return " ".join((text.de, text.zh, text.en))


def all_languages_tooltip(text: LocalizedText) -> str | None:
    """Every language of a text on its own line, for a tooltip; None when the text is empty."""
    return "\n".join(v for v in (text.de, text.zh, text.en) if v) or None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """One record per row under the translated `HEADERS`; `_cell()` says what a cell shows in a role."""

    HEADERS: ClassVar[tuple[str, ...]] = ()
    #: Columns of figures, aligned right in the cells and the header.
    RIGHT_ALIGNED: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, language: LanguageController | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        if language is not None:
            language.follow(self.retranslate, now=False)

    # --- the rows ------------------------------------------------------------------------

    def _replace_rows(self, rows: list[R]) -> None:
        """Show these rows instead; read them before calling, so a read that fails leaves the model as it was."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._rows[row]

    def records(self) -> list[R]:
        return list(self._rows)

    def row_of(self, record_id: int) -> int:
        """The row of the record with this id, or -1."""
        return next((i for i, r in enumerate(self._rows) if self._record_id(r) == record_id), -1)

    def _record_id(self, record: R) -> int | None:
        return getattr(record, "id", None)

    def retranslate(self, _language: str = "") -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        self._all_changed()

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

    # --- the model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == DISPLAY:
                return self._header(section)
            if role == Qt.ItemDataRole.TextAlignmentRole and section in self.RIGHT_ALIGNED:
                return RIGHT
        return super().headerData(section, orientation, role)

    def _header(self, section: int) -> str:
        return _(self.HEADERS[section])

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._rows):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT_ALIGNED:
            return RIGHT
        return self._cell(row, self._rows[row], column, role)

    def _cell(self, row: int, record: R, column: int, role: int) -> Any:
        """What the cell of `record` in `column` shows in `role` (None: nothing)."""
        raise NotImplementedError


class DatabaseTableModel(RecordTableModel[R]):
    """A table read from the open database by `_read()`; `set_database` reads the other one.

    Without a database yet (the window at start-up), it shows `rows` read elsewhere until it is given one.
    """

    def __init__(
        self, db: Database | None, language: LanguageController | None = None, parent: QObject | None = None, *,
        load: bool = True, rows: Sequence[R] = (),
    ) -> None:
        super().__init__(language, parent)
        self._db = db
        self._rows = list(rows)
        if load and db is not None:  # a page that is not shown yet reads when it is first shown
            self.reload()

    @property
    def db(self) -> Database:
        assert self._db is not None, "no database yet"
        return self._db

    def set_database(self, db: Database) -> None:
        self._db = db
        self.reload()

    def reload(self) -> None:
        """Read the rows again, e.g. after a change or when another database was opened."""
        if self._db is not None:
            self._replace_rows(self._read())

    def _read(self) -> list[R]:
        raise NotImplementedError
