"""Layout details: long items flow over page breaks, empty days, the running header, QR codes for maps."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import unquote

from reportlab.lib.units import mm

from planner.db.engine import Database
from planner.domain.entities import ItemData, VenueData
from planner.domain.enums import ItemKind
from planner.domain.localized import LocalizedText
from planner.export.pdf import programme_document
from planner.export.pdf.qr import map_url, qr_modules
from planner.export.tripview import TripView
from planner.services import programme, trips
from tests.export.builders import DemoTrip, at
from tests.export.pdfcheck import band_text, reader, squeezed, text_of


def test_a_very_long_item_continues_on_the_next_page(db: Database, demo: DemoTrip) -> None:
    sentences = " ".join(f"Point {n} of the agenda is discussed in detail with the hosts." for n in range(1, 121))
    programme.create_item(db, ItemData(
        trip_id=demo.trip_id, kind=ItemKind.MEETING, title=LocalizedText(en="Working session"),
        description=LocalizedText(en=sentences + " The end of the agenda."),
        start=at(26, 9), end=at(26, 12), timezone="Asia/Shanghai", venue_id=demo.venues["gov"].id,
    ))
    pdf = reader(programme_document(TripView.load(db, demo.trip_id), language="en"))
    pages = [squeezed(page.extract_text()) for page in pdf.pages]
    starts = [i for i, text in enumerate(pages) if "Point1oftheagenda" in text]
    ends = [i for i, text in enumerate(pages) if "Theendoftheagenda" in text]
    assert starts and ends and ends[0] > starts[0]  # one item over (at least) two pages, nothing lost
    whole = "".join(pages)
    assert all(f"Point{n}oftheagenda" in whole for n in range(1, 121))


def test_days_without_items_say_so(db: Database, demo: DemoTrip) -> None:
    trip = trips.get_trip(db, demo.trip_id)
    assert trip.last_day is not None
    trips.update_trip(db, trip.evolve(last_day=trip.last_day + timedelta(days=2)))
    text = text_of(programme_document(TripView.load(db, demo.trip_id), language="en"))
    assert "Saturday, 29 October 2016" in text
    assert "No programme items on this day." in text


def test_running_header_from_the_second_page(db: Database, demo: DemoTrip) -> None:
    pdf = reader(programme_document(TripView.load(db, demo.trip_id), language="de"))
    height = float(pdf.pages[0].mediabox.height)
    header = [band_text(page, top=height - 20 * mm) for page in pdf.pages]
    footer = [band_text(page, bottom=15 * mm) for page in pdf.pages]
    assert header[0] == ""  # the cover stands alone
    for number, text in enumerate(header[1:], start=2):
        assert "Delegationsreise Niedersachsen – Shenzhen" in text and "Delegationsprogramm" in text
        assert f"Seite {number} von {len(pdf.pages)}" in footer[number - 1]
    assert "Niedersächsische Staatskanzlei" in footer[0] and "Seite 1 von" in footer[0]


def test_map_links() -> None:
    exact = VenueData(name=LocalizedText(en="X"), latitude=22.54210, longitude=113.95120)
    assert map_url(exact) == "https://www.openstreetmap.org/?mlat=22.54210&mlon=113.95120#map=17/22.54210/113.95120"
    by_address = VenueData(name=LocalizedText(en="X"), address_local="深圳市福田区益田路6003号")
    url = map_url(by_address)
    assert url is not None and url.startswith("https://www.openstreetmap.org/search?query=")
    assert unquote(url.split("=", 1)[1]) == "深圳市福田区益田路6003号"
    assert map_url(VenueData(name=LocalizedText(en="Nowhere"))) is None


def test_qr_code_is_a_real_code() -> None:
    modules = qr_modules("https://www.openstreetmap.org/?mlat=22.54210&mlon=113.95120#map=17/22.54210/113.95120")
    size = len(modules)
    assert all(len(row) == size for row in modules) and (size - 17) % 4 == 0  # 21, 25, … modules: a QR version
    finder = [row[:7] for row in modules[:7]]  # the top-left finder pattern: a ring, a gap, a 3×3 core
    assert all(finder[0]) and all(finder[6]) and all(r[0] and r[6] for r in finder)
    assert not any(finder[1][1:6]) and all(finder[3][2:5])


def test_issue_date_is_printed(db: Database, demo: DemoTrip) -> None:
    text = text_of(programme_document(TripView.load(db, demo.trip_id), language="de", issued=date(2016, 10, 12)))
    assert "Stand: 12. Oktober 2016" in text
