"""Table columns that follow their contents: as wide as what they hold (capped), again after every reload.

Sized once when a table is first filled, a column keeps the width of the first
names it saw: a longer name added later is cut ("Stefan Sch…"), while a column
that was empty then stays as wide as its caption forever. Fitting after each
reload keeps both right. A column the user has sized with the mouse keeps that
width; the last column takes the room that is left.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractProxyModel, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView

#: The widest a column is made; longer texts are elided and shown in full as tooltips.
MAX_COLUMN_WIDTH = 240
#: How many rows beyond those in view fitting looks at: measuring a cell asks the
#: model for many roles, and a directory has thousands of rows.
FIT_SAMPLE_ROWS = 200


class ColumnFitter(QObject):
    """Fits `view`'s columns to their contents whenever its records are read again or added.

    `caps` gives single columns another maximum than MAX_COLUMN_WIDTH.
    """

    def __init__(self, view: QTableView, caps: dict[int, int] | None = None, cap: int = MAX_COLUMN_WIDTH) -> None:
        super().__init__(view)
        self.view = view
        self.cap = cap
        self.caps = dict(caps or {})
        self.user_sized: set[int] = set()
        self._fitting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # once the model (and its proxy) have settled, and only once per burst
        self._timer.timeout.connect(self.fit)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        header.sectionResized.connect(self._resized)
        # The records read again (or the captions in another language), not the filter: columns
        # that changed width at every keystroke would jump, and fitting takes a moment.
        model = view.model()
        source = model.sourceModel() if isinstance(model, QAbstractProxyModel) else model
        for signal in (source.modelReset, source.rowsInserted, source.headerDataChanged):
            signal.connect(self.schedule)

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    def fit(self) -> None:
        """Every column not sized by hand as wide as its caption and contents, at most its cap."""
        self._timer.stop()
        header = self.view.horizontalHeader()
        last = max((c for c in range(header.count()) if not header.isSectionHidden(c)), default=-1)
        self._fitting = True
        try:
            for column in range(header.count()):
                if header.isSectionHidden(column) or column in self.user_sized or column == last:
                    continue
                wanted = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))
                header.resizeSection(column, min(wanted, self.caps.get(column, self.cap)))
        finally:
            self._fitting = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        """A column dragged (or double-clicked) by the user is left as they made it."""
        if not self._fitting and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.user_sized.add(column)
