"""Error messages: English msgids, placeholders filled at display time, enums shown by label."""

from __future__ import annotations

import gettext

import pytest

from planner import i18n
from planner.domain.enums import Role, VenueKind
from planner.domain.errors import (
    ConflictError,
    DatabaseError,
    NotFoundError,
    PlannerError,
    ValidationError,
    ValidationErrors,
)


class _German(gettext.NullTranslations):
    """A tiny catalog for two msgids, enough to see when translation happens."""

    CATALOG = {
        "{name} is already in this delegation.": "{name} ist bereits in dieser Delegation.",
        "Museum": "Museum (de)",
    }

    def gettext(self, message: str) -> str:
        return self.CATALOG.get(message, message)


def test_placeholders_are_filled() -> None:
    err = PlannerError("{name} is already in this delegation.", name="Xu Qin")
    assert err.message() == "Xu Qin is already in this delegation."
    assert str(err) == err.message()
    assert err.msgid == "{name} is already in this delegation."
    assert err.params == {"name": "Xu Qin"}
    assert err.field is None


def test_field_is_kept_apart_from_the_params() -> None:
    err = ValidationError("“{value}” is not a valid e-mail address.", field="email", value="x@")
    assert err.field == "email"
    assert "field" not in err.params
    assert err.message() == "“x@” is not a valid e-mail address."


def test_enum_params_are_shown_by_their_label() -> None:
    err = PlannerError("A {kind} needs an address; {role} cannot host.", kind=VenueKind.MUSEUM, role=Role.HEAD)
    assert err.message() == "A Museum needs an address; Head of delegation cannot host."


def test_numbers_and_format_specs() -> None:
    err = PlannerError("{count} item(s), {share:.0%} done", count=3, share=0.5)
    assert err.message() == "3 item(s), 50% done"


def test_a_missing_placeholder_shows_the_raw_message_instead_of_crashing() -> None:
    err = PlannerError("{name} and {other}", name="Xu")
    assert err.message() == "{name} and {other}"


def test_translation_happens_when_shown_not_when_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    err = PlannerError("{name} is already in this delegation.", name="Xu Qin")
    labelled = PlannerError("{kind}", kind=VenueKind.MUSEUM)
    monkeypatch.setattr(i18n._State, "translation", _German())
    assert str(err) == "Xu Qin ist bereits in dieser Delegation."
    assert str(labelled) == "Museum (de)"
    monkeypatch.setattr(i18n._State, "translation", gettext.NullTranslations())
    assert str(err) == "Xu Qin is already in this delegation."


def test_validation_errors_collect_and_join() -> None:
    a = ValidationError("{label} must not be empty.", field="family_name", label="Family name")
    b = ValidationError("“{value}” is not a valid phone number.", field="phone", value="12")
    many = ValidationErrors([a, b])
    assert many.errors == [a, b]
    assert many.message() == "Family name must not be empty.\n“12” is not a valid phone number."
    assert str(many) == many.message()
    assert isinstance(many, PlannerError)


def test_the_kinds_are_planner_errors() -> None:
    for kind in (ValidationError, ValidationErrors, NotFoundError, ConflictError, DatabaseError):
        assert issubclass(kind, PlannerError)
    err = DatabaseError("{path} is not a planner database.", path="/tmp/x.pdf")
    with pytest.raises(PlannerError, match="x.pdf is not a planner database"):
        raise err
