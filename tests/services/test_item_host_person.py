"""A person as an item's host: stored, checked, cleared when the person goes, printed like a contact."""

from __future__ import annotations

import pytest

from planner.db.engine import Database
from planner.domain.checks.problem import ProblemKind
from planner.domain.entities import PersonData, TripData
from planner.domain.enums import ItemKind, Language, Role
from planner.domain.errors import NotFoundError
from planner.domain.localized import LocalizedText
from planner.export.ics import trip_calendar
from planner.export.language import DocumentLanguage
from planner.services.calendar_revisions import calendar_revisions
from planner.export.pdf import programme_document
from planner.export.pdf.cards import taxi_cards
from planner.export.tripview import TripView
from planner.services import checks, people, privacy, programme
from tests.export.pdfcheck import squeezed, text_of
from tests.services.conftest import MORNING, new_item, new_member, new_person, new_trip, new_venue


def _mayor(db: Database) -> PersonData:
    return new_person(
        db, "Schostok", "Stefan", function=LocalizedText(de="Oberbürgermeister", en="Lord Mayor", zh="市长"), phone="+49 511 16840000",
    )


@pytest.fixture
def hosted(db: Database) -> tuple[TripData, PersonData, int]:
    """A trip whose site visit is hosted by the mayor, a member with the role Host, at a venue with no phone for its contact."""
    trip = new_trip(db)
    mayor = _mayor(db)
    new_member(db, trip, mayor, role=Role.HOST)
    venue = new_venue(db, "New Town Hall")
    item = new_item(db, trip, MORNING, title="Reception by the Lord Mayor", venue_id=venue.id, host_person_id=mayor.id)
    return trip, mayor, item.id


def test_a_person_host_is_stored_and_satisfies_the_missing_host_check(db: Database, hosted: tuple[TripData, PersonData, int]) -> None:
    trip, mayor, item_id = hosted
    item = programme.get_item(db, item_id)
    assert (item.host_person_id, item.host_contact_id) == (mayor.id, None)
    assert not [p for p in checks.check_trip(db, trip.id) if p.kind is ProblemKind.NO_HOST_CONTACT]
    programme.update_item(db, item.evolve(host_person_id=None))
    [hint] = [p for p in checks.check_trip(db, trip.id) if p.kind is ProblemKind.NO_HOST_CONTACT]
    assert hint.item_ids == (item_id,)


def test_an_unknown_person_is_refused(db: Database) -> None:
    trip = new_trip(db)
    with pytest.raises(NotFoundError):
        new_item(db, trip, MORNING, host_person_id=9999)
    assert programme.list_items(db, trip.id) == []


def test_deleting_or_erasing_the_person_leaves_the_item_without_host(db: Database) -> None:
    trip = new_trip(db)
    outsider, mayor = new_person(db, "Weil", "Stephan"), _mayor(db)
    first = new_item(db, trip, MORNING, title="Breakfast", host_person_id=outsider.id)
    second = new_item(db, trip, MORNING.replace(hour=5), title="Dinner", host_person_id=mayor.id)
    people.delete_person(db, outsider.id)
    assert programme.get_item(db, first.id).host_person_id is None
    privacy.erase_person(db, mayor.id)
    assert programme.get_item(db, second.id).host_person_id is None
    assert programme.get_item(db, second.id).version > second.version  # an open form on the old version is told


def test_documents_print_a_person_host_like_a_contact_without_their_private_phone(
    db: Database, hosted: tuple[TripData, PersonData, int]
) -> None:
    trip, mayor, item_id = hosted
    view = TripView.load(db, trip.id)
    host = view.host(programme.get_item(db, item_id))
    assert host is not None and (host.name, host.function.en, host.phone, host.email) == ("Stefan Schostok", "Lord Mayor", "", "")
    [card] = taxi_cards(view)  # nobody to call there: a person's own number is not printed for drivers
    assert card.host is None
    text = squeezed(text_of(programme_document(view, language="de")))
    assert squeezed("Stefan Schostok, Oberbürgermeister") in text
    # Not at the item, where a contact's number would be; the emergency page lists the trip's hosts
    # (who accompany the delegation) with their phones among the people to call when something goes wrong.
    emergency = text.index(squeezed(DocumentLanguage.of("de").t("Emergencies and contacts")))
    assert squeezed(mayor.phone) not in text[:emergency]
    calendar = trip_calendar(view, language=Language.EN, revisions=calendar_revisions(db, trip.id)).to_ical().decode("utf-8").replace("\r\n ", "")
    assert "Host: Stefan Schostok\\, Lord Mayor" in calendar and mayor.phone not in calendar


def test_an_outside_host_is_in_the_trips_bundle_but_not_its_delegation(db: Database) -> None:
    from planner.services.transfer import load_trip_bundle

    trip = new_trip(db)
    member, outsider = new_person(db, "Weil", "Stephan"), _mayor(db)
    new_member(db, trip, member)
    new_item(db, trip, MORNING, kind=ItemKind.MEETING, host_person_id=outsider.id)
    bundle = load_trip_bundle(db, trip.id)
    assert [p.family_name for p in bundle.people] == ["Weil", "Schostok"]
    assert [ms.person_id for ms in bundle.members] == [member.id]


def test_a_duplicated_trip_keeps_its_person_hosts(db: Database, hosted: tuple[TripData, PersonData, int]) -> None:
    from datetime import date

    from planner.services.trip_copy import duplicate_trip

    trip, mayor, _item_id = hosted
    copy = duplicate_trip(db, trip.id, title=LocalizedText(en="Next year"), first_day=date(2017, 10, 23))
    [item] = programme.list_items(db, copy.id)
    assert (item.host_person_id, item.host_contact_id) == (mayor.id, None)
