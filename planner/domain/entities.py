"""The planner's records as plain dataclasses: what services take and give back.

They hold no session and no Qt, so the GUI and the CLI can keep them as long
as they like. `id` and `version` are None for a record not yet saved; an update
carries the version it was read at, and is refused if the record moved on.
`validated()` returns a normalised copy or raises ValidationErrors naming every
bad field at once, so a form can mark them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, Self

from planner.domain import validation as v
from planner.domain.enums import ItemKind, Language, Role, Sex, TripStatus, VenueKind
from planner.domain.errors import ValidationError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.domain.names import display_name, full_name
from planner.domain.timing import utc_to_local
from planner.i18n import N_, _


class _Collector:
    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def run(self, check: Callable[[], Any], default: Any = None) -> Any:
        try:
            return check()
        except ValidationErrors as many:
            self.errors.extend(many.errors)
        except ValidationError as exc:
            self.errors.append(exc)
        return default

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationErrors(self.errors)


def _enum(kind: type, value: Any, field_name: str, label: str) -> Any:
    try:
        return kind(value)
    except ValueError as exc:
        raise ValidationError(N_("“{value}” is not a valid {label}."), field=field_name, value=value, label=label) from exc


def _localized_required(value: LocalizedText, field_name: str, label: str) -> LocalizedText:
    text = _localized_optional(value, field_name, label, limit=v.MAX_NAME * 2)
    if text.is_empty():
        raise ValidationError(N_("{label} must not be empty."), field=field_name, label=label)
    return text


def _localized_optional(value: LocalizedText, field_name: str, label: str, limit: int = v.MAX_TEXT) -> LocalizedText:
    """Each variant checked and stripped: "  " is no text, as it is once stored and read back."""
    if value.is_empty():
        return LocalizedText()
    return LocalizedText(
        v.optional_text(value.de, field_name, label, limit=limit),
        v.optional_text(value.zh, field_name, label, limit=limit),
        v.optional_text(value.en, field_name, label, limit=limit),
    )


def _prefixed(errors: ValidationErrors, prefix: str) -> ValidationErrors:
    """A nested record's errors with fields a form can tell apart, e.g. contacts.1.name."""
    for error in errors.errors:
        error.field = f"{prefix}.{error.field}"
    return errors


#: The field names of each record class, for Record.evolve.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


@dataclass(frozen=True, slots=True)
class Record:
    id: int | None = None
    version: int | None = None

    def evolve(self, **changes: Any) -> Self:
        """A copy with `changes`; like dataclasses.replace, which is slow enough to show when importing thousands of records."""
        cls = type(self)
        names = _FIELD_NAMES.get(cls)
        if names is None:
            names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
        unknown = changes.keys() - set(names)
        if unknown:
            raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
        copy = object.__new__(cls)
        for name in names:
            object.__setattr__(copy, name, changes[name] if name in changes else getattr(self, name))
        return copy

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class PersonData(Record):
    family_name: str = ""
    given_name: str = ""
    native_name: str = ""
    honorific: LocalizedText = field(default_factory=LocalizedText)
    organisation: LocalizedText = field(default_factory=LocalizedText)
    function: LocalizedText = field(default_factory=LocalizedText)
    email: str = ""
    phone: str = ""
    preferred_language: Language = Language.EN
    dietary_needs: str = ""
    accessibility_needs: str = ""
    passport_number: str = ""
    nationality: str = ""
    passport_expiry: date | None = None
    notes: str = ""
    # What a visa application asks for besides the passport; as private as the passport number.
    sex: Sex = Sex.UNKNOWN
    birth_date: date | None = None
    birth_place: str = ""
    passport_issued: date | None = None

    @property
    def name(self) -> str:
        return display_name(self.family_name, self.given_name, self.native_name)

    @property
    def full_name(self) -> str:
        return full_name(self.family_name, self.given_name, self.native_name)

    def validated(self) -> PersonData:
        c = _Collector()
        family = c.run(lambda: v.require_text(self.family_name, "family_name", _("Family name")), "")
        given = c.run(lambda: v.optional_text(self.given_name, "given_name", _("Given name"), v.MAX_NAME), "")
        native = c.run(lambda: v.optional_text(self.native_name, "native_name", _("Name in native script"), v.MAX_NAME), "")
        honorific = c.run(lambda: _localized_optional(self.honorific, "honorific", _("Honorific"), v.MAX_NAME), self.honorific)
        organisation = c.run(
            lambda: _localized_optional(self.organisation, "organisation", _("Organisation"), v.MAX_NAME * 2), self.organisation
        )
        function = c.run(lambda: _localized_optional(self.function, "function", _("Function"), v.MAX_NAME * 2), self.function)
        mail = c.run(lambda: v.email(self.email), "")
        tel = c.run(lambda: v.phone(self.phone), "")
        lang = c.run(lambda: _enum(Language, self.preferred_language, "preferred_language", _("language")), Language.EN)
        nat = c.run(lambda: v.country(self.nationality, "nationality"), "")
        passport = c.run(lambda: v.optional_text(self.passport_number, "passport_number", _("Passport number"), 40), "")
        sex = c.run(lambda: _enum(Sex, self.sex, "sex", _("sex")), Sex.UNKNOWN)
        birth_place = c.run(lambda: v.optional_text(self.birth_place, "birth_place", _("Place of birth"), v.MAX_NAME), "")
        c.run(lambda: _passport_dates(self.birth_date, self.passport_issued, self.passport_expiry))
        for name, label in (("dietary_needs", _("Dietary needs")), ("accessibility_needs", _("Accessibility needs")), ("notes", _("Notes"))):
            c.run(lambda name=name, label=label: v.optional_text(getattr(self, name), name, label))
        c.raise_if_any()
        return self.evolve(
            family_name=family, given_name=given, native_name=native, email=mail, phone=tel,
            honorific=honorific, organisation=organisation, function=function,
            preferred_language=lang, nationality=nat, passport_number=passport.upper().replace(" ", ""),
            dietary_needs=self.dietary_needs.strip(), accessibility_needs=self.accessibility_needs.strip(),
            notes=self.notes.strip(), sex=sex, birth_place=birth_place,
        )


def _passport_dates(born: date | None, issued: date | None, expiry: date | None) -> None:
    """A passport is issued after its holder's birth and expires after it was issued."""
    errors: list[ValidationError] = []
    if born is not None and born > date.today():
        errors.append(ValidationError(N_("The date of birth must not lie in the future."), field="birth_date"))
    if born is not None and issued is not None and issued < born:
        errors.append(ValidationError(N_("The passport cannot have been issued before its holder was born."), field="passport_issued"))
    if issued is not None and expiry is not None and expiry <= issued:
        errors.append(ValidationError(N_("The passport must expire after the day it was issued."), field="passport_expiry"))
    if errors:
        raise ValidationErrors(errors)


def _buffer_minutes(value: Any) -> int:
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        minutes = -1
    if isinstance(value, bool) or minutes != value or not 0 <= minutes <= 24 * 60:
        raise ValidationError(N_("The buffer between items must lie between 0 and 1440 minutes."), field="buffer_minutes")
    return minutes


@dataclass(frozen=True, slots=True)
class TripData(Record):
    title: LocalizedText = field(default_factory=LocalizedText)
    purpose: LocalizedText = field(default_factory=LocalizedText)
    destination_city: LocalizedText = field(default_factory=LocalizedText)
    destination_country: str = ""
    timezone: str = "Europe/Berlin"
    first_day: date | None = None
    last_day: date | None = None
    organiser: LocalizedText = field(default_factory=LocalizedText)
    status: TripStatus = TripStatus.DRAFT
    buffer_minutes: int = 30
    notes: str = ""

    def validated(self) -> TripData:
        c = _Collector()
        title = c.run(lambda: _localized_required(self.title, "title", _("Title")), self.title)
        purpose = c.run(lambda: _localized_optional(self.purpose, "purpose", _("Purpose")), self.purpose)
        city = c.run(
            lambda: _localized_optional(self.destination_city, "destination_city", _("Destination city"), v.MAX_NAME),
            self.destination_city,
        )
        organiser = c.run(lambda: _localized_optional(self.organiser, "organiser", _("Organiser"), v.MAX_NAME * 2), self.organiser)
        country = c.run(lambda: v.country(self.destination_country, "destination_country"), "")
        tz = c.run(lambda: v.timezone(self.timezone), self.timezone)
        c.run(lambda: v.day_range(self.first_day, self.last_day))
        status = c.run(lambda: _enum(TripStatus, self.status, "status", _("status")), TripStatus.DRAFT)
        buffer = c.run(lambda: _buffer_minutes(self.buffer_minutes), self.buffer_minutes)
        c.run(lambda: v.optional_text(self.notes, "notes", _("Notes")))
        c.raise_if_any()
        return self.evolve(
            title=title, purpose=purpose, destination_city=city, organiser=organiser, destination_country=country,
            timezone=tz, status=status, buffer_minutes=buffer, notes=self.notes.strip(),
        )

    @property
    def days(self) -> list[date]:
        from datetime import timedelta

        if self.first_day is None or self.last_day is None:
            return []
        return [self.first_day + timedelta(days=i) for i in range((self.last_day - self.first_day).days + 1)]


@dataclass(frozen=True, slots=True)
class MembershipData(Record):
    trip_id: int | None = None
    person_id: int | None = None
    role: Role = Role.MEMBER
    protocol_order: int = 0
    arrival: date | None = None
    departure: date | None = None

    def validated(self) -> MembershipData:
        c = _Collector()
        role = c.run(lambda: _enum(Role, self.role, "role", _("role")), Role.MEMBER)
        if self.trip_id is None:
            c.errors.append(ValidationError(N_("A trip is required."), field="trip_id"))
        if self.person_id is None:
            c.errors.append(ValidationError(N_("A person is required."), field="person_id"))
        if self.arrival and self.departure and self.departure < self.arrival:
            c.errors.append(ValidationError(N_("The departure must not be before the arrival."), field="departure"))
        if self.protocol_order < 0:
            c.errors.append(ValidationError(N_("The protocol order must not be negative."), field="protocol_order"))
        c.raise_if_any()
        return self.evolve(role=role)


@dataclass(frozen=True, slots=True)
class ContactData(Record):
    venue_id: int | None = None
    name: str = ""
    native_name: str = ""
    function: LocalizedText = field(default_factory=LocalizedText)
    phone: str = ""
    email: str = ""

    @property
    def display(self) -> str:
        return f"{self.name} ({self.native_name})" if self.native_name and self.native_name != self.name else self.name

    def validated(self) -> ContactData:
        c = _Collector()
        name = c.run(lambda: v.require_text(self.name, "name", _("Contact name")), "")
        native = c.run(lambda: v.optional_text(self.native_name, "native_name", _("Name in native script"), v.MAX_NAME), "")
        function = c.run(lambda: _localized_optional(self.function, "function", _("Function"), v.MAX_NAME * 2), self.function)
        tel = c.run(lambda: v.phone(self.phone), "")
        mail = c.run(lambda: v.email(self.email), "")
        c.raise_if_any()
        return self.evolve(name=name, native_name=native, function=function, phone=tel, email=mail)


def _validated_contact(contact: ContactData, index: int) -> ContactData:
    try:
        return contact.validated()
    except ValidationErrors as errors:
        raise _prefixed(errors, f"contacts.{index}") from None


@dataclass(frozen=True, slots=True)
class VenueData(Record):
    name: LocalizedText = field(default_factory=LocalizedText)
    kind: VenueKind = VenueKind.OTHER
    address_local: str = ""
    address_romanised: str = ""
    city: LocalizedText = field(default_factory=LocalizedText)
    country: str = ""
    timezone: str = "Europe/Berlin"
    latitude: float | None = None
    longitude: float | None = None
    website: str = ""
    notes: str = ""
    contacts: tuple[ContactData, ...] = ()

    def validated(self) -> VenueData:
        c = _Collector()
        name = c.run(lambda: _localized_required(self.name, "name", _("Venue name")), self.name)
        kind = c.run(lambda: _enum(VenueKind, self.kind, "kind", _("venue kind")), VenueKind.OTHER)
        address_local = c.run(lambda: v.optional_text(self.address_local, "address_local", _("Address (local script)"), 1000), "")
        address_romanised = c.run(
            lambda: v.optional_text(self.address_romanised, "address_romanised", _("Address (romanised)"), 1000), ""
        )
        city = c.run(lambda: _localized_optional(self.city, "city", _("City"), v.MAX_NAME), self.city)
        country = c.run(lambda: v.country(self.country), "")
        tz = c.run(lambda: v.timezone(self.timezone), self.timezone)
        c.run(lambda: v.latitude(self.latitude))
        c.run(lambda: v.longitude(self.longitude))
        if (self.latitude is None) != (self.longitude is None):
            c.errors.append(ValidationError(N_("Give both latitude and longitude, or neither."), field="latitude"))
        site = c.run(lambda: v.url(self.website), "")
        notes = c.run(lambda: v.optional_text(self.notes, "notes", _("Notes")), "")
        contacts = tuple(c.run(lambda i=i, ct=ct: _validated_contact(ct, i), ct) for i, ct in enumerate(self.contacts))
        c.raise_if_any()
        return self.evolve(
            name=name, kind=kind, city=city, country=country, timezone=tz, website=site, notes=notes,
            contacts=contacts, address_local=address_local, address_romanised=address_romanised,
        )


@dataclass(frozen=True, slots=True)
class ItemData(Record):
    """A programme item; `start` and `end` are aware datetimes (kept in UTC)."""

    trip_id: int | None = None
    kind: ItemKind = ItemKind.MEETING
    title: LocalizedText = field(default_factory=LocalizedText)
    description: LocalizedText = field(default_factory=LocalizedText)
    venue_id: int | None = None
    start: datetime | None = None
    end: datetime | None = None
    timezone: str = "Europe/Berlin"
    end_timezone: str = ""
    host_contact_id: int | None = None
    dress_code: LocalizedText = field(default_factory=LocalizedText)
    transport: LocalizedText = field(default_factory=LocalizedText)
    everyone: bool = True
    participant_ids: tuple[int, ...] = ()  # membership ids, used when not everyone
    # A person (from the people directory, often a trip member with role Host) who receives the
    # delegation instead of a venue contact; at most one of host_contact_id and host_person_id is set.
    host_person_id: int | None = None

    @property
    def has_host(self) -> bool:
        """Whether someone receives the delegation: a venue contact or a person."""
        return self.host_contact_id is not None or self.host_person_id is not None

    @property
    def arrival_timezone(self) -> str:
        return self.end_timezone or self.timezone

    def local_start(self) -> datetime:
        assert self.start is not None
        return utc_to_local(self.start, self.timezone)

    def local_end(self) -> datetime:
        assert self.end is not None
        return utc_to_local(self.end, self.arrival_timezone)

    def attended_by(self, membership_id: int) -> bool:
        return self.everyone or membership_id in self.participant_ids

    def validated(self) -> ItemData:
        c = _Collector()
        kind = c.run(lambda: _enum(ItemKind, self.kind, "kind", _("item kind")), ItemKind.MEETING)
        title = c.run(lambda: _localized_required(self.title, "title", _("Title")), self.title)
        description = c.run(lambda: _localized_optional(self.description, "description", _("Description")), self.description)
        dress_code = c.run(lambda: _localized_optional(self.dress_code, "dress_code", _("Dress code"), v.MAX_NAME * 2), self.dress_code)
        transport = c.run(lambda: _localized_optional(self.transport, "transport", _("Transport"), 2000), self.transport)
        tz = c.run(lambda: v.timezone(self.timezone), self.timezone)
        end_tz = c.run(lambda: v.timezone(self.end_timezone, "end_timezone"), "") if self.end_timezone else ""
        if self.start is None:
            c.errors.append(ValidationError(N_("A start time is required."), field="start"))
        if self.end is None:
            c.errors.append(ValidationError(N_("An end time is required."), field="end"))
        if self.start is not None and self.end is not None:
            c.run(lambda: v.time_range(self.start, self.end))  # type: ignore[arg-type]
        if self.trip_id is None:
            c.errors.append(ValidationError(N_("A trip is required."), field="trip_id"))
        if not self.everyone and not self.participant_ids:
            c.errors.append(ValidationError(N_("Tick at least one participant, or choose everyone."), field="participants"))
        if self.host_contact_id is not None and self.host_person_id is not None:
            c.errors.append(ValidationError(N_("Choose one host: a venue contact or a person, not both."), field="host_contact_id"))
        c.raise_if_any()
        return self.evolve(
            kind=kind, title=title, description=description, dress_code=dress_code, transport=transport,
            timezone=tz, end_timezone="" if end_tz == tz else end_tz,
            participant_ids=() if self.everyone else tuple(sorted(set(self.participant_ids))),
        )
