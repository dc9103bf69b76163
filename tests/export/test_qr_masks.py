"""The faster mask choice gives exactly the codes segno's own gives."""

from __future__ import annotations

import random
import string

import segno
import segno.encoder as encoder

from planner.export.pdf import qr  # noqa: F401 - installs the faster mask choice
from planner.export.pdf import qr_masks


def _links(count: int) -> list[str]:
    rng = random.Random(19)
    found = []
    for n in range(count):
        if n % 2:
            lat, lon = rng.uniform(-80, 80), rng.uniform(-179, 179)
            found.append(f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}")
        else:  # an address search, of any length up to a long Chinese one percent-encoded (larger versions)
            words = "".join(rng.choice(string.ascii_letters + "%2C0123456789") for _ in range(rng.randint(1, 260)))
            found.append("https://www.openstreetmap.org/search?query=" + words)
    return found


def test_every_module_of_every_code_is_segnos() -> None:
    assert encoder.find_and_apply_best_mask is qr_masks.find_and_apply_best_mask
    own = qr_masks.original()
    assert own is not None
    links = _links(120)
    fast = [segno.make(link, error="m", micro=False, boost_error=False) for link in links]
    encoder.find_and_apply_best_mask = own
    try:
        slow = [segno.make(link, error="m", micro=False, boost_error=False) for link in links]
    finally:
        encoder.find_and_apply_best_mask = qr_masks.find_and_apply_best_mask
    assert len({code.version for code in fast}) >= 5  # several symbol sizes
    assert len({code.mask for code in fast}) >= 6  # and most masks chosen
    for a, b, link in zip(fast, slow, links, strict=True):
        assert (a.version, a.mask, a.matrix) == (b.version, b.mask, b.matrix), link


def test_a_proposed_mask_and_micro_codes_are_still_made() -> None:
    code = segno.make("https://www.openstreetmap.org/?mlat=22.54300&mlon=114.05800", error="m", micro=False, mask=3)
    assert code.mask == 3
    assert segno.make("12345", micro=True).is_micro


def test_the_penalty_is_segnos_for_every_mask_of_many_symbols() -> None:
    rng = random.Random(7)
    checked = 0
    for link in _links(40):
        code = segno.make(link, error="m", micro=False, boost_error=False)
        size = len(code.matrix)
        for cells in qr_masks._flipped(size, size):
            matrix = [bytearray(row) for row in code.matrix]
            for i, j in cells:
                matrix[i][j] ^= 1
            assert qr_masks.penalty(matrix, size) == sum(encoder.mask_scores(matrix, size, size))
            checked += 1
    for _ in range(200):  # and noise, dense and sparse, where long runs and blocks are many
        size = rng.choice((21, 25, 29, 45))
        dark = rng.random()
        matrix = [bytearray(int(rng.random() < dark) for _ in range(size)) for _ in range(size)]
        assert qr_masks.penalty(matrix, size) == sum(encoder.mask_scores(matrix, size, size))
    assert checked > 300
