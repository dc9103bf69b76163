"""How a venue's address is written for a reader, and what to show a taxi driver.

A reader gets the address in a script they read: a German or English reader
the romanised address of a place in China, a Chinese reader the Chinese one.
Where the driver reads another script than the reader (a German in Shenzhen,
a Chinese visitor in Hannover), the venue's name and address are added in the
local language so the reader can simply show them. Between two Latin-script
languages nothing is added: a driver in Hannover reads an English programme's
address as it is.
"""

from __future__ import annotations

from planner.domain.entities import VenueData
from planner.domain.enums import Language
from planner.domain.names import is_cjk
from planner.export.language import DocumentLanguage, country_language


def reads(language: Language, text: str) -> bool:
    """Whether a reader of `language` reads the script of `text` (Chinese script for zh, Latin otherwise)."""
    return is_cjk(text) == (language is Language.ZH)


def address_for(lang: DocumentLanguage, venue: VenueData) -> str:
    """The address in the reader's script where there is one; the local one otherwise."""
    if venue.address_local and reads(lang.language, venue.address_local):
        return venue.address_local
    return venue.address_romanised or venue.address_local


def for_the_driver(lang: DocumentLanguage, venue: VenueData) -> tuple[str, ...]:
    """The venue's local name and local address, for a driver who reads another script; () if none is needed."""
    local = country_language(venue.country)
    if local is None or local is lang.language:
        return ()
    name = venue.name.get(local)
    address = venue.address_local if venue.address_local != address_for(lang, venue) else ""
    local_text = " ".join(p for p in (name, venue.address_local) if p)
    if not local_text or reads(lang.language, local_text):
        return ()
    parts = tuple(p for p in (name if name != lang.text(venue.name) else "", address) if p)
    return parts if parts else ()
