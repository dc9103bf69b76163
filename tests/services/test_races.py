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


def test_a_refused_statement_never_carries_its_parameters_into_the_error_text(db: Database) -> None:
    person = new_person(db)

    def same_id_again(s: Session) -> None:
        s.execute(insert(m.Person).values(id=person.id, version=1, family_name="Schostok", given_name="Stefan", passport_number="C01X00T47"))

    with pytest.raises(ConflictError) as info:
        base.run(db, same_id_again)
    texts = [str(info.value), info.value.details, str(info.value.__cause__)]
    assert not any("C01X00T47" in text for text in texts)  # what a log or "Show details" could ever hold


@pytest.mark.postgresql
def test_two_desktops_ticking_the_same_participant_at_once(db: Database, db_target: str) -> None:
    """The other desktop's insert is still open when ours arrives: ours waits for it, then is told of the conflict."""
    import threading
    import time

    from planner.db.engine import open_database
    from planner.services import programme

    trip = new_trip(db)
    first, second = new_member(db, trip, new_person(db, "Weil")), new_member(db, trip, new_person(db, "Xu"))
    item = new_item(db, trip, everyone=False, participant_ids=(first.id,))
    other = open_database(db_target)
    inserted = threading.Event()

    def other_desktop() -> None:
        with other.engine.begin() as conn:
            conn.execute(insert(m.item_participant).values(item_id=item.id, membership_id=second.id))
            inserted.set()
            time.sleep(0.8)  # still open when ours arrives

    thread = threading.Thread(target=other_desktop)
    thread.start()
    try:
        assert inserted.wait(10)
        with pytest.raises(ConflictError) as info:
            programme.update_item(db, item.evolve(participant_ids=(first.id, second.id)))
        assert info.value.message() == _(base.CHANGED_ELSEWHERE)
    finally:
        thread.join()
        other.close()
    assert set(programme.get_item(db, item.id).participant_ids) == {first.id, second.id}  # the other desktop's tick stands


def test_a_deadlock_is_tried_again_a_bounded_number_of_times_and_counted(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base.time, "sleep", lambda _s: None)
    monkeypatch.setattr(base, "RETRIES", base.Counter())
    calls: list[int] = []

    def deadlocked_twice(_s: Session) -> str:
        calls.append(1)
        if len(calls) < 3:
            raise base.BusyError(base.BUSY)
        return "saved"

    assert base.run(db, deadlocked_twice) == "saved"
    assert base.RETRIES == {"busy": 2}

    def always_deadlocked(_s: Session) -> None:
        raise base.BusyError(base.BUSY)

    with pytest.raises(base.BusyError):
        base.run(db, always_deadlocked)
    assert base.RETRIES["gave up"] == 1 and base.RETRIES["busy"] == 2 + base.LOCK_RETRIES
