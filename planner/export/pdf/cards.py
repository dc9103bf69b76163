"""Taxi and driver cards: one card per site of the programme, to hand to a driver.

The driver reads the card, not the traveller: the destination's name and
address are set large in the local script (Chinese in Shenzhen, German in
Hannover), the romanised form small below for the traveller, then the host's
phone to call when the driver is lost, and a QR code that opens the map.
Cards are A6: one per page, or four on an A4 sheet to cut. They carry no
personal data of the delegation, only the venue and its host contact.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, A6
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, FrameBreak, KeepInFrame, Spacer, Table

from planner import formatting
from planner.db.engine import Database
from planner.domain.entities import ContactData, VenueData
from planner.domain.enums import Language
from planner.domain.errors import PlannerError
from planner.export.language import DocumentLanguage, country_language
from planner.export.pdf.flowables import esc, para, rule, strong, table_style
from planner.export.pdf.fonts import register_fonts
from planner.export.pdf.layout import Metadata
from planner.export.pdf.qr import QrCode, map_url
from planner.export.pdf.programme import PAGE_OF
from planner.export.pdf.sheets import PageNumbers, frame, render_sheets
from planner.export.pdf.styles import FAINT, INK, MUTED, RULE, STYLES, _style
from planner.export.tripfile import write_file
from planner.export.tripview import TripView
from planner.i18n import N_

TAXI_CARDS = N_("Taxi cards")
TAKE_ME_TO = N_("Please take me to:")
HOST_PHONE = N_("Host's phone")
MAP = N_("Map")

CARD_WIDTH, CARD_HEIGHT = A6
PADDING = 8 * mm
QR = 27 * mm
#: Height of the lower part of a card: the host's phone beside the QR code.
FOOT = QR + 6 * mm

_NAME = _style("card_name", 22, 28, INK)
_ADDRESS = _style("card_address", 16, 21.5, INK)
_PHONE = _style("card_phone", 13, 17, INK)


@dataclass(frozen=True, slots=True)
class TaxiCard:
    """One site and whom to call there."""

    venue: VenueData
    host: ContactData | None


def taxi_cards(view: TripView) -> tuple[TaxiCard, ...]:
    """A card for every site of the programme, in the order they are first visited.

    The host to call is the host contact of the first item there that names one
    with a phone, otherwise the venue's first contact with a phone.
    """
    cards: list[TaxiCard] = []
    for venue in view.venues_of(view.items):
        hosts = [view.host(item) for item in view.items if item.venue_id == venue.id]
        candidates = [h for h in hosts if h is not None] + list(venue.contacts)
        host = next((c for c in candidates if c.phone), None)
        cards.append(TaxiCard(venue, host))
    return tuple(cards)


def cards_pdf(
    db: Database, trip_id: int, out_path: str | os.PathLike[str], *, language: Language | str = Language.EN,
    four_up: bool = False,
) -> Path:
    """Write the trip's taxi cards to `out_path` (replaced only once complete)."""
    data = cards_document(TripView.load(db, trip_id), language=language, four_up=four_up)
    return write_file(out_path, data, private=False)


def cards_document(view: TripView, *, language: Language | str = Language.EN, four_up: bool = False) -> bytes:
    """The cards as PDF; `language` is the traveller's, for the small lines and the labels beside the local ones."""
    register_fonts()
    reader = DocumentLanguage.of(language)
    cards = taxi_cards(view)
    if not cards:
        raise PlannerError(N_("The programme visits no venue, so there is no taxi card to print."))
    story: list[Flowable] = []
    for card in cards:
        story += [_card(card, reader), FrameBreak()]
    story.pop()
    title = reader.text(view.trip.title)
    metadata = Metadata(
        title=f"{title} – {reader.t(TAXI_CARDS)}", author=reader.text(view.trip.organiser) or title,
        subject=reader.t(TAXI_CARDS), language_tag=_local(cards[0].venue, reader).tag,
    )
    def label(page: int, pages: int) -> str:
        return reader.t(PAGE_OF, page=formatting.integer(page, reader.locale), pages=formatting.integer(pages, reader.locale))

    if four_up:
        width, height = A4
        frames = [
            frame(x + PADDING, y + PADDING, CARD_WIDTH - 2 * PADDING, CARD_HEIGHT - 2 * PADDING, f"card{n}")
            for n, (x, y) in enumerate([(0, height / 2), (width / 2, height / 2), (0, 0), (width / 2, 0)])
        ]
        return render_sheets(story, page_size=A4, frames=frames, metadata=metadata, on_page=_cut_lines,
                             numbers=PageNumbers(label, right=width - PADDING, baseline=3.5 * mm))
    frames = [frame(PADDING, PADDING, CARD_WIDTH - 2 * PADDING, CARD_HEIGHT - 2 * PADDING, "card")]
    return render_sheets(story, page_size=A6, frames=frames, metadata=metadata,
                         numbers=PageNumbers(label, right=CARD_WIDTH - PADDING, baseline=3.5 * mm))


def _local(venue: VenueData, reader: DocumentLanguage) -> DocumentLanguage:
    """The language the driver reads: the venue's country's, else the traveller's."""
    local = country_language(venue.country)
    return DocumentLanguage(local) if local is not None else reader


def _card(card: TaxiCard, reader: DocumentLanguage) -> Flowable:
    venue = card.venue
    local = _local(venue, reader)
    width, height = CARD_WIDTH - 2 * PADDING, CARD_HEIGHT - 2 * PADDING
    name = venue.name.get(local.language) or local.text(venue.name)
    address = venue.address_local or venue.address_romanised
    top: list[Flowable] = [para(_label(local, reader, TAKE_ME_TO), STYLES.label), Spacer(1, 2.5 * mm), strong(name, _NAME)]
    if address:
        top += [Spacer(1, 2 * mm), para(esc(address), _ADDRESS)]
    small: list[str] = []
    own_name = reader.text(venue.name)
    if own_name and own_name != name:
        small.append(own_name)
    if venue.address_romanised and venue.address_romanised != address:
        small.append(venue.address_romanised)
    if small:
        top += [Spacer(1, 2.5 * mm), rule(thickness=0.4, before=0, after=2 * mm)]
        top += [para(esc(line), STYLES.small) for line in small]
    upper = KeepInFrame(width, height - FOOT - 3 * mm, top, mode="shrink")
    return Table(
        [[upper, ""], [_host(card.host, local, reader), _map(venue, local, reader)]],
        colWidths=[width - QR, QR], rowHeights=[height - FOOT, FOOT],
        style=table_style(
            ("SPAN", (0, 0), (1, 0)),
            ("VALIGN", (0, 0), (-1, 0), "TOP"),
            ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("LINEABOVE", (0, 1), (-1, 1), 0.4, RULE),
        ),
    )


def _label(local: DocumentLanguage, reader: DocumentLanguage, msgid: str) -> str:
    """The label in the driver's language, the traveller's beside it in grey (markup)."""
    first = esc(local.t(msgid))
    if reader.language is local.language:
        return first
    return f'{first}  <font color="{FAINT.hexval()}">{esc(reader.t(msgid))}</font>'


def _host(host: ContactData | None, local: DocumentLanguage, reader: DocumentLanguage) -> list[Flowable]:
    if host is None:
        return []
    name = host.native_name if local.language is Language.ZH and host.native_name else host.name
    other = host.name if name != host.name else (host.native_name if host.native_name != host.name else "")
    lines: list[Flowable] = [para(_label(local, reader, HOST_PHONE), STYLES.label)]
    lines.append(para(esc(name) + (f' <font color="{MUTED.hexval()}" size="8">{esc(other)}</font>' if other else ""), STYLES.body))
    lines.append(strong(host.phone, _PHONE))
    lines.append(Spacer(1, 3 * mm))
    return lines


def _map(venue: VenueData, local: DocumentLanguage, reader: DocumentLanguage) -> list[Flowable]:
    url = map_url(venue)
    if url is None:
        return []
    return [QrCode(url, QR), para(_label(local, reader, MAP), STYLES.label)]


def _cut_lines(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """Dashed hairlines where the A4 sheet is cut into four cards."""
    width, height = A4
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.3)
    canvas.setDash(2, 3)
    canvas.line(width / 2, 0, width / 2, height)
    canvas.line(0, height / 2, width, height / 2)
    canvas.restoreState()
