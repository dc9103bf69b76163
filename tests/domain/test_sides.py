"""A new person's language and nationality from their side of the trip: hosts at home, guests from elsewhere."""

from __future__ import annotations

from datetime import date

from planner.domain.entities import PersonData, TripData
from planner.domain.enums import Language, Role
from planner.domain.localized import LocalizedText
from planner.domain.sides import SideDefaults, country_language, home_country_for_interface, side_defaults

TO_SHENZHEN = TripData(title=LocalizedText(en="To Shenzhen"), destination_country="CN", first_day=date(2016, 10, 24), last_day=date(2016, 10, 27))
TO_HANNOVER = TripData(title=LocalizedText(en="To Hannover"), destination_country="DE", first_day=date(2016, 9, 9), last_day=date(2016, 9, 11))


def _person(nationality: str, language: Language) -> PersonData:
    return PersonData(family_name="X", nationality=nationality, preferred_language=language)


def test_a_host_is_of_the_destination_country_and_speaks_its_language() -> None:
    assert side_defaults(TO_SHENZHEN, Role.HOST) == SideDefaults(Language.ZH, "CN")
    assert side_defaults(TO_HANNOVER, Role.HOST, home_country="DE") == SideDefaults(Language.DE, "DE")
    assert side_defaults(TO_HANNOVER.evolve(destination_country=""), Role.HOST) == SideDefaults()


def test_the_first_guest_of_a_trip_abroad_is_from_the_planners_home() -> None:
    assert side_defaults(TO_SHENZHEN, Role.MEMBER, home_country="DE") == SideDefaults(Language.DE, "DE")
    assert side_defaults(TO_SHENZHEN, Role.HEAD, home_country=home_country_for_interface("de")) == SideDefaults(Language.DE, "DE")


def test_the_first_guest_of_a_visit_to_the_planners_home_is_of_no_known_country() -> None:
    assert side_defaults(TO_HANNOVER, Role.MEMBER, home_country="DE") == SideDefaults(Language.EN, "")
    assert side_defaults(TO_SHENZHEN, Role.MEMBER) == SideDefaults(Language.EN, "")  # English says nothing about where


def test_later_guests_follow_the_guests_already_there_not_the_hosts() -> None:
    members = [
        (Role.HOST, _person("DE", Language.DE)),
        (Role.HOST, _person("DE", Language.DE)),
        (Role.HEAD, _person("CN", Language.ZH)),
        (Role.INTERPRETER, _person("CN", Language.ZH)),
        (Role.MEMBER, _person("GB", Language.EN)),
    ]
    assert side_defaults(TO_HANNOVER, Role.MEMBER, members, home_country="DE") == SideDefaults(Language.ZH, "CN")
    assert side_defaults(TO_HANNOVER, Role.HOST, members, home_country="DE") == SideDefaults(Language.DE, "DE")


def test_a_tie_goes_to_the_guest_higher_in_precedence() -> None:
    members = [(Role.HEAD, _person("NL", Language.EN)), (Role.MEMBER, _person("DE", Language.DE))]
    assert side_defaults(TO_SHENZHEN, Role.MEMBER, members) == SideDefaults(Language.EN, "NL")


def test_guests_without_a_nationality_still_give_their_language() -> None:
    members = [(Role.HEAD, _person("", Language.ZH)), (Role.MEMBER, _person("", Language.ZH))]
    assert side_defaults(TO_HANNOVER, Role.MEMBER, members, home_country="DE") == SideDefaults(Language.ZH, "")


def test_languages_of_countries_and_interfaces() -> None:
    assert [country_language(c) for c in ("DE", "at", "CN", "TW", "FR", "")] == [
        Language.DE, Language.DE, Language.ZH, Language.ZH, Language.EN, Language.EN,
    ]
    assert [home_country_for_interface(code) for code in ("de", "zh", "en")] == ["DE", "CN", ""]


def test_defaults_apply_to_a_person_keeping_a_nationality_they_do_not_know() -> None:
    person = PersonData(family_name="Müller", nationality="AT")
    assert SideDefaults(Language.DE, "DE").apply_to(person).nationality == "DE"
    assert SideDefaults(Language.ZH).apply_to(person) == person.evolve(preferred_language=Language.ZH)
