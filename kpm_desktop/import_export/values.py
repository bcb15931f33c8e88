"""Reading numbers, dates and names as CRM/ERP exports and German Excel write them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache

from kpm_desktop.domain.text import fold

_NUMBER_JUNK = re.compile(r"[\s\u00a0\u202f'€$£%]|EUR|CHF|USD", re.IGNORECASE)
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")
_DIGITS = re.compile(r"^\d+$")


class ValueProblem(ValueError):
    """A cell value cannot be read as the wanted type."""


def parse_number(value: object, decimal_comma: bool = True) -> float | None:
    """A number from a cell: 1.234,56 / 1,234.56 / 1234,5 / -12 / 12- / (12) / 1.234 €.

    ``decimal_comma`` decides the ambiguous cases "1.234" and "1,234" (German files: a
    thousands separator / a decimal comma respectively). Empty text is None.

    Raises:
        ValueProblem: the text is not a number.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueProblem(str(value))
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str):
        raise ValueProblem(str(value))
    s = _NUMBER_JUNK.sub("", value)
    if not s:
        return None
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if s.endswith("-"):  # SAP writes negative amounts with a trailing minus
        negative, s = True, s[:-1]
    if s.startswith(("-", "+")):
        negative, s = s[0] == "-", s[1:]
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        if not decimal_comma and _THOUSANDS_COMMA.match(s):
            s = s.replace(",", "")
        elif s.count(",") == 1:
            s = s.replace(",", ".")
        elif _THOUSANDS_COMMA.match(s):
            s = s.replace(",", "")
    elif ("." in s and s.count(".") > 1) or (decimal_comma and _THOUSANDS_DOT.match(s)):
        if not _THOUSANDS_DOT.match(s):
            raise ValueProblem(value)
        s = s.replace(".", "")
    try:
        number = float(s)
    except ValueError:
        raise ValueProblem(value) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueProblem(value)
    return -number if negative else number


_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


@lru_cache(maxsize=4096)  # exports repeat the same few hundred dates; strptime is slow
def _date_from_text(head: str) -> date:
    m = _GERMAN_DATE.match(head)
    if m:
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            raise ValueProblem(head) from None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date()
        except ValueError:
            continue
    raise ValueProblem(head)


def parse_date(value: object) -> date | None:
    """A date from a cell: 31.12.2026, 31.12.26, 2026-12-31 (time parts ignored), or a date.

    Raises:
        ValueProblem: the text is not a date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueProblem(str(value))
    s = value.strip()
    if not s:
        return None
    try:
        return _date_from_text(s.split("T", 1)[0].split(" ", 1)[0])
    except ValueProblem:
        raise ValueProblem(value) from None


def parse_timestamp(value: object) -> datetime | None:
    """A point in time (UTC) from a datetime, a date or ISO / German text."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            parsed = datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    day = parse_date(value)
    return None if day is None else datetime(day.year, day.month, day.day, tzinfo=UTC)


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious ".0" (Excel stores 4711 as 4711.0)."""
    if value is None:
        return ""
    if isinstance(value, str):
        s = value.strip()
        # Most cells have no inner runs of whitespace; splitting every one costs ~40 % of a read.
        if "  " in s or "\n" in s or "\t" in s or "\r" in s or "\u00a0" in s:
            return " ".join(s.split())
        return s
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


# Legal forms as folded word sequences, longest first so "gmbh co kg" wins over "kg".
_LEGAL_FORMS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(fold(f).split())
            for f in (
                "gmbh co kg",
                "gmbh und co kg",
                "gmbh co kgaa",
                "ag co kg",
                "ag und co kg",
                "ug haftungsbeschraenkt co kg",
                "ug haftungsbeschraenkt",
                "se co kg",
                "gmbh co ohg",
                "gmbh",
                "mbh",
                "ag",
                "kg",
                "kgaa",
                "ohg",
                "gbr",
                "ug",
                "se",
                "e k",
                "ek",
                "e kfm",
                "e kfr",
                "e v",
                "ev",
                "eg",
                "e g",
                "co",
                "ltd",
                "llc",
                "inc",
                "corp",
                "plc",
                "sa",
                "sarl",
                "bv",
                "nv",
                "srl",
                "spa",
                "ab",
                "oy",
                "as",
            )
        ),
        key=len,
        reverse=True,
    )
)


LEGAL_FORM_WORDS: frozenset[str] = frozenset(w for form in _LEGAL_FORMS for w in form if len(w) > 1)
"""The words of legal forms ("gmbh", "kg", "co", ...) wherever they stand in a name."""


@lru_cache(maxsize=65_536)  # the same names and numbers recur on many rows of an export
def name_key(name: str) -> str:
    """The key under which two spellings of one company name are the same.

    "Müller GmbH & Co. KG", "MUELLER gmbh" and "Müller" all give "muller". Only trailing
    legal forms are removed ("AG" inside a name stays); a name that is nothing but a legal
    form keeps it.
    """
    words = fold(name).split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for form in _LEGAL_FORMS:
            n = len(form)
            if len(words) > n and tuple(words[-n:]) == form:
                words = words[:-n]
                changed = True
                break
    return " ".join(words)


@lru_cache(maxsize=65_536)
def number_key(number: str) -> str:
    """Customer/product numbers compare without case, spaces and leading zeros
    (Excel drops leading zeros from number-like ids)."""
    s = "".join(str(number).split()).casefold()
    if s.endswith(".0") and _DIGITS.match(s[:-2]):
        s = s[:-2]
    stripped = s.lstrip("0")
    return stripped if stripped else s
