"""Every kind and role has an English label that is looked up in the catalog when shown."""

from __future__ import annotations

import gettext

import pytest

from planner import i18n
from planner.domain.enums import ItemKind, Labelled, Language, Role, TripStatus, VenueKind

ENUMS: tuple[type[Labelled], ...] = (Language, TripStatus, Role, VenueKind, ItemKind)
ALL_MEMBERS = [member for enum in ENUMS for member in enum]


class _Shouting(gettext.NullTranslations):
    """A stand-in catalog that makes every lookup visible."""

    def gettext(self, message: str) -> str:
        return f"<{message.upper()}>"


@pytest.mark.parametrize("member", ALL_MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_has_a_non_empty_english_label(member: Labelled) -> None:
    label = member.label
    assert isinstance(label, str)
    assert label.strip() == label and label
    assert label.isascii()
    assert label[0].isupper()
    assert label != member.value  # a label, not the stored value


def test_labels_within_one_enum_are_distinct() -> None:
    for enum in ENUMS:
        labels = [member.label for member in enum]
        assert len(set(labels)) == len(labels), enum.__name__


def test_some_labels() -> None:
    assert Role.HEAD.label == "Head of delegation"
    assert VenueKind.UNIVERSITY.label == "University or research institute"
    assert ItemKind.CHECK_IN.label == "Check-in"
    assert Language.ZH.label == "Chinese"
    assert Role.PRESS.label == "Press" and ItemKind.PRESS.label == "Press appointment"


def test_values_are_the_stored_strings() -> None:
    assert [m.value for m in ItemKind] == [
        "site_visit", "meeting", "meal", "travel", "check_in", "free_time", "press", "ceremony",
    ]
    assert [m.value for m in Role] == ["head", "member", "staff", "interpreter", "press", "host"]
    assert TripStatus("draft") is TripStatus.DRAFT
    assert VenueKind("trade_fair") is VenueKind.TRADE_FAIR


def test_labels_follow_the_language_switch() -> None:
    english = {member: member.label for member in ALL_MEMBERS}
    for language in ("de", "zh"):
        i18n.set_language(language)
        assert i18n.current_language() == language
        translated = {member: member.label for member in ALL_MEMBERS}
        same = {english[m] for m in ALL_MEMBERS if translated[m] == english[m]}
        # German shares a few loanwords with English; Chinese shares none.
        assert same <= ({"Hotel", "Restaurant", "Museum", "Check-in"} if language == "de" else set())
    i18n.set_language("de")
    assert Role.HEAD.label == "Delegationsleitung"
    i18n.set_language("zh")
    assert Role.HEAD.label == "团长"


def test_labels_are_looked_up_through_gettext_at_display_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n._State, "translation", _Shouting())
    assert Role.HEAD.label == "<HEAD OF DELEGATION>"
    assert VenueKind.MUSEUM.label == "<MUSEUM>"
    assert all(member.label.startswith("<") for member in ALL_MEMBERS)
