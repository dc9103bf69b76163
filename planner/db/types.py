"""Column types that keep domain values intact on SQLite and PostgreSQL alike."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, LargeBinary
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

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], datetime | None] | None:
        """On SQLite, the stored text parsed in one step (SQLAlchemy's own parser is a regular expression).

        A programme is read with two moments per item, so for a large trip this
        is a good part of the reading time.
        """
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)  # type: ignore[no-any-return]
        fallback = super().result_processor(dialect, coltype)

        def process(value: Any) -> datetime | None:
            if value is None:
                return None
            if isinstance(value, str):
                try:
                    return datetime.fromisoformat(value + "+00:00")  # five times quicker than .replace(tzinfo=UTC)
                except ValueError:
                    pass
            return fallback(value) if fallback is not None else value  # type: ignore[no-any-return]

        return process


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

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], LocalizedText]:
        """Stored JSON text read into a LocalizedText, the same text only once.

        Tables and checks read every multilingual cell of a trip (four per
        programme item), and many are alike ("{}", "Working lunch"); a
        LocalizedText is immutable, so equal texts can share one. A driver that
        decodes JSON itself (PostgreSQL) hands over a dict, which is read as is.
        """

        def process(value: Any) -> LocalizedText:
            if isinstance(value, str):
                return _localized_from_json(value)
            return LocalizedText.from_mapping(value or {})

        return process


@lru_cache(maxsize=16384)
def _localized_from_json(raw: str) -> LocalizedText:
    return LocalizedText.from_mapping(json.loads(raw) or {})


class CompressedJSON(TypeDecorator[Any]):
    """JSON data stored zlib-compressed as bytes (BLOB on SQLite, bytea on PostgreSQL).

    For records that are written once, read whole and never searched, such as
    the content of an issued version: thousands of item snapshots whose titles
    and venues repeat, which compress to a tenth and less.
    """

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        return json.loads(zlib.decompress(bytes(value)).decode("utf-8"))
