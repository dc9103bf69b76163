"""Choosing a QR code's data mask without calling a function per module: the same codes, in half the time.

An itinerary has a QR code per venue, and nearly every venue of a big trip
is another code: the 200 itineraries of the benchmark trip encode about two
thousand. segno spends most of an encoding on choosing the data mask: it
masks the symbol eight times, calling two small functions for every module,
and scores each result. Which modules a mask flips depends only on the
symbol's size, so they are listed once per size and mask here, and the
masking is a walk over that list; the score counts the same penalties as
segno's, over whole rows and columns at a time. The
mask chosen, and so every module of every code, is exactly segno's
(tests/export/test_qr_masks.py compares both on many links).

Installed into segno's encoder by `install()` (planner.export.pdf.qr does at
import), for full QR codes only; Micro QR codes, which the planner does not
make, keep segno's own code. If segno's encoder no longer has the functions
this relies on, nothing is installed and segno works as it always did.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import re
from functools import lru_cache
from operator import lt
from typing import Any

import segno.encoder as encoder

Matrix = Sequence[bytearray]
_NEEDED = ("find_and_apply_best_mask", "evaluate_mask", "make_matrix", "add_finder_patterns",
           "add_alignment_patterns", "get_data_mask_functions")
_original: Callable[..., Any] | None = None


@lru_cache(maxsize=64)
def _flipped(width: int, height: int) -> tuple[tuple[tuple[int, int], ...], ...]:
    """For each of the eight masks, the modules of the encoding region it flips, for a symbol of this size."""
    function_matrix = encoder.make_matrix(width, height)
    encoder.add_finder_patterns(function_matrix, width, height)
    encoder.add_alignment_patterns(function_matrix, width, height)
    function_matrix[-8][8] = 0x1  # the dark module, as segno marks it
    region = [(i, j) for i in range(height) for j in range(width) if function_matrix[i][j] > 0x1]
    return tuple(
        tuple((i, j) for i, j in region if pattern(i, j))
        for pattern in encoder.get_data_mask_functions(False)
    )


_RUNS = re.compile(rb"\x00{5,}|\x01{5,}")
_N3 = b"\x01\x00\x01\x01\x01\x00\x01"
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def penalty(matrix: Matrix, size: int) -> int:
    """The penalty score of a masked symbol, N1 + N2 + N3 + N4 exactly as segno's evaluate_mask counts it.

    Runs and patterns are found in whole rows and columns at once (regular
    expressions, bytes.find, bit operations on a row as an integer) rather
    than module by module.
    """
    rows = [bytes(row) for row in matrix]
    columns = [bytes(column) for column in zip(*rows)]
    # N1: a run of five or more modules of one colour, in a row or a column, scores its length - 2.
    n1 = 0
    for seq in rows + columns:
        for run in _RUNS.finditer(seq):
            n1 += run.end() - run.start() - 2
    # N2: each 2 x 2 block of one colour scores 3 (blocks may overlap).
    bits = [int(row.translate(_DIGITS), 2) for row in rows]
    pairs = (1 << (size - 1)) - 1
    n2 = 0
    for upper, lower in zip(bits, bits[1:]):
        same = ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & ~(upper ^ lower) & pairs
        n2 += 3 * same.bit_count()
    # N3: the finder-like pattern 1:1:3:1:1 with four light modules on one side, segno's reading of the rule.
    n3 = sum(_n3(seq, size) for seq in rows + columns)
    # N4: how far the share of dark modules is from half, in steps of 5 %.
    dark = sum(row.count(1) for row in rows)
    percent = float(dark) / (size ** 2)
    n4 = 10 * int(abs(percent * 100 - 50) / 5)
    return n1 + n2 + n3 + n4


def _n3(seq: bytes, size: int) -> int:
    """segno's n3_pattern_occurrences, as it is."""
    count = 0
    idx = seq.find(_N3)
    while idx != -1:
        offset = idx + 7
        if idx in (0, size - 7) or not any(seq[max(idx - 4, 0):min(idx, size)]) or not any(seq[max(offset, 0):min(offset + 4, size)]):
            count += 40
        else:
            offset = idx + 4
        idx = seq.find(_N3, offset)
    return count


def _apply(matrix: Matrix, cells: tuple[tuple[int, int], ...]) -> None:
    for i, j in cells:
        matrix[i][j] ^= 0x1


def find_and_apply_best_mask(matrix: Matrix, width: int, height: int, proposed_mask: int | None = None) -> tuple[int, Any]:
    """segno's find_and_apply_best_mask, for full QR codes without a function call per module."""
    if width == height and width < 21:  # a Micro QR code: segno's own evaluation
        assert _original is not None
        return _original(matrix, width, height, proposed_mask)  # type: ignore[no-any-return]
    flipped = _flipped(width, height)
    if proposed_mask is not None:
        _apply(matrix, flipped[proposed_mask])
        return proposed_mask, matrix
    best_score, best_pattern, best_matrix = None, 0, None
    for mask_number, cells in enumerate(flipped):
        m = [row[:] for row in matrix]
        _apply(m, cells)
        score = penalty(m, width)
        if best_score is None or lt(score, best_score):  # the first of equal scores, as segno keeps it
            best_score, best_pattern, best_matrix = score, mask_number, tuple(m)
    return best_pattern, best_matrix


def install() -> bool:
    """Let segno's encoder choose masks this way; False (and nothing changed) if its encoder is not as expected."""
    global _original
    if _original is not None:
        return True
    if not all(callable(getattr(encoder, name, None)) for name in _NEEDED):
        return False
    _original = encoder.find_and_apply_best_mask
    encoder.find_and_apply_best_mask = find_and_apply_best_mask
    return True


def original() -> Callable[..., Any] | None:
    """segno's own function (for the test that compares both), None until installed."""
    return _original
