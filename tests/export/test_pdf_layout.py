"""Layout details: long items flow over page breaks, empty days, the running header, QR codes for maps (read back)."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from urllib.parse import quote, unquote

import pypdfium2 as pdfium
import segno
import zxingcpp
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from planner.db.engine import Database
from planner.domain.entities import ItemData, VenueData
from planner.domain.enums import ItemKind
from planner.domain.localized import LocalizedText
from planner.export.pdf import programme_document
from planner.export.pdf.qr import QrCode, map_url, qr_modules, qr_path
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


def _decoded(pdf: bytes) -> list[zxingcpp.Barcode]:
    """The QR codes a phone would read off the printed pages (rendered at 216 dpi, read by zxing-cpp)."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [code for page in document for code in zxingcpp.read_barcodes(
            page.render(scale=3).to_pil(), formats=zxingcpp.BarcodeFormat.QRCode)]
    finally:
        document.close()


def test_printed_qr_codes_read_back_as_their_links() -> None:
    urls = [
        "https://www.openstreetmap.org/?mlat=22.54210&mlon=113.95120#map=17/22.54210/113.95120",
        "https://www.openstreetmap.org/search?query=" + quote("深圳市福田区益田路6003号 市民中心B区", safe=""),
        "https://www.openstreetmap.org/search?query=" + quote("Trammplatz 2, 30159 Hannover " * 4, safe=""),  # a large code
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([QrCode(url, 22 * mm) for url in urls])
    codes = _decoded(buffer.getvalue())
    assert sorted(code.text for code in codes) == sorted(urls)
    assert {code.ec_level for code in codes} == {"M"}  # error correction M, never raised by the encoder


def test_the_itinerary_maps_read_back_as_the_venues_links(db: Database, demo: DemoTrip) -> None:
    links = {map_url(venue) for venue in demo.venues.values()} - {None}
    read = [code.text for code in _decoded(programme_document(TripView.load(db, demo.trip_id), language="de"))]
    assert read and set(read) <= links


def test_the_drawn_modules_are_segnos_inside_a_quiet_zone() -> None:
    url = "https://www.openstreetmap.org/?mlat=52.37590&mlon=9.73200#map=17/52.37590/9.73200"
    matrix = segno.make(url, error="m", micro=False, boost_error=False).matrix
    count, size = len(matrix), 30.0
    box = size / (count + 8)  # the standard's quiet zone: four modules each side
    drawn: set[tuple[int, int]] = set()
    for x, y, width, _height in re.findall(r"(\S+) (\S+) (\S+) (\S+) re", qr_path(url, size)):
        row = round((size - float(y)) / box) - 1
        first = round(float(x) / box)
        drawn |= {(row, col) for col in range(first, first + round(float(width) / box))}
    dark = {(r + 4, c + 4) for r, line in enumerate(matrix) for c, cell in enumerate(line) if cell}
    assert drawn == dark  # the same modules, with four light modules all round
    assert qr_modules(url) == tuple(tuple(bool(cell) for cell in line) for line in matrix)


def test_issue_date_is_printed(db: Database, demo: DemoTrip) -> None:
    text = text_of(programme_document(TripView.load(db, demo.trip_id), language="de", issued=date(2016, 10, 12)))
    assert "Stand: 12. Oktober 2016" in text
