"""Bulk reading gives exactly the records the ORM mapping gives, in the same order."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ContactData, VenueData
from planner.domain.enums import ItemKind, Language, Role, VenueKind
from planner.domain.localized import LocalizedText
from planner.services import delegation, venues
from planner.services.bulk_read import read_items, read_members, read_venues, venues_of_hosts, venues_of_items
from planner.services.mapping import item_data, membership_data, person_data, venue_data
from tests.services.conftest import MORNING, new_item, new_member, new_person, new_trip, new_venue


def _orm_items(db: Database, trip_id: int) -> list[object]:
    with db.reading() as s:
        rows = s.scalars(
            select(m.ProgrammeItem).options(selectinload(m.ProgrammeItem.participants))
            .where(m.ProgrammeItem.trip_id == trip_id).order_by(m.ProgrammeItem.start_utc, m.ProgrammeItem.id)
        )
        return [item_data(r) for r in rows]


def test_items_members_and_venues_read_in_bulk_equal_their_orm_records(db: Database) -> None:
    trip = new_trip(db)
    other = new_trip(db, "Another trip")
    head = new_member(db, trip, new_person(db, "Weil", native="", preferred_language=Language.DE), Role.HEAD, 1)
    xu = new_member(db, trip, new_person(db, "Xu", "Qin", "许勤", preferred_language=Language.ZH), Role.MEMBER, 2)
    new_member(db, other, new_person(db, "Elsewhere"))
    emax = new_venue(db, "EMAX", ("Li Wei", "Wang Fang"))
    hotel = new_venue(db, "Hotel", ())
    host_only = new_venue(db, "Host's office", ("Chen Jing",))
    unused = new_venue(db, "Unused")
    new_item(db, trip, MORNING + timedelta(hours=3), title="Later, for two", everyone=False,
             participant_ids=(xu.id, head.id), venue_id=emax.id, host_contact_id=emax.contacts[1].id,
             description=LocalizedText(de="Beschreibung", zh="说明"), dress_code=LocalizedText(en="Business"))
    new_item(db, trip, MORNING, title="First, for everyone", kind=ItemKind.MEAL, venue_id=hotel.id)
    new_item(db, trip, MORNING, title="Same start, made later", everyone=False, participant_ids=(xu.id,),
             host_contact_id=host_only.contacts[0].id, end_timezone="Europe/Berlin")
    new_item(db, other, MORNING, title="Another trip's item", venue_id=unused.id)
    venues.update_venue(db, venues.get_venue(db, emax.id).evolve(latitude=22.54, longitude=114.06))

    with db.reading() as s:
        items = read_items(s, trip.id)
        members = read_members(s, trip.id)
        used = read_venues(s, venues_of_items(trip.id), venues_of_hosts(trip.id))
        orm_members = [
            (membership_data(ms), person_data(p))
            for ms, p in s.execute(
                select(m.Membership, m.Person).join(m.Person).where(m.Membership.trip_id == trip.id)
                .order_by(m.Membership.protocol_order, m.Membership.id)
            )
        ]
        orm_venues = {
            v.id: venue_data(v)
            for v in s.scalars(select(m.Venue).options(selectinload(m.Venue.contacts)).where(
                m.Venue.id.in_([emax.id, hotel.id, host_only.id])).order_by(m.Venue.id))
        }
    assert items == _orm_items(db, trip.id)
    assert [i.title.en for i in items] == ["First, for everyone", "Same start, made later", "Later, for two"]
    assert items[2].participant_ids == tuple(sorted((xu.id, head.id)))
    assert items[0].participant_ids == () and items[0].everyone
    assert members == orm_members
    assert [p.family_name for _ms, p in members] == ["Weil", "Xu"]
    assert used == orm_venues
    assert list(used) == sorted(used)  # by id
    assert used[emax.id].latitude == 22.54 and [c.name for c in used[emax.id].contacts] == ["Li Wei", "Wang Fang"]
    assert unused.id not in used


def test_a_member_who_left_leaves_no_tick_behind(db: Database) -> None:
    trip = new_trip(db)
    stays = new_member(db, trip, new_person(db, "Stays"))
    leaves = new_member(db, trip, new_person(db, "Leaves"))
    new_item(db, trip, everyone=False, participant_ids=(stays.id, leaves.id))
    delegation.remove_member(db, leaves.id)
    with db.reading() as s:
        assert read_items(s, trip.id)[0].participant_ids == (stays.id,)
    assert _orm_items(db, trip.id)[0].participant_ids == (stays.id,)


def test_venues_can_be_chosen_by_ids_too(db: Database) -> None:
    a = venues.create_venue(db, VenueData(name=LocalizedText(en="A"), kind=VenueKind.MUSEUM, timezone="Asia/Shanghai",
                                          contacts=(ContactData(name="Zhou"),))).after
    expected = venues.get_venue(db, a.id)
    with db.reading() as s:
        assert read_venues(s, [a.id]) == {a.id: expected}
        assert read_venues(s, []) == {}
        assert read_venues(s) == {}
