"""Venues with their contacts: contacts are kept, added and dropped with the venue."""

from __future__ import annotations

import pytest

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ContactData, VenueData
from planner.domain.enums import VenueKind
from planner.domain.errors import ConflictError, NotFoundError, PlannerError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.services import programme, venues
from planner.services.base import Action
from tests.services.conftest import count, new_item, new_trip, new_venue, snapshot


def test_create_venue_with_contacts(db: Database) -> None:
    data = VenueData(
        name=LocalizedText(de="Messe", zh="会展中心", en="Convention centre"), kind=VenueKind.TRADE_FAIR,
        address_local="深圳市福田区福华三路", city=LocalizedText(zh="深圳", en="Shenzhen"), country="cn",
        timezone="Asia/Shanghai", latitude=22.53, longitude=114.05, website="https://www.szcec.com",
        contacts=(ContactData(name="Li Wei", native_name="李伟", phone="+86 755 1234 5678"), ContactData(name="Wang Fang")),
    )
    change = venues.create_venue(db, data)
    assert (change.action, change.entity, change.before) == (Action.CREATED, "venue", None)
    saved = venues.get_venue(db, change.id)
    assert saved == change.after
    assert saved.country == "CN" and saved.kind is VenueKind.TRADE_FAIR
    assert [c.name for c in saved.contacts] == ["Li Wei", "Wang Fang"]
    assert all(c.id is not None and c.venue_id == saved.id and c.version == 1 for c in saved.contacts)
    assert venues.list_venues(db) == [saved]


def test_update_syncs_contacts_keep_add_drop(db: Database) -> None:
    venue = new_venue(db, contacts=("Li Wei", "Wang Fang", "Zhao Lei"))
    li, wang, zhao = venue.contacts
    change = venues.update_venue(
        db,
        venue.evolve(
            contacts=(
                li.evolve(phone="+86 755 1111 2222"),  # kept and changed
                ContactData(name="Chen Jie"),  # new
                zhao,  # kept unchanged; Wang Fang is dropped
            )
        ),
    )
    assert change.before == venue
    after = venues.get_venue(db, venue.id)
    assert after == change.after
    assert [c.name for c in after.contacts] == ["Li Wei", "Zhao Lei", "Chen Jie"]  # in id order
    by_name = {c.name: c for c in after.contacts}
    assert by_name["Li Wei"].id == li.id and by_name["Li Wei"].phone == "+86 755 1111 2222"
    assert by_name["Zhao Lei"].id == zhao.id
    assert by_name["Chen Jie"].id not in {li.id, wang.id, zhao.id}
    assert count(db, m.VenueContact) == 3


def test_a_contact_of_another_venue_is_copied_not_moved(db: Database) -> None:
    emax, other = new_venue(db), new_venue(db, "Huawei", contacts=("Zhang Min",))
    stolen = other.contacts[0]
    venues.update_venue(db, emax.evolve(contacts=(*emax.contacts, stolen)))
    assert [c.name for c in venues.get_venue(db, other.id).contacts] == ["Zhang Min"]
    copied = venues.get_venue(db, emax.id).contacts[-1]
    assert copied.name == "Zhang Min" and copied.id != stolen.id and copied.venue_id == emax.id


def test_dropping_a_host_contact_clears_the_items_host(db: Database) -> None:
    trip, venue = new_trip(db), new_venue(db, contacts=("Li Wei", "Wang Fang"))
    item = new_item(db, trip, venue_id=venue.id, host_contact_id=venue.contacts[0].id)
    venues.update_venue(db, venue.evolve(contacts=venue.contacts[1:]))
    assert programme.get_item(db, item.id).host_contact_id is None


def test_invalid_contact_refuses_the_whole_venue(db: Database) -> None:
    venue = new_venue(db)
    before = snapshot(db)
    with pytest.raises(ValidationErrors) as info:
        venues.update_venue(db, venue.evolve(contacts=(*venue.contacts, ContactData(name="", email="x"))))
    assert {e.field for e in info.value.errors} == {"contacts.1.name", "contacts.1.email"}
    assert snapshot(db) == before


def test_stale_venue_update_is_refused(db: Database) -> None:
    venue = new_venue(db)
    venues.update_venue(db, venue.evolve(notes="first"))
    before = snapshot(db)
    with pytest.raises(ConflictError):
        venues.update_venue(db, venue.evolve(notes="stale", contacts=()))
    assert snapshot(db) == before


def test_delete_venue_refused_while_used_then_cascades_contacts(db: Database) -> None:
    trip, venue = new_trip(db), new_venue(db, contacts=("Li Wei", "Wang Fang"))
    item = new_item(db, trip, venue_id=venue.id)
    before = snapshot(db)
    with pytest.raises(PlannerError, match="used by 1 programme item"):
        venues.delete_venue(db, venue.id)
    assert snapshot(db) == before
    programme.delete_item(db, item.id)
    change = venues.delete_venue(db, venue.id)
    assert (change.action, change.before) == (Action.DELETED, venue)
    assert count(db, m.Venue) == 0 and count(db, m.VenueContact) == 0
    with pytest.raises(NotFoundError):
        venues.get_venue(db, venue.id)
