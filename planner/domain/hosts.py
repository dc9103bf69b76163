"""Who receives the delegation at an item: a contact at the venue, or a person.

The mayor receiving a visiting mayor is a person (often a trip member with the
role Host), not a contact of a venue. Documents print either the same way, so
a person host is turned into a ContactData here once, and everything that
prints a host contact prints a person too.

A person's phone and e-mail are their private data (a trip file without
private data leaves them out, and no programme, itinerary or taxi card prints
anyone else's), so a person host is printed by name and function only; the
delegation calls the venue's contacts, whose numbers are business numbers.
"""

from __future__ import annotations

from collections.abc import Mapping

from planner.domain.entities import ContactData, ItemData, PersonData


def person_as_host(person: PersonData) -> ContactData:
    """A person as a host contact: their name (the native script beside it) and function; no private phone or e-mail."""
    return ContactData(name=person.name, native_name=person.native_name, function=person.function)


def item_host(
    item: ItemData, contacts: Mapping[int, ContactData], people: Mapping[int, PersonData]
) -> ContactData | None:
    """The item's host as a contact, whichever kind it is; None without one (or if the record is not at hand)."""
    if item.host_contact_id is not None:
        return contacts.get(item.host_contact_id)
    if item.host_person_id is not None:
        person = people.get(item.host_person_id)
        return person_as_host(person) if person is not None else None
    return None
