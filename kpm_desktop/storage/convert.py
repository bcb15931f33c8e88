"""Conversions between domain values and SQLite column values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache


def utc_now() -> datetime:
    """Now, in UTC, to the second (what timestamps in the file store)."""
    return datetime.now(UTC).replace(microsecond=0)


@lru_cache(maxsize=4096)  # bulk writes stamp thousands of cells with the same few instants
def ts_to_db(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ts_from_db(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def date_to_db(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def date_from_db(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
