"""Copying a trip as the template of a new one, on new dates.

A delegation that visits every year keeps its shape: the same people in the
same roles and order of precedence, the same venues, a programme at the same
local times. The copy moves every day by the same number of days, so an item
at 09:30 in Shenzhen on the second day is at 09:30 in Shenzhen on the second
day of the new trip, whatever daylight saving does meanwhile. A local time
that does not exist on the new date (the night the clocks go forward) is
refused with the item named, rather than guessed.

The copy is a draft: it has not been confirmed or issued to anyone, so issued
versions and the status stay with the original. Members' own travel legs
(planner.domain.travel_legs) stay behind too: they are individual bookings,
a flight number on a date with a booking reference, and next year's trip is
booked anew; copied, they would print last year's flights on the arrivals list.
The items' briefings come along (without the minutes of the original
meetings), and so do the open follow-ups: a return visit builds on what is
still owed. Everything is written in one
transaction; the returned Change creates a trip, which undo deletes with all
that came with it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import TripData
from planner.domain.enums import TripStatus
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.domain.timing import same_local_time
from planner.i18n import N_, current_language, translator_for
from planner.services.accommodation import insert_accommodation, read_accommodation
from planner.services.base import Action, Change, get_or_fail, run
from planner.services.briefing import read_briefings_of, write_briefing
from planner.services.emergency_contacts import read_emergency_contacts, write_emergency_contacts
from planner.services.vehicles import read_rides, read_vehicles, write_vehicles
from planner.services.follow_ups import carry_open, follow_up_data
from planner.services.mapping import apply_item, apply_membership, apply_trip, item_data, membership_data, trip_data

#: How a copy's title is suggested, in each language of the original title.
COPY_TITLE = N_("{title} (copy)")


def copy_title(title: LocalizedText) -> LocalizedText:
    """`title` with "(copy)" added to each variant in that variant's own language."""
    return LocalizedText.from_mapping({
        lang: translator_for(lang)(COPY_TITLE).format(title=text) for lang, text in title.to_mapping().items()
    })


def day_shift(original_first: date, first_day: date) -> int:
    """How many days everything moves when a trip starting on `original_first` starts on `first_day`."""
    return (first_day - original_first).days


def duplicate_trip(db: Database, trip_id: int, *, title: LocalizedText, first_day: date | None) -> Change:
    """Copy trip `trip_id` with `title`, starting on `first_day`: delegation, programme and participants.

    Raises ValidationErrors naming "title" or "first_day" for a title or a day
    the new trip cannot have, and for items whose local time does not exist on
    their new day. Nothing is written unless all of it can be.
    """

    def act(s: Session) -> Change:
        source = get_or_fail(s, m.Trip, trip_id, N_("trip"))
        data = _new_trip(trip_data(source), title, first_day)
        assert data.first_day is not None and source.first_day is not None
        days = timedelta(days=day_shift(source.first_day, data.first_day))

        trip = m.Trip()
        apply_trip(trip, data)
        s.add(trip)
        s.flush()

        try:
            memberships = _copy_memberships(s, source, trip.id, days)
            items, errors = _copy_items(s, trip_id, trip.id, memberships, days)
        except OverflowError:
            raise _out_of_range(data.first_day) from None
        if errors:
            raise ValidationErrors(errors)  # rolls back the trip and members added above
        write_emergency_contacts(s, trip.id, read_emergency_contacts(s, trip_id))  # the same mission helps on the same route
        _copy_accommodation(s, trip_id, trip.id, memberships, days)
        s.flush()
        # The same cars and coach with their seats: the items were copied in the originals' order, one for one.
        item_ids = dict(zip(_source_item_ids(s, trip_id), (r.id for r in items), strict=True))
        write_vehicles(
            s, trip.id, read_vehicles(s, trip_id), read_rides(s, trip_id).values(),
            {old: row.id for old, row in memberships.items()}, item_ids,
        )
        copy_briefings(s, item_ids)
        follow_ups = carry_open(s, source, trip.id, item_ids)  # what is still owed travels with the return visit
        s.flush()

        related = tuple(Change(Action.CREATED, "membership", r.id, after=membership_data(r)) for r in memberships.values())
        related += tuple(Change(Action.CREATED, "item", r.id, after=item_data(r)) for r in items)
        related += tuple(Change(Action.CREATED, "follow_up", r.id, after=follow_up_data(r)) for r in follow_ups)
        return Change(Action.CREATED, "trip", trip.id, after=trip_data(trip), related=related)

    return run(db, act)


def _source_item_ids(s: Session, trip_id: int) -> list[int]:
    """The original's item ids in the order _copy_items copied them (it stops at the first error, so only when none)."""
    return list(s.scalars(
        select(m.ProgrammeItem.id).where(m.ProgrammeItem.trip_id == trip_id).order_by(m.ProgrammeItem.start_utc, m.ProgrammeItem.id)
    ))


def copy_briefings(s: Session, item_ids: dict[int, int]) -> None:
    """Each copied item gets its original's objective, talking points, background and topics to avoid.

    Not the minutes: they record what came of the original meeting, not of the new one.
    """
    for old_id, briefing in read_briefings_of(s, list(item_ids)).items():
        write_briefing(s, briefing.evolve(id=item_ids[old_id], version=None, minutes=LocalizedText()))


def _copy_accommodation(s: Session, source_id: int, trip_id: int, memberships: dict[int, m.Membership], days: timedelta) -> None:
    """The same hotels and room blocks, each member in the same room type, sharing as before, on the moved nights."""
    lodging = read_accommodation(s, source_id)
    hotels = {b.venue_id: b.venue_id for b in lodging.blocks if b.venue_id is not None}
    insert_accommodation(s, trip_id, hotels, {old: row.id for old, row in memberships.items()}, lodging.blocks,
                         lodging.assignments, days.days)


def _new_trip(original: TripData, title: LocalizedText, first_day: date | None) -> TripData:
    """The copy's own record, checked like a new trip; a day out of range is a message on first_day."""
    if first_day is None or not isinstance(first_day, date) or isinstance(first_day, datetime):
        raise ValidationErrors([ValidationError(N_("The first day is required."), field="first_day")])
    assert original.first_day is not None and original.last_day is not None
    errors: list[ValidationError] = []
    try:
        last_day = first_day + (original.last_day - original.first_day)
    except OverflowError:
        last_day = first_day
        errors.extend(_out_of_range(first_day).errors)
    data = original.evolve(
        id=None, version=None, title=title, first_day=first_day, last_day=last_day, status=TripStatus.DRAFT,
    )
    try:
        data = data.validated()
    except ValidationErrors as many:
        for error in many.errors:
            if error.field == "last_day":
                error.field = "first_day"  # the copy's last day follows from its first
        errors[:0] = many.errors
    if errors:
        raise ValidationErrors(errors)
    return data


def _copy_memberships(s: Session, source: m.Trip, trip_id: int, days: timedelta) -> dict[int, m.Membership]:
    """The delegation again, in the same roles and order; arrival and departure move with the trip."""
    copies: dict[int, m.Membership] = {}
    for old in source.memberships:
        ms = membership_data(old)
        row = m.Membership(trip_id=trip_id, person_id=old.person_id)
        apply_membership(row, ms.evolve(arrival=_shift_day(ms.arrival, days), departure=_shift_day(ms.departure, days)))
        s.add(row)
        copies[old.id] = row
    s.flush()
    return copies


def _copy_items(
    s: Session, source_id: int, trip_id: int, memberships: dict[int, m.Membership], days: timedelta,
) -> tuple[list[m.ProgrammeItem], list[ValidationError]]:
    """The programme at the same local times `days` later, with the copied members ticked where the originals were."""
    originals = s.scalars(
        select(m.ProgrammeItem).where(m.ProgrammeItem.trip_id == source_id)
        .options(selectinload(m.ProgrammeItem.participants)).order_by(m.ProgrammeItem.start_utc, m.ProgrammeItem.id)
    )
    items: list[m.ProgrammeItem] = []
    errors: list[ValidationError] = []
    for old in originals:
        it = item_data(old)
        try:
            start = _shift_moment(it.start, it.timezone, days)
            end = _shift_moment(it.end, it.arrival_timezone, days)
        except ValidationError as error:
            errors.append(ValidationError(
                N_("“{item}” cannot be moved to its new day: {reason}"), field="first_day",
                item=_Shown(lambda t=it.title: t.text(current_language())), reason=_Shown(error.message),
            ))
            continue
        row = m.ProgrammeItem(trip_id=trip_id)
        apply_item(row, it.evolve(start=start, end=end))
        if not it.everyone:
            row.participants = [memberships[i] for i in it.participant_ids if i in memberships]
        s.add(row)
        items.append(row)
    return items, errors


class _Shown:
    """A message parameter worked out when the message is shown, so it follows a language switch."""

    def __init__(self, text: Callable[[], str]) -> None:
        self._text = text

    @property
    def label(self) -> str:
        return self._text()


def _out_of_range(day: date) -> ValidationErrors:
    return ValidationErrors([ValidationError(
        N_("{day} is too far in the past or the future for a trip."), field="first_day", day=day.isoformat(),
    )])


def _shift_day(day: date | None, days: timedelta) -> date | None:
    return day + days if day is not None else None


def _shift_moment(moment: datetime | None, tz: str, days: timedelta) -> datetime:
    """The same local wall-clock time in `tz`, `days` later (or earlier)."""
    assert moment is not None
    return same_local_time(moment, tz, days.days)
