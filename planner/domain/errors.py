"""Errors the domain and services raise, carrying a translatable message.

The message is an English msgid with `{placeholders}`; it is translated when
shown (`str(error)` uses the active language), so an error raised in one
language and shown after a language switch still reads right.
"""

from __future__ import annotations

from typing import Any

from planner.i18n import _, ngettext


class PlannerError(Exception):
    """Any failure the user can understand and act on.

    `details` may hold untranslated text for "Show details" (e.g. the database
    server's own message); it is never part of the one-line message.
    """

    details: str = ""

    def __init__(self, message: str | tuple[str, str], *, field: str | None = None, **params: Any) -> None:
        """`message` is a msgid, or a (singular, plural) pair from Nn_ chosen by the `count` parameter."""
        self.plural: str | None = None
        if isinstance(message, tuple):
            message, self.plural = message
        super().__init__(message)
        self.msgid = message
        self.field = field
        self.params = params

    def message(self) -> str:
        if self.plural is not None:
            text = ngettext(self.msgid, self.plural, int(self.params.get("count", 1)))
        else:
            text = _(self.msgid)
        try:
            return text.format(**{k: _display(v) for k, v in self.params.items()})
        except (KeyError, IndexError, ValueError):
            return text

    def __str__(self) -> str:
        return self.message()


def _display(value: Any) -> Any:
    label = getattr(value, "label", None)
    return label if isinstance(label, str) else value


class Term:
    """A word for a message parameter (e.g. "venue"), translated when the message is shown."""

    def __init__(self, msgid: str) -> None:
        self.msgid = msgid

    @property
    def label(self) -> str:
        return _(self.msgid)

    def __repr__(self) -> str:
        return f"Term({self.msgid!r})"


class ValidationError(PlannerError):
    """A value the user entered breaks a rule; `field` names the field."""


class ValidationErrors(PlannerError):
    """Several validation errors at once, e.g. a form or an imported record."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("{count} problems", count=len(errors))
        self.errors = errors

    def message(self) -> str:
        return "\n".join(e.message() for e in self.errors)


class NotFoundError(PlannerError):
    """The record asked for does not exist (any more)."""


class ConflictError(PlannerError):
    """The record was changed elsewhere since it was read."""


class DatabaseError(PlannerError):
    """The database cannot be opened or written: foreign file, newer schema, locked."""


class ConnectionLostError(DatabaseError):
    """The connection to the database server broke off; the action was not carried out and may be retried."""
