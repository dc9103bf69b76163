"""What a protocol office prepares around a meeting: the briefing, the people's profiles, and the follow-ups.

These records are internal. They are kept apart from the programme item and
the person on purpose: nothing a participant receives (itineraries, calendars,
issued snapshots) reads them, saving a briefing never changes an item's version
or its "last modified" moment (so no participant is told to fetch a new
printout because talking points changed), and erasing a person can drop
their profile as one row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from planner.domain import validation as v
from planner.domain.entities import Record, _Collector, _enum, _localized_optional
from planner.domain.errors import ValidationError
from planner.domain.localized import LocalizedText
from planner.domain.portraits import Portrait
from planner.i18n import N_, _

#: The longest follow-up task ("what"): a sentence or two, not the minutes themselves.
MAX_TASK = 2000


@dataclass(frozen=True, slots=True)
class ItemBriefingData(Record):
    """The briefing of one programme item; `id` is the item's id (one briefing per item)."""

    objective: LocalizedText = field(default_factory=LocalizedText)
    talking_points: LocalizedText = field(default_factory=LocalizedText)
    background: LocalizedText = field(default_factory=LocalizedText)
    avoid: LocalizedText = field(default_factory=LocalizedText)  # topics not to raise
    minutes: LocalizedText = field(default_factory=LocalizedText)  # the outcomes, written afterwards

    #: The text fields with their labels, in the order forms and documents show them.
    FIELDS = (
        ("objective", N_("Objective")),
        ("talking_points", N_("Talking points")),
        ("background", N_("Background")),
        ("avoid", N_("Topics to avoid")),
        ("minutes", N_("Outcomes")),
    )

    def is_empty(self) -> bool:
        return all(getattr(self, name).is_empty() for name, _label in self.FIELDS)

    def validated(self) -> ItemBriefingData:
        c = _Collector()
        checked = {
            name: c.run(lambda name=name, label=label: _localized_optional(getattr(self, name), name, _(label)), getattr(self, name))
            for name, label in self.FIELDS
        }
        c.raise_if_any()
        return self.evolve(**checked)


class ProfileOwner(StrEnum):
    """Whose profile: a person of the directory, or a contact at a venue (most hosts met are these)."""

    PERSON = "person"
    CONTACT = "contact"


@dataclass(frozen=True, slots=True)
class ProfileData(Record):
    """A short biography and an optional portrait; `id` is the person's or the contact's id.

    The portrait is already cleaned (planner.domain.portraits.clean_portrait):
    re-encoded, without EXIF or any other metadata.
    """

    owner: ProfileOwner = ProfileOwner.PERSON
    biography: LocalizedText = field(default_factory=LocalizedText)
    portrait: Portrait | None = None

    def is_empty(self) -> bool:
        return self.biography.is_empty() and self.portrait is None

    def validated(self) -> ProfileData:
        c = _Collector()
        owner = c.run(lambda: _enum(ProfileOwner, self.owner, "owner", _("profile")), ProfileOwner.PERSON)
        biography = c.run(lambda: _localized_optional(self.biography, "biography", _("Biography"), 5000), self.biography)
        if self.portrait is not None:
            c.run(self.portrait.check)
        c.raise_if_any()
        return self.evolve(owner=owner, biography=biography)


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return _(STATUS_LABELS[self])


STATUS_LABELS: dict[FollowUpStatus, str] = {
    FollowUpStatus.OPEN: N_("Open"),
    FollowUpStatus.DONE: N_("Done"),
    FollowUpStatus.DROPPED: N_("Dropped"),
}


@dataclass(frozen=True, slots=True)
class FollowUpData(Record):
    """Something promised at or after a visit: what, by whom, until when, and where it stands.

    `who_person_id` names a person of the directory; `who` is free text for
    anyone else ("Deutsche Messe AG", "both protocol offices"). `origin` says
    where it was agreed (a trip or meeting, in words that stay when that trip
    is not in this database) and `agreed_on` when; `origin_trip_id` links the
    trip it was created on when that is another trip of this database (a
    follow-up carried along to a return visit).
    """

    trip_id: int | None = None
    what: LocalizedText = field(default_factory=LocalizedText)
    who_person_id: int | None = None
    who: str = ""
    due: date | None = None
    status: FollowUpStatus = FollowUpStatus.OPEN
    item_id: int | None = None
    origin_trip_id: int | None = None
    origin: LocalizedText = field(default_factory=LocalizedText)
    agreed_on: date | None = None

    @property
    def is_open(self) -> bool:
        return self.status == FollowUpStatus.OPEN

    @property
    def carried_over(self) -> bool:
        """Agreed before this trip (on an earlier one), not during it."""
        return self.origin_trip_id is not None or not self.origin.is_empty()

    def validated(self) -> FollowUpData:
        c = _Collector()
        what = c.run(lambda: _localized_optional(self.what, "what", _("Task"), MAX_TASK), self.what)
        if what is not None and what.is_empty():
            c.errors.append(ValidationError(N_("Say what is to be done."), field="what"))
        who = c.run(lambda: v.optional_text(self.who, "who", _("Who"), v.MAX_NAME), "")
        status = c.run(lambda: _enum(FollowUpStatus, self.status, "status", _("follow-up status")), FollowUpStatus.OPEN)
        origin = c.run(lambda: _localized_optional(self.origin, "origin", _("Agreed at"), v.MAX_NAME * 2), self.origin)
        if self.trip_id is None:
            c.errors.append(ValidationError(N_("A trip is required."), field="trip_id"))
        if self.who_person_id is not None and who:
            c.errors.append(ValidationError(N_("Name who does it as a person or as text, not both."), field="who"))
        c.raise_if_any()
        return self.evolve(what=what, who=who, status=status, origin=origin)
