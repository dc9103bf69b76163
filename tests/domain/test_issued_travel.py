"""A copy's own travel lines: recorded as printed, compared as whole lines, and None (not recorded) never a change."""

from __future__ import annotations

import json
from dataclasses import replace

from planner.domain.enums import Language
from planner.domain.issued import IssuedContent, ParticipantSnapshot, TravelDiff, diff_travel, rekeyed

DELEGATION = ((1, "Daan de Vries"), (2, "Lena Weil"))
LEG = "Leaving: ZZ 9653 Shenzhen (SZX) → Amsterdam (AMS) · departs 27/10 23:55 GMT+8 · met by Lena Weil"
AT_NINE = "Pick-up at the hotel 21:00 GMT+8 · Car 2, 粤B·A0002"
AT_EIGHT = "Pick-up at the hotel 20:00 GMT+8 · Car 2, 粤B·A0002"


def copy(travel: tuple[str, ...] | None, person: int = 1, language: Language = Language.EN) -> ParticipantSnapshot:
    return ParticipantSnapshot(person, language, DELEGATION, (), travel)


def test_a_changed_pick_up_line_is_a_change_with_the_lines_as_printed_and_as_now() -> None:
    found = diff_travel(copy((LEG, AT_NINE)), copy((LEG, AT_EIGHT)))
    assert found == TravelDiff((LEG, AT_NINE), (LEG, AT_EIGHT))
    assert found.dropped == (AT_NINE,) and found.added == (AT_EIGHT,)


def test_the_same_lines_and_a_side_not_recorded_are_no_change() -> None:
    assert diff_travel(copy((LEG, AT_NINE)), copy((LEG, AT_NINE))) is None
    assert diff_travel(copy(None), copy((LEG, AT_EIGHT))) is None  # a copy from before travel was kept
    assert diff_travel(copy((LEG, AT_NINE)), copy(None)) is None  # a caller that did not word the travel
    assert diff_travel(None, copy((LEG,))) is None


def test_no_travel_printed_is_recorded_and_a_leg_added_since_is_a_change() -> None:
    found = diff_travel(copy(()), copy((LEG,)))
    assert found is not None and found.added == (LEG,) and found.dropped == ()


def test_copies_in_two_languages_are_not_compared_word_by_word() -> None:
    assert diff_travel(copy((LEG,)), copy(("Abreise: ZZ 9653",), language=Language.DE)) is None


def test_a_version_stores_each_copys_travel_and_reads_it_back() -> None:
    copies = [copy((LEG, AT_NINE)), copy((), person=2)]
    content = IssuedContent.of(copies)
    data = json.loads(json.dumps(content.to_json(), ensure_ascii=False))
    assert data["travel"] == {"1": [LEG, AT_NINE], "2": []}
    back = IssuedContent.from_json(data)
    assert [back.snapshot(c.person_id, c.language, []) for c in copies] == copies


def test_content_stored_before_travel_was_kept_reads_as_not_recorded() -> None:
    data = IssuedContent.of([copy(None)]).to_json()
    assert "travel" not in data  # content without travel is written as it always was
    assert IssuedContent.from_json(data).snapshot(1, "en", []).travel is None


def test_rekeying_carries_the_travel_to_the_new_person_id() -> None:
    content = IssuedContent.of([copy((LEG,))])
    moved = content.rekeyed(keys={}, people={1: 51, 2: 52})
    assert moved.snapshot(51, "en", []) == rekeyed(copy((LEG,)), keys={}, people={1: 51, 2: 52})
    assert moved.snapshot(51, "en", []).travel == (LEG,)


def test_erasing_a_person_drops_their_own_travel_and_their_name_from_others_lines() -> None:
    content = IssuedContent.of([copy((LEG,)), replace(copy(("Arriving: ZZ 1 · met by Daan de Vries",), person=2))])
    erased = content.renamed(1, "—")
    assert erased.snapshot(1, "en", []).travel is None
    assert erased.snapshot(2, "en", []).travel == ("Arriving: ZZ 1 · met by —",)
