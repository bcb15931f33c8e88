"""The compact server encoding of cells (team schema version 2).

A cell travels between the app and ``kpm.cell_changes`` / ``kpm.cell_state`` as
``(customer uuid, product uuid, mark, verified_at, details)``: the mark as a small int (None:
a white spot again), verified_at as a timestamp and the other fields of the cell's JSON value
(``local.LocalStore._cell_json``) only when they differ from their default, as jsonb (None when
there are none: the usual case). ``decode(encode(v)) == v`` for every value the app writes.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any

# The fields of a cell value besides mark and verified_at, with the value they have when unset.
DEFAULTS: dict[str, Any] = {
    "competitor": None,
    "our_revenue": None,
    "potential": None,
    "contract_end": None,
    "no_need_reason": "",
    "recheck_at": None,
    "note": "",
}
_TS = "%Y-%m-%dT%H:%M:%SZ"

Encoded = tuple[int | None, datetime | None, dict | None]


def split_key(key: str) -> tuple[str, str]:
    customer, _, product = key.partition("/")
    return customer, product


def client_uuid(client_id: str) -> uuid.UUID:
    """A client id as the uuid the cell tables store (what ``kpm.client_uuid`` computes)."""
    try:
        return uuid.UUID(client_id)
    except ValueError:
        return uuid.UUID(hashlib.md5(client_id.encode()).hexdigest())


def _parse_ts(text: str) -> datetime | None:
    try:
        parsed = datetime.strptime(text, _TS).replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.strftime(_TS) == text else None


def encode(value: dict | None) -> Encoded:
    if value is None:
        return None, None, None
    details: dict[str, Any] = {}
    verified = value.get("verified_at")
    verified_ts = _parse_ts(verified) if verified is not None else None
    if verified is not None and verified_ts is None:
        details["verified_at"] = verified  # not in the app's own form: kept as it is
    for field, v in value.items():
        if field in ("mark", "verified_at"):
            continue
        if v is not None and v != DEFAULTS.get(field):
            details[field] = v
    return int(value["mark"]), verified_ts, details or None


def decode(mark: int | None, verified_at: datetime | None, details: dict | None) -> dict | None:
    if mark is None:
        return None
    value: dict[str, Any] = {"mark": int(mark), **DEFAULTS}
    value["verified_at"] = (
        verified_at.astimezone(UTC).strftime(_TS) if verified_at is not None else None
    )
    if details:
        value.update(details)
    return value
