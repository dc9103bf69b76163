"""Visa status, the gift register and seating plans through the services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.entities import MembershipData, PersonData, TripData
from planner.domain.enums import GiftDirection, Role, SeatingArrangement, SeatSide, Sex, VisaStatus
from planner.domain.errors import ConflictError, NotFoundError, PlannerError, ValidationErrors
from planner.domain.localized import LocalizedText
from planner.domain.protocol import GiftData, Seat, VisaData
from planner.services import people, programme, protocol
from tests.services.conftest import count, new_item, new_member, new_person, new_trip


def test_a_person_keeps_the_details_a_visa_application_asks_for(db: Database) -> None:
    person = new_person(db, sex=Sex.FEMALE, birth_date=date(1980, 2, 29), birth_place="Hannover", passport_issued=date(2015, 3, 1),
                        passport_expiry=date(2025, 2, 28), passport_number="C01X00T47")
    again = people.get_person(db, person.id)
    assert (again.sex, again.birth_date, again.birth_place, again.passport_issued) == (Sex.FEMALE, date(1980, 2, 29), "Hannover", date(2015, 3, 1))
    assert again.sex.label == "Female"


def test_passport_dates_must_make_sense(db: Database) -> None:
    with pytest.raises(ValidationErrors) as caught:
        new_person(db, birth_date=date(1990, 1, 1), passport_issued=date(1989, 1, 1), passport_expiry=date(1988, 1, 1))
    assert {e.field for e in caught.value.errors} == {"passport_issued", "passport_expiry"}
    with pytest.raises(ValidationErrors, match="future"):
        new_person(db, birth_date=date(2999, 1, 1))


def test_visa_status_is_recorded_and_updated_per_member(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    assert protocol.trip_visas(db, trip.id) == {}
    first = protocol.save_visa(db, VisaData(membership_id=member.id, status=VisaStatus.APPLIED, applied_on=date(2016, 9, 1))).after
    updated = protocol.save_visa(db, first.evolve(status=VisaStatus.GRANTED, granted_on=date(2016, 9, 20), valid_until=date(2016, 12, 31)))
    assert updated.before == first
    visas = protocol.trip_visas(db, trip.id)
    assert visas[member.id].status is VisaStatus.GRANTED and visas[member.id].granted_on == date(2016, 9, 20)
    with pytest.raises(ConflictError):
        protocol.save_visa(db, first.evolve(status=VisaStatus.NEEDED))  # based on a stale read


def test_visa_dates_in_order_and_member_must_exist(db: Database) -> None:
    with pytest.raises(ValidationErrors, match="granted before it was applied"):
        protocol.save_visa(db, VisaData(membership_id=1, applied_on=date(2016, 9, 2), granted_on=date(2016, 9, 1)))
    with pytest.raises(NotFoundError):
        protocol.save_visa(db, VisaData(membership_id=4040, status=VisaStatus.NEEDED))


def test_a_visa_goes_with_its_membership(db: Database) -> None:
    from planner.services import delegation

    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    protocol.save_visa(db, VisaData(membership_id=member.id, status=VisaStatus.NEEDED))
    delegation.remove_member(db, member.id)
    assert count(db, m.Visa) == 0


def test_gift_register(db: Database) -> None:
    trip = new_trip(db)
    head = new_member(db, trip, new_person(db), role=Role.HEAD)
    item = new_item(db, trip)
    gift = GiftData(item_id=item.id, direction=GiftDirection.GIVEN, description=LocalizedText(en="Book of pictures of Herrenhausen"),
                    member_id=head.id, counterpart="Mayor Xu Qin", value="35,50", currency="eur")
    saved = protocol.add_gift(db, gift).after
    assert (saved.value, saved.currency) == (Decimal("35.50"), "EUR")
    protocol.add_gift(db, GiftData(item_id=item.id, direction=GiftDirection.RECEIVED, description=LocalizedText(zh="瓷瓶"), counterpart="深圳市政府"))
    gifts = protocol.trip_gifts(db, trip.id)
    assert [g.description.text("en") for g in gifts] == ["Book of pictures of Herrenhausen", "瓷瓶"]
    assert gifts[1].value is None and gifts[1].member_id is None
    changed = protocol.update_gift(db, saved.evolve(value=Decimal("40"))).after
    assert changed.value == Decimal("40.00")
    protocol.delete_gift(db, saved.id)
    assert [g.counterpart for g in protocol.item_gifts(db, item.id)] == ["深圳市政府"]
    programme.delete_item(db, item.id)
    assert count(db, m.Gift) == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"description": LocalizedText()}, "Gift must not be empty."),
        ({"counterpart": " "}, "From or to whom must not be empty."),
        ({"value": "a lot"}, "“a lot” is not an amount of money."),
        ({"value": -1}, "between 0 and 999,999.99"),
        ({"currency": "Euro"}, "“Euro” is not a currency code"),
    ],
)
def test_bad_gifts_are_refused_with_a_message(db: Database, changes: dict[str, object], message: str) -> None:
    trip = new_trip(db)
    item = new_item(db, trip)
    good = GiftData(item_id=item.id, description=LocalizedText(en="Tea"), counterpart="Host")
    with pytest.raises(ValidationErrors, match=message.replace(".", r"\.").replace("(", r"\(")):
        protocol.add_gift(db, good.evolve(**changes))


def test_a_gift_names_a_member_of_its_own_trip(db: Database) -> None:
    trip, other = new_trip(db), new_trip(db, "Other")
    stranger = new_member(db, other, new_person(db, "Lies", "Olaf"))
    item = new_item(db, trip)
    with pytest.raises(PlannerError, match="Olaf Lies is not in this trip's delegation."):
        protocol.add_gift(db, GiftData(item_id=item.id, description=LocalizedText(en="Tea"), counterpart="Host", member_id=stranger.id))


def _delegation(db: Database) -> tuple[TripData, dict[str, MembershipData]]:
    trip = new_trip(db)
    roles = [("Weil", Role.HEAD), ("Lies", Role.MEMBER), ("Zhang", Role.INTERPRETER), ("Xu", Role.HOST), ("Li", Role.HOST),
             ("Althusmann", Role.MEMBER), ("Wang", Role.INTERPRETER)]
    members = {name: new_member(db, trip, new_person(db, name, "X"), role=role, order=n) for n, (name, role) in enumerate(roles, start=1)}
    return trip, members


def test_a_proposed_seating_follows_precedence(db: Database) -> None:
    trip, members = _delegation(db)
    item = new_item(db, trip)
    plan = protocol.proposed_seating(db, item.id)
    by_id = {s.membership_id: s for s in plan.seats}
    assert by_id[members["Weil"].id] == Seat(members["Weil"].id, SeatSide.GUEST, 0)
    assert by_id[members["Xu"].id] == Seat(members["Xu"].id, SeatSide.HOST, 0)
    assert by_id[members["Lies"].id].place == 1 and by_id[members["Althusmann"].id].place == 2
    assert by_id[members["Zhang"].id] == Seat(members["Zhang"].id, SeatSide.GUEST, 0, behind=True)
    assert by_id[members["Wang"].id] == Seat(members["Wang"].id, SeatSide.HOST, 0, behind=True)
    assert protocol.item_seating(db, item.id) is None  # proposed, not saved


def test_seating_is_saved_replaced_and_deleted(db: Database) -> None:
    trip, members = _delegation(db)
    item = new_item(db, trip)
    saved = protocol.save_seating(db, protocol.proposed_seating(db, item.id)).after
    assert protocol.item_seating(db, item.id) == saved
    weil, xu = members["Weil"].id, members["Xu"].id
    from planner.domain.seating import swapped

    changed = protocol.save_seating(db, swapped(saved, weil, xu).evolve(arrangement=SeatingArrangement.SIDE_BY_SIDE)).after
    assert changed.seat_of(weil).side is SeatSide.HOST and changed.arrangement is SeatingArrangement.SIDE_BY_SIDE
    assert count(db, m.SeatAssignment) == len(members)
    with pytest.raises(ConflictError):
        protocol.save_seating(db, saved)  # the plan moved on since
    assert protocol.delete_seating(db, item.id) is not None
    assert protocol.item_seating(db, item.id) is None and count(db, m.SeatAssignment) == 0


def test_only_attendees_get_a_seat(db: Database) -> None:
    trip, members = _delegation(db)
    item = new_item(db, trip, everyone=False, participant_ids=(members["Weil"].id, members["Xu"].id))
    plan = protocol.proposed_seating(db, item.id)
    assert {s.membership_id for s in plan.seats} == {members["Weil"].id, members["Xu"].id}
    with pytest.raises(PlannerError, match="attend"):
        protocol.save_seating(db, plan.evolve(seats=(*plan.seats, Seat(members["Lies"].id, SeatSide.GUEST, 1))))
    with pytest.raises(ValidationErrors, match="share one seat"):
        protocol.save_seating(db, plan.evolve(seats=(Seat(members["Weil"].id, SeatSide.GUEST, 0), Seat(members["Xu"].id, SeatSide.GUEST, 0))))


def test_erasing_a_person_clears_the_visa_details(db: Database) -> None:
    from planner.services.privacy import erase_person

    person = new_person(db, sex=Sex.MALE, birth_date=date(1960, 1, 1), birth_place="Hannover")
    erase_person(db, person.id)
    erased = people.get_person(db, person.id)
    assert (erased.sex, erased.birth_date, erased.birth_place) == (Sex.UNKNOWN, None, "")
    assert isinstance(PersonData().sex, Sex)


def test_a_banquet_is_proposed_at_round_tables_following_protocol(db: Database) -> None:
    """Host at the seat of honour, chief guest on the host's right, deputies opposite, interpreters behind the principals."""
    from planner.domain.enums import ItemKind
    from planner.domain.seating import honour_order, table_sizes

    trip, members = _delegation(db)
    item = new_item(db, trip)
    plan = protocol.proposed_seating(db, item.id, SeatingArrangement.ROUND, table_size=6)
    seat = {name: plan.seat_of(member.id) for name, member in members.items()}
    assert (seat["Xu"].table, seat["Xu"].chair, seat["Xu"].side) == (0, 0, SeatSide.HOST)
    assert (seat["Weil"].chair, seat["Weil"].side) == (1, SeatSide.GUEST)
    assert seat["Li"].chair == 2 and seat["Lies"].chair == 3  # 5 at the table: opposite is chair 2, its right chair 3
    assert seat["Zhang"].behind and seat["Zhang"].place == seat["Weil"].place
    assert seat["Wang"].behind and seat["Wang"].place == seat["Xu"].place
    assert protocol.save_seating(db, plan).after.arrangement is SeatingArrangement.ROUND
    assert honour_order(10) == [0, 1, 5, 6, 9, 4, 2, 7, 8, 3] and table_sizes(21, 10) == [7, 7, 7]
    assert protocol.proposed_seating(db, new_item(db, trip, kind=ItemKind.MEAL).id).arrangement is SeatingArrangement.ROUND


def test_round_tables_split_a_large_party_and_alternate_hosts_and_guests() -> None:
    from planner.domain.seating import Candidate, generate_seating, moved, swapped

    people = [Candidate(n, Role.HOST if n % 2 else Role.MEMBER, n) for n in range(1, 21)]
    plan = generate_seating(people, SeatingArrangement.ROUND, item_id=1, table_size=8).validated()
    tables = sorted({s.table for s in plan.seats})
    assert tables == [0, 1, 2]  # 20 at tables of 8: three tables of 7, 7 and 6
    for table in tables:
        at = sorted((s.chair, s.side) for s in plan.seats if s.table == table)
        assert at[0][1] is SeatSide.HOST  # every table has a host at its seat of honour
        sides = [side for _, side in at]
        same = sum(sides[n] is sides[(n + 1) % len(sides)] for n in range(len(sides)))
        assert same <= 2  # alternating, but for where the deputy's chair forces two of a party together
    host, guest = plan.seat_of(1), plan.seat_of(2)
    changed = swapped(plan, 1, 2)
    assert changed.seat_of(1).place == guest.place and changed.seat_of(1).side is SeatSide.HOST
    assert moved(plan, 2, SeatSide.HOST, host.place).seat_of(2).side is SeatSide.GUEST
    with pytest.raises(ValidationErrors, match="share one seat"):
        plan.evolve(seats=(Seat(1, SeatSide.HOST, 0), Seat(2, SeatSide.GUEST, 0))).validated()
