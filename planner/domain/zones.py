"""Which time zones belong to a country, the capital's first.

A new trip to China should not keep Europe/Berlin, and a venue in Germany
should not be saved on Asia/Shanghai time: its visit would print at the wrong
hour. The country-to-zone table is CLDR's (through babel, which the planner
already uses for every date it prints), so it follows CLDR updates; names are
compared after CLDR's and the IANA links' aliases are folded, so "Asia/Chongqing"
or "Europe/Kiev" from an old file still belong to China and Ukraine.

Neither CLDR nor the IANA zone.tab says which zone holds the capital (zone.tab
starts the United States with New York but Russia with Kaliningrad and
Australia with Lord Howe), so the few countries with several zones name their
capital's zone below; the rest keep CLDR's order.
"""

from __future__ import annotations

from functools import cache

from babel.core import get_global

#: The capital's zone of every country that CLDR gives more than one zone.
CAPITAL_ZONES: dict[str, str] = {
    "AR": "America/Argentina/Buenos_Aires",
    "AU": "Australia/Sydney",  # Canberra keeps Sydney's time
    "BR": "America/Sao_Paulo",  # Brasília keeps São Paulo's time
    "CA": "America/Toronto",  # Ottawa keeps Toronto's time
    "CD": "Africa/Kinshasa",
    "CL": "America/Santiago",
    "CN": "Asia/Shanghai",  # all of China keeps Beijing time
    "CY": "Asia/Nicosia",
    "DE": "Europe/Berlin",
    "EC": "America/Guayaquil",  # Quito keeps Guayaquil's time
    "ES": "Europe/Madrid",
    "FM": "Pacific/Pohnpei",
    "GL": "America/Nuuk",
    "ID": "Asia/Jakarta",
    "KI": "Pacific/Tarawa",
    "KZ": "Asia/Almaty",  # Astana keeps Almaty's time
    "MH": "Pacific/Majuro",
    "MN": "Asia/Ulaanbaatar",
    "MX": "America/Mexico_City",
    "MY": "Asia/Kuala_Lumpur",
    "NZ": "Pacific/Auckland",
    "PF": "Pacific/Tahiti",
    "PG": "Pacific/Port_Moresby",
    "PS": "Asia/Hebron",
    "PT": "Europe/Lisbon",
    "RU": "Europe/Moscow",
    "UA": "Europe/Kyiv",
    "UM": "Pacific/Wake",
    "US": "America/New_York",  # Washington keeps New York's time
    "UZ": "Asia/Tashkent",
}


@cache
def _aliases() -> dict[str, str]:
    """Old and linked zone names to the name CLDR files the zone under."""
    return dict(get_global("zone_aliases"))


def canonical_zone(zone: str) -> str:
    """The name CLDR uses for `zone` ("Asia/Chongqing" → "Asia/Shanghai"); unknown names unchanged."""
    return _aliases().get(zone, zone)


@cache
def _zone_countries() -> dict[str, str]:
    return {zone: country for zone, country in get_global("zone_territories").items() if len(country) == 2 and country not in ("ZZ", "001")}


def zones_for_country(country: str) -> tuple[str, ...]:
    """The zones of `country` (ISO 3166 code), the capital's first; () for an unknown or empty code."""
    code = country.strip().upper()
    zones = list(get_global("territory_zones").get(code, ()))
    if not zones or code == "ZZ":
        return ()
    capital = CAPITAL_ZONES.get(code)
    if capital in zones:
        zones.remove(capital)
        zones.insert(0, capital)
    return tuple(zones)


def country_of_zone(zone: str) -> str:
    """The country a zone belongs to ("" for Etc/UTC and other zones of no country)."""
    return _zone_countries().get(canonical_zone(zone.strip()), "")


def zone_fits_country(zone: str, country: str) -> bool:
    """Whether `zone` is one of `country`'s zones; True when either is unknown (nothing to question)."""
    code = country.strip().upper()
    zones = zones_for_country(code)
    if not zones or not zone.strip():
        return True
    return canonical_zone(zone.strip()) in zones


def default_zone(country: str, current: str = "") -> str:
    """The zone a form should show once `country` is chosen: `current` if it fits, else the capital's."""
    if current and zone_fits_country(current, country):
        return current
    zones = zones_for_country(country)
    return zones[0] if zones else current
