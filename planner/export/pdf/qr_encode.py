"""QR codes encoded quickly, module for module as reportlab's QRCode.make() encodes them.

A batch of itineraries prints a map code per venue, and every worker process
meets most of the trip's venues, so each encodes hundreds of codes. reportlab's
encoder lays a code out nine times to choose its mask (once per mask to score
it, and once for real) and builds its Reed–Solomon generator anew for every
block, all in Python loops over single modules and polynomial terms. Here the
error correction uses generators made once per size, the code is laid out
twice, and the eight masks are scored on rows held as integers, by reportlab's
own rules (quirks included), so the codes are exactly reportlab's; a test
compares them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import zip_longest

from reportlab.graphics.barcode import qrencoder

_LEVEL = qrencoder.QRErrorCorrectLevel.M
_EXP: list[int] = qrencoder.EXP_TABLE  # powers of the generator of GF(256), as reportlab uses them
_LOG: list[int] = qrencoder.LOG_TABLE
#: A finder-like run of modules that reportlab's mask scoring penalises (rule 3, along rows).
_FINDER_LIKE = "10111010000"
_RUNS = re.compile(r"0{5,}|1{5,}")
_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


@lru_cache(maxsize=2048)
def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of the QR code for `value` (error correction M), computed once per process."""
    code = qrencoder.QRCode(None, _LEVEL)
    code.addData(value)
    code.version = code.calculate_version()
    code.dataCache = _codewords(code)  # makeImpl takes these instead of encoding the data itself
    code.makeImpl(False, _best_mask(code))
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


# --- the codewords ----------------------------------------------------------------------------


def _codewords(code: qrencoder.QRCode) -> list[int]:
    """The data and error correction codewords, interleaved: QRCode.createData, with cached generators."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(code.version, code.errorCorrectLevel)
    buffer = qrencoder.QRBitBuffer()
    for data in code.dataList:
        data.write(buffer, code.version)
    capacity = sum(block.dataCount for block in blocks) * 8
    if buffer.getLengthInBits() > capacity:
        raise ValueError(f"code length overflow ({buffer.getLengthInBits()} > {capacity})")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)  # the end code
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = (qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1)
    for pad in range((capacity - buffer.getLengthInBits()) // 8):
        buffer.put(pads[pad % 2], 8)
    data_blocks, correction_blocks = [], []
    offset = 0
    for block in blocks:
        data = buffer.buffer[offset:offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(data)
        correction_blocks.append(_error_correction(data, block.totalCount - block.dataCount))
    return [
        word for group in (*zip_longest(*data_blocks), *zip_longest(*correction_blocks)) for word in group if word is not None
    ]


def _error_correction(data: list[int], count: int) -> list[int]:
    """The `count` Reed–Solomon codewords of `data`: the remainder of data·x^count divided by the generator."""
    generator = _generator(count)
    remainder = [0] * count
    for word in data:
        factor = word ^ remainder[0]
        remainder = remainder[1:]
        remainder.append(0)
        if factor:
            shift = _LOG[factor]
            for i, power in enumerate(generator):
                remainder[i] ^= _EXP[(shift + power) % 255]
    return remainder


@lru_cache(maxsize=64)
def _generator(count: int) -> tuple[int, ...]:
    """The generator polynomial of degree `count`, (x - α^0)…(x - α^(count-1)): its coefficients after
    the leading one, highest first, as powers of α."""
    poly = [1]
    for i in range(count):
        factor = [1, _EXP[i]]
        product = [0] * (len(poly) + 1)
        for j, a in enumerate(poly):
            for k, b in enumerate(factor):
                if a and b:
                    product[j + k] ^= _EXP[(_LOG[a] + _LOG[b]) % 255]
        poly = product
    return tuple(_LOG[c] for c in poly[1:])


# --- the mask ---------------------------------------------------------------------------------


def _best_mask(code: qrencoder.QRCode) -> int:
    """The mask reportlab's getBestMaskPattern chooses: the first with the fewest lost points."""
    code.makeImpl(True, 0)  # the function patterns (blank format information) and the data under mask 0
    n = code.moduleCount
    full = (1 << n) - 1
    places = _data_places(code.version)
    masks = _mask_rows(n)
    laid = [int(bytes(line).translate(_AS_DIGITS), 2) for line in code.modules]  # column c is bit n-1-c
    fixed = [row & ~place for row, place in zip(laid, places, strict=True)]
    data = [(row ^ mask) & place for row, mask, place in zip(laid, masks[0], places, strict=True)]
    best, lowest = 0, -1
    for pattern, mask in enumerate(masks):
        rows = [f | (d ^ (m & p)) for f, d, m, p in zip(fixed, data, mask, places, strict=True)]
        lost = _lost_points(rows, n, full)
        if pattern == 0 or lost < lowest:
            best, lowest = pattern, lost
    return best


@lru_cache(maxsize=64)
def _data_places(version: int) -> tuple[int, ...]:
    """Where a code of this version holds data, by row (column c is bit n-1-c)."""
    code = qrencoder.QRCode(version, _LEVEL)
    code.moduleCount = n = version * 4 + 17
    places = [0] * n
    for col, row in code.dataPosIterator():
        places[row] |= 1 << (n - 1 - col)
    return tuple(places)


@lru_cache(maxsize=64)
def _mask_rows(n: int) -> tuple[tuple[int, ...], ...]:
    """For each of the eight masks, the modules it inverts in an n × n code, by row."""
    found = []
    for pattern in range(8):
        mask = qrencoder.QRUtil.getMask(pattern)
        found.append(tuple(sum(1 << (n - 1 - col) for col in range(n) if mask(row, col)) for row in range(n)))
    return tuple(found)


def _lost_points(rows: list[int], n: int, full: int) -> int:
    """reportlab's QRUtil.getLostPoint for the code given as rows of bits (its rules, including its quirks)."""
    lines = [format(row, f"0{n}b") for row in rows]
    columns = ["".join(column) for column in zip(*lines, strict=True)]
    # Rule 1: runs of five or more modules of one colour, along rows and columns.
    score = sum(len(run) - 2 for run in _RUNS.findall("|".join(lines) + "|" + "|".join(columns)))
    # Rule 2: each 2 × 2 block of one colour.
    pairs = full >> 1
    for above, below in zip(rows, rows[1:]):
        same = ~(above ^ below) & full
        score += 3 * (same & (same >> 1) & ~(above ^ (above >> 1)) & pairs).bit_count()
    # Rule 3: the finder-like pattern, along rows only and not at the very end of a row (as reportlab scores it).
    last = n - len(_FINDER_LIKE)
    for line in lines:
        start = line.find(_FINDER_LIKE)
        while 0 <= start < last:
            score += 40
            start = line.find(_FINDER_LIKE, start + len(_FINDER_LIKE))
    # Rule 4: the share of dark modules away from one half.
    dark = sum(row.bit_count() for row in rows)
    return score + 10 * (abs(100 * dark // (n * n) - 50) // 5)
