"""Emergency telephone numbers by country, for the last page of every document."""

from __future__ import annotations

from dataclasses import dataclass

from planner.i18n import N_


@dataclass(frozen=True, slots=True)
class EmergencyNumber:
    service: str  # an N_ msgid, translated in the document's language
    number: str


EMERGENCY_NUMBERS: dict[str, tuple[EmergencyNumber, ...]] = {
    "CN": (
        EmergencyNumber(N_("Police"), "110"),
        EmergencyNumber(N_("Ambulance"), "120"),
        EmergencyNumber(N_("Fire brigade"), "119"),
    ),
    "DE": (
        EmergencyNumber(N_("Police"), "110"),
        EmergencyNumber(N_("Fire brigade and ambulance"), "112"),
    ),
}

#: Reaches the emergency services in the EU and from most mobile phones elsewhere.
GENERAL = (EmergencyNumber(N_("Emergency (general)"), "112"),)


def numbers_for(country: str) -> tuple[EmergencyNumber, ...]:
    return EMERGENCY_NUMBERS.get((country or "").upper(), GENERAL)
