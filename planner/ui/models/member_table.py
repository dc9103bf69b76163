"""The delegation of one trip as a table, in protocol order.

The rows keep the order of precedence the service gives; the view shows them
unsorted, because moving a member up or down only makes sense in that order.
The number column is the member's place in it (1 = highest rank), counted
afresh, since the stored protocol numbers may have gaps.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt

from planner import formatting
from planner.db.engine import Database
from planner.domain import names
from planner.i18n import N_, _, current_language
from planner.domain.enums import VisaStatus
from planner.domain.protocol import VisaData
from planner.domain.members import Member
from planner.services.delegation import list_members
from planner.services.protocol import trip_visas
from planner.ui.language import LanguageController
from planner.ui.models.record_table import DatabaseTableModel, all_languages, all_languages_tooltip
from planner.ui.models.roles import FILTER_ROLE, KIND_ROLE, OBJECT_ROLE, SORT_ROLE

NUMBER, NAME, ROLE, ORGANISATION, FUNCTION, LANGUAGE, STAY, VISA = range(8)
HEADERS: tuple[str, ...] = (
    N_("No."),
    N_("Name"),
    N_("Role"),
    N_("Organisation"),
    N_("Function"),
    N_("Language"),
    N_("Arrival – departure"),
    N_("Visa"),
)


def visa_text(visa: VisaData | None) -> str:
    """The status with the date that matters for it: "Visa granted (29/09/2016)"; empty while nothing is recorded."""
    if visa is None or (visa.status is VisaStatus.UNKNOWN and visa.applied_on is None):
        return ""
    day = visa.granted_on if visa.status is VisaStatus.GRANTED else visa.applied_on if visa.status is VisaStatus.APPLIED else None
    return f"{visa.status.label} ({formatting.short_date(day)})" if day is not None else visa.status.label


def stay_text(arrival: date | None, departure: date | None) -> str:
    """When a member joins and leaves, as far as known; empty if neither is set."""
    if arrival and departure:
        return formatting.date_range(arrival, departure)
    if arrival:
        return _("from {date}").format(date=formatting.short_date(arrival))
    if departure:
        return _("until {date}").format(date=formatting.short_date(departure))
    return ""


class MemberTableModel(DatabaseTableModel[Member]):
    HEADERS = HEADERS
    RIGHT_ALIGNED = frozenset({NUMBER})

    def __init__(
        self, db: Database, trip_id: int | None = None, language: LanguageController | None = None, parent: QObject | None = None
    ) -> None:
        self.trip_id = trip_id
        self._visas: dict[int, VisaData] = {}
        super().__init__(db, language, parent)

    # --- loading -----------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self.trip_id = None
        super().set_database(db)

    def set_trip(self, trip_id: int | None) -> None:
        self.trip_id = trip_id
        self.reload()

    def reload(self) -> None:
        # Read first: a read that fails (the server went away) leaves the model as it was, not half reset.
        rows = list_members(self.db, self.trip_id) if self.trip_id is not None else []
        visas = trip_visas(self.db, self.trip_id) if self.trip_id is not None else {}
        self._visas = visas  # nothing draws between here and the reset
        self._replace_rows(rows)

    def visa(self, membership_id: int) -> VisaData | None:
        """The member's recorded visa, or None."""
        return self._visas.get(membership_id)

    def members(self) -> list[Member]:
        return self.records()

    def member(self, row: int) -> Member:
        return self.record(row)

    def person_ids(self) -> set[int]:
        return {m.person.id for m in self._rows if m.person.id is not None}

    # --- the model ---------------------------------------------------------------------

    def _cell(self, row: int, member: Member, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, member, column)
        if role == SORT_ROLE:
            return self._sort_value(row, member, column)
        if role == FILTER_ROLE:
            return self._filter_text(row, member, column)
        if role == OBJECT_ROLE:
            return member
        if role == KIND_ROLE:
            return member.role.value
        if role == Qt.ItemDataRole.ToolTipRole and column in (ORGANISATION, FUNCTION):
            return all_languages_tooltip(member.person.organisation if column == ORGANISATION else member.person.function)
        return None

    def _display(self, row: int, member: Member, column: int) -> str:
        person, lang = member.person, current_language()
        if column == NUMBER:
            return formatting.integer(row + 1)
        if column == NAME:
            return person.full_name
        if column == ROLE:
            return member.role.label
        if column == ORGANISATION:
            return person.organisation.text(lang)
        if column == FUNCTION:
            return person.function.text(lang)
        if column == LANGUAGE:
            return person.preferred_language.label
        if column == VISA:
            return visa_text(self._visas.get(member.id))
        return stay_text(member.membership.arrival, member.membership.departure)

    def _sort_value(self, row: int, member: Member, column: int) -> Any:
        if column == NUMBER:
            return row
        if column == NAME:
            return names.sort_key(member.person.family_name, member.person.given_name)
        if column == STAY:
            ms = member.membership
            return (ms.arrival.toordinal() if ms.arrival else 0, ms.departure.toordinal() if ms.departure else 0)
        return formatting.sort_key(self._display(row, member, column))

    def _filter_text(self, row: int, member: Member, column: int) -> str:
        person = member.person
        if column == NAME:
            return " ".join((person.family_name, person.given_name, person.native_name))
        if column in (ORGANISATION, FUNCTION):
            return all_languages(person.organisation if column == ORGANISATION else person.function)
        if column == NUMBER:
            return ""  # "2" should not find every member whose dates hold a 2
        return self._display(row, member, column)
