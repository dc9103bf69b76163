"""Text a participant reads that is missing in their language.

Each printout falls back to another language rather than leave a gap, so a
missing translation is never an empty line, but a Chinese guest reading the
German title is still a slip. Only the languages of the people who read the
text count: the members at an item for its title, everyone for the trip's.
One problem per text names all the languages it lacks.
"""

from __future__ import annotations

from collections import defaultdict

from planner.domain.checks.params import Languages, PersonName
from planner.domain.checks.plan import PlanIndex
from planner.domain.checks.problem import Problem, ProblemKind, Severity
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


def _missing(text: LocalizedText, needed: frozenset[Language]) -> tuple[Language, ...]:
    if text.de and text.zh and text.en:  # the usual case, answered without a loop
        return ()
    return tuple(lang for lang, field in _LANGUAGES if lang in needed and not getattr(text, field))


def missing_translations(index: PlanIndex) -> list[Problem]:
    if not index.all_ids:
        return []
    problems: list[Problem] = []
    lacking = _missing(index.trip.title, index.group(index.all_ids).languages)
    if lacking:
        problems.append(
            Problem(Severity.WARNING, ProblemKind.MISSING_TRANSLATION, TRIP_TITLE_MISSING, {"languages": Languages(lacking)})
        )
    venue_readers: dict[int, set[Language]] = defaultdict(set)
    venue_items: dict[int, list[ItemData]] = defaultdict(list)
    # The readers' languages by who is ticked: a programme repeats the same groups thousands of times.
    languages: dict[tuple[int, ...] | None, frozenset[Language]] = {}
    for item in index.items:
        key = None if item.everyone else item.participant_ids
        readers = languages.get(key)
        if readers is None:
            readers = languages[key] = index.group(index.attendees(item)).languages
        if not readers:
            continue
        if item.venue_id is not None and item.venue_id in index.venues:
            venue_readers[item.venue_id].update(readers)
            venue_items[item.venue_id].append(item)
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
    for venue_id, readers in venue_readers.items():
        lacking = _missing(index.venues[venue_id].name, readers)
        if lacking:
            used = venue_items[venue_id]
            problems.append(
                Problem(
                    Severity.HINT, ProblemKind.MISSING_TRANSLATION, VENUE_NAME_MISSING,
                    {"venue": index.venues[venue_id].name, "languages": Languages(lacking)}, when=used[0].start,
                    item_ids=tuple(i.id for i in used if i.id is not None), venue_ids=(venue_id,),
                )
            )
    problems.extend(missing_member_translations(index))
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
