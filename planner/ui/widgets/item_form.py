"""Creating and editing a programme item: what, where, when (in the place's own zone) and who.

Times are typed as the local wall-clock time of the item's zone and turned into
UTC by planner.domain.timing, so a time that does not exist (the night the
clocks spring forward) is named at once beside the field, in the domain's words.
The zone follows the chosen venue until the planner picks another one. The
form is two columns wide so it fits a laptop screen without scrolling.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner import formatting
from planner.domain.checks.needs import NeedsSummary, needs_text, summarise_needs
from planner.domain.entities import ItemData, PersonData, TripData, VenueData
from planner.domain.enums import ItemKind
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.domain.timing import local_to_utc, utc_to_local, zone
from planner.i18n import N_, _, current_language, ngettext
from planner.domain.members import Member
from planner.ui.models.member_checks import MemberCheckModel
from planner.ui.widgets.form import RecordForm
from planner.ui.widgets.host_picker import HostCombo, person_key
from planner.ui.widgets.kind_style import kind_icon
from planner.ui.widgets.trip_dialog import timezone_combo
from planner.ui.keyboard import tab_leaves

#: The form's width when it opens (its minimum is what its rows need, at least 980) …
COMFORTABLE_WIDTH = 1180
#: … and no taller than a 768-pixel screen leaves (the lists in it scroll).
COMFORTABLE_HEIGHT = 700
_NOT_A_VENUE = N_("Choose a venue from the list, or “no venue”.")
#: How long the next item runs at first after "Save and new" (as a new item from the Programme page).
NEXT_ITEM_DURATION = timedelta(hours=1)


def _compact(combo: QComboBox) -> None:
    """A long venue or contact name must not widen the whole dialog; it is elided instead."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)


class ItemForm(RecordForm):
    def __init__(
        self, save: Callable[[ItemData], object], trip: TripData, venues: Sequence[VenueData], members: Sequence[Member],
        item: ItemData, language: str, parent: QWidget | None = None,
        directory: Callable[[], Sequence[PersonData]] | None = None,
    ) -> None:
        """`directory` lists the people directory for the host picker's "Other person…" (left out: no such entry)."""
        super().__init__(save, parent)
        self._item = item
        self._trip_members = tuple(members)
        self._directory = directory
        self._trip = trip
        self._language = language
        self._venues = {v.id: v for v in venues if v.id is not None}
        self.setWindowTitle(_("Edit programme item") if item.id is not None else _("New programme item"))
        self._rows: dict[int, int] = {}
        self.side_grid = QGridLayout()
        self.side_grid.setColumnStretch(2, 1)
        self._build_main(venues)
        with self._rows_in(self.side_grid):
            self._build_side(members)
        self.grid.setRowStretch(self._row, 1)  # extra height goes below the rows, not between them
        columns = QHBoxLayout()
        self.layout_.removeItem(self.grid)
        columns.addLayout(self.grid, 1)  # halves: the side column holds the longer texts (needs, description)
        columns.addSpacing(16)
        columns.addLayout(self.side_grid, 1)
        self.layout_.insertLayout(0, columns)
        self.setMinimumWidth(980)
        self._fill(item)
        self.finish_layout()
        # Room for the side column's longer texts on a 1280-pixel screen; a smaller one makes it fit.
        hint = self.sizeHint()
        self.resize(max(hint.width(), COMFORTABLE_WIDTH), min(hint.height(), COMFORTABLE_HEIGHT))
        self.title.current().setFocus()

    @contextmanager
    def _rows_in(self, grid: QGridLayout) -> Iterator[None]:
        """Point RecordForm's row helpers at another grid, so the form can have two columns."""
        saved = self.grid, self._row
        self._rows[id(saved[0])] = saved[1]
        self.grid, self._row = grid, self._rows.get(id(grid), 0)
        try:
            yield
        finally:
            self._rows[id(grid)] = self._row
            self.grid, self._row = saved

    # --- building -----------------------------------------------------------------------

    def _build_main(self, venues: Sequence[VenueData]) -> None:
        self.kind = QComboBox(self)
        for kind in ItemKind:
            self.kind.addItem(kind_icon(kind), kind.label, kind.value)
        self.add_row("kind", _("Kind"), self.kind)
        self.title = self.add_localized("title", _("Title"))

        self.venue = QComboBox(self)
        self.venue.setEditable(True)
        self.venue.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.venue.addItem(_("— no venue —"), None)
        for venue in sorted(venues, key=lambda v: formatting.sort_key(v.name.text(self._language))):
            city = venue.city.text(self._language)
            label = venue.name.text(self._language) + (f" ({city})" if city else "")
            self.venue.addItem(label, venue.id)
        completer = QCompleter(self.venue.model(), self.venue)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.venue.setCompleter(completer)
        self.venue.setToolTip(_("Type any part of the venue's name to find it"))
        for combo in (self.venue, self.kind):
            _compact(combo)
        self.add_row("venue_id", _("Venue"), self.venue)

        self.host = HostCombo(self._trip_members, self._language, self._directory, self)
        _compact(self.host)
        self.add_row("host_contact_id", _("Host"), self.host)

        self.timezone = timezone_combo(self, self._trip.timezone)
        self.timezone.setToolTip(_("The time zone of the place; the times below are its local times"))
        self.add_row("timezone", _("Time zone"), self.timezone)

        self.start_date, self.start_time = self._date_time_row("start", _("Start"))
        self.end_date, self.end_time = self._date_time_row("end", _("End"))

        self.other_end_zone = QCheckBox(_("Ends in another time zone"), self)
        self.other_end_zone.setToolTip(_("For a journey: the end time is the local time at the destination"))
        self.end_timezone = timezone_combo(self, self._trip.timezone)
        for combo in (self.timezone, self.end_timezone):
            _compact(combo)  # the longest zone name must not set the form's narrowest width
        self.add_row("end_timezone", _("End zone"), self._field_of(QHBoxLayout, (self.other_end_zone, 0), (self.end_timezone, 1)))
        self.dress_code = self.add_localized("dress_code", _("Dress code"))

    def _field_of(self, direction: type[QHBoxLayout] | type[QVBoxLayout], *parts: tuple[QWidget, int]) -> QWidget:
        """Several widgets as one field of the form, side by side or stacked, each with its stretch.

        Without margins of its own, so the field lines up with the single-widget fields around it.
        """
        field = QWidget(self)
        box = direction(field)
        box.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in parts:
            box.addWidget(widget, stretch)
        return field

    def _date_time_row(self, field: str, caption: str) -> tuple[QDateEdit, QTimeEdit]:
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        day = self.date_edit(None, field)
        clock = QTimeEdit(self)
        clock.setDisplayFormat("HH:mm")
        clock.timeChanged.connect(lambda _t: self.clear_error(field))
        box.addWidget(day, 1)
        box.addWidget(clock, 1)
        self.add_row(field, caption, row)
        return day, clock

    def _build_side(self, members: Sequence[Member]) -> None:
        self.everyone = QCheckBox(_("Everyone in the delegation"), self)
        self.participants = MemberCheckModel(members, self)
        self.members_view = tab_leaves(QListView(self))
        self.members_view.setModel(self.participants)
        self.members_view.setMinimumHeight(150)
        self.members_view.setToolTip(_("Tick who attends this item"))
        self.add_row("participants", _("Participants"), self._field_of(QVBoxLayout, (self.everyone, 0), (self.members_view, 1)))
        caption = self.side_grid.itemAtPosition(self._row - 2, 0)
        if caption is not None and caption.widget() is not None:
            self.side_grid.setAlignment(caption.widget(), Qt.AlignmentFlag.AlignTop)
        self.side_grid.setRowStretch(self._row - 2, 3)  # the list takes the height there is
        # What the host and the kitchen must know, counted as the ticks change (no names: it is
        # said on the phone to a restaurant).
        self._members = tuple(members)
        self.needs = QLabel(self)
        self.needs.setWordWrap(True)
        self.needs.setTextFormat(Qt.TextFormat.PlainText)
        self.add_row("needs", _("Needs of those attending"), self.needs)
        self.description = self.add_localized("description", _("Description"), multiline=True)
        self.transport = self.add_localized("transport", _("Transport"))

    def add_side_panel(self, field: str, caption: str, panel: QWidget) -> None:
        """A panel below the side column's rows (the gifts and seating plan of a saved item)."""
        with self._rows_in(self.side_grid):
            self.add_row(field, caption, panel)
            caption_item = self.side_grid.itemAtPosition(self._row - 2, 0)
            if caption_item is not None and caption_item.widget() is not None:
                self.side_grid.setAlignment(caption_item.widget(), Qt.AlignmentFlag.AlignTop)
            self.side_grid.setRowStretch(self._row - 2, 2)

    # --- filling and reacting -------------------------------------------------------------

    def _fill(self, item: ItemData) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(item.kind.value), 0))
        self.title.set_value(item.title)
        self.description.set_value(item.description)
        self.dress_code.set_value(item.dress_code)
        self.transport.set_value(item.transport)
        self.venue.setCurrentIndex(max(self.venue.findData(item.venue_id), 0))
        self._implied_zone = self._zone_of_venue()
        self._fill_host(item)
        self.timezone.setCurrentText(item.timezone if item.id is not None else self._implied_zone)
        self.other_end_zone.setChecked(bool(item.end_timezone))
        self.end_timezone.setCurrentText(item.end_timezone or item.timezone)
        if item.start is not None:
            self._set_local(self.start_date, self.start_time, utc_to_local(item.start, item.timezone).replace(tzinfo=None))
        if item.end is not None:
            self._set_local(self.end_date, self.end_time, utc_to_local(item.end, item.arrival_timezone).replace(tzinfo=None))
        self._last_start = self._local(self.start_date, self.start_time)
        self.everyone.setChecked(item.everyone)
        if not item.everyone:
            self.participants.set_checked(item.participant_ids)
        self._update_enabled()

        self.kind.currentIndexChanged.connect(lambda _i: self._update_enabled())
        self.venue.currentIndexChanged.connect(lambda _i: self._venue_changed())
        self.everyone.toggled.connect(lambda _on: (self._update_enabled(), self.clear_error("participants"), self._update_needs()))
        self.participants.checksChanged.connect(lambda: (self.clear_error("participants"), self._update_needs()))
        self._update_needs()
        self.other_end_zone.toggled.connect(lambda _on: (self._update_enabled(), self._check_times()))
        for combo in (self.timezone, self.end_timezone):
            combo.currentTextChanged.connect(lambda _t: self._check_times())
        self.start_date.dateChanged.connect(lambda _d: self._start_changed())
        self.start_time.timeChanged.connect(lambda _t: self._start_changed())
        self.end_date.dateChanged.connect(lambda _d: self._check_times())
        self.end_time.timeChanged.connect(lambda _t: self._check_times())

    def prepare_next(self, saved: Any) -> None:
        """The next item starts where the saved one ended, at the same venue with the same host and guests.

        What the item is (kind, title, description, transport) is cleared; the
        day, place, zone, dress code and who attends stay, as they do for the
        next point of most programmes.
        """
        self._item = self._item.evolve(id=None, version=None)
        self.setWindowTitle(_("New programme item"))
        self.kind.setCurrentIndex(max(self.kind.findData(self._item.kind.value), 0))
        for edits in (self.title, self.description, self.transport):
            edits.set_value(LocalizedText())
        if isinstance(saved, ItemData) and saved.end is not None:
            zone_name = saved.arrival_timezone
            self.other_end_zone.setChecked(False)
            self.timezone.setCurrentText(zone_name)
            start = utc_to_local(saved.end, zone_name).replace(tzinfo=None)
            self._set_local(self.start_date, self.start_time, start)
            self._set_local(self.end_date, self.end_time, start + NEXT_ITEM_DURATION)
            self._last_start = start
        self.clear_errors()
        self._check_times()
        self.title.current().setFocus()

    def _update_needs(self) -> None:
        chosen = None if self.everyone.isChecked() else set(self.participants.checked_ids())
        attending = [m.person for m in self._members if chosen is None or m.id in chosen]
        self.needs.setText(needs_summary_text(summarise_needs(attending, current_language())))

    @staticmethod
    def _set_local(day: QDateEdit, clock: QTimeEdit, moment: datetime) -> None:
        day.setDate(QDate(moment.year, moment.month, moment.day))
        clock.setTime(QTime(moment.hour, moment.minute))

    @staticmethod
    def _local(day: QDateEdit, clock: QTimeEdit) -> datetime:
        return datetime.combine(day.date().toPython(), clock.time().toPython().replace(second=0, microsecond=0))

    def _zone_of_venue(self) -> str:
        venue = self._venues.get(self.venue.currentData())
        return venue.timezone if venue is not None else self._trip.timezone

    def _venue_changed(self) -> None:
        self.clear_error("venue_id")
        self._refill_hosts(self.host.currentData())
        implied = self._zone_of_venue()
        if self.timezone.currentText().strip() == self._implied_zone:
            self.timezone.setCurrentText(implied)  # the zone followed the venue so far: keep following
        self._implied_zone = implied

    def _refill_hosts(self, keep: object) -> None:
        self.host.refill(self._venues.get(self.venue.currentData()), keep)

    def _fill_host(self, item: ItemData) -> None:
        """The saved host: a contact of the venue, or a person (looked up in the directory if not on the trip)."""
        if item.host_person_id is None:
            self._refill_hosts(item.host_contact_id)
            return
        person = next((m.person for m in self._trip_members if m.person.id == item.host_person_id), None)
        if person is None and self._directory is not None:
            person = next((p for p in self._directory() if p.id == item.host_person_id), None)
        self.host.refill(self._venues.get(self.venue.currentData()), person_key(item.host_person_id), extra=person)

    def _update_enabled(self) -> None:
        travel = self.kind.currentData() == ItemKind.TRAVEL.value
        self.other_end_zone.setEnabled(travel or self.other_end_zone.isChecked())
        self.end_timezone.setEnabled(self.other_end_zone.isChecked())
        self.members_view.setEnabled(not self.everyone.isChecked())

    def _start_changed(self) -> None:
        """Moving the start takes the end along, so the item keeps its length."""
        start = self._local(self.start_date, self.start_time)
        end = self._local(self.end_date, self.end_time)
        if end > self._last_start:
            self._set_local(self.end_date, self.end_time, start + (end - self._last_start))
        self._last_start = start
        self._check_times()

    def _check_times(self) -> None:
        """Name a start or end that does not exist in its zone as soon as it is typed."""
        for field in ("start", "end", "timezone", "end_timezone"):
            self.clear_error(field)
        for error in self._conversion_errors()[1]:
            if error.field in self.errors:
                self.errors[error.field].setText(error.message())
                self.errors[error.field].show()

    # --- the record ---------------------------------------------------------------------

    def _zones(self) -> tuple[str, str]:
        start_zone = self.timezone.currentText().strip()
        return start_zone, self.end_timezone.currentText().strip() if self.other_end_zone.isChecked() else ""

    def _conversion_errors(self) -> tuple[dict[str, datetime], list[ValidationError]]:
        start_zone, end_zone = self._zones()
        moments: dict[str, datetime] = {}
        errors: list[ValidationError] = []
        for field, day, clock, tz in (
            ("start", self.start_date, self.start_time, start_zone),
            ("end", self.end_date, self.end_time, end_zone or start_zone),
        ):
            try:
                zone(tz, "end_timezone" if field == "end" and end_zone else "timezone")
                moments[field] = local_to_utc(self._local(day, clock), tz, field)
            except ValidationError as error:
                if not any(e.field == error.field for e in errors):
                    errors.append(error)
        return moments, errors

    def _venue_id(self) -> int | None:
        text = self.venue.currentText().strip()
        if not text:
            return None
        index = self.venue.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise ValidationError(_NOT_A_VENUE, field="venue_id")
        return self.venue.itemData(index)

    def record(self) -> ItemData:
        moments, errors = self._conversion_errors()
        venue_id: int | None = self._item.venue_id
        try:
            venue_id = self._venue_id()
        except ValidationError as error:
            errors.append(error)
        start_zone, end_zone = self._zones()
        data = self._item.evolve(
            kind=ItemKind(self.kind.currentData()),
            title=self.title.value(),
            description=self.description.value(),
            dress_code=self.dress_code.value(),
            transport=self.transport.value(),
            venue_id=venue_id,
            host_contact_id=self.host.contact_id(),
            host_person_id=self.host.person_id(),
            timezone=start_zone,
            end_timezone=end_zone,
            start=moments.get("start"),
            end=moments.get("end"),
            everyone=self.everyone.isChecked(),
            participant_ids=() if self.everyone.isChecked() else self.participants.checked_ids(),
        )
        if errors:
            raise ValidationErrors(errors + self._other_errors(data, {e.field for e in errors}))
        return data

    @staticmethod
    def _other_errors(data: ItemData, known: set[str | None]) -> list[ValidationError]:
        """The domain's remaining complaints, so one click shows every problem at once."""
        try:
            data.validated()
        except ValidationErrors as many:
            return [e for e in many.errors if e.field not in known and e.field not in ("start", "end")]
        except ValidationError as error:
            return [] if error.field in known else [error]
        return []


def needs_summary_text(summary: NeedsSummary) -> str:
    """"12 guests · dietary: 3 vegetarian and 1 halal · accessibility: 1 wheelchair" in the interface language."""
    parts = [ngettext("{n} guest", "{n} guests", summary.attendees).format(n=formatting.integer(summary.attendees))]
    if summary.dietary:
        parts.append(_("dietary: {needs}").format(needs=needs_text(summary.dietary)))
    if summary.accessibility:
        parts.append(_("accessibility: {needs}").format(needs=needs_text(summary.accessibility)))
    if summary.attendees and summary.is_empty():
        parts.append(_("no dietary or accessibility needs noted"))
    return " · ".join(parts)
