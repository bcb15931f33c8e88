"""Conversions between domain values and SQLite column values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from typing import TypeVar, overload

_T = TypeVar("_T")


def not_null(value: _T | None, column: str) -> _T:
    """The value read from a NOT NULL column (or ``lastrowid`` after an INSERT): never None.

    None here means a damaged file; say which column instead of failing later.
    """
    if value is None:
        raise ValueError(f"{column} is NULL")
    return value


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


# -- marks and mark_history (migration 3): compact integer columns ---------------------------
# Timestamps of cells and history rows are Unix seconds (UTC) in an INTEGER column: 4 bytes
# instead of a 20-byte ISO text. ``source`` is a small code from this table (codes 0 and 1
# take no bytes at all in an SQLite record); a source name not in the table is stored as its
# text. Append new names at the END only: the position is what the file stores.
SOURCE_NAMES: tuple[str, ...] = (
    "user",
    "undo",
    "redo",
    "import",
    "import-undo",
    "generate",
    "demo",
)
_SOURCE_CODE = {name: code for code, name in enumerate(SOURCE_NAMES)}


def source_to_db(source: str) -> int | str:
    return _SOURCE_CODE.get(source, source)


def source_from_db(value: int | str | None) -> str:
    if value is None:
        return "user"
    if isinstance(value, int):
        return SOURCE_NAMES[value] if 0 <= value < len(SOURCE_NAMES) else str(value)
    return value


@overload
def epoch_to_db(value: datetime) -> int: ...
@overload
def epoch_to_db(value: None) -> None: ...
@overload
def epoch_to_db(value: datetime | None) -> int | None: ...
def epoch_to_db(value: datetime | None) -> int | None:
    """A timestamp as whole Unix seconds (naive datetimes count as UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return int(value.timestamp())


def epoch_from_db(value: int | str | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):  # written by hand or by another tool
        return ts_from_db(value)
    return _epoch_cache(int(value))


@lru_cache(maxsize=4096)  # bulk reads see the same few instants over and over
def _epoch_cache(value: int) -> datetime:
    return datetime.fromtimestamp(value, UTC)


def source_sql(column: str) -> str:
    """SQL turning an old text ``source`` column into the codes above (used by migration 3)."""
    cases = " ".join(f"WHEN '{name}' THEN {code}" for code, name in enumerate(SOURCE_NAMES))
    return f"CASE {column} {cases} ELSE {column} END"
