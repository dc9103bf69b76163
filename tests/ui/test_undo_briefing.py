"""Undo and redo of briefings, profiles and follow-ups through the window's history, on a real database."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from planner.db.engine import Database
from planner.domain.briefing import FollowUpData, FollowUpStatus, ItemBriefingData, ProfileOwner
from planner.domain.entities import ItemData, PersonData, TripData
from planner.domain.errors import NotFoundError
from planner.domain.localized import LocalizedText as L
from planner.services import briefing, follow_ups, people, programme, trips
from planner.ui.undo import UndoHistory


@pytest.fixture
def history(qtbot: QtBot, db: Database) -> UndoHistory:
    return UndoHistory(db, lambda: None)


def _item(db: Database) -> int:
    trip = trips.create_trip(db, TripData(title=L(en="Trip"), timezone="Asia/Shanghai", first_day=date(2016, 10, 24),
                                          last_day=date(2016, 10, 27))).id
    return programme.create_item(db, ItemData(
        trip_id=trip, title=L(en="Meeting"), timezone="Asia/Shanghai",
        start=datetime(2016, 10, 24, 2, tzinfo=UTC), end=datetime(2016, 10, 24, 3, tzinfo=UTC),
    )).id


def test_a_briefing_is_undone_and_redone_twice(history: UndoHistory, db: Database) -> None:
    item = _item(db)
    history.perform("brief", lambda: briefing.save_briefing(db, ItemBriefingData(id=item, objective=L(en="First"))))
    current = briefing.get_briefing(db, item)
    history.perform("brief", lambda: briefing.save_briefing(db, current.evolve(objective=L(en="Second"))))
    for _round in range(2):
        history.stack.undo()
        assert briefing.get_briefing(db, item).objective.en == "First"
        history.stack.undo()
        assert briefing.get_briefing(db, item).is_empty()
        history.stack.redo()
        history.stack.redo()
        assert briefing.get_briefing(db, item).objective.en == "Second"


def test_a_portrait_is_undone_and_redone(history: UndoHistory, db: Database) -> None:
    person = people.create_person(db, PersonData(family_name="Xu", given_name="Qin")).id
    out = io.BytesIO()
    Image.new("RGB", (40, 50), (10, 20, 30)).save(out, format="PNG")
    history.perform("bio", lambda: briefing.set_biography(db, ProfileOwner.PERSON, person, L(zh="深圳市市长"), None))
    history.perform("photo", lambda: briefing.set_portrait(db, ProfileOwner.PERSON, person, out.getvalue(), 1))
    history.stack.undo()
    profile = briefing.get_profile(db, ProfileOwner.PERSON, person)
    assert profile.portrait is None and profile.biography.zh == "深圳市市长"
    history.stack.redo()
    assert briefing.get_profile(db, ProfileOwner.PERSON, person).portrait is not None
    history.stack.undo()
    history.stack.undo()
    assert briefing.get_profile(db, ProfileOwner.PERSON, person).is_empty()


def test_a_follow_up_is_created_changed_and_deleted_undoably(history: UndoHistory, db: Database) -> None:
    trip = trips.create_trip(db, TripData(title=L(en="Trip"), timezone="Asia/Shanghai", first_day=date(2016, 10, 24),
                                          last_day=date(2016, 10, 27))).id
    created = history.perform("add", lambda: follow_ups.create_follow_up(db, FollowUpData(trip_id=trip, what=L(en="Send photos"))))
    assert created is not None
    history.perform("done", lambda: follow_ups.set_status(db, created.id, FollowUpStatus.DONE, None))
    history.perform("delete", lambda: follow_ups.delete_follow_up(db, created.id))
    history.stack.undo()
    assert follow_ups.get_follow_up(db, created.id).status is FollowUpStatus.DONE
    history.stack.undo()
    assert follow_ups.get_follow_up(db, created.id).status is FollowUpStatus.OPEN
    history.stack.undo()
    with pytest.raises(NotFoundError):
        follow_ups.get_follow_up(db, created.id)
    history.stack.redo()
    history.stack.redo()
    history.stack.redo()
    with pytest.raises(NotFoundError):
        follow_ups.get_follow_up(db, created.id)


def test_undoing_the_deletion_of_a_person_or_venue_brings_their_biographies_back(history: UndoHistory, db: Database) -> None:
    from planner.domain.entities import ContactData, VenueData
    from planner.services import venues

    person = people.create_person(db, PersonData(family_name="Xu", given_name="Qin")).id
    briefing.set_biography(db, ProfileOwner.PERSON, person, L(zh="深圳市市长"), None)
    venue = venues.create_venue(db, VenueData(name=L(en="Civic Center"), timezone="Asia/Shanghai", contacts=(ContactData(name="Lin Zhiyuan"),))).after
    contact = venue.contacts[0].id
    briefing.set_biography(db, ProfileOwner.CONTACT, contact, L(en="Vice-mayor"), None)
    history.perform("delete person", lambda: people.delete_person(db, person))
    history.perform("delete venue", lambda: venues.delete_venue(db, venue.id))
    with pytest.raises(NotFoundError):
        briefing.get_profile(db, ProfileOwner.PERSON, person)
    history.stack.undo()
    history.stack.undo()
    assert briefing.get_profile(db, ProfileOwner.PERSON, person).biography.zh == "深圳市市长"
    assert briefing.get_profile(db, ProfileOwner.CONTACT, contact).biography.en == "Vice-mayor"
    history.stack.redo()
    with pytest.raises(NotFoundError):
        briefing.get_profile(db, ProfileOwner.PERSON, person)
