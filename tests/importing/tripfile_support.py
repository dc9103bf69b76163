"""What the trip-file tests of each section share: a mistake spliced into a document is named by its place."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from planner.importing.tripfile import read_trip_document
from planner.importing.tripfile_errors import TripFileError

Document = dict[str, Any]


def assert_named_at(document: Document, change: Callable[[Document], object], path: str, message: str) -> None:
    """`change` a copy of `document`; reading it must fail with a problem at `path` whose message holds `message`."""
    broken = copy.deepcopy(document)
    change(broken)
    with pytest.raises(TripFileError) as caught:
        read_trip_document(broken)
    problems = {p.path: p.message for p in caught.value.problems}
    assert path in problems, problems
    assert message in problems[path]
