"""Text a participant reads that is missing in their language.

Each printout falls back to another language rather than leave a gap, so a
missing translation is never an empty line, but a Chinese guest reading the
German title is still a slip. Only the languages of the people who read the
text count: the members at an item for its title, everyone for the trip's.
One problem per text names all the languages it lacks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from planner.domain.checks.params import Languages, PersonName
from planner.domain.checks.plan import PlanIndex
from planner.domain.checks.problem import Problem, ProblemKind, Severity
from planner.domain.checks.scope import Part, item_local, reads
from planner.domain.entities import ItemData
from planner.domain.enums import Language
from planner.domain.localized import LocalizedText
from planner.i18n import N_

TRIP_TITLE_MISSING = N_("The trip's title is missing in {languages}")
ITEM_TITLE_MISSING = N_("The title of “{item}” is missing in {languages}")
ITEM_DESCRIPTION_MISSING = N_("The description of “{item}” is missing in {languages}")
VENUE_NAME_MISSING = N_("The name of {venue} is missing in {languages}")
MEMBER_ORGANISATION_MISSING = N_("The organisation of {person} is missing in {languages}")
MEMBER_FUNCTION_MISSING = N_("The function of {person} is missing in {languages}")


_LANGUAGES = tuple((lang, lang.value) for lang in Language)
_ALL = frozenset(Language)


def _missing(text: LocalizedText, needed: frozenset[Language]) -> tuple[Language, ...]:
    if text.de and text.zh and text.en:  # the usual case, answered without a loop
        return ()
    return tuple(lang for lang, field in _LANGUAGES if lang in needed and not getattr(text, field))


def missing_translations(index: PlanIndex) -> list[Problem]:
    """Every text a reader lacks in their language: the trip's title, the items', the venues', the members'.

    Registered as its three parts (trip and members, items, venues), so that
    after an item's edit only that item's texts are looked at again.
    """
    trip_and_members = missing_trip_translations(index)
    title = trip_and_members[:1] if trip_and_members and trip_and_members[0].msgid == TRIP_TITLE_MISSING else []
    return title + missing_item_translations(index) + missing_venue_translations(index) + trip_and_members[len(title):]


@reads(Part.TRIP, Part.MEMBERS)
def missing_trip_translations(index: PlanIndex) -> list[Problem]:
    """The trip's title, and each member's organisation and function."""
    if not index.all_ids:
        return []
    problems: list[Problem] = []
    lacking = _missing(index.trip.title, index.group(index.all_ids).languages)
    if lacking:
        problems.append(
            Problem(Severity.WARNING, ProblemKind.MISSING_TRANSLATION, TRIP_TITLE_MISSING, {"languages": Languages(lacking)})
        )
    problems.extend(missing_member_translations(index))
    return problems


def _readers(index: PlanIndex) -> Callable[[ItemData], frozenset[Language]]:
    """The languages of the members at an item, by who is ticked: a programme repeats the same groups thousands of times."""
    languages: dict[tuple[int, ...] | None, frozenset[Language]] = {}

    def readers(item: ItemData) -> frozenset[Language]:
        key = None if item.everyone else item.participant_ids
        found = languages.get(key)
        if found is None:
            found = languages[key] = index.group(index.attendees(item)).languages
        return found

    return readers


def _item_translations(index: PlanIndex, items: Sequence[ItemData]) -> list[Problem]:
    if not index.all_ids:
        return []
    problems: list[Problem] = []
    readers_of = _readers(index)
    for item in items:
        # Most items are translated in full: nothing can be missing, whoever reads them, so their
        # readers are not looked up (that took most of the check's time on a large programme).
        title, description = item.title, item.description
        if title.de and title.zh and title.en and (
            description.is_empty() or (description.de and description.zh and description.en)
        ):
            continue
        readers = readers_of(item)
        if not readers:
            continue
        ids = (item.id,) if item.id is not None else ()
        lacking = _missing(item.title, readers)
        if lacking:
            problems.append(
                Problem(
                    Severity.WARNING, ProblemKind.MISSING_TRANSLATION, ITEM_TITLE_MISSING,
                    {"item": item.title, "languages": Languages(lacking)}, when=item.start, item_ids=ids,
                )
            )
        lacking = () if item.description.is_empty() else _missing(item.description, readers)
        if lacking:
            problems.append(
                Problem(
                    Severity.HINT, ProblemKind.MISSING_TRANSLATION, ITEM_DESCRIPTION_MISSING,
                    {"item": item.title, "languages": Languages(lacking)}, when=item.start, item_ids=ids,
                )
            )
    return problems


@reads(Part.MEMBERS, Part.ITEMS)
@item_local(_item_translations)
def missing_item_translations(index: PlanIndex) -> list[Problem]:
    """Item titles and descriptions lacking a language of the members at the item."""
    return _item_translations(index, index.items)


@reads(Part.MEMBERS, Part.ITEMS, Part.VENUES)
def missing_venue_translations(index: PlanIndex) -> list[Problem]:
    """Venue names lacking a language of anyone at an item there; one problem per venue."""
    if not index.all_ids:
        return []
    readers_of = _readers(index)
    problems: list[Problem] = []
    for venue_id, at in index.at_venues().items():
        name = index.venues[venue_id].name
        if not _missing(name, _ALL):
            continue  # in every language: nobody lacks it (the usual case, with no look at who reads it)
        readers: set[Language] = set()
        used = []
        for item in at:
            found = readers_of(item)
            if found:
                readers.update(found)
                used.append(item)
        lacking = _missing(name, frozenset(readers))
        if lacking:
            problems.append(
                Problem(
                    Severity.HINT, ProblemKind.MISSING_TRANSLATION, VENUE_NAME_MISSING,
                    {"venue": index.venues[venue_id].name, "languages": Languages(lacking)}, when=used[0].start,
                    item_ids=tuple(i.id for i in used if i.id is not None), venue_ids=(venue_id,),
                )
            )
    return problems


def missing_member_translations(index: PlanIndex) -> list[Problem]:
    """A member's organisation or function written in fewer languages than the delegation reads.

    The form takes them in one language so that a list can be entered quickly
    (and completed later); the delegation list every member receives prints
    them, so this hint says what is still to be translated, person by person.
    """
    readers = index.group(index.all_ids).languages
    problems: list[Problem] = []
    for member in index.members:
        person = member.person
        for text, msgid in ((person.organisation, MEMBER_ORGANISATION_MISSING), (person.function, MEMBER_FUNCTION_MISSING)):
            lacking = () if text.is_empty() else _missing(text, readers)
            if lacking:
                problems.append(
                    Problem(
                        Severity.HINT, ProblemKind.MISSING_TRANSLATION, msgid,
                        {"person": PersonName(person.family_name, person.given_name, person.native_name), "languages": Languages(lacking)},
                        membership_ids=(member.id,), person_ids=(person.id,) if person.id is not None else (),
                    )
                )
    return problems
