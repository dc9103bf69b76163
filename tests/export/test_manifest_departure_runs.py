"""A departure run on the driver's manifest: at the pick-up time at the hotel, in time order with the rides, the flight
and the time it leaves beside it; without a pick-up time at the flight's time, saying plainly that it is not set yet."""

from __future__ import annotations

from datetime import UTC, date, datetime

from planner.db.engine import Database
from planner.domain.travel_legs import LegDirection, TravelLegData
from planner.export.manifest import Manifest, Pickup, Stop, manifests
from planner.export.pdf.manifest import manifest_document
from planner.export.tripview import TripView
from planner.importing.tripfile import import_trip_file
from planner.paths import DEMO_TRIPS
from planner.services.travel_legs import create_leg, trip_legs, update_leg
from tests.export.pdfcheck import squeezed, text_of

LAST_DAY = date(2016, 10, 27)  # ZZ 9653 (sample) leaves Shenzhen at 23:55; Car 2 drives the 16:45 transfer that day


def _demo_run(db: Database, pickup: datetime | None) -> tuple[TripView, Manifest, TravelLegData]:
    """The Shenzhen demo with its departure ZZ 9653 taken to the airport by Car 2, fetched at `pickup` (UTC)."""
    trip = import_trip_file(db, next(DEMO_TRIPS.glob("hannover-shenzhen*.json"))).id
    car = next(v for v in TripView.load(db, trip).bundle.vehicles if v.label == "Car 2")
    leaving = next(leg for leg in trip_legs(db, trip) if leg.direction is LegDirection.DEPARTURE)
    update_leg(db, leaving.evolve(vehicle_id=car.id, pickup=pickup))
    view = TripView.load(db, trip)
    [manifest] = [m for m in manifests(view, LAST_DAY) if m.vehicle.id == car.id]
    return view, manifest, leaving


def _order(manifest: Manifest) -> list[str]:
    return [f"{stop.at:%H:%M} run" if isinstance(stop, Pickup) else f"{stop.item.local_start():%H:%M} ride" for stop in manifest.stops]


def test_a_timed_run_stands_at_its_pick_up_time_before_the_afternoon_transfer(db: Database) -> None:
    view, manifest, leaving = _demo_run(db, datetime(2016, 10, 27, 7, 30, tzinfo=UTC))  # 15:30 in Shenzhen
    assert _order(manifest) == ["15:30 run", "16:45 ride"]
    run = manifest.stops[0]
    assert isinstance(run, Pickup) and run.timed and run.departs == leaving.local_departure()
    assert isinstance(manifest.stops[1], Stop)
    wording = {
        "en": ("15:30", "Pick-up at the hotel", "ZZ 9653 to Amsterdam Schiphol (AMS), departs 23:55", "Pick up at"),
        "de": ("15:30", "Abholung am Hotel", "ZZ 9653 nach Amsterdam Schiphol (AMS), ab 23:55", "Abholung"),
        "zh": ("15:30", "酒店接人时间", "ZZ 9653（前往Amsterdam Schiphol (AMS)），23:55出发", "上车地点"),
    }
    for lang, (time, label, flight, fetch) in wording.items():
        text = squeezed(text_of(manifest_document(view, manifest, language=lang)))
        assert squeezed(time + label) in text and squeezed(flight) in text and squeezed(fetch) in text, lang
        assert text.index(squeezed(flight)) < text.index(squeezed("16:45")), lang  # in time order with the ride
        assert "notsetyet" not in text and "尚未" not in text, lang


def test_a_run_without_its_pick_up_time_stays_at_the_flight_and_says_so(db: Database) -> None:
    view, manifest, _leaving = _demo_run(db, None)
    assert _order(manifest) == ["16:45 ride", "23:55 run"]
    run = manifest.stops[1]
    assert isinstance(run, Pickup) and not run.timed
    plainly = {
        "en": "Pick-up time at the hotel not set yet: ask the delegation contact when to be there.",
        "de": "Abholzeit am Hotel noch nicht festgelegt: beim Ansprechpartner der Delegation erfragen, wann Sie dort sein sollen.",
        "zh": "酒店接人时间尚未确定，请向代表团联系人确认到达时间。",
    }
    for lang, line in plainly.items():
        text = squeezed(text_of(manifest_document(view, manifest, language=lang)))
        assert squeezed(line) in text and text.index(squeezed("23:55")) < text.index(squeezed(line)), lang
        assert squeezed("ZZ 9653") in text and squeezed(", departs 23:55") not in text, lang


def test_two_on_one_flight_fetched_at_different_times_are_two_runs(db: Database) -> None:
    view, manifest, leaving = _demo_run(db, datetime(2016, 10, 27, 12, tzinfo=UTC))  # 20:00
    assert _order(manifest) == ["16:45 ride", "20:00 run"]
    trip = view.trip.id
    assert trip is not None
    other = next(m for m in view.members if m.id != leaving.membership_id)
    create_leg(db, leaving.evolve(id=None, version=None, membership_id=other.id, vehicle_id=manifest.vehicle.id,
                                  pickup=datetime(2016, 10, 27, 13, tzinfo=UTC)))
    [again] = [m for m in manifests(TripView.load(db, trip), LAST_DAY) if m.vehicle.id == manifest.vehicle.id]
    assert _order(again) == ["16:45 ride", "20:00 run", "21:00 run"]  # the same flight, the head of delegation later
