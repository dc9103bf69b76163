"""The kinds and roles the planner knows, with their translatable labels.

Values are stored in the database and the trip file, so they never change;
labels are English msgids translated at display time.
"""

from __future__ import annotations

from enum import StrEnum

from planner.i18n import N_, _


class Labelled(StrEnum):
    """A StrEnum whose members carry an English label for the catalog."""

    @property
    def label(self) -> str:
        """The label in the interface language."""
        return _(self.msgid)

    @property
    def msgid(self) -> str:
        """The English label as the catalog knows it, for a translator of another language (a document's)."""
        # Keyed by enum class too: StrEnum members of different enums with the
        # same value (Role.PRESS, ItemKind.PRESS) are equal and would share a key.
        return _LABELS[type(self)][self]


class Language(Labelled):
    DE = "de"
    ZH = "zh"
    EN = "en"


class TripStatus(Labelled):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    DONE = "done"
    CANCELLED = "cancelled"


class Role(Labelled):
    HEAD = "head"
    MEMBER = "member"
    STAFF = "staff"
    INTERPRETER = "interpreter"
    PRESS = "press"
    HOST = "host"


class VenueKind(Labelled):
    MUSEUM = "museum"
    COMPANY = "company"
    INCUBATOR = "incubator"
    UNIVERSITY = "university"
    GOVERNMENT = "government"
    TRADE_FAIR = "trade_fair"
    HOSPITAL = "hospital"
    HOTEL = "hotel"
    RESTAURANT = "restaurant"
    TRANSPORT_HUB = "transport_hub"
    OTHER = "other"


class ItemKind(Labelled):
    SITE_VISIT = "site_visit"
    MEETING = "meeting"
    MEAL = "meal"
    TRAVEL = "travel"
    CHECK_IN = "check_in"
    FREE_TIME = "free_time"
    PRESS = "press"
    CEREMONY = "ceremony"


class Sex(Labelled):
    """As a passport and a visa application state it; "" while not recorded."""

    UNKNOWN = ""
    FEMALE = "female"
    MALE = "male"
    DIVERSE = "diverse"


class VisaStatus(Labelled):
    """Where a member's visa for the trip stands; "" while nobody has looked into it."""

    UNKNOWN = ""
    NEEDED = "needed"
    APPLIED = "applied"
    GRANTED = "granted"
    NOT_NEEDED = "not_needed"


class GiftDirection(Labelled):
    GIVEN = "given"
    RECEIVED = "received"


class SeatSide(Labelled):
    """The two parties at a table: the hosts and their guests (the delegation)."""

    HOST = "host"
    GUEST = "guest"


class SeatingArrangement(Labelled):
    FACING = "facing"  # a long table, the principals opposite each other
    SIDE_BY_SIDE = "side_by_side"  # one row, the principals next to each other (a sofa meeting, a signing)
    ROUND = "round"  # banquet: round tables, hosts and guests alternating


class ItemPolicy(StrEnum):
    """How programme items follow a trip whose first day or zone changed (see domain.rescheduling); the planner
    chooses it when editing the trip."""

    KEEP_LOCAL_TIMES = "keep_local_times"
    KEEP_MOMENTS = "keep_moments"


class RoomingOrder(StrEnum):
    """How a hotel's rooming list orders the rooms: by precedence (the hotel prepares the suite and the welcome for
    the head of delegation first) or by the guests' names (as the front desk files the keys); the CLI's --order."""

    PRECEDENCE = "precedence"
    NAME = "name"


class ChangeKind(Labelled):
    """How a programme item changed for a reader since their printed itinerary (domain.issued compares the two);
    the labels head the change notice's table and the Overview's list."""

    ADDED = "added"
    CANCELLED = "cancelled"
    MOVED = "moved"
    RENAMED = "renamed"
    VENUE = "venue"
    PARTICIPANTS = "participants"


_LABELS: dict[type[Labelled], dict[str, str]] = {
    Language: {
        Language.DE: N_("German"),
        Language.ZH: N_("Chinese"),
        Language.EN: N_("English"),
    },
    TripStatus: {
        TripStatus.DRAFT: N_("Draft"),
        TripStatus.CONFIRMED: N_("Confirmed"),
        TripStatus.DONE: N_("Done"),
        TripStatus.CANCELLED: N_("Cancelled"),
    },
    Role: {
        Role.HEAD: N_("Head of delegation"),
        Role.MEMBER: N_("Member"),
        Role.STAFF: N_("Staff"),
        Role.INTERPRETER: N_("Interpreter"),
        Role.PRESS: N_("Press"),
        Role.HOST: N_("Host"),
    },
    VenueKind: {
        VenueKind.MUSEUM: N_("Museum"),
        VenueKind.COMPANY: N_("Company"),
        VenueKind.INCUBATOR: N_("Incubator"),
        VenueKind.UNIVERSITY: N_("University or research institute"),
        VenueKind.GOVERNMENT: N_("Government"),
        VenueKind.TRADE_FAIR: N_("Trade fair"),
        VenueKind.HOSPITAL: N_("Hospital"),
        VenueKind.HOTEL: N_("Hotel"),
        VenueKind.RESTAURANT: N_("Restaurant"),
        VenueKind.TRANSPORT_HUB: N_("Transport hub"),
        VenueKind.OTHER: N_("Other"),
    },
    ItemKind: {
        ItemKind.SITE_VISIT: N_("Site visit"),
        ItemKind.MEETING: N_("Meeting"),
        ItemKind.MEAL: N_("Meal"),
        ItemKind.TRAVEL: N_("Travel"),
        ItemKind.CHECK_IN: N_("Check-in"),
        ItemKind.FREE_TIME: N_("Free time"),
        ItemKind.PRESS: N_("Press appointment"),
        ItemKind.CEREMONY: N_("Ceremony"),
    },
    Sex: {
        Sex.UNKNOWN: N_("Not recorded"),
        Sex.FEMALE: N_("Female"),
        Sex.MALE: N_("Male"),
        Sex.DIVERSE: N_("Diverse"),
    },
    VisaStatus: {
        VisaStatus.UNKNOWN: N_("Not recorded"),
        VisaStatus.NEEDED: N_("Visa needed"),
        VisaStatus.APPLIED: N_("Visa applied for"),
        VisaStatus.GRANTED: N_("Visa granted"),
        VisaStatus.NOT_NEEDED: N_("No visa needed"),
    },
    GiftDirection: {
        GiftDirection.GIVEN: N_("Given"),
        GiftDirection.RECEIVED: N_("Received"),
    },
    SeatSide: {
        SeatSide.HOST: N_("Host side"),
        SeatSide.GUEST: N_("Guest side"),
    },
    SeatingArrangement: {
        SeatingArrangement.FACING: N_("Facing each other"),
        SeatingArrangement.SIDE_BY_SIDE: N_("Side by side"),
        SeatingArrangement.ROUND: N_("Round tables (banquet)"),
    },
    ChangeKind: {
        ChangeKind.ADDED: N_("Added"),
        ChangeKind.CANCELLED: N_("Cancelled"),
        ChangeKind.MOVED: N_("Time changed"),
        ChangeKind.RENAMED: N_("Title changed"),
        ChangeKind.VENUE: N_("Venue changed"),
        ChangeKind.PARTICIPANTS: N_("Participants changed"),
    },
}
