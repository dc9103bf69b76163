"""Column types that keep domain values intact on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect
from sqlalchemy.types import TypeDecorator

from planner.domain.localized import LocalizedText


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as naive UTC; read back aware in UTC.

    SQLite has no time zones and PostgreSQL's `timestamptz` would convert on
    the session's zone; naive UTC behaves the same on both.
    """

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class LocalizedTextType(TypeDecorator[LocalizedText]):
    """A LocalizedText as a small JSON object {"de": ..., "zh": ..., "en": ...}."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: LocalizedText | None, dialect: Dialect) -> Any:
        if value is None:
            return {}
        return value.to_mapping()

    def process_result_value(self, value: Any, dialect: Dialect) -> LocalizedText:
        return LocalizedText.from_mapping(value or {})
