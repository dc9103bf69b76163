"""A race with another planner ends as the conflict message, never the database's own text."""

from __future__ import annotations

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

from planner.db import models as m
from planner.db.engine import Database
from planner.domain.errors import ConflictError, PlannerError
from planner.i18n import _
from planner.services import base
from tests.services.conftest import new_item, new_member, new_person, new_trip


def test_the_same_participant_added_twice_is_a_conflict(db: Database) -> None:
    trip = new_trip(db)
    member = new_member(db, trip, new_person(db))
    item = new_item(db, trip, everyone=False, participant_ids=(member.id,))

    def tick_again(s: Session) -> None:  # what the second of two desktops ticking at once sends
        s.execute(insert(m.item_participant).values(item_id=item.id, membership_id=member.id))

    with pytest.raises(ConflictError) as info:
        base.run(db, tick_again)
    assert info.value.message() == _(base.CHANGED_ELSEWHERE)
    assert "item_participant" not in info.value.message() and "item_participant" in info.value.details


def test_a_reference_to_a_record_deleted_elsewhere_is_a_conflict(db: Database) -> None:
    trip = new_trip(db)
    item = new_item(db, trip)

    def tick_a_gone_member(s: Session) -> None:
        s.execute(insert(m.item_participant).values(item_id=item.id, membership_id=9999))

    with pytest.raises(ConflictError):
        base.run(db, tick_a_gone_member)


def test_any_other_refusal_is_a_plain_sentence(db: Database) -> None:
    def break_a_rule(s: Session) -> None:
        s.execute(insert(m.Person).values(family_name=None, given_name="x"))

    with pytest.raises(PlannerError) as info:
        base.run(db, break_a_rule)
    assert not isinstance(info.value, ConflictError)
    assert info.value.message() == "The change breaks a rule of the database and was not saved."
