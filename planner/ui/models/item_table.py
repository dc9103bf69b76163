"""The programme of one trip as a table, and the data the agenda draws from the same reading.

The model reads the trip, its items, the venues and the delegation once per
reload, so the table and the agenda are two views of one set of records. A
change to a single item (a move, an edit, an undo) is fetched alone and patched
in, because reading a programme of thousands of items again for every drag would
make the page sluggish. The rows are kept in time order (start, then id), so a
table sorted by day or time shows them as they are (see in_order) instead of
sorting thousands of rows.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from planner import formatting
from planner.db.engine import Database
from planner.domain.entities import ContactData, ItemData, PersonData, TripData, VenueData
from planner.domain.enums import ItemKind
from planner.domain.errors import NotFoundError
from planner.domain.hosts import item_host
from planner.i18n import N_, current_language
from planner.services import delegation, programme, trips, venues
from planner.domain.members import Member
from planner.ui.language import LanguageController
from planner.ui.models import item_text
from planner.ui.models.record_table import AnyIndex, RecordTableModel
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE
from planner.ui.widgets.kind_style import kind_icon

DAY, TIME, KIND, TITLE, VENUE, PARTICIPANTS, HOST = range(7)
HEADERS: tuple[str, ...] = (
    N_("Day"),
    N_("Time"),
    N_("Kind"),
    N_("Title"),
    N_("Venue"),
    N_("Participants"),
    N_("Host contact"),
)
_KIND_ORDER = {kind: index for index, kind in enumerate(ItemKind)}
_NEVER = datetime.min.replace(tzinfo=UTC)


def _order(item: ItemData) -> tuple[datetime, int]:
    """Time order, as the service lists the programme: start, then id."""
    return (item.start or _NEVER, item.id or 0)


class ItemTableModel(RecordTableModel[ItemData]):
    HEADERS = HEADERS

    def __init__(self, db: Database, language: LanguageController | None = None, parent: QObject | None = None) -> None:
        super().__init__(language, parent)
        self._db = db
        self.trip_id: int | None = None
        self.trip: TripData | None = None
        self.venues: dict[int, VenueData] = {}
        self.contacts: dict[int, ContactData] = {}
        self.host_people: dict[int, PersonData] = {}  # the people hosting an item, members or not
        self.members: list[Member] = []
        self._row_of: dict[int, int] = {}
        self._filter_cache: dict[int, tuple[str, ...]] = {}
        self._sort_cache: dict[tuple[int, int], Any] = {}

    # --- loading -----------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self._db = db
        self.set_trip(None)

    def set_trip(self, trip_id: int | None) -> None:
        self.trip_id = trip_id
        self.reload()

    def reload(self) -> None:
        """Read the trip's programme, venues and delegation again."""
        # Read everything first: a read that fails (the server went away) leaves the model as it was.
        trip, venue_map, members, rows = None, {}, [], []
        if self.trip_id is not None:
            try:
                trip = trips.get_trip(self._db, self.trip_id)
            except NotFoundError:
                self.trip_id = None
            else:
                rows = programme.list_items(self._db, self.trip_id)
                venue_map = {v.id: v for v in venues.list_venues(self._db) if v.id is not None}
                members = delegation.list_members(self._db, self.trip_id)
        self.beginResetModel()
        self._forget()
        self.trip, self.venues, self.members, self._rows = trip, venue_map, members, rows
        self.contacts = item_text.contacts_by_id(self.venues)
        self.host_people = programme.host_people(self._db, self.trip_id) if self.trip is not None else {}
        self._index_rows()
        self.endResetModel()

    def refresh_item(self, item_id: int) -> None:
        """Fetch one changed item again and patch it in (see patch_item): for a change known only by its id."""
        try:
            item: ItemData | None = programme.get_item(self._db, item_id)
        except NotFoundError:
            item = None
        self.patch_item(item_id, item)

    def patch_item(self, item_id: int, item: ItemData | None) -> None:
        """Show `item` as item `item_id` now is (None: gone): update, add or drop its row, keeping the rows in time order.

        Only that row changes. One whose time is unchanged stays where it is
        and says so with dataChanged; one that moved in time is taken out and
        put in at its place. (A row move would be one signal, but the filter
        proxy answers a move by mapping every row again, asking its filter about
        each of thousands of rows; a removal and an insertion it maps by itself.)
        """
        if item is not None and (self.trip_id is None or item.trip_id != self.trip_id):
            item = None
        if item is not None and item.host_person_id is not None and item.host_person_id not in self.host_people:
            self.host_people = programme.host_people(self._db, item.trip_id)  # a newly chosen host
        row = self._row_of.get(item_id, -1)
        self._forget(item_id)
        if row >= 0 and item is not None and self._place(item, row) == row:
            self._rows[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
            return
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            del self._row_of[item_id]
            self._index_rows(row)
            self.endRemoveRows()
        if item is not None:
            place = bisect_left(self._rows, _order(item), key=_order)
            self.beginInsertRows(QModelIndex(), place, place)
            self._rows.insert(place, item)
            self._index_rows(place)
            self.endInsertRows()

    def _place(self, item: ItemData, row: int) -> int:
        """Where `item` belongs in time order once the item now at `row` is taken out."""
        key, rows = _order(item), self._rows
        before = bisect_left(rows, key, hi=row, key=_order)  # the rows before and after `row` are each in order
        return before if before < row else bisect_left(rows, key, lo=row + 1, key=_order) - 1

    def in_order(self, column: int) -> bool:
        """Whether the rows are in this column's ascending sort order as they are: by day and by time they are."""
        return column in (DAY, TIME)

    def _index_rows(self, start: int = 0) -> None:
        """Note each item's row, from row `start` on (the rows before it did not move)."""
        if start == 0:
            self._row_of = {item.id: row for row, item in enumerate(self._rows) if item.id is not None}
            return
        row_of = self._row_of
        for row in range(start, len(self._rows)):
            item_id = self._rows[row].id
            if item_id is not None:
                row_of[item_id] = row

    def _forget(self, item_id: int | None = None) -> None:
        """Drop cached texts and sort keys (of one item, or all)."""
        if item_id is None:
            self._filter_cache.clear()
            self._sort_cache.clear()
            return
        self._filter_cache.pop(item_id, None)
        for column in range(len(HEADERS)):
            self._sort_cache.pop((item_id, column), None)

    def retranslate(self, _language: str = "") -> None:
        self._forget()
        super().retranslate()

    # --- access for the page -------------------------------------------------------------

    @property
    def items(self) -> list[ItemData]:
        return list(self._rows)

    def item(self, row: int) -> ItemData:
        return self._rows[row]

    def item_by_id(self, item_id: int) -> ItemData | None:
        row = self._row_of.get(item_id, -1)
        return self._rows[row] if row >= 0 else None

    def row_of(self, item_id: int) -> int:
        """The row of an item, or -1."""
        return self._row_of.get(item_id, -1)

    @property
    def timezone(self) -> str:
        return self.trip.timezone if self.trip is not None else "UTC"

    # --- the model ---------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Its own, not the base's: sorting thousands of rows asks for SORT_ROLE first and little else.
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._rows):
            return None
        item, column = self._rows[row], index.column()
        if role == SORT_ROLE:  # first: sorting thousands of rows asks for little else
            return self._sort_value(item, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == FILTER_ROLE:
            return self._filter_texts(item)[column]
        if role == OBJECT_ROLE:
            return item
        if role == KIND_ROLE:
            return item.kind.value
        if role == Qt.ItemDataRole.DecorationRole and column == KIND:
            return kind_icon(item.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        return None

    def _display(self, item: ItemData, column: int) -> str:
        lang = current_language()
        if column == DAY:
            return item_text.day_text(item, lang)
        if column == TIME:
            return item_text.times_text(item, self.timezone, lang)
        if column == KIND:
            return item.kind.label
        if column == TITLE:
            return item.title.text(lang)
        if column == VENUE:
            return item_text.venue_text(item, self.venues, lang)
        if column == PARTICIPANTS:
            return item_text.participants_text(item, self.members)
        return item_text.host_text(item, self.contacts, self.host_people)

    def _sort_value(self, item: ItemData, column: int) -> Any:
        key = (item.id or 0, column)
        value = self._sort_cache.get(key)
        if value is None:
            value = self._sort_cache[key] = self._compute_sort_value(item, column)
        return value

    def _compute_sort_value(self, item: ItemData, column: int) -> Any:
        when = _order(item)
        if column in (DAY, TIME):
            return when
        if column == KIND:
            return (_KIND_ORDER[item.kind], *when)
        if column == PARTICIPANTS:
            count = len(self.members) if item.everyone else len(item.participant_ids)
            return (count, *when)
        return (formatting.sort_key(self._display(item, column)), *when)

    def _filter_texts(self, item: ItemData) -> tuple[str, ...]:
        """Every language variant of each cell, so a search finds a German title in a Chinese interface."""
        assert item.id is not None
        cached = self._filter_cache.get(item.id)
        if cached is not None:
            return cached
        venue = self.venues.get(item.venue_id) if item.venue_id is not None else None
        venue_words = ""
        if venue is not None:
            venue_words = " ".join((venue.name.de, venue.name.zh, venue.name.en, venue.city.de, venue.city.zh, venue.city.en))
        host = self._display(item, HOST)
        contact = item_host(item, self.contacts, self.host_people)
        texts = (
            self._display(item, DAY),
            self._display(item, TIME),
            item.kind.label,
            " ".join((item.title.de, item.title.zh, item.title.en)),
            venue_words,
            " ".join([self._display(item, PARTICIPANTS), *item_text.participant_names(item, self.members)]),
            " ".join((host, contact.native_name if contact is not None else "")),
        )
        self._filter_cache[item.id] = texts
        return texts

    def _tooltip(self, item: ItemData, column: int) -> str | None:
        if column in (DAY, TIME):
            return item_text.times_tooltip(item, self.timezone, current_language()) or None
        if column == TITLE:
            return "\n".join(v for v in (item.title.de, item.title.zh, item.title.en) if v) or None
        if column == PARTICIPANTS and not item.everyone:
            return "\n".join(item_text.participant_names(item, self.members)) or None
        return None
