"""Countries and their time zones: the capital's zone first, aliases folded."""

from zoneinfo import available_timezones

import pytest

from planner.domain.zones import CAPITAL_ZONES, country_of_zone, default_zone, zone_fits_country, zones_for_country


@pytest.mark.parametrize(("country", "first"), sorted(CAPITAL_ZONES.items()))
def test_every_capital_zone_comes_first_and_exists(country: str, first: str) -> None:
    zones = zones_for_country(country)
    assert zones[0] == first
    assert len(zones) > 1
    assert first in available_timezones()


def test_one_zone_countries_and_unknown_codes() -> None:
    assert zones_for_country("fr") == ("Europe/Paris",)
    assert zones_for_country("") == ()
    assert zones_for_country("XX") == ()
    assert zones_for_country("ZZ") == ()


def test_fit_folds_aliases_and_questions_only_what_is_known() -> None:
    assert zone_fits_country("Asia/Chongqing", "CN")
    assert zone_fits_country("Europe/Kiev", "UA")
    assert not zone_fits_country("Asia/Shanghai", "DE")
    assert zone_fits_country("Asia/Shanghai", "")  # no country: nothing to question
    assert zone_fits_country("", "DE")
    assert country_of_zone("Asia/Chongqing") == "CN"
    assert country_of_zone("Etc/UTC") == ""


def test_default_zone_keeps_a_fitting_choice() -> None:
    assert default_zone("CN", "Europe/Berlin") == "Asia/Shanghai"
    assert default_zone("US", "America/Chicago") == "America/Chicago"
    assert default_zone("US", "Europe/Berlin") == "America/New_York"
    assert default_zone("", "Europe/Berlin") == "Europe/Berlin"
