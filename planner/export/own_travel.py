"""A participant's own travel as their itinerary prints it: one source for the PDF and for the issued record.

The personal itinerary prints, under "Your own travel", each of the reader's
flights and trains (planner.export.arrivals.leg_summary) and, for a departure
run, when and in which car they are fetched from the hotel
(planner.export.arrivals.your_pickup). When itineraries are issued, the same
lines are recorded with the copy (planner.domain.issued.ParticipantSnapshot.travel)
and compared later with the lines as they would print now: both come from
`own_travel` here, so the record can never differ from the paper.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from planner.domain.enums import Language
from planner.domain.trip_bundle import TripBundle
from planner.export.arrivals import leg_summary, your_pickup
from planner.export.language import DocumentLanguage
from planner.export.tripview import TripView


@dataclass(frozen=True, slots=True)
class TravelLine:
    """One printed line: `lead` is set in bold (the pick-up time the reader acts on), `rest` follows it."""

    lead: str
    rest: str

    @property
    def text(self) -> str:
        """The line as plain text, as recorded and compared: "Pick-up at the hotel 21:00 GMT+8 · Car 2, …"."""
        return " · ".join(part for part in (self.lead, self.rest) if part)


def own_travel(view: TripView, membership_id: int, lang: DocumentLanguage) -> tuple[TravelLine, ...]:
    """The lines of "Your own travel" for the member, in the order the itinerary prints them: each leg, then its pick-up."""
    lines: list[TravelLine] = []
    for leg in view.bundle.travel_legs:
        if leg.membership_id != membership_id:
            continue
        lines.append(TravelLine("", leg_summary(leg, view, lang)))
        pickup = your_pickup(leg, view, lang)
        if pickup is not None:
            lines.append(TravelLine(*pickup))
    return tuple(lines)


def travel_texts(bundle: TripBundle, languages: Mapping[int, Language | str]) -> dict[int, tuple[str, ...]]:
    """Each member's own travel lines as plain text in their document language (membership id -> language).

    What planner.services.issuing records with a copy and compares with it
    (its `TravelText`); the view is made once for all readers.
    """
    view = TripView(bundle)
    found: dict[int, tuple[str, ...]] = {}
    by_language: dict[Language, DocumentLanguage] = {}
    for membership_id, language in languages.items():
        lang = by_language.setdefault(Language(language), DocumentLanguage.of(language))
        found[membership_id] = tuple(line.text for line in own_travel(view, membership_id, lang))
    return found
