"""Loading a whole trip as a bundle, and importing a bundle as a new trip in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import ItemData, MembershipData, PersonData, TripData, VenueData
from planner.domain.enums import Role
from planner.domain.errors import NotFoundError, PlannerError, ValidationErrors
from planner.domain.localized import LocalizedText as L
from planner.services import delegation, people, programme, transfer, trips, venues
from planner.services.base import Action
from planner.services.transfer import TripBundle, import_trip_bundle, load_trip_bundle
from tests.sample_trips import SHANGHAI, build_shenzhen_trip, local

TABLES = (m.Trip, m.Person, m.Membership, m.Venue, m.VenueContact, m.ProgrammeItem)


def counts(db: Database) -> dict[str, int]:
    with db.reading() as s:
        result = {t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}
        result["item_participant"] = s.scalar(select(func.count()).select_from(m.item_participant)) or 0
        return result


def test_load_gives_the_delegation_in_protocol_order_with_their_people(db: Database) -> None:
    trip_id = build_shenzhen_trip(db)
    bundle = load_trip_bundle(db, trip_id)
    assert [ms.protocol_order for ms in bundle.members] == [1, 2, 3]
    assert [bundle.person(ms.person_id).family_name for ms in bundle.members] == ["Weil", "Becker", "Wang"]
    assert [ms.role for ms in bundle.members] == [Role.HEAD, Role.STAFF, Role.INTERPRETER]
    assert bundle.person(bundle.members[1].person_id).passport_number == "C01X00T47"


def test_load_gives_only_the_venues_the_programme_uses_in_id_order(db: Database) -> None:
    trip_id = build_shenzhen_trip(db)
    bundle = load_trip_bundle(db, trip_id)
    names = [v.name.en for v in bundle.venues]
    # "Unused hall" is in the directory but not in this trip; the press office is used only by a host contact.
    assert names == ["Frankfurt Airport", "Shenzhen Bay Venture Plaza", "Shenzhen press office", "InterContinental Shenzhen"]
    assert [v.id for v in bundle.venues] == sorted(v.id for v in bundle.venues)
    assert [c.name for c in bundle.venues[1].contacts] == ["Zhang Wei", "Liu Yang"]


def test_load_gives_the_programme_in_start_order(db: Database) -> None:
    trip_id = build_shenzhen_trip(db)
    bundle = load_trip_bundle(db, trip_id)
    starts = [i.start for i in bundle.items]
    assert starts == sorted(starts)
    assert [i.title.en for i in bundle.items] == ["Flight LH 7334", "Check-in", "Visit EMAX", "Press briefing"]
    visit = bundle.items[2]
    assert not visit.everyone
    assert set(visit.participant_ids) == {bundle.members[0].id, bundle.members[2].id}


def test_load_of_a_missing_trip_is_refused(db: Database) -> None:
    with pytest.raises(NotFoundError):
        load_trip_bundle(db, 4711)


def test_import_creates_a_new_trip_with_new_people_and_venues(db: Database) -> None:
    trip_id = build_shenzhen_trip(db)
    bundle = load_trip_bundle(db, trip_id)
    before = counts(db)
    change = import_trip_bundle(db, bundle)
    after = counts(db)

    assert change.action is Action.IMPORTED and change.entity == "trip"
    assert change.id != trip_id
    assert change.after.title == bundle.trip.title
    # No matching by name: the same people and venues are added a second time.
    assert after["trip"] == before["trip"] + 1
    assert after["person"] == before["person"] + 3
    assert after["venue"] == before["venue"] + 4
    assert after["venue_contact"] == before["venue_contact"] + 4
    assert after["membership"] == before["membership"] + 3
    assert after["programme_item"] == before["programme_item"] + 4
    assert after["item_participant"] == before["item_participant"] + 3
    assert {c.entity for c in change.related} == {"person", "venue"}
    assert len(change.related) == 7

    copy = load_trip_bundle(db, change.id)
    assert copy.trip.evolve(id=None, version=None) == bundle.trip.evolve(id=None, version=None)
    assert [p.evolve(id=None, version=None) for p in copy.people] == [p.evolve(id=None, version=None) for p in bundle.people]
    assert [(i.title, i.start, i.end, i.timezone, i.end_timezone) for i in copy.items] == [
        (i.title, i.start, i.end, i.timezone, i.end_timezone) for i in bundle.items
    ]
    visit = copy.items[2]
    host = next(c for v in copy.venues for c in v.contacts if c.id == visit.host_contact_id)
    assert host.name == "Liu Yang" and host.venue_id == visit.venue_id
    assert {copy.person(ms.person_id).family_name for ms in copy.members if ms.id in visit.participant_ids} == {"Weil", "Wang"}


def _small_bundle() -> TripBundle:
    trip = TripData(title=L(en="Small"), timezone=SHANGHAI, first_day=date(2020, 1, 1), last_day=date(2020, 1, 2))
    person = PersonData(id=1, family_name="Li")
    member = MembershipData(id=1, person_id=1, role=Role.HEAD, protocol_order=1)
    venue = VenueData(id=1, name=L(en="Hall"), timezone=SHANGHAI)
    item = ItemData(title=L(en="Talk"), venue_id=1, start=local(SHANGHAI, 2020, 1, 1, 9), end=local(SHANGHAI, 2020, 1, 1, 10),
                    timezone=SHANGHAI, everyone=False, participant_ids=(1,))
    return TripBundle(trip=trip, people=(person,), members=(member,), venues=(venue,), items=(item,))


def test_import_of_a_hand_made_bundle_maps_the_stand_in_ids(db: Database) -> None:
    people.create_person(db, PersonData(family_name="Someone else"))  # so new ids differ from the stand-ins
    change = import_trip_bundle(db, _small_bundle())
    copy = load_trip_bundle(db, change.id)
    assert copy.people[0].family_name == "Li" and copy.people[0].id != 1
    assert copy.items[0].venue_id == copy.venues[0].id
    assert copy.items[0].participant_ids == (copy.members[0].id,)


@pytest.mark.parametrize(
    "breakage",
    [
        lambda b: b.__class__(b.trip, b.people, b.members, b.venues, (b.items[0].evolve(venue_id=99),)),
        lambda b: b.__class__(b.trip, b.people, b.members, b.venues, (b.items[0].evolve(participant_ids=(7,)),)),
        lambda b: b.__class__(b.trip, b.people, (b.members[0].evolve(person_id=5),), b.venues, b.items),
        lambda b: b.__class__(b.trip, b.people + (b.people[0],), b.members, b.venues, b.items),
        lambda b: b.__class__(b.trip, b.people, b.members, b.venues, (b.items[0].evolve(host_contact_id=3),)),
    ],
    ids=["unknown venue", "unknown participant", "unknown person", "duplicate id", "unknown host"],
)
def test_an_inconsistent_bundle_writes_nothing(db: Database, breakage: Callable[[TripBundle], TripBundle]) -> None:
    before = counts(db)
    with pytest.raises(PlannerError):
        import_trip_bundle(db, breakage(_small_bundle()))
    assert counts(db) == before


def test_an_invalid_record_writes_nothing(db: Database) -> None:
    bundle = _small_bundle()
    broken = TripBundle(bundle.trip, (bundle.people[0].evolve(email="not an address"),), bundle.members, bundle.venues, bundle.items)
    before = counts(db)
    with pytest.raises(ValidationErrors) as caught:
        import_trip_bundle(db, broken)
    assert [e.field for e in caught.value.errors] == ["email"]
    assert counts(db) == before


def test_a_failure_half_way_through_the_transaction_rolls_everything_back(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _small_bundle()
    item = bundle.items[0]
    two_items = TripBundle(bundle.trip, bundle.people, bundle.members, bundle.venues, (item, item.evolve(title=L(en="Second"))))
    real_row = transfer._item_row
    calls: list[str] = []

    def crash_on_second(trip_id: int, data: ItemData, *ids: dict[int | None, int]) -> dict[str, object]:
        calls.append(data.title.en)
        if len(calls) == 2:
            raise RuntimeError("simulated crash")
        return real_row(trip_id, data, *ids)

    monkeypatch.setattr(transfer, "_item_row", crash_on_second)
    before = counts(db)
    with pytest.raises(RuntimeError):
        import_trip_bundle(db, two_items)
    assert calls == ["Talk", "Second"]  # the trip, people, venue and delegation were written before the crash
    assert counts(db) == before


def test_an_item_whose_participants_all_left_is_loaded_as_it_is(db: Database) -> None:
    trip_id = trips.create_trip(db, TripData(title=L(en="T"), timezone=SHANGHAI, first_day=date(2020, 1, 1), last_day=date(2020, 1, 1))).id
    person_id = people.create_person(db, PersonData(family_name="Gone")).id
    member_id = delegation.add_member(db, MembershipData(trip_id=trip_id, person_id=person_id)).id
    programme.create_item(db, ItemData(trip_id=trip_id, title=L(en="Talk"), start=local(SHANGHAI, 2020, 1, 1, 9),
                                       end=local(SHANGHAI, 2020, 1, 1, 10), timezone=SHANGHAI, everyone=False,
                                       participant_ids=(member_id,)))
    delegation.remove_member(db, member_id)
    bundle = load_trip_bundle(db, trip_id)
    assert bundle.members == ()
    assert not bundle.items[0].everyone and bundle.items[0].participant_ids == ()
    assert venues.list_venues(db) == []
