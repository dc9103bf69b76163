"""A QR code per venue that opens its location on a map, for phones on the trip.

The code holds an OpenStreetMap link: from the coordinates where the venue has
them (exact, and short, so the code stays small), otherwise a map search for
its address. OpenStreetMap opens in any phone browser, without an app or account.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from urllib.parse import quote

import segno
from reportlab.platypus import Flowable

from planner.domain.entities import VenueData
from planner.export.pdf import qr_masks
from planner.export.pdf.styles import INK

qr_masks.install()  # the same codes, with the data mask chosen in half the time (see qr_masks)

#: Modules of quiet zone around the code; the standard asks for four.
QUIET_ZONE = 4
#: Error correction M (15 % of the code may be lost), as the codes were printed with reportlab's encoder.
ERROR_LEVEL = "m"

#: Codes drawn by another process of the same batch, by (value, size): planner.export.pdf.batch hands each
#: worker the codes of its next document, so a venue's code is encoded once per batch, not once per worker.
_shared: dict[tuple[str, float], str] = {}


def map_url(venue: VenueData) -> str | None:
    """A link that shows the venue on a map, or None if nothing locates it."""
    if venue.latitude is not None and venue.longitude is not None:
        lat, lon = venue.latitude, venue.longitude
        return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"
    address = venue.address_local or venue.address_romanised
    if address:
        return "https://www.openstreetmap.org/search?query=" + quote(" ".join(address.split()), safe="")
    return None


@lru_cache(maxsize=2048)
def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of the QR code for `value`, without quiet zone, encoded once per process.

    segno (a maintained encoder) rather than reportlab's internal one, which is
    no public API. A full QR code always (no Micro QR: not every phone reads
    them), and error correction fixed at M, not raised when it would fit, so the
    same address makes the same code whatever segno's defaults become.
    """
    code = segno.make(value, error=ERROR_LEVEL, micro=False, boost_error=False)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


def qr_path(value: str, size: float) -> str:
    """The PDF path operators that fill the code's dark modules in a `size` square: shared by the batch, or built here."""
    shared = _shared.get((value, size))
    return shared if shared is not None else _path(value, size)


def drawn_codes(values: Iterable[str], size: float) -> dict[tuple[str, float], str]:
    """The paths of these codes at `size`, keyed as `share` takes them (made here where not yet known)."""
    key = round(size, 3)  # as QrCode.draw asks for them
    return {(value, key): qr_path(value, key) for value in values}


def share(paths: Mapping[tuple[str, float], str]) -> None:
    """Take codes drawn elsewhere in the batch (a worker process lives for one batch, so they are kept for its life)."""
    _shared.update(paths)


@lru_cache(maxsize=2048)
def _path(value: str, size: float) -> str:
    """The PDF path operators that fill the code's dark modules in a `size` square, built once per process.

    Each run of dark modules in a row is one rectangle, slightly taller than a
    module so no hairline gaps show between rows; the whole code is one fill.
    """
    modules = qr_modules(value)
    count = len(modules)
    box = size / (count + 2 * QUIET_ZONE)
    ops: list[str] = []
    for r, row in enumerate(modules):
        y = size - (r + QUIET_ZONE + 1) * box
        c = 0
        while c < count:
            if not row[c]:
                c += 1
                continue
            run = c
            while run < count and row[run]:
                run += 1
            ops.append(f"{(c + QUIET_ZONE) * box:.3f} {y:.3f} {(run - c) * box:.3f} {box * 1.02:.3f} re")
            c = run
    ops.append("f")
    return "\n".join(ops)


class QrCode(Flowable):
    """A square QR code drawn as one vector fill: small in the file, sharp at any zoom."""

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.value = value
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(INK)
        # The same code appears in many documents of a batch: its operators are cached, not rebuilt per page.
        canvas._code.append(qr_path(self.value, round(self.size, 3)))
        canvas.restoreState()
